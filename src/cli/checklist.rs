//! `label checklist DIR [--format markdown|csv|html] [--excel] [--audit]`

use std::path::PathBuf;

use super::Out;
use crate::checklist::{self, Checklist, scaffold};
use crate::diagnostics::{Diagnostic, Finding, Location, Report};
use crate::output::checklist::{ChecklistFormat, render};
use crate::output::{DiagnosticFormat, render_diagnostics, terminal_safe, visible};
use crate::schema::{self, Kind};
use crate::structure::{self, Resolver, StructureFolder};
use crate::workspace::Workspace;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Dossier de la structure (par défaut : celle où l'on se trouve)
    #[arg(value_name = "DOSSIER")]
    dir: Option<PathBuf>,
    /// Format de sortie : markdown (par défaut), csv, html (un fichier autonome, imprimable)
    #[arg(
        long,
        value_enum,
        default_value = "markdown",
        hide_possible_values = true,
        hide_default_value = true
    )]
    format: ChecklistFormat,
    /// CSV pour Excel : séparateur « ; » et BOM UTF-8
    #[arg(long)]
    excel: bool,
    /// Crée aussi audit.yaml, prêt à remplir (jamais par-dessus un fichier existant)
    #[arg(long)]
    audit: bool,
    #[command(flatten)]
    today: super::options::Today,
}

pub fn run(args: &Args, out: &mut Out) -> u8 {
    if args.excel && args.format != ChecklistFormat::Csv {
        return super::usage_error::refuse("--excel ne s'emploie qu'avec --format csv");
    }
    let workspace = match super::workspace(None, out) {
        Ok(workspace) => workspace,
        Err(code) => return code,
    };
    let (dir, shown) = match super::structure_dir(&workspace, args.dir.as_deref()) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let audit_path = dir.join(crate::audit::FILE_NAME);
    if args.audit && audit_path.symlink_metadata().is_ok() {
        let shown = workspace.shown(&audit_path);
        return super::fail(Diagnostic::new(
            Finding::AlreadyExists,
            Location::file(shown),
        ));
    }
    let resolver = Resolver::new(workspace.catalog());
    let folder = structure::load(&dir, &shown, &resolver, args.today.get());
    if let Some(note) = resolver.embedded_note(workspace.note_location()) {
        super::remark(note);
    }
    if folder.has_errors() {
        return report_errors(folder);
    }
    let Some(checklist) = checklist::for_folder(&folder) else {
        return 1;
    };
    if args.audit
        && let Err(diagnostic) = write_audit(args, &workspace, &dir, &checklist)
    {
        return super::fail(diagnostic);
    }
    out.print(&visible(&render(&checklist, args.format, args.excel)));
    0
}

/// Scaffolds `audit.yaml` beside the self-assessment, and says so on stderr.
fn write_audit(
    args: &Args,
    workspace: &Workspace,
    dir: &std::path::Path,
    checklist: &Checklist,
) -> Result<(), Diagnostic> {
    let path = dir.join(crate::audit::FILE_NAME);
    let shown = workspace.shown(&path);
    if path.symlink_metadata().is_ok() {
        return Err(Diagnostic::new(
            Finding::AlreadyExists,
            Location::file(shown),
        ));
    }
    let schema_path = schema::write_kind_schema(&workspace.root, Kind::Audit)
        .map_err(|e| Diagnostic::not_written(e, Location::file(&shown)))?;
    let modeline = schema::relative_path(dir, &schema_path);
    let text = scaffold::render(checklist, args.today.get(), &modeline);
    scaffold::create(dir, &shown, &text)?;
    if super::out::quiet() {
        return Ok(());
    }
    super::out::eprint(&format!(
        "Créé : {} ({} constats à renseigner). Vérifiez-le à tout moment avec « label validate ».\n",
        terminal_safe(&shown),
        checklist.items().count()
    ));
    Ok(())
}

/// Invalid files: every problem is shown on stderr, and no checklist.
fn report_errors(folder: StructureFolder) -> u8 {
    let mut report = Report::default();
    for source in folder.sources {
        report.add_source(source.path, source.text);
    }
    report.extend(folder.diagnostics);
    report.checked = 1;
    report.finish(false);
    let color = super::out::color(super::out::stderr_is_terminal());
    super::out::eprint(&render_diagnostics(&report, DiagnosticFormat::Text, color));
    super::out::eprint("Pas de liste de contrôle : corrigez d'abord ces erreurs.\n");
    // An unreadable file means the command could not run (2).
    u8::try_from(report.exit_code()).unwrap_or(2).max(1)
}
