//! `concise`: exactly one line per diagnostic (§5.2).

use crate::diagnostics::{Diagnostic, Report};

pub fn render(report: &Report) -> String {
    report
        .diagnostics()
        .iter()
        .map(|d| line(d) + "\n")
        .collect()
}

/// `path:line:column: severity[CODE]: message`
pub fn line(d: &Diagnostic) -> String {
    let span = d.location.span;
    // One line, whatever a file name or a value holds.
    format!(
        "{}:{}:{}: {}[{}]: {}",
        super::terminal_safe(&d.location.path),
        span.line,
        span.column,
        d.severity.keyword(),
        d.code,
        super::terminal_safe(&d.message)
    )
}
