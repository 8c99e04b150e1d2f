//! What `label plan` shows: the summary of an update, its diff, and the
//! follow-up of the plan.

use std::fmt::Write as _;

use serde_json::json;

use crate::improvement::update::{Update, UpdateError};
use crate::improvement::verify::Violation;
use crate::improvement::{FollowUp, GapKind};
use crate::yaml::edit::Reason;

use super::text::plural;

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
        let n = update.added.len();
        let verb = match (written, update.before.is_some(), n > 1) {
            (false, _, false) => "serait ajoutée à",
            (false, _, true) => "seraient ajoutées à",
            (true, true, false) => "ajoutée à",
            (true, true, true) => "ajoutées à",
            (true, false, _) => "dans le nouveau",
        };
        let actions = crate::french::plural(n, "action", "actions");
        let _ = writeln!(out, "{actions} {verb} {path} :");
        for a in &update.added {
            let due = a.due.map_or_else(
                || "échéance à fixer (autoévaluation sans date)".to_string(),
                |d| format!("échéance le {}", d.french()),
            );
            let _ = writeln!(
                out,
                "  {}  {} ({}), {due}",
                a.id,
                a.criterion,
                gap_label(a.kind)
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
    let _ = write!(
        out,
        "{}, {}, {} en retard",
        crate::french::plural(follow.actions.len(), "action", "actions"),
        crate::french::plural(follow.done(), "réalisée", "réalisées"),
        follow.overdue()
    );
    unanswered_text(&mut out, follow);
    let mut t = Table::new(&["Action", "Critères", "Intitulé", "Échéance", "Statut"]);
    for line in &follow.actions {
        let a = &line.action;
        let due = a.due.map(|d| d.french()).unwrap_or_default();
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

/// The gaps without action, after the counts of the first line.
fn unanswered_text(out: &mut String, follow: &FollowUp) {
    if follow.unanswered.is_empty() {
        out.push_str(" ; chaque écart a son action.\n\n");
        return;
    }
    let count = follow.unanswered.len();
    let _ = writeln!(
        out,
        " ; {} :",
        plural(count, "écart sans action", "écarts sans action")
    );
    for gap in &follow.unanswered {
        // An action citing the criterion may exist: an audit
        // nonconformity wants its own action, of origin « audit ».
        let why = match gap.kind {
            GapKind::AuditMajor | GapKind::AuditMinor => {
                " de l'audit : aucune action « origine: audit »"
            }
            GapKind::Major | GapKind::Minor => "",
        };
        let _ = writeln!(out, "  {:<10} {}{why}", gap.criterion, gap_label(gap.kind));
    }
    out.push_str("« label plan » ajoute une action pour chacun.\n\n");
}

/// French name of a kind of gap.
pub fn gap_label(kind: GapKind) -> &'static str {
    match kind {
        GapKind::AuditMajor => "non-conformité majeure",
        GapKind::AuditMinor => "non-conformité mineure",
        GapKind::Major => "écart majeur",
        GapKind::Minor => "écart mineur",
    }
}

/// Why `label plan` wrote nothing, in French.
pub fn update_error(error: &UpdateError, path: &str) -> String {
    match error {
        UpdateError::Invalid => "fichiers invalides : lancez label validate".to_string(),
        UpdateError::Shape(e) if e.reason == Reason::Flow => format!(
            "{path} : la liste « actions » est écrite sur une ligne ([…]) ; écrivez-la en liste à tirets pour que label plan puisse la compléter. Rien n'a été modifié."
        ),
        UpdateError::Shape(e) => format!(
            "{path}:{e} ; label plan ne peut pas compléter la liste « actions » sans réécrire ce qui est écrit. Rien n'a été modifié."
        ),
        UpdateError::Internal(violation) => format!(
            "erreur interne, rien n'a été écrit : {}",
            violation_text(violation)
        ),
    }
}

fn violation_text(violation: &Violation) -> String {
    match violation {
        Violation::Unparsable(e) => e.to_string(),
        Violation::Changed { offset } => {
            format!("le texte d'origine serait modifié (octet {offset})")
        }
        Violation::Invalid(diagnostics) => diagnostics
            .iter()
            .map(super::concise_line)
            .collect::<Vec<_>>()
            .join(" ; "),
        Violation::Header => "l'en-tête du plan serait modifié".to_string(),
        Violation::Actions => {
            "les actions relues ne sont pas les actions d'avant suivies des nouvelles".to_string()
        }
    }
}

/// The follow-up as JSON (`"format": 1`).
pub fn follow_up_json(follow: &FollowUp) -> String {
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
    let unanswered: Vec<_> = follow
        .unanswered
        .iter()
        .map(|g| json!({ "critere": g.criterion, "nature": g.kind.keyword() }))
        .collect();
    super::to_json(
        &json!({ "format": 1, "structure": follow.structure, "actions": actions, "principes": principles, "en_retard": follow.overdue(), "ecarts_sans_action": unanswered, "sans_action": follow.unanswered.len() }),
    )
}

pub fn status_label(status: crate::plan::ActionStatus) -> &'static str {
    use crate::plan::ActionStatus::*;
    match status {
        ToDo => "à faire",
        InProgress => "en cours",
        Done => "réalisée",
        Abandoned => "abandonnée",
    }
}
