//! `label plan`: scaffolding, updating without loss, refusing bad input.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{label, root};

const DATE: &str = "2026-11-27";

/// A temporary copy of one example structure.
fn structure(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join(name);
    common::copy_dir(&root().join("examples/structures").join(name), &target);
    (dir, target)
}

/// A temporary copy of the Val de Garonne example without its audits:
/// the tests using it are about the self-assessment's gaps (the audit's
/// nonconformities have their own tests below).
fn val_de_garonne() -> (tempfile::TempDir, PathBuf) {
    let (dir, ml) = structure("ml-val-de-garonne");
    fs::remove_file(ml.join("audit.yaml")).unwrap();
    fs::remove_dir_all(ml.join("audits")).unwrap();
    (dir, ml)
}

fn plan(dir: &Path, folder: &str, extra: &[&str]) -> common::Run {
    let mut args = vec!["plan", folder, "--date", DATE];
    args.extend(extra);
    label(dir, &args)
}

#[test]
fn scaffolds_a_new_plan_majors_first() {
    let (dir, ml) = val_de_garonne();
    fs::remove_file(ml.join("plan.yaml")).unwrap();
    let run = plan(dir.path(), "ml-val-de-garonne", &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let written = fs::read_to_string(ml.join("plan.yaml")).unwrap();
    insta::assert_snapshot!("scaffolded_plan", written);
    assert!(
        written.find("criteres: [VAL-03]").unwrap() < written.find("criteres: [GOUV-05]").unwrap()
    );
    assert_eq!(
        label(
            dir.path(),
            &["validate", "ml-val-de-garonne", "--date", DATE]
        )
        .code,
        0
    );
    let again = plan(dir.path(), "ml-val-de-garonne", &[]);
    assert!(again.stdout.contains("aucune action à ajouter"));
    assert_eq!(fs::read_to_string(ml.join("plan.yaml")).unwrap(), written);
}

#[test]
fn update_keeps_every_byte_and_continues_ids() {
    let (dir, ml) = val_de_garonne();
    let before = fs::read_to_string(ml.join("plan.yaml")).unwrap();
    let run = plan(dir.path(), "ml-val-de-garonne", &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!("update_summary", run.stdout);
    let after = fs::read_to_string(ml.join("plan.yaml")).unwrap();
    assert!(after.starts_with(&before));
    // EMP-04 at level 1 is a major gap (niveau_ecart_majeur): it comes first.
    assert!(after.contains("  - id: A03\n    criteres: [EMP-04]\n"));
    assert!(
        !after.contains("[VAL-03]\n    titre: \"Atteindre"),
        "VAL-03 already answered by A01"
    );
}

#[test]
fn dry_run_shows_a_diff_and_writes_nothing() {
    let (dir, ml) = val_de_garonne();
    let before = fs::read_to_string(ml.join("plan.yaml")).unwrap();
    let run = plan(dir.path(), "ml-val-de-garonne", &["--dry-run"]);
    assert_eq!(run.code, 0);
    insta::assert_snapshot!("dry_run", run.stdout);
    assert_eq!(fs::read_to_string(ml.join("plan.yaml")).unwrap(), before);
}

#[test]
fn audit_nonconformities_get_actions_due_after_the_audit() {
    let (dir, ml) = structure("ml-pays-de-vitre");
    let audit = fs::read_to_string(ml.join("audit.yaml")).unwrap();
    let audit = audit.replacen(
        "  GOUV-02:\n    resultat: conforme\n    observations: ",
        "  GOUV-02:\n    resultat: nc_majeure\n    observations: Aucun compte rendu de bureau. ",
        1,
    );
    fs::write(ml.join("audit.yaml"), audit).unwrap();
    let run = plan(dir.path(), "ml-pays-de-vitre", &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let after = fs::read_to_string(ml.join("plan.yaml")).unwrap();
    assert!(
        after.contains(
            "  - id: A04\n    criteres: [GOUV-02]\n    titre: \"Lever la non-conformité majeure : "
        ),
        "{after}"
    );
    assert!(
        after.contains("echeance: 2027-01-08\n    statut: a_faire\n    origine: audit\n"),
        "audit end + 3 months"
    );
}

/// The Val de Garonne example: VAL-03, a minor of its initial audit not
/// lifted, is a major of its surveillance audit (§4.5), due 3 months after it.
#[test]
fn item_6_a_carried_over_minor_gets_a_major_action() {
    let (dir, ml) = structure("ml-val-de-garonne");
    let run = plan(dir.path(), "ml-val-de-garonne", &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("  A03  VAL-03 (non-conformité majeure), échéance le 18 février 2027\n"),
        "{}",
        run.stdout
    );
    let after = fs::read_to_string(ml.join("plan.yaml")).unwrap();
    assert!(
        after.contains(
            "  - id: A03\n    criteres: [VAL-03]\n    titre: \"Lever la non-conformité majeure : "
        ),
        "{after}"
    );
    assert!(after.contains("echeance: 2027-02-18\n    statut: a_faire\n    origine: audit\n"));
}

#[test]
fn crlf_plans_stay_crlf() {
    let (dir, ml) = val_de_garonne();
    let crlf = fs::read_to_string(ml.join("plan.yaml"))
        .unwrap()
        .replace('\n', "\r\n");
    fs::write(ml.join("plan.yaml"), &crlf).unwrap();
    assert_eq!(plan(dir.path(), "ml-val-de-garonne", &[]).code, 0);
    let after = fs::read_to_string(ml.join("plan.yaml")).unwrap();
    assert!(after.starts_with(&crlf));
    assert!(
        !after.replace("\r\n", "").contains('\n'),
        "a bare LF was written"
    );
}

#[test]
fn invalid_plans_are_reported_and_left_untouched() {
    let cases = [
        (
            "autre version",
            "version: 1.0.0",
            "version: 0.9.0",
            "STR002",
        ),
        (
            "critère inconnu",
            "criteres: [GOUV-05]",
            "criteres: [GOUV-5]",
            "CRT001",
        ),
        ("identifiant en double", "id: A02", "id: A01", "REF001"),
    ];
    for (name, from, to, code) in cases {
        let (dir, ml) = val_de_garonne();
        let text = fs::read_to_string(ml.join("plan.yaml"))
            .unwrap()
            .replacen(from, to, 1);
        fs::write(ml.join("plan.yaml"), &text).unwrap();
        let run = plan(dir.path(), "ml-val-de-garonne", &[]);
        assert_eq!(run.code, 1, "{name}");
        assert!(run.stderr.contains(code), "{name}: {}", run.stderr);
        assert_eq!(
            fs::read_to_string(ml.join("plan.yaml")).unwrap(),
            text,
            "{name}"
        );
    }
    let (dir, ml) = val_de_garonne();
    fs::write(ml.join("plan.yaml"), "- id: A01\n  titre: une liste\n").unwrap();
    let run = plan(dir.path(), "ml-val-de-garonne", &[]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("SCH003"));
    assert_eq!(
        fs::read_to_string(ml.join("plan.yaml")).unwrap(),
        "- id: A01\n  titre: une liste\n"
    );
}

#[cfg(unix)]
#[test]
fn read_only_file_or_folder_is_a_clear_error() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, ml) = val_de_garonne();
    let path = ml.join("plan.yaml");
    let before = fs::read_to_string(&path).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    let run = plan(dir.path(), "ml-val-de-garonne", &[]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("lecture seule"), "{}", run.stderr);
    assert_eq!(fs::read_to_string(&path).unwrap(), before);
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
    fs::set_permissions(&ml, fs::Permissions::from_mode(0o555)).unwrap();
    let run = plan(dir.path(), "ml-val-de-garonne", &[]);
    fs::set_permissions(&ml, fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("dossier est en lecture seule"),
        "{}",
        run.stderr
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), before);
}

