//! Reading a referential from a file or a folder, and validating it.

use std::fs;
use std::path::Path;

use crate::decode::Decoder;
use crate::diagnostics::{Diagnostic, Finding, Location};
use crate::source::{SourceFile, io_diagnostic};

use super::check::{Place, check};
use super::model::Referential;
use super::read::{read_principle_file, read_referential};

/// The files of one referential, gathered before validation.
#[derive(Debug)]
pub struct Parts {
    /// How the referential is named in messages.
    pub shown: String,
    /// The single file, or `referentiel.yaml` of the folder form.
    pub main: Option<SourceFile>,
    /// `principes/*.yaml` in file-name order, for the folder form.
    pub principles: Option<Vec<SourceFile>>,
    /// Id and version implied by the file's place, when under `referentiels/`.
    pub place: Option<Place>,
    /// Problems met while gathering the files.
    pub early: Vec<Diagnostic>,
}

impl Parts {
    pub fn single(source: SourceFile, place: Option<Place>) -> Parts {
        Parts {
            shown: source.path.clone(),
            main: Some(source),
            principles: None,
            place,
            early: Vec::new(),
        }
    }
}

/// A referential with everything found on the way.
#[derive(Debug)]
pub struct Loaded {
    pub shown: String,
    /// Present only when the referential has no error.
    pub referential: Option<Referential>,
    pub diagnostics: Vec<Diagnostic>,
    pub sources: Vec<SourceFile>,
}

/// Decodes and validates gathered files; no I/O.
pub fn validate(parts: Parts) -> Loaded {
    let mut diagnostics = parts.early;
    let mut sources = Vec::new();
    let mut referential = None;
    if let Some(main) = parts.main {
        let mut decoder = Decoder::new(&main);
        let raw = read_referential(&mut decoder, parts.principles.is_none());
        diagnostics.append(&mut decoder.diagnostics);
        if let Some(mut raw) = raw {
            for file in parts.principles.iter().flatten() {
                let mut decoder = Decoder::new(file);
                raw.principles.extend(read_principle_file(&mut decoder));
                diagnostics.append(&mut decoder.diagnostics);
            }
            let (model, mut found) = check(&raw, parts.place.as_ref());
            diagnostics.append(&mut found);
            referential = model;
        }
        sources.push(main);
    }
    sources.extend(parts.principles.into_iter().flatten());
    if diagnostics.iter().any(Diagnostic::is_error) {
        referential = None;
    }
    Loaded {
        shown: parts.shown,
        referential,
        diagnostics,
        sources,
    }
}

/// Gathers a referential from disk: a YAML file, or a folder holding
/// `referentiel.yaml` and `principes/`. `dir_name` is the workspace's
/// referentials folder name, to check ids against places.
pub fn read_path(path: &Path, shown: &str, dir_name: &str) -> Parts {
    if path.is_dir() {
        read_folder(path, shown, dir_name)
    } else {
        let place = place_of(path, dir_name, true);
        match SourceFile::read(path, shown) {
            Ok(source) => Parts::single(source, place),
            Err(d) => failed(shown, d),
        }
    }
}

fn failed(shown: &str, diagnostic: Diagnostic) -> Parts {
    Parts {
        shown: shown.to_string(),
        main: None,
        principles: None,
        place: None,
        early: vec![diagnostic],
    }
}

fn read_folder(path: &Path, shown: &str, dir_name: &str) -> Parts {
    let base = shown.trim_end_matches('/');
    let main_shown = format!("{base}/referentiel.yaml");
    let main = match SourceFile::read_within(&path.join("referentiel.yaml"), &main_shown, path) {
        Ok(source) => source,
        Err(d) => return failed(shown, d),
    };
    let principles_dir = path.join("principes");
    // Without principes/, referentiel.yaml holds its principles itself.
    if fs::symlink_metadata(&principles_dir).is_err() {
        let mut parts = Parts::single(main, place_of(path, dir_name, false));
        parts.shown = format!("{base}/");
        return parts;
    }
    let mut early = Vec::new();
    let principles_shown = format!("{base}/principes");
    let principles = match list_principles(path, &principles_shown, &mut early) {
        Ok(files) => files,
        Err(diagnostic) => {
            early.push(diagnostic);
            Vec::new()
        }
    };
    if principles.is_empty() && early.iter().all(|d| !d.is_error()) {
        early.push(Diagnostic::new(
            Finding::NoPrinciples,
            Location::file(&principles_shown),
        ));
    }
    Parts {
        shown: format!("{base}/"),
        main: Some(main),
        principles: Some(principles),
        place: place_of(path, dir_name, false),
        early,
    }
}

/// Principle files of the referential folder `root` in file-name order;
/// other entries are reported. A `principes/` link that leaves `root`,
/// loops or dangles is not followed (§4.1).
fn list_principles(
    root: &Path,
    shown: &str,
    early: &mut Vec<Diagnostic>,
) -> Result<Vec<SourceFile>, Diagnostic> {
    let dir = root.join("principes");
    let is_link = fs::symlink_metadata(&dir).is_ok_and(|m| m.file_type().is_symlink());
    if is_link && let Some(finding) = crate::source::link_leaves(&dir, root) {
        return Err(Diagnostic::new(finding, Location::file(shown)));
    }
    let mut names: Vec<String> = fs::read_dir(&dir)
        .map_err(|e| io_diagnostic(&e, Location::file(shown)))?
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut files = Vec::new();
    for name in names {
        let path = dir.join(&name);
        let file_shown = format!("{shown}/{name}");
        let is_yaml = name.ends_with(".yaml") || name.ends_with(".yml");
        if !is_yaml || path.is_dir() {
            early.push(Diagnostic::new(
                Finding::IgnoredFile { name },
                Location::file(&file_shown),
            ));
            continue;
        }
        match SourceFile::read_within(&path, &file_shown, root) {
            Ok(source) => files.push(source),
            Err(d) => early.push(d),
        }
    }
    Ok(files)
}

/// `…/<dir_name>/<id>/<version>.yaml` or `…/<dir_name>/<id>/<version>/`.
fn place_of(path: &Path, dir_name: &str, is_file: bool) -> Option<Place> {
    let path = fs::canonicalize(path).ok()?;
    let version = if is_file {
        path.file_stem()?.to_string_lossy().into_owned()
    } else {
        path.file_name()?.to_string_lossy().into_owned()
    };
    let id_dir = path.parent()?;
    let root = id_dir.parent()?;
    let id = id_dir.file_name()?.to_string_lossy().into_owned();
    (root.file_name()?.to_string_lossy() == dir_name).then_some(Place { id, version })
}
