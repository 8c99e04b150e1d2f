//! What every fuzz target checks, shared with `tests/fuzz_corpora.rs` so
//! that the kept corpora run as plain `cargo test` regression tests: the
//! same library entry, the same property. A property that does not hold
//! panics; so does the library on a bug (any panic is one).

#![allow(dead_code)]

use std::sync::OnceLock;

use label::date::Date;
use label::diagnostics::{Diagnostic, Report};
use label::output::{self, Color, DiagnosticFormat};
use label::referential::{Catalog, Parts, Referential, validate};
use label::source::SourceFile;
use label::structure::{FileKind, check_text};
use label::yaml::edit::{Editor, Step, Value};

/// Bytes as a file read from disk (size aside): UTF-8 or a diagnostic.
fn source(data: &[u8], name: &str) -> Option<SourceFile> {
    match SourceFile::from_bytes(name, data.to_vec()) {
        Ok(source) => Some(source),
        Err(diagnostic) => {
            assert_in_bounds(&diagnostic, data.len());
            None
        }
    }
}

fn assert_in_bounds(diagnostic: &Diagnostic, len: usize) {
    let span = diagnostic.location.span;
    assert!(span.line >= 1 && span.column >= 1, "{span:?}");
    assert!(span.offset <= len, "{span:?} beyond {len} bytes");
}

/// Diagnostics point inside their file and render in every format.
fn render(source: &SourceFile, diagnostics: Vec<Diagnostic>) {
    for diagnostic in &diagnostics {
        if diagnostic.location.path == source.path {
            assert_in_bounds(diagnostic, source.text.len());
        }
    }
    let mut report = Report::default();
    report.add_source(source.path.clone(), source.text.clone());
    report.extend(diagnostics);
    report.finish(false);
    for format in [
        DiagnosticFormat::Text,
        DiagnosticFormat::Concise,
        DiagnosticFormat::Github,
        DiagnosticFormat::Junit,
    ] {
        let text = output::render_diagnostics(&report, format, Color::Never);
        let raw = text
            .chars()
            .find(|c| c.is_control() && *c != '\n' && *c != '\t');
        assert!(raw.is_none(), "{format:?}: raw {raw:?}");
    }
}

/// The YAML layer: parse errors point inside the text.
pub fn yaml(data: &[u8]) {
    let Some(source) = source(data, "f.yaml") else {
        return;
    };
    if let Err(error) = label::yaml::parse(&source.text) {
        assert!(error.span.offset <= source.text.len(), "{:?}", error.span);
    }
}

/// The referential reader, and its diagnostics rendered.
pub fn referential(data: &[u8]) {
    let Some(source) = source(data, "referentiel.yaml") else {
        return;
    };
    let loaded = validate(Parts::single(source.clone(), None));
    render(&source, loaded.diagnostics);
}

fn missions_locales() -> &'static Referential {
    static REFERENTIAL: OnceLock<Referential> = OnceLock::new();
    REFERENTIAL.get_or_init(|| {
        let loaded = Catalog::new(None).find("missions-locales", "1.0.0");
        loaded.and_then(|l| l.referential).expect("embedded")
    })
}

/// One structure file (`autoevaluation.yaml`, `plan.yaml`, `audit.yaml`)
/// read and checked against the embedded referential.
pub fn document(kind: FileKind, data: &[u8]) {
    let Some(source) = source(data, "fichier.yaml") else {
        return;
    };
    let today = Date::parse("2026-11-27").expect("a date");
    let diagnostics = check_text(kind, &source, missions_locales(), today);
    render(&source, diagnostics);
}

/// The in-place editor: an action appended, a key added at the root;
/// whatever it produces keeps every byte of the original outside the
/// edited ranges, which only ever held an empty value.
pub fn editor(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(mut editor) = Editor::new(text) else {
        return;
    };
    let action = Value::Map(vec![
        ("id".into(), Value::text("A99")),
        ("titre".into(), Value::text("Nouvelle: action # « x »")),
        ("responsable".into(), Value::Null),
    ]);
    let _ = editor.push(&[Step::Key("actions")], &action);
    let _ = editor.insert_entry(&[], "zz_ajout", &Value::text("oui"));
    let Ok(edited) = editor.finish() else {
        return;
    };
    let mut cursor = 0; // in the original
    let mut out = 0; // in the result
    for edit in &edited.edits {
        let kept = &text[cursor..edit.range.start];
        assert_eq!(&edited.text[out..out + kept.len()], kept, "byte {cursor}");
        let removed = text[edit.range.clone()].trim();
        assert!(
            ["", "[]", "{}", "~", "null"].contains(&removed),
            "removed {removed:?}"
        );
        out += kept.len() + edit.text.len();
        cursor = edit.range.end;
    }
    assert_eq!(&edited.text[out..], &text[cursor..]);
    label::yaml::parse(&edited.text).expect("the edited text parses");
}

/// The escaping of every destination.
pub fn escape(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let control = |t: &str, allowed: &[char]| {
        t.chars()
            .find(|c| c.is_control() && !allowed.contains(c))
            .map(|c| format!("{c:?}"))
    };
    assert_eq!(control(&output::terminal_safe(&text), &[]), None);
    assert_eq!(control(&output::visible(&text), &['\n', '\t']), None);
    let cell = output::spreadsheet_cell(&text);
    assert_eq!(control(&cell, &['\n', '\t']), None);
    assert!(
        !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
        "{cell:?}"
    );
    let md = output::visible(&output::markdown_cell(&text)).into_owned();
    assert!(!md.contains('\n'), "{md:?}");
    for (i, c) in md.char_indices() {
        if c == '|' || c == '<' {
            assert!(md[..i].ends_with('\\'), "unescaped {c} in {md:?}");
        }
    }
    let xml = output::xml_escape(&text);
    let xml_char = |c: char| {
        matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}')
            || c >= '\u{10000}'
    };
    assert!(xml.chars().all(xml_char), "{xml:?}");
    assert!(!xml.contains('<') && !xml.contains('>'), "{xml:?}");
    let context = std::collections::BTreeMap::from([("v", &*text)]);
    let html = output::html::render("x.html", "<p>{{ v }}</p>", context);
    assert!(!html[3..html.len() - 4].contains('<'), "{html:?}");
}
