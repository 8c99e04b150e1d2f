//! Hostile encodings in every file a command reads (issue 14): UTF-16,
//! Latin-1, NUL bytes, a byte order mark, old Mac line endings.

mod harness;

use harness::{Case, DATE, rewrite, run_all, structure, structure_commands};

/// A text re-encoded; `None` for an encoding the tool reads.
fn encode(text: &str, encoding: &str) -> Vec<u8> {
    match encoding {
        "utf16le" => [0xff, 0xfe]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect(),
        "utf16be" => [0xfe, 0xff]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect(),
        // Latin-1: each accented letter one byte.
        "latin1" => text
            .chars()
            .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
            .collect(),
        "nul" => text.replacen("\n", "\n\0", 3).into_bytes(),
        _ => unreachable!(),
    }
}

const FILES: [&str; 3] = ["autoevaluation.yaml", "plan.yaml", "audit.yaml"];

#[test]
fn structure_files_in_a_foreign_encoding() {
    let mut cases = Vec::new();
    for encoding in ["utf16le", "utf16be", "latin1", "nul"] {
        let code = if encoding == "nul" {
            "YAML001"
        } else {
            "YAML004"
        };
        for file in FILES {
            for args in structure_commands() {
                let name = format!("{file} in {encoding}");
                let path = format!("ml/{file}");
                cases.push(Case::new(name, &args, 1, code).setup(move |dir| {
                    structure(dir);
                    rewrite(dir, &path, |t| encode(t, encoding));
                }));
            }
        }
    }
    run_all(cases);
}

#[test]
fn a_referential_in_a_foreign_encoding() {
    let mut cases = Vec::new();
    for encoding in ["utf16le", "utf16be", "latin1", "nul"] {
        let code = if encoding == "nul" {
            "YAML001"
        } else {
            "YAML004"
        };
        let setup = move |dir: &std::path::Path| {
            let to = dir.join("referentiels/missions-locales");
            std::fs::create_dir_all(&to).unwrap();
            let from = harness::root().join("referentiels/missions-locales/1.0.0.yaml");
            let text = std::fs::read_to_string(from).unwrap();
            std::fs::write(to.join("1.0.0.yaml"), encode(&text, encoding)).unwrap();
            structure(dir);
        };
        cases.push(Case::new(format!("lint {encoding}"), &["lint"], 1, code).setup(setup));
        let args = ["validate", "ml", "--date", DATE];
        cases.push(
            Case::new(format!("validate, referential {encoding}"), &args, 1, code).setup(setup),
        );
    }
    run_all(cases);
}

/// A byte order mark, CRLF and CR-only line endings are read; only the
/// in-place editor refuses CR-only files (it could not match them).
#[test]
fn line_endings_and_byte_order_marks() {
    let mut cases = Vec::new();
    for (ending, nl) in [("crlf", "\r\n"), ("cr", "\r"), ("bom", "\n")] {
        for args in structure_commands() {
            let name = format!("every file {ending}");
            // The in-place editor refuses CR-only files (PLAN005).
            let (exit, code) = match (ending, args[0], args[2]) {
                ("cr", "plan", "--dry-run") => (2, "PLAN005"),
                _ => (0, ""),
            };
            cases.push(Case::new(name, &args, exit, code).setup(move |dir| {
                structure(dir);
                for file in FILES {
                    rewrite(dir, &format!("ml/{file}"), |t| {
                        let t = t.replace('\n', nl);
                        if ending == "bom" {
                            format!("\u{feff}{t}")
                        } else {
                            t
                        }
                        .into_bytes()
                    });
                }
            }));
        }
    }
    run_all(cases);
}

/// Raw C1 controls (CSI, U+009B) and DEL in a file: the quoted source
/// line of the text format shows them inert (found by fuzzing).
#[test]
fn raw_c1_controls_in_quoted_lines() {
    let mut cases = Vec::new();
    for control in ['\u{9b}', '\u{85}', '\u{7f}'] {
        for file in FILES {
            let path = format!("ml/{file}");
            let args = ["validate", "ml", "--date", DATE];
            let name = format!("{control:?} in {file}");
            // NEL (U+0085) is a YAML line break; the others are refused.
            let exit = if control == '\u{85}' { 0 } else { 1 };
            cases.push(Case::new(name, &args, exit, "").setup(move |dir| {
                structure(dir);
                rewrite(dir, &path, |t| {
                    t.replacen("referentiel:", &format!("# x{control}2J\nreferentiel:"), 1)
                        .into_bytes()
                });
            }));
        }
    }
    run_all(cases);
}
