//! `label validate [PATH...]`

use std::path::PathBuf;

use crate::output::DiagnosticFormat;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Dossiers de structures, ou dossiers qui en contiennent (par défaut : le dossier courant s'il est une structure, sinon le dossier des structures de l'espace de travail)
    #[arg(value_name = "CHEMIN")]
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
    /// Date du jour pour les échéances (AAAA-MM-JJ ; par défaut aujourd'hui)
    #[arg(long, value_name = "DATE", value_parser = super::parse_date)]
    date: Option<crate::date::Date>,
}

pub fn run(args: &Args) -> u8 {
    let workspace = match super::workspace(args.format) {
        Ok(workspace) => workspace,
        Err(code) => return code,
    };
    let today = args.date.unwrap_or_else(crate::date::Date::today);
    let progress = super::progress::bar();
    let nothing = |_| None::<()>;
    let (mut report, _) =
        crate::validate::validate(&workspace, &args.paths, today, &progress, &nothing);
    report.finish(args.deny_warnings);
    super::emit(&report, args.format)
}
