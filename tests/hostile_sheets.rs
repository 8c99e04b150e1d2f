//! Hostile spreadsheets (issue 13, item 1): what `label import` is given
//! and where `label export` would write. Each case runs the real binary
//! once under the harness's bounds (10 s, 1 GiB of address space), checks
//! the exit code and the diagnostic code, and that nothing on disk changed
//! unless the import accepts the file by design.
//!
//! Decisions told by these cases: a cell holding a formula is refused
//! (TAB008), never read as its computed result; a spreadsheet reached
//! through a link is read (the person named it), but `autoevaluation.yaml`
//! is never written through one; control characters are kept, escaped, in
//! the YAML and never reach the terminal raw.

#![cfg(unix)]

mod harness;

use std::fs;
use std::io::Write;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::Command;

use harness::{Case, DATE, run_all, structure};
use rust_xlsxwriter::{Formula, Workbook};

const HEADER: &str = "Critère,Niveau,Commentaire,Preuves,Justification si non concerné\n";

fn import(file: &str) -> Vec<String> {
    harness::args(&["import", "ml", file, "--date", DATE])
}

fn case(name: &str, file: &str, exit: i32, code: &'static str) -> Case {
    let args = import(file);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    Case::new(name, &args, exit, code)
}

/// The structure `ml` and a CSV of the rows given, under `reponses.csv`.
fn csv(rows: &'static str) -> impl Fn(&Path) {
    move |d: &Path| {
        structure(d);
        fs::write(d.join("reponses.csv"), format!("{HEADER}{rows}")).unwrap();
    }
}

/// The structure `ml` and the workbook `build` fills, under `t.xlsx`.
fn workbook(build: fn(&mut rust_xlsxwriter::Worksheet)) -> impl Fn(&Path) {
    move |d: &Path| {
        structure(d);
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        sheet.set_name("Autoévaluation").unwrap();
        for (i, h) in HEADER.trim_end().split(',').enumerate() {
            sheet.write_string(0, i as u16, h).unwrap();
        }
        sheet.write_string(1, 0, "GOUV-01").unwrap();
        build(sheet);
        book.save(d.join("t.xlsx")).unwrap();
    }
}

/// Writes one part of a zip.
type Part<'a> = (&'a str, &'a dyn Fn(&mut dyn Write));

