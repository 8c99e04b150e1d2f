//! `label diff OLD NEW [--format text|markdown|json]`

use std::path::Path;

use super::Out;
use crate::diagnostics::{Diagnostic, Finding, Location, VersionFinding};
use crate::output::diff as show;
use crate::referential::{Referential, read_path, validate};
use crate::structure::create::find_referential;
use crate::workspace::Workspace;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Ancienne version : ID@VERSION (cherchée dans l'espace de travail puis parmi les référentiels intégrés) ou chemin
    #[arg(value_name = "ANCIEN")]
    old: String,
    /// Nouvelle version : ID@VERSION ou chemin
    #[arg(value_name = "NOUVEAU")]
    new: String,
    /// Format : text (par défaut), markdown (notes de version), json
    #[arg(
        long,
        value_enum,
        default_value = "text",
        hide_possible_values = true,
        hide_default_value = true
    )]
    format: DiffFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    /// Texte lisible, chaque champ modifié en détail
    Text,
    /// Notes de version : un titre par type de changement, une ligne par critère
    Markdown,
    /// JSON stable (`"format": 1`)
    Json,
}

pub fn run(args: &Args, out: &mut Out) -> u8 {
    let workspace = match super::workspace(None, out) {
        Ok(workspace) => workspace,
        Err(code) => return code,
    };
    let found = find(&workspace, &args.old).and_then(|old| Ok((old, find(&workspace, &args.new)?)));
    let (old, new) = match found {
        Ok(pair) => pair,
        Err(diagnostics) => return fail_all(diagnostics),
    };
    if old.id == new.id && new.version < old.version {
        super::remark(Diagnostic::new(
            Finding::Version(VersionFinding::DiffBackwards {
                old: old.version.to_string(),
                new: new.version.to_string(),
            }),
            Location::file(args.new.clone()),
        ));
    }
    let changes = crate::versions::diff(&old, &new);
    let text = match args.format {
        DiffFormat::Text => crate::output::visible(&show::text(&changes)).into_owned(),
        DiffFormat::Markdown => crate::output::visible(&show::markdown(&changes)).into_owned(),
        DiffFormat::Json => show::json(&changes),
    };
    out.print(&text);
    0
}

/// A referential named by path, `id@version` or `id`; when it is unusable,
/// what was found in it, then the diagnostic that stops the command.
fn find(workspace: &Workspace, named: &str) -> Result<Referential, Vec<Diagnostic>> {
    let path = workspace.cwd.join(named);
    // A link is read as given, even dangling or looping: its reader says so.
    if path.symlink_metadata().is_ok() {
        let shown = workspace.shown(&path);
        let loaded = validate(read_path(&path, &shown, workspace.catalog().dir_name()));
        return loaded.referential.ok_or_else(|| {
            let finding = Finding::InvalidReferential {
                shown: shown.clone(),
            };
            // All it found: a loop of links, say, is only a warning.
            let mut found = loaded.diagnostics;
            found.push(Diagnostic::new(finding, Location::file(&shown)));
            found
        });
    }
    find_named(workspace, named).map_err(|d| vec![d])
}

/// Prints every diagnostic, then stops with exit code 2.
fn fail_all(diagnostics: Vec<Diagnostic>) -> u8 {
    let mut code = 2;
    for diagnostic in diagnostics {
        code = super::fail(diagnostic);
    }
    code
}

/// A referential named `id@version` or `id`, or a path that is not there.
fn find_named(workspace: &Workspace, named: &str) -> Result<Referential, Diagnostic> {
    let here = Location::file(named);
    match named.split_once('@') {
        Some((id, version)) => {
            let wanted = (id.to_string(), version.to_string());
            find_referential(workspace, Some(&wanted), id, &here).map(|(r, _)| r)
        }
        None if Path::new(named).extension().is_some() || named.contains('/') => {
            Err(Diagnostic::new(Finding::PathNotFound, here))
        }
        None => find_referential(workspace, None, named, &here).map(|(r, _)| r),
    }
}
