//! `label report`: the model of `report` as one self-contained HTML file,
//! Markdown (GitHub, GitLab) or JSON. The words come from the views
//! (`view.rs`, `network_view.rs`), shared by the HTML and Markdown
//! templates; every value a template prints is escaped for where it goes.

mod audit_view;
mod charts;
mod json;
mod network_view;
mod templates;
mod typography;
mod view;

use clap::ValueEnum;

use crate::report::{NetworkReport, StructureReport};

/// `--format` of `label report`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Un seul fichier HTML autonome, imprimable (A4)
    Html,
    /// Markdown, lisible sur GitLab et GitHub
    Markdown,
    /// JSON stable (`"format": 1`)
    Json,
}

/// A term and its value (a definition list, a two-column table).
type Pair = (String, String);

fn pair(a: &str, b: &str) -> Pair {
    (a.to_string(), b.to_string())
}

/// The report of one structure.
pub fn structure(report: &StructureReport, format: ReportFormat) -> String {
    match format {
        ReportFormat::Json => json::structure(report),
        ReportFormat::Html => templates::html("rapport.html", view::view(report)),
        ReportFormat::Markdown => templates::markdown("rapport.md", view::view(report)),
    }
}

/// The network synthesis.
pub fn network(report: &NetworkReport, format: ReportFormat) -> String {
    match format {
        ReportFormat::Json => json::network(report),
        ReportFormat::Html => templates::html("reseau.html", network_view::view(report)),
        ReportFormat::Markdown => templates::markdown("reseau.md", network_view::view(report)),
    }
}
