//! `text`: annotated source snippets for people (annotate-snippets).

use std::borrow::Cow;
use std::ops::Range;

use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use crate::diagnostics::{Diagnostic, Location, Report, Severity};

use super::Color;

pub fn render(report: &Report, color: Color) -> String {
    let mut out = diagnostics(report, color);
    out.push_str(&summary(report));
    out
}

/// The diagnostics alone, without the summary line: for a command stopped
/// by one problem.
pub fn diagnostics(report: &Report, color: Color) -> String {
    let renderer = match color {
        Color::Always => Renderer::styled(),
        Color::Never => Renderer::plain(),
    }
    .decor_style(DecorStyle::Ascii);
    let mut out = String::new();
    for d in report.diagnostics() {
        let rendered = renderer.render(&groups(report, d));
        for line in rendered.lines() {
            out.push_str(&french_colon(line));
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

/// The renderer writes `erreur[REF001]: …` and `aide: …`; French puts a
/// space before the colon. Names and codes hold no colon, nor do colour
/// sequences, so the first colon of those lines is the separator.
fn french_colon(line: &str) -> std::borrow::Cow<'_, str> {
    let plain = strip_ansi(line);
    let titled = ["erreur[", "avertissement[", "remarque[", "aide:"]
        .iter()
        .any(|name| plain.starts_with(name));
    match line.find(':') {
        Some(i) if titled => format!("{} {}", &line[..i], &line[i..]).into(),
        _ => line.into(),
    }
}

/// `line` without its colour sequences (`ESC [ … m`).
fn strip_ansi(line: &str) -> String {
    let mut plain = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            chars.by_ref().find(|c| c.is_ascii_alphabetic());
        } else {
            plain.push(c);
        }
    }
    plain
}

fn groups<'a>(report: &'a Report, d: &'a Diagnostic) -> Vec<Group<'a>> {
    let level = match d.severity {
        Severity::Error => Level::ERROR.with_name(Some("erreur")),
        Severity::Warning => Level::WARNING.with_name(Some("avertissement")),
        Severity::Note => Level::NOTE.with_name(Some("remarque")),
    };
    let title = level.primary_title(d.message.as_str()).id(d.code.as_str());
    let mut group = title.element(place(report, &d.location, None, AnnotationKind::Primary));
    for label in &d.labels {
        group = group.element(place(
            report,
            &label.location,
            Some(&label.message),
            AnnotationKind::Context,
        ));
    }
    let mut groups = vec![group];
    if let Some(help) = &d.help {
        let help_level = Level::HELP.with_name(Some("aide"));
        groups.push(Group::with_title(help_level.secondary_title(help.as_str())));
    }
    groups
}

/// A one-line snippet around the location, or the bare position when the
/// source is not at hand (unreadable or non-UTF-8 files).
fn place<'a>(
    report: &'a Report,
    location: &'a Location,
    label: Option<&'a str>,
    kind: AnnotationKind,
) -> annotate_snippets::Element<'a> {
    let span = location.span;
    let line = report
        .source(&location.path)
        .and_then(|text| line_around(text, span.offset));
    match line {
        Some((start, text)) => {
            let from = span.offset - start;
            let to = (from + span.len.max(word_len(&text[from..]))).min(text.len());
            let (text, range) = inert_c1(text, from..to.max(from));
            let mut annotation = kind.span(range);
            if let Some(label) = label {
                annotation = annotation.label(label);
            }
            Snippet::source(text)
                .line_start(span.line as usize)
                .path(location.path.as_str())
                .annotation(annotation)
                .into()
        }
        None => Origin::path(location.path.as_str())
            .line(span.line as usize)
            .char_column(span.column as usize)
            .into(),
    }
}

/// The line with its C1 controls (U+0080 to U+009F, which the snippet
/// renderer leaves raw, unlike C0 ones) shown as `�`, and the underlined
/// byte range moved to match: each replacement is one byte longer.
fn inert_c1(line: &str, range: Range<usize>) -> (Cow<'_, str>, Range<usize>) {
    let is_c1 = |c: char| ('\u{80}'..='\u{9f}').contains(&c);
    if !line.chars().any(is_c1) {
        return (Cow::Borrowed(line), range);
    }
    let shift = |offset: usize| {
        let before = line.char_indices().filter(|&(i, c)| i < offset && is_c1(c));
        offset + before.count()
    };
    let text = line.replace(is_c1, "\u{fffd}");
    (Cow::Owned(text), shift(range.start)..shift(range.end))
}

/// The line holding byte `offset`, without its line ending, and its start.
fn line_around(text: &str, offset: usize) -> Option<(usize, &str)> {
    if offset > text.len() || !text.is_char_boundary(offset) {
        return None;
    }
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    // A byte-order mark is invisible: columns count from after it.
    let start = if start == 0 && text.starts_with('\u{feff}') && offset >= 3 {
        3
    } else {
        start
    };
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    Some((start, text[start..end].trim_end_matches('\r')))
        .filter(|(s, line)| offset - s <= line.len())
}

/// Length of the token at the start of `text`, to underline a whole key.
fn word_len(text: &str) -> usize {
    text.find([' ', ':', ',', ']', '}', '\t'])
        .unwrap_or(text.len())
}

fn summary(report: &Report) -> String {
    let (errors, warnings) = (report.error_count(), report.warning_count());
    if errors == 0 && warnings == 0 {
        return format!(
            "Aucun problème ({}).\n",
            plural(report.checked, "élément vérifié", "éléments vérifiés")
        );
    }
    format!(
        "Résultat : {}, {} ({}).\n",
        plural(errors, "erreur", "erreurs"),
        plural(warnings, "avertissement", "avertissements"),
        plural(report.checked, "élément vérifié", "éléments vérifiés"),
    )
}

pub use crate::french::plural;
