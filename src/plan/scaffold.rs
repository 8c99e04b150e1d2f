//! What `label plan` adds: one action per gap, or audit nonconformity,
//! that no action answers yet (§4.4, §6.2, §6.3). Pure functions.

use crate::audit::{Audit, AuditResult};
use crate::date::Date;
use crate::evaluation::{Evaluation, Status};
use crate::referential::Referential;

use super::{ActionStatus, Origin, Plan};

/// An action to append to the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewAction {
    pub id: String,
    pub criterion: String,
    pub title: String,
    pub due: Date,
    pub origin: Origin,
    /// Why it is added, for the summary: "écart majeur", "nc mineure"…
    pub reason: &'static str,
}

/// An existing action whose criteria are all conform now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Closable {
    pub id: String,
    pub criteria: Vec<String>,
}

/// Actions to add, in the order of the plan: audit nonconformities (majors,
/// then minors), then self-assessment gaps (majors, then minors), each in
/// referential order.
///
/// Deadlines: an audit nonconformity is due `delai_nc_majeure_mois` or
/// `delai_nc_mineure_mois` after the audit's last day; a self-assessment gap
/// the same delays after `today`.
pub fn new_actions(
    referential: &Referential,
    evaluation: &Evaluation,
    audit: Option<&Audit>,
    plan: Option<&Plan>,
    today: Date,
) -> Vec<NewAction> {
    let rules = referential.rules;
    let months = |major: bool| {
        u32::try_from(if major {
            rules.major_deadline_months
        } else {
            rules.minor_deadline_months
        })
        .unwrap_or(0)
    };
    let answered = |criterion: &str, from_audit: bool| {
        plan.iter().flat_map(|p| &p.actions).any(|a| {
            a.status != ActionStatus::Abandoned
                && a.criteria.iter().any(|c| c == criterion)
                && (!from_audit || a.origin == Some(Origin::Audit))
        })
    };
    // (criterion, major, origin, due, reason), in plan order.
    let mut wanted: Vec<(String, bool, Origin, Date, &'static str)> = Vec::new();
    if let Some(audit) = audit {
        let kinds = [
            (
                AuditResult::MajorNonconformity,
                true,
                "non-conformité majeure",
            ),
            (
                AuditResult::MinorNonconformity,
                false,
                "non-conformité mineure",
            ),
        ];
        for (result, major, reason) in kinds {
            for criterion in referential.criteria() {
                let hit = audit
                    .findings
                    .get(&criterion.id)
                    .is_some_and(|f| f.result == result);
                if hit && !answered(&criterion.id, true) {
                    let due = audit.end.add_months(months(major));
                    wanted.push((criterion.id.clone(), major, Origin::Audit, due, reason));
                }
            }
        }
    }
    for (status, major, reason) in [
        (Status::MajorGap, true, "écart majeur"),
        (Status::MinorGap, false, "écart mineur"),
    ] {
        for result in evaluation.criteria.iter().filter(|c| c.status == status) {
            let taken = wanted.iter().any(|w| w.0 == result.id);
            if !answered(&result.id, false) && !taken {
                wanted.push((
                    result.id.clone(),
                    major,
                    Origin::SelfAssessment,
                    today.add_months(months(major)),
                    reason,
                ));
            }
        }
    }
    let first = next_number(plan);
    wanted
        .into_iter()
        .zip(first..)
        .map(|((criterion, major, origin, due, reason), number)| {
            let title = referential
                .criterion(&criterion)
                .map_or_else(String::new, |c| c.title.to_string());
            let verb = match origin {
                Origin::Audit if major => "Lever la non-conformité majeure",
                Origin::Audit => "Lever la non-conformité mineure",
                Origin::SelfAssessment => "Atteindre le niveau attendu",
            };
            NewAction {
                id: format!("A{number:02}"),
                criterion,
                title: format!("{verb} : {title}"),
                due,
                origin,
                reason,
            }
        })
        .collect()
}

/// The number after the highest `A<n>` id of the plan.
fn next_number(plan: Option<&Plan>) -> u32 {
    plan.iter()
        .flat_map(|p| &p.actions)
        .filter_map(|a| a.id.strip_prefix('A').and_then(|n| n.parse::<u32>().ok()))
        .max()
        .map_or(1, |n| n + 1)
}

/// Open actions whose every criterion is now conform: they may be closed.
pub fn closable(plan: &Plan, evaluation: &Evaluation) -> Vec<Closable> {
    let conform = |id: &str| {
        evaluation
            .criteria
            .iter()
            .any(|c| c.id == id && c.status == Status::Conform)
    };
    plan.actions
        .iter()
        .filter(|a| matches!(a.status, ActionStatus::ToDo | ActionStatus::InProgress))
        .filter(|a| !a.criteria.is_empty() && a.criteria.iter().all(|c| conform(c)))
        .map(|a| Closable {
            id: a.id.clone(),
            criteria: a.criteria.clone(),
        })
        .collect()
}
