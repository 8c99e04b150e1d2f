//! `label audit --fiches`: one fiche d'écart per nonconformity, in
//! markdown: requirement, facts, evidence, severity, deadline, corrective
//! action from the plan, lifting.

use std::fmt::Write as _;

use crate::evaluation::{AuditReview, Fiche, fiches};

use super::audit::result_label;

/// Free text from a file, on one line and without control characters.
fn clean(text: &str) -> String {
    crate::escape::visible(text).replace(['\n', '\r'], " ")
}

pub fn markdown(review: &AuditReview) -> String {
    let a = review.audit;
    let mut out = format!(
        "# Fiches d'écart : {}, audit du {} au {}\n",
        clean(&a.structure),
        a.start.french(),
        a.end.french()
    );
    let all = fiches(review);
    if all.is_empty() {
        out.push_str("\nAucune non-conformité : aucune fiche d'écart.\n");
    }
    for fiche in &all {
        write_fiche(&mut out, fiche);
    }
    out
}

fn write_fiche(out: &mut String, f: &Fiche) {
    let c = f.criterion;
    let _ = write!(out, "\n## {} {}\n\n", c.id, clean(&c.title));
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
    let mut line = |label: &str, value: String| {
        let _ = writeln!(out, "- **{label}** : {value}");
    };
    line("Gravité", severity);
    let requirement = c.description.as_deref().unwrap_or(&c.title);
    line("Exigence", clean(requirement));
    line("Preuves attendues", list(&c.evidence));
    line(
        "Constat",
        f.finding
            .observations
            .as_deref()
            .map_or_else(|| "non renseigné".to_string(), clean),
    );
    line("Preuves consultées", list(&f.finding.evidence_seen));
    line("Action corrective", actions(f));
    let lifting = f.finding.lifting.as_ref().map_or_else(
        || "non levée".to_string(),
        |l| {
            format!(
                "le {} par {} ; preuves : {}",
                l.date.french(),
                clean(&l.by),
                list(&l.evidence)
            )
        },
    );
    line("Levée", lifting);
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        return "aucune".to_string();
    }
    items
        .iter()
        .map(|i| clean(i))
        .collect::<Vec<_>>()
        .join(" ; ")
}

fn actions(f: &Fiche) -> String {
    if f.actions.is_empty() {
        return "aucune action d'origine audit dans le plan (« label plan » en ajoute une)"
            .to_string();
    }
    let shown: Vec<String> = f
        .actions
        .iter()
        .map(|a| {
            let owner = a
                .owner
                .as_deref()
                .map_or(String::new(), |o| format!(", {}", clean(o)));
            let due = a
                .due
                .map_or(String::new(), |d| format!(", échéance : {}", d.french()));
            format!(
                "{} {} ({}{owner}{due})",
                a.id,
                clean(&a.title),
                super::plan::status_label(a.status)
            )
        })
        .collect();
    shown.join(" ; ")
}
