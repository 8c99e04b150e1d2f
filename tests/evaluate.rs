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
        let run = label(
            &root(),
            &[
                "evaluate",
                "examples/structures",
                "--format",
                format,
                "--date",
                DATE,
                "--par-region",
            ],
        );
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

#[test]
fn an_invalid_structure_does_not_stop_the_others() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["ml-pays-de-vitre", "ml-val-de-garonne"] {
        common::copy_dir(
            &root().join("examples/structures").join(name),
            &dir.path().join(name),
        );
    }
    let broken = dir.path().join("ml-val-de-garonne/autoevaluation.yaml");
    let text = fs::read_to_string(&broken)
        .unwrap()
        .replacen("niveau: 3", "niveau: 9", 1);
    fs::write(&broken, text).unwrap();
    let run = label(
        dir.path(),
        &["evaluate", "--format", "json", "--date", DATE],
    );
    assert_eq!(run.code, 1);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(value["structures"].as_array().unwrap().len(), 1);
    assert_eq!(value["structures"][0]["id"], "ml-pays-de-vitre");
    let codes: Vec<&str> = value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert!(codes.contains(&"AUTO001"), "{codes:?}");
}

#[test]
fn anonymous_output_leaves_names_out() {
    let run = label(
        &root(),
        &[
            "evaluate",
            "examples/structures",
            "--anonyme",
            "--format",
            "json",
            "--date",
            DATE,
        ],
    );
    assert!(
        !run.stdout.contains("vitre") && !run.stdout.contains("Vitré"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("\"id\": \"structure-001\""));
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
    assert_eq!(run.stdout.lines().count(), 1 + 35 * 3 + 15);
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
        workspace.stdout.starts_with("4 structures évaluées"),
        "{}",
        workspace.stdout
    );
}
