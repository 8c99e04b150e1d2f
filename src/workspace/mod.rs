//! The workspace (§4.1): `label.toml` found by walking up, or defaults.

mod config;

use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Finding, Location};
use crate::referential::Catalog;

pub use config::{Anonymisation, CONFIG_KEYS, Config, ignorable, span_at};

pub const CONFIG_FILE: &str = "label.toml";

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
    /// `[lint] ignore`: warnings `lint` and `validate` do not show.
    pub ignore: Vec<crate::diagnostics::Code>,
}

impl Workspace {
    /// Walks up from `start` to the first `label.toml`; without one, the
    /// defaults apply relative to `start`. A folder that `label.toml` names
    /// and that does not exist is an error (CFG004).
    pub fn discover(start: &Path) -> Result<Workspace, Diagnostic> {
        let found = start
            .ancestors()
            // Anything named label.toml counts, so that a FIFO or a folder
            // there is reported rather than silently passed by.
            .find(|dir| std::fs::metadata(dir.join(CONFIG_FILE)).is_ok());
        let Some(root) = found else {
            return Ok(Workspace::with_config(
                start,
                start,
                None,
                Config::default(),
            ));
        };
        let path = root.join(CONFIG_FILE);
        let shown = shown_from(start, &path);
        let source = crate::source::SourceFile::read(&path, &shown)?;
        let config = Config::parse(&source.text, &shown)?;
        let folders = [
            ("referentiels", config.referentiels.as_deref()),
            ("structures", config.structures.as_deref()),
        ];
        for (key, folder) in folders {
            if let Some(folder) = folder
                && !root.join(folder).is_dir()
            {
                let finding = Finding::ConfigFolderMissing {
                    key,
                    folder: folder.to_string(),
                };
                let span = value_span(&source.text, key);
                return Err(Diagnostic::new(finding, Location::new(shown, span)));
            }
        }
        let ignore = ignored_codes(&config, &source.text, &shown)?;
        let mut workspace = Workspace::with_config(start, root, Some(path), config);
        workspace.ignore = ignore;
        Ok(workspace)
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
            ignore: Vec::new(),
        }
    }

    /// A path as users see it: relative to the current folder when inside it.
    pub fn shown(&self, path: &Path) -> String {
        shown_from(&self.cwd, path)
    }

    /// Where a note about the workspace as a whole points: its
    /// `label.toml`, else the current folder.
    pub fn note_location(&self) -> Location {
        let shown = self.config.as_ref().map_or(".".into(), |c| self.shown(c));
        Location::file(shown)
    }

    pub fn catalog(&self) -> Catalog {
        Catalog::new(Some(self.referentials.clone())).shown_from(&self.cwd)
    }

    /// The structure folder the current folder lies in, found by walking up
    /// as git finds its repository: not above the workspace's root when
    /// there is a `label.toml`.
    pub fn enclosing_structure(&self) -> Option<PathBuf> {
        let marker = crate::self_assessment::FILE_NAME;
        self.cwd
            .ancestors()
            .take_while(|dir| self.config.is_none() || dir.starts_with(&self.root))
            .find(|dir| dir.join(marker).is_file())
            .map(Path::to_path_buf)
    }
}

/// `path` as seen from `cwd`: below it, relative; in a folder above it
/// (the workspace's `label.toml` seen from a structure), with `..`.
fn shown_from(cwd: &Path, path: &Path) -> String {
    if let Ok(relative) = path.strip_prefix(cwd) {
        let text = relative.display().to_string();
        return if text.is_empty() { ".".into() } else { text };
    }
    match cwd
        .ancestors()
        .enumerate()
        .find(|(_, a)| path.starts_with(a))
    {
        Some((ups, ancestor)) if ups <= 8 && ancestor.parent().is_some() => {
            let rest = path.strip_prefix(ancestor).unwrap_or(path);
            let mut parts = vec![".."; ups];
            let rest = rest.display().to_string();
            if !rest.is_empty() {
                parts.push(&rest);
            }
            parts.join("/")
        }
        _ => path.display().to_string(),
    }
}

/// The codes of `[lint] ignore`; the first that is unknown (CLI001) or not
/// a warning (CLI002) stops the command, pointed at in `label.toml`.
fn ignored_codes(
    config: &Config,
    text: &str,
    shown: &str,
) -> Result<Vec<crate::diagnostics::Code>, Diagnostic> {
    config
        .lint
        .ignore
        .iter()
        .map(|code| {
            ignorable(code).map_err(|finding| {
                let quoted = [format!("\"{code}\""), format!("'{code}'")];
                let span = quoted
                    .iter()
                    .find_map(|q| text.find(q.as_str()).map(|at| span_at(text, at, q.len())))
                    .unwrap_or(crate::yaml::Span::START);
                Diagnostic::new(finding, Location::new(shown, span))
            })
        })
        .collect()
}

/// Where `key = …` is written in `label.toml`, to point at it.
fn value_span(text: &str, key: &str) -> crate::yaml::Span {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix(key)
            && rest.trim_start().starts_with('=')
        {
            let start = offset + (line.len() - trimmed.len());
            return span_at(text, start, key.len());
        }
        offset += line.len();
    }
    crate::yaml::Span::START
}
