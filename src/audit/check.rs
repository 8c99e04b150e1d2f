//! Rules on an audit against its referential (§4.5): dates, the audit
//! team and the commission's decision; the findings in [`super::findings`].

use crate::check::{Checker, Rules};
use crate::date::Date;
use crate::diagnostics::{Diagnostic, Finding};
use crate::referential::Referential;
use crate::yaml::Spanned;

use super::read::RawDecision;
use super::{Audit, AuditKind, Auditor, AuditorRole, Decision, Opinion, RawAudit, findings};

/// Validates an audit. `not_applicable` lists criteria the structure
/// validly declared N/A, which need no finding.
pub fn check(
    raw: &RawAudit,
    referential: &Referential,
    not_applicable: &[String],
) -> (Option<Audit>, Vec<Diagnostic>) {
    let mut c = Checker::new();
    let path = raw.path.as_str();
    let start = date(&mut c, path, "debut", &raw.start);
    let end = date(&mut c, path, "fin", &raw.end);
    if let (Some((s, _)), Some((e, span))) = (start, end)
        && e < s
    {
        c.report(Finding::AuditEndsBeforeStart, path, span);
    }
    let auditors = check_team(&mut c, raw);
    let end_date = end.map(|(d, _)| d);
    let found = findings::check(&mut c, raw, referential, end_date);
    let missing = findings::missing(&mut c, raw, referential, &found, not_applicable);
    let decision = raw
        .decision
        .as_ref()
        .and_then(|d| check_decision(&mut c, path, d, end_date));
    let audit = (!c.has_errors()).then_some(()).and_then(|_| {
        Some(Audit {
            referential: raw.header.referential.as_ref()?.value.clone(),
            version: raw.header.version.as_ref()?.value.clone(),
            structure: raw.structure.as_ref()?.value.clone(),
            kind: AuditKind::from_keyword(&raw.kind.as_ref()?.value)?,
            start: start?.0,
            end: end?.0,
            end_place: end?.1,
            auditors,
            findings: found,
            decision,
            missing,
        })
    });
    (audit, c)
}

/// A date field with its place.
pub(super) fn date(
    c: &mut Checker,
    path: &str,
    key: &str,
    text: &Option<Spanned<String>>,
) -> Option<(Date, crate::yaml::Span)> {
    let text = text.as_ref()?;
    c.date(path, key, text).map(|d| (d, text.span))
}

/// At least two auditors, one `certifie` and one `pair` (§4.5): errors,
/// since an audit led otherwise cannot found a proposal.
fn check_team(c: &mut Checker, raw: &RawAudit) -> Vec<Auditor> {
    let path = raw.path.as_str();
    let roles: Vec<Option<AuditorRole>> = raw
        .auditors
        .iter()
        .map(|(_, role)| AuditorRole::from_keyword(&role.as_ref()?.value))
        .collect();
    if let Some(span) = raw.auditors_span {
        let has = |wanted| roles.contains(&Some(wanted));
        if raw.auditors.len() < 2 {
            let finding = Finding::TooFewAuditors {
                count: raw.auditors.len(),
            };
            c.report(finding, path, span);
        } else if !has(AuditorRole::Peer) {
            c.report(Finding::NoPeerAuditor, path, span);
        }
        if !has(AuditorRole::Certified) {
            c.report(Finding::NoCertifiedAuditor, path, span);
        }
    }
    raw.auditors
        .iter()
        .zip(roles)
        .filter_map(|((name, _), role)| {
            Some(Auditor {
                name: name.as_ref()?.value.trim().to_string(),
                certified: role? == AuditorRole::Certified,
            })
        })
        .collect()
}

/// The commission's decision: dated (AUD010), not before the audit's end
/// (AUD011).
fn check_decision(
    c: &mut Checker,
    path: &str,
    raw: &RawDecision,
    end: Option<Date>,
) -> Option<Decision> {
    let Some(when) = date(c, path, "decision.date", &raw.date) else {
        if raw.date.is_none() {
            c.report(Finding::DecisionWithoutDate, path, raw.span);
        }
        return None;
    };
    if let Some(end) = end.filter(|e| when.0 < *e) {
        let finding = Finding::DecisionBeforeEnd {
            date: when.0.french(),
            end: end.french(),
        };
        c.report(finding, path, when.1);
    }
    Some(Decision {
        date: when.0,
        opinion: Opinion::from_keyword(&raw.opinion.as_ref()?.value)?,
    })
}
