//! `label evaluate --anonyme` (§4.6): nothing identifying in any part of
//! the output, pseudonyms in a salted order, small groups merged.

mod common;

use std::fs;
use std::path::Path;

use common::{label, root};
use sha2::{Digest, Sha256};

const DATE: &str = "2026-11-27";
const SALT: &str = "sel-de-test-7f3a";

/// Every planted identifier holds this; none may come out.
const PLANTED: &str = "zq";

/// A copy of a shipped example with every identifying text replaced.
fn plant(dir: &Path, example: &str, folder: &str, id: &str) {
    let to = dir.join("structures").join(folder);
    common::copy_dir(&root().join("examples/structures").join(example), &to);
    for name in ["autoevaluation.yaml", "plan.yaml", "audit.yaml"] {
        let path = to.join(name);
        let Ok(text) = fs::read_to_string(&path) else {
            continue;
        };
        let text = text
            .replace(example, id)
            .replace("Mission locale du Pays de Vitré", "Nom Zqplanté")
            .replace("Camille Martin", "Référente Zqplantée")
            .replace("region: Bretagne", "region: Région Zq")
            .replacen(
                "commentaire: Pratique formalisée, connue des équipes et appliquée.",
                "commentaire: Commentaire zq-libre",
                1,
            )
            .replacen(
                "preuves/projet-associatif-2024-2028.md",
                "preuves/zq-preuve-absente.pdf",
                1,
            );
        fs::write(&path, text).unwrap();
    }
}

/// Three shipped missions locales, an ARML, and two planted structures
/// (the second a duplicate of the first with a type error on its
/// referent's line, so that diagnostics quote ids and free text).
fn workspace(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("label.toml"), config).unwrap();
    for name in [
        "ml-pays-de-vitre",
        "ml-val-de-garonne",
        "ml-haute-cornouaille",
        "arml-bretagne",
    ] {
        common::copy_dir(
            &root().join("examples/structures").join(name),
            &dir.path().join("structures").join(name),
        );
    }
    plant(
        dir.path(),
        "ml-pays-de-vitre",
        "dossier-zqa",
        "zq-structure",
    );
    plant(
        dir.path(),
        "ml-pays-de-vitre",
        "dossier-zqb",
        "zq-structure",
    );
    let second = dir
        .path()
        .join("structures/dossier-zqb/autoevaluation.yaml");
    let text = fs::read_to_string(&second)
        .unwrap()
        .replacen(
            "referent: Référente Zqplantée",
            "referent: [Référente Zqplantée]",
            1,
        )
        .replacen(
            "commentaire: Commentaire zq-libre",
            "commentaire: [Commentaire zq-libre]",
            1,
        );
    fs::write(second, text).unwrap();
    dir
}

fn config() -> String {
    format!("[anonymisation]\nsel = \"{SALT}\"\n")
}

#[test]
fn item_7_no_planted_identifier_in_any_format() {
    let dir = workspace(&config());
    let clear = label(
        dir.path(),
        &["evaluate", "--format", "markdown", "--date", DATE],
    );
    let planted = clear.stdout + &clear.stderr;
    for text in [
        "zq-structure",
        "Zqplanté",
        "dossier-zq",
        "Référente Zqplantée",
        "Commentaire zq",
        "zq-preuve",
    ] {
        assert!(
            planted.contains(text),
            "the fixture plants {text}:\n{planted}"
        );
    }
    for format in ["text", "json", "csv", "markdown"] {
        for extra in [&[][..], &["--par-region", "--fail-on", "non-pret"][..]] {
            let mut args = vec!["evaluate", "--anonyme", "--format", format, "--date", DATE];
            // CSV refuses --par-region (one row per structure already).
            let extra: Vec<&str> = extra
                .iter()
                .copied()
                .filter(|a| format != "csv" || *a != "--par-region")
                .collect();
            args.extend(&extra);
            let run = label(dir.path(), &args);
            assert_eq!(run.code, 1, "{format} {extra:?}: {}", run.stderr);
            for (stream, text) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
                let lower = text.to_lowercase();
                assert!(
                    !lower.contains(PLANTED) && !text.contains(SALT),
                    "{format} {extra:?} {stream}:\n{text}"
                );
                for real in [
                    "vitre",
                    "garonne",
                    "cornouaille",
                    "arml",
                    "Bretagne",
                    "Guillou",
                    "Bihan",
                    "Camille",
                    "Benali",
                ] {
                    assert!(
                        !lower.contains(&real.to_lowercase()),
                        "{real} in {format} {stream}:\n{text}"
                    );
                }
            }
        }
    }
}

