//! Évaluation: gaps, readiness for audit and the network view (§6). Pure
//! functions over validated models; no I/O.

mod anonymous;
mod audit;
mod entry;
mod network;
mod status;
mod structure;

pub use anonymous::{
    Anonymity, Anonymized, DEFAULT_THRESHOLD, MASKED, OTHERS, anonymize, pseudonyms,
};
pub use audit::{
    AuditReview, AuditState, DeclarationGap, Fiche, LabelCycle, Motive, Proposal, Verdict,
    carried_over_minors, fiches, propose, review, state as audit_state,
};
pub use entry::{StructureEvaluation, evaluate_all, evaluate_folder, sort};
pub use network::{
    AuditCounts, Block, Counts, CriterionCounts, NO_REGION, Network, RegionSummary, network,
};
pub use status::{Status, status};
pub use structure::{CriterionResult, Evaluation, Reason, Summary, evaluate, readiness};

/// `--fail-on`: which findings make the command exit 1 (the command line
/// maps its option to it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailOn {
    /// Au moins un écart majeur
    Majeur,
    /// Au moins un écart, mineur ou majeur
    Mineur,
    /// Au moins une structure non prête pour l'audit
    NonPret,
}

/// A structure beyond the `--fail-on` threshold, and what put it there.
#[derive(Clone, Debug)]
pub struct Breach<'a> {
    pub structure: &'a StructureEvaluation,
    /// The criteria in cause: majors for `majeur`, every gap for `mineur`;
    /// for `non-pret`, the structure's reasons say why.
    pub criteria: Vec<&'a str>,
}

/// The structures beyond the `--fail-on` threshold. A structure that could
/// not be evaluated is never ready for audit.
pub fn breaches(structures: &[StructureEvaluation], threshold: FailOn) -> Vec<Breach<'_>> {
    structures
        .iter()
        .filter_map(|structure| {
            let Some(evaluation) = &structure.evaluation else {
                return (threshold == FailOn::NonPret).then_some(Breach {
                    structure,
                    criteria: Vec::new(),
                });
            };
            let in_cause = |status: Status| match threshold {
                FailOn::Majeur => status == Status::MajorGap,
                FailOn::Mineur => status.is_gap(),
                FailOn::NonPret => false,
            };
            let criteria: Vec<&str> = evaluation
                .criteria
                .iter()
                .filter(|c| in_cause(c.status))
                .map(|c| c.id.as_str())
                .collect();
            let breached = match threshold {
                FailOn::NonPret => !evaluation.summary.ready,
                _ => !criteria.is_empty(),
            };
            breached.then_some(Breach {
                structure,
                criteria,
            })
        })
        .collect()
}
