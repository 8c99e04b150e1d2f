//! `label migrate` (§4.7): a structure folder moved to a newer version of
//! its referential, every byte a person wrote kept. Pure: texts in, texts
//! out; the command line writes them. Each hop between consecutive
//! versions follows the newer version's `correspondances`; the texts are
//! edited in place ([`crate::yaml::edit`]) and re-read against the target
//! version before anything is written.

mod entries;
mod entry;
mod hops;
mod lists;
mod retire;
mod verify;

use crate::diagnostics::VersionFinding;
use std::path::PathBuf;

pub use hops::Hop;

use crate::audit::Audit;
use crate::diagnostics::{Diagnostic, Finding, Location};
use crate::document::Document;
use crate::plan::Plan;
use crate::referential::{Catalog, Referential};
use crate::self_assessment::SelfAssessment;
use crate::structure::StructureFolder;
use crate::yaml::edit::{EditError, Editor, Step, Value};

/// What one structure's migration did, for its summary.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Answers kept under the same id.
    pub unchanged: usize,
    /// `OLD → NEW` for each renamed, split or merged answer carried.
    pub carried: Vec<String>,
    /// Ids now marked `a_revoir: true`.
    pub review: Vec<String>,
    /// Old ids whose answer moved under `reponses_retirees`.
    pub retired: Vec<String>,
    /// New criteria added ready to fill.
    pub added: Vec<String>,
    /// Actions of the plan whose criteria changed.
    pub actions: Vec<String>,
    /// Ids that left the criteria of an action (removed criteria).
    pub dropped: Vec<String>,
    /// Findings of `audit.yaml` (with `--audits`) moved under
    /// `constats_retires`.
    pub audit_retired: Vec<String>,
}

impl Tally {
    /// Adds what one hop did to the answers; the count of unchanged
    /// answers is the last hop's.
    fn add_answers(&mut self, hop: Tally) {
        self.unchanged = hop.unchanged;
        self.carried.extend(hop.carried);
        self.review.extend(hop.review);
        self.retired.extend(hop.retired);
        self.added.extend(hop.added);
    }
}

/// One file to write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileChange {
    pub path: PathBuf,
    pub shown: String,
    pub before: String,
    pub after: String,
}

/// What `label migrate` does to one folder.
#[derive(Debug)]
pub enum Outcome {
    /// Already on the target version: nothing to do.
    AlreadyThere {
        version: String,
    },
    Migrated(Box<Migration>),
}

#[derive(Debug)]
pub struct Migration {
    pub from: String,
    pub to: String,
    pub files: Vec<FileChange>,
    pub tally: Tally,
    /// `audit.yaml` stays on the version it was conducted on.
    pub audit_kept: bool,
    /// The target version, for its editor schema.
    pub referential: Referential,
}

