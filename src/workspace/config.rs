//! `label.toml`: read with serde, its errors told in French at their line.

use serde::Deserialize;

use crate::diagnostics::{Code, Diagnostic, Finding, Location, Severity};
use crate::yaml::Span;

/// The keys `label.toml` may hold, for messages.
pub const CONFIG_KEYS: &[&str] = &["referentiels", "structures", "anonymisation", "lint"];

/// `label.toml`: every key optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub referentiels: Option<String>,
    pub structures: Option<String>,
    #[serde(default)]
    pub anonymisation: Anonymisation,
    #[serde(default)]
    pub lint: Lint,
}

/// `[lint]` of `label.toml`: what `lint` and `validate` show.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lint {
    /// Warning codes the team chose not to see (as `--ignore`).
    #[serde(default)]
    pub ignore: Vec<String>,
}

/// A code that `--ignore` or `[lint] ignore` may name: a known code
/// (CLI001), and a warning (CLI002): hiding an error would turn a failing
/// check green, and a note never fails a run anyway.
pub fn ignorable(text: &str) -> Result<Code, Finding> {
    let wanted = text.trim().to_uppercase();
    let Some(code) = Code::parse(&wanted) else {
        let names = Code::ALL.iter().map(|c| c.as_str());
        return Err(Finding::UnknownCode {
            code: text.to_string(),
            suggestion: crate::suggest::closest(&wanted, names),
        });
    };
    match code.severity() {
        Severity::Warning => Ok(code),
        severity => Err(Finding::CodeNotIgnorable {
            code: code.as_str().to_string(),
            severity: severity.label(),
        }),
    }
}

/// `[anonymisation]` of `label.toml`: what `--anonyme` uses (§4.6).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Anonymisation {
    /// Secret salt of the pseudonym order (`--sel` wins).
    pub sel: Option<String>,
    /// Statistical secrecy threshold (default 3).
    pub seuil: Option<usize>,
}

impl Config {
    /// Parses `text`; an error becomes a CFG diagnostic at its place.
    pub fn parse(text: &str, shown: &str) -> Result<Config, Diagnostic> {
        toml::from_str::<Config>(text).map_err(|error| {
            let range = error.span().unwrap_or(0..0);
            let span = span_at(text, range.start, range.len());
            let found = text.get(range).unwrap_or("");
            let finding = translate(error.message(), text, span, found);
            Diagnostic::new(finding, Location::new(shown, span))
        })
    }
}

/// The toml crate speaks English; users read French. Known messages are
/// translated, the rest reported as a plain syntax error.
fn translate(message: &str, text: &str, span: Span, found: &str) -> Finding {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let key = rest.split('`').next().unwrap_or("").to_string();
        let suggestion = crate::suggest::closest(&key, CONFIG_KEYS.iter().copied());
        return Finding::ConfigUnknownKey {
            key,
            suggestion,
            known: CONFIG_KEYS,
        };
    }
    if message.starts_with("invalid type") {
        let key = key_of_line(text, span).unwrap_or_else(|| found.to_string());
        return Finding::ConfigWrongType {
            key,
            expected: "une chaîne de caractères entre guillemets (un chemin)",
        };
    }
    let detail = SYNTAX
        .iter()
        .find(|(english, _)| message.starts_with(english))
        .map_or("texte inattendu à cet endroit", |(_, french)| french);
    Finding::ConfigSyntax {
        detail: detail.to_string(),
    }
}

const SYNTAX: &[(&str, &str)] = &[
    ("unclosed array", "liste non fermée : « ] » attendu"),
    (
        "unclosed table",
        "en-tête de table non fermé : « ] » attendu",
    ),
    ("duplicate key", "clé en double"),
    (
        "string values must be quoted",
        "les valeurs texte s'écrivent entre guillemets",
    ),
    ("invalid basic string", "texte non terminé : « \" » attendu"),
    (
        "invalid literal string",
        "texte non terminé : « ' » attendu",
    ),
    ("key with no value", "clé sans valeur : « = » attendu"),
    ("invalid table header", "en-tête de table invalide"),
    ("invalid inline table", "table en ligne invalide"),
    ("invalid array", "liste invalide"),
    (
        "unclosed inline table",
        "table en ligne non fermée : « } » attendu",
    ),
];

/// The key written at the start of the line of `span`, if any.
fn key_of_line(text: &str, span: Span) -> Option<String> {
    let line = text.lines().nth(span.line.checked_sub(1)? as usize)?;
    let key = line.split('=').next()?.trim().trim_matches('"');
    (!key.is_empty()).then(|| key.to_string())
}

/// Line and column (in characters) of a byte offset.
pub fn span_at(text: &str, offset: usize, len: usize) -> Span {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or("");
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    Span {
        line: u32::try_from(line).unwrap_or(u32::MAX),
        column: u32::try_from(column).unwrap_or(u32::MAX),
        offset,
        len,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(text: &str) -> Diagnostic {
        match Config::parse(text, "label.toml") {
            Err(d) => d,
            Ok(config) => panic!("accepted: {config:?}"),
        }
    }

    #[test]
    fn unclosed_array_is_told_in_french_at_its_line() {
        let d = finding("structures = \"s\"\nreferentiels = [\"a\"\n");
        assert_eq!(d.code.as_str(), "CFG001");
        assert!(d.message.contains("« ] » attendu"), "{}", d.message);
        assert_eq!(d.location.span.line, 2);
    }

    #[test]
    fn unknown_key_suggests_the_close_one() {
        let d = finding("referentiel = \"x\"\n");
        assert_eq!(d.code.as_str(), "CFG002");
        assert_eq!(
            d.help.as_deref(),
            Some("vouliez-vous dire « referentiels » ?")
        );
    }

    #[test]
    fn wrong_type_names_the_key() {
        let d = finding("referentiels = 3\n");
        assert_eq!(d.code.as_str(), "CFG003");
        assert!(
            d.message.starts_with("« referentiels » doit être"),
            "{}",
            d.message
        );
    }
}
