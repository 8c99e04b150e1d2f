//! Plan d'amélioration de la qualité: the structure's improvement plan
//! (`plan.yaml`, §4.4), read and checked. Writing it and following it up
//! live above the evaluation, in [`crate::improvement`].

mod check;
mod read;

pub use check::{check, check_criterion};
pub use read::{RawAction, RawPlan, read};

use crate::date::Date;

pub const FILE_NAME: &str = "plan.yaml";

/// A validated plan.
#[derive(Clone, Debug)]
pub struct Plan {
    pub referential: String,
    pub version: String,
    pub structure: String,
    pub actions: Vec<Action>,
}

/// One action of the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Action {
    pub id: String,
    /// Critères whose gap the action answers.
    pub criteria: Vec<String>,
    pub title: String,
    pub owner: Option<String>,
    /// Échéance.
    pub due: Option<Date>,
    pub status: ActionStatus,
    pub origin: Option<Origin>,
    pub comment: Option<String>,
}

impl Action {
    /// Its échéance is passed and it is still open.
    pub fn is_overdue(&self, today: Date) -> bool {
        is_overdue(self.due, self.status, today)
    }
}

/// An action due `due` is late on `today` while it is neither done nor
/// abandoned.
pub fn is_overdue(due: Option<Date>, status: ActionStatus, today: Date) -> bool {
    due.is_some_and(|d| d < today) && status.is_open()
}

/// Statut of an action.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ActionStatus {
    /// a_faire
    ToDo,
    /// en_cours
    InProgress,
    /// realisee
    Done,
    /// abandonnee
    Abandoned,
}

impl ActionStatus {
    pub fn from_keyword(word: &str) -> Option<ActionStatus> {
        match word {
            "a_faire" => Some(ActionStatus::ToDo),
            "en_cours" => Some(ActionStatus::InProgress),
            "realisee" => Some(ActionStatus::Done),
            "abandonnee" => Some(ActionStatus::Abandoned),
            _ => None,
        }
    }

    /// À faire or en cours: still to be done.
    pub fn is_open(self) -> bool {
        matches!(self, ActionStatus::ToDo | ActionStatus::InProgress)
    }

    pub fn keyword(self) -> &'static str {
        match self {
            ActionStatus::ToDo => "a_faire",
            ActionStatus::InProgress => "en_cours",
            ActionStatus::Done => "realisee",
            ActionStatus::Abandoned => "abandonnee",
        }
    }
}

/// Origine of an action.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    SelfAssessment,
    Audit,
}

impl Origin {
    pub fn from_keyword(word: &str) -> Option<Origin> {
        match word {
            "autoevaluation" => Some(Origin::SelfAssessment),
            "audit" => Some(Origin::Audit),
            _ => None,
        }
    }

    pub fn keyword(self) -> &'static str {
        match self {
            Origin::SelfAssessment => "autoevaluation",
            Origin::Audit => "audit",
        }
    }
}
