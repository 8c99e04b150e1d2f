//! `concise`: exactly one line per diagnostic (§5.2).

use crate::diagnostics::Report;

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for d in report.diagnostics() {
        let span = d.location.span;
        out.push_str(&format!(
            "{}:{}:{}: {}[{}]: {}\n",
            d.location.path,
            span.line,
            span.column,
            d.severity.keyword(),
            d.code,
            d.message
        ));
    }
    out
}
