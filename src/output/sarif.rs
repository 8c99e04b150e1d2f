//! `sarif`: SARIF 2.1.0, for code-scanning dashboards.

use serde_json::{Value, json};

use crate::diagnostics::{Code, Location, Report, Severity};

pub fn render(report: &Report) -> String {
    // Only the rules the results use: the full list is in docs/diagnostics.md.
    let mut used: Vec<Code> = report.diagnostics().iter().map(|d| d.code).collect();
    used.sort();
    used.dedup();
    let rules: Vec<Value> = used
        .iter()
        .map(|c| {
            json!({
                "id": c.as_str(),
                "shortDescription": { "text": c.title() },
                "helpUri": super::code_url(*c),
            })
        })
        .collect();
    let results: Vec<Value> = report
        .diagnostics()
        .iter()
        .map(|d| {
            let mut text = d.message.clone();
            if let Some(help) = &d.help {
                text.push_str(&format!(" (aide : {help})"));
            }
            let related: Vec<Value> = d
                .labels
                .iter()
                .map(|l| {
                    let mut v = location(&l.location);
                    v["message"] = json!({ "text": l.message });
                    v
                })
                .collect();
            json!({
                "ruleId": d.code.as_str(),
                "level": match d.severity { Severity::Error => "error", Severity::Warning => "warning", Severity::Note => "note" },
                "message": { "text": text },
                "locations": [location(&d.location)],
                "relatedLocations": related,
            })
        })
        .collect();
    super::to_json(&json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "label",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "results": results,
        }],
    }))
}

fn location(l: &Location) -> Value {
    json!({ "physicalLocation": {
        "artifactLocation": { "uri": super::path_uri(&l.path) },
        "region": { "startLine": l.span.line, "startColumn": l.span.column },
    }})
}
