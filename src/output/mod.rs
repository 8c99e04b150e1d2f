//! Output formats. Each format has one renderer; renderers only present what
//! the library computed.

pub mod audit;
pub mod checklist;
mod concise;
pub mod diff;
pub mod evaluation;
pub mod fiches;
mod github;
mod gitlab;
mod html;
mod json;
mod junit;
pub mod migrate;
pub mod plan;
pub mod report;
mod sarif;
pub mod spreadsheet;
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

/// Where every diagnostic code is documented, as an absolute address (SARIF
/// `helpUri`, editors): `docs/diagnostics.md` of the repository named in
/// `Cargo.toml`, on its main branch. The one place this address is made.
pub const DIAGNOSTICS_URL: &str = concat!(
    env!("CARGO_PKG_REPOSITORY"),
    "/blob/main/docs/diagnostics.md"
);

/// The documentation address of one code: its heading's anchor.
pub fn code_url(code: crate::diagnostics::Code) -> String {
    format!("{DIAGNOSTICS_URL}#{}", code.as_str().to_lowercase())
}

/// A relative path as a URI reference (RFC 3986): `/` separates segments,
/// every byte other than an unreserved character is percent-encoded
/// (spaces, accents, `#`, `%`…); on Windows, `\\` separators become `/`.
pub fn path_uri(path: &str) -> String {
    let path = if std::path::MAIN_SEPARATOR == '\\' {
        path.replace('\\', "/")
    } else {
        path.to_string()
    };
    let mut uri = String::with_capacity(path.len());
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                uri.push(char::from(byte));
            }
            _ => uri.push_str(&format!("%{byte:02X}")),
        }
    }
    uri
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

pub use crate::escape::{terminal_safe, visible};
pub use concise::line as concise_line;
pub use json::diagnostic as diagnostic_json;
pub use text::diagnostics as render_diagnostics_only;
pub use text::plural;

/// JSON pretty-printed with a final newline; our values always serialize.
pub(crate) fn to_json(value: &serde_json::Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_3_uris_are_percent_encoded() {
        assert_eq!(
            path_uri("structures/ml vitré/#1 100%.yaml"),
            "structures/ml%20vitr%C3%A9/%231%20100%25.yaml"
        );
        assert_eq!(path_uri("../a-b_c.d~e/f.yaml"), "../a-b_c.d~e/f.yaml");
    }

    #[test]
    fn item_3_help_uri_is_absolute() {
        let code = crate::diagnostics::Code::ALL[0];
        let url = code_url(code);
        assert!(url.starts_with("https://"), "{url}");
        assert!(url.ends_with(&format!(
            "/docs/diagnostics.md#{}",
            code.as_str().to_lowercase()
        )));
    }
}
