//! Reading input files as text, refusing what must not be parsed.

use std::fs;
use std::io::Read;
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

    /// Reads a regular file ([`read_bytes`]) and checks its encoding.
    pub fn read(path: &Path, shown: &str) -> Result<SourceFile, Diagnostic> {
        Self::from_bytes(shown, read_bytes(path, shown)?)
    }

    /// Reads a file that must stay inside `root` (a structure folder, a
    /// referential): a link that leads out of it is not followed, so that no
    /// file from elsewhere is read, let alone quoted in a CI log (§4.1).
    pub fn read_within(path: &Path, shown: &str, root: &Path) -> Result<SourceFile, Diagnostic> {
        stays_within(path, shown, root)?;
        Self::read(path, shown)
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

/// The bytes of a regular file, at most [`MAX_FILE_BYTES`], counted while
/// reading (a device may claim any size). A FIFO or a device, even behind a
/// link, is refused before it is opened: it could block forever or never
/// end. Binary files (a workbook, a git ref) go through here too.
pub fn read_bytes(path: &Path, shown: &str) -> Result<Vec<u8>, Diagnostic> {
    let location = Location::file(shown);
    let meta = fs::metadata(path).map_err(|e| io_diagnostic(&e, location.clone()))?;
    if !meta.is_file() && !meta.is_dir() {
        return Err(Diagnostic::new(Finding::SpecialFile, location));
    }
    let too_big = |size: u64| {
        let detail =
            format!("{size} octets ou plus, plus que la limite de {MAX_FILE_BYTES} octets");
        Diagnostic::new(Finding::Limit { detail }, location.clone())
    };
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_big(meta.len()));
    }
    let file = fs::File::open(path).map_err(|e| io_diagnostic(&e, location.clone()))?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_diagnostic(&e, location.clone()))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Refuses a file of `root` reached through a link that leads out of it
/// (or a loop, or a dangling link): nothing from elsewhere is read.
fn stays_within(path: &Path, shown: &str, root: &Path) -> Result<(), Diagnostic> {
    // The file, or a folder between it and `root` (`audits/`…), may be a
    // link: one lstat per step, a full resolution only then.
    let is_link = path
        .ancestors()
        .take_while(|p| *p != root)
        .any(|p| fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink()));
    if is_link && let Some(finding) = link_leaves(path, root) {
        return Err(Diagnostic::new(finding, Location::file(shown)));
    }
    Ok(())
}

/// Opens a regular file inside `root` to stream its bytes (a report hashes
/// evidence files, which may be binary): a link out of `root`, a FIFO or a
/// device is refused before it is opened, a folder too.
pub fn open_within(path: &Path, shown: &str, root: &Path) -> Result<fs::File, Diagnostic> {
    stays_within(path, shown, root)?;
    let location = Location::file(shown);
    let meta = fs::metadata(path).map_err(|e| io_diagnostic(&e, location.clone()))?;
    if !meta.is_file() {
        return Err(Diagnostic::new(Finding::SpecialFile, location));
    }
    fs::File::open(path).map_err(|e| io_diagnostic(&e, location))
}

/// Why the link at `path` (or on its way from `root`) is not followed: it
/// leads out of `root`, loops or dangles. `None` when it stays inside.
pub fn link_leaves(path: &Path, root: &Path) -> Option<Finding> {
    match (fs::canonicalize(path), fs::canonicalize(root)) {
        (Ok(target), Ok(root)) if target.starts_with(&root) => None,
        // A loop or a dangling link: warnings, as for walked links.
        (Err(e), _) if crate::french::is_link_loop(&e) => Some(Finding::LinkLoop),
        (Err(_), _) => Some(Finding::BrokenLink),
        _ => Some(Finding::LinkedFileOutside),
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
        // A loop of links is a warning wherever it is met (§4.1).
        _ if crate::french::is_link_loop(error) => Diagnostic::new(Finding::LinkLoop, location),
        std::io::ErrorKind::NotFound => Diagnostic::new(Finding::PathNotFound, location),
        _ => Diagnostic::new(
            Finding::Unreadable {
                detail: io_reason(error),
            },
            location,
        ),
    }
}

pub use crate::french::io_reason;

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
