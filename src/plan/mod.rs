//! Plan d'amélioration de la qualité: the structure's improvement plan
//! (`plan.yaml`, §4.4), read and checked. Writing it and following it up
//! live above the evaluation, in [`crate::improvement`].

mod check;
mod read;

pub use check::check;
pub use read::{RawAction, RawPlan, read};

use crate::date::Date;
pub use crate::keyword::{ActionStatus, Origin};

pub const FILE_NAME: &str = "plan.yaml";

impl crate::document::Document for Plan {
    const FILE_NAME: &'static str = FILE_NAME;
    type Raw = RawPlan;

    fn read(decoder: &mut crate::decode::Decoder) -> Option<RawPlan> {
        read(decoder)
    }

    fn header(raw: &RawPlan) -> &crate::document::RawHeader {
        &raw.header
    }

    fn structure_id(raw: &RawPlan) -> Option<&crate::yaml::Spanned<String>> {
        raw.structure.as_ref()
    }

    fn check(
        raw: &RawPlan,
        context: &crate::document::CheckContext,
        out: &mut Vec<crate::diagnostics::Diagnostic>,
    ) -> Option<Plan> {
        let (model, mut found) = check(raw, context.referential, context.today);
        out.append(&mut found);
        model
    }
}

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
    /// Its échéance is passed and it is still open: the one rule of
    /// lateness, for validation and follow-up alike.
    pub fn is_overdue(&self, today: Date) -> bool {
        is_overdue(self.due, self.status, today)
    }
}

/// An action due `due` is late on `today` while it is neither done nor
/// abandoned.
pub fn is_overdue(due: Option<Date>, status: ActionStatus, today: Date) -> bool {
    due.is_some_and(|d| d < today) && status.is_open()
}

impl ActionStatus {
    /// À faire or en cours: still to be done.
    pub fn is_open(self) -> bool {
        matches!(self, ActionStatus::ToDo | ActionStatus::InProgress)
    }
}
