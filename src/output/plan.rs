//! What `label plan` shows: the summary of an update, its diff, and the
//! follow-up of the plan.

use std::fmt::Write as _;

use serde_json::json;

use crate::plan::follow_up::FollowUp;
use crate::plan::update::Update;

use super::table::Table;

/// French summary of an update.
pub fn summary(update: &Update, path: &str, written: bool) -> String {
    let mut out = String::new();
    if update.added.is_empty() {
        let _ = writeln!(
            out,
            "{path} : aucune action à ajouter, chaque écart a déjà sa réponse."
        );
    } else {
        let verb = match (written, update.before.is_some()) {
            (false, _) => "seraient ajoutées à",
            (true, true) => "ajoutées à",
            (true, false) => "dans le nouveau",
        };
        let _ = writeln!(out, "{} action(s) {verb} {path} :", update.added.len());
        for a in &update.added {
            let _ = writeln!(
                out,
                "  {}  {} ({}), échéance {}",
                a.id, a.criterion, a.reason, a.due
            );
        }
        if written {
            out.push_str(
                "Complétez les responsables ; rien de ce qui était écrit n'a été modifié.\n",
            );
        }
    }
    if !update.closable.is_empty() {
        out.push_str("Actions qui peuvent être clôturées (critères désormais conformes) :\n");
        for c in &update.closable {
            let _ = writeln!(out, "  {}  {}", c.id, c.criteria.join(", "));
        }
    }
    out
}

/// A unified diff of the update, with three lines of context.
pub fn diff(update: &Update, path: &str) -> String {
    let before: Vec<&str> = update
        .before
        .as_deref()
        .map_or(Vec::new(), |t| t.split_inclusive('\n').collect());
    let after: Vec<&str> = update.after.split_inclusive('\n').collect();
    let prefix = before
        .iter()
        .zip(&after)
        .take_while(|(a, b)| a == b)
        .count();
    let suffix = before[prefix..]
        .iter()
        .rev()
        .zip(after[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let start = prefix.saturating_sub(3);
    let mut out = format!("--- {path}\n+++ {path} (après label plan)\n");
    let old_end = (before.len() - suffix + 3).min(before.len());
    let new_end = (after.len() - suffix + 3).min(after.len());
    let _ = writeln!(
        out,
        "@@ -{},{} +{},{} @@",
        start + 1,
        old_end - start,
        start + 1,
        new_end - start
    );
    let line = |out: &mut String, mark: char, text: &str| {
        let _ = writeln!(out, "{mark}{}", text.trim_end_matches(['\n', '\r']));
    };
    for text in &before[start..prefix] {
        line(&mut out, ' ', text);
    }
    for text in &before[prefix..before.len() - suffix] {
        line(&mut out, '-', text);
    }
    for text in &after[prefix..after.len() - suffix] {
        line(&mut out, '+', text);
    }
    for text in &after[after.len() - suffix..new_end] {
        line(&mut out, ' ', text);
    }
    out
}

/// The follow-up as tables.
pub fn follow_up_text(follow: &FollowUp, width: u16) -> String {
    let mut out = String::new();
    let done = follow
        .actions
        .iter()
        .filter(|a| a.action.status == crate::plan::ActionStatus::Done)
        .count();
    let _ = writeln!(
        out,
        "{} action(s), {done} réalisée(s), {} en retard.\n",
        follow.actions.len(),
        follow.overdue()
    );
    let mut t = Table::new(&["Action", "Critères", "Intitulé", "Échéance", "Statut"]);
    for line in &follow.actions {
        let a = &line.action;
        let due = a.due.map(|d| d.to_string()).unwrap_or_default();
        let status = if line.overdue {
            format!("{} — EN RETARD", status_label(a.status))
        } else {
            status_label(a.status).to_string()
        };
        t.row(vec![
            a.id.clone(),
            a.criteria.join(" "),
            a.title.clone(),
            due,
            status,
        ]);
    }
    out.push_str(&t.render(usize::from(width)));
    if !follow.principles.is_empty() {
        let mut t = Table::new(&[
            "Principe",
            "Actions",
            "Réalisées",
            "En cours",
            "En retard",
            "Avancement",
        ])
        .right(&[1, 2, 3, 4, 5]);
        for p in &follow.principles {
            let progress = (p.done * 100).checked_div(p.total).unwrap_or(0);
            t.row(vec![
                format!("{} {}", p.id, p.title),
                p.total.to_string(),
                p.done.to_string(),
                p.in_progress.to_string(),
                p.overdue.to_string(),
                format!("{progress} %"),
            ]);
        }
        out.push_str("\nAvancement par principe :\n");
        out.push_str(&t.render(usize::from(width)));
    }
    out.lines()
        .map(|l| l.trim_end().to_string() + "\n")
        .collect()
}

/// The follow-up as JSON (`"format": 1`).
pub fn follow_up_json(follow: &FollowUp, structure: &str) -> String {
    let actions: Vec<_> = follow
        .actions
        .iter()
        .map(|l| {
            let a = &l.action;
            json!({
                "id": a.id, "criteres": a.criteria, "titre": a.title, "responsable": a.owner,
                "echeance": a.due.map(|d| d.to_string()), "statut": a.status.keyword(), "en_retard": l.overdue,
            })
        })
        .collect();
    let principles: Vec<_> = follow
        .principles
        .iter()
        .map(|p| json!({ "id": p.id, "titre": p.title, "actions": p.total, "realisees": p.done, "en_cours": p.in_progress, "en_retard": p.overdue }))
        .collect();
    super::to_json(
        &json!({ "format": 1, "structure": structure, "actions": actions, "principes": principles, "en_retard": follow.overdue() }),
    )
}

fn status_label(status: crate::plan::ActionStatus) -> &'static str {
    use crate::plan::ActionStatus::*;
    match status {
        ToDo => "à faire",
        InProgress => "en cours",
        Done => "réalisée",
        Abandoned => "abandonnée",
    }
}
