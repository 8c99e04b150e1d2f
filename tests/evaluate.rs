//! `label evaluate` on the shipped examples and on broken networks.

mod common;

use std::fs;

use common::{label, root};

const DATE: &str = "2026-11-27";

#[test]
fn every_example_in_json_matches_the_contract() {
    for name in [
        "ml-pays-de-vitre",
        "ml-val-de-garonne",
        "ml-haute-cornouaille",
        "arml-bretagne",
    ] {
        let path = format!("examples/structures/{name}");
        let run = label(
            &root(),
            &["evaluate", &path, "--format", "json", "--date", DATE],
        );
        assert_eq!(run.code, 0, "{name}: {}", run.stderr);
        let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        assert_eq!(value["format"], 1);
        let structure = &value["structures"][0];
        for key in [
            "id",
            "chemin",
            "referentiel",
            "version",
            "criteres",
            "synthese",
            "motifs",
        ] {
            assert!(!structure[key].is_null(), "{name}: {key} missing");
        }
        assert!(
            value.get("reseau").is_none(),
            "one structure has no network view"
        );
        insta::assert_snapshot!(format!("json_{name}"), run.stdout);
    }
}

#[test]
fn the_network_in_every_format() {
    for format in ["text", "json", "csv", "markdown"] {
        let mut args = vec![
            "evaluate",
            "examples/structures",
            "--format",
            format,
            "--date",
            DATE,
        ];
        // CSV has one row per structure, with its region: no regional view.
        if format != "csv" {
            args.push("--par-region");
        }
        let run = label(&root(), &args);
        assert_eq!(run.code, 0, "{format}: {}", run.stderr);
        insta::assert_snapshot!(format!("network_{format}"), run.stdout);
    }
}

#[test]
fn one_structure_in_text_reads_at_a_glance() {
    let run = label(
        &root(),
        &[
            "evaluate",
            "examples/structures/ml-val-de-garonne",
            "--date",
            DATE,
        ],
    );
    insta::assert_snapshot!("text_val_de_garonne", run.stdout);
    assert!(
        run.stdout.lines().all(|l| l.chars().count() <= 80),
        "lines over 80 columns"
    );
}

#[test]
fn ready_structure_and_sample_figures() {
    let run = label(
        &root(),
        &[
            "evaluate",
            "examples/structures/ml-pays-de-vitre",
            "--format",
            "json",
            "--date",
            DATE,
        ],
    );
    let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let summary = &value["structures"][0]["synthese"];
    assert_eq!(summary["pret_pour_audit"], true);
    assert_eq!(summary["conforme"], 33);
    assert_eq!(summary["taux_conformite"], 94.3);
    let acc02 = value["structures"][0]["criteres"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "ACC-02")
        .unwrap();
    assert_eq!(acc02["statut"], "ecart_mineur");
    assert_eq!(acc02["actions"], serde_json::json!(["A01", "A03"]));
}

#[test]
fn fail_on_thresholds() {
    let garonne = "examples/structures/ml-val-de-garonne";
    let vitre = "examples/structures/ml-pays-de-vitre";
    let code = |path: &str, threshold: &str| {
        label(
            &root(),
            &["evaluate", path, "--fail-on", threshold, "--date", DATE],
        )
        .code
    };
    assert_eq!(code(garonne, "majeur"), 1);
    assert_eq!(code(vitre, "majeur"), 0);
    assert_eq!(code(vitre, "mineur"), 1);
    assert_eq!(code(vitre, "non-pret"), 0);
    assert_eq!(code(garonne, "non-pret"), 1);
}

/// A workspace with copies of the shipped examples.
fn examples(names: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in names {
        common::copy_dir(
            &root().join("examples/structures").join(name),
            &dir.path().join("structures").join(name),
        );
    }
    dir
}

/// Replaces the first `from` by `to` in a file of the workspace.
fn edit(dir: &std::path::Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = fs::read_to_string(&path).unwrap().replacen(from, to, 1);
    fs::write(&path, text).unwrap();
}

#[test]
fn item_4_a_structure_with_errors_is_listed_in_every_format() {
    let dir = examples(&["ml-pays-de-vitre", "ml-val-de-garonne"]);
    let broken = "structures/ml-val-de-garonne/autoevaluation.yaml";
    edit(dir.path(), broken, "niveau: 3", "niveau: 9");
    for format in ["text", "csv", "markdown"] {
        let run = label(
            dir.path(),
            &["evaluate", "--format", format, "--date", DATE],
        );
        assert_eq!(run.code, 1, "{format}");
        let listed = run
            .stdout
            .lines()
            .find(|l| l.contains("ml-val-de-garonne"))
            .unwrap_or_else(|| panic!("{format}: dropped\n{}", run.stdout));
        let status = if format == "csv" {
            "non_evaluee_erreurs"
        } else {
            "non évaluée : erreurs"
        };
        assert!(listed.contains(status), "{format}: {listed}");
        assert!(
            run.stderr.contains("erreur[AUTO001]") && run.stderr.contains(broken),
            "{format}: {}",
            run.stderr
        );
    }
    let run = label(
        dir.path(),
        &["evaluate", "--format", "json", "--date", DATE],
    );
    assert_eq!(run.code, 1);
    assert_eq!(run.stderr, "");
    let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let structures = value["structures"].as_array().unwrap();
    assert_eq!(structures.len(), 2);
    assert_eq!(structures[0]["statut"], "evaluee");
    let failed = &structures[1];
    assert_eq!(failed["id"], "ml-val-de-garonne");
    assert_eq!(failed["statut"], "non_evaluee_erreurs");
    assert_eq!(failed["synthese"], serde_json::Value::Null);
    assert_eq!(failed["diagnostics"][0]["code"], "AUTO001");
    let codes: Vec<&str> = value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert!(codes.contains(&"AUTO001"), "{codes:?}");
    assert_eq!(value["reseau"]["non_evaluees"], 1);
}

