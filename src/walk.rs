//! Walking folders for referentials or structure folders (§4.1): links are
//! never followed out of the walked tree, and a link loop is a warning.
//!
//! A hand-written walk rather than `walkdir`: a structure folder is found by
//! one `stat` of its marker file and never opened, which is most of the
//! walk's cost on a large network (docs/performance.md).

use std::fs;
use std::path::{Path, PathBuf};

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
    let mut walker = Walker {
        marker,
        cwd,
        real_root: fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf()),
        found: Walk::default(),
    };
    match fs::metadata(root) {
        Ok(meta) if meta.is_dir() => walker.folders(root.to_path_buf()),
        Ok(_) => walker.file(root),
        Err(error) => walker.unreadable(root, &error),
    }
    walker.found
}

struct Walker<'a> {
    marker: &'a str,
    cwd: &'a Path,
    real_root: PathBuf,
    found: Walk,
}

impl Walker<'_> {
    /// Depth first, in file-name order, with an explicit stack of sorted
    /// listings: a deep tree cannot overflow the call stack.
    fn folders(&mut self, root: PathBuf) {
        let mut stack = Vec::new();
        self.enter(root, &mut stack);
        while let Some(listing) = stack.last_mut() {
            let Some((path, kind)) = listing.next() else {
                stack.pop();
                continue;
            };
            if kind.is_symlink() {
                let shown = Location::file(self.shown(&path));
                let usable =
                    link_stays_inside(&path, &self.real_root, shown, &mut self.found.diagnostics);
                // A link to a folder inside the tree is walked through its
                // real path.
                if usable && !path.is_dir() {
                    self.file(&path);
                }
            } else if kind.is_dir() {
                self.enter(path, &mut stack);
            } else {
                self.file(&path);
            }
        }
    }

    /// A folder holding the marker is kept and never opened; any other is
    /// listed, sorted by name, on top of the stack.
    fn enter(
        &mut self,
        dir: PathBuf,
        stack: &mut Vec<std::vec::IntoIter<(PathBuf, fs::FileType)>>,
    ) {
        // A marker that is not a regular file (a FIFO, a folder) still
        // makes a structure folder: reading it says what is wrong.
        if fs::metadata(dir.join(self.marker)).is_ok() {
            self.found.folders.push(dir);
            return;
        }
        let listing = match fs::read_dir(&dir) {
            Ok(listing) => listing,
            Err(error) => return self.unreadable(&dir, &error),
        };
        let mut entries = Vec::new();
        for entry in listing {
            match entry.and_then(|e| Ok((e.path(), e.file_type()?))) {
                Ok(entry) => entries.push(entry),
                Err(error) => self.unreadable(&dir, &error),
            }
        }
        entries.sort_by(|a, b| a.0.file_name().cmp(&b.0.file_name()));
        stack.push(entries.into_iter());
    }

    fn file(&mut self, path: &Path) {
        if is_yaml(path) && path.file_name().is_some_and(|n| n != self.marker) {
            self.found.yaml_files.push(path.to_path_buf());
        }
    }

    fn unreadable(&mut self, path: &Path, error: &std::io::Error) {
        let location = Location::file(self.shown(path));
        self.found
            .diagnostics
            .push(crate::source::io_diagnostic(error, location));
    }

    fn shown(&self, path: &Path) -> String {
        let relative = path
            .strip_prefix(self.cwd)
            .unwrap_or(path)
            .display()
            .to_string();
        if relative.is_empty() {
            ".".into()
        } else {
            relative
        }
    }
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
