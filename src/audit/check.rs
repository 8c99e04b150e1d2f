//! Rules on an audit against its referential (§4.5).

use std::collections::BTreeMap;

use crate::date::Date;
use crate::diagnostics::{Diagnostic, Finding, Location};
use crate::plan::check_criterion;
use crate::referential::Referential;
use crate::yaml::Span;

use super::{Audit, AuditFinding, AuditKind, AuditResult, Auditor, RawAudit};

/// Validates an audit. `not_applicable` lists criteria the structure
/// validly declared N/A, which need no finding.
pub fn check(
    raw: &RawAudit,
    referential: &Referential,
    not_applicable: &[String],
) -> (Option<Audit>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let at =
        |finding: Finding, span: Span| Diagnostic::new(finding, Location::new(&raw.path, span));
    let date =
        |key: &str, text: &Option<crate::yaml::Spanned<String>>, out: &mut Vec<Diagnostic>| {
            let text = text.as_ref()?;
            let parsed = Date::parse(text.value.trim());
            if parsed.is_none() {
                out.push(at(
                    Finding::InvalidDate {
                        key: key.into(),
                        value: text.value.clone(),
                    },
                    text.span,
                ));
            }
            parsed.map(|d| (d, text.span))
        };
    let start = date("debut", &raw.start, &mut out);
    let end = date("fin", &raw.end, &mut out);
    if let (Some((s, _)), Some((e, span))) = (start, end)
        && e < s
    {
        out.push(at(Finding::AuditEndsBeforeStart, span));
    }
    let auditors: Vec<Auditor> = raw
        .auditors
        .iter()
        .filter_map(|(name, role)| {
            Some(Auditor {
                name: name.as_ref()?.value.trim().to_string(),
                certified: role.as_ref()?.value == "certifie",
            })
        })
        .collect();
    let any_certified = raw
        .auditors
        .iter()
        .any(|(_, r)| r.as_ref().is_some_and(|r| r.value == "certifie"));
    if let Some(span) = raw.auditors_span.filter(|_| !any_certified) {
        out.push(at(Finding::NoCertifiedAuditor, span));
    }
    let mut findings = BTreeMap::new();
    for finding in &raw.findings {
        if !check_criterion(&raw.path, &finding.id, referential, &mut out) {
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
        out.push(at(
            Finding::MissingFindings {
                count: missing.len(),
                ids,
            },
            raw.span,
        ));
    }
    let failed = out.iter().any(Diagnostic::is_error);
    let audit = (!failed).then_some(()).and_then(|_| {
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
    (audit, out)
}
