//! `label evaluate [PATH...]`

use std::path::PathBuf;

use super::Out;
use super::out::{eprint, stderr_is_terminal};
use crate::diagnostics::Report;
use crate::evaluation::{self, Anonymity, FailOn, StructureEvaluation};
use crate::output::evaluation::{
    EvaluationView, Hidden, RenderOptions, ResultFormat, breach_message, hidden_note, write,
};
use crate::output::{DiagnosticFormat, render_diagnostics};
use crate::workspace::Workspace;

/// `--fail-on` values, mapped to the library's [`FailOn`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum FailOnArg {
    /// Au moins un écart majeur
    Majeur,
    /// Au moins un écart, mineur ou majeur
    Mineur,
    /// Au moins une structure non prête pour l'audit
    NonPret,
}

impl From<FailOnArg> for FailOn {
    fn from(arg: FailOnArg) -> FailOn {
        match arg {
            FailOnArg::Majeur => FailOn::Majeur,
            FailOnArg::Mineur => FailOn::Mineur,
            FailOnArg::NonPret => FailOn::NonPret,
        }
    }
}

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
    /// CSV pour les personnes : titres, statuts en français, une ligne de synthèse par structure (taux, complétude, préparation)
    #[arg(long)]
    lisible: bool,
    /// Regroupe la vue réseau par région
    #[arg(long)]
    par_region: bool,
    /// Rien d'identifiant dans la sortie (publication) : pseudonymes, petits groupes regroupés dans « autres »
    #[arg(long)]
    anonyme: bool,
    /// Sel secret de l'ordre des pseudonymes (par défaut : « sel » de la table [anonymisation] de label.toml)
    #[arg(long, value_name = "SEL", requires = "anonyme")]
    sel: Option<String>,
    /// Code de sortie 1 au-delà de ce seuil : majeur (un écart majeur), mineur (un écart quelconque), non-pret (une structure non prête)
    #[arg(long, value_enum, value_name = "SEUIL", hide_possible_values = true)]
    fail_on: Option<FailOnArg>,
    #[command(flatten)]
    today: super::options::Today,
    /// Largeur des tableaux du format text (par défaut : celle du terminal, sinon la variable COLUMNS, sinon 80)
    #[arg(long, value_name = "COLONNES", value_parser = super::options::parse_width)]
    largeur: Option<u16>,
}

pub fn run(args: &Args, out: &mut Out) -> u8 {
    if args.excel && args.format != ResultFormat::Csv {
        return super::usage_error::refuse("--excel ne s'emploie qu'avec --format csv");
    }
    if args.lisible && args.format != ResultFormat::Csv {
        return super::usage_error::refuse("--lisible ne s'emploie qu'avec --format csv");
    }
    if args.largeur.is_some() && args.format != ResultFormat::Text {
        return super::usage_error::refuse("--largeur ne s'emploie qu'avec le format text");
    }
    if args.par_region && args.format == ResultFormat::Csv {
        return super::usage_error::refuse(
            "--par-region ne s'emploie pas avec --format csv : le CSV donne déjà la région de chaque structure",
        );
    }
    let workspace = match super::workspace(None, out) {
        Ok(workspace) => workspace,
        Err(code) => return code,
    };
    let anonymity = match args
        .anonyme
        .then(|| anonymity(args.sel.as_deref(), &workspace))
    {
        Some(Err(code)) => return code,
        Some(Ok(anonymity)) => Some(anonymity),
        None => None,
    };
    let (report, structures) = evaluate(args, &workspace);
    let (structures, hidden, report) = match &anonymity {
        Some(a) => {
            let anonymized = evaluation::anonymize(structures, &report, a);
            (anonymized.structures, anonymized.hidden, anonymized.report)
        }
        None => (structures, Vec::new(), report),
    };
    let mut report = report;
    // `--quiet`: no remarks (CFG005…) on stderr; JSON keeps them, as data.
    if super::out::quiet() && args.format != ResultFormat::Json {
        report.retain(|d| d.severity != crate::diagnostics::Severity::Note);
    }
    if args.par_region && structures.len() + hidden.len() <= 1 && !super::out::quiet() {
        // Said, not silently ignored: one structure has no network view.
        eprint(
            "remarque : --par-region est sans effet sur une seule structure (pas de vue réseau)\n",
        );
    }
    let view = EvaluationView {
        network: (structures.len() + hidden.len() > 1).then(|| {
            let secrecy = anonymity.as_ref().map(|a| a.threshold);
            evaluation::network(&structures, args.par_region, secrecy)
        }),
        anonymous: anonymity.as_ref().map(|a| Hidden {
            threshold: a.threshold,
            count: hidden.len(),
        }),
        structures: &structures,
        report: &report,
    };
    print(args, &view, out);
    let exit = u8::try_from(report.exit_code()).unwrap_or(2);
    match args.fail_on {
        Some(threshold) if fail_on(threshold.into(), &structures, &hidden) => exit.max(1),
        _ => exit,
    }
}

/// Every structure found, evaluated or not, sorted by id (§6.4).
fn evaluate(args: &Args, workspace: &Workspace) -> (Report, Vec<StructureEvaluation>) {
    let progress = super::progress::bar();
    evaluation::evaluate_all(workspace, &args.paths, args.today.get(), &progress)
}

/// `--anonyme` needs a secret salt: `--sel`, else `anonymisation.sel`.
/// Without one the command refuses (exit 2) rather than draw a random one:
/// outputs stay reproducible, and pseudonyms stay the same from one
/// publication to the next only when the network chose so.
pub(super) fn anonymity(sel: Option<&str>, workspace: &Workspace) -> Result<Anonymity, u8> {
    let config = &workspace.anonymisation;
    let salt = sel
        .map(str::to_string)
        .or_else(|| config.sel.clone())
        .filter(|s| !s.trim().is_empty());
    let Some(salt) = salt else {
        return Err(super::usage_error::refuse(
            "--anonyme demande un sel secret : --sel SEL, ou « sel » dans la table [anonymisation] de label.toml",
        ));
    };
    Ok(Anonymity {
        salt,
        threshold: config.seuil.unwrap_or(evaluation::DEFAULT_THRESHOLD),
    })
}

/// Results on stdout; diagnostics on stderr, except in JSON where they are
/// part of the output.
fn print(args: &Args, view: &EvaluationView, out: &mut Out) {
    let options = RenderOptions {
        width: args.largeur.unwrap_or_else(super::terminal_width),
        excel: args.excel,
        readable: args.lisible,
    };
    out.stream(|w| write(view, args.format, options, w));
    if args.format == ResultFormat::Json {
        return;
    }
    if !view.report.diagnostics().is_empty() {
        let color = super::out::color(stderr_is_terminal());
        eprint(&render_diagnostics(
            view.report,
            DiagnosticFormat::Text,
            color,
        ));
    }
    if args.format == ResultFormat::Csv
        && let Some(note) = hidden_note(view.anonymous)
    {
        eprint(&format!("{note}\n"));
    }
}

/// Whether `--fail-on` is crossed; if so, says on stderr which structures
/// and which rule.
fn fail_on(
    threshold: FailOn,
    shown: &[StructureEvaluation],
    hidden: &[StructureEvaluation],
) -> bool {
    let shown = evaluation::breaches(shown, threshold);
    let hidden = evaluation::breaches(hidden, threshold);
    if shown.is_empty() && hidden.is_empty() {
        return false;
    }
    eprint(&breach_message(threshold, &shown, &hidden));
    true
}