/// Computes the migration of `folder` to `target` (a version of its
/// referential, found through `catalog`); with `audits`, `audit.yaml`
/// moves too.
pub fn migrate(
    folder: &StructureFolder,
    catalog: &Catalog,
    target: &semver::Version,
    audits: bool,
) -> Result<Outcome, Vec<Diagnostic>> {
    let self_assessment_shown = join(&folder.shown, SelfAssessment::FILE_NAME);
    // A folder already on the target has nothing to move, even when a
    // person still has to fix what the last migration marked.
    if let Some(current) = folder.referential.as_ref().filter(|r| r.version == *target) {
        if let Some(late) = audit_behind(folder, catalog, current, audits)? {
            return Ok(late);
        }
        return Ok(Outcome::AlreadyThere {
            version: current.version.to_string(),
        });
    }
    let (Some(current), Some(assessment), false) = (
        &folder.referential,
        &folder.self_assessment,
        folder.has_errors(),
    ) else {
        // Its errors say why; its warnings do not stop a migration.
        let mut diagnostics: Vec<Diagnostic> = folder
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .cloned()
            .collect();
        // The file named is the one with the first error (plan.yaml may be
        // the broken one).
        let file = diagnostics
            .first()
            .map(|d| d.location.path.clone())
            .filter(|p| {
                [SelfAssessment::FILE_NAME, Plan::FILE_NAME, Audit::FILE_NAME]
                    .iter()
                    .any(|name| p.ends_with(name))
            })
            .unwrap_or_else(|| self_assessment_shown.clone());
        let here = Location::file(&file);
        let finding = Finding::Version(VersionFinding::MigrateInvalid { file });
        diagnostics.push(Diagnostic::new(finding, here));
        return Err(diagnostics);
    };
    if *target < current.version {
        let finding = Finding::Version(VersionFinding::MigrateBackwards {
            from: current.version.to_string(),
            to: target.to_string(),
        });
        let at = version_place(folder, &self_assessment_shown);
        return Err(vec![Diagnostic::new(finding, at)]);
    }
    let at = version_place(folder, &self_assessment_shown);
    let found = crate::structure::create::find_referential_in(catalog, &current.id, target, &at)
        .map_err(|d| vec![d])?;
    let versions = hops::chain(catalog, current, found, &at).map_err(|d| vec![d])?;
    hops::check(current, &versions)?;
    let kind = Some(assessment.structure.kind);
    let mut tally = Tally::default();
    let mut files = Vec::new();
    let mut audit_kept = false;
    for name in [SelfAssessment::FILE_NAME, Plan::FILE_NAME, Audit::FILE_NAME] {
        if name == Audit::FILE_NAME && !audits {
            audit_kept = folder.audit.is_some();
            continue;
        }
        files.extend(moved(folder, name, current, &versions, kind, &mut tally)?);
    }
    let referential = versions.last().cloned().ok_or_else(Vec::new)?;
    verify::verify(&files, &referential).map_err(|d| vec![d])?;
    Ok(Outcome::Migrated(Box::new(Migration {
        from: current.version.to_string(),
        to: referential.version.to_string(),
        files,
        tally,
        audit_kept,
        referential,
    })))
}

/// The file `name` of `folder` moved from `from` through `versions`.
fn moved(
    folder: &StructureFolder,
    name: &str,
    from: &Referential,
    versions: &[Referential],
    kind: Option<crate::referential::StructureType>,
    tally: &mut Tally,
) -> Result<Option<FileChange>, Vec<Diagnostic>> {
    let shown = join(&folder.shown, name);
    let Some(source) = folder.sources.iter().find(|s| s.path == shown) else {
        return Ok(None);
    };
    let mut text = source.text.clone();
    let mut old = from;
    for new in versions {
        let hop = Hop::new(old, new);
        text = step(&text, name, &hop, kind, tally).map_err(|e| vec![not_editable(&e, &shown)])?;
        old = new;
    }
    Ok(Some(FileChange {
        path: folder.path.join(name),
        shown,
        before: source.text.clone(),
        after: text,
    }))
}

/// `--audits` on a folder already on the target: the `audit.yaml` a first
/// migration left on its older version (as its summary said) moves now.
fn audit_behind(
    folder: &StructureFolder,
    catalog: &Catalog,
    current: &Referential,
    audits: bool,
) -> Result<Option<Outcome>, Vec<Diagnostic>> {
    let shown = join(&folder.shown, Audit::FILE_NAME);
    // An audit on an older version is kept out of the folder's model: its
    // header is read from its text.
    let source = folder.sources.iter().find(|s| s.path == shown);
    let header = source.filter(|_| audits).and_then(|s| header(&s.text));
    let behind = header.filter(|(id, v)| *id == current.id && *v < current.version);
    let (Some((_, version)), false) = (behind, folder.has_errors()) else {
        return Ok(None);
    };
    let at = version_place(folder, &shown);
    let from = crate::structure::create::find_referential_in(catalog, &current.id, &version, &at)
        .map_err(|d| vec![d])?;
    let versions = hops::chain(catalog, &from, current.clone(), &at).map_err(|d| vec![d])?;
    hops::check(&from, &versions)?;
    let kind = folder.self_assessment.as_ref().map(|s| s.structure.kind);
    let mut tally = Tally::default();
    let files: Vec<FileChange> =
        moved(folder, Audit::FILE_NAME, &from, &versions, kind, &mut tally)?
            .into_iter()
            .collect();
    verify::verify(&files, current).map_err(|d| vec![d])?;
    Ok(Some(Outcome::Migrated(Box::new(Migration {
        from: version.to_string(),
        to: current.version.to_string(),
        files,
        tally,
        audit_kept: false,
        referential: current.clone(),
    }))))
}

