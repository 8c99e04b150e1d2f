//! `label import DIR FILE`

use std::path::PathBuf;

use super::Out;
use crate::diagnostics::{Diagnostic, Location, Report};
use crate::output::{render_diagnostics_only, terminal_safe};
use crate::self_assessment::FILE_NAME;
use crate::spreadsheet::{self, Target};
use crate::write::write_atomically;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Dossier de la structure
    #[arg(value_name = "DOSSIER")]
    dir: PathBuf,
    /// Le tableur rempli : .xlsx, .ods ou .csv (celui de « label export »)
    #[arg(value_name = "FICHIER")]
    file: PathBuf,
    #[command(flatten)]
    today: super::options::Today,
}

pub fn run(args: &Args, out: &mut Out) -> u8 {
    let workspace = match super::workspace(None, out) {
        Ok(workspace) => workspace,
        Err(code) => return code,
    };
    let (dir, shown) = match super::structure_dir(&workspace, Some(&args.dir)) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let today = args.today.get();
    let folder = match super::export::load(&workspace, &dir, &shown, today) {
        Ok(folder) => folder,
        Err(code) => return code,
    };
    let path = dir.join(FILE_NAME);
    let yaml_shown = workspace.shown(&path);
    let (Some(assessment), Some(referential), Some(source)) = (
        &folder.self_assessment,
        &folder.referential,
        folder.sources.iter().find(|s| s.path == yaml_shown),
    ) else {
        return 1;
    };
    let file_shown = workspace.shown(&args.file);
    let grid = match spreadsheet::read_grid(
        &workspace.cwd.join(&args.file),
        &file_shown,
        spreadsheet::SHEET_NAME,
    ) {
        Ok(grid) => grid,
        Err(diagnostic) => return refuse(vec![diagnostic], &yaml_shown, &source.text),
    };
    let target = Target {
        text: &source.text,
        shown: &yaml_shown,
        referential,
        structure: &assessment.structure.id,
        kind: assessment.structure.kind,
        today,
    };
    let imported = match spreadsheet::import(&target, &grid, &file_shown) {
        Ok(imported) => imported,
        Err(found) => return refuse(found, &yaml_shown, &source.text),
    };
    if imported.changed.is_empty() {
        out.print(&format!(
            "Aucune réponse changée : {} n'a pas été modifié.\n",
            terminal_safe(&yaml_shown)
        ));
        return 0;
    }
    if let Err(error) = write_atomically(&path, &imported.text) {
        return super::fail(Diagnostic::not_written(error, Location::file(&yaml_shown)));
    }
    out.print(&format!(
        "{} : {} ({}). Vérifiez-le avec « label validate {} ».\n",
        terminal_safe(&yaml_shown),
        crate::french::plural(
            imported.changed.len(),
            "réponse modifiée",
            "réponses modifiées"
        ),
        terminal_safe(&imported.changed.join(", ")),
        terminal_safe(&shown),
    ));
    0
}

/// Every cell that could not be taken, on stderr; nothing was written.
fn refuse(found: Vec<Diagnostic>, yaml_shown: &str, yaml: &str) -> u8 {
    let mut report = Report::default();
    // A place in autoevaluation.yaml (TAB007) is quoted.
    report.add_source(yaml_shown.to_string(), yaml.to_string());
    report.extend(found);
    report.finish(false);
    let color = super::out::color(super::out::stderr_is_terminal());
    super::out::eprint(&render_diagnostics_only(&report, color));
    super::out::eprint(&format!(
        "{} : {} n'a pas été modifié ; corrigez le tableur, puis relancez l'import.\n",
        crate::french::plural(report.diagnostics().len(), "problème", "problèmes"),
        terminal_safe(yaml_shown)
    ));
    u8::try_from(report.exit_code()).unwrap_or(2).max(1)
}
