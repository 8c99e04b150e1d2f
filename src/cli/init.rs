//! `label init DIR --structure ID --nom NOM [--type T] [--referentiel ID@VERSION]`

use std::fs;
use std::io::Write;
use std::path::PathBuf;

use crate::date::Date;
use crate::editor_schema::{self, relative_path};
use crate::ids;
use crate::init::{NewStructure, default_referential, render};
use crate::referential::{Referential, StructureType};
use crate::schema::Kind;
use crate::self_assessment;
use crate::workspace::Workspace;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Dossier de la structure (créé s'il n'existe pas)
    #[arg(value_name = "DOSSIER")]
    dir: PathBuf,
    /// Identifiant de la structure : minuscules, chiffres, tirets (ex. ml-pays-de-vitre)
    #[arg(long = "structure", value_name = "ID")]
    id: String,
    /// Nom de la structure
    #[arg(long, value_name = "NOM")]
    nom: String,
    /// Type de structure : mission-locale, arml ou unml
    #[arg(long = "type", value_name = "TYPE", default_value = "mission-locale")]
    kind: String,
    /// Référentiel, sous la forme ID@VERSION (par défaut : la dernière version adaptée au type)
    #[arg(long, value_name = "ID@VERSION")]
    referentiel: Option<String>,
}

pub fn run(args: &Args) -> u8 {
    match init(args) {
        Ok(message) => {
            println!("{message}");
            0
        }
        Err(message) => super::fail(&message),
    }
}

fn init(args: &Args) -> Result<String, String> {
    if !ids::is_referential_id(&args.id) {
        return Err(format!(
            "identifiant de structure « {} » mal formé : {}",
            args.id,
            ids::REFERENTIAL_RULE
        ));
    }
    let kind = StructureType::from_keyword(&args.kind).ok_or_else(|| {
        format!(
            "type « {} » inconnu : mission-locale, arml ou unml",
            args.kind
        )
    })?;
    let cwd = std::env::current_dir().map_err(|e| format!("dossier courant inaccessible : {e}"))?;
    let workspace =
        Workspace::discover(&cwd).map_err(|d| format!("{} ({})", d.message, d.location.path))?;
    let referential = referential(&workspace, args.referentiel.as_deref(), kind)?;
    if !referential.structure_types.contains(&kind) {
        return Err(format!(
            "le référentiel {} ne s'applique pas aux structures de type « {} »",
            referential.key(),
            args.kind
        ));
    }
    let dir = cwd.join(&args.dir);
    let target = dir.join(self_assessment::FILE_NAME);
    let shown = workspace.shown(&target);
    if target.exists() || target.symlink_metadata().is_ok() {
        return Err(format!("{shown} existe déjà : rien n'a été modifié"));
    }
    fs::create_dir_all(&dir)
        .map_err(|e| format!("création de {} impossible : {e}", args.dir.display()))?;
    let schema_path = write_schema(&workspace)?;
    let relative = relative_path(&dir, &schema_path);
    let structure = NewStructure {
        id: args.id.clone(),
        name: args.nom.clone(),
        kind,
    };
    let text = render(&referential, &structure, Date::today(), &relative);
    // create_new: a file that appeared meanwhile is never overwritten.
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&target)
        .map_err(|e| format!("écriture de {shown} impossible : {e} ; rien n'a été modifié"))?;
    file.write_all(text.as_bytes())
        .map_err(|e| format!("écriture de {shown} impossible : {e}"))?;
    let count = referential.criteria().count();
    Ok(format!(
        "Créé : {shown} ({count} critères à renseigner, référentiel {}).\nÉtape suivante : renseignez les niveaux, puis lancez « label validate {} ».",
        referential.key(),
        args.dir.display()
    ))
}

fn referential(
    workspace: &Workspace,
    wanted: Option<&str>,
    kind: StructureType,
) -> Result<Referential, String> {
    let catalog = workspace.catalog();
    let (id, loaded) = match wanted {
        Some(text) => {
            let (id, version) = text.split_once('@').ok_or_else(|| {
                format!("« {text} » : attendu ID@VERSION, par exemple missions-locales@1.0.0")
            })?;
            (id.to_string(), catalog.find(id, version))
        }
        None => {
            let id = default_referential(kind);
            (id.to_string(), catalog.latest(id))
        }
    };
    let Some(loaded) = loaded else {
        let versions = catalog.versions(&id);
        let known = if versions.is_empty() {
            "aucune".to_string()
        } else {
            versions.join(", ")
        };
        return Err(format!(
            "référentiel « {} » introuvable (versions disponibles de « {id} » : {known})",
            wanted.unwrap_or(&id)
        ));
    };
    loaded.referential.ok_or_else(|| {
        format!(
            "le référentiel {} contient des erreurs : lancez « label lint {} »",
            loaded.shown, loaded.shown
        )
    })
}

/// Writes the self-assessment schema under the workspace's `.label/`,
/// where editors find it.
fn write_schema(workspace: &Workspace) -> Result<PathBuf, String> {
    let path = editor_schema::location(&workspace.root, Kind::Autoevaluation);
    editor_schema::write(&path, Kind::Autoevaluation)?;
    Ok(path)
}
