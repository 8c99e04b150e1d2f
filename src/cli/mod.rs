//! The command line: one small module per subcommand, each wiring arguments
//! to the library.

mod audit;
mod checklist;
mod completions;
mod diff;
mod evaluate;
mod export;
mod import;
mod init;
mod lint;
mod migrate;
mod options;
mod out;
mod plan;
mod progress;
mod report;
mod schema;
mod usage_error;
mod validate;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::diagnostics::{Diagnostic, Report};
use crate::output::{self, DiagnosticFormat};

pub use out::Out;

const HELP_TEMPLATE: &str = "\
{before-help}{about}

Utilisation : {usage}

{all-args}{after-help}";

/// Outils du label qualité national des missions locales.
#[derive(Debug, Parser)]
#[command(
    name = "label",
    bin_name = "label",
    version,
    about = "Outils du label qualité national des missions locales : référentiels, autoévaluations, plans d'amélioration, audits.",
    help_template = HELP_TEMPLATE,
    subcommand_help_heading = "Commandes ",
    subcommand_value_name = "COMMANDE",
    next_help_heading = "Options ",
    max_term_width = 80,
    disable_help_subcommand = true,
    disable_help_flag = true,
    disable_version_flag = true
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Affiche l'aide
    #[arg(short = 'h', long = "help", action = clap::ArgAction::Help, global = true)]
    help: Option<bool>,
    /// Affiche la version
    #[arg(short = 'V', long = "version", action = clap::ArgAction::Version)]
    version: Option<bool>,
    #[command(flatten)]
    global: options::Global,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Vérifie des référentiels : tous les problèmes, pas seulement le premier
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Options ")]
    Lint(lint::Args),
    /// Crée l'autoévaluation d'une structure, prête à renseigner
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Options ")]
    Init(init::Args),
    /// Vérifie autoévaluations, plans et audits au regard de leur référentiel
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Options ")]
    Validate(validate::Args),
    /// Calcule les écarts de chaque structure, sa préparation à l'audit et la vue réseau
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Options ")]
    Evaluate(evaluate::Args),
    /// Crée ou complète le plan d'amélioration à partir des écarts, sans rien perdre ; --suivi pour son avancement
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Options ")]
    Plan(plan::Args),
    /// La liste de contrôle des auditeurs pour une structure (markdown, csv, html) ; --audit crée audit.yaml
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Options ")]
    Checklist(checklist::Args),
    /// Vérifie audit.yaml et calcule la proposition de décision, ses échéances et le cycle du label
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Options ")]
    Audit(audit::Args),
    /// Le rapport prêt pour l'audit d'une structure, ou la synthèse du réseau (html, markdown, json)
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Options ")]
    Report(report::Args),
    /// L'autoévaluation en tableur (xlsx, csv), à remplir dans Excel ou LibreOffice
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Options ")]
    Export(export::Args),
    /// Reporte dans autoevaluation.yaml les réponses d'un tableur rempli, sans rien perdre d'autre
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Options ")]
    Import(import::Args),
    /// Ce qui change entre deux versions d'un référentiel (texte, notes de version en markdown, json)
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Options ")]
    Diff(diff::Args),
    /// Fait passer une ou plusieurs structures à une nouvelle version du référentiel, sans rien perdre
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Options ")]
    Migrate(migrate::Args),
    /// Affiche le schéma JSON (draft-07) d'un type de fichier, pour les éditeurs
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Options ")]
    Schema(schema::Args),
    /// Le script de complétion des commandes pour un shell (bash, zsh, fish, powershell, elvish)
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Options ")]
    Completions(completions::Args),
    /// La page de manuel (man), à lire avec « man -l » ou à installer
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Options ")]
    Man,
    /// Affiche l'aide de l'outil, ou d'une commande
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Options ")]
    Help(completions::HelpArgs),
}

/// Runs the command line and returns the process exit code (§5.3).
pub fn run() -> ExitCode {
    match Cli::try_parse_from(std::env::args_os()) {
        Ok(cli) => {
            out::set_policy(cli.global.color, cli.global.quiet);
            let mut out = Out::to(cli.global.output);
            let code = dispatch(cli.command, &mut out);
            ExitCode::from(out.finish(code))
        }
        Err(error) => ExitCode::from(parse_error(&error)),
    }
}

/// Help and version go to stdout with success; misuse is told in French
/// on stderr (exit 2).
fn parse_error(error: &clap::Error) -> u8 {
    let mut out = Out::new();
    if error.use_stderr() {
        out::eprint(&usage_error::french(error));
        return out.finish(2);
    }
    out.print(&error.render().to_string());
    out.finish(0)
}

