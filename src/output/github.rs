//! `github`: GitHub Actions workflow commands, one annotation per diagnostic.

use crate::diagnostics::{Report, Severity};

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for d in report.diagnostics() {
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "notice",
        };
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push_str(&format!("\naide : {help}"));
        }
        out.push_str(&format!(
            "::{level} file={},line={},col={},title={}::{}\n",
            escape_property(&d.location.path),
            d.location.span.line,
            d.location.span.column,
            escape_property(&format!("{} {}", d.code, d.code.title())),
            escape_data(&message)
        ));
    }
    out
}

/// Escaping rules of workflow commands for the message part.
fn escape_data(text: &str) -> String {
    let text = text
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    super::terminal_safe(&text).into_owned()
}

/// Properties also escape `:` and `,`.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}
