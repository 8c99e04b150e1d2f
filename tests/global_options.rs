//! Issue 13 item 4, found in QA: the global options behave as
//! docs/ligne-de-commande.md says for every command.

mod common;

use std::fs;
use std::path::Path;

use common::{label, root};

/// A structure folder `ml` outside any workspace: the embedded
/// referentials are used, and every command says so (CFG005, a remark).
fn lone_structure() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy(
        &root().join("examples/structures/ml-pays-de-vitre"),
        &dir.path().join("ml"),
    );
    dir
}

fn copy(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap().flatten() {
        let dest = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy(&entry.path(), &dest);
        } else {
            fs::copy(entry.path(), dest).unwrap();
        }
    }
}

#[test]
fn item_4_quiet_evaluate_drops_the_remark() {
    let dir = lone_structure();
    let args = ["evaluate", "ml", "--date", "2026-11-27"];
    let loud = label(dir.path(), &args);
    assert!(loud.stderr.contains("CFG005"), "{}", loud.stderr);
    for format in ["text", "csv", "markdown"] {
        let run = label(
            dir.path(),
            &[&args[..], &["-q", "--format", format]].concat(),
        );
        assert_eq!(run.code, loud.code, "{format}");
        assert!(!run.stderr.contains("CFG005"), "{format}: {}", run.stderr);
    }
}

#[test]
fn item_4_an_unknown_ignored_code_names_cli001_and_the_closest_code() {
    let dir = tempfile::tempdir().unwrap();
    let run = label(dir.path(), &["lint", "--ignore", "REF10"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("(CLI001)"), "{}", run.stderr);
    assert!(run.stderr.contains("« REF010 »"), "{}", run.stderr);
    let run = label(dir.path(), &["lint", "--ignore", "SCH001"]);
    assert!(run.stderr.contains("(CLI002)"), "{}", run.stderr);
}

#[cfg(unix)]
#[test]
fn item_4_a_new_output_file_gets_the_usual_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = lone_structure();
    let mode = |name: &str| {
        let meta = fs::metadata(dir.path().join(name)).unwrap();
        meta.permissions().mode() & 0o777
    };
    // What any program creating a file gets here (0666 less the umask).
    fs::write(dir.path().join("témoin"), "").unwrap();
    for (args, file) in [
        (&["export", "ml", "-o", "a.xlsx"][..], "a.xlsx"),
        (&["validate", "ml", "-o", "v.txt"], "v.txt"),
    ] {
        let run = label(dir.path(), args);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert_eq!(mode(file), mode("témoin"), "{file}");
    }
    // An existing file keeps its own.
    fs::set_permissions(dir.path().join("v.txt"), fs::Permissions::from_mode(0o640)).unwrap();
    label(dir.path(), &["validate", "ml", "-o", "v.txt"]);
    assert_eq!(mode("v.txt"), 0o640);
}

#[cfg(unix)]
#[test]
fn item_4_usage_says_label_whatever_the_binary_is_called() {
    let dir = tempfile::tempdir().unwrap();
    let renamed = dir.path().join("label.exe");
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_label"), &renamed).unwrap();
    let output = std::process::Command::new(&renamed)
        .args(["export", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&output.stdout);
    assert!(help.contains("Utilisation : label export"), "{help}");
    let same = label(dir.path(), &["help", "export"]);
    assert_eq!(same.stdout, help);
}
