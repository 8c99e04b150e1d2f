//! `label schema KIND`

use crate::schema::{self, Kind};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Type de fichier : referentiel, principe, autoevaluation, plan, audit
    #[arg(value_enum, value_name = "TYPE", hide_possible_values = true)]
    kind: Kind,
}

pub fn run(args: &Args, out: &mut super::Out) -> u8 {
    out.print(&schema::json_schema(args.kind));
    0
}
