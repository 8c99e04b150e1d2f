//! `label checklist`: the auditors' checklist of one structure, as
//! `markdown`, `csv` (with the Excel variant) or one self-contained `html`
//! file. Every text here is the same in each format.

mod csv;
mod html;
mod markdown;
pub(crate) use markdown::text as markdown_text;

use clap::ValueEnum;

use crate::checklist::{ActionRef, Checklist, EvidenceCheck, EvidenceState, Item, Rung};

/// `--format` of `label checklist`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ChecklistFormat {
    /// Markdown, à lire ou à convertir
    Markdown,
    /// Une ligne par critère, pour un tableur
    Csv,
    /// Un seul fichier HTML autonome, imprimable (A4)
    Html,
}

/// Renders the checklist; `excel` (csv only): `;` and a UTF-8 BOM.
pub fn render(checklist: &Checklist, format: ChecklistFormat, excel: bool) -> String {
    match format {
        ChecklistFormat::Markdown => markdown::render(checklist),
        ChecklistFormat::Csv => csv::render(checklist, excel),
        ChecklistFormat::Html => html::render(checklist),
    }
}

const TITLE: &str = "Liste de contrôle d'audit";
const NO_DESCRIPTION: &str = "(pas de description)";
const FINDING_CHOICES: &str = "☐ conforme  ☐ NC mineure  ☐ NC majeure  ☐ non concerné";

/// « 3 (Satisfait) ».
fn level(rung: &Rung) -> String {
    if rung.label.is_empty() {
        rung.value.to_string()
    } else {
        format!("{} ({})", rung.value, rung.label)
    }
}

/// The expected level, and whether the criterion is imperative.
fn expected(item: &Item) -> String {
    let imperative = if item.imperative { ", impératif" } else { "" };
    format!("{}{imperative}", level(&item.expected))
}

/// One line of the rubric: « 2 Partiellement satisfait : … ».
fn rung_line(rung: &Rung) -> String {
    let text = rung.text.as_deref().unwrap_or(NO_DESCRIPTION);
    format!("{} {} : {text}", rung.value, rung.label)
}

/// What the structure declared, in one phrase.
fn declared(item: &Item) -> String {
    match (&item.declared.not_applicable, &item.declared.level) {
        (Some(why), _) => format!("non concerné, justification à vérifier : « {why} »"),
        (None, Some(rung)) => level(rung),
        (None, None) => "non renseigné".to_string(),
    }
}

fn evidence_state(state: EvidenceState) -> &'static str {
    match state {
        EvidenceState::Present => "présente",
        EvidenceState::Missing => "introuvable",
        EvidenceState::Url => "adresse web, non consultée",
    }
}

/// « preuves/x.pdf (présente) ».
fn evidence_line(evidence: &EvidenceCheck) -> String {
    format!("{} ({})", evidence.text, evidence_state(evidence.state))
}

/// « A01 — titre (à faire, échéance 30 septembre 2026) ».
fn action_line(action: &ActionRef) -> String {
    let mut facts = vec![super::plan::status_label(action.status).to_string()];
    if let Some(due) = action.due {
        facts.push(format!("échéance {}", due.french()));
    }
    if action.origin == Some(crate::plan::Origin::Audit) {
        facts.push("issue d'un audit".to_string());
    }
    format!("{} — {} ({})", action.id, action.title, facts.join(", "))
}

/// Who the structure is, in one line.
fn structure_line(checklist: &Checklist) -> String {
    let mut facts = vec![checklist.structure.clone(), checklist.kind.to_string()];
    if let Some(region) = &checklist.region {
        facts.push(region.clone());
    }
    format!("{} ({})", checklist.name, facts.join(", "))
}

/// The referential, in one line.
fn referential_line(checklist: &Checklist) -> String {
    format!(
        "{} ({} {})",
        checklist.referential_title, checklist.referential, checklist.version
    )
}
