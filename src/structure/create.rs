//! `label init`: creating a structure folder's self-assessment, never
//! over an existing file.

use std::fs;
use std::io::Write;
use std::path::{Component, Path, PathBuf};

use crate::date::Date;
use crate::diagnostics::{Diagnostic, Finding, Location};
use crate::init::{NewStructure, default_referential, render};
use crate::referential::{Loaded, Referential};
use crate::schema::{self, Kind};
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
    let (referential, embedded) = find_referential(workspace, request, &here)?;
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
    fs::create_dir_all(&dir).map_err(fail)?;
    let schema_path = write_schema(workspace).map_err(fail)?;
    let relative = relative_path(&dir, &schema_path);
    let text = render(&referential, &request.structure, request.today, &relative);
    // create_new: a file that appeared meanwhile is never overwritten.
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&target)
        .map_err(fail)?;
    file.write_all(text.as_bytes()).map_err(fail)?;
    Ok(Created {
        shown,
        criteria: referential.criteria().count(),
        referential: format!("{} {}", referential.id, referential.version),
        embedded,
    })
}

/// The referential asked for, or the latest for the structure's type;
/// with whether it is the embedded copy.
fn find_referential(
    workspace: &Workspace,
    request: &Request,
    here: &dyn Fn() -> Location,
) -> Result<(Referential, bool), Diagnostic> {
    let catalog = workspace.catalog();
    let (id, loaded) = match &request.referential {
        Some((id, version)) => (id.clone(), catalog.find(id, version)),
        None => {
            let id = default_referential(request.structure.kind);
            (id.to_string(), catalog.latest(id))
        }
    };
    let Some(Loaded {
        referential, shown, ..
    }) = loaded
    else {
        let version = request.referential.as_ref().map(|(_, v)| v.clone());
        let finding = Finding::ReferentialNotFound {
            available: catalog.versions(&id),
            version: version.unwrap_or_else(|| "la plus récente".into()),
            id,
        };
        return Err(Diagnostic::new(finding, here()));
    };
    let embedded = shown.starts_with(crate::referential::embedded::PREFIX);
    match referential {
        Some(referential) => Ok((referential, embedded)),
        None => Err(Diagnostic::new(
            Finding::InvalidReferential { shown },
            here(),
        )),
    }
}

/// Writes the self-assessment schema under the workspace's `.label/`,
/// where editors find it; the file is generated, never edited by hand.
fn write_schema(workspace: &Workspace) -> std::io::Result<PathBuf> {
    let dir = workspace.root.join(".label");
    let path = dir.join(Kind::Autoevaluation.file_name());
    let text = schema::json_schema(Kind::Autoevaluation);
    if fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
        fs::create_dir_all(&dir)?;
        fs::write(&path, text)?;
    }
    Ok(path)
}

/// `to` relative to the folder `from`, with `/` separators.
fn relative_path(from: &Path, to: &Path) -> String {
    let from = fs::canonicalize(from).unwrap_or_else(|_| from.to_path_buf());
    let to = fs::canonicalize(to).unwrap_or_else(|_| to.to_path_buf());
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
