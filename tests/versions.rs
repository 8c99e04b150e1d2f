//! Issue 12: referential versions. `correspondances` checked by `label
//! lint` (item 1), `label diff` (item 2), and the shipped 1.1.0 (item 4).
//! `label migrate` is in tests/migrate.rs.

mod common;

use std::fs;
use std::path::Path;

use common::{label, root};

/// The shipped missions-locales 1.0.0 and a 1.1.0 made from it with
/// `correspondances` (and `edit` applied), in a fresh workspace.
fn workspace(correspondances: &str, edit: impl Fn(String) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let refs = dir.path().join("referentiels/missions-locales");
    fs::create_dir_all(&refs).unwrap();
    let old = fs::read_to_string(root().join("referentiels/missions-locales/1.0.0.yaml")).unwrap();
    fs::write(refs.join("1.0.0.yaml"), &old).unwrap();
    let new = old
        .replacen("version: 1.0.0", "version: 1.1.0", 1)
        .replacen(
            "principes:\n",
            &format!("correspondances:\n{correspondances}principes:\n"),
            1,
        );
    fs::write(refs.join("1.1.0.yaml"), edit(new)).unwrap();
    dir
}

fn lint(dir: &Path) -> common::Run {
    label(
        dir,
        &[
            "lint",
            "referentiels/missions-locales/1.1.0.yaml",
            "--format",
            "concise",
        ],
    )
}

fn codes(run: &common::Run) -> Vec<&str> {
    run.stdout
        .lines()
        .filter_map(|l| Some(&l[l.find('[')? + 1..l.find(']')?]))
        .collect()
}

/// TERR-05 removed (with its reason), everything else kept.
const REMOVED: &str = "  supprime:\n    TERR-05: Couvert par TERR-02.\n";

fn without_terr05(text: String) -> String {
    let start = text.find("      - id: TERR-05\n").unwrap();
    let end = text[start..].find("\n\n").unwrap() + start + 1;
    format!("{}{}", &text[..start], &text[end..])
}

#[test]
fn item_1_valid_correspondances_lint_clean() {
    let dir = workspace(&format!("  depuis: 1.0.0\n{REMOVED}"), without_terr05);
    let run = lint(dir.path());
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert_eq!(run.stdout, "");
}

#[test]
fn item_1_unknown_ids_in_correspondances() {
    let corr = format!("  depuis: 1.0.0\n  renomme:\n    ACC-09: ACC-07\n{REMOVED}");
    let run = lint(workspace(&corr, without_terr05).path());
    // ACC-07 is no criterion of 1.1.0 (VER002)…
    assert_eq!(codes(&run), ["VER002"], "{}", run.stdout);
    assert!(run.stdout.contains("« ACC-07 »"), "{}", run.stdout);
    assert_eq!(run.code, 1);
    // …and ACC-09 none of 1.0.0 (VER007).
    let corr =
        "  depuis: 1.0.0\n  supprime:\n    ACC-09: Inconnu.\n    TERR-05: Couvert par TERR-02.\n";
    let run = lint(workspace(corr, without_terr05).path());
    assert_eq!(codes(&run), ["VER007"], "{}", run.stdout);
}