#[test]
fn a_flow_list_is_refused_without_change() {
    let (dir, ml) = val_de_garonne();
    let text = "referentiel: missions-locales\nversion: 1.0.0\nstructure: ml-val-de-garonne\nactions: [{id: A01, criteres: [VAL-03], titre: RGPD, statut: en_cours}]\n";
    fs::write(ml.join("plan.yaml"), text).unwrap();
    let run = plan(dir.path(), "ml-val-de-garonne", &[]);
    assert_eq!(run.code, 2);
    assert_eq!(fs::read_to_string(ml.join("plan.yaml")).unwrap(), text);
}

#[test]
fn follow_up_and_overdue_gate() {
    let run = label(
        &root(),
        &[
            "plan",
            "examples/structures/ml-val-de-garonne",
            "--suivi",
            "--date",
            DATE,
        ],
    );
    assert_eq!(run.code, 0);
    insta::assert_snapshot!("follow_up", run.stdout);
    let late = label(
        &root(),
        &[
            "plan",
            "examples/structures/ml-val-de-garonne",
            "--suivi",
            "--fail-on",
            "retard",
            "--date",
            "2027-01-01",
        ],
    );
    assert_eq!(late.code, 1);
    assert!(late.stdout.contains("EN RETARD"));
    let json = label(
        &root(),
        &[
            "plan",
            "examples/structures/ml-val-de-garonne",
            "--suivi",
            "--format",
            "json",
            "--date",
            "2027-01-01",
        ],
    );
    let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(value["en_retard"], 1);
}

