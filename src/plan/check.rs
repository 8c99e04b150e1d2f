//! Rules on a plan against its referential (§4.4).

use std::collections::HashMap;

use crate::check::{Checker, Rules};
use crate::date::Date;
use crate::diagnostics::{Diagnostic, Finding, Location};
use crate::referential::Referential;

use super::{Action, ActionStatus, Origin, Plan, RawAction, RawPlan};

/// Validates a plan; `today` decides which deadlines are passed.
pub fn check(
    raw: &RawPlan,
    referential: &Referential,
    today: Date,
) -> (Option<Plan>, Vec<Diagnostic>) {
    let mut checker = Checker::new();
    let mut seen: HashMap<String, Location> = HashMap::new();
    let mut actions = Vec::new();
    for action in &raw.actions {
        let path = raw.path.as_str();
        if let Some(checked) = check_action(&mut checker, path, action, referential, &mut seen) {
            report_overdue(&mut checker, path, action, &checked, today);
            actions.push(checked);
        }
    }
    let plan = (!checker.has_errors()).then_some(()).and_then(|_| {
        Some(Plan {
            referential: raw.header.referential.as_ref()?.value.clone(),
            version: raw.header.version.as_ref()?.value.clone(),
            structure: raw.structure.as_ref()?.value.clone(),
            actions,
        })
    });
    (plan, checker)
}

fn check_action(
    c: &mut Checker,
    path: &str,
    raw: &RawAction,
    referential: &Referential,
    seen: &mut HashMap<String, Location>,
) -> Option<Action> {
    let id = raw.id.as_ref()?;
    c.unique("action", path, id, seen);
    let criteria = raw.criteria.clone().unwrap_or_default();
    if raw.criteria.as_ref().is_some_and(Vec::is_empty) {
        let finding = Finding::ActionWithoutCriteria {
            id: id.value.clone(),
        };
        c.report(finding, path, raw.span);
    }
    for criterion in &criteria {
        referential.reference(c, path, criterion);
    }
    let due = raw.due.as_ref().and_then(|d| c.date(path, "echeance", d));
    let status = ActionStatus::from_keyword(&raw.status.as_ref()?.value)?;
    if status != ActionStatus::Abandoned {
        check_owner_and_due(raw, &id.value, |f| c.report(f, path, raw.span));
    }
    Some(Action {
        id: id.value.clone(),
        criteria: criteria.into_iter().map(|c| c.value).collect(),
        title: raw.title.as_ref()?.value.trim().to_string(),
        owner: raw.owner.as_ref().map(|o| o.value.trim().to_string()),
        due,
        status,
        origin: raw
            .origin
            .as_ref()
            .and_then(|o| Origin::from_keyword(&o.value)),
        comment: raw.comment.as_ref().map(|c| c.value.clone()),
    })
}

/// PLAN001, at the deadline's place.
fn report_overdue(c: &mut Checker, path: &str, raw: &RawAction, action: &Action, today: Date) {
    let (Some(due), Some(text)) = (action.due, raw.due.as_ref()) else {
        return;
    };
    if action.is_overdue(today) {
        let finding = Finding::Overdue {
            id: action.id.clone(),
            due: due.french(),
        };
        c.report(finding, path, text.span);
    }
}

/// An action someone carries by a date: what an auditor asks first. A
/// blank `responsable` counts as missing (a blank `echeance` is already an
/// invalid date).
fn check_owner_and_due(raw: &RawAction, id: &str, mut report: impl FnMut(Finding)) {
    if raw.owner.as_ref().is_none_or(|o| o.value.trim().is_empty()) {
        report(Finding::ActionWithoutOwner { id: id.to_string() });
    }
    if raw.due.is_none() {
        report(Finding::ActionWithoutDue { id: id.to_string() });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::Decoder;
    use crate::diagnostics::Code;
    use crate::referential::testing;
    use crate::source::SourceFile;

    const PLAN: &str = "referentiel: essai
version: 1.0.0
structure: arml-x
actions:
  - id: A01
    criteres: [LAB-01]
    titre: Nommer les référents par lettre de mission
    responsable: Déléguée régionale
    echeance: 2027-06-30
    statut: a_faire
";

    fn codes(text: &str) -> Result<Vec<Code>, String> {
        let referential = testing::referential(testing::BASE)?;
        let source = SourceFile::new("plan.yaml", text);
        let mut decoder = Decoder::new(&source);
        let raw = crate::plan::read(&mut decoder).ok_or("illisible")?;
        let today = Date::parse("2026-11-27").ok_or("date")?;
        let (_, found) = check(&raw, &referential, today);
        Ok(found.iter().map(|d| d.code).collect())
    }

    fn without(line: &str) -> String {
        PLAN.replacen(line, "", 1)
    }

    #[test]
    fn item_12_an_action_needs_an_owner_and_a_deadline() -> Result<(), String> {
        assert_eq!(codes(PLAN)?, vec![]);
        let owner = "    responsable: Déléguée régionale\n";
        assert_eq!(codes(&without(owner))?, vec![Code::Plan003]);
        let blank = PLAN.replacen(owner, "    responsable:\n", 1);
        assert_eq!(codes(&blank)?, vec![Code::Plan003]);
        let due = "    echeance: 2027-06-30\n";
        assert_eq!(codes(&without(due))?, vec![Code::Plan004]);
        let neither = without(owner).replacen(due, "", 1);
        assert_eq!(codes(&neither)?, vec![Code::Plan003, Code::Plan004]);
        Ok(())
    }

    #[test]
    fn item_12_an_abandoned_action_needs_neither() -> Result<(), String> {
        let abandoned = without("    responsable: Déléguée régionale\n")
            .replacen("    echeance: 2027-06-30\n", "", 1)
            .replace("statut: a_faire", "statut: abandonnee");
        assert_eq!(codes(&abandoned)?, vec![]);
        let done = without("    responsable: Déléguée régionale\n")
            .replace("statut: a_faire", "statut: realisee");
        assert_eq!(codes(&done)?, vec![Code::Plan003]);
        Ok(())
    }
}
