//! `csv` of `label checklist`: one row per criterion, ready to fill in a
//! spreadsheet (the last three columns). Lists are one item per line of the
//! cell. A cell a spreadsheet would read as a formula is neutralised.

use super::{action_line, evidence_line, rung_line};
use crate::checklist::{Checklist, Item};

const HEADER: [&str; 20] = [
    "principe",
    "critere",
    "titre",
    "attendu",
    "imperatif",
    "grille",
    "preuves_attendues",
    "indicateurs",
    "questions_audit",
    "a_echantillonner",
    "niveau_declare",
    "non_concerne",
    "statut",
    "commentaire",
    "preuves_declarees",
    "actions",
    "constat",
    "observations",
    "preuves_consultees",
    "piste_amelioration",
];

pub fn render(checklist: &Checklist, excel: bool) -> String {
    crate::output::csv_document(excel, HEADER, |writer| {
        for section in &checklist.principles {
            for item in &section.items {
                let record: Vec<String> = row(&section.id, item).iter().map(|c| inert(c)).collect();
                let _ = writer.write_record(&record);
            }
        }
    })
}

fn row(principle: &str, item: &Item) -> [String; 20] {
    let lines = |items: Vec<String>| items.join("\n");
    let declared = &item.declared;
    [
        principle.to_string(),
        item.id.clone(),
        item.title.clone(),
        item.expected.value.to_string(),
        if item.imperative { "oui" } else { "non" }.to_string(),
        lines(item.rubric.iter().map(rung_line).collect()),
        lines(item.evidence_expected.clone()),
        lines(item.indicators.clone()),
        lines(item.questions.clone()),
        item.sample.join(", "),
        declared
            .level
            .as_ref()
            .map(|l| l.value.to_string())
            .unwrap_or_default(),
        declared.not_applicable.clone().unwrap_or_default(),
        item.status.keyword().to_string(),
        declared.comment.clone().unwrap_or_default(),
        lines(declared.evidence.iter().map(evidence_line).collect()),
        lines(item.actions.iter().map(action_line).collect()),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
    ]
}

/// A cell safe in a spreadsheet (formula injection, control characters).
pub(super) fn inert(cell: &str) -> String {
    crate::escape::spreadsheet_cell(cell)
}

#[cfg(test)]
mod tests {
    use super::inert;

    #[test]
    fn item_1_formula_cells_are_neutralised() {
        for cell in ["=1+1", "+33", "-2", "@SUM(A1)", "\tx"] {
            assert_eq!(inert(cell), format!("'{cell}"));
        }
        // A carriage return is also made visible.
        assert_eq!(inert("\rx"), "'\\u{d}x");
        assert_eq!(inert("Procédure = écrite"), "Procédure = écrite");
    }
}
