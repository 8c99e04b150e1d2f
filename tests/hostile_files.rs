//! Links and special files (issue 14, items 1–3): nothing is read from
//! outside a folder, nothing written through a link, nothing hangs.

#![cfg(unix)]

mod common;

use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{label, root};

const DATE: &str = "2026-11-27";

fn structure(dir: &Path) -> std::path::PathBuf {
    let ml = dir.join("ml");
    common::copy_dir(&root().join("examples/structures/ml-val-de-garonne"), &ml);
    ml
}

/// Runs `label ARGS` in `dir`, killed after 10 s: a hang is a failure.
fn bounded(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_label"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(10) {
            child.kill().unwrap();
            panic!("label {args:?} hangs");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (
        out.status.code().unwrap_or(-1),
        text(&out.stdout),
        text(&out.stderr),
    )
}

#[test]
fn item_3_a_fifo_is_refused_not_waited_for() {
    let dir = tempfile::tempdir().unwrap();
    let ml = structure(dir.path());
    fs::remove_file(ml.join("plan.yaml")).unwrap();
    let made = Command::new("mkfifo")
        .arg(ml.join("plan.yaml"))
        .status()
        .unwrap();
    assert!(made.success());
    let (code, stdout, _) = bounded(
        dir.path(),
        &["validate", "ml", "--format", "concise", "--date", DATE],
    );
    assert_eq!(code, 2, "{stdout}");
    assert!(
        stdout.contains("ml/plan.yaml:1:1: error[FS008]"),
        "{stdout}"
    );
    let fifo = dir.path().join("ref.yaml");
    Command::new("mkfifo").arg(&fifo).status().unwrap();
    let (code, stdout, _) = bounded(dir.path(), &["lint", "ref.yaml", "--format", "concise"]);
    assert_eq!(code, 2, "{stdout}");
    assert!(stdout.contains("error[FS008]"), "{stdout}");
}

#[test]
fn item_3_a_device_behind_a_link_is_never_read() {
    let dir = tempfile::tempdir().unwrap();
    symlink("/dev/zero", dir.path().join("zero.yaml")).unwrap();
    let (code, stdout, _) = bounded(dir.path(), &["lint", "zero.yaml", "--format", "concise"]);
    assert_eq!(code, 2);
    assert!(stdout.contains("error[FS008]"), "{stdout}");
}

