//! Rules of the « No false green » issue, items 10 to 12: the major-gap
//! level, the rubric and `applicable_a`, the self-assessment quality
//! warnings. Each drives the real binary.

mod common;

use std::fs;
use std::path::Path;

use common::{copy_dir, label, root};
use serde_json::Value;

const DATE: &str = "2026-11-27";

const REFERENTIAL: &str = "referentiel: essai
version: 1.0.0
titre: Référentiel d'essai
statut: brouillon
structures: [mission-locale]
echelle:
  niveaux:
    - { valeur: 1, libelle: Non satisfait, description: Aucune pratique organisée. }
    - { valeur: 2, libelle: Partiel, description: Pratique écrite mais pas appliquée partout. }
    - { valeur: 3, libelle: Satisfait, description: Pratique écrite et appliquée partout. }
  attendu: 3
regles:
  niveau_ecart_majeur: 1
principes:
  - id: GOUV
    titre: Gouvernance
    criteres:
      - id: GOUV-01
        titre: Le projet associatif est formalisé
        niveaux:
          2: Projet écrit mais non validé par l'instance délibérante.
        preuves: [Projet associatif validé]
        indicateurs: [Date de validation]
        questions_audit: [Qui l'a validé ?]
";

/// `label lint essai.yaml --format concise` on a variant of [`REFERENTIAL`].
fn lint(old: &str, new: &str, extra: &[&str]) -> common::Run {
    assert!(REFERENTIAL.contains(old), "{old}");
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("essai.yaml"),
        REFERENTIAL.replacen(old, new, 1),
    )
    .unwrap();
    let mut args = vec!["lint", "essai.yaml", "--format", "concise"];
    args.extend(extra);
    label(dir.path(), &args)
}

fn evaluate_json(dir: &Path, path: &str) -> Value {
    let run = label(dir, &["evaluate", path, "--format", "json", "--date", DATE]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    serde_json::from_str(&run.stdout).unwrap()
}

fn criterion<'a>(structure: &'a Value, id: &str) -> &'a Value {
    let criteria = structure["criteres"].as_array().unwrap();
    criteria.iter().find(|c| c["id"] == id).unwrap()
}

/// A copy of one shipped example, alone in a temporary folder.
fn example(name: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join(name);
    copy_dir(&root().join("examples/structures").join(name), &copy);
    (dir, copy)
}

fn edit(file: &Path, old: &str, new: &str) {
    let text = fs::read_to_string(file).unwrap();
    assert!(text.contains(old), "{old}");
    fs::write(file, text.replacen(old, new, 1)).unwrap();
}

#[test]
fn item_10_a_level_at_or_below_the_major_level_is_a_major_gap() {
    let value = evaluate_json(&root(), "examples/structures/ml-val-de-garonne");
    let emp = criterion(&value["structures"][0], "EMP-04");
    assert_eq!(emp["niveau"], 1);
    assert_eq!(emp["imperatif"], false);
    assert_eq!(emp["statut"], "ecart_majeur", "niveau_ecart_majeur: 1");
    let other = criterion(&value["structures"][0], "PARC-05");
    assert_eq!(
        (&other["niveau"], &other["statut"]),
        (&2.into(), &"ecart_mineur".into())
    );
}

#[test]
fn item_10_lint_checks_the_major_level_is_a_level_of_the_scale() {
    let run = lint("niveau_ecart_majeur: 1", "niveau_ecart_majeur: 4", &[]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stdout,
        "essai.yaml:13:24: error[REF013]: « regles.niveau_ecart_majeur » cite le niveau « 4 », absent de l'échelle\n"
    );
    assert_eq!(
        lint("niveau_ecart_majeur: 1", "niveau_ecart_majeur: 2", &[]).code,
        0
    );
}

#[test]
fn item_11_lint_warns_where_a_level_has_no_description() {
    let old = ", description: Pratique écrite mais pas appliquée partout. }";
    let run = lint(old, " }", &[]);
    assert_eq!(run.code, 0);
    assert!(
        run.stdout
            .contains("warning[REF106]: le niveau 2 « Partiel »"),
        "{}",
        run.stdout
    );
    assert_eq!(lint(old, " }", &["--deny-warnings"]).code, 1);
}

#[test]
fn item_11_lint_checks_rubric_levels_and_types() {
    let run = lint("          2: Projet", "          4: Projet", &[]);
    assert!(
        run.stdout
            .contains("error[REF013]: « niveaux » cite le niveau « 4 »"),
        "{}",
        run.stdout
    );
    let run = lint(
        "        preuves:",
        "        applicable_a: [arml]\n        preuves:",
        &[],
    );
    assert!(run.stdout.contains("error[REF014]"), "{}", run.stdout);
    assert_eq!(run.code, 1);
}

