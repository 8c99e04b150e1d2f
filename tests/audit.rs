//! `label audit`: the decision proposal of §6.3 on the shipped example and
//! on one variant per row of the rule (issue 10, item 3).

mod common;

use std::fs;
use std::path::PathBuf;

use common::{label, root};

const VITRE: &str = "ml-pays-de-vitre";

/// A temporary copy of the Vitré example, its audit edited by `edit`.
fn vitre(edit: impl Fn(String) -> String) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join(VITRE);
    common::copy_dir(&root().join("examples/structures").join(VITRE), &target);
    let audit = fs::read_to_string(target.join("audit.yaml")).unwrap();
    fs::write(target.join("audit.yaml"), edit(audit)).unwrap();
    (dir, target)
}

fn replace(text: String, old: &str, new: &str) -> String {
    assert!(text.contains(old), "{old}");
    text.replacen(old, new, 1)
}

fn json(edit: impl Fn(String) -> String) -> (serde_json::Value, common::Run) {
    let (dir, _) = vitre(edit);
    let run = label(dir.path(), &["audit", VITRE, "--format", "json"]);
    let value = serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout));
    (value, run)
}

/// The audit with the whole finding of `id` replaced by `body` (its lines
/// under `  ID:`); an empty `body` removes the finding.
fn finding(text: String, id: &str, body: &str) -> String {
    let key = format!("  {id}:\n");
    let start = text.find(&key).unwrap_or_else(|| panic!("{id}"));
    let rest = &text[start + key.len()..];
    let len = rest
        .match_indices('\n')
        .map(|(i, _)| i + 1)
        .find(|&i| !rest[i..].starts_with("   "))
        .unwrap_or(rest.len());
    let head = if body.is_empty() { "" } else { key.as_str() };
    format!("{}{head}{body}{}", &text[..start], &rest[len..])
}

const ACC_02_MINOR: &str = "  ACC-02:\n    resultat: nc_mineure\n";

