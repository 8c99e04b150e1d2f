//! `label schema KIND [--referentiel ID@VERSION]`

use crate::schema::{self, Kind};
use crate::workspace::Workspace;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Type de fichier : referentiel, referentiel-dossier, principe, autoevaluation, plan, audit
    #[arg(value_enum, value_name = "TYPE", hide_possible_values = true)]
    kind: Kind,
    /// Pour autoevaluation : le schéma propre à ce référentiel (ses niveaux, ses critères),
    /// celui que « label init » écrit dans .label/
    #[arg(long, value_name = "ID@VERSION")]
    referentiel: Option<String>,
}

pub fn run(args: &Args) -> u8 {
    match text(args) {
        Ok(text) => {
            print!("{text}");
            0
        }
        Err(message) => super::fail(&message),
    }
}

fn text(args: &Args) -> Result<String, String> {
    let Some(wanted) = args.referentiel.as_deref() else {
        return Ok(schema::json_schema(args.kind));
    };
    if args.kind != Kind::Autoevaluation {
        return Err("--referentiel ne vaut que pour « label schema autoevaluation »".into());
    }
    let cwd = std::env::current_dir().map_err(|e| format!("dossier courant inaccessible : {e}"))?;
    let workspace =
        Workspace::discover(&cwd).map_err(|d| format!("{} ({})", d.message, d.location.path))?;
    // The kind only picks a default referential, and one is named here.
    let referential = super::init::referential(
        &workspace,
        Some(wanted),
        crate::referential::StructureType::MissionLocale,
    )?;
    Ok(schema::self_assessment_schema(&referential))
}
