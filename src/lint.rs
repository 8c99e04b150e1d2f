//! `label lint`: gathering referentials from paths, the workspace or the
//! binary, and validating each one. Only referentials are linted: a path
//! is a referential file, a folder-form referential (or a file inside
//! one), or a folder holding them; structure files are never read as
//! referentials, and embedded referentials stand in only where there is no
//! workspace, with a note that says so.

use crate::diagnostics::VersionFinding;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Finding, Location, Report};
use crate::referential::{Catalog, Loaded, check_against, read_path, validate};
use crate::walk::walk;
use crate::workspace::Workspace;

/// The file that makes a folder a folder-form referential.
const FOLDER_MARKER: &str = "referentiel.yaml";

/// Lints the referentials at `paths`; with none, the workspace's, or the
/// embedded ones when there is no workspace.
pub fn lint(workspace: &Workspace, paths: &[PathBuf]) -> Report {
    let catalog = workspace.catalog();
    let mut report = Report::default();
    let mut targets = Vec::new();
    if paths.is_empty() {
        default_targets(workspace, &mut targets, &mut report);
    }
    for path in paths {
        let path = workspace.cwd.join(path);
        gather(workspace, &path, &mut targets, &mut report);
    }
    let mut seen = HashSet::new();
    for target in targets {
        let key = std::fs::canonicalize(&target).unwrap_or_else(|_| target.clone());
        if seen.insert(key) {
            let shown = workspace.shown(&target);
            let loaded = validate(read_path(&target, &shown, catalog.dir_name()));
            check_versions(&catalog, &loaded, &mut report);
            add(&mut report, loaded);
        }
    }
    if paths.is_empty() && workspace.config.is_none() && !workspace.referentials.is_dir() {
        embedded(&catalog, &mut report);
    }
    report
}

/// Lints one referential given as text (`label lint -`, standard input):
/// it has no place under `referentiels/` to check its id against, and its
/// reading may have failed already (too big, not UTF-8).
pub fn lint_source(source: Result<crate::source::SourceFile, Diagnostic>) -> Report {
    let mut report = Report::default();
    match source {
        Ok(source) => add(
            &mut report,
            validate(crate::referential::Parts::single(source, None)),
        ),
        Err(diagnostic) => {
            report.checked += 1;
            report.push(diagnostic);
        }
    }
    report
}

/// Without paths: the workspace's referentials folder; in a workspace
/// (`label.toml`) without one, nothing to lint is an error.
fn default_targets(workspace: &Workspace, targets: &mut Vec<PathBuf>, report: &mut Report) {
    let dir = &workspace.referentials;
    if dir.is_dir() {
        gather(workspace, dir, targets, report);
    } else if workspace.config.is_some() {
        let folder = workspace.shown(dir);
        let finding = Finding::NoWorkspaceReferentials { folder };
        report.push(Diagnostic::new(finding, workspace.note_location()));
    }
}

/// The embedded referentials, announced by a note (CFG005).
fn embedded(catalog: &Catalog, report: &mut Report) {
    let parts = catalog.embedded();
    let list: Vec<String> = parts
        .iter()
        .filter_map(|p| p.place.as_ref())
        .map(|p| format!("{} {}", p.id, p.version))
        .collect();
    let finding = Finding::EmbeddedReferentials {
        list: list.join(", "),
    };
    report.push(Diagnostic::new(finding, Location::file(".")));
    for part in parts {
        let loaded = validate(part);
        check_versions(catalog, &loaded, report);
        add(report, loaded);
    }
}

/// The referentials a path designates.
fn gather(workspace: &Workspace, path: &Path, targets: &mut Vec<PathBuf>, report: &mut Report) {
    let shown = workspace.shown(path);
    if path.symlink_metadata().is_err() {
        report.push(Diagnostic::new(
            Finding::PathNotFound,
            Location::file(shown),
        ));
        return;
    }
    if let Some(folder) = enclosing_folder_form(path) {
        targets.push(folder);
        return;
    }
    if !path.is_dir() {
        if is_structure_file(path) {
            // pre-commit passes every changed file: a structure file is
            // `label validate`'s, never read as a referential.
            report.push(Diagnostic::new(
                Finding::StructureFileSkipped,
                Location::file(shown),
            ));
        } else if let Err(error) = std::fs::canonicalize(path)
            && crate::french::is_link_loop(&error)
        {
            // Named on the command line: a loop is a path that cannot be
            // read (exit 2), not a link skipped during a walk.
            let detail = crate::french::io_reason(&error);
            report.push(Diagnostic::new(
                Finding::Unreadable { detail },
                Location::file(shown),
            ));
        } else {
            targets.push(path.to_path_buf());
        }
        return;
    }
    let found = walk(path, FOLDER_MARKER, &workspace.cwd);
    report.extend(found.diagnostics);
    let before = targets.len();
    targets.extend(found.folders);
    let files = found.yaml_files.into_iter();
    targets.extend(files.filter(|file| is_referential_file(path, file)));
    if targets.len() == before {
        report.push(Diagnostic::new(
            Finding::NoReferential,
            Location::file(shown),
        ));
    }
}

