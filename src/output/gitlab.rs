//! `gitlab`: GitLab Code Quality report (a JSON array).

use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::diagnostics::{Report, Severity};

pub fn render(report: &Report) -> String {
    let issues: Vec<Value> = report
        .diagnostics()
        .iter()
        .map(|d| {
            let line = d.location.span.line;
            let seed = format!("{}:{}:{}:{}", d.code, d.location.path, line, d.message);
            let fingerprint = hex(&Sha256::digest(seed.as_bytes()));
            json!({
                "description": format!("[{}] {}", d.code, d.message),
                "check_name": d.code.as_str(),
                "fingerprint": fingerprint,
                "severity": match d.severity { Severity::Error => "major", Severity::Warning => "minor", Severity::Note => "info" },
                "location": { "path": d.location.path, "lines": { "begin": line } },
            })
        })
        .collect();
    super::to_json(&Value::Array(issues))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
