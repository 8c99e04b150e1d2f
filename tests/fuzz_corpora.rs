//! The fuzz corpora (`fuzz/corpus/<target>/`) as regression tests: every
//! kept input, and every crash found, goes through the same library entry
//! and the same property as its fuzz target (`fuzz/properties.rs`).

#[path = "../fuzz/properties.rs"]
mod properties;

use std::path::PathBuf;

use label::structure::FileKind;

/// Runs `check` on every file of `fuzz/corpus/<target>/`.
fn corpus(target: &str, check: impl Fn(&[u8]) + std::panic::RefUnwindSafe) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "empty corpus {target}");
    for file in files {
        let data = std::fs::read(&file).unwrap();
        let run = std::panic::catch_unwind(|| check(&data));
        assert!(run.is_ok(), "{target}: {} fails", file.display());
    }
}

#[test]
fn fuzz_corpus_yaml() {
    corpus("yaml", properties::yaml);
}

#[test]
fn fuzz_corpus_referential() {
    corpus("referential", properties::referential);
}

#[test]
fn fuzz_corpus_self_assessment() {
    corpus("autoevaluation", |d| {
        properties::document(FileKind::SelfAssessment, d)
    });
}

#[test]
fn fuzz_corpus_plan() {
    corpus("plan", |d| properties::document(FileKind::Plan, d));
}

#[test]
fn fuzz_corpus_audit() {
    corpus("audit", |d| properties::document(FileKind::Audit, d));
}

#[test]
fn fuzz_corpus_editor() {
    corpus("editor", properties::editor);
}

#[test]
fn fuzz_corpus_escape() {
    corpus("escape", properties::escape);
}
