//! `label schema KIND [--referentiel ID@VERSION]`

use crate::diagnostics::Location;
use crate::schema::{self, Kind};
use crate::structure::create::find_referential;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Type de fichier : referentiel, referentiel-dossier, principe, autoevaluation, plan, audit
    #[arg(value_enum, value_name = "TYPE", hide_possible_values = true)]
    kind: Kind,
    /// Pour autoevaluation : le schéma propre à ce référentiel (ses niveaux, ses critères),
    /// celui que « label init » écrit dans .label/
    #[arg(long, value_name = "ID@VERSION", value_parser = super::init::referential)]
    referentiel: Option<(String, String)>,
}

pub fn run(args: &Args, out: &mut super::Out) -> u8 {
    let Some(wanted) = &args.referentiel else {
        out.print(&schema::json_schema(args.kind));
        return 0;
    };
    if args.kind != Kind::Autoevaluation {
        return super::usage_error::refuse(
            "--referentiel ne vaut que pour « label schema autoevaluation »",
        );
    }
    let workspace = match super::workspace(None, out) {
        Ok(workspace) => workspace,
        Err(code) => return code,
    };
    let here = Location::file(format!("{}@{}", wanted.0, wanted.1));
    match find_referential(&workspace, Some(wanted), &wanted.0, &here) {
        Ok((referential, embedded)) => {
            if embedded {
                let finding = crate::diagnostics::Finding::EmbeddedReferentials {
                    list: format!("{} {}", referential.id, referential.version),
                };
                let note = crate::diagnostics::Diagnostic::new(finding, workspace.note_location());
                super::remark(note);
            }
            out.print(&schema::self_assessment_schema(&referential));
            0
        }
        Err(diagnostic) => super::fail(diagnostic),
    }
}
