//! `label lint [REF...]`

use std::path::PathBuf;

use super::Out;
use crate::lint;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Fichiers ou dossiers de référentiels, ou « - » pour un référentiel lu sur l'entrée standard (par défaut : ceux de l'espace de travail ; sans espace de travail, ceux intégrés à l'outil, avec une remarque)
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
    let stdin = args.paths.iter().any(|p| p.as_os_str() == "-");
    if stdin && args.paths.len() > 1 {
        return super::usage_error::refuse(
            "« - » (l'entrée standard) se donne seul : un référentiel à la fois",
        );
    }
    let mut report = if stdin {
        lint::lint_source(super::out::read_stdin())
    } else {
        lint::lint(&workspace, &args.paths)
    };
    args.output.finish(&mut report, &workspace.ignore);
    super::emit(&mut report, args.output.format, out)
}
