//! Links and special files in place of every file a command reads (issue
//! 14, items 2, 3 and 10): refused or skipped with a diagnostic, never
//! waited for, never read from outside the folder.

#![cfg(unix)]

mod harness;

use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::Command;

use harness::{Case, run_all, structure, structure_commands};

fn fifo(path: &Path) {
    assert!(Command::new("mkfifo").arg(path).status().unwrap().success());
}

/// `file` of the structure `ml` replaced by something hostile.
fn replace(dir: &Path, file: &str, situation: &str) {
    structure(dir);
    let path = dir.join("ml").join(file);
    fs::remove_file(&path).unwrap();
    match situation {
        "FIFO" => fifo(&path),
        "/dev/zero" => symlink("/dev/zero", &path).unwrap(),
        "link outside" => {
            fs::write(dir.join("secret.yaml"), "mot_de_passe: s3cr3t\n").unwrap();
            symlink("../secret.yaml", &path).unwrap();
        }
        "link loop" => symlink(file, &path).unwrap(),
        "dangling link" => symlink("absent.yaml", &path).unwrap(),
        "folder" => fs::create_dir(&path).unwrap(),
        _ => unreachable!(),
    }
}

/// What `command` must answer, per file and situation. A link leading
/// out (even to `/dev/zero`) is never followed (FS009). A dangling or
/// looping link is skipped with a warning (§4.1): for the self-assessment,
/// that leaves no structure (STR005: the one-structure commands cannot
/// run); for the others, the file is taken as absent, which `validate` and
/// `evaluate` say, and `label audit` needs.
fn expected(file: &str, situation: &str, command: &str) -> (i32, &'static str) {
    let main = file == "autoevaluation.yaml";
    let walks = matches!(command, "validate" | "evaluate");
    match situation {
        "FIFO" => (2, "FS008"),
        "folder" => (2, "FS003"),
        "link outside" | "/dev/zero" => (1, "FS009"),
        "link loop" | "dangling link" if main && walks => (1, "STR005"),
        "link loop" | "dangling link" if main => (2, "STR005"),
        "link loop" if walks => (0, "FS002"),
        "dangling link" if walks => (0, "FS005"),
        _ if command == "audit" && file == "audit.yaml" => (2, "FS001"),
        _ => (0, ""),
    }
}

#[test]
fn links_and_special_files_in_a_structure() {
    let mut cases = Vec::new();
    for file in ["autoevaluation.yaml", "plan.yaml", "audit.yaml"] {
        for situation in [
            "FIFO",
            "/dev/zero",
            "link outside",
            "link loop",
            "dangling link",
            "folder",
        ] {
            for args in structure_commands() {
                let (exit, code) = expected(file, situation, args[0]);
                let name = format!("{situation} as {file}");
                cases.push(
                    Case::new(name, &args, exit, code)
                        .setup(move |dir| replace(dir, file, situation)),
                );
            }
        }
    }
    run_all(cases);
}