/// QA: a rename onto a criterion that keeps its id (ACC-05 is unchanged)
/// would give it two meanings; a split naming one id twice, or two
/// mappings reaching one id outside `fusionne`, too (VER008).
#[test]
fn item_1_a_target_is_reached_once_and_never_an_unchanged_id() {
    let corr = format!("  depuis: 1.0.0\n  renomme:\n    ACC-09: ACC-05\n{REMOVED}");
    let run = lint(workspace(&corr, without_terr05).path());
    assert_eq!(codes(&run), ["VER007", "VER008"], "{}", run.stdout);
    assert!(
        run.stdout.contains("« ACC-05 » désigne encore"),
        "{}",
        run.stdout
    );
    let renamed_twice = |t: String| t.replace("id: ACC-05\n", "id: ACC-07\n");
    let corr =
        format!("  depuis: 1.0.0\n  renomme:\n    ACC-05: ACC-07\n    ACC-04: ACC-07\n{REMOVED}");
    let run = lint(workspace(&corr, move |t| renamed_twice(without_terr05(t))).path());
    assert!(codes(&run).contains(&"VER008"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("« ACC-07 » est la cible de plusieurs correspondances"),
        "{}",
        run.stdout
    );
}

#[test]
fn item_1_every_old_id_is_accounted_for() {
    let run = lint(workspace("  depuis: 1.0.0\n", without_terr05).path());
    assert_eq!(codes(&run), ["VER006"], "{}", run.stdout);
    assert!(run.stdout.contains("« TERR-05 »"), "{}", run.stdout);
}

#[test]
fn item_1_an_old_id_mapped_twice() {
    let corr = format!("  depuis: 1.0.0\n  renomme:\n    TERR-05: TERR-02\n{REMOVED}");
    let run = lint(workspace(&corr, without_terr05).path());
    assert!(codes(&run).contains(&"VER003"), "{}", run.stdout);
}

#[test]
fn item_1_a_cycle_of_renames() {
    let corr =
        format!("  depuis: 1.0.0\n  renomme:\n    ACC-01: ACC-02\n    ACC-02: ACC-01\n{REMOVED}");
    let run = lint(workspace(&corr, without_terr05).path());
    assert!(codes(&run).contains(&"VER004"), "{}", run.stdout);
    assert!(
        run.stdout.contains("ACC-01 → ACC-02 → ACC-01"),
        "{}",
        run.stdout
    );
}

#[test]
fn item_1_an_id_reused_with_another_meaning() {
    // TERR-05 is said removed but a criterion still bears its id.
    let run = lint(workspace(&format!("  depuis: 1.0.0\n{REMOVED}"), |t| t).path());
    assert_eq!(codes(&run), ["VER008"], "{}", run.stdout);
}

#[test]
fn item_1_since_equal_to_or_newer_than_the_version() {
    for since in ["1.1.0", "2.0.0"] {
        let corr = format!("  depuis: {since}\n{REMOVED}");
        let run = lint(workspace(&corr, without_terr05).path());
        assert_eq!(codes(&run), ["VER005"], "{since}: {}", run.stdout);
    }
}

#[test]
fn item_1_previous_version_must_exist() {
    let corr = format!("  depuis: 0.9.0\n{REMOVED}");
    let run = lint(workspace(&corr, without_terr05).path());
    assert_eq!(codes(&run), ["VER001"], "{}", run.stdout);
}

#[test]
fn item_4_shipped_versions_lint_clean_with_their_correspondances() {
    let run = label(&root(), &["lint", "--deny-warnings", "referentiels/"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(
        run.stdout.contains("(4 éléments vérifiés)"),
        "{}",
        run.stdout
    );
}

#[test]
fn item_2_release_notes_in_markdown() {
    let run = label(
        &root(),
        &[
            "diff",
            "missions-locales@1.0.0",
            "missions-locales@1.1.0",
            "--format",
            "markdown",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!("diff_missions_locales_markdown", run.stdout);
}

#[test]
fn item_2_text_details_every_field() {
    let run = label(
        &root(),
        &["diff", "missions-locales@1.0.0", "missions-locales@1.1.0"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!("diff_missions_locales_text", run.stdout);
}

#[test]
fn item_2_json_contract() {
    let run = label(
        &root(),
        &[
            "diff",
            "missions-locales@1.0.0",
            "referentiels/missions-locales/1.1.0.yaml",
            "--format",
            "json",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(value["format"], 1);
    assert_eq!(value["referentiel"], "missions-locales");
    assert_eq!(value["ancienne_version"], "1.0.0");
    assert_eq!(value["nouvelle_version"], "1.1.0");
    assert_eq!(value["correspondances"], true);
    let ids = |key: &str| -> Vec<String> {
        value[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["id"].as_str().unwrap_or_default().to_string())
            .collect()
    };
    assert_eq!(ids("ajoutes"), ["VAL-06", "PARC-07"]);
    assert_eq!(ids("supprimes"), ["TERR-05"]);
    assert!(
        value["supprimes"][0]["raison"]
            .as_str()
            .unwrap()
            .contains("TERR-02")
    );
    assert_eq!(value["renommes"][0]["ancien"]["id"], "TERR-03");
    assert_eq!(value["renommes"][0]["nouveau"]["id"], "ACC-06");
    assert_eq!(value["scindes"][0]["nouveaux"][1]["id"], "VAL-05");
    assert_eq!(value["fusionnes"][0]["anciens"][1]["id"], "PARC-06");
    let acc04 = value["modifies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "ACC-04")
        .unwrap();
    let na = acc04["champs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["champ"] == "non_concerne_possible")
        .unwrap();
    assert_eq!(
        (na["avant"][0].clone(), na["apres"][0].clone()),
        ("oui".into(), "non".into())
    );
    insta::assert_snapshot!("diff_missions_locales_json", run.stdout);
}

#[test]
fn item_2_same_version_and_bad_arguments() {
    let same = label(
        &root(),
        &["diff", "tetes-de-reseau@1.0.0", "tetes-de-reseau@1.0.0"],
    );
    assert_eq!(same.code, 0);
    assert!(same.stdout.contains("Aucun changement."), "{}", same.stdout);
    let missing = label(
        &root(),
        &["diff", "missions-locales@0.9.0", "missions-locales@1.1.0"],
    );
    assert_eq!(missing.code, 2);
    assert!(missing.stderr.contains("[STR001]"), "{}", missing.stderr);
    assert!(
        missing.stderr.contains("1.0.0, 1.1.0"),
        "{}",
        missing.stderr
    );
    let absent = label(&root(), &["diff", "absent.yaml", "missions-locales@1.1.0"]);
    assert_eq!(absent.code, 2);
    assert!(absent.stderr.contains("[FS001]"), "{}", absent.stderr);
}

#[test]
fn item_4_tetes_de_reseau_1_1_0_only_narrows_not_applicable() {
    let run = label(
        &root(),
        &[
            "diff",
            "tetes-de-reseau@1.0.0",
            "tetes-de-reseau@1.1.0",
            "--format",
            "json",
        ],
    );
    let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    for key in ["ajoutes", "supprimes", "renommes", "scindes", "fusionnes"] {
        assert!(value[key].as_array().unwrap().is_empty(), "{key}");
    }
    let changed: Vec<&str> = value["modifies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    assert_eq!(changed, ["APP-03", "LAB-01"]);
}

/// QA: two different referentials compared were headed with the new one's
/// id only (« tetes-de-reseau : de la version 1.0.0 … »): both are named.
#[test]
fn item_2_two_different_referentials_are_both_named() {
    let run = label(
        &root(),
        &[
            "diff",
            "missions-locales@1.0.0",
            "tetes-de-reseau@1.1.0",
            "--format",
            "markdown",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let first = run.stdout.lines().next().unwrap();
    assert_eq!(
        first,
        "# de missions-locales 1.0.0 à tetes-de-reseau 1.1.0 (deux référentiels différents)"
    );
}
