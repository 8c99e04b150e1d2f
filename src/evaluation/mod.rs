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

/// Evaluates every structure folder whose files are valid, sorted by id.
pub fn evaluate_folders(folders: &[StructureFolder]) -> Vec<StructureEvaluation> {
    let mut evaluations: Vec<StructureEvaluation> = folders
        .iter()
        .filter(|f| !f.has_errors())
        .filter_map(|folder| {
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
        })
        .collect();
    evaluations.sort_by(|a, b| a.id.cmp(&b.id).then(a.path.cmp(&b.path)));
    evaluations
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
