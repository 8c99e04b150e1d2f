//! `label export` and `label import` (issue 13, item 1): the
//! self-assessment as a spreadsheet and back, losing nothing.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{copy_dir, label, root};

/// Every shipped example, copied into a temporary folder.
fn examples(temp: &Path) -> Vec<String> {
    let from = root().join("examples/structures");
    copy_dir(&from, temp);
    let mut names: Vec<String> = fs::read_dir(&from)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn yaml(dir: &Path, name: &str) -> Vec<u8> {
    fs::read(dir.join(name).join("autoevaluation.yaml")).unwrap()
}

#[test]
fn item_1_export_then_import_is_a_byte_for_byte_no_op_on_every_example() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path();
    for name in examples(dir) {
        let before = yaml(dir, &name);
        for (file, extra) in [
            ("a.xlsx", &[][..]),
            ("a.csv", &["--format", "csv"][..]),
            ("b.csv", &["--format", "csv", "--excel"][..]),
        ] {
            let mut args = vec!["export", name.as_str(), "-o", file];
            args.extend(extra);
            let run = label(dir, &args);
            assert_eq!(run.code, 0, "{name} {file}: {}", run.stderr);
            let run = label(dir, &["import", &name, file]);
            assert_eq!(run.code, 0, "{name} {file}: {}", run.stderr);
            assert!(
                run.stdout.starts_with("Aucune réponse changée"),
                "{}",
                run.stdout
            );
            assert_eq!(yaml(dir, &name), before, "{name} {file}");
        }
    }
}

#[test]
fn item_1_the_same_self_assessment_gives_the_same_bytes() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path();
    examples(dir);
    label(dir, &["export", "ml-pays-de-vitre", "-o", "a.xlsx"]);
    label(dir, &["export", "ml-pays-de-vitre", "-o", "b.xlsx"]);
    assert_eq!(
        fs::read(dir.join("a.xlsx")).unwrap(),
        fs::read(dir.join("b.xlsx")).unwrap()
    );
    let piped = label(dir, &["export", "ml-pays-de-vitre", "--format", "csv"]);
    let csv = label(dir, &["export", "ml-haute-cornouaille", "--format", "csv"]);
    assert_eq!(csv.code, 0);
    insta::assert_snapshot!("export_csv_ml_haute_cornouaille", csv.stdout);
    assert!(
        piped
            .stdout
            .starts_with("Structure,Principe,Critère,Titre,Grille,")
    );
}

/// The parts of the workbook a person relies on: the sheet protected with
/// the answer columns open, the level drop-downs, the frozen header.
#[test]
fn item_1_the_workbook_locks_references_and_offers_the_levels() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path();
    examples(dir);
    let run = label(dir, &["export", "ml-pays-de-vitre", "-o", "a.xlsx"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let file = fs::File::open(dir.join("a.xlsx")).unwrap();
    let mut archive = zip::ZipArchive::new(file).unwrap();
    let mut sheet = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("xl/worksheets/sheet1.xml").unwrap(),
        &mut sheet,
    )
    .unwrap();
    assert!(sheet.contains("<sheetProtection"), "protected");
    assert!(sheet.contains("state=\"frozen\""), "header frozen");
    assert!(
        sheet.contains("&quot;1,2,3,4&quot;") || sheet.contains("\"1,2,3,4\""),
        "{sheet}"
    );
    assert!(sheet.contains("1,2,3,4,non concerné"), "N/A where allowed");
    let mut styles = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("xl/styles.xml").unwrap(), &mut styles)
        .unwrap();
    assert!(styles.contains("locked=\"0\""), "answer cells unlocked");
    let mut core = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("docProps/core.xml").unwrap(),
        &mut core,
    )
    .unwrap();
    assert!(core.contains("2026-01-01T00:00:00Z"), "{core}");
}

#[test]
fn item_1_a_workbook_is_never_written_to_a_terminal_but_to_a_pipe() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path();
    examples(dir);
    // Tests run with a pipe: the workbook comes out as bytes.
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_label"))
        .args(["export", "ml-pays-de-vitre"])
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(run.stdout.starts_with(b"PK\x03\x04"));
}

/// A CSV export of one example with some cells rewritten.
fn edited_csv(dir: &Path, name: &str, edit: impl Fn(&mut Vec<Vec<String>>)) -> PathBuf {
    let run = label(dir, &["export", name, "--format", "csv"]);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(run.stdout.as_bytes());
    let mut rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    edit(&mut rows);
    let mut writer = csv::Writer::from_writer(Vec::new());
    for row in &rows {
        writer.write_record(row).unwrap();
    }
    let path = dir.join(format!("{name}-modifie.csv"));
    fs::write(&path, writer.into_inner().unwrap()).unwrap();
    path
}

