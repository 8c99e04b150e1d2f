//! Évaluation: gaps, readiness for audit and the network view (§6). Pure
//! functions over validated models; no I/O.

mod network;
mod status;
mod structure;

pub use network::{
    CriterionCounts, RegionSummary, StructureEvaluation, anonymize, by_region, criterion_counts,
};
pub use status::{Status, status};
pub use structure::{CriterionResult, Evaluation, Reason, Summary, evaluate, readiness};

use crate::structure::StructureFolder;

/// Evaluates one valid structure folder.
pub fn evaluate_folder(folder: &StructureFolder) -> Option<StructureEvaluation> {
    let referential = folder.referential.as_ref()?;
    let assessment = folder.self_assessment.as_ref()?;
    Some(StructureEvaluation {
        id: assessment.structure.id.clone(),
        name: assessment.structure.name.clone(),
        region: assessment
            .structure
            .region
            .clone()
            .filter(|r| !r.is_empty()),
        path: folder.shown.clone(),
        referential: referential.id.clone(),
        version: referential.version.to_string(),
        evaluation: evaluate(referential, assessment, folder.plan.as_ref()),
    })
}

/// Sorts evaluations as §6.4 says: by structure id.
pub fn sort(evaluations: &mut [StructureEvaluation]) {
    evaluations.sort_by(|a, b| a.id.cmp(&b.id).then(a.path.cmp(&b.path)));
}

/// `--fail-on`: which findings make the command exit 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    /// Au moins un écart majeur
    Majeur,
    /// Au moins un écart, mineur ou majeur
    Mineur,
    /// Au moins une structure non prête pour l'audit
    NonPret,
}

/// Whether any structure goes beyond the `--fail-on` threshold.
pub fn fails(structures: &[StructureEvaluation], threshold: FailOn) -> bool {
    structures.iter().any(|s| {
        let summary = &s.evaluation.summary;
        match threshold {
            FailOn::Majeur => summary.count(Status::MajorGap) > 0,
            FailOn::Mineur => summary.count(Status::MajorGap) + summary.count(Status::MinorGap) > 0,
            FailOn::NonPret => !summary.ready,
        }
    })
}
