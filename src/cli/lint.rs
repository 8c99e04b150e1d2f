//! `label lint [REF...]`

use std::path::PathBuf;

use crate::diagnostics::{Diagnostic, Finding, Location, Report};
use crate::lint;
use crate::output::DiagnosticFormat;
use crate::workspace::Workspace;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Fichiers ou dossiers de référentiels (par défaut : ceux de l'espace de travail, sinon ceux intégrés)
    #[arg(value_name = "REF")]
    paths: Vec<PathBuf>,
    /// Format de sortie
    #[arg(long, value_enum, default_value = "text")]
    format: DiagnosticFormat,
    /// Traite les avertissements comme des erreurs
    #[arg(long)]
    deny_warnings: bool,
}

pub fn run(args: &Args) -> u8 {
    let cwd = match super::current_dir() {
        Ok(dir) => dir,
        Err(code) => return code,
    };
    let workspace = match Workspace::discover(&cwd) {
        Ok(workspace) => workspace,
        Err(diagnostic) => return config_error(diagnostic, args.format),
    };
    let mut report = lint::lint(&workspace, &args.paths);
    report.finish(args.deny_warnings);
    super::emit(&report, args.format)
}

/// An invalid `label.toml` stops the command (exit 2), reported in format.
fn config_error(diagnostic: Diagnostic, format: DiagnosticFormat) -> u8 {
    let mut report = Report::default();
    let path = diagnostic.location.path.clone();
    if let Ok(text) = std::fs::read_to_string(&path) {
        report.add_source(&path, text);
    }
    report.push(diagnostic);
    report.push(Diagnostic::new(
        Finding::Unreadable {
            detail: "configuration de l'espace de travail invalide".into(),
        },
        Location::file(path),
    ));
    report.finish(false);
    super::emit(&report, format)
}
