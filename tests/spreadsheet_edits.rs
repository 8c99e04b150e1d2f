//! Issue 13 item 1, found in QA: cells filled the way people fill them in
//! Excel land exactly, and a self-assessment written in every YAML style
//! goes through export and import unchanged, byte for byte.

mod common;

use std::fs;
use std::path::Path;

use common::label;

const DATE: &str = "2026-11-27";

/// A self-assessment with a BOM, CRLF line ends, comments, flow and block
/// styles, quoted texts, a URL holding `;` and a path holding `, `.
const STYLED: &str = "\u{feff}# Mon autoévaluation\r
referentiel: missions-locales\r
version: 1.0.0\r
structure: {id: ml-style, nom: \"Mission locale « style »\", type: mission-locale, region: Bretagne}\r
date: 2026-03-12\r
referent: 'Camille Martin'\r
reponses:\r
  GOUV-01: {niveau: 4, commentaire: \"Projet validé\", preuves: [https://example.org/a?x=1;y=2, \"preuves/a, b.pdf\"]}\r
  GOUV-02:\r
    niveau: 3   # ok\r
    commentaire: |\r
      Première ligne\r
      deuxième ligne\r
  GOUV-03:\r
    # à revoir\r
    niveau: 2\r
    commentaire: >-\r
      Texte plié\r
      sur deux lignes\r
    preuves:\r
      - preuves/x.pdf   # le fichier\r
      - \"  preuves/y.pdf  \"\r
  TERR-03:\r
    non_concerne: \"Pas d'antenne\"\r
  GOUV-04:\r
    niveau: ~\r
    commentaire: ''\r
    preuves: []\r
  GOUV-05:\r
    niveau:\r
    commentaire: '=1+1'\r
  VAL-01:\r
    niveau: 1\r
    commentaire: \"- tiret\\t tab\"\r
";

fn styled(dir: &Path) {
    fs::create_dir(dir.join("ml")).unwrap();
    fs::write(dir.join("ml/autoevaluation.yaml"), STYLED).unwrap();
}

#[test]
fn item_1_every_yaml_style_goes_through_export_and_import_unchanged() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path();
    styled(dir);
    for args in [
        &["--format", "xlsx"][..],
        &["--format", "csv"],
        &["--format", "csv", "--excel"],
    ] {
        let file = format!("s.{}", if args[1] == "xlsx" { "xlsx" } else { "csv" });
        let export = [&["export", "ml", "-o", &file, "--date", DATE][..], args].concat();
        let run = label(dir, &export);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        let run = label(dir, &["import", "ml", &file, "--date", DATE]);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        assert!(run.stdout.contains("Aucune réponse changée"), "{args:?}");
        assert_eq!(
            fs::read_to_string(dir.join("ml/autoevaluation.yaml")).unwrap(),
            STYLED,
            "{args:?}"
        );
    }
}

#[test]
fn item_1_cells_typed_as_people_do_land_exactly() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path();
    styled(dir);
    let sheet =
        "\u{feff}Critère;Niveau;Commentaire;Preuves;Justification si non concerné;Ma colonne\r
GOUV-03;3 - Satisfait;\"Ligne 1\r\nLigne 2  \";\"preuves/x.pdf; preuves/z.pdf\";;\r
;;;;;\r
GOUV-04;  Pleinement satisfait ;;;;note\r
TERR-03;NC;;;Un seul site;\r
";
    fs::write(dir.join("r.csv"), sheet).unwrap();
    let run = label(dir, &["import", "ml", "r.csv", "--date", DATE]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let after = fs::read_to_string(dir.join("ml/autoevaluation.yaml")).unwrap();
    let expected = STYLED
        .replace(
            "    niveau: 2\r\n    commentaire: >-\r\n      Texte plié\r\n      sur deux lignes\r\n    preuves:\r\n      - preuves/x.pdf   # le fichier\r\n      - \"  preuves/y.pdf  \"\r\n",
            "    niveau: 3\r\n    commentaire: \"Ligne 1\\nLigne 2\"\r\n    preuves:\r\n      - preuves/x.pdf\r\n      - preuves/z.pdf\r\n",
        )
        .replace("    niveau: ~\r\n", "    niveau: 4\r\n")
        .replace("non_concerne: \"Pas d'antenne\"", "non_concerne: Un seul site");
    assert_eq!(after, expected);
}

/// QA: the sheet of one structure imported into another one's folder is
/// refused at its « Structure » cell (TAB009), the file left as it was;
/// without that column (an older export), the import reads it as before.
#[test]
fn sheet_id_another_structure_s_sheet_is_refused() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path();
    common::copy_dir(&common::root().join("examples/structures"), dir);
    let run = label(
        dir,
        &[
            "export",
            "ml-pays-de-vitre",
            "-o",
            "vitre.csv",
            "--format",
            "csv",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = label(dir, &["export", "ml-pays-de-vitre", "-o", "vitre.xlsx"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let target = dir.join("ml-haute-cornouaille/autoevaluation.yaml");
    let before = fs::read(&target).unwrap();
    for file in ["vitre.csv", "vitre.xlsx"] {
        let run = label(dir, &["import", "ml-haute-cornouaille", file]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        let told = "cellule A2 (« Structure ») : ce tableur est celui de la structure « ml-pays-de-vitre », pas de « ml-haute-cornouaille »";
        assert!(run.stderr.contains("erreur[TAB009] : "), "{}", run.stderr);
        assert!(run.stderr.contains(told), "{}", run.stderr);
        assert_eq!(run.stderr.matches("erreur[").count(), 1, "{}", run.stderr);
        assert_eq!(fs::read(&target).unwrap(), before, "nothing written");
    }
    // The same sheet without its « Structure » column: imported as before.
    let csv = fs::read_to_string(dir.join("vitre.csv")).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv.as_bytes());
    let mut writer = csv::Writer::from_writer(Vec::new());
    for record in reader.records() {
        let record = record.unwrap();
        writer.write_record(record.iter().skip(1)).unwrap();
    }
    fs::write(dir.join("ancien.csv"), writer.into_inner().unwrap()).unwrap();
    let vitre = dir.join("ml-pays-de-vitre/autoevaluation.yaml");
    let before = fs::read(&vitre).unwrap();
    let run = label(dir, &["import", "ml-pays-de-vitre", "ancien.csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(fs::read(&vitre).unwrap(), before);
}
