//! `label migrate DIR... --vers VERSION [--dry-run] [--audits]`

use std::path::PathBuf;

use super::Out;
use super::out::{color, eprint, stderr_is_terminal};
use crate::diagnostics::{Diagnostic, Location, Report};
use crate::document::Document;
use crate::migrate::{Migration, Outcome, migrate};
use crate::output::migrate as show;
use crate::output::{DiagnosticFormat, render_diagnostics, visible};
use crate::self_assessment::SelfAssessment;
use crate::structure::{self, Resolver, StructureFolder};
use crate::workspace::Workspace;
use crate::write::{check_writable, write_atomically};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Dossiers de structures, ou dossiers qui en contiennent
    #[arg(value_name = "DOSSIER", required = true)]
    paths: Vec<PathBuf>,
    /// Version visée du référentiel, par exemple 1.1.0
    #[arg(long, value_name = "VERSION", value_parser = parse_version)]
    vers: semver::Version,
    /// Montre les changements sous forme de diff, sans rien écrire
    #[arg(long)]
    dry_run: bool,
    /// Migre aussi audit.yaml (par défaut, un audit reste sur la version où il a été mené)
    #[arg(long)]
    audits: bool,
}

fn parse_version(text: &str) -> Result<semver::Version, String> {
    semver::Version::parse(text)
        .map_err(|_| "attendu une version MAJEUR.MINEUR.CORRECTIF, par exemple 1.1.0".to_string())
}

pub fn run(args: &Args, out: &mut Out) -> u8 {
    let workspace = match super::workspace(None, out) {
        Ok(workspace) => workspace,
        Err(code) => return code,
    };
    let mut found = Report::default();
    let folders = crate::validate::find_structures(&workspace, &args.paths, &mut found);
    if found.diagnostics().iter().any(Diagnostic::is_error) {
        found.finish(false);
        eprint(&render_diagnostics(
            &found,
            DiagnosticFormat::Text,
            color(stderr_is_terminal()),
        ));
        return 2;
    }
    let resolver = Resolver::new(workspace.catalog());
    let catalog = workspace.catalog();
    // Only errors stop a migration; the day changes only warnings.
    let today = crate::date::Date::today();
    let mut code = 0;
    for dir in folders {
        let shown = workspace.shown(&dir);
        let folder = structure::load(&dir, &shown, &resolver, today);
        let done = match migrate(&folder, &catalog, &args.vers, args.audits) {
            Ok(Outcome::AlreadyThere { version }) => {
                out.print(&visible(&show::already(&shown, &version)));
                0
            }
            Ok(Outcome::Migrated(migration)) => apply(args, &workspace, &shown, &migration, out),
            Err(diagnostics) => refused(folder, diagnostics),
        };
        code = code.max(done);
    }
    code
}

/// Prints the diff (`--dry-run`) or writes every changed file, then the
/// summary.
fn apply(
    args: &Args,
    workspace: &Workspace,
    shown: &str,
    migration: &Migration,
    out: &mut Out,
) -> u8 {
    if args.dry_run {
        out.print(&visible(&show::diff(&migration.files)));
        out.print(&visible(&show::summary(shown, migration, false)));
        return 0;
    }
    // All files or none: each is checked before any is written, and the
    // self-assessment, which says the folder's version, goes last.
    let mut changed: Vec<_> = migration
        .files
        .iter()
        .filter(|f| f.before != f.after)
        .collect();
    changed.sort_by_key(|f| f.path.ends_with(SelfAssessment::FILE_NAME));
    for file in &changed {
        if let Err(e) = check_writable(&file.path) {
            return super::fail(Diagnostic::not_written(e, Location::file(&file.shown)));
        }
    }
    let r = &migration.referential;
    let marker = format!("/{}/{}/autoevaluation.schema.json", r.id, r.version);
    let wants_schema = migration.files.iter().any(|f| {
        let first = f.after.lines().next().unwrap_or("");
        first.contains("yaml-language-server") && first.contains(&marker)
    });
    if wants_schema
        && let Err(e) =
            crate::schema::write_self_assessment_schema(&workspace.root, &migration.referential)
    {
        return super::fail(Diagnostic::not_written(e, Location::file(shown)));
    }
    for file in changed {
        if let Err(e) = write_atomically(&file.path, &file.after) {
            return super::fail(Diagnostic::not_written(e, Location::file(&file.shown)));
        }
    }
    out.print(&visible(&show::summary(shown, migration, true)));
    0
}

/// A structure left as it was: why, on stderr; the others go on.
fn refused(folder: StructureFolder, diagnostics: Vec<Diagnostic>) -> u8 {
    let mut report = Report::default();
    for source in folder.sources {
        report.add_source(source.path, source.text);
    }
    report.extend(diagnostics);
    report.checked = 1;
    report.finish(false);
    eprint(&render_diagnostics(
        &report,
        DiagnosticFormat::Text,
        color(stderr_is_terminal()),
    ));
    eprint(&format!(
        "La structure « {} » n'a pas été migrée : rien n'a été écrit pour elle.\n",
        crate::output::terminal_safe(&folder.shown)
    ));
    1
}
