//! Plan d'amélioration de la qualité: the structure's improvement plan
//! (`plan.yaml`, §4.4).

mod check;
pub mod edit;
pub mod follow_up;
mod read;
pub mod scaffold;
pub mod update;

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

impl Action {
    /// Past its deadline and neither done nor abandoned: the one rule of
    /// lateness, for validation and follow-up alike.
    pub fn is_overdue(&self, today: Date) -> bool {
        self.due.is_some_and(|due| due < today)
            && !matches!(self.status, ActionStatus::Done | ActionStatus::Abandoned)
    }
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
