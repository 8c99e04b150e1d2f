//! `json`: the stable machine format of diagnostics (docs/formats.md).

use serde_json::{Value, json};

use crate::diagnostics::{Diagnostic, Location, Report};

pub fn render(report: &Report) -> String {
    let diagnostics: Vec<Value> = report.diagnostics().iter().map(diagnostic).collect();
    super::to_json(&json!({
        "format": 1,
        "diagnostics": diagnostics,
        "resume": {
            "erreurs": report.error_count(),
            "avertissements": report.warning_count(),
        },
    }))
}

/// One diagnostic as JSON, shared with the results formats.
pub fn diagnostic(d: &Diagnostic) -> Value {
    let secondary: Vec<Value> = d
        .labels
        .iter()
        .map(|l| {
            let mut v = location(&l.location);
            v["message"] = json!(l.message);
            v
        })
        .collect();
    json!({
        "code": d.code.as_str(),
        "gravite": d.severity.keyword(),
        "message": d.message,
        "emplacement": location(&d.location),
        "secondaires": secondary,
        "aide": d.help,
    })
}

fn location(l: &Location) -> Value {
    json!({ "fichier": l.path, "ligne": l.span.line, "colonne": l.span.column })
}