#[test]
fn item_11_shipped_referentials_describe_every_level() {
    let run = label(&root(), &["lint", "--format", "concise", "--deny-warnings"]);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""));
    for file in [
        "referentiels/missions-locales/1.0.0.yaml",
        "referentiels/tetes-de-reseau/1.0.0/referentiel.yaml",
    ] {
        let text = fs::read_to_string(root().join(file)).unwrap();
        let described = text.lines().filter(|l| *l == "      description: >-");
        assert_eq!(described.count(), 4, "{file}");
    }
}

fn init(dir: &Path, folder: &str, kind: &str) -> (common::Run, String) {
    let id = format!("{kind}-essai");
    let run = label(
        dir,
        &[
            "init",
            folder,
            "--structure",
            &id,
            "--nom",
            "Essai",
            "--type",
            kind,
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = fs::read_to_string(dir.join(folder).join("autoevaluation.yaml")).unwrap();
    (run, text)
}

/// The comment block written just above `  ID:`.
fn block<'a>(template: &'a str, id: &str) -> &'a str {
    let end = template.find(&format!("\n  {id}:\n")).unwrap();
    let start = template[..end].rfind("\n\n").unwrap();
    &template[start..end]
}

#[test]
fn item_11_init_writes_the_rubric_beside_each_criterion() {
    let dir = tempfile::tempdir().unwrap();
    let (_, text) = init(dir.path(), "ml", "mission-locale");
    // missions-locales 1.1.0, the latest: 36 criteria.
    assert_eq!(text.matches("  # Grille :\n").count(), 36);
    let gouv_01 = block(&text, "GOUV-01");
    assert!(
        gouv_01.contains("#   2 Partiellement satisfait — Le projet est écrit"),
        "{gouv_01}"
    );
    assert!(!gouv_01.contains("Une pratique existe mais reste incomplète"));
    let gouv_02 = block(&text, "GOUV-02");
    assert!(
        gouv_02.contains("#   2 Partiellement satisfait — Une pratique existe"),
        "{gouv_02}"
    );
    assert!(text.contains("# Un niveau 1 (Non satisfait) ou inférieur est un écart majeur"));
    // The modeline is a path for the editor, not text to read.
    for line in text
        .lines()
        .filter(|l| !l.starts_with("# yaml-language-server:"))
    {
        assert!(line.chars().count() <= 80, "{line}");
    }
    let check = label(dir.path(), &["validate", "ml", "--deny-warnings"]);
    assert_eq!(check.code, 0, "{}", check.stdout);
}

#[test]
fn item_11_init_leaves_out_criteria_of_other_types() {
    let dir = tempfile::tempdir().unwrap();
    let (run, arml) = init(dir.path(), "arml", "arml");
    assert!(
        run.stdout.contains("15 critères à renseigner"),
        "{}",
        run.stdout
    );
    assert!(!arml.contains("LAB-04"));
    assert!(arml.contains("# 1 critère du référentiel ne s'applique pas aux structures de type « arml » :\n# il ne figure pas ici.\n"), "{arml}");
    let (run, unml) = init(dir.path(), "unml", "unml");
    assert!(
        run.stdout.contains("16 critères à renseigner"),
        "{}",
        run.stdout
    );
    assert!(unml.contains("\n  LAB-04:\n"));
    for folder in ["arml", "unml"] {
        let check = label(dir.path(), &["validate", folder, "--deny-warnings"]);
        assert_eq!(check.code, 0, "{}", check.stdout);
    }
}

#[test]
fn item_11_criteria_of_another_type_are_left_out_of_every_count() {
    let (dir, arml) = example("arml-bretagne");
    let value = evaluate_json(dir.path(), "arml-bretagne");
    let structure = &value["structures"][0];
    let ids: Vec<&str> = structure["criteres"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 15);
    assert!(!ids.contains(&"LAB-04"));
    let counted: u64 = [
        "conforme",
        "ecart_mineur",
        "ecart_majeur",
        "non_concerne",
        "non_evalue",
    ]
    .iter()
    .map(|k| structure["synthese"][k].as_u64().unwrap())
    .sum();
    assert_eq!(counted, 15);
    // The same folder as the UNML: LAB-04 applies, and is not assessed.
    edit(
        &arml.join("autoevaluation.yaml"),
        "type: arml",
        "type: unml",
    );
    let value = evaluate_json(dir.path(), "arml-bretagne");
    let structure = &value["structures"][0];
    assert_eq!(criterion(structure, "LAB-04")["statut"], "non_evalue");
}

