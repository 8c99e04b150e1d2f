//! Suivi du plan: where each action stands, what is overdue, which gaps no
//! action answers, progress per principle. Pure functions.

use crate::date::Date;
use crate::evaluation::evaluate;
use crate::plan::{Action, ActionStatus};
use crate::referential::Referential;
use crate::structure::StructureFolder;

use super::gaps::{Gap, Sources, unanswered};

/// One action as the follow-up shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct ActionLine {
    pub action: Action,
    /// Échéance passed and neither done nor abandoned.
    pub overdue: bool,
}

/// Progress of the actions touching one principle.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrincipleProgress {
    pub id: String,
    pub title: String,
    pub total: usize,
    pub done: usize,
    pub in_progress: usize,
    pub overdue: usize,
}

/// The whole follow-up.
#[derive(Clone, Debug, PartialEq)]
pub struct FollowUp {
    pub structure: String,
    pub actions: Vec<ActionLine>,
    pub principles: Vec<PrincipleProgress>,
    /// Gaps and audit nonconformities that no action answers.
    pub unanswered: Vec<Gap>,
}

impl FollowUp {
    pub fn overdue(&self) -> usize {
        self.actions.iter().filter(|a| a.overdue).count()
    }

    pub fn done(&self) -> usize {
        self.actions
            .iter()
            .filter(|a| a.action.status == ActionStatus::Done)
            .count()
    }
}

/// The follow-up of a valid folder's plan; `None` without a plan.
pub fn follow_up(folder: &StructureFolder, today: Date) -> Option<FollowUp> {
    let (plan, referential, assessment) = (
        folder.plan.as_ref()?,
        folder.referential.as_ref()?,
        folder.self_assessment.as_ref()?,
    );
    let evaluation = evaluate(referential, assessment, Some(plan));
    let carried_over = crate::evaluation::carried_over_minors(folder);
    let sources = Sources {
        referential,
        evaluation: &evaluation,
        assessed: assessment.date,
        audit: folder.audit.as_ref(),
        carried_over: &carried_over,
        plan: Some(plan),
    };
    let actions: Vec<ActionLine> = plan
        .actions
        .iter()
        .map(|a| ActionLine {
            overdue: a.is_overdue(today),
            action: a.clone(),
        })
        .collect();
    Some(FollowUp {
        structure: plan.structure.clone(),
        principles: progress(referential, &actions),
        actions,
        unanswered: unanswered(&sources),
    })
}

fn progress(referential: &Referential, actions: &[ActionLine]) -> Vec<PrincipleProgress> {
    referential
        .principles
        .iter()
        .filter_map(|p| {
            let touching: Vec<&ActionLine> = actions
                .iter()
                .filter(|line| line.action.status != ActionStatus::Abandoned)
                .filter(|line| {
                    line.action
                        .criteria
                        .iter()
                        .any(|c| p.criteria.iter().any(|k| &k.id == c))
                })
                .collect();
            let count = |status| {
                touching
                    .iter()
                    .filter(|l| l.action.status == status)
                    .count()
            };
            (!touching.is_empty()).then(|| PrincipleProgress {
                id: p.id.clone(),
                title: p.title.clone(),
                total: touching.len(),
                done: count(ActionStatus::Done),
                in_progress: count(ActionStatus::InProgress),
                overdue: touching.iter().filter(|l| l.overdue).count(),
            })
        })
        .collect()
}
