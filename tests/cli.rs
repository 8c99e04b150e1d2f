//! The command line as a whole (issue 8, items 13, 15–18): one writer that
//! ends quietly on a closed pipe, options never silently ignored, help in
//! French, commands that find their structure from inside it.

mod common;

use std::io::Read;
use std::process::{Command, Stdio};

use common::{label, root};

const DATE: &str = "2026-11-27";

/// Runs `label ARGS`, reads one byte of its output and closes the pipe, as
/// `label … | head -c 1` does.
fn closed_pipe(args: &[&str]) -> (i32, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_label"))
        .args(args)
        .current_dir(root())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut byte = [0u8; 1];
    stdout.read_exact(&mut byte).unwrap();
    drop(stdout);
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    (output.status.code().unwrap_or(-1), stderr)
}

#[test]
fn item_13_closed_pipe_ends_quietly_with_the_computed_status() {
    // Outputs larger than a pipe's buffer, so that writing does fail.
    let big = "examples/structures";
    let cases: [&[&str]; 4] = [
        &["evaluate", big, "--format", "json", "--date", DATE],
        &["validate", big, "--format", "sarif", "--date", DATE],
        &["schema", "autoevaluation"],
        &["lint", "referentiels", "--format", "sarif"],
    ];
    for args in cases {
        let (code, stderr) = closed_pipe(args);
        assert!(code == 0 || code == 1, "{args:?}: exit {code}, {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_eq!(stderr, "", "{args:?}");
    }
}

#[cfg(target_os = "linux")]
#[test]
fn item_13_full_disk_is_a_fatal_diagnostic() {
    let full = std::fs::File::create("/dev/full").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_label"))
        .args(["schema", "autoevaluation"])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "erreur[FS006] : écriture impossible : sortie standard : plus de place sur le disque (erreur système 28)\n"
    );
}

#[test]
fn item_15_options_that_would_be_ignored_are_refused() {
    let vitre = "examples/structures/ml-pays-de-vitre";
    let cases: [&[&str]; 11] = [
        &["evaluate", vitre, "--excel"],
        &["evaluate", vitre, "--excel", "--format", "json"],
        &["evaluate", vitre, "--format", "json", "--largeur", "90"],
        &["evaluate", vitre, "--format", "csv", "--par-region"],
        &["evaluate", vitre, "--largeur", "0"],
        &["evaluate", vitre, "--largeur", "abc"],
        &["plan", vitre, "--format", "json"],
        &["plan", vitre, "--fail-on", "retard"],
        &["plan", vitre, "--suivi", "--dry-run"],
        &["plan", vitre, "--dry-run", "--largeur", "90"],
        &[
            "plan",
            vitre,
            "--suivi",
            "--format",
            "json",
            "--largeur",
            "90",
        ],
    ];
    for args in cases {
        let run = label(&root(), args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stdout);
        assert_eq!(run.stdout, "", "{args:?}");
        assert!(
            run.stderr.starts_with("erreur : "),
            "{args:?}: {}",
            run.stderr
        );
    }
    let ok = label(&root(), &["evaluate", vitre, "--excel", "--format", "csv"]);
    assert_eq!(ok.code, 0, "{}", ok.stderr);
    // Without effect on one structure: said on stderr, not silently ignored.
    let one = label(&root(), &["evaluate", vitre, "--par-region"]);
    assert_eq!(one.code, 0, "{}", one.stderr);
    assert!(
        one.stderr.contains("--par-region est sans effet"),
        "{}",
        one.stderr
    );
}

#[test]
fn item_16_help_is_french_and_label_help_works() {
    let run = label(&root(), &["--help"]);
    assert!(run.stdout.contains("Commandes :"), "{}", run.stdout);
    assert!(run.stdout.contains("Options :"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("Utilisation : label [OPTIONS] <COMMANDE>"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("Usage"), "{}", run.stdout);
    let help = label(&root(), &["help", "evaluate"]);
    assert_eq!(help.code, 0, "{}", help.stderr);
    assert!(
        help.stdout.contains("Utilisation : label evaluate"),
        "{}",
        help.stdout
    );
    let top = label(&root(), &["help"]);
    assert_eq!(top.code, 0);
    assert_eq!(top.stdout, run.stdout);
}

#[test]
fn item_17_help_wraps_at_80_columns() {
    for args in [
        &["--help"][..],
        &["evaluate", "--help"],
        &["plan", "--help"],
    ] {
        let run = label(&root(), args);
        for line in run.stdout.lines() {
            assert!(line.chars().count() <= 80, "{args:?}: {line}");
        }
    }
}

#[test]
fn item_18_commands_find_the_structure_from_inside_it() {
    let dir = tempfile::tempdir().unwrap();
    common::copy_dir(&root().join("examples"), dir.path());
    let inside = dir.path().join("structures/ml-val-de-garonne/preuves");
    std::fs::create_dir_all(&inside).unwrap();
    let evaluate = label(&inside, &["evaluate", "--format", "json", "--date", DATE]);
    let value: serde_json::Value = serde_json::from_str(&evaluate.stdout).unwrap();
    let structures = value["structures"].as_array().unwrap();
    assert_eq!(structures.len(), 1, "{}", evaluate.stdout);
    assert_eq!(structures[0]["id"], "ml-val-de-garonne");
    let validate = label(&inside, &["validate", "--date", DATE]);
    assert!(
        validate.stdout.contains("(1 élément vérifié)"),
        "{}",
        validate.stdout
    );
    let plan = label(&inside, &["plan", "--dry-run", "--date", DATE]);
    assert_eq!(plan.code, 0, "{}", plan.stderr);
    assert!(plan.stdout.contains("plan.yaml"), "{}", plan.stdout);
}
