//! Every field of every file, made hostile one at a time (issue 14): a
//! duplicate key at each level, a wrong type at each field, look-alike
//! ids, impossible dates.

mod harness;

use std::path::Path;

use harness::fields::{duplicated, fields, with_value};
use harness::{Case, DATE, root, run_all, structure};

const EXAMPLE: &str = "examples/structures/ml-val-de-garonne";

/// The files of a structure and of a referential, each with the command
/// that reads it.
fn files() -> Vec<(&'static str, Vec<&'static str>)> {
    let validate = vec!["validate", "ml", "--date", DATE];
    vec![
        ("ml/autoevaluation.yaml", validate.clone()),
        ("ml/plan.yaml", validate.clone()),
        ("ml/audit.yaml", validate.clone()),
        ("ml/audits/2025-03-12-initial.yaml", validate),
        ("referentiels/missions-locales/1.0.0.yaml", vec!["lint"]),
    ]
}

fn original(file: &str) -> String {
    let path = match file.strip_prefix("ml/") {
        Some(rest) => root().join(EXAMPLE).join(rest),
        None => root().join(file),
    };
    std::fs::read_to_string(path).unwrap()
}

/// The structure `ml`, a workspace referential, and `file` replaced.
fn planted(dir: &Path, file: &str, text: &str) {
    structure(dir);
    let refs = dir.join("referentiels/missions-locales");
    std::fs::create_dir_all(&refs).unwrap();
    std::fs::copy(
        root().join("referentiels/missions-locales/1.0.0.yaml"),
        refs.join("1.0.0.yaml"),
    )
    .unwrap();
    std::fs::write(dir.join(file), text).unwrap();
}

fn variant_cases(
    what: &str,
    code: &'static str,
    make: impl Fn(&str, &harness::fields::Field) -> Option<String>,
) -> Vec<Case> {
    let mut cases = Vec::new();
    for (file, args) in files() {
        let text = original(file);
        for field in fields(&text) {
            let Some(variant) = make(&text, &field) else {
                continue;
            };
            let name = format!("{what} « {} » line {} of {file}", field.key, field.line + 1);
            cases.push(
                Case::new(name, &args, 1, code).setup(move |dir| planted(dir, file, &variant)),
            );
        }
    }
    cases
}

#[test]
fn a_duplicate_key_at_every_level() {
    let cases = variant_cases("duplicate", "YAML002", |text, field| {
        Some(duplicated(text, field))
    });
    assert!(cases.len() >= 25, "{} cases", cases.len());
    run_all(cases);
}

#[test]
fn a_wrong_type_at_every_field() {
    let cases = variant_cases("wrong type in", "SCH003", |text, field| {
        // A mapping where a text or a list is expected; a list where a
        // mapping is.
        let next = text.lines().nth(field.line + 1).unwrap_or("").trim_start();
        let is_mapping = field.end > field.line + 1 && !next.starts_with("- ");
        let value = if is_mapping {
            "[faux, 2]"
        } else {
            "{faux: [1, 2]}"
        };
        Some(with_value(text, field, value))
    });
    assert!(cases.len() >= 25, "{} cases", cases.len());
    run_all(cases);
}

/// `text` with its first `from` replaced, as a case on `file`.
fn replaced(name: &str, file: &'static str, from: &str, to: &str, code: &'static str) -> Case {
    let text = original(file);
    assert!(text.contains(from), "{from} in {file}");
    let variant = text.replacen(from, to, 1);
    let args = match file {
        "referentiels/missions-locales/1.0.0.yaml" => vec!["lint"],
        _ => vec!["validate", "ml", "--date", DATE],
    };
    Case::new(format!("{name} in {file}"), &args, 1, code)
        .setup(move |dir| planted(dir, file, &variant))
}

/// Ids that look right but hold a Cyrillic or Greek letter, a zero-width
/// space or a non-breaking hyphen.
#[test]
fn look_alike_ids() {
    let fakes = [
        ("Cyrillic О", "GОUV-01"),
        ("Greek Ο", "GΟUV-01"),
        ("zero-width space", "GOUV\u{200b}-01"),
        ("non-breaking hyphen", "GOUV\u{2011}01"),
        ("fullwidth letters", "ＧＯＵＶ-01"),
    ];
    let mut cases = Vec::new();
    for (what, fake) in fakes {
        let key = format!("  {fake}:");
        cases.push(replaced(
            what,
            "ml/autoevaluation.yaml",
            "  GOUV-01:",
            &key,
            "CRT001",
        ));
        cases.push(replaced(
            what,
            "ml/audit.yaml",
            "  GOUV-01:",
            &key,
            "CRT001",
        ));
        let list = format!("[{fake}]");
        cases.push(replaced(what, "ml/plan.yaml", "[GOUV-05]", &list, "CRT001"));
        let id = format!("id: {fake}");
        cases.push(replaced(
            what,
            "referentiels/missions-locales/1.0.0.yaml",
            "id: GOUV-01",
            &id,
            "REF002",
        ));
    }
    let cyrillic = "id: ml-vаl-de-garonne"; // а: U+0430
    cases.push(replaced(
        "Cyrillic а",
        "ml/autoevaluation.yaml",
        "id: ml-val-de-garonne",
        cyrillic,
        "STR006",
    ));
    run_all(cases);
}

#[test]
fn impossible_dates() {
    let mut cases = Vec::new();
    for date in [
        "2026-02-30",
        "0000-01-01",
        "10000-01-01",
        "2026-13-01",
        "2026-00-10",
        "2026-1-1",
        "2026-02-29",
    ] {
        let at = |key: &str| format!("{key}: {date}");
        cases.push(replaced(
            date,
            "ml/autoevaluation.yaml",
            "date: 2026-09-18",
            &at("date"),
            "SCH005",
        ));
        cases.push(replaced(
            date,
            "ml/plan.yaml",
            "echeance: 2026-12-31",
            &at("echeance"),
            "SCH005",
        ));
        cases.push(replaced(
            date,
            "ml/audit.yaml",
            "debut: 2026-11-17",
            &at("debut"),
            "SCH005",
        ));
        cases.push(replaced(
            date,
            "ml/audit.yaml",
            "fin: 2026-11-18",
            &at("fin"),
            "SCH005",
        ));
    }
    run_all(cases);
}
