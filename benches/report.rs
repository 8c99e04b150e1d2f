//! In-process benchmark of `label report` on a network (issue 11): every
//! structure found, read, checked, evaluated and hashed, then the synthesis
//! built and rendered into memory, for 450 and 10,000 generated
//! structures (targets: under 300 ms and under 3 s). Stages apart:
//! `gather` (files to evaluations and digests) and `render` (model and
//! HTML from gathered evaluations). Run with `cargo bench --bench report`;
//! figures go to docs/performance.md.

mod data;

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use divan::Bencher;

use label::date::Date;
use label::output::report::{self, ReportFormat};
use label::validate::Silent;
use label::workspace::Workspace;

// The binary's allocator: the figures must be those of `label` itself.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

const SIZES: [usize; 2] = [450, 10_000];

static TODAY: LazyLock<Date> = LazyLock::new(|| Date::parse(data::TODAY).expect("a date"));

/// The generated workspace of `n` structures, written once per run.
fn root(n: usize) -> PathBuf {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("rapport-{n}"));
    if !root.join("label.toml").is_file() {
        let _ = std::fs::remove_dir_all(&root);
        data::write_network(&root, n);
    }
    root
}

fn workspace(n: usize) -> Workspace {
    Workspace::discover(&root(n)).expect("the generated workspace")
}

/// Everything `label report --format html` does on a network after
/// parsing its arguments, output into memory.
fn network_html(workspace: &Workspace) -> String {
    let gathered = label::report::gather(workspace, &[], *TODAY, &Silent);
    assert_eq!(gathered.report.error_count(), 0);
    let model = label::report::network_report(
        &gathered.structures,
        &[],
        None,
        &workspace.catalog(),
        Some(*TODAY),
        (None, gathered.files),
    );
    report::network(&model, ReportFormat::Html)
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn network(bencher: Bencher, n: usize) {
    let workspace = workspace(n);
    bencher.bench(|| network_html(&workspace));
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn gather(bencher: Bencher, n: usize) {
    let workspace = workspace(n);
    bencher.bench(|| label::report::gather(&workspace, &[], *TODAY, &Silent));
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn render(bencher: Bencher, n: usize) {
    let workspace = workspace(n);
    let gathered = label::report::gather(&workspace, &[], *TODAY, &Silent);
    let catalog = workspace.catalog();
    bencher.bench(|| {
        let model = label::report::network_report(
            &gathered.structures,
            &[],
            None,
            &catalog,
            Some(*TODAY),
            (None, gathered.files.clone()),
        );
        report::network(&model, ReportFormat::Html)
    });
}
