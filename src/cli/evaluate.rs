//! `label evaluate [PATH...]`

use std::path::PathBuf;

use super::Out;
use crate::evaluation::{self, FailOn};

use crate::output::evaluation::{EvaluationView, RenderOptions, ResultFormat, write};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Dossiers de structures, ou dossiers qui en contiennent (par défaut : le dossier courant s'il est une structure, sinon le dossier des structures de l'espace de travail)
    #[arg(value_name = "CHEMIN")]
    paths: Vec<PathBuf>,
    /// Format de sortie : text (par défaut), json, csv, markdown
    #[arg(
        long,
        value_enum,
        default_value = "text",
        hide_possible_values = true,
        hide_default_value = true
    )]
    format: ResultFormat,
    /// CSV pour Excel : séparateur « ; » et BOM UTF-8
    #[arg(long)]
    excel: bool,
    /// Regroupe la vue réseau par région
    #[arg(long)]
    par_region: bool,
    /// Retire identifiants, noms et chemins des structures (publication)
    #[arg(long)]
    anonyme: bool,
    /// Code de sortie 1 au-delà de ce seuil : majeur (un écart majeur), mineur (un écart quelconque), non-pret (une structure non prête)
    #[arg(long, value_enum, value_name = "SEUIL", hide_possible_values = true)]
    fail_on: Option<FailOn>,
    #[command(flatten)]
    today: super::options::Today,
    /// Largeur des tableaux (par défaut : la variable COLUMNS, sinon 80)
    #[arg(long, value_name = "COLONNES")]
    largeur: Option<u16>,
}

pub fn run(args: &Args, out: &mut Out) -> u8 {
    if args.excel && args.format != ResultFormat::Csv {
        return super::usage_error::refuse("--excel ne s'emploie qu'avec --format csv");
    }
    let workspace = match super::workspace(None, out) {
        Ok(workspace) => workspace,
        Err(code) => return code,
    };
    let today = args.today.get();
    let keep = |folder: crate::structure::StructureFolder| evaluation::evaluate_folder(&folder);
    let progress = super::progress::bar();
    let (mut report, mut structures) =
        crate::validate::validate(&workspace, &args.paths, today, &progress, &keep);
    report.finish(false);
    evaluation::sort(&mut structures);
    if args.anonyme {
        evaluation::anonymize(&mut structures);
    }
    let view = EvaluationView {
        network: (structures.len() > 1).then(|| evaluation::criterion_counts(&structures)),
        regions: args.par_region.then(|| evaluation::by_region(&structures)),
        structures: &structures,
        report: &report,
    };
    let options = RenderOptions {
        width: args.largeur.unwrap_or_else(super::terminal_width),
        excel: args.excel,
    };
    out.stream(|w| write(&view, args.format, options, w));
    let exit = report.exit_code();
    if exit != 0 {
        return u8::try_from(exit).unwrap_or(2);
    }
    u8::from(
        args.fail_on
            .is_some_and(|t| evaluation::fails(&structures, t)),
    )
}
