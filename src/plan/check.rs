//! Rules on a plan against its referential (§4.4).

use std::collections::HashMap;

use crate::date::Date;
use crate::diagnostics::{Diagnostic, Finding, Location};
use crate::referential::Referential;
use crate::suggest;
use crate::yaml::{Span, Spanned};

use super::{Action, ActionStatus, Origin, Plan, RawAction, RawPlan};

/// Validates a plan; `today` decides which deadlines are passed.
pub fn check(
    raw: &RawPlan,
    referential: &Referential,
    today: Date,
) -> (Option<Plan>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let mut seen: HashMap<String, Location> = HashMap::new();
    let mut actions = Vec::new();
    for action in &raw.actions {
        if let Some(checked) =
            check_action(&raw.path, action, referential, today, &mut seen, &mut out)
        {
            actions.push(checked);
        }
    }
    let failed = out.iter().any(Diagnostic::is_error);
    let plan = (!failed).then_some(()).and_then(|_| {
        Some(Plan {
            referential: raw.header.referential.as_ref()?.value.clone(),
            version: raw.header.version.as_ref()?.value.clone(),
            structure: raw.structure.as_ref()?.value.clone(),
            actions,
        })
    });
    (plan, out)
}

fn check_action(
    path: &str,
    raw: &RawAction,
    referential: &Referential,
    today: Date,
    seen: &mut HashMap<String, Location>,
    out: &mut Vec<Diagnostic>,
) -> Option<Action> {
    let at = |finding: Finding, span: Span| Diagnostic::new(finding, Location::new(path, span));
    let id = raw.id.as_ref()?;
    let here = Location::new(path, id.span);
    if let Some(first) = seen.get(&id.value) {
        let finding = Finding::DuplicateId {
            kind: "action",
            id: id.value.clone(),
        };
        out.push(
            Diagnostic::new(finding, here).with_label(first.clone(), "première définition ici"),
        );
    } else {
        seen.insert(id.value.clone(), here);
    }
    let criteria = raw.criteria.clone().unwrap_or_default();
    if raw.criteria.as_ref().is_some_and(Vec::is_empty) {
        out.push(at(
            Finding::ActionWithoutCriteria {
                id: id.value.clone(),
            },
            raw.span,
        ));
    }
    for criterion in &criteria {
        check_criterion(path, criterion, referential, out);
    }
    let due = raw.due.as_ref().and_then(|d| {
        let date = Date::parse(d.value.trim());
        if date.is_none() {
            out.push(at(
                Finding::InvalidDate {
                    key: "echeance".into(),
                    value: d.value.clone(),
                },
                d.span,
            ));
        }
        date.map(|date| (date, d.span))
    });
    let status = ActionStatus::from_keyword(&raw.status.as_ref()?.value)?;
    if status != ActionStatus::Abandoned {
        check_owner_and_due(raw, &id.value, |f| out.push(at(f, raw.span)));
    }
    if let Some((date, span)) = due
        && date < today
        && !matches!(status, ActionStatus::Done | ActionStatus::Abandoned)
    {
        out.push(at(
            Finding::Overdue {
                id: id.value.clone(),
                due: date.to_string(),
            },
            span,
        ));
    }
    Some(Action {
        id: id.value.clone(),
        criteria: criteria.into_iter().map(|c| c.value).collect(),
        title: raw.title.as_ref()?.value.trim().to_string(),
        owner: raw.owner.as_ref().map(|o| o.value.trim().to_string()),
        due: due.map(|(d, _)| d),
        status,
        origin: raw
            .origin
            .as_ref()
            .and_then(|o| Origin::from_keyword(&o.value)),
        comment: raw.comment.as_ref().map(|c| c.value.clone()),
    })
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

/// A criterion named by a plan or an audit must exist.
pub fn check_criterion(
    path: &str,
    id: &Spanned<String>,
    referential: &Referential,
    out: &mut Vec<Diagnostic>,
) -> bool {
    if referential.criterion(&id.value).is_some() {
        return true;
    }
    let suggestion = suggest::closest(&id.value, referential.criteria().map(|c| c.id.as_str()));
    let finding = Finding::UnknownCriterion {
        id: id.value.clone(),
        suggestion,
    };
    out.push(Diagnostic::new(finding, Location::new(path, id.span)));
    false
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
