//! Options shared by several subcommands.

use crate::date::Date;
use crate::output::DiagnosticFormat;

/// How diagnostics are shown (`lint`, `validate`).
#[derive(Debug, clap::Args)]
pub struct DiagnosticOptions {
    /// Format de sortie : text (par défaut), concise, json, github, sarif, junit, gitlab
    #[arg(
        long,
        value_enum,
        default_value = "text",
        hide_possible_values = true,
        hide_default_value = true
    )]
    pub format: DiagnosticFormat,
    /// Traite les avertissements comme des erreurs
    #[arg(long)]
    pub deny_warnings: bool,
    /// N'affiche pas cet avertissement (code, par exemple REF103 ; répétable ; s'ajoute à « ignore » de la table [lint] de label.toml)
    #[arg(long, value_name = "CODE", value_parser = parse_ignored)]
    pub ignore: Vec<crate::diagnostics::Code>,
}

impl DiagnosticOptions {
    /// Drops the warnings the team chose not to see (`--ignore` and
    /// `[lint] ignore`), then sorts and applies `--deny-warnings`.
    pub fn finish(
        &self,
        report: &mut crate::diagnostics::Report,
        ignored: &[crate::diagnostics::Code],
    ) {
        report.retain(|d| !self.ignore.contains(&d.code) && !ignored.contains(&d.code));
        report.finish(self.deny_warnings);
    }
}

/// `--ignore CODE`: a known code, and a warning: an error or a note is
/// never hidden (the same rule as `[lint] ignore`, `crate::workspace`).
fn parse_ignored(text: &str) -> Result<crate::diagnostics::Code, String> {
    crate::workspace::ignorable(text).map_err(|finding| {
        let help = finding
            .help()
            .map(|h| format!(" ; {h}"))
            .unwrap_or_default();
        format!("{} ({}){help}", finding.message(), finding.code())
    })
}

/// The day deadlines are compared with (`validate`, `evaluate`, `plan`).
#[derive(Debug, clap::Args)]
pub struct Today {
    /// Date du jour pour les échéances (AAAA-MM-JJ ; par défaut aujourd'hui)
    #[arg(long = "date", value_name = "DATE", value_parser = parse_date)]
    date: Option<Date>,
}

impl Today {
    pub fn get(&self) -> Date {
        self.date.unwrap_or_else(Date::today)
    }
}

pub(super) fn parse_date(text: &str) -> Result<Date, String> {
    Date::parse(text).ok_or_else(|| "attendu AAAA-MM-JJ, une date qui existe".to_string())
}

/// `--largeur`: a width a table can be drawn in.
pub fn parse_width(text: &str) -> Result<u16, String> {
    match text.parse::<u16>() {
        Ok(width) if (20..=1000).contains(&width) => Ok(width),
        _ => Err("attendu un nombre de colonnes de 20 à 1000".to_string()),
    }
}

/// `--color`: when the human formats use colour.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// Sur un terminal seulement, selon NO_COLOR, CLICOLOR_FORCE et FORCE_COLOR
    #[default]
    Auto,
    /// Toujours
    Always,
    /// Jamais
    Never,
}

/// Options every command takes, before or after its name (§4.6).
#[derive(Debug, clap::Args)]
pub struct Global {
    /// Couleurs : auto (par défaut ; sur un terminal, sauf NO_COLOR), always, never
    #[arg(
        long,
        value_enum,
        value_name = "QUAND",
        default_value = "auto",
        global = true,
        hide_possible_values = true,
        hide_default_value = true
    )]
    pub color: ColorChoice,
    /// N'affiche que les résultats et les erreurs : ni remarques ni progression
    #[arg(short = 'q', long, global = true)]
    pub quiet: bool,
    /// Écrit la sortie dans FICHIER (atomiquement, jamais à travers un lien) plutôt que sur la sortie standard
    #[arg(short = 'o', long = "output", value_name = "FICHIER", global = true)]
    pub output: Option<std::path::PathBuf>,
}
