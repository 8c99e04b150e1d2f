//! Release notes in Markdown: a heading per kind of change, one line per
//! criterion, ready to paste.

use std::fmt::Write as _;

use crate::versions::{Changes, Named};

use super::{heading, ids, summary};

/// Markdown text a person pastes into a release note, escaped.
fn md(text: &str) -> String {
    crate::output::checklist::markdown_text(text)
}

fn named(n: &Named) -> String {
    format!("**{}** {}", md(&n.id), md(&n.title))
}

pub fn render(changes: &Changes) -> String {
    let mut out = format!("# {}\n", md(&heading(changes)));
    if !changes.mapped {
        out.push_str("\n_La nouvelle version ne porte pas de correspondances depuis l'ancienne : les identifiants sont comparés tels quels._\n");
    }
    if changes.is_empty() {
        out.push_str("\nAucun changement.\n");
        return out;
    }
    let mut section = |title: &str, lines: Vec<String>| {
        if !lines.is_empty() {
            let _ = writeln!(out, "\n## {title}\n");
            for line in lines {
                let _ = writeln!(out, "- {line}");
            }
        }
    };
    section(
        "Critères ajoutés",
        changes.added.iter().map(named).collect(),
    );
    section(
        "Critères renommés",
        changes
            .renamed
            .iter()
            .map(|m| {
                format!(
                    "**{}** devient **{}** : {}",
                    md(&m.old.id),
                    md(&ids(&m.new)),
                    md(&m.old.title)
                )
            })
            .collect(),
    );
    section(
        "Critères scindés",
        changes
            .split
            .iter()
            .map(|m| {
                let new: Vec<String> = m.new.iter().map(named).collect();
                format!(
                    "**{}** {} → {}",
                    md(&m.old.id),
                    md(&m.old.title),
                    new.join(" ; ")
                )
            })
            .collect(),
    );
    section(
        "Critères fusionnés",
        changes
            .merged
            .iter()
            .map(|(new, olds)| {
                let olds: Vec<String> = olds.iter().map(|o| format!("**{}**", md(&o.id))).collect();
                format!("{} → {}", olds.join(", "), named(new))
            })
            .collect(),
    );
    section(
        "Critères supprimés",
        changes
            .removed
            .iter()
            .map(|(n, why)| match why {
                Some(why) => format!("{} — {}", named(n), md(why)),
                None => named(n),
            })
            .collect(),
    );
    section(
        "Critères modifiés",
        changes
            .changed
            .iter()
            .map(|c| {
                let what: Vec<String> = c.changes.iter().map(summary).collect();
                let former = if c.old_id == c.criterion.id {
                    String::new()
                } else {
                    format!(" (ex-{})", md(&c.old_id))
                };
                let id = format!("**{}**{former}", md(&c.criterion.id));
                format!(
                    "{id} {} — {}",
                    md(&c.criterion.title),
                    md(&what.join(" ; "))
                )
            })
            .collect(),
    );
    section(
        "Principes renommés",
        changes
            .principles
            .iter()
            .map(|(id, before, after)| format!("**{}** {} → {}", md(id), md(before), md(after)))
            .collect(),
    );
    section(
        "Échelle, règles et cycle",
        changes
            .settings
            .iter()
            .map(|(what, before, after)| format!("{} : {} → {}", md(what), md(before), md(after)))
            .collect(),
    );
    out
}
