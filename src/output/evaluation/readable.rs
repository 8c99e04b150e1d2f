//! `csv --lisible` of `label evaluate`: the CSV a person opens in a
//! spreadsheet. French headers, criterion titles, statuses in French; for
//! each structure one summary row (rate, completeness, readiness for
//! audit, with the reasons), then one row per criterion. A text a
//! spreadsheet would read as a formula is neutralised. The raw `csv`
//! stays the machine format.

use crate::escape::spreadsheet_cell;
use crate::evaluation::{Evaluation, StructureEvaluation};

use super::{EvaluationView, NOT_EVALUATED, rate, reason, yes_no};

const HEADER: [&str; 14] = [
    "Structure",
    "Nom",
    "Région",
    "Référentiel",
    "Critère",
    "Titre",
    "Statut",
    "Niveau",
    "Niveau attendu",
    "Impératif",
    "Actions du plan",
    "Taux de conformité",
    "Complétude",
    "Prête pour l'audit",
];

/// The summary row's title, in the « Titre » column.
const SUMMARY: &str = "Synthèse de la structure";

pub fn render(view: &EvaluationView, excel: bool) -> String {
    crate::output::csv_document(excel, HEADER, |writer| {
        for structure in view.in_network_order() {
            for row in rows(structure) {
                let _ = writer.write_record(row.iter().map(|c| spreadsheet_cell(c)));
            }
        }
    })
}

fn rows(s: &StructureEvaluation) -> Vec<[String; 14]> {
    let referential = match (&s.referential, &s.version) {
        (Some(r), Some(v)) => format!("{r} {v}"),
        (Some(r), None) => r.clone(),
        _ => String::new(),
    };
    let identity = [
        s.label().to_string(),
        s.name.clone().unwrap_or_default(),
        s.region.clone().unwrap_or_default(),
        referential,
    ];
    let row = |rest: [String; 10]| -> [String; 14] {
        let mut all: [String; 14] = Default::default();
        for (cell, value) in all.iter_mut().zip(identity.iter().cloned().chain(rest)) {
            *cell = value;
        }
        all
    };
    let Some(evaluation) = &s.evaluation else {
        let mut rest: [String; 10] = Default::default();
        rest[1] = SUMMARY.to_string();
        rest[2] = NOT_EVALUATED.to_string();
        return vec![row(rest)];
    };
    let mut rows = vec![row(summary(evaluation))];
    for c in &evaluation.criteria {
        rows.push(row([
            c.id.clone(),
            c.title.to_string(),
            c.status.label().to_string(),
            c.level.map(|l| l.to_string()).unwrap_or_default(),
            c.expected.to_string(),
            yes_no(c.imperative).to_string(),
            c.actions.join(", "),
            String::new(),
            String::new(),
            String::new(),
        ]));
    }
    rows
}

/// The summary columns of a structure: counts as its status, rate,
/// completeness, readiness with its reasons.
fn summary(evaluation: &Evaluation) -> [String; 10] {
    let summary = &evaluation.summary;
    let completeness = format!(
        "{} ({}/{})",
        if summary.is_complete() {
            "complète"
        } else {
            "incomplète"
        },
        summary.assessed(),
        summary.total()
    );
    let ready = if summary.ready {
        "oui".to_string()
    } else {
        let reasons: Vec<String> = evaluation.reasons.iter().map(reason).collect();
        format!("non : {}", reasons.join(" ; "))
    };
    [
        String::new(),
        SUMMARY.to_string(),
        super::counts(summary),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        rate(summary.rate),
        completeness,
        ready,
    ]
}
