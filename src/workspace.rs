//! The workspace (§4.1): `label.toml` found by walking up, or defaults.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diagnostics::{Diagnostic, Finding, Location};
use crate::referential::Catalog;
use crate::yaml::Span;

pub const CONFIG_FILE: &str = "label.toml";

/// `label.toml`: every key optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Config {
    referentiels: Option<String>,
    structures: Option<String>,
    #[serde(default)]
    anonymisation: Anonymisation,
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

/// Where a workspace's referentials and structures live.
#[derive(Clone, Debug)]
pub struct Workspace {
    pub root: PathBuf,
    /// Path of `label.toml`, when there is one.
    pub config: Option<PathBuf>,
    pub referentials: PathBuf,
    pub structures: PathBuf,
    /// Folder the command runs from: paths are shown relative to it.
    pub cwd: PathBuf,
    pub anonymisation: Anonymisation,
}

impl Workspace {
    /// Walks up from `start` to the first `label.toml`; without one, the
    /// defaults apply relative to `start`.
    pub fn discover(start: &Path) -> Result<Workspace, Diagnostic> {
        let found = start
            .ancestors()
            .find(|dir| dir.join(CONFIG_FILE).is_file());
        let Some(root) = found else {
            return Ok(Workspace::with_config(
                start,
                start,
                None,
                Config::default(),
            ));
        };
        let path = root.join(CONFIG_FILE);
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(&path)
            .map_err(|e| crate::source::io_diagnostic(&e, Location::file(&shown)))?;
        match toml::from_str::<Config>(&text) {
            Ok(config) => Ok(Workspace::with_config(start, root, Some(path), config)),
            Err(error) => {
                let span = error
                    .span()
                    .map_or(Span::START, |r| span_at(&text, r.start, r.len()));
                let detail = error.message().to_string();
                let finding = Finding::Syntax { detail };
                Err(Diagnostic::new(finding, Location::new(shown, span)))
            }
        }
    }

    fn with_config(
        cwd: &Path,
        root: &Path,
        config_path: Option<PathBuf>,
        config: Config,
    ) -> Workspace {
        Workspace {
            cwd: cwd.to_path_buf(),
            root: root.to_path_buf(),
            config: config_path,
            referentials: root.join(config.referentiels.as_deref().unwrap_or("referentiels")),
            structures: root.join(config.structures.as_deref().unwrap_or("structures")),
            anonymisation: config.anonymisation,
        }
    }

    /// A path as users see it: relative to the current folder when inside it.
    pub fn shown(&self, path: &Path) -> String {
        let relative = path.strip_prefix(&self.cwd).unwrap_or(path);
        let text = relative.display().to_string();
        if text.is_empty() { ".".into() } else { text }
    }

    pub fn catalog(&self) -> Catalog {
        Catalog::new(Some(self.referentials.clone()))
    }
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
