//! The self-assessment as a spreadsheet, both ways (`label export`,
//! `label import`): one row per criterion that applies to the structure,
//! reference columns from the referential, answer columns from
//! `autoevaluation.yaml`. Reading a filled sheet back gives edits of the
//! YAML text through [`crate::yaml::edit`], never a rewritten file.

mod apply;
mod cells;
mod csv_file;
mod grid;
mod import;
mod ods_guard;
mod table;

use crate::referential::{Criterion, Referential};
use crate::self_assessment::{Answer, Evidence, SelfAssessment};

pub use grid::read as read_grid;
pub use import::{Imported, Target, import};
pub use table::{Cell, Grid};

/// The name of the one sheet of an exported workbook.
pub const SHEET_NAME: &str = "Autoévaluation";

/// What the level column holds for a criterion declared not concerned.
pub const NOT_APPLICABLE: &str = "non concerné";

/// The columns, in the order of the export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    /// The structure's id: `label import` refuses the sheet of another
    /// structure (TAB009).
    Structure,
    Principle,
    Criterion,
    Title,
    Rubric,
    ExpectedEvidence,
    Level,
    Comment,
    Evidence,
    Justification,
}

impl Column {
    pub const ALL: [Column; 10] = [
        Column::Structure,
        Column::Principle,
        Column::Criterion,
        Column::Title,
        Column::Rubric,
        Column::ExpectedEvidence,
        Column::Level,
        Column::Comment,
        Column::Evidence,
        Column::Justification,
    ];

    /// The header a person reads, and `label import` looks for.
    pub fn header(self) -> &'static str {
        match self {
            Column::Structure => "Structure",
            Column::Principle => "Principe",
            Column::Criterion => "Critère",
            Column::Title => "Titre",
            Column::Rubric => "Grille",
            Column::ExpectedEvidence => "Preuves attendues",
            Column::Level => "Niveau",
            Column::Comment => "Commentaire",
            Column::Evidence => "Preuves",
            Column::Justification => "Justification si non concerné",
        }
    }

    /// The answer columns, the only ones a person fills in.
    pub fn is_answer(self) -> bool {
        matches!(
            self,
            Column::Level | Column::Comment | Column::Evidence | Column::Justification
        )
    }

    /// Its place in the export, from 0.
    pub fn index(self) -> usize {
        Column::ALL.iter().position(|c| *c == self).unwrap_or(0)
    }

    /// Every header, as a help text lists them.
    pub fn headers() -> String {
        let headers: Vec<String> = Column::ALL
            .iter()
            .map(|c| format!("« {} »", c.header()))
            .collect();
        headers.join(", ")
    }
}

/// What the level cell of a row holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LevelCell {
    Empty,
    Value(i64),
    NotApplicable,
}

/// One row of the export: the criterion, and the structure's answer.
#[derive(Clone, Debug)]
pub struct Row {
    /// The structure's id, from `autoevaluation.yaml`.
    pub structure: String,
    pub principle: String,
    pub id: String,
    pub title: String,
    /// One line per level: `3 Satisfait — …`.
    pub rubric: String,
    /// One line per piece of evidence an auditor expects.
    pub expected_evidence: String,
    pub level: LevelCell,
    pub comment: String,
    /// One path or address per line.
    pub evidence: String,
    pub justification: String,
    /// What the level's drop-down offers: the scale's values, and
    /// « non concerné » where the criterion allows it.
    pub choices: Vec<String>,
}

impl Row {
    /// The text of a cell (the level as written in CSV).
    pub fn text(&self, column: Column) -> String {
        match column {
            Column::Structure => self.structure.clone(),
            Column::Principle => self.principle.clone(),
            Column::Criterion => self.id.clone(),
            Column::Title => self.title.clone(),
            Column::Rubric => self.rubric.clone(),
            Column::ExpectedEvidence => self.expected_evidence.clone(),
            Column::Level => match &self.level {
                LevelCell::Empty => String::new(),
                LevelCell::Value(value) => value.to_string(),
                LevelCell::NotApplicable => NOT_APPLICABLE.to_string(),
            },
            Column::Comment => self.comment.clone(),
            Column::Evidence => self.evidence.clone(),
            Column::Justification => self.justification.clone(),
        }
    }
}

/// The whole sheet of one structure.
#[derive(Clone, Debug)]
pub struct Sheet {
    /// `ml-pays-de-vitre — missions-locales 1.0.0`, for the document's title.
    pub title: String,
    /// The scale in one line: `1 Non satisfait, 2 Partiellement…`.
    pub legend: String,
    pub rows: Vec<Row>,
}

/// The sheet of a valid self-assessment: every criterion that applies to
/// the structure's type, in referential order.
pub fn sheet(assessment: &SelfAssessment, referential: &Referential) -> Sheet {
    let kind = assessment.structure.kind;
    let rows = referential
        .principles
        .iter()
        .flat_map(|p| p.criteria.iter().map(move |c| (p, c)))
        .filter(|(_, c)| c.applies_to(kind))
        .map(|(p, c)| Row {
            structure: assessment.structure.id.clone(),
            ..row(&p.id, c, referential, assessment.answers.get(&c.id))
        })
        .collect();
    let legend: Vec<String> = referential
        .scale
        .levels
        .iter()
        .map(|l| format!("{} {}", l.value, l.label))
        .collect();
    Sheet {
        legend: legend.join(", "),
        title: format!(
            "{} — {} {}",
            assessment.structure.id, referential.id, referential.version
        ),
        rows,
    }
}

fn row(principle: &str, c: &Criterion, referential: &Referential, answer: Option<&Answer>) -> Row {
    let scale = &referential.scale;
    let rubric: Vec<String> = scale
        .levels
        .iter()
        .map(|l| match c.descriptor(scale, l.value) {
            Some(text) => format!("{} {} — {}", l.value, l.label, text.trim()),
            None => format!("{} {}", l.value, l.label),
        })
        .collect();
    let empty = Answer::default();
    let answer = answer.unwrap_or(&empty);
    let level = match (answer.level, &answer.not_applicable) {
        (_, Some(_)) => LevelCell::NotApplicable,
        (Some(value), None) => LevelCell::Value(value),
        (None, None) => LevelCell::Empty,
    };
    let mut choices: Vec<String> = scale.levels.iter().map(|l| l.value.to_string()).collect();
    if c.not_applicable_allowed {
        choices.push(NOT_APPLICABLE.to_string());
    }
    Row {
        structure: String::new(),
        principle: principle.to_string(),
        id: c.id.clone(),
        title: c.title.to_string(),
        rubric: rubric.join("\n"),
        expected_evidence: c.evidence.join("\n"),
        level,
        comment: answer
            .comment
            .clone()
            .unwrap_or_default()
            .trim()
            .to_string(),
        evidence: evidence_lines(&answer.evidence),
        justification: answer.not_applicable.clone().unwrap_or_default(),
        choices,
    }
}

fn evidence_lines(evidence: &[Evidence]) -> String {
    let lines: Vec<&str> = evidence
        .iter()
        .map(|e| match e {
            Evidence::File(path) => path.as_str(),
            Evidence::Url(url) => url.as_str(),
        })
        .filter(|e| !e.is_empty())
        .collect();
    lines.join("\n")
}
