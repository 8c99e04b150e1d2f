//! `csv` of `label evaluate`: one row per structure × criterion.

use crate::evaluation::StructureEvaluation;

use super::EvaluationView;

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
    let mut writer = csv::WriterBuilder::new()
        .delimiter(if excel { b';' } else { b',' })
        .from_writer(Vec::new());
    let _ = writer.write_record(HEADER);
    for s in view.structures {
        write_structure(&mut writer, s);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    let text = String::from_utf8(bytes).unwrap_or_default();
    if excel {
        format!("\u{feff}{text}")
    } else {
        text
    }
}

fn write_structure(writer: &mut csv::Writer<Vec<u8>>, s: &StructureEvaluation) {
    for c in &s.evaluation.criteria {
        let level = c.level.map(|l| l.to_string()).unwrap_or_default();
        let _ = writer.write_record([
            s.id.as_str(),
            s.name.as_str(),
            s.region.as_deref().unwrap_or(""),
            s.referential.as_str(),
            s.version.as_str(),
            c.id.as_str(),
            c.status.keyword(),
            level.as_str(),
            &c.expected.to_string(),
            if c.imperative { "oui" } else { "non" },
            &c.actions.join(" "),
        ]);
    }
}
