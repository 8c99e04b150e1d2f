//! `label report` (issue 11): the audit-ready file of each example, the
//! network synthesis, in html, markdown and json; `-o`, the date, the
//! escaping of every text from a file.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{label, root};

const DATE: &str = "2026-11-27";
const EXAMPLES: [&str; 4] = [
    "arml-bretagne",
    "ml-haute-cornouaille",
    "ml-pays-de-vitre",
    "ml-val-de-garonne",
];

/// A copy of the examples' workspace, outside any git repository.
fn examples() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    common::copy_dir(&root().join("examples"), dir.path());
    let path = dir.path().to_path_buf();
    (dir, path)
}

fn report(dir: &Path, target: &str, format: &str) -> common::Run {
    label(dir, &["report", target, "--format", format, "--date", DATE])
}

#[test]
fn item_1_structure_reports_of_every_example() {
    let (_guard, dir) = examples();
    for name in EXAMPLES {
        for format in ["html", "markdown", "json"] {
            let run = report(&dir, &format!("structures/{name}"), format);
            assert_eq!(run.code, 0, "{name} {format}: {}", run.stderr);
            if format == "html" {
                printable(&run.stdout);
            }
            insta::assert_snapshot!(format!("report_{name}_{format}"), run.stdout);
        }
    }
}

/// One printable A4 file with a table of contents, no script.
fn printable(html: &str) {
    for part in [
        "@page { size: A4",
        "@media print",
        "break-before: page",
        "<nav class=\"toc\">",
    ] {
        assert!(html.contains(part), "no {part}");
    }
    assert!(!html.contains("<script") && !html.contains("<link"));
}

