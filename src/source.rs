//! Reading input files as text, refusing what must not be parsed.

use std::fs;
use std::path::Path;

use crate::diagnostics::{Diagnostic, Finding, Location};
use crate::yaml::Span;

/// Larger files are refused before parsing: a referential of 5,000 criteria
/// is about 5 MB.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// A file's text and the path shown to users.
#[derive(Clone, Debug)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
}

impl SourceFile {
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Self {
        SourceFile {
            path: path.into(),
            text: text.into(),
        }
    }

    /// Reads a file, checking its size and encoding.
    pub fn read(path: &Path, shown: &str) -> Result<SourceFile, Diagnostic> {
        let location = Location::file(shown);
        let meta = fs::metadata(path).map_err(|e| io_diagnostic(&e, location.clone()))?;
        if meta.len() > MAX_FILE_BYTES {
            let detail = format!(
                "{} octets, plus que la limite de {} octets",
                meta.len(),
                MAX_FILE_BYTES
            );
            return Err(Diagnostic::new(Finding::Limit { detail }, location));
        }
        let bytes = fs::read(path).map_err(|e| io_diagnostic(&e, location.clone()))?;
        Self::from_bytes(shown, bytes)
    }

    /// Decodes bytes as UTF-8, pointing at the first invalid byte.
    pub fn from_bytes(shown: &str, bytes: Vec<u8>) -> Result<SourceFile, Diagnostic> {
        match String::from_utf8(bytes) {
            Ok(text) => Ok(SourceFile::new(shown, text)),
            Err(error) => {
                let valid = error.utf8_error().valid_up_to();
                let prefix = String::from_utf8_lossy(&error.as_bytes()[..valid]).into_owned();
                let span = span_at_end(&prefix);
                Err(Diagnostic::new(
                    Finding::NotUtf8,
                    Location::new(shown, span),
                ))
            }
        }
    }
}

/// The position just after `text`.
fn span_at_end(text: &str) -> Span {
    let line = text.matches('\n').count() + 1;
    let last = text.rfind('\n').map_or(text, |i| &text[i + 1..]);
    Span {
        line: u32::try_from(line).unwrap_or(u32::MAX),
        column: u32::try_from(last.chars().count() + 1).unwrap_or(u32::MAX),
        offset: text.len(),
        len: 0,
    }
}

/// An I/O failure as a diagnostic: missing paths and unreadable files.
pub fn io_diagnostic(error: &std::io::Error, location: Location) -> Diagnostic {
    match error.kind() {
        std::io::ErrorKind::NotFound => Diagnostic::new(Finding::PathNotFound, location),
        _ => Diagnostic::new(
            Finding::Unreadable {
                detail: io_reason(error),
            },
            location,
        ),
    }
}

/// An I/O failure told in French, with the system's error number for
/// whoever must dig further.
pub fn io_reason(error: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    let reason = match error.kind() {
        NotFound => "fichier ou dossier introuvable",
        PermissionDenied => "permission refusée",
        AlreadyExists => "le fichier existe déjà",
        StorageFull => "plus de place sur le disque",
        ReadOnlyFilesystem => "système de fichiers en lecture seule",
        BrokenPipe => "la sortie a été fermée",
        IsADirectory => "c'est un dossier",
        NotADirectory => "ce n'est pas un dossier",
        InvalidData => "données invalides",
        Interrupted => "opération interrompue",
        OutOfMemory => "mémoire insuffisante",
        _ => "erreur d'entrée-sortie",
    };
    match error.raw_os_error() {
        Some(code) => format!("{reason} (erreur système {code})"),
        None => reason.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_points_at_the_first_bad_byte() {
        let bytes = b"a: 1\nb: \xe9t\xe9\n".to_vec();
        let diag = SourceFile::from_bytes("x.yaml", bytes).unwrap_err();
        assert_eq!(diag.location.span.line, 2);
        assert_eq!(diag.location.span.column, 4);
    }
}