/// One file moved one version on.
fn step(
    text: &str,
    name: &str,
    hop: &Hop,
    kind: Option<crate::referential::StructureType>,
    tally: &mut Tally,
) -> Result<String, EditError> {
    let mut editor = Editor::new(text)?;
    let version = Value::text(hop.new.version.to_string());
    editor.set_scalar(&[Step::Key("version")], &version)?;
    let mut this_hop = Tally::default();
    match name {
        SelfAssessment::FILE_NAME => {
            entries::migrate(&mut editor, entry::Kind::Answers, hop, kind, &mut this_hop)?;
            modeline(&mut editor, hop);
            tally.add_answers(this_hop);
        }
        Plan::FILE_NAME => lists::migrate(&mut editor, hop, tally)?,
        _ => {
            entries::migrate(&mut editor, entry::Kind::Findings, hop, kind, &mut this_hop)?;
            tally.audit_retired.extend(this_hop.retired);
        }
    }
    Ok(editor.finish()?.text)
}

/// The editor schema named on the first line follows the version
/// (`.label/<id>/<version>/autoevaluation.schema.json`).
fn modeline(editor: &mut Editor, hop: &Hop) {
    let text = editor.original();
    let end = text.find('\n').unwrap_or(text.len());
    let first = &text[..end];
    if !first.contains("yaml-language-server") {
        return;
    }
    let old = format!(
        "/{}/{}/autoevaluation.schema.json",
        hop.old.id, hop.old.version
    );
    if let Some(at) = first.find(&old) {
        let new = format!(
            "/{}/{}/autoevaluation.schema.json",
            hop.new.id, hop.new.version
        );
        editor.replace(at..at + old.len(), new);
    }
}

fn not_editable(error: &EditError, shown: &str) -> Diagnostic {
    // The place is the diagnostic's own: only the reason goes in the text.
    let text = error.to_string();
    let detail = text.split_once(" : ").map_or(text.as_str(), |(_, r)| r);
    let finding = Finding::Version(VersionFinding::MigrateNotEditable {
        detail: detail.to_string(),
    });
    Diagnostic::new(finding, Location::new(shown, error.span))
}

/// The `version:` line of a file the folder read, for diagnostics about it.
fn version_place(folder: &StructureFolder, shown: &str) -> Location {
    let text = folder
        .sources
        .iter()
        .find(|s| s.path == shown)
        .map_or("", |s| s.text.as_str());
    let mut offset = 0;
    for (index, line) in text.split_inclusive('\n').enumerate() {
        if let Some(value) = line.strip_prefix("version:") {
            let column = "version:".len() + value.len() - value.trim_start().len();
            let span = crate::yaml::Span {
                line: u32::try_from(index + 1).unwrap_or(1),
                column: u32::try_from(column + 1).unwrap_or(1),
                offset: offset + column,
                len: value.trim().len(),
            };
            return Location::new(shown, span);
        }
        offset += line.len();
    }
    Location::file(shown)
}

fn join(folder: &str, name: &str) -> String {
    if folder.is_empty() || folder == "." {
        name.to_string()
    } else {
        format!("{}/{name}", folder.trim_end_matches('/'))
    }
}

/// The `referentiel` and `version` a structure file names at its top.
fn header(text: &str) -> Option<(String, semver::Version)> {
    let editor = Editor::new(text).ok()?;
    let tree = editor.tree();
    let crate::yaml::Node::Map(top) = &tree.value else {
        return None;
    };
    let field = |key: &str| {
        top.iter()
            .find(|(k, _)| k.value == key)
            .and_then(|(_, v)| match &v.value {
                crate::yaml::Node::Str(s) => Some(s.clone()),
                _ => None,
            })
    };
    let version = semver::Version::parse(&field("version")?).ok()?;
    Some((field("referentiel")?, version))
}