#[test]
fn item_3_the_example_in_every_format() {
    let examples = root().join("examples");
    for format in ["text", "json", "markdown"] {
        let run = label(
            &examples,
            &["audit", "structures/ml-pays-de-vitre", "--format", format],
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
        insta::assert_snapshot!(format!("audit_vitre_{format}"), run.snapshot());
    }
}

#[test]
fn item_3_favourable_with_reservations_below_k_minors() {
    let (value, run) = json(|a| a);
    assert_eq!(run.code, 0);
    assert_eq!(value["proposition"], "favorable_avec_reserves");
    assert_eq!(value["nc_mineures"], serde_json::json!(["ACC-02"]));
    assert_eq!(value["echeance_nc_mineures"], "2027-04-08");
    assert_eq!(value["cycle"]["provisoire"], true);
    assert_eq!(value["cycle"]["surveillance"], "2028-04-08");
    assert_eq!(value["cycle"]["fin_validite"], "2029-10-08");
}

#[test]
fn item_3_a_major_makes_it_unfavourable() {
    let (value, run) = json(|a| {
        finding(
            a,
            "GOUV-02",
            "    resultat: nc_majeure\n    observations: Aucun compte rendu de bureau.\n",
        )
    });
    assert_eq!(run.code, 0);
    insta::assert_snapshot!("audit_major_json", run.stdout);
    assert_eq!(value["proposition"], "defavorable");
    assert_eq!(value["cycle"], serde_json::Value::Null);
}

#[test]
fn item_3_k_minors_make_it_unfavourable_in_referential_order() {
    let (value, _) = json(|a| {
        let mut a = a;
        for id in ["PIL-01", "GOUV-03", "VAL-02", "EMP-01"] {
            a = finding(
                a,
                id,
                "    resultat: nc_mineure\n    observations: Faits.\n",
            );
        }
        a
    });
    assert_eq!(value["proposition"], "defavorable");
    let ids = serde_json::json!(["GOUV-03", "VAL-02", "ACC-02", "EMP-01", "PIL-01"]);
    assert_eq!(value["nc_mineures"], ids);
}

#[test]
fn item_3_no_nonconformity_is_favourable_and_a_decision_fixes_the_cycle() {
    let (value, run) = json(|a| {
        let a = replace(
            a,
            ACC_02_MINOR,
            "  ACC-02:\n    resultat: nc_mineure\n    levee: { date: 2026-12-01, preuves: [Affiche], par: Claire Dubois }\n",
        );
        a + "decision:\n  date: 2026-12-17\n  avis: labellise\n"
    });
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!("audit_favourable_json", run.stdout);
    assert_eq!(value["proposition"], "favorable");
    assert_eq!(value["cycle"]["provisoire"], false);
    assert_eq!(value["cycle"]["depuis"], "2026-12-17");
}

#[test]
fn item_3_an_incomplete_audit_has_no_proposal_and_fails() {
    let (value, run) = json(|a| finding(a, "GOUV-01", ""));
    assert_eq!(run.code, 1);
    assert_eq!(value["proposition"], serde_json::Value::Null);
    assert!(run.stderr.contains("erreur[AUD012]"), "{}", run.stderr);
    assert!(!run.stderr.contains("AUD003"), "AUD012 replaces AUD003");
}

#[test]
fn item_3_an_invalid_audit_shows_its_errors_and_no_proposal() {
    let (dir, _) = vitre(|a| replace(a, ACC_02_MINOR, "  ACC-02:\n    resultat: nc_grave\n"));
    let run = label(dir.path(), &["audit", VITRE]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.is_empty());
    assert!(run.stderr.contains("SCH004"), "{}", run.stderr);
}

#[test]
fn item_3_without_audit_the_command_cannot_run() {
    let (dir, target) = vitre(|a| a);
    fs::remove_file(target.join("audit.yaml")).unwrap();
    let run = label(dir.path(), &["audit", VITRE]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("FS001"), "{}", run.stderr);
}

#[test]
fn item_5_a_minor_of_the_previous_audit_not_lifted_counts_as_major() {
    let (dir, target) = vitre(|a| a);
    let current = fs::read_to_string(target.join("audit.yaml")).unwrap();
    let past = replace(
        replace(current, "debut: 2026-10-07", "debut: 2023-10-03"),
        "fin: 2026-10-08",
        "fin: 2023-10-04",
    );
    let past = finding(
        past,
        "GOUV-03",
        "    resultat: nc_mineure\n    observations: Pas de plan de formation des administrateurs.\n",
    );
    let past = replace(past, ACC_02_MINOR, "  ACC-02:\n    resultat: conforme\n");
    fs::create_dir(target.join("audits")).unwrap();
    fs::write(target.join("audits/2023-initial.yaml"), &past).unwrap();
    let run = label(dir.path(), &["audit", VITRE, "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(value["proposition"], "defavorable");
    assert_eq!(value["nc_majeures"], serde_json::json!(["GOUV-03"]));
    assert_eq!(value["echeance_nc_majeures"], "2027-01-08");
    let fiches = label(
        dir.path(),
        &["audit", VITRE, "--fiches", "--format", "markdown"],
    );
    assert!(
        fiches.stdout.contains("## GOUV-03 ")
            && fiches.stdout.contains("comptée majeure")
            && fiches
                .stdout
                .contains("Pas de plan de formation des administrateurs."),
        "{}",
        fiches.stdout
    );
    let lifted = replace(
        past,
        "    observations: Pas de plan de formation des administrateurs.\n",
        "    observations: Pas de plan de formation des administrateurs.\n    levee: { date: 2024-03-01, preuves: [Plan de formation 2024], par: Claire Dubois }\n",
    );
    fs::write(target.join("audits/2023-initial.yaml"), lifted).unwrap();
    let run = label(dir.path(), &["audit", VITRE, "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(value["proposition"], "favorable_avec_reserves");
}

/// The Vitré copy with ACC-02 now declared at the expected level: the
/// audit nonconformity stays open until its `levee`.
fn vitre_raised() -> (tempfile::TempDir, PathBuf) {
    let (dir, target) = vitre(|a| a);
    let auto = fs::read_to_string(target.join("autoevaluation.yaml")).unwrap();
    let auto = replace(
        auto,
        "  ACC-02:\n    niveau: 2\n",
        "  ACC-02:\n    niveau: 3\n",
    );
    fs::write(target.join("autoevaluation.yaml"), auto).unwrap();
    (dir, target)
}

#[test]
fn item_4_evaluate_shows_open_audit_nonconformities_whatever_the_declaration() {
    let (dir, _) = vitre_raised();
    let run = label(dir.path(), &["evaluate", VITRE, "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let audit = &value["structures"][0]["audit"];
    assert_eq!(audit["proposition"], "favorable_avec_reserves");
    let open = serde_json::json!([
        { "critere": "ACC-02", "resultat": "nc_mineure", "echeance": "2027-04-08" }
    ]);
    assert_eq!(audit["nc_ouvertes"], open);
    let text = label(dir.path(), &["evaluate", VITRE]);
    assert!(
        text.stdout.contains("Non-conformités d'audit ouvertes"),
        "{}",
        text.stdout
    );
    assert!(text.stdout.contains("  - ACC-02 "), "{}", text.stdout);
}

#[test]
fn item_5_plan_never_proposes_to_close_an_action_of_origin_audit() {
    let (dir, _) = vitre_raised();
    let run = label(dir.path(), &["plan", VITRE, "--dry-run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("A01  ACC-02"), "{}", run.stdout);
    assert!(!run.stdout.contains("A03"), "{}", run.stdout);
}

#[test]
fn item_3_fiches_one_per_nonconformity() {
    let examples = root().join("examples");
    let args = [
        "audit",
        "structures/ml-pays-de-vitre",
        "--fiches",
        "--format",
        "markdown",
    ];
    let run = label(&examples, &args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!("audit_vitre_fiches", run.snapshot());
    let refused = label(
        &examples,
        &["audit", "structures/ml-pays-de-vitre", "--fiches"],
    );
    assert_eq!(refused.code, 2);
}

#[test]
fn item_3_fiches_show_the_lifting() {
    let (dir, _) = vitre(|a| {
        replace(
            a,
            ACC_02_MINOR,
            "  ACC-02:\n    resultat: nc_mineure\n    levee: { date: 2026-12-01, preuves: [Affiche des délais], par: Claire Dubois }\n",
        )
    });
    let run = label(
        dir.path(),
        &["audit", VITRE, "--fiches", "--format", "markdown"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("non-conformité mineure (levée le 1er décembre 2026)"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(
            "- **Levée** : le 1er décembre 2026 par Claire Dubois ; preuves : Affiche des délais"
        ),
        "{}",
        run.stdout
    );
}

/// The Val de Garonne example: a surveillance audit whose previous audit
/// (under `audits/`) left a minor not lifted (VAL-03) and one lifted (ACC-02).
#[test]
fn item_6_the_surveillance_example_counts_a_carried_over_minor_as_major() {
    let examples = root().join("examples");
    let dir = "structures/ml-val-de-garonne";
    let run = label(&examples, &["audit", dir]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!("audit_val_de_garonne_text", run.snapshot());
    let json = label(&examples, &["audit", dir, "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(value["type"], "surveillance");
    assert_eq!(value["proposition"], "defavorable");
    assert_eq!(value["nc_majeures"], serde_json::json!(["VAL-03"]));
    let minors = serde_json::json!(["GOUV-05", "EMP-04", "AMEL-02"]);
    assert_eq!(value["nc_mineures"], minors);
    assert_eq!(value["echeance_nc_majeures"], "2027-02-18");
    assert_eq!(value["cycle"], serde_json::Value::Null);
    let fiches = label(
        &examples,
        &["audit", dir, "--fiches", "--format", "markdown"],
    );
    assert!(fiches.stdout.contains("## VAL-03 "), "{}", fiches.stdout);
    assert!(fiches.stdout.contains("comptée majeure"));
    assert!(!fiches.stdout.contains("## ACC-02 "), "lifted in 2025");
}
