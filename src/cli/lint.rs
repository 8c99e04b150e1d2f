//! `label lint [REF...]`

use std::path::PathBuf;

use crate::lint;
use crate::output::DiagnosticFormat;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Fichiers ou dossiers de référentiels (par défaut : ceux de l'espace de travail, sinon ceux intégrés)
    #[arg(value_name = "REF")]
    paths: Vec<PathBuf>,
    /// Format de sortie : text (par défaut), concise, json, github, sarif, junit, gitlab
    #[arg(
        long,
        value_enum,
        default_value = "text",
        hide_possible_values = true,
        hide_default_value = true
    )]
    format: DiagnosticFormat,
    /// Traite les avertissements comme des erreurs
    #[arg(long)]
    deny_warnings: bool,
}

pub fn run(args: &Args) -> u8 {
    let workspace = match super::workspace(args.format) {
        Ok(workspace) => workspace,
        Err(code) => return code,
    };
    let mut report = lint::lint(&workspace, &args.paths);
    report.finish(args.deny_warnings);
    super::emit(&report, args.format)
}