#[test]
fn item_4_an_unreadable_self_assessment_is_listed_by_its_folder() {
    let dir = examples(&["ml-pays-de-vitre", "ml-val-de-garonne"]);
    fs::write(
        dir.path()
            .join("structures/ml-val-de-garonne/autoevaluation.yaml"),
        "referentiel: [\n",
    )
    .unwrap();
    let run = label(dir.path(), &["evaluate", "--format", "csv", "--date", DATE]);
    assert!(
        run.stdout
            .contains("structures/ml-val-de-garonne,,,,,,non_evaluee_erreurs"),
        "{}",
        run.stdout
    );
    assert!(run.stderr.contains("YAML001"), "{}", run.stderr);
}

#[test]
fn item_4_fail_on_says_which_structure_and_which_rule() {
    let garonne = "examples/structures/ml-val-de-garonne";
    let run = label(
        &root(),
        &["evaluate", garonne, "--fail-on", "majeur", "--date", DATE],
    );
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "--fail-on majeur : 1 structure dépasse le seuil (au moins un écart majeur) :\n  ml-val-de-garonne : 2 écarts majeurs : VAL-03, EMP-04\n"
    );
    let run = label(
        &root(),
        &[
            "evaluate",
            "examples/structures",
            "--fail-on",
            "non-pret",
            "--format",
            "json",
            "--date",
            DATE,
        ],
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("2 structures dépassent le seuil (pas prête pour l'audit)")
            && run
                .stderr
                .contains("  ml-haute-cornouaille : 15 critères non évalués : PARC-02"),
        "{}",
        run.stderr
    );
}

#[test]
fn csv_for_excel_has_a_bom_and_semicolons() {
    let run = label(
        &root(),
        &[
            "evaluate",
            "examples/structures",
            "--format",
            "csv",
            "--excel",
            "--date",
            DATE,
        ],
    );
    assert!(run.stdout.starts_with("\u{feff}structure;nom;region;"));
    // Two missions locales on 1.0.0 (35 criteria), one on 1.1.0 (36).
    assert_eq!(run.stdout.lines().count(), 1 + 35 * 2 + 36 + 15);
}

#[test]
fn output_is_deterministic() {
    let args = [
        "evaluate",
        "examples/structures",
        "--format",
        "json",
        "--date",
        DATE,
    ];
    assert_eq!(label(&root(), &args).stdout, label(&root(), &args).stdout);
}

#[test]
fn inside_a_structure_folder_only_that_structure_is_evaluated() {
    let inside = root().join("examples/structures/ml-pays-de-vitre");
    let run = label(&inside, &["evaluate", "--date", DATE]);
    assert!(
        run.stdout
            .starts_with("Mission locale du Pays de Vitré (ml-pays-de-vitre)\n"),
        "{}",
        run.stdout
    );
    let workspace = label(&root().join("examples"), &["evaluate", "--date", DATE]);
    assert!(
        workspace
            .stdout
            .starts_with("4 structures, 2 prêtes pour l'audit."),
        "{}",
        workspace.stdout
    );
}

fn network(format: &str) -> common::Run {
    label(
        &root(),
        &[
            "evaluate",
            "examples/structures",
            "--par-region",
            "--format",
            format,
            "--date",
            DATE,
        ],
    )
}

#[test]
fn item_16_plurals_are_computed() {
    let one = label(
        &root(),
        &[
            "evaluate",
            "examples/structures/ml-val-de-garonne",
            "--date",
            DATE,
        ],
    );
    assert!(
        one.stdout
            .contains("  - 2 écarts majeurs : VAL-03, EMP-04\n"),
        "{}",
        one.stdout
    );
    assert!(one.stdout.contains("  - 5 écarts mineurs, le seuil"));
    assert!(
        one.stdout
            .contains("5 écarts mineurs · 2 écarts majeurs · 1 non concerné")
    );
    let arml = label(
        &root(),
        &[
            "evaluate",
            "examples/structures/arml-bretagne",
            "--date",
            DATE,
        ],
    );
    assert!(
        arml.stdout
            .contains("1 écart mineur · 0 écart majeur · 1 non concerné"),
        "{}",
        arml.stdout
    );
    for format in ["text", "json", "markdown"] {
        let out = network(format).stdout;
        assert!(!out.contains("(s)"), "{format}: {out}");
    }
}

#[test]
fn item_17_tables_wrap_at_spaces_without_a_rule_between_rows() {
    let run = label(
        &root(),
        &[
            "evaluate",
            "examples/structures/ml-haute-cornouaille",
            "--largeur",
            "52",
            "--date",
            DATE,
        ],
    );
    assert!(
        run.stdout.lines().all(|l| l.chars().count() <= 52),
        "{}",
        run.stdout
    );
    let words: Vec<&str> = run.stdout.split_whitespace().collect();
    for word in [
        "pluriannuelles",
        "discriminations",
        "contractualisés",
        "périphériques",
    ] {
        assert!(words.contains(&word), "{word} split:\n{}", run.stdout);
    }
    let rules = run.stdout.lines().filter(|l| l.starts_with('─')).count();
    assert_eq!(rules, 1, "one rule, under the header:\n{}", run.stdout);
}
