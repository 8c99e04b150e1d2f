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

pub fn render(view: &EvaluationView, format: ResultFormat, options: RenderOptions) -> String {
    match format {
        ResultFormat::Text => text::render(view, options.width),
        ResultFormat::Json => json::render(view),
        ResultFormat::Csv => csv::render(view, options.excel),
        ResultFormat::Markdown => markdown::render(view),
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
