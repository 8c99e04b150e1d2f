//! `label validate`: finding structure folders and checking each one.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::date::Date;
use crate::diagnostics::{Diagnostic, Finding, Location, Report};
use crate::self_assessment;
use crate::source::SourceFile;
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
    let defaults = [default_target(workspace)];
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
        let found = walk(&folder, self_assessment::FILE_NAME, &workspace.cwd);
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

/// Without paths: the structure folder the current folder lies in (a
/// referent in their own folder, or its `preuves/`, sees their structure),
/// else the current folder when inside the structures folder, else the
/// workspace's structures folder, else the current one.
fn default_target(workspace: &Workspace) -> PathBuf {
    if let Some(structure) = workspace.enclosing_structure() {
        return structure;
    }
    let cwd = &workspace.cwd;
    if cwd.starts_with(&workspace.structures) || !workspace.structures.is_dir() {
        cwd.clone()
    } else {
        workspace.structures.clone()
    }
}

fn absolute(cwd: &Path, path: &Path) -> PathBuf {
    if path.is_absolute() {
        path.to_path_buf()
    } else {
        cwd.join(path)
    }
}

/// Loads and checks every structure folder, in parallel, and hands each
/// one, valid or not, to `keep`, whose results come back sorted by folder
/// with the folder's own diagnostics. The report gets every diagnostic, and
/// the sources of the files that have some. Folder models are dropped as
/// soon as `keep` is done with them, so that memory stays flat on large
/// networks.
pub fn validate<T: Send>(
    workspace: &Workspace,
    paths: &[PathBuf],
    today: Date,
    progress: &(dyn Progress + Sync),
    keep: &(dyn Fn(&StructureFolder) -> Option<T> + Sync),
) -> (Report, Vec<Kept<T>>) {
    let mut report = Report::default();
    let folders = find_structures(workspace, paths, &mut report);
    progress.start(folders.len());
    let resolver = Resolver::new(workspace.catalog());
    let mut checked: Vec<Checked<T>> = folders
        .par_iter()
        .map(|folder| {
            let loaded = structure::load(folder, &workspace.shown(folder), &resolver, today);
            progress.step();
            Checked::new(loaded, keep)
        })
        .collect();
    progress.finish();
    report.extend(resolver.embedded_note(workspace.note_location()));
    report_duplicates(&mut checked);
    let quoted = duplicate_sources(&checked);
    let mut kept = Vec::new();
    for item in checked {
        report.checked += 1;
        for source in item.sources {
            report.add_source(source.path, source.text);
        }
        if let Some(value) = item.value {
            let diagnostics = item.diagnostics.clone();
            kept.push(Kept { value, diagnostics });
        }
        report.extend(item.diagnostics);
    }
    for source in quoted {
        report.add_source(source.path, source.text);
    }
    (report, kept)
}

/// What `keep` made of a folder, with the folder's diagnostics (also in
/// the report): a folder with errors is never dropped silently (§6.4).
pub struct Kept<T> {
    pub value: T,
    pub diagnostics: Vec<Diagnostic>,
}

/// The files a duplicate-structure diagnostic quotes, read again since
/// clean folders do not keep their sources.
fn duplicate_sources<T>(checked: &[Checked<T>]) -> Vec<SourceFile> {
    checked
        .iter()
        .flat_map(|item| &item.diagnostics)
        .filter(|d| d.code == crate::diagnostics::Code::Str004)
        .flat_map(|d| std::iter::once(&d.location).chain(d.labels.iter().map(|l| &l.location)))
        .filter_map(|location| SourceFile::read(Path::new(&location.path), &location.path).ok())
        .collect()
}

/// What is left of a folder once checked.
struct Checked<T> {
    shown: String,
    id: Option<String>,
    diagnostics: Vec<Diagnostic>,
    sources: Vec<SourceFile>,
    value: Option<T>,
}

impl<T> Checked<T> {
    fn new(
        mut folder: StructureFolder,
        keep: &(dyn Fn(&StructureFolder) -> Option<T> + Sync),
    ) -> Checked<T> {
        let value = keep(&folder);
        let diagnostics = std::mem::take(&mut folder.diagnostics);
        // Sources are only needed to quote files that have diagnostics.
        let sources = if diagnostics.is_empty() {
            Vec::new()
        } else {
            std::mem::take(&mut folder.sources)
        };
        let id = folder
            .self_assessment
            .as_ref()
            .map(|a| a.structure.id.clone());
        Checked {
            shown: folder.shown,
            id,
            diagnostics,
            sources,
            value,
        }
    }
}

/// STR004: the same structure id in two folders.
fn report_duplicates<T>(checked: &mut [Checked<T>]) {
    let mut first: HashMap<String, Location> = HashMap::new();
    for item in checked.iter_mut() {
        let Some(id) = item.id.clone() else { continue };
        let here = Location::file(format!("{}/{}", item.shown, self_assessment::FILE_NAME));
        match first.get(&id) {
            Some(previous) => {
                let finding = Finding::DuplicateStructure { id };
                let diagnostic = Diagnostic::new(finding, here)
                    .with_label(previous.clone(), "premier dossier ici");
                item.diagnostics.push(diagnostic);
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
