//! `label audit --fiches`: one fiche d'écart per nonconformity, in
//! markdown or in one printable html file: requirement, facts, evidence,
//! severity, deadline, corrective action from the plan, lifting. The words
//! are here, shared by both formats.

mod html;
mod markdown;

pub use html::html;
pub use markdown::markdown;

use crate::evaluation::Fiche;

use super::audit::result_label;

const TITLE: &str = "Fiches d'écart";
const NONE: &str = "Aucune non-conformité : aucune fiche d'écart.";
const NOT_LIFTED: &str = "non levée";
const NO_OBSERVATIONS: &str = "non renseigné";

/// The severity as the proposal counts it, with its state.
fn severity(f: &Fiche) -> String {
    let state = match (&f.finding.lifting, f.due) {
        (Some(l), _) if !f.carried_over => format!("levée le {}", l.date.french()),
        (_, Some(due)) => format!("ouverte, échéance : {}", due.french()),
        _ => "ouverte".to_string(),
    };
    let mut severity = format!("{} ({state})", result_label(f.severity));
    if f.carried_over {
        severity
            .push_str(" ; non-conformité mineure de l'audit précédent non levée, comptée majeure");
    }
    severity
}

/// What the criterion requires.
fn requirement<'a>(f: &Fiche<'a>) -> &'a str {
    let c = f.criterion;
    c.description.as_deref().unwrap_or(&c.title)
}

/// « le 1er décembre 2026 par Claire Dubois », or « non levée ».
fn lifting(f: &Fiche) -> String {
    f.finding.lifting.as_ref().map_or_else(
        || NOT_LIFTED.to_string(),
        |l| format!("le {} par {}", l.date.french(), l.by),
    )
}

const NO_ACTION: &str = "aucune action d'origine audit dans le plan (« label plan » en ajoute une)";

/// One line per plan action of origin `audit` citing the criterion.
fn actions(f: &Fiche) -> Vec<String> {
    f.actions
        .iter()
        .map(|a| {
            let owner = a
                .owner
                .as_deref()
                .map_or(String::new(), |o| format!(", {o}"));
            let due = a
                .due
                .map_or(String::new(), |d| format!(", échéance : {}", d.french()));
            format!(
                "{} {} ({}{owner}{due})",
                a.id,
                a.title,
                super::plan::status_label(a.status)
            )
        })
        .collect()
}
