//! `json` of `label report`: the model as it is (`"format": 1`,
//! docs/formats.md), with the reasons put into words as `label evaluate`
//! and `label audit` word them.

use serde_json::Value;

use crate::output::audit::motive;
use crate::output::evaluation::reason;
use crate::report::{NetworkReport, StructureReport};

pub fn structure(report: &StructureReport) -> String {
    let mut value = serde_json::to_value(report).unwrap_or(Value::Null);
    let reasons: Vec<Value> = report
        .reasons
        .iter()
        .map(|r| Value::String(reason(r)))
        .collect();
    if let Some(summary) = value.get_mut("synthese").and_then(Value::as_object_mut) {
        summary.insert("motifs".into(), Value::Array(reasons));
    }
    if let (Some(audit), Some(block)) = (
        &report.audit,
        value.get_mut("audit").and_then(Value::as_object_mut),
    ) {
        let motives = audit.motives.iter().map(|m| Value::String(motive(m)));
        block.insert("motifs".into(), Value::Array(motives.collect()));
    }
    crate::output::to_json(&value)
}

pub fn network(report: &NetworkReport) -> String {
    crate::output::to_json(&serde_json::to_value(report).unwrap_or(Value::Null))
}
