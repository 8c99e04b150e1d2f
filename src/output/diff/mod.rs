//! `label diff`: what changed between two versions of a referential, as
//! text, Markdown release notes, or JSON (`"format": 1`, docs/formats.md).

mod json;
mod markdown;

use std::fmt::Write as _;

use crate::versions::{Changes, Field, FieldChange, Named};

pub use json::render as json;
pub use markdown::render as markdown;

/// French name of a criterion field.
fn label(field: Field) -> &'static str {
    match field {
        Field::Title => "intitulé",
        Field::Description => "description",
        Field::Principle => "principe",
        Field::Expected => "niveau attendu",
        Field::Imperative => "impératif",
        Field::NotApplicable => "non concerné possible",
        Field::Evidence => "preuves attendues",
        Field::Indicators => "indicateurs",
        Field::Questions => "questions d'audit",
        Field::Rubric => "grille du critère",
        Field::SeeAlso => "renvois",
        Field::Applicability => "types de structure",
    }
}

/// One change in a few words: `oui → non`, `+2, −1`, or the field's name.
fn summary(change: &FieldChange) -> String {
    let name = label(change.field);
    if change.field.is_list() {
        let added = change
            .after
            .iter()
            .filter(|a| !change.before.contains(a))
            .count();
        let removed = change
            .before
            .iter()
            .filter(|b| !change.after.contains(b))
            .count();
        let counted = |n: usize, what: &str| match n {
            0 => None,
            1 => Some(format!("1 {what}")),
            n => Some(format!("{n} {what}s")),
        };
        let parts: Vec<String> = [counted(added, "ajout"), counted(removed, "retrait")]
            .into_iter()
            .flatten()
            .collect();
        if parts.is_empty() {
            return format!("{name} réordonnés");
        }
        return format!("{name} : {}", parts.join(", "));
    }
    match change.field {
        // Release notes name the former title: a reader knows it by heart.
        Field::Title => match change.before.first() {
            Some(before) => format!("{name} reformulé (auparavant « {before} »)"),
            None => format!("{name} reformulé"),
        },
        Field::Description => format!("{name} reformulé{}", feminine(change.field)),
        _ => format!(
            "{name} : {} → {}",
            change.before.join(", "),
            change.after.join(", ")
        ),
    }
}

fn feminine(field: Field) -> &'static str {
    if field == Field::Description { "e" } else { "" }
}

fn ids(list: &[Named]) -> String {
    list.iter()
        .map(|n| n.id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The heading every format shares.
fn heading(changes: &Changes) -> String {
    if changes.old_referential != changes.referential {
        // Two different referentials: both are named.
        return format!(
            "de {} {} à {} {} (deux référentiels différents)",
            changes.old_referential, changes.old_version, changes.referential, changes.new_version
        );
    }
    format!(
        "{} : de la version {} à la version {}",
        changes.referential, changes.old_version, changes.new_version
    )
}

/// Plain text: each kind of change, then the details of each field.
pub fn text(changes: &Changes) -> String {
    let mut out = format!("{}\n", heading(changes));
    if !changes.mapped {
        out.push_str("(la nouvelle version ne porte pas de correspondances depuis l'ancienne : identifiants comparés tels quels)\n");
    }
    if changes.is_empty() {
        out.push_str("\nAucun changement.\n");
        return out;
    }
    let mut section = |title: &str, lines: Vec<String>| {
        if !lines.is_empty() {
            let _ = writeln!(out, "\n{title} ({})", lines.len());
            for line in lines {
                let _ = writeln!(out, "  {line}");
            }
        }
    };
    section(
        "Critères ajoutés",
        changes
            .added
            .iter()
            .map(|n| format!("{}  {}", n.id, n.title))
            .collect(),
    );
    section(
        "Critères renommés",
        changes
            .renamed
            .iter()
            .map(|m| format!("{} → {}  {}", m.old.id, ids(&m.new), m.old.title))
            .collect(),
    );
    section(
        "Critères scindés",
        changes
            .split
            .iter()
            .map(|m| format!("{} → {}  {}", m.old.id, ids(&m.new), m.old.title))
            .collect(),
    );
    section(
        "Critères fusionnés",
        changes
            .merged
            .iter()
            .map(|(new, olds)| format!("{} → {}  {}", ids(olds), new.id, new.title))
            .collect(),
    );
    section(
        "Critères supprimés",
        changes
            .removed
            .iter()
            .map(|(n, why)| match why {
                Some(why) => format!("{}  {} — {why}", n.id, n.title),
                None => format!("{}  {}", n.id, n.title),
            })
            .collect(),
    );
    let mut details = Vec::new();
    for c in &changes.changed {
        details.push(format!(
            "{}{}  {}",
            c.criterion.id,
            formerly(c),
            c.criterion.title
        ));
        for change in &c.changes {
            details.push(format!("  · {}", detail(change)));
        }
    }
    let count = changes.changed.len();
    if count > 0 {
        let _ = writeln!(out, "\nCritères modifiés ({count})");
        for line in details {
            let _ = writeln!(out, "  {line}");
        }
    }
    let mut section = |title: &str, lines: Vec<String>| {
        if !lines.is_empty() {
            let _ = writeln!(out, "\n{title}");
            for line in lines {
                let _ = writeln!(out, "  {line}");
            }
        }
    };
    section(
        "Principes renommés",
        changes
            .principles
            .iter()
            .map(|(id, before, after)| format!("{id}  « {before} » → « {after} »"))
            .collect(),
    );
    section(
        "Échelle, règles et cycle",
        changes
            .settings
            .iter()
            .map(|(what, before, after)| format!("{what} : {before} → {after}"))
            .collect(),
    );
    out
}

/// One field in full: before and after for a value, items for a list.
fn detail(change: &FieldChange) -> String {
    let name = label(change.field);
    if !change.field.is_list() {
        return format!(
            "{name} : « {} » → « {} »",
            change.before.join(" "),
            change.after.join(" ")
        );
    }
    let mut parts = Vec::new();
    for item in change.after.iter().filter(|a| !change.before.contains(a)) {
        parts.push(format!("+ {item}"));
    }
    for item in change.before.iter().filter(|b| !change.after.contains(b)) {
        parts.push(format!("− {item}"));
    }
    format!("{name} : {}", parts.join(" ; "))
}

/// ` (ex-OLD)` for a renamed criterion.
fn formerly(c: &crate::versions::Changed) -> String {
    if c.old_id == c.criterion.id {
        String::new()
    } else {
        format!(" (ex-{})", c.old_id)
    }
}
