//! The command line: one small module per subcommand, each wiring arguments
//! to the library.

mod lint;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::diagnostics::Report;
use crate::output::{self, Color, DiagnosticFormat};

const HELP_TEMPLATE: &str = "\
{before-help}{about}

{usage-heading} {usage}

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
}

/// Runs the command line and returns the process exit code (§5.3).
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // Help and version go to stdout with success; misuse exits 2.
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() { 2 } else { 0 });
        }
    };
    let code = match cli.command {
        Command::Lint(args) => lint::run(&args),
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

/// A fatal problem before any work: printed on stderr, exit 2.
fn fail(message: &str) -> u8 {
    eprintln!("erreur : {message}");
    2
}

/// The current folder, or a fatal error.
fn current_dir() -> Result<std::path::PathBuf, u8> {
    std::env::current_dir().map_err(|e| fail(&format!("dossier courant inaccessible : {e}")))
}
