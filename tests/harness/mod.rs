//! A small table-driven harness for hostile inputs (issue 14): each case
//! prepares a folder, runs the real binary once, and checks the exit code,
//! a diagnostic code, a bound on time (killed after 10 s) and on memory
//! (address space limited to 1 GiB with `prlimit`), that no raw control
//! character reaches the output, and that nothing on disk changed unless
//! the command writes by design.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub const DATE: &str = "2026-11-27";

/// `label init` on the workspace's `missions-locales` 1.0.0, named: a broken
/// copy there would otherwise leave the embedded 1.1.0 to be taken.
pub const INIT: [&str; 8] = [
    "init",
    "ml-x",
    "--structure",
    "ml-x",
    "--nom",
    "X",
    "--referentiel",
    "missions-locales@1.0.0",
];
const TIME_LIMIT: Duration = Duration::from_secs(10);
const MEMORY_LIMIT: &str = "--as=1073741824";

/// One hostile situation and what `label` must answer.
pub struct Case {
    pub name: String,
    pub args: Vec<String>,
    pub exit: i32,
    /// A diagnostic code that must appear (`"YAML004"`), or `""`.
    pub code: &'static str,
    /// Whether the command may change files (a write by design).
    pub writes: bool,
    /// Texts that must not appear in the output (a secret, a formula).
    pub forbid: Vec<&'static str>,
    pub setup: Box<dyn Fn(&Path)>,
}

impl Case {
    pub fn new(name: impl Into<String>, args: &[&str], exit: i32, code: &'static str) -> Case {
        Case {
            name: name.into(),
            args: args.iter().map(|a| a.to_string()).collect(),
            exit,
            code,
            writes: false,
            forbid: Vec::new(),
            setup: Box::new(|_| {}),
        }
    }

    pub fn setup(mut self, setup: impl Fn(&Path) + 'static) -> Case {
        self.setup = Box::new(setup);
        self
    }

    pub fn forbid(mut self, text: &'static str) -> Case {
        self.forbid.push(text);
        self
    }

    pub fn writes(mut self) -> Case {
        self.writes = true;
        self
    }
}

/// The commands that read a structure folder `ml`, with their arguments.
pub fn structure_commands() -> Vec<Vec<&'static str>> {
    let date = ["--date", DATE];
    let mut all = vec![
        vec!["validate", "ml"],
        vec!["evaluate", "ml"],
        vec!["plan", "ml", "--dry-run"],
        vec!["plan", "ml", "--suivi"],
        vec!["checklist", "ml"],
        vec!["audit", "ml"],
    ];
    for args in &mut all {
        args.extend(date);
    }
    all
}

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A valid structure folder `ml` (with a plan, an audit, past audits).
pub fn structure(dir: &Path) {
    copy_dir(
        &root().join("examples/structures/ml-val-de-garonne"),
        &dir.join("ml"),
    );
}

/// Replaces the text of `dir/file`.
pub fn rewrite(dir: &Path, file: &str, change: impl Fn(&str) -> Vec<u8>) {
    let path = dir.join(file);
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, change(&text)).unwrap();
}

pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let dest = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &dest);
        } else {
            fs::copy(entry.path(), dest).unwrap();
        }
    }
}

/// Every entry under `dir`: its kind, and a regular file's bytes or a
/// link's target. FIFOs and devices are never opened.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut found = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(path) = stack.pop() {
        let Ok(meta) = fs::symlink_metadata(&path) else {
            continue;
        };
        let kind = meta.file_type();
        let content = if kind.is_symlink() {
            let target = fs::read_link(&path).unwrap_or_default();
            [b"link:".as_slice(), target.as_os_str().as_encoded_bytes()].concat()
        } else if kind.is_dir() {
            for entry in fs::read_dir(&path).into_iter().flatten().flatten() {
                stack.push(entry.path());
            }
            b"dir".to_vec()
        } else if kind.is_file() {
            fs::read(&path).unwrap_or_default()
        } else {
            b"special".to_vec()
        };
        found.insert(path, content);
    }
    found
}

/// What one bounded run gave.
pub struct Outcome {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `label ARGS` in `dir` under the time and memory bounds.
pub fn bounded(dir: &Path, args: &[String]) -> Result<Outcome, String> {
    let mut command = if has_prlimit() {
        let mut c = Command::new("prlimit");
        c.args([MEMORY_LIMIT, "--"])
            .arg(env!("CARGO_BIN_EXE_label"));
        c
    } else {
        Command::new(env!("CARGO_BIN_EXE_label"))
    };
    let mut child = command
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    // Both pipes are drained while the child runs: a large output must not
    // block it.
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut bytes);
            }
            String::from_utf8_lossy(&bytes).into_owned()
        })
    };
    let stdout = drain(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let stderr = drain(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            break status;
        }
        if start.elapsed() > TIME_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("still running after {TIME_LIMIT:?}"));
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Ok(Outcome {
        code: status.code().unwrap_or(-1),
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
    })
}

/// `prlimit` (util-linux) bounds the memory; under CI it must be there.
fn has_prlimit() -> bool {
    let found = Command::new("prlimit")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        found || std::env::var("CI").as_deref() != Ok("true"),
        "prlimit (util-linux) is needed under CI"
    );
    found
}

/// Runs one case; what went wrong, if anything.
pub fn check(case: &Case) -> Result<(), String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    (case.setup)(dir.path());
    let before = tree(dir.path());
    let run = bounded(dir.path(), &case.args)?;
    let said = format!("{}{}", run.stdout, run.stderr);
    let mut wrong = Vec::new();
    if run.code != case.exit {
        wrong.push(format!("exit {} instead of {}", run.code, case.exit));
    }
    if !case.code.is_empty() && !said.contains(&format!("[{}]", case.code)) {
        wrong.push(format!("no [{}]", case.code));
    }
    if let Some(c) = said
        .chars()
        .find(|c| c.is_control() && !matches!(c, '\n' | '\t'))
    {
        wrong.push(format!("raw control character {c:?} in the output"));
    }
    // Raw system or library messages in English.
    for english in [
        "os error",
        "panicked",
        "Error:",
        "error:",
        "No such file",
        "Is a directory",
        "File exists",
        "Too many levels",
        "invalid UTF-8",
        "Permission denied",
        "No space left",
        "Broken pipe",
        "not found",
        "failed to",
    ] {
        if said.contains(english) {
            wrong.push(format!("« {english} » in the output"));
        }
    }
    for text in &case.forbid {
        if said.contains(text) {
            wrong.push(format!("« {text} » in the output"));
        }
    }
    if !case.writes && tree(dir.path()) != before {
        wrong.push("files changed on disk".into());
    }
    if wrong.is_empty() {
        Ok(())
    } else {
        let said: String = said.chars().take(1500).collect();
        Err(format!("{}\n{said}", wrong.join("; ")))
    }
}

/// Runs every case, then fails once with all that went wrong.
pub fn run_all(cases: Vec<Case>) {
    let mut failures = Vec::new();
    let count = cases.len();
    for case in &cases {
        if let Err(why) = check(case) {
            failures.push(format!("── {} ({:?}): {why}", case.name, case.args));
        }
    }
    eprintln!("hostile cases run: {count}");
    assert!(
        failures.is_empty(),
        "{} of {count} hostile cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Arguments as owned strings, for cases built in loops.
pub fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|a| a.to_string()).collect()
}

pub mod fields;