#[test]
fn item_7_diagnostics_are_reduced_to_code_and_pseudonym() {
    let dir = workspace(&config());
    let run = label(
        dir.path(),
        &["evaluate", "--anonyme", "--format", "json", "--date", DATE],
    );
    let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let diagnostics = value["diagnostics"].as_array().unwrap();
    let codes: Vec<&str> = diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(
        codes.contains(&"STR004") && codes.contains(&"SCH003"),
        "{codes:?}"
    );
    for d in diagnostics {
        let file = d["emplacement"]["fichier"].as_str().unwrap();
        // The note on embedded referentials is about the workspace.
        let workspace_note = d["code"] == "CFG005" && file == "(masqué)";
        assert!(file.starts_with("structure-") || workspace_note, "{file}");
        assert!(d["secondaires"].as_array().unwrap().is_empty());
        assert!(d["aide"].is_null());
    }
}

/// The pseudonym order is SHA-256(salt + id), as the test recomputes.
/// The example network, with a third mission locale on 1.0.0 (a copy of
/// ml-val-de-garonne): ml-haute-cornouaille has moved to 1.1.0, and a
/// version block needs three structures to be shown anonymised.
fn three_on_one_version() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    common::copy_dir(&root().join("examples"), dir.path());
    let to = dir.path().join("structures/ml-val-bis");
    common::copy_dir(&root().join("examples/structures/ml-val-de-garonne"), &to);
    for name in ["autoevaluation.yaml", "plan.yaml", "audit.yaml"] {
        let path = to.join(name);
        let text = fs::read_to_string(&path).unwrap();
        let text =
            text.replace("ml-val-de-garonne", "ml-val-bis")
                .replacen("niveau: 3", "niveau: 1", 1);
        fs::write(&path, text).unwrap();
    }
    for past in fs::read_dir(to.join("audits")).unwrap() {
        let path = past.unwrap().path();
        let text = fs::read_to_string(&path).unwrap();
        fs::write(&path, text.replace("ml-val-de-garonne", "ml-val-bis")).unwrap();
    }
    dir
}

fn salted_order(ids: &[&str], salt: &str) -> Vec<String> {
    let mut keyed: Vec<([u8; 32], &str)> = ids
        .iter()
        .map(|id| (Sha256::digest(format!("{salt}{id}")).into(), *id))
        .collect();
    keyed.sort();
    keyed.into_iter().map(|(_, id)| id.to_string()).collect()
}

#[test]
fn item_7_pseudonyms_follow_a_salted_order() {
    let dir = three_on_one_version();
    let ids = ["ml-pays-de-vitre", "ml-val-bis", "ml-val-de-garonne"];
    let plain = label(
        dir.path(),
        &["evaluate", "--format", "json", "--date", DATE],
    );
    let plain: serde_json::Value = serde_json::from_str(&plain.stdout).unwrap();
    let rates: Vec<(String, f64)> = plain["structures"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| ids.contains(&s["id"].as_str().unwrap()))
        .map(|s| {
            let rate = s["synthese"]["taux_conformite"].as_f64().unwrap();
            (s["id"].as_str().unwrap().to_string(), rate)
        })
        .collect();
    assert_eq!(rates.len(), 3, "{rates:?}");
    let mut orders = Vec::new();
    for salt in ["premier-sel", "second-sel", "troisieme-sel"] {
        let run = label(
            dir.path(),
            &[
                "evaluate",
                "--anonyme",
                "--sel",
                salt,
                "--format",
                "json",
                "--date",
                DATE,
            ],
        );
        let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        let shown: Vec<f64> = value["structures"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["synthese"]["taux_conformite"].as_f64().unwrap())
            .collect();
        let expected: Vec<f64> = salted_order(&ids, salt)
            .iter()
            .map(|id| rates.iter().find(|(i, _)| i == id).unwrap().1)
            .collect();
        assert_eq!(shown, expected, "salt {salt}");
        orders.push(shown);
    }
    assert!(
        orders.iter().any(|o| o != &orders[0]),
        "the salt changes the order"
    );
}

