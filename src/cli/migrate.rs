//! `label migrate DIR --vers VERSION [--dry-run] [--audits]`

use std::path::PathBuf;

use super::Out;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Dossiers de structures, ou dossiers qui en contiennent
    #[arg(value_name = "DOSSIER", required = true)]
    paths: Vec<PathBuf>,
    /// Version visée du référentiel, par exemple 1.1.0
    #[arg(long, value_name = "VERSION")]
    vers: String,
    /// Montre les changements sous forme de diff, sans rien écrire
    #[arg(long)]
    dry_run: bool,
    /// Migre aussi audit.yaml (par défaut, un audit reste sur la version où il a été mené)
    #[arg(long)]
    audits: bool,
}

pub fn run(_args: &Args, _out: &mut Out) -> u8 {
    2
}