#[test]
fn not_a_structure_folder() {
    let dir = tempfile::tempdir().unwrap();
    let run = label(dir.path(), &["plan", "."]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("erreur[STR005]"), "{}", run.stderr);
}

#[test]
fn item_9_a_new_plan_names_its_schema() {
    let (dir, ml) = val_de_garonne();
    fs::remove_file(ml.join("plan.yaml")).unwrap();
    assert_eq!(plan(dir.path(), "ml-val-de-garonne", &[]).code, 0);
    let written = fs::read_to_string(ml.join("plan.yaml")).unwrap();
    assert_eq!(
        written.lines().next(),
        Some("# yaml-language-server: $schema=../.label/plan.schema.json")
    );
    let schema = fs::read_to_string(dir.path().join(".label/plan.schema.json")).unwrap();
    assert_eq!(schema, label(dir.path(), &["schema", "plan"]).stdout);
}

#[test]
fn item_9_deadlines_count_from_the_self_assessment_date_not_today() {
    let mut written = Vec::new();
    for today in ["2026-11-27", "2031-05-02"] {
        let (dir, ml) = val_de_garonne();
        fs::remove_file(ml.join("plan.yaml")).unwrap();
        let run = label(dir.path(), &["plan", "ml-val-de-garonne", "--date", today]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        written.push(fs::read_to_string(ml.join("plan.yaml")).unwrap());
    }
    assert_eq!(written[0], written[1]);
    // date: 2026-09-18; major gap + 3 months, minor gaps + 6 months.
    assert!(written[0].contains("criteres: [VAL-03]\n    titre: \"Atteindre le niveau attendu : La confidentialité et la protection des données personnelles sont assurées\"\n    responsable:\n    echeance: 2026-12-18\n"));
    assert!(written[0].contains("criteres: [GOUV-05]\n    titre: \"Atteindre le niveau attendu : L'activité et les comptes sont rendus publics\"\n    responsable:\n    echeance: 2027-03-18\n"));
}

#[test]
fn item_9_follow_up_reports_gaps_without_action() {
    let args = |extra: &[&'static str]| {
        let mut args = vec![
            "plan",
            "examples/structures/ml-val-de-garonne",
            "--suivi",
            "--date",
            DATE,
        ];
        args.extend(extra);
        args
    };
    let text = label(&root(), &args(&[]));
    assert!(
        text.stdout
            .contains("0 en retard ; 7 écarts sans action :\n  VAL-03     non-conformité majeure de l'audit : aucune action « origine: audit »\n  GOUV-05    non-conformité mineure de l'audit : aucune action « origine: audit »\n"),
        "{}",
        text.stdout
    );
    let json = label(&root(), &args(&["--format", "json"]));
    let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(value["sans_action"], 7);
    assert_eq!(
        value["ecarts_sans_action"][0],
        serde_json::json!({ "critere": "VAL-03", "nature": "nc_majeure" })
    );
    assert_eq!(label(&root(), &args(&["--fail-on", "retard"])).code, 0);
    assert_eq!(label(&root(), &args(&["--fail-on", "sans-action"])).code, 1);
}

#[test]
fn item_13_a_huge_action_id_does_not_overflow() {
    let (dir, ml) = val_de_garonne();
    let text =
        fs::read_to_string(ml.join("plan.yaml"))
            .unwrap()
            .replacen("id: A02", "id: A4294967295", 1);
    fs::write(ml.join("plan.yaml"), &text).unwrap();
    let run = plan(dir.path(), "ml-val-de-garonne", &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let after = fs::read_to_string(ml.join("plan.yaml")).unwrap();
    assert!(after.starts_with(&text));
    assert!(after.contains("  - id: A4294967296\n    criteres: [EMP-04]\n"));
    assert!(after.contains("  - id: A4294967300\n    criteres: [AMEL-02]\n"));
}
