//! Renderers of `label evaluate`: one per format, presenting what
//! [`crate::evaluation`] computed.

mod csv;
mod json;
mod markdown;
mod text;

use std::collections::BTreeMap;

use clap::ValueEnum;

use crate::diagnostics::Report;
use crate::evaluation::{CriterionCounts, RegionSummary, StructureEvaluation};

/// `--format` for results (§4.6).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ResultFormat {
    /// Tableaux lisibles
    Text,
    /// JSON stable (`"format": 1`, §6.4)
    Json,
    /// Une ligne par structure et par critère
    Csv,
    /// Tableaux Markdown
    Markdown,
}

/// Everything an evaluation run shows.
pub struct EvaluationView<'a> {
    pub structures: &'a [StructureEvaluation],
    /// Per criterion counts, when several structures were evaluated.
    pub network: Option<Vec<CriterionCounts>>,
    /// Per region figures, on request.
    pub regions: Option<BTreeMap<String, RegionSummary>>,
    /// Problems of the structures that could not be evaluated.
    pub report: &'a Report,
}

/// Options of the human and CSV renderers.
#[derive(Clone, Copy, Debug)]
pub struct RenderOptions {
    /// Table width in columns.
    pub width: u16,
    /// `;` separator and a UTF-8 BOM, as French Excel expects.
    pub excel: bool,
}

/// Writes the view in `format`. JSON is streamed: a large network never
/// sits in memory as text.
pub fn write(
    view: &EvaluationView,
    format: ResultFormat,
    options: RenderOptions,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    match format {
        ResultFormat::Text => out.write_all(text::render(view, options.width).as_bytes()),
        ResultFormat::Json => json::write(view, out),
        ResultFormat::Csv => out.write_all(csv::render(view, options.excel).as_bytes()),
        ResultFormat::Markdown => out.write_all(markdown::render(view).as_bytes()),
    }
}

/// A rate the French way: `88,2 %`.
pub fn percent(rate: f64) -> String {
    format!("{rate:.1} %").replace('.', ",")
}

/// Levels as `2/3` (reached / expected), or `—/3`.
pub fn levels(level: Option<i64>, expected: i64) -> String {
    match level {
        Some(level) => format!("{level}/{expected}"),
        None => format!("—/{expected}"),
    }
}
