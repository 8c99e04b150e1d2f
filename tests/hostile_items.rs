//! Issue 14, items 5, 7 and 10: machine formats that stay well-formed,
//! output failures told in French, exit codes and messages.

#![cfg(unix)]

mod harness;

use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::{Command, Stdio};

use harness::{DATE, args, bounded, rewrite, structure};

fn run(dir: &Path, list: &[&str]) -> harness::Outcome {
    bounded(dir, &args(list)).unwrap()
}

/// A structure whose name, region and folder hold what breaks formats.
fn planted(dir: &Path, name: &str) {
    structure(dir);
    rewrite(dir, "ml/autoevaluation.yaml", |t| {
        t.replace(
            "Mission locale du Val de Garonne",
            "\"=HYPERLINK(\\\"http://x\\\")\\uFFFE\\e\"",
        )
        .replace("Nouvelle-Aquitaine", "\"@SUM(1)\\u0000\"")
        .into_bytes()
    });
    fs::rename(dir.join("ml"), dir.join(name)).unwrap();
}

fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}')
        || c >= '\u{10000}'
}

#[test]
fn item_5_junit_stays_well_formed_xml() {
    let dir = tempfile::tempdir().unwrap();
    planted(dir.path(), "ml\u{1b}\u{fffe}<&");
    rewrite(dir.path(), "ml\u{1b}\u{fffe}<&/plan.yaml", |t| {
        t.replace("id: A01", "id: \"A\\e\\uFFFF01\"").into_bytes()
    });
    let out = run(
        dir.path(),
        &["validate", ".", "--format", "junit", "--date", DATE],
    );
    assert!(out.stdout.chars().all(is_xml_char), "{}", out.stdout);
    assert!(!out.stdout.contains("<&"), "{}", out.stdout);
    assert_eq!(
        out.stdout.matches("<testcase").count(),
        out.stdout.matches("</testcase>").count() + out.stdout.matches("<testcase [^>]*/>").count()
    );
}

#[test]
fn item_5_spreadsheet_cells_never_start_a_formula() {
    let dir = tempfile::tempdir().unwrap();
    planted(dir.path(), "ml");
    for excel in [false, true] {
        let mut list = vec!["evaluate", "ml", "--format", "csv", "--date", DATE];
        if excel {
            list.push("--excel");
        }
        let out = run(dir.path(), &list);
        assert_eq!(out.code, 0, "{}", out.stderr);
        for cell in out.stdout.split([';', ',', '\n']) {
            let cell = cell.trim_start_matches(['"', '\u{feff}']);
            assert!(
                !cell.starts_with(['=', '+', '@', '\t', '\r']),
                "{cell:?} in\n{}",
                out.stdout
            );
        }
        assert!(out.stdout.contains("'=HYPERLINK"), "{}", out.stdout);
        assert!(out.stdout.contains("'@SUM"), "{}", out.stdout);
    }
}

#[test]
fn item_5_concise_is_one_line_per_diagnostic() {
    let dir = tempfile::tempdir().unwrap();
    structure(dir.path());
    rewrite(dir.path(), "ml/autoevaluation.yaml", |t| {
        t.replacen("niveau: 3", "niveau: trois", 1).into_bytes()
    });
    fs::rename(dir.path().join("ml"), dir.path().join("m\nl\r")).unwrap();
    let out = run(
        dir.path(),
        &["validate", ".", "--format", "concise", "--date", DATE],
    );
    assert_eq!(out.code, 1, "{}", out.stdout);
    for line in out.stdout.lines() {
        assert!(
            line.contains(": error[") || line.contains(": warning[") || line.contains(": note["),
            "{line:?}"
        );
    }
}

/// `label ARGS > /dev/full`: a French diagnostic and exit 2, no panic.
fn into_full_disk(list: &[&str]) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    structure(dir.path());
    let out = Command::new(env!("CARGO_BIN_EXE_label"))
        .args(list)
        .current_dir(dir.path())
        .stdout(fs::File::create("/dev/full").unwrap())
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn item_7_a_full_disk_is_a_french_diagnostic() {
    for list in [
        vec!["schema", "plan"],
        vec!["lint", "--format", "json"],
        vec!["evaluate", "ml", "--date", DATE],
        vec!["validate", "ml", "--format", "json", "--date", DATE],
    ] {
        let (code, stderr) = into_full_disk(&list);
        assert_eq!(code, 2, "{list:?}: {stderr}");
        assert!(
            stderr.contains("[FS006]") && stderr.contains("plus de place sur le disque"),
            "{list:?}: {stderr}"
        );
    }
}

#[test]
fn item_7_a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    structure(dir.path());
    for list in [
        vec!["schema", "plan"],
        vec!["evaluate", "ml", "--date", DATE],
        vec!["checklist", "ml", "--date", DATE],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_label"))
            .args(&list)
            .current_dir(dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_ne!(out.status.code(), Some(101), "{list:?}: {stderr}");
        assert!(
            !stderr.contains("erreur[") && !stderr.contains("panicked"),
            "{list:?}: {stderr}"
        );
    }
}

#[test]
fn item_10_lint_on_an_empty_folder_is_not_green() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("vide")).unwrap();
    let out = run(dir.path(), &["lint", "vide"]);
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert!(
        out.stdout.contains("[REF201]") && out.stdout.contains("0 élément vérifié"),
        "{}",
        out.stdout
    );
    fs::write(dir.path().join("label.toml"), "").unwrap();
    fs::create_dir(dir.path().join("referentiels")).unwrap();
    let out = run(dir.path(), &["lint"]);
    assert_ne!(out.code, 0, "{}", out.stdout);
}

