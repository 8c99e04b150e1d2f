//! `label audit --fiches --format html`: the fiches d'écart as one
//! self-contained printable file (issue 10, item 3).

mod common;

use std::fs;

use common::{label, root};

const VITRE: &str = "ml-pays-de-vitre";

/// The html fiches of a copy of the Vitré example, its audit edited by `edit`.
fn fiches_of(edit: impl Fn(String) -> String) -> common::Run {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join(VITRE);
    common::copy_dir(&root().join("examples/structures").join(VITRE), &target);
    let audit = fs::read_to_string(target.join("audit.yaml")).unwrap();
    fs::write(target.join("audit.yaml"), edit(audit)).unwrap();
    label(
        dir.path(),
        &["audit", VITRE, "--fiches", "--format", "html"],
    )
}

/// The audit with the observations of ACC-02 (one line) replaced.
fn acc_02_observations(audit: &str, observations: &str) -> String {
    let key = "  ACC-02:\n    resultat: nc_mineure\n    observations: ";
    let start = audit.find(key).expect("ACC-02 observations") + key.len();
    let end = start + audit[start..].find('\n').unwrap();
    format!("{}{observations}{}", &audit[..start], &audit[end..])
}

/// One file that prints alone: no script, nothing fetched, A4, a page per fiche.
fn self_contained(html: &str) {
    let lower = html.to_lowercase();
    for outside in [
        "<script", "http", "src=", "href=", "@import", "url(", "<link",
    ] {
        assert!(!lower.contains(outside), "{outside}");
    }
    assert_eq!(lower.matches("<style>").count(), 1);
    assert_eq!(lower.matches("</style>").count(), 1);
    assert!(lower.contains("@page { size: a4"));
    assert!(lower.contains("section.fiche + section.fiche { break-before: page; }"));
}

#[test]
fn item_3_fiches_html_on_the_example() {
    let examples = root().join("examples");
    let args = [
        "audit",
        "structures/ml-pays-de-vitre",
        "--fiches",
        "--format",
        "html",
    ];
    let run = label(&examples, &args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    self_contained(&run.stdout);
    assert_eq!(run.stdout.matches("<section class=\"fiche").count(), 1);
    insta::assert_snapshot!("audit_vitre_fiches_html", run.stdout);
}

#[test]
fn item_3_fiches_html_shows_file_text_as_text() {
    let run =
        fiches_of(|a| acc_02_observations(&a, "\"<script>alert(1)</script> </style><b>gras</b>\""));
    assert_eq!(run.code, 0, "{}", run.stderr);
    self_contained(&run.stdout);
    assert!(
        run.stdout.contains(
            "&lt;script&gt;alert(1)&lt;&#x2f;script&gt; &lt;&#x2f;style&gt;&lt;b&gt;gras"
        ),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("<b>"));
}

#[test]
fn item_3_fiches_html_a_lifted_one_and_none() {
    let lifted = fiches_of(|a| {
        a.replacen(
            "  ACC-02:\n    resultat: nc_mineure\n",
            "  ACC-02:\n    resultat: nc_mineure\n    levee: { date: 2026-12-01, preuves: [Affiche des délais], par: Claire Dubois }\n",
            1,
        )
    });
    assert_eq!(lifted.code, 0, "{}", lifted.stderr);
    assert!(
        lifted
            .stdout
            .contains("<section class=\"fiche\" id=\"ACC-02\">")
    );
    assert!(lifted.stdout.contains("levée le 1er décembre 2026"));
    assert!(lifted.stdout.contains("<li>Affiche des délais</li>"));
    let none = fiches_of(|a| {
        let start = a.find("  ACC-02:\n").unwrap();
        let end = start + 10 + a[start + 10..].find("\n  ACC-03:").unwrap();
        format!(
            "{}  ACC-02:\n    resultat: conforme{}",
            &a[..start],
            &a[end..]
        )
    });
    assert_eq!(none.code, 0, "{}", none.stderr);
    assert!(
        none.stdout.contains("aucune fiche d&#x27;écart"),
        "{}",
        none.stdout
    );
    assert!(!none.stdout.contains("<section"));
}

#[test]
fn item_3_fiches_formats_are_refused_in_french() {
    let examples = root().join("examples");
    let dir = "structures/ml-pays-de-vitre";
    for args in [
        vec!["audit", dir, "--fiches"],
        vec!["audit", dir, "--fiches", "--format", "text"],
        vec!["audit", dir, "--fiches", "--format", "json"],
    ] {
        let run = label(&examples, &args);
        assert_eq!(run.code, 2, "{args:?}");
        assert!(run.stdout.is_empty());
        assert!(
            run.stderr
                .contains("--fiches s'emploie avec --format markdown ou --format html"),
            "{}",
            run.stderr
        );
    }
    let run = label(&examples, &["audit", dir, "--format", "html"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--format html s'emploie avec --fiches"));
}