#[test]
fn item_2_network_report() {
    let (_guard, dir) = examples();
    for format in ["html", "markdown", "json"] {
        let run = report(&dir, "structures", format);
        assert_eq!(run.code, 0, "{format}: {}", run.stderr);
        if format == "html" {
            printable(&run.stdout);
        }
        insta::assert_snapshot!(format!("report_network_{format}"), run.stdout);
    }
    let args = ["--anonyme", "--sel", "sel-de-test"];
    let run = label(
        &dir,
        &[
            &[
                "report",
                "structures",
                "--format",
                "markdown",
                "--date",
                DATE,
            ][..],
            &args,
        ]
        .concat(),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!("report_network_anonymous_markdown", run.stdout);
}

#[test]
fn item_3_same_input_same_bytes_and_json_format_1() {
    let (_guard, dir) = examples();
    for target in ["structures/ml-pays-de-vitre", "structures"] {
        let one = report(&dir, target, "json");
        let two = report(&dir, target, "json");
        assert_eq!(one.stdout, two.stdout);
        let value: serde_json::Value = serde_json::from_str(&one.stdout).unwrap();
        assert_eq!(value["format"], 1);
    }
}

#[test]
fn item_3_the_date_comes_from_the_files_without_date() {
    let (_guard, dir) = examples();
    let run = label(
        &dir,
        &["report", "structures/ml-val-de-garonne", "--format", "json"],
    );
    let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    // The audit's end, the latest date of its files.
    assert_eq!(value["date"], "2026-11-18");
    let html = label(&dir, &["report", "structures/ml-val-de-garonne"]);
    assert!(html.stdout.contains("18 novembre 2026"));
}

#[test]
fn item_3_output_file_is_written_and_never_through_a_link() {
    let (_guard, dir) = examples();
    let run = label(
        &dir,
        &[
            "report",
            "structures/ml-pays-de-vitre",
            "-o",
            "rapport.html",
            "--date",
            DATE,
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "");
    let written = fs::read_to_string(dir.join("rapport.html")).unwrap();
    let stdout = report(&dir, "structures/ml-pays-de-vitre", "html").stdout;
    assert_eq!(written, stdout);
    #[cfg(unix)]
    {
        fs::write(dir.join("cible.txt"), "intact").unwrap();
        std::os::unix::fs::symlink(dir.join("cible.txt"), dir.join("lien.html")).unwrap();
        let run = label(&dir, &["report", "structures", "-o", "lien.html"]);
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert_eq!(fs::read_to_string(dir.join("cible.txt")).unwrap(), "intact");
    }
}

#[test]
fn item_2_anonyme_is_for_a_network_only() {
    let (_guard, dir) = examples();
    let run = label(
        &dir,
        &[
            "report",
            "structures/ml-pays-de-vitre",
            "--anonyme",
            "--sel",
            "s",
        ],
    );
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--anonyme"), "{}", run.stderr);
}

/// A structure whose name is a script, a comment that closes the style
/// element, and other markup in every kind of field.
fn hostile(dir: &Path) {
    let vitre = dir.join("structures/ml-pays-de-vitre");
    let path = vitre.join("autoevaluation.yaml");
    let text = fs::read_to_string(&path)
        .unwrap()
        .replace(
            "nom: Mission locale du Pays de Vitré",
            "nom: \"<script>alert(1)</script>\"",
        )
        .replace("region: Bretagne", "region: \"Bre\\\"tagne' | <b>x</b>\"")
        .replacen(
            "commentaire: Pratique formalisée, connue des équipes et appliquée.",
            "commentaire: \"</style><img src=x onerror=alert(2)> | [lien](javascript:alert(3))\"",
            1,
        );
    fs::write(&path, text).unwrap();
    let plan = vitre.join("plan.yaml");
    let text = fs::read_to_string(&plan).unwrap();
    let text = text.replacen("titre: ", "titre: \"<svg onload=alert(4)>\" #", 1);
    fs::write(&plan, text).unwrap();
}

#[test]
fn item_4_every_text_is_escaped_for_its_context() {
    let (_guard, dir) = examples();
    hostile(&dir);
    for target in ["structures/ml-pays-de-vitre", "structures"] {
        let html = report(&dir, target, "html");
        assert!(html.code <= 1, "{}", html.stderr);
        let out = &html.stdout;
        assert_eq!(out.matches("<script").count(), 0, "{target}");
        assert_eq!(out.matches("</style>").count(), 1, "{target}");
        assert!(!out.contains("<img") && !out.contains("<b>") && !out.contains("<svg onload"));
        if target != "structures" {
            assert!(
                out.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;"),
                "{out}"
            );
            assert!(out.contains("&lt;&#x2f;style&gt;&lt;img src=x"));
        }
        let md = report(&dir, target, "markdown").stdout;
        // Every `<` from a file is backslash-escaped: no inline HTML.
        let unescaped = md
            .match_indices('<')
            .filter(|(i, _)| !md[..*i].ends_with('\\'));
        assert_eq!(unescaped.count(), 0, "{md}");
        if target != "structures" {
            assert!(md.contains("\\<script\\>alert(1)\\</script\\>"), "{md}");
            assert!(md.contains("\\| \\[lien\\](javascript:alert(3))"));
        }
        // Every row of a table has as many cells as its header.
        let pipes = |l: &str| {
            l.match_indices('|')
                .filter(|(i, _)| !l[..*i].ends_with('\\'))
                .count()
        };
        let mut header = None;
        for line in md.lines() {
            if !line.starts_with('|') {
                header = None;
                continue;
            }
            let expected = *header.get_or_insert(pipes(line));
            assert_eq!(pipes(line), expected, "a cell opened in {line}");
        }
        let json = report(&dir, target, "json").stdout;
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["format"], 1);
    }
}

/// Vitré's self-assessment with a level the scale does not have.
fn broken(dir: &Path) {
    let path = dir.join("structures/ml-pays-de-vitre/autoevaluation.yaml");
    let text = fs::read_to_string(&path)
        .unwrap()
        .replacen("niveau: 3", "niveau: 9", 1);
    fs::write(&path, text).unwrap();
}

#[test]
fn item_1_no_report_for_a_structure_with_errors() {
    let (_guard, dir) = examples();
    broken(&dir);
    let run = report(&dir, "structures/ml-pays-de-vitre", "html");
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("Pas de rapport"), "{}", run.stderr);
}

#[test]
fn item_2_a_structure_with_errors_is_counted_never_dropped() {
    let (_guard, dir) = examples();
    broken(&dir);
    let run = report(&dir, "structures", "json");
    assert_eq!(run.code, 1, "{}", run.stderr);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(value["national"]["structures"], 4);
    assert_eq!(value["national"]["non_evaluees"], 1);
    let markdown = report(&dir, "structures", "markdown").stdout;
    assert!(
        markdown.contains("non évaluée\u{a0}: erreurs"),
        "{markdown}"
    );
}
