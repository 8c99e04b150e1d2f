//! `label lint [REF...]`

use std::path::PathBuf;

use super::Out;
use crate::lint;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Fichiers ou dossiers de référentiels (par défaut : ceux de l'espace de travail ; sans espace de travail, ceux intégrés à l'outil, avec une remarque)
    #[arg(value_name = "REF")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    output: super::options::DiagnosticOptions,
}

pub fn run(args: &Args, out: &mut Out) -> u8 {
    let workspace = match super::workspace(Some(args.output.format), out) {
        Ok(workspace) => workspace,
        Err(code) => return code,
    };
    let mut report = lint::lint(&workspace, &args.paths);
    report.finish(args.output.deny_warnings);
    super::emit(&report, args.output.format, out)
}
