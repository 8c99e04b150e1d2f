//! `label lint`: gathering referentials from paths, the workspace or the
//! binary, and validating each one.

use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Finding, Location, Report};
use crate::referential::{Catalog, Loaded, Parts, read_path, validate};
use crate::walk::walk;
use crate::workspace::Workspace;

/// Lints the referentials at `paths`; with none, the workspace's, or the
/// embedded ones when the workspace has none.
pub fn lint(workspace: &Workspace, paths: &[PathBuf]) -> Report {
    let catalog = workspace.catalog();
    let mut report = Report::default();
    let mut parts = Vec::new();
    if paths.is_empty() {
        let entries = catalog.workspace_entries();
        if entries.is_empty() {
            parts = catalog.embedded();
        }
        for entry in entries.into_iter().filter_map(|e| e.path) {
            parts.push(read_path(
                &entry,
                &workspace.shown(&entry),
                catalog.dir_name(),
            ));
        }
    }
    for path in paths {
        gather(path, &catalog, &mut parts, &mut report);
    }
    for part in parts {
        add(&mut report, validate(part));
    }
    report
}

fn gather(path: &Path, catalog: &Catalog, parts: &mut Vec<Parts>, report: &mut Report) {
    let shown = path.display().to_string();
    if !path.exists() {
        report.push(Diagnostic::new(
            Finding::PathNotFound,
            Location::file(shown),
        ));
        return;
    }
    if !path.is_dir() || path.join("referentiel.yaml").exists() {
        parts.push(read_path(path, &shown, catalog.dir_name()));
        return;
    }
    let found = walk(path, "referentiel.yaml");
    report.extend(found.diagnostics);
    let all = found.folders.into_iter().chain(found.yaml_files);
    for item in all {
        let shown = item.display().to_string();
        parts.push(read_path(&item, &shown, catalog.dir_name()));
    }
}

fn add(report: &mut Report, loaded: Loaded) {
    report.checked += 1;
    for source in loaded.sources {
        report.add_source(source.path, source.text);
    }
    report.extend(loaded.diagnostics);
}