/// A zip holding `parts` (name, bytes), deflated.
fn zip(path: &Path, parts: &[Part]) {
    let mut zip = zip::ZipWriter::new(fs::File::create(path).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    for (name, write) in parts {
        zip.start_file(*name, options).unwrap();
        write(&mut zip);
    }
    zip.finish().unwrap();
}

const WORKBOOK: &str = r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Autoévaluation" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
const SHEET_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;
const TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#;
const SHEET_START: &str = r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Critère</t></is></c></row>"#;
const SHEET_END: &str = "</sheetData></worksheet>";

/// The structure `ml` and a hand-made `t.xlsx` whose sheet's data rows
/// `rows` writes.
fn raw_xlsx(rows: fn(&mut dyn Write)) -> impl Fn(&Path) {
    move |d: &Path| {
        structure(d);
        let text = |t: &'static str| move |w: &mut dyn Write| w.write_all(t.as_bytes()).unwrap();
        let sheet = |w: &mut dyn Write| {
            w.write_all(SHEET_START.as_bytes()).unwrap();
            rows(w);
            w.write_all(SHEET_END.as_bytes()).unwrap();
        };
        zip(
            &d.join("t.xlsx"),
            &[
                ("[Content_Types].xml", &text(TYPES)),
                ("_rels/.rels", &text(RELS)),
                ("xl/_rels/workbook.xml.rels", &text(SHEET_RELS)),
                ("xl/workbook.xml", &text(WORKBOOK)),
                ("xl/worksheets/sheet1.xml", &sheet),
            ],
        );
    }
}

const ODS_MANIFEST: &str = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>"#;
const ODS_START: &str = r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Autoévaluation"><table:table-row><table:table-cell office:value-type="string"><text:p>Critère</text:p></table:table-cell></table:table-row>"#;
const ODS_END: &str = "</table:table></office:spreadsheet></office:body></office:document-content>";

/// The structure `ml` and a hand-made `t.ods` whose sheet goes on with
/// `rows`.
fn ods(rows: &'static str) -> impl Fn(&Path) {
    move |d: &Path| {
        structure(d);
        let text = |t: String| move |w: &mut dyn Write| w.write_all(t.as_bytes()).unwrap();
        zip(
            &d.join("t.ods"),
            &[
                (
                    "mimetype",
                    &text("application/vnd.oasis.opendocument.spreadsheet".into()),
                ),
                ("META-INF/manifest.xml", &text(ODS_MANIFEST.into())),
                ("content.xml", &text(format!("{ODS_START}{rows}{ODS_END}"))),
            ],
        );
    }
}

fn fifo(path: &Path) {
    assert!(Command::new("mkfifo").arg(path).status().unwrap().success());
}

/// What the import is given: files that are no spreadsheet, or too much
/// of one.
#[test]
fn item_1_files_that_are_no_sheet_of_ours() {
    let cases = vec![
        case("a text named .xlsx", "t.xlsx", 1, "TAB001").setup(|d| {
            structure(d);
            fs::write(d.join("t.xlsx"), "pas un classeur\n").unwrap();
        }),
        case("a truncated zip", "t.xlsx", 1, "TAB001").setup(|d| {
            structure(d);
            fs::write(d.join("t.xlsx"), b"PK\x03\x04\x14\x00\x00\x00").unwrap();
        }),
        case("a zip bomb: 300 MB of XML", "t.xlsx", 1, "TAB001").setup(raw_xlsx(|w| {
            let spaces = vec![b' '; 1 << 20];
            for _ in 0..300 {
                w.write_all(&spaces).unwrap();
            }
        })),
        case("a cell at XFD1048576", "t.xlsx", 1, "TAB001").setup(raw_xlsx(|w| {
            let far = r#"<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#;
            w.write_all(far.as_bytes()).unwrap();
        })),
        case("1 048 576 rows", "t.xlsx", 1, "TAB001").setup(raw_xlsx(|w| {
            for r in 2..=1_048_576 {
                write!(w, r#"<row r="{r}"><c r="A{r}"><v>1</v></c></row>"#).unwrap();
            }
        })),
        case("formatted empty rows to the last one", "t.xlsx", 1, "TAB002").setup(raw_xlsx(
            |w| {
                let empty = r#"<row r="1048576"><c r="A1048576" s="1"/></row>"#;
                w.write_all(empty.as_bytes()).unwrap();
            },
        )),
        case("an ods of 20 000 × 1 000 repeated cells", "t.ods", 1, "TAB001").setup(ods(
            r#"<table:table-row table:number-rows-repeated="20000"><table:table-cell table:number-columns-repeated="1000" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>"#,
        )),
        case("an ods with a cell at column 16 000", "t.ods", 1, "TAB001").setup(ods(
            r#"<table:table-row><table:table-cell table:number-columns-repeated="16000"/><table:table-cell office:value-type="float" office:value="1"/></table:table-row>"#,
        )),
        case("an ods whose empty rows run to the end", "t.ods", 1, "TAB002").setup(ods(
            r#"<table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>"#,
        )),
        case("a workbook without a sheet", "t.xlsx", 1, "TAB001").setup(|d| {
            structure(d);
            zip(&d.join("t.xlsx"), &[]);
        }),
        case("an empty CSV", "reponses.csv", 1, "TAB002").setup(|d| {
            structure(d);
            fs::write(d.join("reponses.csv"), "").unwrap();
        }),
        case("20 000 CSV rows", "reponses.csv", 1, "TAB001").setup(|d| {
            structure(d);
            fs::write(d.join("reponses.csv"), format!("{HEADER}{}", ",\n".repeat(20_000)))
                .unwrap();
        }),
        case("300 CSV columns", "reponses.csv", 1, "TAB001")
            .setup(csv("GOUV-01,3,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,\n")),
        case("an unclosed quote", "reponses.csv", 1, "TAB001")
            .setup(csv("GOUV-01,2,\"la suite du fichier,,\nGOUV-02,1,,,\n")),
        case("more than 32 MB", "reponses.csv", 1, "TAB001").setup(|d| {
            structure(d);
            let file = fs::File::create(d.join("reponses.csv")).unwrap();
            file.set_len(33 << 20).unwrap();
        }),
        case("a FIFO", "reponses.csv", 2, "FS008").setup(|d| {
            structure(d);
            fifo(&d.join("reponses.csv"));
        }),
        case("/dev/zero", "reponses.csv", 2, "FS008").setup(|d| {
            structure(d);
            symlink("/dev/zero", d.join("reponses.csv")).unwrap();
        }),
        case("a folder", "t.xlsx", 2, "FS008").setup(|d| {
            structure(d);
            fs::create_dir(d.join("t.xlsx")).unwrap();
        }),
        case("a missing file", "absent.csv", 2, "FS001").setup(structure),
        case("a dangling link", "reponses.csv", 2, "FS001").setup(|d| {
            structure(d);
            symlink("absent.csv", d.join("reponses.csv")).unwrap();
        }),
    ];
    run_all(cases);
}

/// What cells hold: formulas, huge or strange texts.
#[test]
fn item_1_cells_a_person_or_an_attacker_fills() {
    let cases = vec![
        case("=1+1 as a level", "t.xlsx", 1, "TAB008").setup(workbook(|s| {
            s.write_formula(1, 1, Formula::new("=1+1").set_result("2"))
                .unwrap();
        })),
        case("=HYPERLINK() as a comment", "t.xlsx", 1, "TAB008")
            .forbid("clic")
            .setup(workbook(|s| {
                let link = Formula::new(r#"=HYPERLINK("http://x","clic")"#).set_result("clic");
                s.write_formula(1, 2, link).unwrap();
            })),
        case("a formula as evidence", "t.xlsx", 1, "TAB008").setup(workbook(|s| {
            s.write_formula(1, 3, Formula::new("=A1").set_result("Critère"))
                .unwrap();
        })),
        case("a formula saved in a CSV", "reponses.csv", 1, "TAB008")
            .setup(csv("GOUV-01,=1+2,,,\n")),
        case("a formula in an unread column", "t.xlsx", 0, "")
            .writes()
            .setup(workbook(|s| {
                s.write_formula(1, 6, Formula::new("=1+1").set_result("2"))
                    .unwrap();
                s.write_number(1, 1, 2.0).unwrap();
            })),
        case(
            "a text after the export's apostrophe",
            "reponses.csv",
            0,
            "",
        )
        .writes()
        .setup(csv("GOUV-01,3,'=1+1 est du texte,,\n")),
        case("a 100 000-character comment", "reponses.csv", 0, "")
            .writes()
            .setup(|d| {
                structure(d);
                let long = "é".repeat(100_000);
                fs::write(
                    d.join("reponses.csv"),
                    format!("{HEADER}GOUV-01,3,{long},,\n"),
                )
                .unwrap();
            }),
        case("control characters in a comment", "reponses.csv", 0, "")
            .writes()
            .setup(csv("GOUV-01,3,\"a\u{1b}[31mb\u{7}c\u{0}d\u{9b}2J\",,\n")),
        case(
            "control characters in the criterion",
            "reponses.csv",
            1,
            "TAB003",
        )
        .setup(csv("GOUV\u{1b}]0;titre\u{7}-01,3,,,\n")),
        case("a level of 2.5", "reponses.csv", 1, "TAB005").setup(csv("GOUV-01,2.5,,,\n")),
        case("a level of 1e300", "t.xlsx", 1, "TAB005").setup(workbook(|s| {
            s.write_number(1, 1, 1e300).unwrap();
        })),
        case("a level of 99", "reponses.csv", 1, "TAB006").setup(csv("GOUV-01,99,,,\n")),
        case("a level beyond i64", "reponses.csv", 1, "TAB005")
            .setup(csv("GOUV-01,99999999999999999999999,,,\n")),
        case("evidence out of the folder", "reponses.csv", 1, "TAB006")
            .setup(csv("GOUV-01,3,,../../../etc/passwd,\n")),
        case("an absolute evidence path", "reponses.csv", 1, "TAB006")
            .setup(csv("GOUV-01,3,,/etc/shadow,\n")),
        case("the same criterion twice", "reponses.csv", 1, "TAB004")
            .setup(csv("GOUV-01,3,,,\nGOUV-01,2,,,\n")),
        case(
            "not concerned where it may not be",
            "reponses.csv",
            1,
            "TAB006",
        )
        .setup(csv("GOUV-01,non concerné,,,Pas chez nous\n")),
    ];
    run_all(cases);
}

/// Where the import would write, and where the export would.
#[test]
fn item_1_where_import_and_export_would_write() {
    let export = |file: &str| {
        harness::args(&[
            "export", "ml", "--format", "csv", "-o", file, "--date", DATE,
        ])
    };
    let export_case = |name: &str, file: &str, exit: i32, code: &'static str| {
        let args = export(file);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        Case::new(name, &args, exit, code)
    };
    let cases = vec![
        case("a sheet linked from outside the folder", "lien.csv", 0, "")
            .writes()
            .setup(|d| {
                csv("GOUV-01,2,,,\n")(d);
                fs::create_dir(d.join("ailleurs")).unwrap();
                fs::rename(d.join("reponses.csv"), d.join("ailleurs/r.csv")).unwrap();
                symlink("ailleurs/r.csv", d.join("lien.csv")).unwrap();
            }),
        case(
            "autoevaluation.yaml a link inside",
            "reponses.csv",
            2,
            "FS010",
        )
        .setup(|d| {
            csv("GOUV-01,2,,,\n")(d);
            fs::rename(d.join("ml/autoevaluation.yaml"), d.join("ml/vrai.yaml")).unwrap();
            symlink("vrai.yaml", d.join("ml/autoevaluation.yaml")).unwrap();
        }),
        case(
            "autoevaluation.yaml a link outside",
            "reponses.csv",
            1,
            "FS009",
        )
        .setup(|d| {
            csv("GOUV-01,2,,,\n")(d);
            fs::rename(d.join("ml/autoevaluation.yaml"), d.join("vrai.yaml")).unwrap();
            symlink("../vrai.yaml", d.join("ml/autoevaluation.yaml")).unwrap();
        }),
        case("autoevaluation.yaml read-only", "reponses.csv", 2, "FS006").setup(|d| {
            use std::os::unix::fs::PermissionsExt;
            csv("GOUV-01,2,,,\n")(d);
            let path = d.join("ml/autoevaluation.yaml");
            fs::set_permissions(path, fs::Permissions::from_mode(0o444)).unwrap();
        }),
        case("autoevaluation.yaml a FIFO", "reponses.csv", 2, "FS008").setup(|d| {
            csv("GOUV-01,2,,,\n")(d);
            fs::remove_file(d.join("ml/autoevaluation.yaml")).unwrap();
            fifo(&d.join("ml/autoevaluation.yaml"));
        }),
        export_case("export through a link", "lien.csv", 2, "FS010").setup(|d| {
            structure(d);
            fs::write(d.join("cible.csv"), "à garder").unwrap();
            symlink("cible.csv", d.join("lien.csv")).unwrap();
        }),
        export_case("export into a missing folder", "absent/a.csv", 2, "FS006").setup(structure),
        export_case("export onto a folder", "dossier", 2, "FS006").setup(|d| {
            structure(d);
            fs::create_dir(d.join("dossier")).unwrap();
        }),
    ];
    run_all(cases);
}
