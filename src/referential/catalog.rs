//! Finding a referential by id and version: the workspace's
//! `referentiels/` first, then the copies embedded in the binary (§4.2).

use std::fs;
use std::path::{Path, PathBuf};

use super::embedded;
use super::load::{Loaded, Parts, read_path, validate};

/// Where referentials are looked up.
#[derive(Clone, Debug)]
pub struct Catalog {
    /// The workspace's referentials folder, when it exists.
    dir: Option<PathBuf>,
    dir_name: String,
    /// Paths are shown relative to this folder (the current one).
    cwd: Option<PathBuf>,
}

/// One referential the catalog knows of, not yet read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub id: String,
    pub version: String,
    /// Path on disk; `None` for an embedded copy.
    pub path: Option<PathBuf>,
}

impl Catalog {
    pub fn new(dir: Option<PathBuf>) -> Catalog {
        let dir_name = dir
            .as_ref()
            .and_then(|d| d.file_name())
            .map_or("referentiels".to_string(), |n| {
                n.to_string_lossy().into_owned()
            });
        Catalog {
            dir: dir.filter(|d| d.is_dir()),
            dir_name,
            cwd: None,
        }
    }

    /// Shows paths relative to `cwd` in messages.
    pub fn shown_from(mut self, cwd: &Path) -> Catalog {
        self.cwd = Some(cwd.to_path_buf());
        self
    }

    pub fn dir_name(&self) -> &str {
        &self.dir_name
    }

    /// The workspace's referentials, sorted by id and version.
    pub fn workspace_entries(&self) -> Vec<Entry> {
        let Some(dir) = &self.dir else {
            return Vec::new();
        };
        let mut entries = Vec::new();
        for id_dir in sorted_children(dir) {
            let id = file_name(&id_dir);
            for path in sorted_children(&id_dir) {
                let version = if path.is_dir() {
                    file_name(&path)
                } else if path.extension().is_some_and(|e| e == "yaml") {
                    path.file_stem()
                        .map_or(String::new(), |s| s.to_string_lossy().into_owned())
                } else {
                    continue;
                };
                entries.push(Entry {
                    id: id.clone(),
                    version,
                    path: Some(path),
                });
            }
        }
        entries
    }

    /// The embedded referentials, as parts ready to validate.
    pub fn embedded(&self) -> Vec<Parts> {
        embedded::all()
    }

    /// Every `id@version` available, workspace first.
    pub fn versions(&self, id: &str) -> Vec<String> {
        let mut versions: Vec<String> = self
            .workspace_entries()
            .into_iter()
            .filter(|e| e.id == id)
            .map(|e| e.version)
            .chain(
                embedded::all()
                    .into_iter()
                    .filter_map(|p| p.place)
                    .filter(|p| p.id == id)
                    .map(|p| p.version),
            )
            .collect();
        versions.sort_by(|a, b| compare_versions(a, b));
        versions.dedup();
        versions
    }

    /// Reads and validates `id@version`, from the workspace or embedded.
    pub fn find(&self, id: &str, version: &str) -> Option<Loaded> {
        let on_disk = self
            .workspace_entries()
            .into_iter()
            .find(|e| e.id == id && e.version == version)
            .and_then(|e| e.path);
        if let Some(path) = on_disk {
            let relative = self.cwd.as_ref().and_then(|c| path.strip_prefix(c).ok());
            let shown = relative.unwrap_or(&path).display().to_string();
            return Some(validate(read_path(&path, &shown, &self.dir_name)));
        }
        embedded::all()
            .into_iter()
            .find(|p| {
                p.place
                    .as_ref()
                    .is_some_and(|pl| pl.id == id && pl.version == version)
            })
            .map(validate)
    }

    /// The highest version of `id`.
    pub fn latest(&self, id: &str) -> Option<Loaded> {
        let version = self.versions(id).pop()?;
        self.find(id, &version)
    }
}

fn compare_versions(a: &str, b: &str) -> std::cmp::Ordering {
    match (semver::Version::parse(a), semver::Version::parse(b)) {
        (Ok(x), Ok(y)) => x.cmp(&y),
        _ => a.cmp(b),
    }
}

fn sorted_children(dir: &Path) -> Vec<PathBuf> {
    let mut children: Vec<PathBuf> = fs::read_dir(dir)
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    children.sort();
    children
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or(String::new(), |n| n.to_string_lossy().into_owned())
}
