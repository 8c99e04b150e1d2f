//! What a quality referent, a director and a network found reading the
//! reports of `label report` (QA of issue 11): figures, words and print
//! details, each checked against the examples.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{label, root};

const DATE: &str = "2026-11-27";

fn examples() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    common::copy_dir(&root().join("examples"), dir.path());
    let path = dir.path().to_path_buf();
    (dir, path)
}

fn report(dir: &Path, args: &[&str]) -> String {
    let run = label(dir, &[&["report"], args, &["--date", DATE]].concat());
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stdout
}

#[test]
fn qa_ranking_bars_are_shares_of_the_complete_self_assessments() {
    let (_guard, dir) = examples();
    let html = report(&dir, &["structures"]);
    // VAL-03 fails in one of two complete self-assessments: half a bar,
    // not the full bar of « the most failed criterion ».
    assert!(
        html.contains("1 sur 2 (dont 1 majeur)</td><td><svg class=\"bar\" viewBox=\"0 0 120 10\"><rect x=\"0\" y=\"0\" width=\"60.0\""),
        "{html}"
    );
    assert!(!html.contains("(s)"), "« (s) » is not French");
}

#[test]
fn qa_french_spaces_never_break_before_a_colon_or_a_percent() {
    let (_guard, dir) = examples();
    for format in ["html", "markdown"] {
        let text = report(&dir, &["structures/ml-pays-de-vitre", "--format", format]);
        assert!(text.contains("94,3\u{202f}%"), "{format}");
        assert!(
            text.contains("Proposition à la commission\u{a0}:"),
            "{format}"
        );
        assert!(!text.contains(" :") && !text.contains(" %"), "{format}");
    }
    let html = report(&dir, &["structures/ml-pays-de-vitre"]);
    let style = &html[html.find("<style>").unwrap()..html.find("</style>").unwrap()];
    assert!(
        !style.contains('\u{a0}'),
        "the style sheet is left as it is"
    );
}

#[test]
fn qa_a_criterion_not_applicable_has_no_expected_level_drawn() {
    let (_guard, dir) = examples();
    let html = report(&dir, &["structures/ml-val-de-garonne"]);
    let terr03 = html
        .lines()
        .find(|l| l.starts_with("<text x=\"0\" y=\"65.0\">TERR-03</text>"))
        .unwrap();
    assert!(!terr03.contains("class=\"expected\""), "{terr03}");
    // Right-aligned to the drawing's edge: « non concerné » is not cut.
    assert!(
        terr03.contains("text-anchor=\"end\">non concerné</text>"),
        "{terr03}"
    );
}

#[test]
fn qa_a_minor_nc_counted_major_says_so_in_the_findings() {
    let (_guard, dir) = examples();
    let markdown = report(
        &dir,
        &["structures/ml-val-de-garonne", "--format", "markdown"],
    );
    let val03 = markdown
        .lines()
        .find(|l| l.starts_with("| VAL-03 |") && l.contains("non-conformité mineure"))
        .unwrap();
    assert!(val03.contains("comptée majeure"), "{val03}");
}

#[test]
fn qa_the_network_date_counts_the_commission_decision() {
    let (_guard, dir) = examples();
    let audit = dir.join("structures/ml-pays-de-vitre/audit.yaml");
    let text = fs::read_to_string(&audit).unwrap();
    fs::write(
        &audit,
        format!("{text}decision:\n  date: 2026-12-17\n  avis: labellise\n"),
    )
    .unwrap();
    let date = |target: &str| {
        let run = label(&dir, &["report", target, "--format", "json"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        value["date"].as_str().unwrap().to_string()
    };
    assert_eq!(date("structures/ml-pays-de-vitre"), "2026-12-17");
    assert_eq!(date("structures"), "2026-12-17");
}

#[test]
fn qa_the_self_assessment_file_gives_its_structure_report() {
    let (_guard, dir) = examples();
    let json = report(
        &dir,
        &[
            "structures/ml-pays-de-vitre/autoevaluation.yaml",
            "--format",
            "json",
        ],
    );
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["rapport"], "structure");
    assert_eq!(value["structure"]["id"], "ml-pays-de-vitre");
}

#[cfg(unix)]
#[test]
fn qa_a_report_written_with_o_is_readable_by_others() {
    use std::os::unix::fs::PermissionsExt;
    let (_guard, dir) = examples();
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg("umask 022 && exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_label"))
        .args(["report", "structures", "-o", "reseau.html", "--date", DATE])
        .current_dir(&dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(status.status.success());
    let mode = fs::metadata(dir.join("reseau.html"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o644, "{mode:o}");
}
