//! `label init DIR --structure ID --nom NOM [--type T] [--referentiel ID@VERSION]`

use std::path::PathBuf;

use super::Out;
use crate::date::Date;
use crate::ids;
use crate::init::NewStructure;
use crate::output::terminal_safe;
use crate::referential::StructureType;
use crate::structure::create::{Request, create};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Dossier de la structure (créé s'il n'existe pas)
    #[arg(value_name = "DOSSIER")]
    dir: PathBuf,
    /// Identifiant de la structure : minuscules, chiffres, tirets (ex. ml-pays-de-vitre)
    #[arg(long = "structure", value_name = "ID", value_parser = structure_id)]
    id: String,
    /// Nom de la structure
    #[arg(long, value_name = "NOM")]
    nom: String,
    /// Type de structure : mission-locale (par défaut), arml ou unml
    #[arg(long = "type", value_name = "TYPE", default_value = "mission-locale", hide_default_value = true, value_parser = structure_type)]
    kind: StructureType,
    /// Référentiel, sous la forme ID@VERSION (par défaut : la dernière version adaptée au type)
    #[arg(long, value_name = "ID@VERSION", value_parser = referential)]
    referentiel: Option<(String, String)>,
}

pub fn run(args: &Args, out: &mut Out) -> u8 {
    let workspace = match super::workspace(None, out) {
        Ok(workspace) => workspace,
        Err(code) => return code,
    };
    let request = Request {
        dir: args.dir.clone(),
        structure: NewStructure {
            id: args.id.clone(),
            name: args.nom.clone(),
            kind: args.kind,
        },
        referential: args.referentiel.clone(),
        today: Date::today(),
    };
    match create(&workspace, &request) {
        Ok(created) => {
            let origin = if created.embedded {
                ", intégré à l'outil"
            } else {
                ""
            };
            out.print(&format!(
                "Créé : {} ({} critères à renseigner, référentiel {}{origin}).\nÉtape suivante : renseignez les niveaux, puis lancez « label validate {} ».\n",
                terminal_safe(&created.shown),
                created.criteria,
                created.referential,
                terminal_safe(&args.dir.display().to_string()),
            ));
            0
        }
        Err(diagnostic) => super::fail(diagnostic),
    }
}

fn structure_id(text: &str) -> Result<String, String> {
    if ids::is_referential_id(text) {
        Ok(text.to_string())
    } else {
        Err(ids::REFERENTIAL_RULE.to_string())
    }
}

fn structure_type(text: &str) -> Result<StructureType, String> {
    StructureType::from_keyword(text)
        .ok_or_else(|| "attendu mission-locale, arml ou unml".to_string())
}

pub(super) fn referential(text: &str) -> Result<(String, String), String> {
    match text.split_once('@') {
        Some((id, version)) if !id.is_empty() && !version.is_empty() => {
            Ok((id.to_string(), version.to_string()))
        }
        _ => Err("attendu ID@VERSION, par exemple missions-locales@1.0.0".to_string()),
    }
}
