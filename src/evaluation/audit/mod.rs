//! §6.3: the decision proposal on an audit, its deadlines, the label's
//! cycle, and where what the structure declared and what the auditors
//! found differ. Pure functions; the wording is in `output::audit`.

mod fiche;
mod folder;
#[cfg(test)]
mod tests;

pub use fiche::{Fiche, fiches};
pub use folder::{AuditReview, AuditState, carried_over_minors, review, state};

use crate::audit::{Audit, AuditResult, Opinion};
use crate::date::Date;
use crate::referential::Referential;

use super::status::Status;
use super::structure::CriterionResult;

/// The proposal to the national commission.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verdict {
    Favorable,
    FavorableWithReservations,
    Unfavorable,
}

impl Verdict {
    pub const ALL: [Verdict; 3] = [
        Verdict::Favorable,
        Verdict::FavorableWithReservations,
        Verdict::Unfavorable,
    ];

    /// Stable keyword of machine outputs (§6.3).
    pub fn keyword(self) -> &'static str {
        match self {
            Verdict::Favorable => "favorable",
            Verdict::FavorableWithReservations => "favorable_avec_reserves",
            Verdict::Unfavorable => "defavorable",
        }
    }
}

/// Why the proposal is what it is, each traced to a row of §6.3 and
/// naming the criteria.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Motive {
    /// Applicable criteria without a finding: no proposal.
    Incomplete(Vec<String>),
    /// `M > 0`: open major nonconformities of this audit.
    Majors(Vec<String>),
    /// Minors of the previous audit not lifted when this one ended,
    /// counted as majors.
    CarriedOver(Vec<String>),
    /// `m >= k`.
    TooManyMinors { limit: usize, ids: Vec<String> },
    /// `0 < m < k`.
    Minors { limit: usize, ids: Vec<String> },
    /// No open nonconformity.
    NoNonconformity,
}

/// A criterion where the declared status (§6.1) and the finding differ
/// in kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeclarationGap {
    pub criterion: String,
    pub declared: Status,
    pub found: AuditResult,
}

/// The label's cycle (§6.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LabelCycle {
    /// The commission's decision date, else the audit's end.
    pub since: Date,
    /// No decision recorded yet: counted from the audit's end.
    pub provisional: bool,
    pub surveillance: Date,
    pub end: Date,
}

/// The decision proposal on one audit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposal {
    /// `None`: the audit is incomplete, no proposal.
    pub verdict: Option<Verdict>,
    /// Open majors, carried-over minors included, in referential order.
    pub majors: Vec<String>,
    /// Open minors, in referential order.
    pub minors: Vec<String>,
    pub major_deadline: Option<Date>,
    pub minor_deadline: Option<Date>,
    pub motives: Vec<Motive>,
    pub declaration_gaps: Vec<DeclarationGap>,
    /// `None` without a proposal, or when the label is not granted.
    pub cycle: Option<LabelCycle>,
}

/// The proposal on `audit`, given the previous audit (if any) and the
/// structure's declared statuses (`declared`, from its self-assessment).
pub fn propose(
    referential: &Referential,
    audit: &Audit,
    previous: Option<&Audit>,
    declared: &[CriterionResult],
) -> Proposal {
    let carried = carried_over(referential, audit, previous);
    let open = |wanted: AuditResult| -> Vec<String> {
        referential
            .criteria()
            .map(|c| &c.id)
            .filter(|id| {
                audit
                    .findings
                    .get(*id)
                    .is_some_and(|f| f.result == wanted && f.is_open_nonconformity())
            })
            .cloned()
            .collect()
    };
    let found_majors = open(AuditResult::MajorNonconformity);
    let majors: Vec<String> = referential
        .criteria()
        .map(|c| &c.id)
        .filter(|id| found_majors.contains(id) || carried.contains(id))
        .cloned()
        .collect();
    let minors: Vec<String> = open(AuditResult::MinorNonconformity)
        .into_iter()
        .filter(|id| !majors.contains(id))
        .collect();
    let limit = usize::try_from(referential.rules.minors_per_major).unwrap_or(usize::MAX);
    let declaration_gaps = declaration_gaps(audit, declared);
    if !audit.missing.is_empty() {
        return Proposal {
            verdict: None,
            majors,
            minors,
            major_deadline: None,
            minor_deadline: None,
            motives: vec![Motive::Incomplete(audit.missing.clone())],
            declaration_gaps,
            cycle: None,
        };
    }
    let (verdict, motives) = verdict(&found_majors, &carried, &minors, limit);
    let months = |m: i64| audit.end.add_months(u32::try_from(m).unwrap_or(0));
    let rules = &referential.rules;
    Proposal {
        verdict: Some(verdict),
        major_deadline: (!majors.is_empty()).then(|| months(rules.major_deadline_months)),
        minor_deadline: (!minors.is_empty()).then(|| months(rules.minor_deadline_months)),
        majors,
        minors,
        motives,
        declaration_gaps,
        cycle: cycle(referential, audit, previous, verdict),
    }
}