/// The folder-form referential that `path` is, or lies in: the folder
/// itself, its `referentiel.yaml`, its `principes/` or a file in it.
fn enclosing_folder_form(path: &Path) -> Option<PathBuf> {
    // `exists`, not `is_file`: a marker that cannot be read is reported by
    // the reader rather than skipped.
    let is_form = |dir: &Path| dir.join(FOLDER_MARKER).exists();
    let name = path.file_name()?.to_string_lossy();
    let parent = path.parent();
    if path.is_dir() {
        if is_form(path) {
            return Some(path.to_path_buf());
        }
        return parent
            .filter(|p| name == "principes" && is_form(p))
            .map(Path::to_path_buf);
    }
    let parent = parent?;
    if name == FOLDER_MARKER {
        return Some(parent.to_path_buf());
    }
    let grandparent = parent.parent()?;
    let in_principles = parent.file_name().is_some_and(|n| n == "principes");
    (in_principles && is_form(grandparent)).then(|| grandparent.to_path_buf())
}

/// Whether a YAML file met while walking `root` is a referential: never
/// inside a structure folder or a hidden folder, and with the top-level key
/// `referentiel` but none of a structure file's.
fn is_referential_file(root: &Path, file: &Path) -> bool {
    let relative = file.strip_prefix(root).unwrap_or(file);
    let hidden = relative
        .components()
        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
    let in_structure = file
        .ancestors()
        .skip(1)
        .take_while(|dir| dir.starts_with(root))
        .any(|dir| dir.join(crate::self_assessment::FILE_NAME).is_file());
    if hidden || in_structure {
        return false;
    }
    let Ok(text) = crate::source::SourceFile::read(file, "") else {
        // Unreadable: let the reader report it.
        return true;
    };
    let keys = top_level_keys(&text.text);
    keys.contains(&"referentiel")
        && !keys
            .iter()
            .any(|k| ["structure", "reponses", "actions", "constats"].contains(k))
}

/// `autoevaluation.yaml`, `plan.yaml`, `audit.yaml` (or a past audit), or
/// any file whose top-level keys are a structure file's.
fn is_structure_file(file: &Path) -> bool {
    let names = ["autoevaluation.yaml", "plan.yaml", "audit.yaml"];
    if file
        .file_name()
        .is_some_and(|n| names.iter().any(|s| n == *s))
    {
        return true;
    }
    let Ok(source) = crate::source::SourceFile::read(file, "") else {
        return false;
    };
    let keys = top_level_keys(&source.text);
    keys.iter()
        .any(|k| ["structure", "reponses", "actions", "constats"].contains(k))
}

/// Keys written at the start of a line: enough to tell kinds of files apart
/// without parsing them twice.
fn top_level_keys(text: &str) -> Vec<&str> {
    text.trim_start_matches('\u{feff}')
        .lines()
        .filter(|line| !line.starts_with([' ', '\t', '#', '-']))
        .filter_map(|line| line.split_once(':').map(|(key, _)| key.trim()))
        .collect()
}

/// A version with `correspondances` against the version `depuis` names,
/// found in the workspace or embedded (VER001, VER006, VER007).
fn check_versions(catalog: &Catalog, loaded: &Loaded, report: &mut Report) {
    let Some(current) = &loaded.referential else {
        return;
    };
    let Some(m) = &current.correspondences else {
        return;
    };
    let previous = catalog.find(&current.id, &m.since.to_string());
    match previous.and_then(|p| p.referential) {
        Some(previous) => report.extend(check_against(&previous, current)),
        None => {
            let finding = Finding::Version(VersionFinding::PreviousVersionNotFound {
                id: current.id.clone(),
                version: m.since.to_string(),
            });
            report.push(Diagnostic::new(
                finding,
                Location::new(&m.path, m.since_span),
            ));
        }
    }
}

fn add(report: &mut Report, loaded: Loaded) {
    report.checked += 1;
    for source in loaded.sources {
        report.add_source(source.path, source.text);
    }
    report.extend(loaded.diagnostics);
}

#[cfg(test)]
mod tests {
    use super::top_level_keys;

    #[test]
    fn top_level_keys_skip_nested_and_comments() {
        let text = "\u{feff}referentiel: x\n# c: d\nprincipes:\n  - id: A\nversion: 1\n";
        assert_eq!(
            top_level_keys(text),
            ["referentiel", "principes", "version"]
        );
    }
}
