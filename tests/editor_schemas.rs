//! Item 8: our JSON Schemas, checked by an independent Draft-7 validator
//! (the `jsonschema` crate) on every file the tool ships or writes.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use common::{label, root};

/// A YAML file as JSON, read by serde-saphyr's serde path (not our parser).
fn yaml(path: &Path) -> Value {
    let text = fs::read_to_string(path).unwrap();
    serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn json_file(path: &Path) -> Value {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap()
}

/// What the validator says is wrong with `instance`.
fn problems(schema: &Value, instance: &Value) -> Vec<String> {
    let validator = jsonschema::draft7::new(schema).expect("a valid draft-07 schema");
    validator
        .iter_errors(instance)
        .map(|e| format!("{} : {e}", e.instance_path()))
        .collect()
}

fn generic(kind: &str) -> Value {
    json_file(&root().join(format!("schemas/{kind}.schema.json")))
}

/// The schema named by the file's first line, as editors resolve it.
fn modeline_schema(file: &Path) -> Value {
    let text = fs::read_to_string(file).unwrap();
    let first = text.lines().next().unwrap_or_default();
    let target = first
        .strip_prefix("# yaml-language-server: $schema=")
        .unwrap_or_else(|| panic!("{}: no modeline on the first line", file.display()));
    json_file(&file.parent().unwrap().join(target))
}

fn assert_valid(schema: &Value, instance: &Value, what: &str) {
    let found = problems(schema, instance);
    assert!(found.is_empty(), "{what}:\n{}", found.join("\n"));
}

/// The kind of a file under `referentiels/`.
fn referential_kind(path: &Path) -> &'static str {
    if path.file_name().is_some_and(|n| n == "referentiel.yaml") {
        "referentiel-dossier"
    } else if path
        .parent()
        .and_then(Path::file_name)
        .is_some_and(|n| n == "principes")
    {
        "principe"
    } else {
        "referentiel"
    }
}

fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    files
}

#[test]
fn item_8_shipped_referentials_match_the_generic_schemas() {
    let files = yaml_files(&root().join("referentiels"));
    let kinds: Vec<&str> = files.iter().map(|f| referential_kind(f)).collect();
    assert!(kinds.contains(&"referentiel") && kinds.contains(&"referentiel-dossier"));
    for (file, kind) in files.iter().zip(kinds) {
        assert_valid(&generic(kind), &yaml(file), &file.display().to_string());
    }
}

#[test]
fn item_8_examples_match_their_modeline_and_generic_schemas() {
    let files = yaml_files(&root().join("examples/structures"));
    assert!(files.len() >= 8, "{files:?}");
    for file in &files {
        // Past audits under `audits/` are named after their date.
        let past_audit = file
            .parent()
            .and_then(Path::file_name)
            .is_some_and(|n| n == "audits");
        let kind = if past_audit {
            "audit"
        } else {
            file.file_stem().unwrap().to_str().unwrap()
        };
        let instance = yaml(file);
        let shown = file.display().to_string();
        assert_valid(&generic(kind), &instance, &shown);
        assert_valid(&modeline_schema(file), &instance, &shown);
    }
}

#[test]
fn item_8_example_schemas_are_up_to_date() {
    let examples = root().join("examples");
    let folder = examples.join(".label");
    for file in walkdir::WalkDir::new(&folder)
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.is_file())
    {
        let relative = file.strip_prefix(&folder).unwrap();
        let parts: Vec<&str> = relative.iter().map(|p| p.to_str().unwrap()).collect();
        let args: Vec<String> = match parts.as_slice() {
            [name] => vec!["schema".into(), name.replace(".schema.json", "")],
            [id, version, "autoevaluation.schema.json"] => vec![
                "schema".into(),
                "autoevaluation".into(),
                "--referentiel".into(),
                format!("{id}@{version}"),
            ],
            _ => panic!("unexpected file {}", file.display()),
        };
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let run = label(&examples, &args);
        assert_eq!(run.code, 0, "{}", run.stderr);
        if std::env::var_os("LABEL_BLESS").is_some() {
            fs::write(&file, &run.stdout).unwrap();
        }
        assert_eq!(
            run.stdout,
            fs::read_to_string(&file).unwrap(),
            "{} is stale: `LABEL_BLESS=1 cargo test --test editor_schemas` rewrites it \
             (it is `label {}` run in examples/)",
            file.display(),
            args.join(" ")
        );
    }
}

