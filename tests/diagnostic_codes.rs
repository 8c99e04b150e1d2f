//! Every diagnostic code is documented in docs/diagnostics.md, and every
//! documented code has a fixture that triggers it, snapshot-tested.

mod common;

use std::collections::BTreeSet;
use std::fs;

use label::diagnostics::Code;

fn documented_codes() -> Vec<String> {
    let page = fs::read_to_string(common::root().join("docs/diagnostics.md")).expect("docs page");
    page.lines()
        .filter_map(|l| l.strip_prefix("## "))
        .map(|c| c.trim().to_string())
        .collect()
}

#[test]
fn every_code_is_documented_and_every_documented_code_exists() {
    let documented: BTreeSet<String> = documented_codes().into_iter().collect();
    let known: BTreeSet<String> = Code::ALL.iter().map(|c| c.as_str().to_string()).collect();
    assert_eq!(
        documented, known,
        "docs/diagnostics.md and Code::ALL differ"
    );
}

#[test]
fn every_documented_code_has_a_fixture_that_triggers_it() {
    for code in documented_codes() {
        let fixture = common::fixture("diagnostics").join(&code);
        assert!(fixture.is_dir(), "no fixture folder for {code}");
        let temp = tempfile::tempdir().unwrap();
        let dir = materialize(&fixture, temp.path());
        let args_file = fixture.join("args");
        let args = fs::read_to_string(&args_file).unwrap_or_else(|_| "lint .".into());
        let mut args: Vec<&str> = args.split_whitespace().collect();
        let text = common::label(&dir, &args);
        // `init`, `plan`, `audit`, `import`, `migrate` and `diff` have no diagnostic --format:
        // their diagnostics go to stderr as text.
        if !["init", "plan", "audit", "import", "migrate", "diff"].contains(&args[0]) {
            args.extend(["--format", "concise"]);
        }
        let concise = common::label(&dir, &args);
        assert!(
            concise.stdout.contains(&format!("[{code}]"))
                || concise.stderr.contains(&format!("[{code}]")),
            "{code} not triggered by its fixture:\n{}",
            concise.stdout
        );
        assert_ne!(concise.code, 101, "panic on fixture {code}");
        let shown = format!(
            "{}{}\n---\n{}{}",
            concise.snapshot(),
            concise.stderr,
            text.snapshot(),
            text.stderr
        );
        insta::assert_snapshot!(format!("code_{code}"), shown);
    }
}

/// The fixture itself, or a temporary copy holding the symbolic links its
/// `liens` file lists (`name -> target`).
fn materialize(fixture: &std::path::Path, temp: &std::path::Path) -> std::path::PathBuf {
    let Ok(links) = fs::read_to_string(fixture.join("liens")) else {
        return fixture.to_path_buf();
    };
    for line in links.lines() {
        let (name, target) = line.split_once(" -> ").expect("name -> target");
        #[cfg(unix)]
        std::os::unix::fs::symlink(target, temp.join(name)).unwrap();
        #[cfg(not(unix))]
        let _ = (name, target);
    }
    temp.to_path_buf()
}
