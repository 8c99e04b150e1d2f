//! « No false green » for `label lint` (issue 8, items 1–3 and 14): the
//! files checked are the ones the user meant, or the command says why not.

mod common;

use std::fs;
use std::path::Path;

use common::{label, root};

const FORMATS: [&str; 7] = [
    "text", "concise", "json", "github", "sarif", "junit", "gitlab",
];

fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// A workspace whose referentials sit in `ref/`, one of them broken.
fn workspace_with_ref_folder(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("label.toml"), config);
    let broken = "referentiel: essai\nversion: 1.0.0\n";
    write(&dir.path().join("ref/essai/1.0.0.yaml"), broken);
    dir
}

#[test]
fn item_1_configured_folder_is_linted_not_the_embedded_ones() {
    let dir = workspace_with_ref_folder("referentiels = \"ref\"\n");
    for format in FORMATS {
        let run = label(dir.path(), &["lint", "--format", format]);
        assert_eq!(run.code, 1, "{format}: {}", run.stdout);
        assert!(run.stdout.contains("ref/essai/1.0.0.yaml"), "{format}");
        assert!(!run.stdout.contains("CFG005"), "{format}");
    }
}

#[test]
fn item_1_missing_configured_folder_stops_in_every_format() {
    let dir = workspace_with_ref_folder("referentiels = \"referentiel\"\n");
    for format in FORMATS {
        let run = label(dir.path(), &["lint", "--format", format]);
        assert_eq!(run.code, 2, "{format}: {}", run.stdout);
        assert!(run.stdout.contains("CFG004"), "{format}: {}", run.stdout);
    }
}

#[test]
fn item_1_workspace_without_referentials_is_not_green() {
    let dir = workspace_with_ref_folder("");
    let run = label(dir.path(), &["lint", "--format", "concise"]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert_eq!(
        run.stdout,
        "label.toml:1:1: error[REF201]: l'espace de travail n'a pas de dossier de référentiels « referentiels » : aucun référentiel à vérifier\n"
    );
}

#[test]
fn item_1_embedded_referentials_are_announced_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    for format in FORMATS {
        let run = label(dir.path(), &["lint", "--format", format]);
        assert_eq!(run.code, 0, "{format}: {}", run.stdout);
        assert!(run.stdout.contains("CFG005"), "{format}: {}", run.stdout);
    }
}

#[test]
fn item_2_lint_dot_in_a_workspace_reads_only_referentials() {
    let dir = tempfile::tempdir().unwrap();
    common::copy_dir(&root().join("examples"), dir.path());
    common::copy_dir(
        &root().join("referentiels"),
        &dir.path().join("referentiels"),
    );
    let run = label(dir.path(), &["lint", ".", "--format", "concise"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert_eq!(run.stdout, "");
    let text = label(dir.path(), &["lint", "."]);
    assert!(
        text.stdout.contains("Aucun problème (4 éléments vérifiés)"),
        "{}",
        text.stdout
    );
}

#[test]
fn item_2_a_folder_of_structures_holds_no_referential() {
    let run = label(&root().join("examples"), &["lint", "structures"]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(run.stdout.contains("erreur[REF201]"), "{}", run.stdout);
}

#[test]
fn item_3_a_file_of_a_folder_form_referential_lints_its_referential() {
    let base = "referentiels/tetes-de-reseau/1.0.0";
    for file in [
        "principes/01-animation.yaml",
        "referentiel.yaml",
        "principes",
        "",
    ] {
        let path = format!("{base}/{file}");
        let run = label(&root(), &["lint", &path, "--format", "concise"]);
        assert_eq!(run.code, 0, "{path}: {}", run.stdout);
        assert_eq!(run.stdout, "", "{path}");
    }
}

#[test]
fn item_3_files_of_one_referential_are_linted_once() {
    let base = "referentiels/tetes-de-reseau/1.0.0";
    let one = format!("{base}/principes/01-animation.yaml");
    let two = format!("{base}/referentiel.yaml");
    let run = label(&root(), &["lint", &one, &two]);
    assert!(
        run.stdout.contains("Aucun problème (1 élément vérifié)"),
        "{}",
        run.stdout
    );
}

#[test]
fn item_14_label_toml_errors_are_toml_in_french_at_their_line() {
    let dir = tempfile::tempdir().unwrap();
    write(
        &dir.path().join("label.toml"),
        "structures = \"s\"\nreferentiels = [\"a\"\n",
    );
    fs::create_dir(dir.path().join("s")).unwrap();
    let run = label(dir.path(), &["lint", "--format", "concise"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stdout,
        "label.toml:2:20: error[CFG001]: syntaxe TOML invalide : liste non fermée : « ] » attendu\n"
    );
    let sub = dir.path().join("s");
    let run = label(&sub, &["evaluate"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("erreur[CFG001]") && run.stderr.contains("--> ../label.toml:2:20"),
        "{}",
        run.stderr
    );
}
