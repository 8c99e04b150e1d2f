//! The layering of `src/` (docs/architecture.md), checked from the code:
//! every top-level module imports only modules on a lower floor, so there
//! is no import cycle; only `yaml` touches the YAML parser; the core never
//! reaches the command line or the output formats. Test code (after
//! `#[cfg(test)]`) and comments are not counted.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Floors from the bottom up; a module may use only lower floors.
const FLOORS: &[&[&str]] = &[
    &[
        "yaml", "date", "ids", "suggest", "french", "keyword", "evidence", "escape",
    ],
    &["write"],
    &["diagnostics"],
    &["source", "check"],
    &["decode", "walk", "fields"],
    &["referential"],
    &["document", "init", "versions"],
    &["self_assessment", "plan", "audit"],
    &["schema", "workspace"],
    &["structure"],
    &["validate", "lint"],
    &["evaluation"],
    &[
        "improvement",
        "checklist",
        "spreadsheet",
        "migrate",
        "report",
    ],
    &["output"],
    &["cli"],
];

fn floor(module: &str) -> Option<usize> {
    FLOORS.iter().position(|f| f.contains(&module))
}

/// The code of a file without comments and tests.
fn code(path: &Path) -> String {
    let text = fs::read_to_string(path).unwrap();
    let body = text.split("#[cfg(test)]").next().unwrap_or("");
    body.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Top-level module → its source files.
fn modules() -> BTreeMap<String, Vec<PathBuf>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut modules: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for file in files {
        let relative = file.strip_prefix(&src).unwrap();
        let first = relative.components().next().unwrap();
        let name = first
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string();
        if name != "lib" && name != "main" {
            modules.entry(name).or_default().push(file);
        }
    }
    modules
}

/// `crate::name` paths used in `text`.
fn uses(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (i, _) in text.match_indices("crate::") {
        let rest = &text[i + "crate::".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || *c == '_')
            .collect();
        if !name.is_empty() {
            found.insert(name);
        }
    }
    found
}

#[test]
fn every_module_has_a_floor() {
    for name in modules().keys() {
        assert!(
            floor(name).is_some(),
            "src/{name}: add it to FLOORS and docs/architecture.md"
        );
    }
}

#[test]
fn modules_import_only_lower_floors() {
    let mut wrong = Vec::new();
    for (name, files) in modules() {
        let Some(own) = floor(&name) else { continue };
        for file in files {
            for used in uses(&code(&file)) {
                let Some(other) = floor(&used) else { continue };
                if used != name && other >= own {
                    wrong.push(format!("{} uses crate::{used}", file.display()));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the floors:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn only_yaml_touches_the_parser_and_only_cli_reads_the_environment() {
    for (name, files) in modules() {
        for file in files {
            let text = code(&file);
            if name != "yaml" {
                assert!(!text.contains("serde_saphyr"), "{}", file.display());
            }
            if name != "cli" {
                assert!(!text.contains("env::var"), "{}", file.display());
                assert!(!text.contains("std::io::stdout"), "{}", file.display());
            }
        }
    }
}

/// Sibling files of one module (not `mod.rs`) never import each other both
/// ways, directly or through others.
#[test]
fn no_cycle_between_sibling_files() {
    let mut cycles = Vec::new();
    for (name, files) in modules() {
        let siblings: BTreeMap<String, &PathBuf> = files
            .iter()
            .filter(|f| f.file_name().is_some_and(|n| n != "mod.rs"))
            .filter(|f| f.parent().is_some_and(|p| p.ends_with(&name)))
            .map(|f| (f.file_stem().unwrap().to_string_lossy().into_owned(), f))
            .collect();
        let mut edges: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for (stem, file) in &siblings {
            let text = code(file);
            for other in siblings.keys().filter(|o| *o != stem) {
                let prefixes = [format!("super::{other}"), format!("crate::{name}::{other}")];
                if prefixes.iter().any(|p| names_module(&text, p)) {
                    edges.entry(stem).or_default().insert(other);
                }
            }
        }
        for (from, tos) in &edges {
            for to in tos {
                if reaches(&edges, to, from, &mut BTreeSet::new()) {
                    cycles.push(format!("src/{name}: {from} ⇄ {to}"));
                }
            }
        }
    }
    assert!(cycles.is_empty(), "cycles:\n{}", cycles.join("\n"));
}

/// Whether `text` holds `prefix` as a whole path segment (`super::check`
/// but not `super::checker`).
fn names_module(text: &str, prefix: &str) -> bool {
    text.match_indices(prefix).any(|(i, _)| {
        let next = text[i + prefix.len()..].chars().next();
        !next.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
    })
}

fn reaches<'a>(
    edges: &BTreeMap<&'a str, BTreeSet<&'a str>>,
    from: &'a str,
    to: &str,
    seen: &mut BTreeSet<&'a str>,
) -> bool {
    if from == to {
        return true;
    }
    if !seen.insert(from) {
        return false;
    }
    edges
        .get(from)
        .is_some_and(|next| next.iter().any(|n| reaches(edges, n, to, seen)))
}