#[test]
fn item_2_a_linked_file_outside_the_structure_is_not_read_nor_quoted() {
    let dir = tempfile::tempdir().unwrap();
    let ml = structure(dir.path());
    let secret = tempfile::tempdir().unwrap();
    let outside = secret.path().join("plan.yaml");
    fs::write(
        &outside,
        "referentiel: missions-locales\nmot_de_passe: s3cr3t\n",
    )
    .unwrap();
    fs::remove_file(ml.join("plan.yaml")).unwrap();
    symlink(&outside, ml.join("plan.yaml")).unwrap();
    let run = label(dir.path(), &["validate", "ml", "--date", DATE]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(run.stdout.contains("erreur[FS009]"), "{}", run.stdout);
    assert!(!run.stdout.contains("s3cr3t"), "{}", run.stdout);
}

#[test]
fn item_1_nothing_is_written_through_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    symlink(elsewhere.path(), dir.path().join(".label")).unwrap();
    let run = label(
        dir.path(),
        &["init", "ml-x", "--structure", "ml-x", "--nom", "X"],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("erreur[FS010]"), "{}", run.stderr);
    assert_eq!(fs::read_dir(elsewhere.path()).unwrap().count(), 0);

    let dir = tempfile::tempdir().unwrap();
    let ml = structure(dir.path());
    let target = elsewhere.path().join("plan.yaml");
    fs::rename(ml.join("plan.yaml"), &target).unwrap();
    let before = fs::read_to_string(&target).unwrap();
    // Inside the folder, so that it is read; but never written through.
    fs::copy(&target, ml.join("vrai-plan.yaml")).unwrap();
    symlink(ml.join("vrai-plan.yaml"), ml.join("plan.yaml")).unwrap();
    let run = label(dir.path(), &["plan", "ml", "--date", DATE]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("erreur[FS010]"), "{}", run.stderr);
    assert!(
        fs::symlink_metadata(ml.join("plan.yaml"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        fs::read_to_string(ml.join("vrai-plan.yaml")).unwrap(),
        before
    );
}

/// Issue 14 item 9: a principle title on several lines still gives a
/// template that re-reads (checked before anything is written).
#[test]
fn item_9_init_writes_valid_yaml_from_multi_line_titles() {
    let dir = tempfile::tempdir().unwrap();
    let refs = dir.path().join("referentiels/missions-locales");
    fs::create_dir_all(&refs).unwrap();
    let text = fs::read_to_string(root().join("referentiels/missions-locales/1.0.0.yaml")).unwrap();
    let first = text.find("    titre: ").unwrap();
    let end = first + text[first..].find('\n').unwrap();
    let multi = format!(
        "{}    titre: |\n      Gouvernance\n      et projet associatif{}",
        &text[..first],
        &text[end..]
    );
    fs::write(refs.join("1.0.0.yaml"), multi).unwrap();
    let run = label(
        dir.path(),
        &[
            "init",
            "ml-x",
            "--structure",
            "ml-x",
            "--nom",
            "X",
            "--referentiel",
            "missions-locales@1.0.0",
        ],
    );
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let check = label(
        dir.path(),
        &["validate", "ml-x", "--format", "concise", "--date", DATE],
    );
    assert_eq!(check.code, 0, "{}", check.stdout);
    let written = fs::read_to_string(dir.path().join("ml-x/autoevaluation.yaml")).unwrap();
    assert!(
        written.contains("Gouvernance et projet associatif"),
        "{written}"
    );
}

/// Issue 14 item 8: copies a killed write left behind are recognised by
/// their name and removed by the next write; a recent one is left alone.
#[test]
fn item_8_stale_temporary_copies_are_cleaned_up() {
    let dir = tempfile::tempdir().unwrap();
    let ml = structure(dir.path());
    let stale = ml.join(".label-abc123.tmp");
    let fresh = ml.join(".label-def456.tmp");
    fs::write(&stale, "half a plan").unwrap();
    fs::write(&fresh, "a write in progress").unwrap();
    let aged = Command::new("touch")
        .args(["-d", "2 hours ago"])
        .arg(&stale)
        .status()
        .unwrap();
    assert!(aged.success());
    let run = label(dir.path(), &["plan", "ml", "--date", DATE]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!stale.exists());
    assert!(fresh.exists());
}

/// A FIFO where the tool keeps its generated schema is not waited for.
#[test]
fn item_3_a_fifo_in_place_of_a_generated_schema_does_not_hang() {
    let dir = tempfile::tempdir().unwrap();
    structure(dir.path());
    fs::create_dir(dir.path().join(".label")).unwrap();
    let fifo = dir.path().join(".label/plan.schema.json");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let (code, _, stderr) = bounded(dir.path(), &["plan", "ml", "--date", DATE]);
    assert_eq!(code, 0, "{stderr}");
    assert!(fs::metadata(&fifo).unwrap().is_file());
}

/// A linked `audits/` folder leading out of the structure is not read.
#[test]
fn item_2_a_linked_folder_of_past_audits_outside_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let ml = structure(dir.path());
    let outside = tempfile::tempdir().unwrap();
    fs::rename(ml.join("audits"), outside.path().join("audits")).unwrap();
    symlink(outside.path().join("audits"), ml.join("audits")).unwrap();
    let run = label(
        dir.path(),
        &["validate", "ml", "--format", "concise", "--date", DATE],
    );
    assert!(run.stdout.contains("error[FS009]"), "{}", run.stdout);
}
