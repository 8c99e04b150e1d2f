//! `label checklist` (issue 10, item 1): the auditors' checklist of one
//! structure in each format, escaped for where it goes, and `--audit`.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{label, root};

const DATE: &str = "2026-11-28";
const VITRE: &str = "structures/ml-pays-de-vitre";

fn examples() -> PathBuf {
    root().join("examples")
}

/// The checklist of the shipped Vitré example in `format`.
fn checklist(format: &str, extra: &[&str]) -> common::Run {
    let mut args = vec!["checklist", VITRE, "--format", format];
    args.extend(extra);
    label(&examples(), &args)
}

/// A temporary copy of the Vitré example.
fn vitre() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("ml-pays-de-vitre");
    common::copy_dir(&examples().join(VITRE), &target);
    (dir, target)
}

#[test]
fn item_1_checklist_markdown() {
    let run = checklist("markdown", &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!("checklist_markdown", run.stdout);
}

#[test]
fn item_1_checklist_csv() {
    let run = checklist("csv", &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!("checklist_csv", run.stdout);
}

#[test]
fn item_1_checklist_csv_for_excel() {
    let run = checklist("csv", &["--excel"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("\u{feff}principe;critere;titre;"));
    assert!(run.stdout.contains("\nGOUV;GOUV-01;"), "{}", run.stdout);
}

#[test]
fn item_1_checklist_html() {
    let run = checklist("html", &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    self_contained(&run.stdout);
    insta::assert_snapshot!("checklist_html", run.stdout);
}

/// One file that prints alone: no script, nothing fetched.
fn self_contained(html: &str) {
    let lower = html.to_lowercase();
    for outside in ["<script", "src=", "href=", "@import", "url(", "<link"] {
        assert!(!lower.contains(outside), "{outside}");
    }
    assert_eq!(lower.matches("<style>").count(), 1);
    assert_eq!(lower.matches("</style>").count(), 1);
    assert!(lower.contains("@page { size: a4"));
    assert!(lower.contains("break-before: page"));
}

/// A structure whose files hold markup, formulas and table breakers.
fn hostile() -> (tempfile::TempDir, PathBuf) {
    let (dir, ml) = vitre();
    let path = ml.join("autoevaluation.yaml");
    let text = fs::read_to_string(&path).unwrap();
    let text = text
        .replace(
            "nom: Mission locale du Pays de Vitré",
            "nom: \"<script>alert(1)</script>\"",
        )
        .replace(
            "commentaire: Projet associatif 2024-2028 validé en AG le 20 juin 2024, présenté à chaque nouvel administrateur.",
            "commentaire: \"</style><b>gras</b> | tuyau\\nligne\"\n    preuves:\n      - \"=HYPERLINK(\\\"http://x\\\")\"\n      - https://exemple.invalid/rapport\n      - preuves/absente.pdf",
        );
    // The added list replaces GOUV-01's own: drop the original one.
    let text = text.replace(
        "      - preuves/absente.pdf\n    preuves:\n      - preuves/projet-associatif-2024-2028.md\n      - preuves/pv-ag-2024-06-20.md\n",
        "      - preuves/absente.pdf\n",
    );
    fs::write(&path, text).unwrap();
    (dir, ml)
}

#[test]
fn item_1_html_shows_file_text_as_text() {
    let (dir, _ml) = hostile();
    let run = label(
        dir.path(),
        &["checklist", "ml-pays-de-vitre", "--format", "html"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    self_contained(&run.stdout);
    assert!(
        run.stdout
            .contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;")
    );
    assert!(run.stdout.contains("&lt;&#x2f;style&gt;&lt;b&gt;gras"));
    assert!(!run.stdout.contains("<b>"));
    assert!(
        run.stdout
            .contains("preuves&#x2f;absente.pdf (introuvable)")
    );
    assert!(run.stdout.contains("(adresse web, non consultée)"));
}

#[test]
fn item_1_markdown_and_csv_keep_file_text_inert() {
    let (dir, _ml) = hostile();
    let run = label(dir.path(), &["checklist", "ml-pays-de-vitre"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .starts_with("# Liste de contrôle d'audit — \\<script\\>alert(1)\\</script\\>\n")
    );
    assert!(
        run.stdout
            .contains("- Commentaire : \\</style\\>\\<b\\>gras\\</b\\> \\| tuyau ligne\n")
    );
    let run = label(
        dir.path(),
        &["checklist", "ml-pays-de-vitre", "--format", "csv"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("\"'=HYPERLINK("), "{}", run.stdout);
    let mut reader = csv_rows(&run.stdout);
    assert_eq!(reader.len(), 36, "a header and one row per criterion");
    reader.retain(|r| r[1] == "GOUV-01");
    assert_eq!(reader[0][13], "</style><b>gras</b> | tuyau\nligne");
}

/// The records of a CSV text, parsed as a spreadsheet would.
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let (mut row, mut cell, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut cell)),
            ('\n', false) => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            _ => cell.push(c),
        }
    }
    rows
}

#[test]
fn item_1_excel_only_with_csv() {
    let run = checklist("markdown", &["--excel"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("--excel ne s'emploie qu'avec --format csv")
    );
}

#[test]
fn item_1_defaults_to_the_enclosing_structure() {
    let inside = examples().join(VITRE).join("preuves");
    let run = label(&inside, &["checklist"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let without_folder = |text: &str| {
        let lines = text.lines().filter(|l| !l.starts_with("- Dossier : "));
        lines.collect::<Vec<_>>().join("\n")
    };
    let from_the_workspace = checklist("markdown", &[]).stdout;
    assert_eq!(
        without_folder(&run.stdout),
        without_folder(&from_the_workspace)
    );
    assert!(run.stdout.contains("- Dossier : ..\n"));
}

#[test]
fn item_1_not_a_structure_folder() {
    let run = label(&examples(), &["checklist", "structures"]);
    assert_eq!(run.code, 2);
}

fn scaffold(dir: &Path) -> common::Run {
    label(
        dir,
        &["checklist", "ml-pays-de-vitre", "--audit", "--date", DATE],
    )
}

#[test]
fn item_1_audit_scaffold_validates_as_in_progress() {
    let (dir, ml) = vitre();
    fs::remove_file(ml.join("audit.yaml")).unwrap();
    let run = scaffold(dir.path());
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("Créé : ml-pays-de-vitre/audit.yaml (35 constats à renseigner)")
    );
    let written = fs::read_to_string(ml.join("audit.yaml")).unwrap();
    assert!(written.starts_with("# yaml-language-server: $schema=../.label/audit.schema.json\n"));
    assert!(dir.path().join(".label/audit.schema.json").is_file());
    insta::assert_snapshot!("checklist_audit_scaffold", written);
    let run = label(
        dir.path(),
        &["validate", "ml-pays-de-vitre", "--format", "concise"],
    );
    assert_eq!(run.code, 0, "{}", run.stdout);
    let codes: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.contains(": warning[") || l.contains(": error["))
        .filter_map(|l| l.split_once('[')?.1.split_once(']'))
        .map(|(code, _)| code)
        .collect();
    assert_eq!(codes, ["AUD003"], "{}", run.stdout);
}

#[test]
fn item_1_audit_scaffold_never_overwrites() {
    let (dir, ml) = vitre();
    let before = fs::read(ml.join("audit.yaml")).unwrap();
    let run = scaffold(dir.path());
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("erreur[FS007]"), "{}", run.stderr);
    assert!(
        run.stderr.contains("ml-pays-de-vitre/audit.yaml"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty());
    assert_eq!(fs::read(ml.join("audit.yaml")).unwrap(), before);
}

#[test]
fn item_1_declarations_as_written_not_applicable_and_type() {
    let run = |name: &str| {
        let path = format!("structures/{name}");
        let run = label(&examples(), &["checklist", &path]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        run.stdout
    };
    let garonne = run("ml-val-de-garonne");
    assert!(garonne.contains(
        "- Niveau : non concerné, justification à vérifier : « Territoire desservi par le siège"
    ));
    let cornouaille = run("ml-haute-cornouaille");
    assert!(
        cornouaille
            .contains("- Niveau : non renseigné\n- Statut de l'autoévaluation : non évalué\n")
    );
    // Criteria for the UNML only are left out of an ARML's checklist.
    let arml = run("arml-bretagne");
    assert!(arml.contains("- 15 critères applicables ;"), "{arml}");
    assert_eq!(arml.matches("\n### ").count(), 15);
}

#[test]
fn item_1_audit_scaffold_matches_its_modeline_schema() {
    let (dir, ml) = vitre();
    fs::remove_file(ml.join("audit.yaml")).unwrap();
    assert_eq!(scaffold(dir.path()).code, 0);
    let path = ml.join("audit.yaml");
    let text = fs::read_to_string(&path).unwrap();
    let schema = text
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("# yaml-language-server: $schema="))
        .unwrap();
    let schema: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(ml.join(schema)).unwrap()).unwrap();
    // Read by serde-saphyr's serde path, as an editor would, not our parser.
    let instance: serde_json::Value = serde_saphyr::from_str(&text).unwrap();
    let validator = jsonschema::draft7::new(&schema).unwrap();
    let problems: Vec<String> = validator
        .iter_errors(&instance)
        .map(|e| e.to_string())
        .collect();
    assert!(problems.is_empty(), "{problems:?}");
}
