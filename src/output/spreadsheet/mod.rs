//! `label export`: the self-assessment of one structure as a spreadsheet,
//! `xlsx` (drop-downs, locked reference columns) or `csv`. Both hold the
//! same cells; `label import` reads either back.

mod csv;
mod xlsx;

use clap::ValueEnum;

pub use csv::render as csv;
pub use xlsx::render as xlsx;

/// `--format` of `label export`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SheetFormat {
    /// Classeur Excel (ouvert aussi par LibreOffice) : listes déroulantes, colonnes de référence verrouillées
    Xlsx,
    /// Une ligne par critère, texte
    Csv,
}
