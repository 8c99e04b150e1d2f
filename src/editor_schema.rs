//! JSON Schemas for editors: written under the workspace's `.label/`, and
//! named at the top of each file the tool writes by a modeline
//! (`# yaml-language-server: $schema=…`) holding a path relative to it.

use std::fs;
use std::path::{Component, Path, PathBuf};

use crate::schema::{self, Kind};

/// The folder of generated files in a workspace.
pub const FOLDER: &str = ".label";

/// Where the schema of `kind` goes in the workspace rooted at `root`.
pub fn location(root: &Path, kind: Kind) -> PathBuf {
    root.join(FOLDER).join(kind.file_name())
}

/// Writes the schema of `kind` at `path` unless it is already there; the
/// file is generated, never edited by hand.
pub fn write(path: &Path, kind: Kind) -> Result<(), String> {
    let text = schema::json_schema(kind);
    if fs::read_to_string(path).ok().as_deref() == Some(text.as_str()) {
        return Ok(());
    }
    path.parent()
        .map_or(Ok(()), fs::create_dir_all)
        .and_then(|_| fs::write(path, text))
        .map_err(|e| format!("écriture du schéma impossible : {e}"))
}

/// `to` relative to the folder `from`, with `/` separators; either may not
/// exist yet.
pub fn relative_path(from: &Path, to: &Path) -> String {
    let (from, to) = (canonical(from), canonical(to));
    let a: Vec<Component> = from.components().collect();
    let b: Vec<Component> = to.components().collect();
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut parts: Vec<String> = vec!["..".to_string(); a.len() - common];
    parts.extend(
        b[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}

/// The canonical path of the longest existing ancestor, and the rest as is.
fn canonical(path: &Path) -> PathBuf {
    if let Ok(found) = fs::canonicalize(path) {
        return found;
    }
    match (path.parent(), path.file_name()) {
        (Some(parent), Some(name)) => canonical(parent).join(name),
        _ => path.to_path_buf(),
    }
}
