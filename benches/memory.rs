//! Where the memory of `label evaluate --format json` goes on a large
//! network: the bytes alive after each stage, counted by a wrapper around
//! mimalloc (the binary's allocator), and the process's peak. Run with
//! `cargo bench --bench memory` (10,000 structures, or `-- 450`); figures
//! go to docs/performance.md.

mod data;

use std::alloc::{GlobalAlloc, Layout};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use label::evaluation;
use label::output::evaluation::{EvaluationView, RenderOptions, ResultFormat};
use label::validate::Silent;

/// mimalloc, counting the bytes alive and their peak.
struct Counting;

static ALIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grow(bytes: usize) {
    let alive = ALIVE.fetch_add(bytes, Relaxed) + bytes;
    PEAK.fetch_max(alive, Relaxed);
}

// SAFETY: every call goes to mimalloc unchanged; only counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grow(layout.size());
        unsafe { mimalloc::MiMalloc.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        ALIVE.fetch_sub(layout.size(), Relaxed);
        unsafe { mimalloc::MiMalloc.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, size: usize) -> *mut u8 {
        if size >= layout.size() {
            grow(size - layout.size());
        } else {
            ALIVE.fetch_sub(layout.size() - size, Relaxed);
        }
        unsafe { mimalloc::MiMalloc.realloc(ptr, layout, size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn main() {
    let n = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(10_000);
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("memoire-{n}"));
    let _ = std::fs::remove_dir_all(&root);
    data::write_network(&root, n);
    let workspace = label::workspace::Workspace::discover(&root).expect("generated workspace");
    let today = label::date::Date::parse(data::TODAY).expect("a date");
    println!(
        "label evaluate --format json, {n} structures, octets vivants (pic depuis l'étape précédente)"
    );
    PEAK.store(ALIVE.load(Relaxed), Relaxed);
    stage("départ");
    let (report, structures) = evaluation::evaluate_all(&workspace, &[], today, &Silent);
    stage("structures lues, vérifiées et évaluées");
    let view = EvaluationView {
        network: Some(evaluation::network(&structures, false, None)),
        anonymous: None,
        structures: &structures,
        report: &report,
    };
    stage("vue réseau");
    let options = RenderOptions {
        width: 80,
        excel: false,
        readable: false,
    };
    label::output::evaluation::write(&view, ResultFormat::Json, options, &mut std::io::sink())
        .expect("a sink");
    stage("JSON écrit (sortie jetée)");
    println!(
        "par structure gardée : {:.1} Ko ; mémoire maximale du processus : {}",
        ALIVE.load(Relaxed) as f64 / n as f64 / 1e3,
        peak_rss()
    );
}

fn stage(name: &str) {
    let mb = |bytes: usize| bytes as f64 / 1e6;
    println!(
        "  {name:<40} {:>7.1} Mo   (pic {:>7.1} Mo)",
        mb(ALIVE.load(Relaxed)),
        mb(PEAK.load(Relaxed))
    );
    PEAK.store(ALIVE.load(Relaxed), Relaxed);
}

/// The kernel's high-water mark of resident memory (Linux).
fn peak_rss() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
            let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
            Some(format!("{:.0} Mo", kb / 1024.0))
        })
        .unwrap_or_else(|| "n/d".into())
}
