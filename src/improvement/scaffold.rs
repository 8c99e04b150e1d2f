//! The actions `label plan` adds, as models and as YAML, and the text of a
//! new `plan.yaml`. Pure functions.

use crate::date::Date;
use crate::evaluation::{Evaluation, Status};
use crate::plan::{Action, ActionStatus, Plan};
use crate::referential::Referential;
use crate::yaml::edit::{Style, Value, document};

use super::gaps::{Gap, GapKind};
use super::ids::next_ids;

/// An action to append to the plan, answering one gap.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewAction {
    pub id: String,
    pub criterion: String,
    pub title: String,
    /// `None`: no date to count from; the action is written without
    /// `echeance`.
    pub due: Option<Date>,
    pub kind: GapKind,
}

impl NewAction {
    /// The action as written in `plan.yaml`.
    pub fn value(&self) -> Value {
        let mut entries = vec![
            ("id".to_string(), Value::text(&self.id)),
            (
                "criteres".to_string(),
                Value::Flow(vec![Value::text(&self.criterion)]),
            ),
            ("titre".to_string(), Value::Quoted(self.title.clone())),
            ("responsable".to_string(), Value::Null),
        ];
        if let Some(due) = self.due {
            entries.push(("echeance".to_string(), Value::text(due.to_string())));
        }
        entries.push(("statut".into(), Value::text(ActionStatus::ToDo.keyword())));
        entries.push(("origine".into(), Value::text(self.kind.origin().keyword())));
        Value::Map(entries)
    }

    /// The action as the plan reads it back.
    pub fn model(&self) -> Action {
        Action {
            id: self.id.clone(),
            criteria: vec![self.criterion.clone()],
            title: self.title.clone(),
            owner: Some(String::new()),
            due: self.due,
            status: ActionStatus::ToDo,
            origin: Some(self.kind.origin()),
            comment: None,
        }
    }
}

/// An existing action whose criteria are all conform now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Closable {
    pub id: String,
    pub criteria: Vec<String>,
}

/// One new action per gap, numbered after the plan's highest id.
pub fn new_actions(referential: &Referential, gaps: &[Gap], plan: Option<&Plan>) -> Vec<NewAction> {
    gaps.iter()
        .zip(next_ids(plan, gaps.len()))
        .map(|(gap, id)| NewAction {
            id,
            criterion: gap.criterion.clone(),
            title: title(referential, gap),
            due: gap.due,
            kind: gap.kind,
        })
        .collect()
}

/// The title of a new action: what to do, and the criterion's title.
fn title(referential: &Referential, gap: &Gap) -> String {
    let verb = match gap.kind {
        GapKind::AuditMajor => "Lever la non-conformité majeure",
        GapKind::AuditMinor => "Lever la non-conformité mineure",
        GapKind::Major | GapKind::Minor => "Atteindre le niveau attendu",
    };
    let criterion = referential
        .criterion(&gap.criterion)
        .map_or_else(String::new, |c| c.title.to_string());
    format!("{verb} : {}", criterion.trim())
}

/// What a new plan is about.
#[derive(Clone, Copy, Debug)]
pub struct Header<'a> {
    pub referential: &'a str,
    pub version: &'a str,
    pub structure: &'a str,
}

/// A whole new `plan.yaml`; `schema` is the path of its JSON Schema, for
/// editors.
pub fn new_file(header: Header, schema: &str, actions: &[NewAction]) -> String {
    let mut out = format!("# yaml-language-server: $schema={schema}\n");
    out.push_str("# Plan d'amélioration de la qualité, créé par « label plan ».\n");
    out.push_str(
        "# Complétez les responsables ; « label plan » n'ajoute ensuite que des actions,\n",
    );
    out.push_str("# sans jamais modifier ce que vous avez écrit.\n");
    let list = if actions.is_empty() {
        Value::Null
    } else {
        Value::Seq(actions.iter().map(NewAction::value).collect())
    };
    let entries = [
        ("referentiel".to_string(), Value::text(header.referential)),
        ("version".to_string(), Value::text(header.version)),
        ("structure".to_string(), Value::text(header.structure)),
        ("actions".to_string(), list),
    ];
    out.push_str(&document(&entries, &Style::default()));
    out
}

/// Open actions whose every criterion is now conform: they may be closed.
pub fn closable(plan: &Plan, evaluation: &Evaluation) -> Vec<Closable> {
    let conform = |id: &str| {
        evaluation
            .criteria
            .iter()
            .any(|c| c.id == id && c.status == Status::Conform)
    };
    plan.actions
        .iter()
        .filter(|a| a.status.is_open())
        // Only a `levee` closes an audit nonconformity (§4.5).
        .filter(|a| a.origin != Some(crate::plan::Origin::Audit))
        .filter(|a| !a.criteria.is_empty() && a.criteria.iter().all(|c| conform(c)))
        .map(|a| Closable {
            id: a.id.clone(),
            criteria: a.criteria.clone(),
        })
        .collect()
}
