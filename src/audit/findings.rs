//! Rules on the findings (`constats`, §4.5): the criterion exists, an NC
//! states its facts, an auditor's N/A is allowed and justified, a lifting
//! comes after the audit; and which applicable criteria have none.

use std::collections::BTreeMap;

use crate::check::{Checker, Rules};
use crate::date::Date;
use crate::diagnostics::Finding;
use crate::referential::{Criterion, Referential};

use super::read::{RawFinding, RawLifting};
use super::{AuditFinding, AuditResult, Lifting, RawAudit};

/// The valid findings by criterion id; every problem is reported.
pub(super) fn check(
    c: &mut Checker,
    raw: &RawAudit,
    referential: &Referential,
    end: Option<Date>,
) -> BTreeMap<String, AuditFinding> {
    let path = raw.path.as_str();
    let mut findings = BTreeMap::new();
    for finding in &raw.findings {
        let Some(criterion) = referential.reference(c, path, &finding.id) else {
            continue;
        };
        let Some(result) = finding
            .result
            .as_ref()
            .and_then(|r| AuditResult::from_keyword(&r.value))
        else {
            continue;
        };
        check_result(c, path, finding, criterion, result);
        let lifting = finding
            .lifting
            .as_ref()
            .and_then(|l| check_lifting(c, path, &finding.id.value, l, end));
        findings.insert(
            finding.id.value.clone(),
            AuditFinding {
                result,
                observations: text(&finding.observations),
                evidence_seen: finding
                    .evidence_seen
                    .iter()
                    .map(|e| e.value.clone())
                    .collect(),
                strength: finding.strength.as_ref().is_some_and(|s| s.value),
                improvement: text(&finding.improvement),
                justification: text(&finding.justification),
                lifting,
            },
        );
    }
    findings
}

fn text(value: &Option<crate::yaml::Spanned<String>>) -> Option<String> {
    value
        .as_ref()
        .map(|v| v.value.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// An NC needs its facts (AUD006); `non_concerne` needs the referential's
/// leave (AUD007) and a justification (AUD008).
fn check_result(
    c: &mut Checker,
    path: &str,
    finding: &RawFinding,
    criterion: &Criterion,
    result: AuditResult,
) {
    let id = finding.id.value.clone();
    let span = finding.result.as_ref().map_or(finding.id.span, |r| r.span);
    match result {
        AuditResult::MinorNonconformity | AuditResult::MajorNonconformity
            if text(&finding.observations).is_none() =>
        {
            c.report(Finding::NonconformityWithoutFacts { id }, path, span);
        }
        AuditResult::NotApplicable if !criterion.not_applicable_allowed => {
            c.report(Finding::AuditorNotApplicableForbidden { id }, path, span);
        }
        AuditResult::NotApplicable if text(&finding.justification).is_none() => {
            c.report(Finding::AuditorNotApplicableUnjustified { id }, path, span);
        }
        _ => {}
    }
}

/// A lifting is dated no earlier than the audit's end (AUD009).
fn check_lifting(
    c: &mut Checker,
    path: &str,
    id: &str,
    raw: &RawLifting,
    end: Option<Date>,
) -> Option<Lifting> {
    let (date, span) = super::check::date(c, path, "levee.date", &raw.date)?;
    if let Some(end) = end.filter(|e| date < *e) {
        let finding = Finding::LiftingBeforeEnd {
            id: id.to_string(),
            date: date.french(),
            end: end.french(),
        };
        c.report(finding, path, span);
    }
    Some(Lifting {
        date,
        evidence: raw.evidence.iter().map(|e| e.value.clone()).collect(),
        by: raw.by.as_ref()?.value.trim().to_string(),
    })
}

/// Applicable criteria without a finding, in referential order: the audit
/// is in progress (AUD003, a warning for `label validate`).
pub(super) fn missing(
    c: &mut Checker,
    raw: &RawAudit,
    referential: &Referential,
    found: &BTreeMap<String, AuditFinding>,
    not_applicable: &[String],
) -> Vec<String> {
    let missing: Vec<String> = referential
        .criteria()
        .map(|c| &c.id)
        .filter(|id| !found.contains_key(*id) && !not_applicable.contains(id))
        .cloned()
        .collect();
    if !missing.is_empty() {
        let finding = Finding::MissingFindings {
            count: missing.len(),
            ids: missing.join(", "),
        };
        c.report(finding, &raw.path, raw.span);
    }
    missing
}
