//! Control characters from files never reach a terminal or a one-line
//! format raw (issue 8: « No false green », hostile inputs).

mod common;

use std::fs;

use common::{label, root};

const DATE: &str = "2026-11-27";

/// ESC, BEL, a C1 control (CSI) and a carriage return.
const HOSTILE: [char; 4] = ['\u{1b}', '\u{7}', '\u{9b}', '\r'];

fn planted() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = root().join("examples/structures/ml-val-de-garonne");
    let to = dir.path().join("ml-\u{1b}[31mgaronne");
    common::copy_dir(&from, &to);
    for file in ["autoevaluation.yaml", "plan.yaml"] {
        let path = to.join(file);
        let text = fs::read_to_string(&path).unwrap();
        let text = text
            .replace("Nouvelle-Aquitaine", "\"Nouv\\e[31melle\\a\\u009b2J\"")
            .replace(
                "Mission locale du Val de Garonne",
                "\"Mission \\e[31mlocale\\r\"",
            )
            .replace("id: A01", "id: \"A\\e[2J01\"");
        fs::write(&path, text).unwrap();
    }
    dir
}

fn assert_inert(what: &str, text: &str) {
    for c in HOSTILE {
        assert!(!text.contains(c), "{what}: raw {c:?} in\n{text}");
    }
}

#[test]
fn human_outputs_and_one_line_formats_hold_no_raw_control_character() {
    let dir = planted();
    for format in ["text", "markdown"] {
        let run = label(
            dir.path(),
            &["evaluate", ".", "--format", format, "--date", DATE],
        );
        assert_inert(&format!("evaluate {format}"), &run.stdout);
        assert_inert(&format!("evaluate {format} (stderr)"), &run.stderr);
    }
    for format in [
        "text", "concise", "github", "junit", "gitlab", "sarif", "json",
    ] {
        let run = label(
            dir.path(),
            &["validate", ".", "--format", format, "--date", DATE],
        );
        assert_inert(&format!("validate {format}"), &run.stdout);
    }
    let folder = fs::read_dir(dir.path())
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let name = folder.file_name().unwrap().to_str().unwrap().to_string();
    for args in [vec!["--suivi"], vec!["--dry-run"]] {
        let mut all = vec!["plan", name.as_str(), "--date", DATE];
        all.extend(args.iter());
        let run = label(dir.path(), &all);
        assert_inert(&format!("plan {args:?}"), &run.stdout);
        assert_inert(&format!("plan {args:?} (stderr)"), &run.stderr);
    }
}
