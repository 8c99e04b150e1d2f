//! `label export DIR [--format xlsx|csv] [--excel] [-o FILE]`

use std::path::{Path, PathBuf};

use super::Out;
use crate::diagnostics::{Diagnostic, Finding, Location, Report};
use crate::output::spreadsheet::{self, SheetFormat};
use crate::output::{DiagnosticFormat, render_diagnostics, terminal_safe};
use crate::structure::{self, Resolver, StructureFolder};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Dossier de la structure (par défaut : celle où l'on se trouve)
    #[arg(value_name = "DOSSIER")]
    dir: Option<PathBuf>,
    /// Format : xlsx (par défaut ; Excel, LibreOffice), csv
    #[arg(
        long,
        value_enum,
        default_value = "xlsx",
        hide_possible_values = true,
        hide_default_value = true
    )]
    format: SheetFormat,
    /// CSV pour Excel : séparateur « ; » et BOM UTF-8
    #[arg(long)]
    excel: bool,
    #[command(flatten)]
    today: super::options::Today,
}

pub fn run(args: &Args, out: &mut Out) -> u8 {
    if args.excel && args.format != SheetFormat::Csv {
        return super::usage_error::refuse("--excel ne s'emploie qu'avec --format csv");
    }
    if args.format == SheetFormat::Xlsx && out.is_terminal() {
        return super::usage_error::refuse(
            "un classeur xlsx ne s'affiche pas dans le terminal : indiquez le fichier à écrire, par exemple -o autoevaluation.xlsx",
        );
    }
    let workspace = match super::workspace(None, out) {
        Ok(workspace) => workspace,
        Err(code) => return code,
    };
    let (dir, shown) = match super::structure_dir(&workspace, args.dir.as_deref()) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let folder = match load(&workspace, &dir, &shown, args.today.get()) {
        Ok(folder) => folder,
        Err(code) => return code,
    };
    let (Some(assessment), Some(referential)) = (&folder.self_assessment, &folder.referential)
    else {
        return 1;
    };
    let sheet = crate::spreadsheet::sheet(assessment, referential);
    let bytes = match args.format {
        SheetFormat::Csv => Ok(spreadsheet::csv(&sheet, args.excel).into_bytes()),
        SheetFormat::Xlsx => spreadsheet::xlsx(&sheet),
    };
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(detail) => {
            let shown = out.file().map_or("-".into(), |p| workspace.shown(p));
            return super::fail(Diagnostic::new(
                Finding::WriteFailed { detail },
                Location::file(shown),
            ));
        }
    };
    out.stream(|w| w.write_all(&bytes));
    if let Some(path) = out.file()
        && !super::out::quiet()
    {
        // On standard error: standard output is the workbook's file.
        super::out::eprint(&format!(
            "Écrit : {} ({} critères). Remplissez les colonnes « Niveau », « Commentaire », « Preuves » et « Justification si non concerné », puis : label import {} {}\n",
            terminal_safe(&workspace.shown(path)),
            sheet.rows.len(),
            terminal_safe(&shown),
            terminal_safe(&workspace.shown(path)),
        ));
    }
    0
}

/// The structure folder, valid: its errors are shown on stderr and stop
/// the command (exit 1), for export and import alike.
pub(super) fn load(
    workspace: &crate::workspace::Workspace,
    dir: &Path,
    shown: &str,
    today: crate::date::Date,
) -> Result<StructureFolder, u8> {
    let resolver = Resolver::new(workspace.catalog());
    let folder = structure::load(dir, shown, &resolver, today);
    if let Some(note) = resolver.embedded_note(workspace.note_location()) {
        super::remark(note);
    }
    if !folder.has_errors() {
        return Ok(folder);
    }
    let mut report = Report::default();
    for source in folder.sources {
        report.add_source(source.path, source.text);
    }
    report.extend(folder.diagnostics);
    report.checked = 1;
    report.finish(false);
    let color = super::out::color(super::out::stderr_is_terminal());
    super::out::eprint(&render_diagnostics(&report, DiagnosticFormat::Text, color));
    super::out::eprint("Corrigez d'abord ces erreurs (label validate).\n");
    Err(u8::try_from(report.exit_code()).unwrap_or(2).max(1))
}
