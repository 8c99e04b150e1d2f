//! `label lint` on the shipped referentials, a broken copy in every format,
//! and hostile input.

mod common;

use std::fs;

use common::{fixture, label, root};

#[test]
fn shipped_referentials_are_clean() {
    let run = label(&root(), &["lint", "--deny-warnings"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(
        run.stdout.contains("Aucun problème (4 éléments vérifiés)"),
        "{}",
        run.stdout
    );
}

#[test]
fn embedded_referentials_are_linted_outside_a_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let run = label(
        dir.path(),
        &["lint", "--format", "concise", "--deny-warnings"],
    );
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert_eq!(
        run.stdout,
        ".:1:1: note[CFG005]: aucun dossier de référentiels dans l'espace de travail : \
         référentiels intégrés à l'outil utilisés (missions-locales 1.0.0, missions-locales 1.1.0, tetes-de-reseau 1.0.0, tetes-de-reseau 1.1.0)\n"
    );
}

#[test]
fn broken_copy_in_every_format() {
    let dir = fixture("lint");
    for format in [
        "text", "concise", "json", "github", "sarif", "junit", "gitlab",
    ] {
        let run = label(&dir, &["lint", "casse.yaml", "--format", format]);
        assert_eq!(run.code, 1, "{format}");
        insta::assert_snapshot!(format!("broken_{format}"), run.snapshot());
    }
}

#[test]
fn deny_warnings_turns_warnings_into_errors() {
    let dir = fixture("diagnostics/REF101");
    assert_eq!(label(&dir, &["lint", "essai.yaml"]).code, 0);
    let run = label(
        &dir,
        &[
            "lint",
            "essai.yaml",
            "--deny-warnings",
            "--format",
            "concise",
        ],
    );
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("error[REF101]"), "{}", run.stdout);
}

#[test]
fn json_carries_the_format_version() {
    let run = label(
        &fixture("lint"),
        &["lint", "casse.yaml", "--format", "json"],
    );
    let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(value["format"], 1);
    assert!(value["resume"]["erreurs"].as_u64().unwrap() > 10);
}

#[test]
fn folder_form_duplicate_ids_across_files_point_at_both() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("tdr");
    common::copy_dir(&root().join("referentiels/tetes-de-reseau/1.0.0"), &copy);
    let second = copy.join("principes/02-representation.yaml");
    let text = fs::read_to_string(&second)
        .unwrap()
        .replace("id: REPR-02", "id: ANIM-01");
    fs::write(&second, text).unwrap();
    let run = label(dir.path(), &["lint", "tdr", "--format", "json"]);
    assert_eq!(run.code, 1);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let dup = value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "REF001")
        .expect("REF001");
    assert_eq!(
        dup["emplacement"]["fichier"],
        "tdr/principes/02-representation.yaml"
    );
    assert_eq!(
        dup["secondaires"][0]["fichier"],
        "tdr/principes/01-animation.yaml"
    );
}

#[test]
fn place_under_referentiels_is_checked_for_folders_and_files() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("referentiels/tetes-de-reseau/2.0.0");
    common::copy_dir(&root().join("referentiels/tetes-de-reseau/1.0.0"), &target);
    let run = label(dir.path(), &["lint", "--format", "concise"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout
            .contains("referentiels/tetes-de-reseau/2.0.0/referentiel.yaml:7:10: error[REF004]"),
        "{}",
        run.stdout
    );
}