#[test]
fn item_7_groups_under_the_threshold_are_merged_into_autres() {
    let dir = three_on_one_version();
    let run = label(
        dir.path(),
        &[
            "evaluate",
            "--anonyme",
            "--sel",
            "s",
            "--par-region",
            "--format",
            "json",
            "--date",
            DATE,
        ],
    );
    let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    // The lone ARML, and the lone mission locale already on 1.1.0.
    assert_eq!(
        value["anonymisation"]["non_detaillees"], 2,
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("tetes-de-reseau") && !run.stdout.contains("OBS-02"));
    let blocks = value["reseau"]["referentiels"].as_array().unwrap();
    assert_eq!(blocks.len(), 1);
    let regions = blocks[0]["regions"].as_object().unwrap();
    assert_eq!(regions.keys().collect::<Vec<_>>(), ["autres"]);

    let dir = workspace("[anonymisation]\nsel = \"x\"\nseuil = 1\n");
    let run = label(
        dir.path(),
        &["evaluate", "--anonyme", "--format", "json", "--date", DATE],
    );
    assert!(
        run.stdout.contains("tetes-de-reseau"),
        "threshold from label.toml"
    );
}

#[test]
fn item_7_refuses_without_a_salt() {
    let run = label(
        &root(),
        &[
            "evaluate",
            "examples/structures",
            "--anonyme",
            "--date",
            DATE,
        ],
    );
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr
            .starts_with("erreur : --anonyme demande un sel secret"),
        "{}",
        run.stderr
    );
}

/// `label report --anonyme` (issue 11) hides exactly what evaluate hides:
/// no planted or real identifier in any format, stdout or stderr, and no
/// path or per-file digest in the provenance.
#[test]
fn item_2_report_anonyme_leaks_no_planted_identifier() {
    let dir = workspace(&config());
    let out = dir.path().join("rapport-anonyme.html");
    for format in ["html", "markdown", "json"] {
        let mut runs = vec![label(
            dir.path(),
            &["report", "--anonyme", "--format", format, "--date", DATE],
        )];
        let args = ["report", "--anonyme", "-o", "rapport-anonyme.html"];
        let mut written = label(dir.path(), &[&args[..], &["--format", format]].concat());
        written.stdout = fs::read_to_string(&out).unwrap();
        runs.push(written);
        for run in runs {
            assert_eq!(run.code, 1, "{format}: {}", run.stderr);
            for (stream, text) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
                let lower = text.to_lowercase();
                assert!(
                    !lower.contains(PLANTED) && !text.contains(SALT),
                    "{format} {stream}:\n{text}"
                );
                for real in [
                    "vitre",
                    "garonne",
                    "cornouaille",
                    "arml-",
                    "Bretagne",
                    "Guillou",
                    "Bihan",
                    "Camille",
                    "Benali",
                    "structures/",
                ] {
                    assert!(
                        !lower.contains(&real.to_lowercase()),
                        "{real} in {format} {stream}:\n{text}"
                    );
                }
            }
        }
    }
    let json = label(
        dir.path(),
        &["report", "--anonyme", "--format", "json", "--date", DATE],
    );
    let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(value["anonymisation"]["seuil"], 3);
    assert_eq!(value["provenance"]["fichiers"].as_array().unwrap().len(), 0);
    assert!(value["provenance"]["empreinte_globale"].is_string());
    let blocks = value["referentiels"].as_array().unwrap();
    let regions = blocks[0]["regions"].as_array().unwrap();
    assert!(
        regions
            .iter()
            .all(|r| r["nom"] == "autres" || r["structures"].as_u64() >= Some(3))
    );
}