/// A fresh `label init` in a new workspace: (template path, its JSON).
fn fresh(dir: &Path, kind: &str) -> (PathBuf, Value) {
    fresh_with(dir, kind, &[])
}

/// The same, with more arguments (`--referentiel ID@VERSION`).
fn fresh_with(dir: &Path, kind: &str, more: &[&str]) -> (PathBuf, Value) {
    let mut args = vec![
        "init",
        kind,
        "--structure",
        "essai",
        "--nom",
        "Essai",
        "--type",
        kind,
    ];
    args.extend(more);
    let run = label(dir, &args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let file = dir.join(kind).join("autoevaluation.yaml");
    let instance = yaml(&file);
    (file, instance)
}

#[test]
fn item_8_fresh_templates_match_both_schemas() {
    let dir = tempfile::tempdir().unwrap();
    for kind in ["mission-locale", "arml", "unml"] {
        let (file, instance) = fresh(dir.path(), kind);
        assert_valid(&generic("autoevaluation"), &instance, kind);
        assert_valid(&modeline_schema(&file), &instance, kind);
    }
}

#[test]
fn item_8_specific_schema_rejects_what_validate_rejects() {
    let dir = tempfile::tempdir().unwrap();
    // 1.0.0: its TERR-03 may be declared non concerné (1.1.0 has none).
    let version = ["--referentiel", "missions-locales@1.0.0"];
    let (file, template) = fresh_with(dir.path(), "mission-locale", &version);
    let specific = modeline_schema(&file);
    let with = |pointer: &str, value: Value| {
        let mut instance = template.clone();
        *instance.pointer_mut(pointer).unwrap() = value;
        instance
    };
    let rejected = |instance: &Value, what: &str| {
        assert!(
            !problems(&specific, instance).is_empty(),
            "accepted: {what}"
        );
    };
    // A level outside the scale; the generic schema cannot know it.
    let planted = with("/reponses/GOUV-01/niveau", json!(9));
    rejected(&planted, "niveau: 9");
    assert_valid(&generic("autoevaluation"), &planted, "niveau: 9 (generic)");
    // A look-alike id (letter O for zero).
    let mut look_alike = template.clone();
    let answers = look_alike["reponses"].as_object_mut().unwrap();
    let answer = answers.remove("GOUV-01").unwrap();
    answers.insert("GOUV-O1".into(), answer);
    rejected(&look_alike, "GOUV-O1");
    // N/A only where the criterion allows it, with a justification, no level.
    let na = json!({ "non_concerne": "Un seul site." });
    rejected(&with("/reponses/GOUV-01", na.clone()), "N/A on GOUV-01");
    assert_valid(&specific, &with("/reponses/TERR-03", na), "N/A on TERR-03");
    let empty = json!({ "non_concerne": null });
    rejected(&with("/reponses/TERR-03", empty), "empty justification");
    let both = json!({ "non_concerne": "Un seul site.", "niveau": 3 });
    rejected(&with("/reponses/TERR-03", both), "N/A with a level");
    // Every level of the scale, and an empty answer, are fine.
    for level in 1..=4 {
        let filled = with("/reponses/GOUV-01/niveau", json!(level));
        assert_valid(&specific, &filled, "niveau 1..4");
    }
    assert_valid(
        &specific,
        &with("/reponses/GOUV-01", Value::Null),
        "GOUV-01:",
    );
}

#[test]
fn item_8_folder_header_is_its_own_kind() {
    let header = yaml(&root().join("referentiels/tetes-de-reseau/1.0.0/referentiel.yaml"));
    assert!(!problems(&generic("referentiel"), &header).is_empty());
    let mut with_principles = header.clone();
    with_principles["principes"] = json!([]);
    assert!(!problems(&generic("referentiel-dossier"), &with_principles).is_empty());
}

#[test]
fn item_8_plans_written_by_the_tool_match_the_generic_schema() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["ml-haute-cornouaille", "ml-val-de-garonne"] {
        let target = dir.path().join(name);
        common::copy_dir(&root().join("examples/structures").join(name), &target);
        let run = label(dir.path(), &["plan", name, "--date", "2026-11-27"]);
        assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
        let plan = target.join("plan.yaml");
        assert_valid(&generic("plan"), &yaml(&plan), name);
    }
}
