//! `html` of `label checklist`: one self-contained, printable file (A4, a
//! page per principle): inline CSS, no script, no external resource (the
//! frame and the escaping are in `output::html`).

use serde::Serialize;

use super::{
    FINDING_CHOICES, NO_DESCRIPTION, TITLE, action_line, declared, evidence_line, expected,
    referential_line, structure_line,
};
use crate::checklist::{Checklist, Item};

const TEMPLATE: &str = include_str!("checklist.html");

#[derive(Serialize)]
struct Page {
    title: &'static str,
    name: String,
    structure: String,
    referential: String,
    folder: String,
    count: usize,
    choices: &'static str,
    principles: Vec<Principle>,
}

#[derive(Serialize)]
struct Principle {
    id: String,
    title: String,
    items: Vec<Criterion>,
}

#[derive(Serialize)]
struct Criterion {
    id: String,
    title: String,
    description: Option<String>,
    /// (expected, level, descriptor)
    rubric: Vec<(bool, String, String)>,
    expected: String,
    not_applicable_allowed: bool,
    evidence_expected: Vec<String>,
    indicators: Vec<String>,
    questions: Vec<String>,
    sample: String,
    declared: String,
    status: &'static str,
    comment: Option<String>,
    evidence: Vec<String>,
    actions: Vec<String>,
}

pub fn render(checklist: &Checklist) -> String {
    let principles: Vec<Principle> = checklist
        .principles
        .iter()
        .map(|s| Principle {
            id: s.id.clone(),
            title: s.title.clone(),
            items: s.items.iter().map(criterion).collect(),
        })
        .collect();
    let page = Page {
        title: TITLE,
        name: checklist.name.clone(),
        structure: structure_line(checklist),
        referential: referential_line(checklist),
        folder: checklist.folder.clone(),
        count: checklist.items().count(),
        choices: FINDING_CHOICES,
        principles,
    };
    crate::output::html::render("checklist.html", TEMPLATE, page)
}

fn criterion(item: &Item) -> Criterion {
    Criterion {
        id: item.id.clone(),
        title: item.title.clone(),
        description: item.description.clone(),
        rubric: item
            .rubric
            .iter()
            .map(|r| {
                let level = format!("{} {}", r.value, r.label);
                let text = r.text.clone().unwrap_or_else(|| NO_DESCRIPTION.to_string());
                (r.value == item.expected.value, level, text)
            })
            .collect(),
        expected: expected(item),
        not_applicable_allowed: item.not_applicable_allowed,
        evidence_expected: item.evidence_expected.clone(),
        indicators: item.indicators.clone(),
        questions: item.questions.clone(),
        sample: item.sample.join(", "),
        declared: declared(item),
        status: item.status.label(),
        comment: item.declared.comment.clone(),
        evidence: item.declared.evidence.iter().map(evidence_line).collect(),
        actions: item.actions.iter().map(action_line).collect(),
    }
}