#[test]
fn item_10_plan_exits_two_like_the_others() {
    for (what, make) in [
        (
            "dangling link",
            (|p: &Path| symlink("absent.yaml", p).unwrap()) as fn(&Path),
        ),
        ("folder", |p: &Path| fs::create_dir(p).unwrap()),
    ] {
        let dir = tempfile::tempdir().unwrap();
        structure(dir.path());
        let plan = dir.path().join("ml/plan.yaml");
        fs::remove_file(&plan).unwrap();
        make(&plan);
        // checklist needs no plan: a dangling one is taken as absent.
        let commands: &[&str] = if what == "folder" {
            &["plan", "checklist"]
        } else {
            &["plan"]
        };
        for command in commands {
            let out = run(dir.path(), &[command, "ml", "--date", DATE]);
            assert_eq!(
                out.code, 2,
                "{what}, {command}: {}{}",
                out.stdout, out.stderr
            );
        }
    }
}

#[test]
fn item_10_no_internal_error_on_odd_plans() {
    for (what, change, exit) in [
        (
            "document end marker",
            (|t: &str| format!("{t}...\n")) as fn(&str) -> String,
            0,
        ),
        (
            "year 10000",
            |t: &str| t.replace("echeance: 2026-12-31", "echeance: 10000-12-31"),
            1,
        ),
        ("CR-only", |t: &str| t.replace('\n', "\r"), 2),
    ] {
        let dir = tempfile::tempdir().unwrap();
        structure(dir.path());
        rewrite(dir.path(), "ml/plan.yaml", |t| change(t).into_bytes());
        let out = run(dir.path(), &["plan", "ml", "--date", DATE]);
        let said = format!("{}{}", out.stdout, out.stderr);
        assert_eq!(out.code, exit, "{what}: {said}");
        assert!(!said.contains("erreur interne"), "{what}: {said}");
        let text = fs::read_to_string(dir.path().join("ml/plan.yaml")).unwrap();
        if exit == 0 {
            assert!(text.trim_end().ends_with("..."), "{text}");
            assert!(text.contains("id: A03"), "{text}");
        }
    }
}

#[test]
fn item_10_a_link_loop_in_principes_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let tdr = dir.path().join("tdr");
    harness::copy_dir(
        &harness::root().join("referentiels/tetes-de-reseau/1.0.0"),
        &tdr,
    );
    symlink("boucle.yaml", tdr.join("principes/boucle.yaml")).unwrap();
    let out = run(dir.path(), &["lint", "tdr", "--format", "concise"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(out.stdout.contains("warning[FS002]"), "{}", out.stdout);
    fs::remove_dir_all(tdr.join("principes")).unwrap();
    symlink("principes", tdr.join("principes")).unwrap();
    let out = run(dir.path(), &["lint", "tdr", "--format", "concise"]);
    assert!(
        out.stdout.contains("tdr/principes:1:1: warning[FS002]"),
        "{}",
        out.stdout
    );
}

#[test]
fn item_10_system_errors_in_french() {
    let dir = tempfile::tempdir().unwrap();
    structure(dir.path());
    fs::remove_file(dir.path().join("ml/plan.yaml")).unwrap();
    fs::create_dir(dir.path().join("ml/plan.yaml")).unwrap();
    symlink("s.yaml", dir.path().join("s.yaml")).unwrap();
    fs::write(dir.path().join("fichier"), "").unwrap();
    let bad = std::ffi::OsStr::from_bytes(b"\xff.yaml");
    let cases: Vec<(Vec<&std::ffi::OsStr>, &str)> = vec![
        (vec!["validate".as_ref(), "ml".as_ref()], "c'est un dossier"),
        (
            vec!["lint".as_ref(), "s.yaml".as_ref()],
            "boucle de liens symboliques",
        ),
        (
            vec![
                "init".as_ref(),
                "fichier".as_ref(),
                "--structure".as_ref(),
                "x".as_ref(),
                "--nom".as_ref(),
                "X".as_ref(),
            ],
            "existe déjà",
        ),
        (vec!["validate".as_ref(), "--date".as_ref(), bad], "UTF-8"),
    ];
    for (list, french) in cases {
        let out = Command::new(env!("CARGO_BIN_EXE_label"))
            .args(&list)
            .current_dir(dir.path())
            .output()
            .unwrap();
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(said.contains(french), "{list:?}: {said}");
        for english in [
            "os error",
            "Is a directory",
            "File exists",
            "Too many levels",
            "invalid UTF-8",
        ] {
            assert!(!said.contains(english), "{list:?}: {said}");
        }
    }
}

#[test]
fn item_10_a_look_alike_id_is_named_by_code_point() {
    let dir = tempfile::tempdir().unwrap();
    structure(dir.path());
    rewrite(dir.path(), "ml/autoevaluation.yaml", |t| {
        t.replacen("  GOUV-01:", "  GОUV-01:", 1).into_bytes()
    });
    let out = run(
        dir.path(),
        &["validate", "ml", "--format", "concise", "--date", DATE],
    );
    assert!(
        out.stdout
            .contains("critère « GОUV-01 » inconnu du référentiel (caractère non ASCII : U+041E)"),
        "{}",
        out.stdout
    );
}
