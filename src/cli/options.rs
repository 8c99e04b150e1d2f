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