/// The lines of `before` and `after` that differ.
fn changed_lines(before: &[u8], after: &[u8]) -> Vec<(String, String)> {
    let before = String::from_utf8_lossy(before);
    let after = String::from_utf8_lossy(after);
    assert_eq!(before.lines().count(), after.lines().count(), "{after}");
    before
        .split_inclusive('\n')
        .zip(after.split_inclusive('\n'))
        .filter(|(b, a)| b != a)
        .map(|(b, a)| (b.to_string(), a.to_string()))
        .collect()
}

#[test]
fn item_1_a_changed_cell_changes_exactly_that_answer_keeping_crlf() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path();
    examples(dir);
    let path = dir.join("ml-pays-de-vitre/autoevaluation.yaml");
    let crlf = fs::read_to_string(&path).unwrap().replace('\n', "\r\n");
    fs::write(&path, &crlf).unwrap();
    let csv = edited_csv(dir, "ml-pays-de-vitre", |rows| {
        assert_eq!(rows[2][2], "GOUV-02");
        rows[2][6] = "2".into();
    });
    let run = label(dir, &["import", "ml-pays-de-vitre", csv.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("1 réponse modifiée (GOUV-02)"),
        "{}",
        run.stdout
    );
    let after = fs::read(&path).unwrap();
    assert_eq!(
        changed_lines(crlf.as_bytes(), &after),
        [(
            "    niveau: 3\r\n".to_string(),
            "    niveau: 2\r\n".to_string()
        )]
    );
    let validate = label(
        dir,
        &["validate", "ml-pays-de-vitre", "--date", "2026-11-27"],
    );
    assert_eq!(validate.code, 0, "{}", validate.stdout);
}

