//! Output formats. Each format has one renderer; renderers only present what
//! the library computed.

pub mod audit;
pub mod checklist;
mod concise;
mod csv_document;
pub mod diff;
pub mod evaluation;
pub mod fiches;
mod github;
mod gitlab;
pub mod html;
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

pub use crate::escape::{spreadsheet_cell, terminal_safe, visible};
pub use concise::line as concise_line;
pub use csv_document::csv_document;
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

/// [`inert_json`] as a stream, for JSON written as it is serialized.
pub(crate) struct InertJson<'a> {
    out: &'a mut dyn std::io::Write,
    /// A 0xC2 lead byte whose next byte has not come yet.
    pending: bool,
}

impl<'a> InertJson<'a> {
    pub(crate) fn new(out: &'a mut dyn std::io::Write) -> Self {
        InertJson {
            out,
            pending: false,
        }
    }

    /// Writes a lead byte left alone at the very end (never, in UTF-8).
    pub(crate) fn finish(self) -> std::io::Result<()> {
        if self.pending {
            self.out.write_all(&[0xc2])?;
        }
        Ok(())
    }
}

impl std::io::Write for InertJson<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut start = 0;
        for (i, &byte) in buf.iter().enumerate() {
            if self.pending {
                self.pending = false;
                if (0x80..=0x9f).contains(&byte) {
                    write!(self.out, "\\u{:04x}", byte)?;
                } else {
                    self.out.write_all(&[0xc2, byte])?;
                }
                start = i + 1;
            } else if byte == 0x7f {
                self.out.write_all(&buf[start..i])?;
                self.out.write_all(b"\\u007f")?;
                start = i + 1;
            } else if byte == 0xc2 {
                self.out.write_all(&buf[start..i])?;
                self.pending = true;
                start = i + 1;
            }
        }
        self.out.write_all(&buf[start..])?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
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

#[cfg(test)]
mod inert_tests {
    use std::io::Write;

    #[test]
    fn c1_controls_and_del_are_escaped_in_strings_and_streams() {
        let text = "\"a\u{9b}2J\u{7f}é\u{85}\"";
        let expected = "\"a\\u009b2J\\u007fé\\u0085\"";
        assert_eq!(super::inert_json(text), expected);
        let mut out = Vec::new();
        let mut inert = super::InertJson::new(&mut out);
        // Byte by byte: a lead byte and its follower in two writes.
        for byte in text.as_bytes() {
            inert.write_all(&[*byte]).unwrap();
        }
        inert.finish().unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), expected);
    }
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
