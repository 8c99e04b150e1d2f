//! The one place that writes to the terminal: standard output through one
//! buffered writer, standard error for messages. A closed pipe
//! (`label … | head`) ends output quietly with the computed status; any
//! other write failure is a fatal diagnostic (FS006, exit 2).

use std::io::{self, BufWriter, IsTerminal, Stdout, Write};

use crate::diagnostics::{Diagnostic, Finding, Location};

/// Standard output of one run.
pub struct Out {
    writer: BufWriter<Stdout>,
    failure: Option<io::Error>,
}

impl Default for Out {
    fn default() -> Self {
        Out::new()
    }
}

impl Out {
    pub fn new() -> Out {
        Out {
            writer: BufWriter::new(io::stdout()),
            failure: None,
        }
    }

    /// Whether standard output is a terminal (colour, widths).
    pub fn is_terminal(&self) -> bool {
        io::stdout().is_terminal()
    }

    /// Writes text; after a first failure, nothing more is attempted.
    pub fn print(&mut self, text: &str) {
        self.stream(|w| w.write_all(text.as_bytes()));
    }

    /// Lets a renderer stream into standard output.
    pub fn stream(&mut self, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) {
        if self.failure.is_none()
            && let Err(error) = write(&mut self.writer)
        {
            self.failure = Some(error);
        }
    }

    /// Flushes and gives the exit code: `code` itself, unless writing
    /// failed for another reason than a closed pipe.
    pub fn finish(mut self, code: u8) -> u8 {
        if self.failure.is_none()
            && let Err(error) = self.writer.flush()
        {
            self.failure = Some(error);
        }
        match self.failure.take() {
            None => code,
            Some(error) if error.kind() == io::ErrorKind::BrokenPipe => code,
            Some(error) => {
                let detail = format!("sortie standard : {}", io_reason(&error));
                let diagnostic =
                    Diagnostic::new(Finding::WriteFailed { detail }, Location::file("-"));
                let label = diagnostic.severity.label();
                eprint(&format!(
                    "{label}[{}] : {}\n",
                    diagnostic.code, diagnostic.message
                ));
                2
            }
        }
    }
}

/// Writes a message on standard error; if even that fails, there is no one
/// left to tell.
pub fn eprint(text: &str) {
    let mut stderr = io::stderr().lock();
    let _ = stderr
        .write_all(text.as_bytes())
        .and_then(|_| stderr.flush());
}

/// Whether standard error is a terminal.
pub fn stderr_is_terminal() -> bool {
    io::stderr().is_terminal()
}

/// An I/O failure told in French.
pub fn io_reason(error: &io::Error) -> String {
    crate::source::io_reason(error)
}

/// The colour policy: only on a terminal, and never when `NO_COLOR` is set.
pub fn color(is_terminal: bool) -> crate::output::Color {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    if is_terminal && !no_color {
        crate::output::Color::Always
    } else {
        crate::output::Color::Never
    }
}
