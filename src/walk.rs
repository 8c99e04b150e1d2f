//! Walking folders for referentials or structure folders (§4.1): links are
//! never followed out of the walked tree, and a link loop is a warning.

use std::fs;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::diagnostics::{Diagnostic, Finding, Location};

/// What a walk found.
#[derive(Debug, Default)]
pub struct Walk {
    /// Folders holding the marker file; not descended into.
    pub folders: Vec<PathBuf>,
    /// YAML files outside such folders.
    pub yaml_files: Vec<PathBuf>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Walks `root`, in file-name order, collecting folders that hold `marker`.
/// Paths in diagnostics are shown relative to `cwd`.
pub fn walk(root: &Path, marker: &str, cwd: &Path) -> Walk {
    let shown = |path: &Path| {
        let relative = path.strip_prefix(cwd).unwrap_or(path).display().to_string();
        if relative.is_empty() {
            ".".into()
        } else {
            relative
        }
    };
    let mut found = Walk::default();
    let real_root = fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let mut entries = WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = entries.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let shown = shown(error.path().unwrap_or(root));
                // Without an I/O error, walkdir found a loop of links.
                let location = Location::file(shown);
                found.diagnostics.push(match error.io_error() {
                    Some(io) => crate::source::io_diagnostic(io, location),
                    None => Diagnostic::new(Finding::LinkLoop, location),
                });
                continue;
            }
        };
        let path = entry.path();
        if entry.path_is_symlink() {
            let location = Location::file(shown(path));
            if !link_stays_inside(path, &real_root, location, &mut found.diagnostics) {
                continue;
            }
            // A link to a folder inside the tree is walked through its real path.
            if path.is_dir() {
                continue;
            }
        }
        if path.is_dir() {
            // A marker that is not a regular file (a FIFO, a folder) still
            // makes a structure folder: reading it says what is wrong.
            if fs::metadata(path.join(marker)).is_ok() {
                found.folders.push(path.to_path_buf());
                entries.skip_current_dir();
            }
        } else if is_yaml(path) && path.file_name().is_some_and(|n| n != marker) {
            found.yaml_files.push(path.to_path_buf());
        }
    }
    found
}

fn is_yaml(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "yaml" || e == "yml")
}

/// Reports links that loop or lead out of the tree; true when the link may
/// be used.
fn link_stays_inside(
    link: &Path,
    real_root: &Path,
    shown: Location,
    diagnostics: &mut Vec<Diagnostic>,
) -> bool {
    let Ok(target) = fs::canonicalize(link) else {
        // Dangling or looping on itself: canonicalize fails either way.
        let finding = if is_loop(link) {
            Finding::LinkLoop
        } else {
            Finding::BrokenLink
        };
        diagnostics.push(Diagnostic::new(finding, shown));
        return false;
    };
    if !target.starts_with(real_root) {
        diagnostics.push(Diagnostic::new(Finding::LinkOutside, shown));
        return false;
    }
    let parent = link.parent().and_then(|p| fs::canonicalize(p).ok());
    if target.is_dir() && parent.as_ref().is_some_and(|p| p.starts_with(&target)) {
        diagnostics.push(Diagnostic::new(Finding::LinkLoop, shown));
        return false;
    }
    true
}

fn is_loop(link: &Path) -> bool {
    matches!(fs::metadata(link), Err(e) if e.raw_os_error() == Some(40))
}
