//! The whole binary on a large network, against `cat` reading the same
//! files (issue 9: `label evaluate --format json` on 10,000 structures
//! within 2× of `cat`, peak memory under 100 MB). Run with
//! `cargo bench --bench network` (10,000 structures), or
//! `cargo bench --bench network -- 450 2000` for other sizes; figures go to
//! docs/performance.md. Stage by stage, in-process: `benches/pipeline.rs`.

mod data;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const RUNS: usize = 5;

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![10_000]
    } else {
        sizes
    };
    println!(
        "médiane de {RUNS} exécutions alternées, après une exécution à vide ; {} cœurs",
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    for n in sizes {
        measure(n);
    }
}

fn measure(n: usize) {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("reseau-{n}"));
    let _ = std::fs::remove_dir_all(&root);
    data::write_network(&root, n);
    let mut files = data::yaml_files(&root);
    files.push(root.join("label.toml"));
    let bytes: u64 = files
        .iter()
        .map(|f| std::fs::metadata(f).map_or(0, |m| m.len()))
        .sum();
    let label = || {
        let mut command = Command::new(env!("CARGO_BIN_EXE_label"));
        command
            .args(["evaluate", "--format", "json", "--date", data::TODAY])
            .current_dir(&root);
        command
    };
    let list = nul_separated(&files);
    let cat = || {
        let mut command = Command::new("xargs");
        command.args(["-0", "cat"]);
        command
    };
    let find_cat = || {
        let mut command = Command::new("sh");
        command
            .args([
                "-c",
                "find . -name '*.yaml' -o -name label.toml | xargs cat",
            ])
            .current_dir(&root);
        command
    };
    let output = label().output().expect("label runs");
    assert!(output.status.success(), "label evaluate failed on {n}");
    let out_bytes = output.stdout.len();
    let (mut t_label, mut t_cat, mut t_find) = (Vec::new(), Vec::new(), Vec::new());
    let _ = run(&mut cat(), Some(&list));
    for _ in 0..RUNS {
        t_label.push(run(&mut label(), None));
        t_cat.push(run(&mut cat(), Some(&list)));
        t_find.push(run(&mut find_cat(), None));
    }
    let (label_time, cat_time) = (median(t_label), median(t_cat));
    println!(
        "{n} structures, {} fichiers YAML, {:.1} Mo lus",
        files.len() - 1,
        bytes as f64 / 1e6
    );
    println!(
        "  label evaluate --format json : {:>8.1} ms   {}   sortie {:.1} Mo ({:.1} Ko par structure)",
        ms(label_time),
        gnu_time(&mut label()),
        out_bytes as f64 / 1e6,
        out_bytes as f64 / n as f64 / 1e3
    );
    println!("  cat des mêmes fichiers       : {:>8.1} ms", ms(cat_time));
    println!(
        "  find | xargs cat             : {:>8.1} ms",
        ms(median(t_find))
    );
    println!(
        "  rapport label / cat          : {:>8.1} × (objectif : ≤ 2 ×)",
        label_time.as_secs_f64() / cat_time.as_secs_f64()
    );
}

fn nul_separated(files: &[PathBuf]) -> Vec<u8> {
    let mut list = Vec::new();
    for file in files {
        list.extend_from_slice(file.as_os_str().as_encoded_bytes());
        list.push(0);
    }
    list
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// Wall-clock time of one run, output discarded; `input` goes to stdin.
fn run(command: &mut Command, input: Option<&[u8]>) -> Duration {
    let start = Instant::now();
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("command runs");
    let stdin = child.stdin.take();
    if let (Some(mut stdin), Some(input)) = (stdin, input) {
        stdin.write_all(input).expect("stdin open");
    }
    let status = child.wait().expect("command ends");
    let elapsed = start.elapsed();
    assert!(status.success(), "command failed: {status}");
    elapsed
}

/// Peak resident memory and processor time of one run, from GNU time
/// (`apt-get install time`).
fn gnu_time(command: &mut Command) -> String {
    let program = command.get_program().to_owned();
    let args: Vec<_> = command.get_args().map(ToOwned::to_owned).collect();
    let mut timed = Command::new("/usr/bin/time");
    timed.args(["-f", "%M %U %S"]).arg(program).args(args);
    if let Some(dir) = command.get_current_dir() {
        timed.current_dir(dir);
    }
    let Ok(output) = timed.stdout(Stdio::null()).output() else {
        return "mémoire max. n/d (installer GNU time)".into();
    };
    let stderr = String::from_utf8_lossy(&output.stderr);
    let fields: Vec<f64> = stderr
        .lines()
        .last()
        .unwrap_or_default()
        .split_whitespace()
        .filter_map(|f| f.parse().ok())
        .collect();
    match fields[..] {
        [kb, user, system] => format!(
            "mémoire max. {:.0} Mo   processeur {:.2} s (utilisateur {user:.2} s, système {system:.2} s)",
            kb / 1024.0,
            user + system
        ),
        _ => "mémoire max. n/d".into(),
    }
}
