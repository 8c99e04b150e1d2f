//! `label evaluate --format csv --lisible` (issue 13, item 2): the CSV a
//! person reads beside the raw one.

mod common;

use common::{copy_dir, label, root};

const DATE: &str = "2026-11-27";

#[test]
fn item_2_readable_csv_has_titles_french_statuses_and_one_summary_per_structure() {
    let run = label(
        &root(),
        &[
            "evaluate",
            "examples/structures",
            "--format",
            "csv",
            "--lisible",
            "--date",
            DATE,
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let summaries = run.stdout.matches(",Synthèse de la structure,").count();
    assert_eq!(summaries, 4, "one per structure");
    assert!(run.stdout.contains(",écart majeur,"), "French statuses");
    insta::assert_snapshot!("evaluate_csv_lisible", run.stdout);
    let excel = label(
        &root(),
        &[
            "evaluate",
            "examples/structures",
            "--format",
            "csv",
            "--lisible",
            "--excel",
            "--date",
            DATE,
        ],
    );
    assert!(excel.stdout.starts_with("\u{feff}Structure;Nom;Région;"));
}

#[test]
fn item_2_readable_csv_neutralises_formula_cells() {
    let temp = tempfile::tempdir().unwrap();
    copy_dir(
        &root().join("examples/structures/ml-pays-de-vitre"),
        temp.path(),
    );
    let path = temp.path().join("autoevaluation.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replace(
        "nom: Mission locale du Pays de Vitré",
        "nom: \"=HYPERLINK(\\\"https://exemple.fr\\\")\"",
    );
    std::fs::write(&path, text).unwrap();
    let run = label(
        temp.path(),
        &[
            "evaluate",
            ".",
            "--format",
            "csv",
            "--lisible",
            "--date",
            DATE,
        ],
    );
    assert!(run.stdout.contains("\"'=HYPERLINK("), "{}", run.stdout);
}

#[test]
fn item_2_lisible_goes_with_csv_only() {
    let run = label(&root(), &["evaluate", "examples/structures", "--lisible"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("--lisible ne s'emploie qu'avec --format csv")
    );
}
