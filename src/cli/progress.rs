//! A progress bar on standard error, only on a terminal and never in CI.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};

use crate::validate::Progress;

/// Below this many structures, a run is too short for a bar.
const MIN_TOTAL: usize = 200;

pub struct Bar(Option<ProgressBar>);

/// A bar when standard error is a terminal outside CI, else nothing.
pub fn bar() -> Bar {
    let wanted =
        std::io::stderr().is_terminal() && std::env::var_os("CI").is_none() && !super::out::quiet();
    Bar(wanted.then(ProgressBar::hidden))
}

impl Progress for Bar {
    fn start(&self, total: usize) {
        let Some(bar) = &self.0 else { return };
        if total < MIN_TOTAL {
            return;
        }
        bar.set_length(total as u64);
        bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        if let Ok(style) =
            ProgressStyle::with_template("{bar:40} {pos}/{len} structures ({eta} restantes)")
        {
            bar.set_style(style);
        }
    }

    fn step(&self) {
        if let Some(bar) = &self.0 {
            bar.inc(1);
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}
