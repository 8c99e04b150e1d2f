//! Issue 13, item 3: the CI files of `docs/integration-continue.md` work when
//! pasted. Every `label` command written in them runs on a sample repository
//! with planted errors, and the files they produce validate against the
//! published schemas vendored under `tests/schemas/`.

mod common;

use std::fs;
use std::path::Path;

use common::{copy_dir, label, root};
use serde_json::Value;

/// A workspace like a network's repository: the shipped referentials, the
/// example structures, and one error in each kind of file.
fn sample_repository(dir: &Path) {
    fs::write(dir.join("label.toml"), "structures = \"structures\"\n").unwrap();
    copy_dir(&root().join("referentiels"), &dir.join("referentiels"));
    copy_dir(&root().join("examples/structures"), &dir.join("structures"));
    // A referential no structure uses, with a keyword error (SCH004).
    let shipped = fs::read_to_string(root().join("referentiels/missions-locales/1.0.0.yaml"))
        .unwrap()
        .replacen("referentiel: missions-locales", "referentiel: essai", 1)
        .replacen("statut: publie", "statut: publié", 1);
    fs::create_dir_all(dir.join("referentiels/essai")).unwrap();
    fs::write(dir.join("referentiels/essai/1.0.0.yaml"), shipped).unwrap();
    // A level beyond the scale in a self-assessment.
    plant_level(dir);
}

fn plant_level(dir: &Path) {
    let path = dir.join("structures/ml-pays-de-vitre/autoevaluation.yaml");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, text.replacen("niveau: 4", "niveau: 9", 1)).unwrap();
}

/// One `label` command line found in a YAML block of the guide.
#[derive(Debug)]
struct Documented {
    args: Vec<String>,
    /// `>> "$GITHUB_STEP_SUMMARY"`: standard output appended there.
    summary: bool,
    /// `|| [ $? -eq 1 ]`: exit 1 (errors in the files) lets the job go on.
    tolerates_errors: bool,
}

/// Every `label …` line of the YAML blocks of the guide, in order.
fn documented_commands(guide: &str) -> Vec<Documented> {
    let mut commands = Vec::new();
    let mut in_yaml = false;
    for line in guide.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with("```") {
            in_yaml = trimmed == "```yaml";
            continue;
        }
        let command = trimmed
            .trim_start_matches("- ")
            .trim_start_matches("run: ")
            .trim();
        if !in_yaml || !command.starts_with("label ") {
            continue;
        }
        let tolerates_errors = command.contains("|| [ $? -eq 1 ]");
        let command = command.replace("|| [ $? -eq 1 ]", "");
        let summary = command.contains(">> \"$GITHUB_STEP_SUMMARY\"");
        let command = command.replace(">> \"$GITHUB_STEP_SUMMARY\"", "");
        let args = command
            .split_whitespace()
            .skip(1)
            .map(String::from)
            .collect();
        commands.push(Documented {
            args,
            summary,
            tolerates_errors,
        });
    }
    commands
}

/// The file a command writes with `-o`.
fn output_file(args: &[String]) -> Option<&str> {
    let at = args.iter().position(|a| a == "-o" || a == "--output")?;
    args.get(at + 1).map(String::as_str)
}

fn schema(name: &str) -> jsonschema::Validator {
    let text = fs::read_to_string(root().join("tests/schemas").join(name)).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("a valid published schema")
}

