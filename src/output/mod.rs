//! Output formats. Each format has one renderer; renderers only present what
//! the library computed.

pub mod audit;
pub mod checklist;
mod concise;
pub mod evaluation;
pub mod fiches;
mod github;
mod gitlab;
pub mod html;
mod json;
mod junit;
pub mod plan;
mod sarif;
pub mod table;
mod text;
pub mod wrap;

use clap::ValueEnum;

use crate::diagnostics::Report;

/// `--format` for commands that report diagnostics (§4.6).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DiagnosticFormat {
    /// Extraits de source annotés, pour une personne
    Text,
    /// Une ligne par diagnostic : fichier:ligne:colonne: gravité[CODE]: message
    Concise,
    /// JSON stable (`"format": 1`)
    Json,
    /// Commandes de workflow GitHub Actions
    Github,
    /// SARIF 2.1.0
    Sarif,
    /// JUnit XML
    Junit,
    /// GitLab Code Quality
    Gitlab,
}

/// Whether the human format may use colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Color {
    Always,
    Never,
}

/// Renders a report of diagnostics in the chosen format.
pub fn render_diagnostics(report: &Report, format: DiagnosticFormat, color: Color) -> String {
    match format {
        DiagnosticFormat::Text => text::render(report, color),
        DiagnosticFormat::Concise => concise::render(report),
        DiagnosticFormat::Json => json::render(report),
        DiagnosticFormat::Github => github::render(report),
        DiagnosticFormat::Sarif => sarif::render(report),
        DiagnosticFormat::Junit => junit::render(report),
        DiagnosticFormat::Gitlab => gitlab::render(report),
    }
}

pub use crate::escape::{spreadsheet_cell, terminal_safe, visible};
pub use concise::line as concise_line;
pub use evaluation::markdown_cell;
pub use json::diagnostic as diagnostic_json;
pub use junit::escape as xml_escape;
pub use text::diagnostics as render_diagnostics_only;
pub use text::plural;

/// JSON pretty-printed with a final newline; our values always serialize.
pub(crate) fn to_json(value: &serde_json::Value) -> String {
    let mut text = inert_json(&serde_json::to_string_pretty(value).unwrap_or_default());
    text.push('\n');
    text
}

/// JSON escapes C0 controls only: DEL and the C1 controls (U+0080 to
/// U+009F, among them CSI) become `\u00XX` escapes too, so that a JSON
/// output read in a terminal holds no control sequence. They can only
/// stand inside strings, where the escape means the same character.
pub(crate) fn inert_json(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if ('\u{7f}'..='\u{9f}').contains(&c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}