#[test]
fn item_1_new_answers_and_not_concerned_are_written_in_the_file_s_style() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path();
    let run = label(
        dir,
        &[
            "init",
            "ml-x",
            "--structure",
            "ml-x",
            "--nom",
            "ML X",
            // 1.0.0 lets TERR-03 be « non concerné ».
            "--referentiel",
            "missions-locales@1.0.0",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let before = fs::read(dir.join("ml-x/autoevaluation.yaml")).unwrap();
    let csv = edited_csv(dir, "ml-x", |rows| {
        rows[1][6] = "3".into();
        rows[1][7] = "Validé en AG.".into();
        rows[1][8] = "preuves/pv-ag.pdf\nhttps://exemple.fr/projet".into();
        let terr = rows.iter().position(|r| r[2] == "TERR-03").unwrap();
        rows[terr][6] = "non concerné".into();
        rows[terr][9] = "Un seul site, en centre-ville".into();
    });
    let run = label(dir, &["import", "ml-x", csv.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let after = String::from_utf8(fs::read(dir.join("ml-x/autoevaluation.yaml")).unwrap()).unwrap();
    let before = String::from_utf8(before).unwrap();
    let expected = before
        .replacen(
            "  GOUV-01:\n    niveau:\n    commentaire:\n    preuves: []\n",
            "  GOUV-01:\n    niveau: 3\n    commentaire: Validé en AG.\n    preuves:\n      - preuves/pv-ag.pdf\n      - https://exemple.fr/projet\n",
            1,
        )
        .replacen(
            "  TERR-03:\n    niveau:\n    commentaire:\n    preuves: []\n",
            "  TERR-03:\n    niveau:\n    commentaire:\n    preuves: []\n    non_concerne: Un seul site, en centre-ville\n",
            1,
        );
    let near = |text: &str, id: &str| {
        let at = text.find(&format!("  {id}:")).unwrap();
        text[at..at + 140].to_string()
    };
    assert_eq!(near(&after, "TERR-03"), near(&expected, "TERR-03"));
    assert_eq!(near(&after, "GOUV-01"), near(&expected, "GOUV-01"));
    assert!(after == expected, "nothing else changes");
    // And back: the same sheet imported again changes nothing.
    let run = label(dir, &["import", "ml-x", csv.to_str().unwrap()]);
    assert!(
        run.stdout.starts_with("Aucune réponse changée"),
        "{}",
        run.stdout
    );
}

#[test]
fn item_1_malformed_cells_are_told_in_french_naming_sheet_row_and_column() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path();
    examples(dir);
    let before = yaml(dir, "ml-pays-de-vitre");
    let csv = edited_csv(dir, "ml-pays-de-vitre", |rows| {
        rows[2][6] = "1 - Satisfait".into();
        rows[3][6] = "non concerné".into();
        rows[4][2] = "GOUV-5".into();
        let duplicate = rows[5].clone();
        rows.push(duplicate);
        rows[6][8] = "../ailleurs/projet.pdf".into();
        rows[7][6] = "7".into();
    });
    let run = label(dir, &["import", "ml-pays-de-vitre", csv.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert_eq!(yaml(dir, "ml-pays-de-vitre"), before, "nothing written");
    insta::assert_snapshot!("import_malformed_cells", run.stderr);
}

#[test]
fn item_1_block_texts_flow_lists_and_new_answers_are_rewritten_only_where_changed() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path();
    let before = "# tête\nreferentiel: missions-locales\nversion: 1.0.0\nstructure:\n  id: ml-essai\n  nom: Essai\n  type: mission-locale\ndate: 2026-03-12\nreponses:\n  GOUV-01:\n    niveau: 3\n    commentaire: >\n      Un long commentaire\n      plié sur deux lignes.\n    preuves: [https://exemple.fr/a]   # en ligne\n  # TERR-03 : un seul site\n  TERR-03:\n    non_concerne: Un seul site\n# fin\n";
    fs::create_dir_all(dir.join("ml-essai")).unwrap();
    fs::write(dir.join("ml-essai/autoevaluation.yaml"), before).unwrap();
    let csv = edited_csv(dir, "ml-essai", |rows| {
        let at = |id: &str| rows.iter().position(|r| r[2] == id).unwrap();
        let (g, t, v, a) = (at("GOUV-01"), at("TERR-03"), at("VAL-02"), at("ACC-04"));
        rows[g][7] = "Commentaire court".into();
        rows[g][8] = "https://exemple.fr/a\npreuves/b.pdf".into();
        rows[t][6] = "2".into();
        rows[t][9] = String::new();
        rows[v][6] = "2".into();
        rows[a][6] = "non concerné".into();
        rows[a][9] = "Pas d'antenne".into();
    });
    let run = label(dir, &["import", "ml-essai", csv.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let after = fs::read_to_string(dir.join("ml-essai/autoevaluation.yaml")).unwrap();
    let expected = before
        .replace(
            "    commentaire: >\n      Un long commentaire\n      plié sur deux lignes.\n    preuves: [https://exemple.fr/a]   # en ligne\n",
            "    commentaire: Commentaire court\n    preuves:\n      - https://exemple.fr/a\n      - preuves/b.pdf\n",
        )
        .replace(
            "    non_concerne: Un seul site\n",
            "    niveau: 2\n  VAL-02:\n    niveau: 2\n  ACC-04:\n    non_concerne: Pas d'antenne\n",
        );
    assert_eq!(after, expected);
    let again = label(dir, &["import", "ml-essai", csv.to_str().unwrap()]);
    assert!(
        again.stdout.starts_with("Aucune réponse changée"),
        "{}",
        again.stdout
    );
}

#[test]
fn item_1_a_bad_cell_of_a_workbook_names_its_sheet_cell_and_column() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path();
    examples(dir);
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Autoévaluation").unwrap();
    let header = [
        "Principe",
        "Critère",
        "Titre",
        "Grille",
        "Preuves attendues",
        "Niveau",
    ];
    for (i, text) in header.iter().enumerate() {
        sheet
            .write_string(0, u16::try_from(i).unwrap(), *text)
            .unwrap();
    }
    for (i, text) in ["Commentaire", "Preuves", "Justification si non concerné"]
        .iter()
        .enumerate()
    {
        sheet
            .write_string(0, u16::try_from(i + 6).unwrap(), *text)
            .unwrap();
    }
    sheet.write_string(1, 1, "GOUV-01").unwrap();
    sheet.write_number(1, 5, 2.5).unwrap();
    sheet.write_string(2, 1, "GOUV-02").unwrap();
    sheet
        .write_string(2, 5, "3 - Pleinement satisfait")
        .unwrap();
    workbook.save(dir.join("rempli.xlsx")).unwrap();
    let before = yaml(dir, "ml-pays-de-vitre");
    let run = label(dir, &["import", "ml-pays-de-vitre", "rempli.xlsx"]);
    assert_eq!(run.code, 1);
    assert_eq!(yaml(dir, "ml-pays-de-vitre"), before);
    assert!(
        run.stderr.contains("erreur[TAB005] : feuille « Autoévaluation », cellule F2 (« Niveau ») : « 2.5 » n'est pas un niveau"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--> rempli.xlsx:3:6"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("« Pleinement satisfait » est le niveau 4 : écrivez 4"),
        "{}",
        run.stderr
    );
}

#[test]
fn item_1_a_folder_with_errors_is_neither_exported_nor_imported_into() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path();
    examples(dir);
    label(
        dir,
        &[
            "export",
            "ml-pays-de-vitre",
            "--format",
            "csv",
            "-o",
            "a.csv",
        ],
    );
    let path = dir.join("ml-pays-de-vitre/autoevaluation.yaml");
    let broken = fs::read_to_string(&path)
        .unwrap()
        .replacen("niveau: 4", "niveau: 9", 1);
    fs::write(&path, &broken).unwrap();
    let run = label(dir, &["export", "ml-pays-de-vitre", "--format", "csv"]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.is_empty());
    assert!(run.stderr.contains("AUTO001"), "{}", run.stderr);
    let run = label(dir, &["import", "ml-pays-de-vitre", "a.csv"]);
    assert_eq!(run.code, 1);
    assert_eq!(fs::read_to_string(&path).unwrap(), broken);
}
