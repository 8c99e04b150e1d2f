//! The schemas editors read, written under the workspace's `.label/`, and
//! the modeline that points a YAML file at its schema.

use std::fs;
use std::path::{Component, Path, PathBuf};

use crate::referential::Referential;
use crate::write::{WriteError, write_atomically};

use super::Kind;

/// Folder of generated schemas, at the workspace root.
pub const FOLDER: &str = ".label";

/// `.label/<kind>.schema.json`: the generic schema of a kind of file.
pub fn kind_path(root: &Path, kind: Kind) -> PathBuf {
    root.join(FOLDER).join(kind.file_name())
}

/// `.label/<referentiel>/<version>/autoevaluation.schema.json`: the
/// self-assessment schema specific to one referential version.
pub fn self_assessment_path(root: &Path, referential: &Referential) -> PathBuf {
    root.join(FOLDER)
        .join(&referential.id)
        .join(referential.version.to_string())
        .join(Kind::Autoevaluation.file_name())
}

/// Writes `.label/<kind>.schema.json` (only when its text changed) and
/// returns its path. For `label plan` and any command writing a file.
pub fn write_kind_schema(root: &Path, kind: Kind) -> Result<PathBuf, WriteError> {
    let path = kind_path(root, kind);
    crate::write::check_no_link(root, &path)?;
    write_if_changed(&path, &super::json_schema(kind))?;
    Ok(path)
}

/// Writes the self-assessment schema of `referential` under `.label/`
/// (only when its text changed) and returns its path.
pub fn write_self_assessment_schema(
    root: &Path,
    referential: &Referential,
) -> Result<PathBuf, WriteError> {
    let path = self_assessment_path(root, referential);
    crate::write::check_no_link(root, &path)?;
    write_if_changed(&path, &super::self_assessment_schema(referential))?;
    Ok(path)
}

fn write_if_changed(path: &Path, text: &str) -> Result<(), WriteError> {
    // Read like any input: a FIFO or a huge file there is never waited for.
    let current = crate::source::SourceFile::read(path, "").ok();
    if current.is_some_and(|c| c.text == text) {
        return Ok(());
    }
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(WriteError::Io)?;
    }
    write_atomically(path, text)
}

/// The first line of a YAML file in `dir` whose schema is `schema`:
/// `# yaml-language-server: $schema=<relative path>`, with its newline.
pub fn modeline(dir: &Path, schema: &Path) -> String {
    format!(
        "# yaml-language-server: $schema={}\n",
        relative_path(dir, schema)
    )
}

/// `to` relative to the folder `from`, with `/` separators.
pub fn relative_path(from: &Path, to: &Path) -> String {
    let from = canonical(from);
    let to = canonical(to);
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

/// A path with links resolved, even when its end does not exist yet.
fn canonical(path: &Path) -> PathBuf {
    for base in path.ancestors() {
        if let Ok(resolved) = fs::canonicalize(base) {
            let rest = path.strip_prefix(base).unwrap_or(Path::new(""));
            return resolved.join(rest);
        }
    }
    path.to_path_buf()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modeline_is_relative_to_the_file_folder() -> std::io::Result<()> {
        let root = tempfile::tempdir()?;
        let dir = root.path().join("structures/ml");
        fs::create_dir_all(&dir)?;
        let schema = root
            .path()
            .join(".label/essai/1.0.0/autoevaluation.schema.json");
        assert_eq!(
            modeline(&dir, &schema),
            "# yaml-language-server: $schema=../../.label/essai/1.0.0/autoevaluation.schema.json\n"
        );
        Ok(())
    }
}
