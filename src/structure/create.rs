//! `label init`: creating a structure folder's self-assessment, never
//! over an existing file.

use std::fs;
use std::path::PathBuf;

use crate::date::Date;
use crate::diagnostics::{Diagnostic, Finding, Location};
use crate::init::{NewStructure, default_referential, render};
use crate::referential::{Loaded, Referential};
use crate::schema;
use crate::self_assessment;
use crate::source::io_reason;
use crate::workspace::Workspace;

/// What `label init` was asked for.
#[derive(Clone, Debug)]
pub struct Request {
    /// The structure folder, relative to the current folder or absolute.
    pub dir: PathBuf,
    pub structure: NewStructure,
    /// `ID@VERSION`, else the latest referential for the structure's type.
    pub referential: Option<(String, String)>,
    pub today: Date,
}

/// What was created.
#[derive(Clone, Debug)]
pub struct Created {
    /// The new file, as shown to users.
    pub shown: String,
    pub criteria: usize,
    /// `id version` of the referential used.
    pub referential: String,
    /// Whether the referential is the copy embedded in the binary.
    pub embedded: bool,
}

/// Creates `autoevaluation.yaml` in `request.dir`; nothing is written when
/// anything is wrong, and an existing file is never replaced.
pub fn create(workspace: &Workspace, request: &Request) -> Result<Created, Diagnostic> {
    let dir = workspace.cwd.join(&request.dir);
    let target = dir.join(self_assessment::FILE_NAME);
    let shown = workspace.shown(&target);
    let here = || Location::file(shown.clone());
    let wanted = request.referential.as_ref();
    let (referential, embedded) =
        find_referential(workspace, wanted, kind_default(request), &here())?;
    let kind = request.structure.kind;
    if !referential.structure_types.contains(&kind) {
        let covered = referential.structure_types.iter();
        let finding = Finding::TypeNotCovered {
            kind: kind.keyword().to_string(),
            covered: covered.map(|t| t.keyword().to_string()).collect(),
        };
        return Err(Diagnostic::new(finding, here()));
    }
    if target.symlink_metadata().is_ok() {
        return Err(Diagnostic::new(Finding::AlreadyExists, here()));
    }
    let fail = |e: std::io::Error| {
        let detail = io_reason(&e);
        Diagnostic::new(Finding::WriteFailed { detail }, here())
    };
    let not_written = |e| Diagnostic::not_written(e, here());
    // Everything is checked before anything is written: no link on the
    // way to either file (the folder itself may not be one), a template
    // that reads back.
    let schema_path = schema::self_assessment_path(&workspace.root, &referential);
    crate::write::check_no_link(&workspace.root, &schema_path).map_err(not_written)?;
    crate::write::check_no_link(&workspace.cwd, &target).map_err(not_written)?;
    let relative = schema::relative_path(&dir, &schema_path);
    let text = render(&referential, &request.structure, request.today, &relative);
    verify(&text, &shown, &referential, request.today)?;
    fs::create_dir_all(&dir).map_err(fail)?;
    schema::write_self_assessment_schema(&workspace.root, &referential).map_err(not_written)?;
    // create_new: a file that appeared meanwhile is never overwritten.
    crate::write::create_new(&target, &text).map_err(not_written)?;
    Ok(Created {
        shown,
        criteria: referential.applicable_criteria(kind).count(),
        referential: format!("{} {}", referential.id, referential.version),
        embedded,
    })
}

fn kind_default(request: &Request) -> &'static str {
    default_referential(request.structure.kind)
}

/// The referential `wanted` (`id`, `version`), or the latest version of
/// `default`; with whether it is the copy embedded in the binary. Problems
/// are reported at `here`.
pub fn find_referential(
    workspace: &Workspace,
    wanted: Option<&(String, String)>,
    default: &str,
    here: &Location,
) -> Result<(Referential, bool), Diagnostic> {
    let catalog = workspace.catalog();
    let (id, loaded) = match wanted {
        Some((id, version)) => (id.clone(), catalog.find(id, version)),
        None => (default.to_string(), catalog.latest(default)),
    };
    let Some(Loaded {
        referential, shown, ..
    }) = loaded
    else {
        let version = wanted.map(|(_, v)| v.clone());
        let finding = Finding::ReferentialNotFound {
            available: catalog.versions(&id),
            version: version.unwrap_or_else(|| "la plus récente".into()),
            id,
        };
        return Err(Diagnostic::new(finding, here.clone()));
    };
    let embedded = shown.starts_with(crate::referential::embedded::PREFIX);
    match referential {
        Some(referential) => Ok((referential, embedded)),
        None => Err(Diagnostic::new(
            Finding::InvalidReferential { shown },
            here.clone(),
        )),
    }
}

/// `id@version` through `catalog`, for commands that name a version.
pub fn find_referential_in(
    catalog: &crate::referential::Catalog,
    id: &str,
    version: &semver::Version,
    here: &Location,
) -> Result<Referential, Diagnostic> {
    let Some(loaded) = catalog.find(id, &version.to_string()) else {
        let finding = Finding::ReferentialNotFound {
            available: catalog.versions(id),
            version: version.to_string(),
            id: id.to_string(),
        };
        return Err(Diagnostic::new(finding, here.clone()));
    };
    loaded.referential.ok_or_else(|| {
        let finding = Finding::InvalidReferential {
            shown: loaded.shown,
        };
        Diagnostic::new(finding, here.clone())
    })
}

/// The post-condition of `label init`: the template re-reads as a valid
/// self-assessment of its referential, or nothing is written.
fn verify(
    text: &str,
    shown: &str,
    referential: &Referential,
    today: Date,
) -> Result<(), Diagnostic> {
    use crate::document::{CheckContext, Document};
    let source = crate::source::SourceFile::new(shown, text);
    let mut decoder = crate::decode::Decoder::new(&source);
    let raw = self_assessment::SelfAssessment::read(&mut decoder);
    let mut found = std::mem::take(&mut decoder.diagnostics);
    if let Some(raw) = raw {
        let context = CheckContext {
            referential,
            today,
            not_applicable: &[],
        };
        self_assessment::SelfAssessment::check(&raw, &context, &mut found);
    }
    match found.into_iter().find(Diagnostic::is_error) {
        None => Ok(()),
        Some(first) => {
            let detail = format!(
                "erreur interne, rien n'a été écrit : le modèle produit ne se relit pas ({})",
                first.message
            );
            Err(Diagnostic::new(
                Finding::WriteFailed { detail },
                Location::file(shown),
            ))
        }
    }
}
