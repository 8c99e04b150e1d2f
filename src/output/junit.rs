//! `junit`: one test suite per file, one failing test case per diagnostic.

use std::collections::BTreeMap;

use crate::diagnostics::{Diagnostic, Report, Severity};

pub fn render(report: &Report) -> String {
    let mut by_file: BTreeMap<&str, Vec<&Diagnostic>> = BTreeMap::new();
    for d in report.diagnostics() {
        by_file.entry(d.location.path.as_str()).or_default().push(d);
    }
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<testsuites name=\"label\" tests=\"{}\" failures=\"{}\">\n",
        report.diagnostics().len().max(1),
        failures(report.diagnostics().iter())
    ));
    if by_file.is_empty() {
        out.push_str("  <testsuite name=\"label\" tests=\"1\" failures=\"0\">\n");
        out.push_str("    <testcase name=\"aucun problème\" classname=\"label\"/>\n");
        out.push_str("  </testsuite>\n");
    }
    for (file, diagnostics) in by_file {
        out.push_str(&format!(
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\">\n",
            escape(file),
            diagnostics.len(),
            failures(diagnostics.iter().copied())
        ));
        for d in diagnostics {
            let place = format!(
                "{}:{}:{}",
                file, d.location.span.line, d.location.span.column
            );
            let kind = d.severity.label();
            let detail = escape(&format!(
                "{place}: {}",
                d.help.as_deref().unwrap_or(&d.message)
            ));
            // A note informs; it is not a failed test.
            let body = if d.severity == Severity::Note {
                format!("<system-out>{}: {detail}</system-out>", escape(&d.message))
            } else {
                format!(
                    "<failure type=\"{kind}\" message=\"{}\">{detail}</failure>",
                    escape(&d.message)
                )
            };
            out.push_str(&format!(
                "    <testcase name=\"{} {}\" classname=\"{}\">\n      {body}\n    </testcase>\n",
                d.code,
                escape(&place),
                escape(file),
            ));
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

fn failures<'a>(diagnostics: impl Iterator<Item = &'a Diagnostic>) -> usize {
    diagnostics.filter(|d| d.severity != Severity::Note).count()
}

/// XML 1.0 allows no control character but tab and line breaks, nor the
/// non-characters U+FFFE and U+FFFF: any becomes a visible escape, so the
/// report stays well-formed.
pub fn escape(text: &str) -> String {
    super::visible(text)
        .replace('\u{fffe}', "\\u{fffe}")
        .replace('\u{ffff}', "\\u{ffff}")
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
