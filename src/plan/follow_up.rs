//! Suivi du plan: where each action stands, what is overdue, progress per
//! principle. Pure functions.

use crate::date::Date;
use crate::referential::Referential;

use super::{Action, ActionStatus, Plan};

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
    pub actions: Vec<ActionLine>,
    pub principles: Vec<PrincipleProgress>,
}

impl FollowUp {
    pub fn overdue(&self) -> usize {
        self.actions.iter().filter(|a| a.overdue).count()
    }
}

pub fn follow_up(plan: &Plan, referential: &Referential, today: Date) -> FollowUp {
    let actions: Vec<ActionLine> = plan
        .actions
        .iter()
        .map(|a| ActionLine {
            overdue: a.is_overdue(today),
            action: a.clone(),
        })
        .collect();
    let principles = referential
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
            (!touching.is_empty()).then(|| PrincipleProgress {
                id: p.id.clone(),
                title: p.title.clone(),
                total: touching.len(),
                done: touching
                    .iter()
                    .filter(|l| l.action.status == ActionStatus::Done)
                    .count(),
                in_progress: touching
                    .iter()
                    .filter(|l| l.action.status == ActionStatus::InProgress)
                    .count(),
                overdue: touching.iter().filter(|l| l.overdue).count(),
            })
        })
        .collect();
    FollowUp {
        actions,
        principles,
    }
}
