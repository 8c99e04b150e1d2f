//! Rules on an audit against its referential (§4.5).

use std::collections::BTreeMap;

use crate::check::{Checker, Rules};
use crate::diagnostics::{Diagnostic, Finding};
use crate::referential::Referential;
use crate::yaml::Spanned;

use super::{Audit, AuditFinding, AuditKind, AuditResult, Auditor, AuditorRole, RawAudit};

/// Validates an audit. `not_applicable` lists criteria the structure
/// validly declared N/A, which need no finding.
pub fn check(
    raw: &RawAudit,
    referential: &Referential,
    not_applicable: &[String],
) -> (Option<Audit>, Vec<Diagnostic>) {
    let mut c = Checker::new();
    let path = raw.path.as_str();
    let date = |c: &mut Checker, key: &str, text: &Option<Spanned<String>>| {
        let text = text.as_ref()?;
        c.date(path, key, text).map(|d| (d, text.span))
    };
    let start = date(&mut c, "debut", &raw.start);
    let end = date(&mut c, "fin", &raw.end);
    if let (Some((s, _)), Some((e, span))) = (start, end)
        && e < s
    {
        c.report(Finding::AuditEndsBeforeStart, path, span);
    }
    let auditors: Vec<Auditor> = raw
        .auditors
        .iter()
        .filter_map(|(name, role)| {
            Some(Auditor {
                name: name.as_ref()?.value.trim().to_string(),
                certified: AuditorRole::from_keyword(&role.as_ref()?.value)?
                    == AuditorRole::Certified,
            })
        })
        .collect();
    let any_certified = raw.auditors.iter().any(|(_, r)| {
        r.as_ref()
            .is_some_and(|r| AuditorRole::from_keyword(&r.value) == Some(AuditorRole::Certified))
    });
    if let Some(span) = raw.auditors_span.filter(|_| !any_certified) {
        c.report(Finding::NoCertifiedAuditor, path, span);
    }
    let mut findings = BTreeMap::new();
    for finding in &raw.findings {
        if referential.reference(&mut c, path, &finding.id).is_none() {
            continue;
        }
        let Some(result) = finding
            .result
            .as_ref()
            .and_then(|r| AuditResult::from_keyword(&r.value))
        else {
            continue;
        };
        findings.insert(
            finding.id.value.clone(),
            AuditFinding {
                result,
                observations: finding.observations.as_ref().map(|o| o.value.clone()),
                evidence_seen: finding
                    .evidence_seen
                    .iter()
                    .map(|e| e.value.clone())
                    .collect(),
                strength: finding.strength.as_ref().is_some_and(|s| s.value),
            },
        );
    }
    let missing: Vec<&str> = referential
        .criteria()
        .map(|c| c.id.as_str())
        .filter(|id| !findings.contains_key(*id) && !not_applicable.iter().any(|n| n == id))
        .collect();
    if !missing.is_empty() {
        let ids = missing.join(", ");
        let finding = Finding::MissingFindings {
            count: missing.len(),
            ids,
        };
        c.report(finding, path, raw.span);
    }
    let audit = (!c.has_errors()).then_some(()).and_then(|_| {
        Some(Audit {
            referential: raw.header.referential.as_ref()?.value.clone(),
            version: raw.header.version.as_ref()?.value.clone(),
            structure: raw.structure.as_ref()?.value.clone(),
            kind: AuditKind::from_keyword(&raw.kind.as_ref()?.value)?,
            start: start?.0,
            end: end?.0,
            auditors,
            findings,
        })
    });
    (audit, c)
}
