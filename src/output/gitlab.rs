//! `gitlab`: GitLab Code Quality report (a JSON array).

use std::collections::HashMap;

use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::diagnostics::{Diagnostic, Report, Severity};

pub fn render(report: &Report) -> String {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let issues: Vec<Value> = report
        .diagnostics()
        .iter()
        .map(|d| {
            let seed = seed(report, d);
            // The same problem twice on identical lines of one file: the
            // n-th occurrence keeps its own, still line-free, fingerprint.
            let occurrence = seen.entry(seed.clone()).or_default();
            *occurrence += 1;
            let seed = format!("{seed}\0{occurrence}");
            json!({
                "description": format!("[{}] {}", d.code, d.message),
                "check_name": d.code.as_str(),
                "fingerprint": hex(&Sha256::digest(seed.as_bytes())),
                "severity": match d.severity { Severity::Error => "major", Severity::Warning => "minor", Severity::Note => "info" },
                "location": { "path": d.location.path, "lines": { "begin": d.location.span.line } },
            })
        })
        .collect();
    super::to_json(&Value::Array(issues))
}

/// What identifies a problem across commits: its code, its file, its
/// message and the text of the offending line, never the line number, so
/// that inserting a line above keeps the fingerprint and GitLab does not
/// report the problem as fixed and new.
fn seed(report: &Report, d: &Diagnostic) -> String {
    let line = report
        .source(&d.location.path)
        .and_then(|text| {
            let index = usize::try_from(d.location.span.line).ok()?.checked_sub(1)?;
            text.lines().nth(index)
        })
        .unwrap_or("")
        .trim();
    format!("{}\0{}\0{}\0{line}", d.code, d.location.path, d.message)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