fn dispatch(command: Command, out: &mut Out) -> u8 {
    match command {
        Command::Lint(args) => lint::run(&args, out),
        Command::Init(args) => init::run(&args, out),
        Command::Validate(args) => validate::run(&args, out),
        Command::Schema(args) => schema::run(&args, out),
        Command::Evaluate(args) => evaluate::run(&args, out),
        Command::Plan(args) => plan::run(&args, out),
        Command::Checklist(args) => checklist::run(&args, out),
        Command::Audit(args) => audit::run(&args, out),
        Command::Report(args) => report::run(&args, out),
        Command::Completions(args) => completions::run(&args, out),
        Command::Man => completions::man(out),
        Command::Help(args) => completions::help(&args, out),
        Command::Export(args) => export::run(&args, out),
        Command::Import(args) => import::run(&args, out),
        Command::Diff(args) => diff::run(&args, out),
        Command::Migrate(args) => migrate::run(&args, out),
    }
}

/// Prints a report of diagnostics on stdout and gives the exit code.
/// With `--quiet`, remarks (notes) are left out.
fn emit(report: &mut Report, format: DiagnosticFormat, out: &mut Out) -> u8 {
    if out::quiet() {
        report.retain(|d| d.severity != crate::diagnostics::Severity::Note);
    }
    let color = out::color(out.is_terminal());
    out.print(&output::render_diagnostics(report, format, color));
    u8::try_from(report.exit_code()).unwrap_or(2)
}

/// Width for tables: the terminal's, else `COLUMNS`, else 80 (readable
/// on any terminal).
fn terminal_width() -> u16 {
    let columns = || {
        std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.parse::<u16>().ok())
    };
    terminal_size::terminal_size_of(std::io::stdout())
        .map(|(terminal_size::Width(w), _)| w)
        .or_else(columns)
        .filter(|w| *w >= 40)
        .unwrap_or(80)
}

/// A problem that stops a command before any work, told on stderr with its
/// code and place: the command could not run (exit 2).
pub(crate) fn fail(mut diagnostic: Diagnostic) -> u8 {
    diagnostic.make_inert();
    let mut report = Report::default();
    report.push(diagnostic);
    let color = out::color(out::stderr_is_terminal());
    out::eprint(&output::render_diagnostics_only(&report, color));
    2
}

/// The structure folder a command works on: `dir`, else the one the
/// current folder lies in (walking up, as git does); a folder without
/// `autoevaluation.yaml` stops the command (STR005).
fn structure_dir(
    workspace: &crate::workspace::Workspace,
    dir: Option<&std::path::Path>,
) -> Result<(std::path::PathBuf, String), u8> {
    let dir = match dir {
        Some(dir) => workspace.cwd.join(dir),
        None => workspace
            .enclosing_structure()
            .unwrap_or_else(|| workspace.cwd.clone()),
    };
    let shown = workspace.shown(&dir);
    // A self-assessment that is not a regular file (a FIFO, a folder) is
    // reported by the reader; a dangling link or a loop is no structure.
    if std::fs::metadata(dir.join(crate::self_assessment::FILE_NAME)).is_err() {
        let finding = crate::diagnostics::Finding::NoStructure;
        let location = crate::diagnostics::Location::file(shown);
        return Err(fail(Diagnostic::new(finding, location)));
    }
    Ok((dir, shown))
}

/// A remark that does not stop the command (for instance CFG005: the
/// embedded referentials were used), told on stderr unless `--quiet`.
fn remark(mut diagnostic: Diagnostic) {
    if out::quiet() {
        return;
    }
    diagnostic.make_inert();
    let mut report = Report::default();
    report.push(diagnostic);
    let color = out::color(out::stderr_is_terminal());
    out::eprint(&output::render_diagnostics_only(&report, color));
}

/// The workspace of the current folder; an invalid `label.toml` stops the
/// command (exit 2), reported on stdout in `format` for the commands whose
/// output is diagnostics, else on stderr.
fn workspace(
    format: Option<DiagnosticFormat>,
    out: &mut Out,
) -> Result<crate::workspace::Workspace, u8> {
    let cwd = std::env::current_dir().map_err(|e| {
        let detail = out::io_reason(&e);
        let finding = crate::diagnostics::Finding::Unreadable { detail };
        fail(Diagnostic::new(
            finding,
            crate::diagnostics::Location::file("."),
        ))
    })?;
    crate::workspace::Workspace::discover(&cwd).map_err(|diagnostic| {
        let mut report = Report::default();
        let path = diagnostic.location.path.clone();
        // Quoted only if it is a readable regular file of sane size.
        if let Ok(source) = crate::source::SourceFile::read(&cwd.join(&path), &path) {
            report.add_source(&path, source.text);
        }
        report.push(diagnostic);
        report.finish(false);
        match format {
            Some(format) => emit(&mut report, format, out),
            None => {
                let color = out::color(out::stderr_is_terminal());
                let text = output::render_diagnostics(&report, DiagnosticFormat::Text, color);
                out::eprint(&text);
                2
            }
        }
    })
}