#[test]
fn item_11_an_answer_to_a_criterion_of_another_type_is_a_warning() {
    let (dir, arml) = example("arml-bretagne");
    let before = evaluate_json(dir.path(), "arml-bretagne");
    let file = arml.join("autoevaluation.yaml");
    let text = fs::read_to_string(&file).unwrap();
    let answer = "  LAB-04:\n    niveau: 3\n    commentaire: Commission régionale réunie.\n";
    fs::write(&file, format!("{text}{answer}")).unwrap();
    let run = label(
        dir.path(),
        &[
            "validate",
            "arml-bretagne",
            "--format",
            "concise",
            "--date",
            DATE,
        ],
    );
    assert_eq!(run.code, 0);
    assert!(
        run.stdout.contains("warning[AUTO005]: le critère « LAB-04 » ne s'applique pas aux structures de type « arml » : réponse ignorée"),
        "{}",
        run.stdout
    );
    // Same result; only the warning joins the structure's diagnostics.
    let after = evaluate_json(dir.path(), "arml-bretagne");
    for key in ["criteres", "synthese", "motifs"] {
        assert_eq!(after["structures"][0][key], before["structures"][0][key]);
    }
}

#[test]
fn item_11_an_audit_needs_no_finding_on_criteria_of_another_type() {
    let (dir, arml) = example("arml-bretagne");
    let ids = [
        "ANIM-01", "ANIM-02", "ANIM-03", "REPR-01", "REPR-02", "REPR-03", "APP-01", "APP-02",
        "APP-03", "OBS-01", "OBS-02", "OBS-03", "LAB-01", "LAB-02", "LAB-03",
    ];
    let findings: String = ids
        .iter()
        .map(|id| format!("  {id}: {{ resultat: conforme }}\n"))
        .collect();
    let audit = format!(
        "referentiel: tetes-de-reseau\nversion: 1.0.0\nstructure: arml-bretagne\ntype: initial\ndebut: 2026-10-07\nfin: 2026-10-08\nauditeurs:\n  - {{ nom: Claire Dubois, role: certifie }}\n  - {{ nom: Marc Le Goff, role: pair }}\nconstats:\n{findings}"
    );
    fs::write(arml.join("audit.yaml"), audit).unwrap();
    let run = label(
        dir.path(),
        &[
            "validate",
            "arml-bretagne",
            "--format",
            "concise",
            "--date",
            DATE,
        ],
    );
    assert!(!run.stdout.contains("AUD003"), "{}", run.stdout);
}

#[test]
fn item_12_the_shipped_examples_pass_with_deny_warnings() {
    let run = label(
        &root(),
        &[
            "validate",
            "--deny-warnings",
            "--date",
            DATE,
            "examples/structures",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stdout);
}

#[test]
fn item_12_quality_warnings_an_auditor_would_raise() {
    let (dir, vitre) = example("ml-pays-de-vitre");
    let assessment = vitre.join("autoevaluation.yaml");
    edit(
        &assessment,
        "  GOUV-02:\n    niveau: 3\n    commentaire: Pratique formalisée, connue des équipes et appliquée.\n",
        "  GOUV-02:\n    niveau: 3\n",
    );
    edit(&vitre.join("plan.yaml"), "    responsable: Directeur\n", "");
    edit(&vitre.join("plan.yaml"), "    echeance: 2027-02-28\n", "");
    let run = label(
        dir.path(),
        &[
            "validate",
            "ml-pays-de-vitre",
            "--format",
            "concise",
            "--date",
            "2027-03-13",
        ],
    );
    let codes: Vec<&str> = run
        .stdout
        .lines()
        .filter_map(|l| l.split('[').nth(1)?.split(']').next())
        .collect();
    for code in ["AUTO006", "AUTO007", "PLAN003", "PLAN004"] {
        assert!(codes.contains(&code), "{code} missing:\n{}", run.stdout);
    }
    assert!(
        run.stdout.contains(
            "l'autoévaluation date du 12 mars 2026, plus de 12 mois avant le 13 mars 2027"
        )
    );
    let fresh = label(
        dir.path(),
        &[
            "validate",
            "ml-pays-de-vitre",
            "--format",
            "concise",
            "--date",
            "2027-03-12",
        ],
    );
    assert!(
        !fresh.stdout.contains("AUTO007"),
        "exactly 12 months: {}",
        fresh.stdout
    );
}