/// The rows of §6.3, with every reason that applies.
fn verdict(
    majors: &[String],
    carried: &[String],
    minors: &[String],
    limit: usize,
) -> (Verdict, Vec<Motive>) {
    let mut motives = Vec::new();
    if !majors.is_empty() {
        motives.push(Motive::Majors(majors.to_vec()));
    }
    if !carried.is_empty() {
        motives.push(Motive::CarriedOver(carried.to_vec()));
    }
    let ids = minors.to_vec();
    if minors.len() >= limit {
        motives.push(Motive::TooManyMinors { limit, ids });
    } else if !minors.is_empty() {
        motives.push(Motive::Minors { limit, ids });
    }
    let verdict = if !majors.is_empty() || !carried.is_empty() || minors.len() >= limit {
        Verdict::Unfavorable
    } else if minors.is_empty() {
        motives.push(Motive::NoNonconformity);
        Verdict::Favorable
    } else {
        Verdict::FavorableWithReservations
    };
    (verdict, motives)
}

/// Minors of the previous audit not lifted by the end of this one
/// (§4.5), in referential order.
fn carried_over(referential: &Referential, audit: &Audit, previous: Option<&Audit>) -> Vec<String> {
    let Some(previous) = previous else {
        return Vec::new();
    };
    referential
        .criteria()
        .map(|c| &c.id)
        .filter(|id| {
            previous.findings.get(*id).is_some_and(|f| {
                f.result == AuditResult::MinorNonconformity
                    && f.lifting.as_ref().is_none_or(|l| l.date > audit.end)
            })
        })
        .cloned()
        .collect()
}

/// The label runs from the decision (else, provisionally, from the
/// audit's end) when it is granted or proposed: not after an
/// unfavourable proposal without decision, nor after a decision other
/// than `labellise`. A surveillance audit does not start a new cycle: the
/// label it checks still runs from the previous audit's decision.
fn cycle(
    referential: &Referential,
    audit: &Audit,
    previous: Option<&Audit>,
    verdict: Verdict,
) -> Option<LabelCycle> {
    match audit.decision {
        Some(d) if d.opinion != Opinion::Labelled => return None,
        None if verdict == Verdict::Unfavorable => return None,
        _ => {}
    }
    let granting = match (audit.kind, previous) {
        (crate::audit::AuditKind::Surveillance, Some(previous)) => previous,
        _ => audit,
    };
    let (since, provisional) = match granting.decision {
        Some(d) if d.opinion == Opinion::Labelled => (d.date, false),
        Some(_) => return None,
        None => (granting.end, true),
    };
    let months = |m: i64| since.add_months(u32::try_from(m).unwrap_or(0));
    Some(LabelCycle {
        since,
        provisional,
        surveillance: months(referential.cycle.surveillance_months),
        end: months(referential.cycle.validity_months),
    })
}

/// Conforme, a gap or NC, or non concerné: the kinds compared.
fn kind_declared(status: Status) -> Option<u8> {
    match status {
        Status::Conform => Some(0),
        Status::MinorGap | Status::MajorGap => Some(1),
        Status::NotApplicable => Some(2),
        Status::NotAssessed => None,
    }
}

fn kind_found(result: AuditResult) -> u8 {
    match result {
        AuditResult::Conform => 0,
        AuditResult::MinorNonconformity | AuditResult::MajorNonconformity => 1,
        AuditResult::NotApplicable => 2,
    }
}

/// Every criterion, in referential order, where the declaration and the
/// finding differ in kind; a criterion not assessed, or without a
/// finding, has nothing to compare.
fn declaration_gaps(audit: &Audit, declared: &[CriterionResult]) -> Vec<DeclarationGap> {
    declared
        .iter()
        .filter_map(|c| {
            let found = audit.findings.get(&c.id)?.result;
            (kind_declared(c.status)? != kind_found(found)).then(|| DeclarationGap {
                criterion: c.id.clone(),
                declared: c.status,
                found,
            })
        })
        .collect()
}
