//! `markdown` of `label checklist`: one section per principle, one per
//! criterion; every text from a file is escaped so that it stays text.

use std::fmt::Write as _;

use super::{
    FINDING_CHOICES, NO_DESCRIPTION, TITLE, action_line, declared, evidence_line, expected,
    referential_line, structure_line,
};
use crate::checklist::{Checklist, Item};

pub fn render(checklist: &Checklist) -> String {
    let mut out = format!("# {TITLE} — {}\n\n", text(&checklist.name));
    let _ = writeln!(out, "- Structure : {}", text(&structure_line(checklist)));
    let _ = writeln!(
        out,
        "- Référentiel : {}",
        text(&referential_line(checklist))
    );
    let _ = writeln!(out, "- Dossier : {}", text(&checklist.folder));
    let count = checklist.items().count();
    let _ = writeln!(
        out,
        "- {} ; auditeurs : ……………… (certifié), ……………… (pair) ; dates : ………………",
        crate::french::plural(count, "critère applicable", "critères applicables")
    );
    for section in &checklist.principles {
        let _ = write!(out, "\n## {} — {}\n", section.id, text(&section.title));
        for item in &section.items {
            criterion(&mut out, item);
        }
    }
    out
}

fn criterion(out: &mut String, item: &Item) {
    let _ = write!(out, "\n### {} — {}\n\n", item.id, text(&item.title));
    if let Some(description) = &item.description {
        let _ = write!(out, "{}\n\n", text(description));
    }
    out.push_str("| Niveau | Ce que montre la structure |\n|---|---|\n");
    for rung in &item.rubric {
        let mark = if rung.value == item.expected.value {
            " (attendu)"
        } else {
            ""
        };
        let description = rung.text.as_deref().unwrap_or(NO_DESCRIPTION);
        let _ = writeln!(
            out,
            "| {} {}{mark} | {} |",
            rung.value,
            text(&rung.label),
            text(description)
        );
    }
    let _ = write!(out, "\n- Niveau attendu : {}\n", text(&expected(item)));
    if item.not_applicable_allowed {
        out.push_str("- Peut être déclaré non concerné\n");
    }
    list(out, "Preuves attendues", &item.evidence_expected);
    list(out, "Indicateurs", &item.indicators);
    list(out, "Questions d'audit", &item.questions);
    let _ = writeln!(out, "- À échantillonner : {}", item.sample.join(", "));
    out.push_str("\n**Déclaré par la structure**\n\n");
    let _ = writeln!(out, "- Niveau : {}", text(&declared(item)));
    let _ = writeln!(
        out,
        "- Statut de l'autoévaluation : {}",
        item.status.label()
    );
    if let Some(comment) = &item.declared.comment {
        let _ = writeln!(out, "- Commentaire : {}", text(comment));
    }
    let evidence: Vec<String> = item.declared.evidence.iter().map(evidence_line).collect();
    list(out, "Preuves déclarées", &evidence);
    let actions: Vec<String> = item.actions.iter().map(action_line).collect();
    list(out, "Actions du plan", &actions);
    let _ = write!(
        out,
        "\n**Constat** : {FINDING_CHOICES}\n\n- Observations :\n- Preuves consultées :\n"
    );
}

/// A bulleted item with its sub-items; nothing when empty.
fn list(out: &mut String, title: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(out, "- {title} :");
    for item in items {
        let _ = writeln!(out, "  - {}", text(item));
    }
}

/// Text from a file, inert in Markdown: on one line (a line break would
/// end a table row or a list item), its markup characters escaped, `<`
/// included so that no HTML passes.
pub(crate) fn text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let raw = raw.trim();
    if raw.starts_with(['-', '+']) {
        out.push('\\'); // not a nested list
    }
    // Nor an ordered one: « 1. » or « 1) » at the start.
    let digits = raw.chars().take_while(char::is_ascii_digit).count();
    let ordered = digits > 0 && raw[digits..].starts_with(['.', ')']);
    for (i, c) in raw.chars().enumerate() {
        if ordered && i == digits {
            out.push('\\');
        }
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            '\\' | '|' | '<' | '>' | '*' | '_' | '`' | '[' | ']' | '#' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::text;

    #[test]
    fn item_1_markdown_text_stays_text() {
        assert_eq!(text("a | b\nc"), "a \\| b c");
        assert_eq!(text("- rien"), "\\- rien");
        assert_eq!(text("12. douze"), "12\\. douze");
        assert_eq!(text("2026 : an"), "2026 : an");
        assert_eq!(
            text("<script>alert(1)</script>"),
            "\\<script\\>alert(1)\\</script\\>"
        );
        assert_eq!(
            text("**gras** _x_ [l](u)"),
            "\\*\\*gras\\*\\* \\_x\\_ \\[l\\](u)"
        );
    }
}
