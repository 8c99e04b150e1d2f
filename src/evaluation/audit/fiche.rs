//! The fiches d'écart of `label audit --fiches`: one per nonconformity of
//! the audit (lifted ones included) and per minor carried over from the
//! previous audit, with what the structure answers in its plan.

use crate::audit::{AuditFinding, AuditResult};
use crate::date::Date;
use crate::plan::{ActionStatus, Origin};
use crate::referential::Criterion;

use super::{AuditReview, Motive};

/// One nonconformity, gathered for its fiche.
#[derive(Debug)]
pub struct Fiche<'a> {
    pub criterion: &'a Criterion,
    /// The finding of this audit, else (carried over) of the previous one.
    pub finding: &'a AuditFinding,
    /// As the proposal counts it.
    pub severity: AuditResult,
    /// A minor of the previous audit, not lifted, counted as major.
    pub carried_over: bool,
    /// The deadline while it is open.
    pub due: Option<Date>,
    /// Plan actions of origin `audit`, not abandoned, citing the criterion.
    pub actions: Vec<&'a crate::plan::Action>,
}

/// Every fiche, in referential order.
pub fn fiches<'a>(review: &AuditReview<'a>) -> Vec<Fiche<'a>> {
    let Some(referential) = review.folder.referential.as_deref() else {
        return Vec::new();
    };
    let p = &review.proposal;
    referential
        .criteria()
        .filter_map(|criterion| {
            let id = &criterion.id;
            let here = review.audit.findings.get(id).filter(|f| {
                matches!(
                    f.result,
                    AuditResult::MinorNonconformity | AuditResult::MajorNonconformity
                )
            });
            let carried_over = p
                .motives
                .iter()
                .any(|m| matches!(m, Motive::CarriedOver(ids) if ids.contains(id)));
            let finding = match here {
                Some(f) => f,
                None if carried_over => review.previous?.findings.get(id)?,
                None => return None,
            };
            let (severity, due) = if p.majors.contains(id) {
                (AuditResult::MajorNonconformity, p.major_deadline)
            } else if p.minors.contains(id) {
                (AuditResult::MinorNonconformity, p.minor_deadline)
            } else {
                (finding.result, None)
            };
            Some(Fiche {
                criterion,
                finding,
                severity,
                carried_over,
                due,
                actions: actions(review, id),
            })
        })
        .collect()
}

fn actions<'a>(review: &AuditReview<'a>, id: &str) -> Vec<&'a crate::plan::Action> {
    review
        .folder
        .plan
        .iter()
        .flat_map(|p| &p.actions)
        .filter(|a| {
            a.origin == Some(Origin::Audit)
                && a.status != ActionStatus::Abandoned
                && a.criteria.iter().any(|c| c == id)
        })
        .collect()
}
