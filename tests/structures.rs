//! `label init`, `label validate` and `label schema` on real folders.

mod common;

use std::fs;

use common::{label, root};

fn without_date(text: &str) -> String {
    text.lines()
        .map(|l| {
            if l.starts_with("date: ") {
                "date: [aujourd'hui]"
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn init_then_validate_is_clean() {
    let dir = tempfile::tempdir().unwrap();
    let run = label(
        dir.path(),
        &[
            "init",
            "ml-vitre",
            "--structure",
            "ml-pays-de-vitre",
            "--nom",
            "Mission locale du Pays de Vitré",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let written = fs::read_to_string(dir.path().join("ml-vitre/autoevaluation.yaml")).unwrap();
    insta::assert_snapshot!("init_missions_locales", without_date(&written));
    assert_eq!(written.matches("    niveau:\n").count(), 36);
    let schema = ".label/missions-locales/1.1.0/autoevaluation.schema.json";
    assert!(written.starts_with(&format!("# yaml-language-server: $schema=../{schema}\n")));
    let specific = label(
        dir.path(),
        &[
            "schema",
            "autoevaluation",
            "--referentiel",
            "missions-locales@1.1.0",
        ],
    );
    assert_eq!(
        fs::read_to_string(dir.path().join(schema)).unwrap(),
        specific.stdout
    );
    let check = label(dir.path(), &["validate", "ml-vitre", "--deny-warnings"]);
    assert_eq!(check.code, 0, "{}", check.stdout);
}

#[test]
fn init_for_an_arml_uses_the_network_heads_referential() {
    let dir = tempfile::tempdir().unwrap();
    let run = label(
        dir.path(),
        &[
            "init",
            "arml",
            "--structure",
            "arml-bretagne",
            "--nom",
            "ARML Bretagne",
            "--type",
            "arml",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let written = fs::read_to_string(dir.path().join("arml/autoevaluation.yaml")).unwrap();
    assert!(written.contains("referentiel: tetes-de-reseau\n"));
    assert_eq!(written.matches("    niveau:\n").count(), 15);
    assert_eq!(label(dir.path(), &["validate", "arml"]).code, 0);
}

#[test]
fn init_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("ml/autoevaluation.yaml");
    fs::create_dir_all(target.parent().unwrap()).unwrap();
    fs::write(&target, "mon travail\n").unwrap();
    let run = label(
        dir.path(),
        &["init", "ml", "--structure", "ml-x", "--nom", "X"],
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("existe déjà : rien n'a été modifié"),
        "{}",
        run.stderr
    );
    assert_eq!(fs::read_to_string(&target).unwrap(), "mon travail\n");
}

#[test]
fn init_refuses_bad_arguments() {
    let dir = tempfile::tempdir().unwrap();
    let bad_id = label(
        dir.path(),
        &["init", "a", "--structure", "ML Vitré", "--nom", "X"],
    );
    assert_eq!(bad_id.code, 2);
    assert!(bad_id.stderr.contains("mal formé"));
    let bad_ref = label(
        dir.path(),
        &[
            "init",
            "b",
            "--structure",
            "ml-b",
            "--nom",
            "X",
            "--referentiel",
            "missions-locales@9.0.0",
        ],
    );
    assert_eq!(bad_ref.code, 2);
    assert!(
        bad_ref.stderr.contains(
            "erreur[STR001] : référentiel « missions-locales » en version « 9.0.0 » introuvable"
        ) && bad_ref.stderr.contains("aide : disponibles : 1.0.0"),
        "{}",
        bad_ref.stderr
    );
    let wrong_type = label(
        dir.path(),
        &[
            "init",
            "c",
            "--structure",
            "ml-c",
            "--nom",
            "X",
            "--type",
            "arml",
            "--referentiel",
            "missions-locales@1.0.0",
        ],
    );
    assert_eq!(wrong_type.code, 2);
    assert!(
        !dir.path().join("a").exists()
            && !dir.path().join("b").exists()
            && !dir.path().join("c").exists()
    );
}

/// A structure folder holding one mistake of each kind.
fn mistakes() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let ml = dir.path().join("ml");
    fs::create_dir_all(ml.join("preuves")).unwrap();
    fs::write(ml.join("preuves/pv-ag.pdf"), "pdf").unwrap();
    fs::write(
        ml.join("autoevaluation.yaml"),
        "referentiel: missions-locales\r\nversion: 1.0.0\r\nstructure:\r\n  id: ml-x\r\n  nom: X\r\n  type: mission-locale\r\n\
         reponses:\r\n  GOUV-01:\r\n    niveau: 7\r\n    preuves: [preuves/pv-ag.pdf, /etc/passwd, https://exemple.fr/pv]\r\n\
         \x20 GOUV-1:\r\n    niveau: 3\r\n  ACC-04:\r\n    non_concerne: \"\"\r\n  VAL-01:\r\n    non_concerne: Pas concerné\r\n",
    )
    .unwrap();
    fs::write(ml.join("plan.yaml"), "- id: A01\n").unwrap();
    fs::write(
        ml.join("audit.yaml"),
        "referentiel: missions-locales\nversion: 1.0.0\nstructure: ml-autre\ntype: initial\ndebut: 2026-10-08\nfin: 2026-10-07\n\
         auditeurs: [{ nom: Marc Le Goff, role: pair }]\nconstats:\n  GOUV-01: { resultat: conforme }\n  ACC-2: { resultat: nc_grave }\n",
    )
    .unwrap();
    dir
}

#[test]
fn mistakes_of_every_kind_are_reported_in_one_run() {
    let dir = mistakes();
    let run = label(dir.path(), &["validate", "--format", "concise"]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("validate_many_mistakes", run.stdout);
}

#[test]
fn validate_in_every_format() {
    let dir = mistakes();
    for format in ["text", "json", "github", "sarif", "junit", "gitlab"] {
        let run = label(dir.path(), &["validate", "--format", format]);
        assert_eq!(run.code, 1, "{format}");
        insta::assert_snapshot!(format!("validate_{format}"), run.stdout);
    }
}

#[cfg(unix)]
#[test]
fn evidence_links_out_of_the_folder_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let ml = dir.path().join("ml");
    fs::create_dir_all(ml.join("preuves")).unwrap();
    fs::write(dir.path().join("secret.pdf"), "ailleurs").unwrap();
    std::os::unix::fs::symlink("../../secret.pdf", ml.join("preuves/lien.pdf")).unwrap();
    std::os::unix::fs::symlink("/nulle/part.pdf", ml.join("preuves/casse.pdf")).unwrap();
    fs::write(
        ml.join("autoevaluation.yaml"),
        "referentiel: missions-locales\nversion: 1.0.0\nstructure: { id: ml-x, nom: X, type: mission-locale }\n\
         reponses:\n  GOUV-01:\n    niveau: 3\n    preuves: [preuves/lien.pdf, preuves/casse.pdf]\n",
    )
    .unwrap();
    let run = label(dir.path(), &["validate", "ml", "--format", "concise"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stdout.matches("error[PRV001]").count(),
        2,
        "{}",
        run.stdout
    );
}

#[test]
fn committed_schemas_are_up_to_date() {
    for kind in label::schema::Kind::ALL.iter().map(|k| k.name()) {
        let run = label(&root(), &["schema", kind]);
        assert_eq!(run.code, 0);
        let committed =
            fs::read_to_string(root().join(format!("schemas/{kind}.schema.json"))).unwrap();
        assert_eq!(
            run.stdout, committed,
            "schemas/{kind}.schema.json is stale: regenerate with `label schema {kind}`"
        );
        let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        assert_eq!(value["$schema"], "http://json-schema.org/draft-07/schema#");
    }
}
