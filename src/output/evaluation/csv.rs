//! `csv` of `label evaluate`: one row per structure × criterion, one block
//! of rows per referential and version; a structure whose files have errors
//! has one row, with the status `non_evaluee_erreurs` (and its folder
//! as `structure` when even its id could not be read).

use crate::evaluation::StructureEvaluation;

use super::{EvaluationView, NOT_EVALUATED_KEYWORD};

const HEADER: [&str; 11] = [
    "structure",
    "nom",
    "region",
    "referentiel",
    "version",
    "critere",
    "statut",
    "niveau",
    "attendu",
    "imperatif",
    "actions",
];

pub fn render(view: &EvaluationView, excel: bool) -> String {
    crate::output::csv_document(excel, HEADER, |writer| {
        for structure in view.in_network_order() {
            write_structure(writer, structure);
        }
    })
}

use crate::escape::spreadsheet_cell as text_cell;

fn write_structure(writer: &mut csv::Writer<Vec<u8>>, s: &StructureEvaluation) {
    let texts = [
        text_cell(s.label()),
        text_cell(s.name.as_deref().unwrap_or("")),
        text_cell(s.region.as_deref().unwrap_or("")),
        text_cell(s.referential.as_deref().unwrap_or("")),
        text_cell(s.version.as_deref().unwrap_or("")),
    ];
    let identity = texts.each_ref().map(String::as_str);
    let Some(evaluation) = &s.evaluation else {
        let mut record = identity.to_vec();
        record.extend(["", NOT_EVALUATED_KEYWORD, "", "", "", ""]);
        let _ = writer.write_record(record);
        return;
    };
    for c in &evaluation.criteria {
        let level = c.level.map(|l| l.to_string()).unwrap_or_default();
        let expected = c.expected.to_string();
        let actions = c.actions.join(" ");
        let mut record = identity.to_vec();
        record.extend([
            c.id.as_str(),
            c.status.keyword(),
            level.as_str(),
            expected.as_str(),
            if c.imperative { "oui" } else { "non" },
            actions.as_str(),
        ]);
        let _ = writer.write_record(record);
    }
}

#[cfg(test)]
mod tests {
    use super::text_cell;

    #[test]
    fn formulas_and_control_characters_are_neutralised() {
        assert_eq!(text_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(text_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(text_cell("Nouv\u{1b}[31melle"), "Nouv\\u{1b}[31melle");
        assert_eq!(text_cell("Bretagne"), "Bretagne");
    }
}
