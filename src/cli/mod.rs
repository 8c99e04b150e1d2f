//! The command line: one small module per subcommand, each wiring arguments
//! to the library.

mod evaluate;
mod init;
mod lint;
mod options;
mod plan;
mod progress;
mod schema;
mod usage_error;
mod validate;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::diagnostics::Report;
use crate::output::{self, Color, DiagnosticFormat};

const HELP_TEMPLATE: &str = "\
{before-help}{about}

Utilisation : {usage}

{all-args}{after-help}";

/// Outils du label qualité national des missions locales.
#[derive(Debug, Parser)]
#[command(
    name = "label",
    version,
    about = "Outils du label qualité national des missions locales : référentiels, autoévaluations, plans d'amélioration, audits.",
    help_template = HELP_TEMPLATE,
    subcommand_help_heading = "Commandes",
    next_help_heading = "Options",
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
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Vérifie des référentiels : tous les problèmes, pas seulement le premier
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Options")]
    Lint(lint::Args),
    /// Crée l'autoévaluation d'une structure, prête à renseigner
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Options")]
    Init(init::Args),
    /// Vérifie autoévaluations, plans et audits au regard de leur référentiel
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Options")]
    Validate(validate::Args),
    /// Calcule les écarts de chaque structure, sa préparation à l'audit et la vue réseau
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Options")]
    Evaluate(evaluate::Args),
    /// Crée ou complète le plan d'amélioration à partir des écarts, sans rien perdre ; --suivi pour son avancement
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Options")]
    Plan(plan::Args),
    /// Affiche le schéma JSON (draft-07) d'un type de fichier, pour les éditeurs
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Options")]
    Schema(schema::Args),
}

/// Runs the command line and returns the process exit code (§5.3).
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // Help and version go to stdout with success; misuse exits 2.
            if !error.use_stderr() {
                let _ = error.print();
                return ExitCode::from(0);
            }
            eprint!("{}", usage_error::french(&error));
            return ExitCode::from(2);
        }
    };
    let code = match cli.command {
        Command::Lint(args) => lint::run(&args),
        Command::Init(args) => init::run(&args),
        Command::Validate(args) => validate::run(&args),
        Command::Schema(args) => schema::run(&args),
        Command::Evaluate(args) => evaluate::run(&args),
        Command::Plan(args) => plan::run(&args),
    };
    ExitCode::from(code)
}

/// Prints a report of diagnostics on stdout and gives the exit code.
fn emit(report: &Report, format: DiagnosticFormat) -> u8 {
    let stdout = std::io::stdout();
    let color = Color::detect(stdout.is_terminal());
    let text = output::render_diagnostics(report, format, color);
    let mut lock = stdout.lock();
    if lock
        .write_all(text.as_bytes())
        .and_then(|_| lock.flush())
        .is_err()
    {
        return 2;
    }
    u8::try_from(report.exit_code()).unwrap_or(2)
}

/// Width for tables: `COLUMNS`, else 80 (readable on any terminal).
fn terminal_width() -> u16 {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|w| *w >= 40)
        .unwrap_or(80)
}

/// A fatal problem before any work: printed on stderr, exit 2.
fn fail(message: &str) -> u8 {
    eprintln!("erreur : {message}");
    2
}

/// The workspace of the current folder; an invalid `label.toml` is
/// reported in `format` and stops the command.
fn workspace(format: DiagnosticFormat) -> Result<crate::workspace::Workspace, u8> {
    let cwd = current_dir()?;
    crate::workspace::Workspace::discover(&cwd)
        .map_err(|diagnostic| config_error(diagnostic, format))
}

/// The current folder, or a fatal error.
fn current_dir() -> Result<std::path::PathBuf, u8> {
    std::env::current_dir().map_err(|e| fail(&format!("dossier courant inaccessible : {e}")))
}

/// An invalid `label.toml` stops the command (exit 2), reported in format.
fn config_error(diagnostic: crate::diagnostics::Diagnostic, format: DiagnosticFormat) -> u8 {
    use crate::diagnostics::{Diagnostic, Finding, Location};
    let mut report = Report::default();
    let path = diagnostic.location.path.clone();
    if let Ok(text) = std::fs::read_to_string(&path) {
        report.add_source(&path, text);
    }
    report.push(diagnostic);
    report.push(Diagnostic::new(
        Finding::Unreadable {
            detail: "configuration de l'espace de travail invalide".into(),
        },
        Location::file(path),
    ));
    report.finish(false);
    emit(&report, format)
}
