//! The gaps no action answers yet, and when each is due (§4.4, §6.2,
//! §6.3). Pure functions.

use crate::audit::{Audit, AuditResult};
use crate::date::Date;
use crate::evaluation::{Evaluation, Status};
use crate::plan::{Origin, Plan};
use crate::referential::{Referential, Rules};

/// What kind of gap calls for an action.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum GapKind {
    /// An audit's `nc_majeure`.
    AuditMajor,
    /// An audit's `nc_mineure`.
    AuditMinor,
    /// A self-assessment's `ecart_majeur`.
    Major,
    /// A self-assessment's `ecart_mineur`.
    Minor,
}

impl GapKind {
    /// In the order of the plan: audit nonconformities first.
    pub const ALL: [GapKind; 4] = [
        GapKind::AuditMajor,
        GapKind::AuditMinor,
        GapKind::Major,
        GapKind::Minor,
    ];

    pub fn origin(self) -> Origin {
        match self {
            GapKind::AuditMajor | GapKind::AuditMinor => Origin::Audit,
            GapKind::Major | GapKind::Minor => Origin::SelfAssessment,
        }
    }

    pub fn major(self) -> bool {
        matches!(self, GapKind::AuditMajor | GapKind::Major)
    }

    /// The keyword of machine outputs: `nc_majeure`, `ecart_mineur`…
    pub fn keyword(self) -> &'static str {
        match self {
            GapKind::AuditMajor => "nc_majeure",
            GapKind::AuditMinor => "nc_mineure",
            GapKind::Major => "ecart_majeur",
            GapKind::Minor => "ecart_mineur",
        }
    }

    /// Months to answer it: `delai_nc_majeure_mois` for a major gap or
    /// nonconformity, `delai_nc_mineure_mois` for a minor one.
    fn delay(self, rules: &Rules) -> u32 {
        let months = if self.major() {
            rules.major_deadline_months
        } else {
            rules.minor_deadline_months
        };
        u32::try_from(months).unwrap_or(0)
    }
}

/// A gap without an answering action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gap {
    pub criterion: String,
    pub kind: GapKind,
    /// `None` when the date it counts from is unknown (a self-assessment
    /// without `date`).
    pub due: Option<Date>,
}

/// Where a gap was found, and when: what its deadline counts from.
#[derive(Clone, Copy, Debug)]
pub struct Sources<'a> {
    pub referential: &'a Referential,
    pub evaluation: &'a Evaluation,
    /// The self-assessment's `date`.
    pub assessed: Option<Date>,
    pub audit: Option<&'a Audit>,
    /// Minors of the previous audit not lifted: majors of this one (§4.5).
    pub carried_over: &'a [String],
    pub plan: Option<&'a Plan>,
}

/// Every gap no action answers, in the order of the plan: audit
/// nonconformities (majors, then minors), then self-assessment gaps
/// (majors, then minors), each in referential order.
///
/// A minor of the previous audit not lifted is a major nonconformity (§4.5).
/// An audit nonconformity is answered only by an action of `origine: audit`
/// (not abandoned) and is due its delay after the audit's `fin`; a
/// self-assessment gap by any action not abandoned, due its delay after the
/// self-assessment's `date`. A criterion appears once.
pub fn unanswered(sources: &Sources) -> Vec<Gap> {
    let mut gaps: Vec<Gap> = Vec::new();
    for kind in GapKind::ALL {
        for result in &sources.evaluation.criteria {
            let taken = gaps.iter().any(|g| g.criterion == result.id);
            if !taken
                && has_gap(sources, &result.id, result.status, kind)
                && !answered(sources, &result.actions, kind)
            {
                gaps.push(Gap {
                    criterion: result.id.clone(),
                    kind,
                    due: due(sources, kind),
                });
            }
        }
    }
    gaps
}

fn has_gap(sources: &Sources, criterion: &str, status: Status, kind: GapKind) -> bool {
    let audit_result = |wanted: AuditResult| {
        sources
            .audit
            .and_then(|a| a.findings.get(criterion))
            .is_some_and(|f| f.result == wanted && f.is_open_nonconformity())
    };
    let carried = sources.carried_over.iter().any(|id| id == criterion);
    match kind {
        GapKind::AuditMajor => carried || audit_result(AuditResult::MajorNonconformity),
        GapKind::AuditMinor => !carried && audit_result(AuditResult::MinorNonconformity),
        GapKind::Major => status == Status::MajorGap,
        GapKind::Minor => status == Status::MinorGap,
    }
}

/// `actions`: the ids of the actions, not abandoned, citing the criterion.
fn answered(sources: &Sources, actions: &[String], kind: GapKind) -> bool {
    match kind.origin() {
        Origin::SelfAssessment => !actions.is_empty(),
        Origin::Audit => sources.plan.is_some_and(|plan| {
            plan.actions
                .iter()
                .any(|a| a.origin == Some(Origin::Audit) && actions.contains(&a.id))
        }),
    }
}

fn due(sources: &Sources, kind: GapKind) -> Option<Date> {
    let from = match kind.origin() {
        Origin::Audit => sources.audit.map(|a| a.end),
        Origin::SelfAssessment => sources.assessed,
    };
    from.map(|date| date.add_months(kind.delay(&sources.referential.rules)))
}