fn problems(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

fn check_sarif(path: &Path) {
    let sarif: Value = serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
    let found = problems(&schema("sarif-schema-2.1.0.json"), &sarif);
    assert!(found.is_empty(), "{}: {found:?}", path.display());
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(!results.is_empty(), "the planted error is reported");
    for rule in sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
    {
        let uri = rule["helpUri"].as_str().unwrap();
        assert!(uri.starts_with("https://"), "absolute helpUri: {uri}");
        assert!(uri.contains("/docs/diagnostics.md#"), "{uri}");
    }
}

const GITLAB_SEVERITIES: &[&str] = &["info", "minor", "major", "critical", "blocker"];

fn check_gitlab(path: &Path) {
    let report: Value = serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
    let issues = report.as_array().expect("a JSON array");
    assert!(!issues.is_empty(), "the planted error is reported");
    let validator = schema("gitlab-codeclimate.json");
    for issue in issues {
        let found = problems(&validator, issue);
        assert!(found.is_empty(), "{}: {found:?}", path.display());
        // What GitLab's documentation asks beyond its schema.
        let severity = issue["severity"].as_str().unwrap();
        assert!(GITLAB_SEVERITIES.contains(&severity), "{severity}");
        assert!(issue["check_name"].is_string());
        assert!(issue["location"]["path"].is_string());
        assert!(issue["location"]["lines"]["begin"].as_u64().unwrap() >= 1);
    }
}

fn check_junit(path: &Path) {
    let text = fs::read_to_string(path).unwrap();
    let document = roxmltree::Document::parse(&text).expect("well-formed XML");
    let root = document.root_element();
    assert!(
        ["testsuites", "testsuite"].contains(&root.tag_name().name()),
        "{}",
        root.tag_name().name()
    );
    assert!(
        document.descendants().any(|n| n.has_tag_name("failure")),
        "the planted error is a failing test case"
    );
}

#[test]
fn item_3_documented_ci_commands_produce_valid_reports() {
    let guide = fs::read_to_string(root().join("docs/integration-continue.md")).unwrap();
    let commands = documented_commands(&guide);
    assert!(commands.len() >= 10, "{commands:?}");
    let dir = tempfile::tempdir().unwrap();
    sample_repository(dir.path());
    let mut checked = Vec::new();
    for command in &commands {
        let args: Vec<&str> = command.args.iter().map(String::as_str).collect();
        let run = label(dir.path(), &args);
        // The planted errors: exit 1, never "could not run" (2).
        assert_eq!(run.code, 1, "label {args:?}\n{}", run.stderr);
        if command.summary {
            assert!(run.stdout.contains('|'), "a markdown table: {}", run.stdout);
            assert!(command.tolerates_errors, "the summary step keeps going");
        }
        let Some(file) = output_file(&command.args) else {
            continue;
        };
        assert!(
            command.tolerates_errors,
            "report step keeps going: {args:?}"
        );
        let path = dir.path().join(file);
        match (args[0], args[2]) {
            (_, "sarif") => check_sarif(&path),
            (_, "gitlab") => check_gitlab(&path),
            (_, "junit") => check_junit(&path),
            other => panic!("unexpected report {other:?}"),
        }
        checked.push(format!("{} {}", args[0], args[2]));
    }
    for wanted in [
        "lint sarif",
        "validate sarif",
        "lint gitlab",
        "validate gitlab",
        "lint junit",
        "validate junit",
    ] {
        assert!(checked.iter().any(|c| c == wanted), "{wanted}: {checked:?}");
    }
}

fn fingerprints(dir: &Path) -> Vec<(String, u64)> {
    let run = label(dir, &["validate", "--format", "gitlab"]);
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    let mut found: Vec<(String, u64)> = report
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            let fingerprint = i["fingerprint"].as_str().unwrap().to_string();
            (
                fingerprint,
                i["location"]["lines"]["begin"].as_u64().unwrap(),
            )
        })
        .collect();
    found.sort();
    found
}

/// The YAML blocks of the guide are YAML: pasted, they load.
#[test]
fn item_3_guide_yaml_blocks_parse() {
    let guide = fs::read_to_string(root().join("docs/integration-continue.md")).unwrap();
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in guide.lines() {
        match (&mut current, line.trim_start().starts_with("```")) {
            (None, true) if line.trim() == "```yaml" => current = Some(String::new()),
            (Some(block), true) => {
                blocks.push(std::mem::take(block));
                current = None;
            }
            (Some(block), false) => {
                block.push_str(line);
                block.push('\n');
            }
            _ => {}
        }
    }
    assert_eq!(blocks.len(), 3, "GitHub, GitLab, pre-commit");
    let hooks = fs::read_to_string(root().join(".pre-commit-hooks.yaml")).unwrap();
    for block in blocks.iter().chain([&hooks]) {
        let parsed: Result<Value, _> = serde_saphyr::from_str(block);
        assert!(parsed.is_ok(), "{parsed:?}\n{block}");
    }
}

#[test]
fn item_3_gitlab_fingerprints_survive_a_line_inserted_above() {
    let dir = tempfile::tempdir().unwrap();
    sample_repository(dir.path());
    let before = fingerprints(dir.path());
    assert!(!before.is_empty());
    let path = dir
        .path()
        .join("structures/ml-pays-de-vitre/autoevaluation.yaml");
    let text = fs::read_to_string(&path).unwrap();
    let (modeline, rest) = text.split_once('\n').unwrap();
    fs::write(&path, format!("{modeline}\n# une ligne de plus\n{rest}")).unwrap();
    let after = fingerprints(dir.path());
    let keys = |v: &[(String, u64)]| v.iter().map(|(f, _)| f.clone()).collect::<Vec<_>>();
    assert_eq!(keys(&before), keys(&after), "same fingerprints");
    assert_ne!(before, after, "the lines did move");
}

#[test]
fn item_3_pre_commit_hooks_name_real_commands() {
    let hooks = fs::read_to_string(root().join(".pre-commit-hooks.yaml")).unwrap();
    let entries: Vec<&str> = hooks
        .lines()
        .filter_map(|l| l.trim().strip_prefix("entry: "))
        .collect();
    assert_eq!(entries, ["label lint", "label validate"]);
    for entry in entries {
        let args: Vec<&str> = entry.split_whitespace().skip(1).chain(["--help"]).collect();
        assert_eq!(label(&root(), &args).code, 0, "{entry}");
    }
}
