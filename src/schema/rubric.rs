//! Texts an editor shows about a criterion and its levels (hover and
//! completion), in plain text and in Markdown.

use std::fmt::Write as _;

use crate::referential::{Criterion, Level, Referential};

/// What a level means for this criterion: its own descriptor (§4.2
/// `niveaux`), else the scale's rubric.
pub fn level_description<'r>(criterion: &'r Criterion, level: &'r Level) -> Option<&'r str> {
    criterion
        .level_descriptors
        .get(&level.value)
        .map(String::as_str)
        .or(level.description.as_deref())
        .map(str::trim)
        .filter(|d| !d.is_empty())
}

/// The expected level of a criterion, as « 3 (Satisfait) ».
pub fn expected(referential: &Referential, criterion: &Criterion) -> String {
    referential
        .scale
        .level(criterion.expected)
        .map_or(criterion.expected.to_string(), |l| {
            format!("{} ({})", l.value, one_line(&l.label))
        })
}

/// One level in a completion list: its label, rubric, and whether it is
/// the level expected for this criterion.
pub fn level_entry(criterion: &Criterion, level: &Level, markdown: bool) -> String {
    let label = one_line(&level.label);
    let mut text = if markdown {
        format!("**{}**", escape(&label))
    } else {
        label
    };
    if let Some(rubric) = level_description(criterion, level) {
        let rubric = one_line(rubric);
        text.push_str(" — ");
        text.push_str(&if markdown { escape(&rubric) } else { rubric });
    }
    if level.value == criterion.expected {
        text.push_str(if markdown {
            " · *niveau attendu*"
        } else {
            " (niveau attendu)"
        });
    }
    text
}

/// The criterion in plain text, for clients without Markdown.
pub fn criterion_text(referential: &Referential, criterion: &Criterion) -> String {
    let mut out = format!(
        "{} : {}.",
        expected_label(criterion),
        expected(referential, criterion)
    );
    if let Some(description) = &criterion.description {
        out.push(' ');
        out.push_str(&one_line(description));
    }
    if !criterion.evidence.is_empty() {
        let evidence: Vec<String> = criterion.evidence.iter().map(|e| one_line(e)).collect();
        let _ = write!(out, " Preuves attendues : {}.", evidence.join(" ; "));
    }
    if criterion.not_applicable_allowed {
        out.push_str(" Peut être déclaré non concerné.");
    }
    out
}

/// The criterion in Markdown, shown on hover over its id.
pub fn criterion_markdown(referential: &Referential, criterion: &Criterion) -> String {
    let mut out = format!(
        "{} : **{}**\n",
        expected_label(criterion),
        escape(&expected(referential, criterion))
    );
    if let Some(description) = &criterion.description {
        let _ = write!(out, "\n{}\n", escape(&one_line(description)));
    }
    out.push_str("\n**Niveaux**\n\n");
    for level in &referential.scale.levels {
        let _ = writeln!(
            out,
            "- {} {}",
            level.value,
            level_entry(criterion, level, true)
        );
    }
    if !criterion.evidence.is_empty() {
        out.push_str("\n**Preuves attendues**\n\n");
        for evidence in &criterion.evidence {
            let _ = writeln!(out, "- {}", escape(&one_line(evidence)));
        }
    }
    if criterion.not_applicable_allowed {
        out.push_str(
            "\nPeut être déclaré non concerné : `non_concerne:` suivi de la justification, \
             sans niveau.\n",
        );
    }
    out
}

/// As the template of `label init` says it.
fn expected_label(criterion: &Criterion) -> &'static str {
    if criterion.imperative {
        "Impératif · niveau attendu"
    } else {
        "Niveau attendu"
    }
}

/// Text on one line, spaces collapsed.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text shown as written in Markdown.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
