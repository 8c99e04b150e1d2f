//! `label validate`: finding structure folders and checking each one.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::date::Date;
use crate::diagnostics::{Diagnostic, Finding, Location, Report};
use crate::self_assessment;
use crate::structure::{self, Resolver, StructureFolder};
use crate::walk::walk;
use crate::workspace::Workspace;

/// The structure folders under `paths` (default: the workspace's
/// structures folder, or the current folder), with what stopped the search.
pub fn find_structures(
    workspace: &Workspace,
    paths: &[PathBuf],
    report: &mut Report,
) -> Vec<PathBuf> {
    let defaults = [if workspace.structures.is_dir() {
        workspace.structures.clone()
    } else {
        workspace.cwd.clone()
    }];
    let targets: &[PathBuf] = if paths.is_empty() { &defaults } else { paths };
    let mut folders = Vec::new();
    for target in targets {
        let target = &absolute(&workspace.cwd, target);
        let shown = workspace.shown(target);
        if !target.exists() {
            report.push(Diagnostic::new(
                Finding::PathNotFound,
                Location::file(shown),
            ));
            continue;
        }
        let folder = if target.is_file() {
            target.parent().map(Path::to_path_buf)
        } else {
            Some(target.clone())
        };
        let Some(folder) = folder else { continue };
        if folder.join(self_assessment::FILE_NAME).is_file() {
            folders.push(folder);
            continue;
        }
        let found = walk(&folder, self_assessment::FILE_NAME);
        report.extend(found.diagnostics);
        if found.folders.is_empty() {
            report.push(Diagnostic::new(Finding::NoStructure, Location::file(shown)));
        }
        folders.extend(found.folders);
    }
    folders.sort();
    folders.dedup();
    folders
}

fn absolute(cwd: &Path, path: &Path) -> PathBuf {
    if path.is_absolute() {
        path.to_path_buf()
    } else {
        cwd.join(path)
    }
}

/// Loads and checks every structure folder, in parallel; the report gets
/// every diagnostic and every source. `progress` hears of each folder.
pub fn validate(
    workspace: &Workspace,
    paths: &[PathBuf],
    today: Date,
    progress: &(dyn Progress + Sync),
) -> (Report, Vec<StructureFolder>) {
    let mut report = Report::default();
    let folders = find_structures(workspace, paths, &mut report);
    progress.start(folders.len());
    let resolver = Resolver::new(workspace.catalog());
    let mut structures: Vec<StructureFolder> = folders
        .par_iter()
        .map(|folder| {
            let loaded = structure::load(folder, &workspace.shown(folder), &resolver, today);
            progress.step();
            loaded
        })
        .collect();
    progress.finish();
    report_duplicates(&mut structures);
    for structure in &mut structures {
        report.checked += 1;
        for source in structure.sources.drain(..) {
            report.add_source(source.path, source.text);
        }
        report.extend(structure.diagnostics.iter().cloned());
    }
    (report, structures)
}

/// STR004: the same structure id in two folders.
fn report_duplicates(structures: &mut [StructureFolder]) {
    let mut first: HashMap<String, Location> = HashMap::new();
    for structure in structures.iter_mut() {
        let Some(assessment) = &structure.self_assessment else {
            continue;
        };
        let id = assessment.structure.id.clone();
        let here = Location::file(format!(
            "{}/{}",
            structure.shown,
            self_assessment::FILE_NAME
        ));
        match first.get(&id) {
            Some(previous) => {
                let finding = Finding::DuplicateStructure { id };
                let diagnostic = Diagnostic::new(finding, here)
                    .with_label(previous.clone(), "premier dossier ici");
                structure.diagnostics.push(diagnostic);
            }
            None => {
                first.insert(id, here);
            }
        }
    }
}

/// Feedback on long runs; the CLI shows a bar on a terminal.
pub trait Progress {
    fn start(&self, _total: usize) {}
    fn step(&self) {}
    fn finish(&self) {}
}

/// No feedback at all.
pub struct Silent;

impl Progress for Silent {}
