//! `label validate [PATH...]`

use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Dossiers de structures, ou dossiers qui en contiennent (par défaut : le dossier courant s'il est une structure, sinon le dossier des structures de l'espace de travail)
    #[arg(value_name = "CHEMIN")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    output: super::options::DiagnosticOptions,
    #[command(flatten)]
    today: super::options::Today,
}

pub fn run(args: &Args, out: &mut super::Out) -> u8 {
    let workspace = match super::workspace(Some(args.output.format), out) {
        Ok(workspace) => workspace,
        Err(code) => return code,
    };
    let today = args.today.get();
    let progress = super::progress::bar();
    let nothing = |_: &crate::structure::StructureFolder| None::<()>;
    let (mut report, _) =
        crate::validate::validate(&workspace, &args.paths, today, &progress, &nothing);
    args.output.finish(&mut report, &workspace.ignore);
    super::emit(&mut report, args.output.format, out)
}
