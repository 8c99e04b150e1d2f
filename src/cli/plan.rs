//! `label plan DIR [--dry-run] [--suivi]`

use std::path::{Path, PathBuf};

use super::Out;
use super::out::{color, eprint, stderr_is_terminal};
use crate::date::Date;
use crate::diagnostics::{Diagnostic, Finding, Location, Report};
use crate::improvement::{UpdateError, follow_up, update};
use crate::output::plan as show;
use crate::output::{DiagnosticFormat, render_diagnostics, visible};
use crate::plan::FILE_NAME;
use crate::schema::{self, Kind};
use crate::structure::{self, Resolver, StructureFolder};
use crate::workspace::Workspace;
use crate::write::write_atomically;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Dossier de la structure (par défaut : celle où l'on se trouve)
    #[arg(value_name = "DOSSIER")]
    dir: Option<PathBuf>,
    /// Montre les changements sous forme de diff, sans rien écrire
    #[arg(long, conflicts_with = "suivi")]
    dry_run: bool,
    /// Suivi du plan : statut des actions, retards, avancement par principe
    #[arg(long)]
    suivi: bool,
    /// Format du suivi : text (par défaut), json
    #[arg(
        long,
        value_enum,
        requires = "suivi",
        default_value = "text",
        hide_possible_values = true,
        hide_default_value = true
    )]
    format: FollowUpFormat,
    /// Avec --suivi : code de sortie 1 si une action est en retard (« retard ») ou si un écart n'a pas d'action (« sans-action »)
    #[arg(
        long,
        value_enum,
        value_name = "SEUIL",
        hide_possible_values = true,
        requires = "suivi"
    )]
    fail_on: Option<PlanFailOn>,
    #[command(flatten)]
    today: super::options::Today,
    /// Avec --suivi : largeur des tableaux (par défaut : celle du terminal, sinon COLUMNS, sinon 80)
    #[arg(long, value_name = "COLONNES", requires = "suivi", value_parser = super::options::parse_width)]
    largeur: Option<u16>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum FollowUpFormat {
    /// Tableaux lisibles
    Text,
    /// JSON stable (`"format": 1`)
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum PlanFailOn {
    /// Au moins une action en retard
    Retard,
    /// Au moins un écart sans action
    SansAction,
}

pub fn run(args: &Args, out: &mut Out) -> u8 {
    // clap skips `requires` once a conflicting flag is given: checked here
    // too, so that no option is ever silently ignored.
    let follow_only = args.largeur.is_some() || args.fail_on.is_some();
    if !args.suivi && (follow_only || args.format == FollowUpFormat::Json) {
        return super::usage_error::refuse(
            "--format, --fail-on et --largeur ne s'emploient qu'avec --suivi",
        );
    }
    if args.largeur.is_some() && args.format == FollowUpFormat::Json {
        return super::usage_error::refuse("--largeur ne s'emploie qu'avec le format text");
    }
    let workspace = match super::workspace(None, out) {
        Ok(workspace) => workspace,
        Err(code) => return code,
    };
    let (dir, shown) = match super::structure_dir(&workspace, args.dir.as_deref()) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let today = args.today.get();
    let resolver = Resolver::new(workspace.catalog());
    let folder = structure::load(&dir, &shown, &resolver, today);
    if let Some(note) = resolver.embedded_note(workspace.note_location()) {
        super::remark(note);
    }
    if folder.has_errors() {
        return report_errors(folder);
    }
    let done = if args.suivi {
        Ok(follow(args, &folder, today))
    } else {
        write_plan(args, &workspace, &dir, &folder, today).map(|text| (text, 0))
    };
    match done {
        Ok((text, code)) => {
            out.print(&text);
            code
        }
        Err(diagnostic) => super::fail(diagnostic),
    }
}

/// Adds the missing actions to the plan (or shows them with `--dry-run`):
/// what to print, or why nothing was written.
fn write_plan(
    args: &Args,
    workspace: &Workspace,
    dir: &Path,
    folder: &StructureFolder,
    today: Date,
) -> Result<String, Diagnostic> {
    let path = dir.join(FILE_NAME);
    let path_shown = workspace.shown(&path);
    let schema_path = schema::kind_path(&workspace.root, Kind::Plan);
    let modeline = schema::relative_path(dir, &schema_path);
    let update = update(folder, today, &modeline).map_err(|e| refused(&e, &path_shown))?;
    if args.dry_run {
        let diff = if update.changes() {
            show::diff(&update, &path_shown)
        } else {
            String::new()
        };
        let text = diff + &show::summary(&update, &path_shown, false);
        return Ok(visible(&text).into_owned());
    }
    if update.changes() {
        let refuse = |e| Diagnostic::not_written(e, Location::file(&path_shown));
        crate::write::refuse_link(&path).map_err(refuse)?;
        schema::write_kind_schema(&workspace.root, Kind::Plan).map_err(refuse)?;
        write_atomically(&path, &update.after).map_err(refuse)?;
    }
    Ok(visible(&show::summary(&update, &path_shown, true)).into_owned())
}

/// Why `label plan` wrote nothing, as a diagnostic at the plan's place.
fn refused(error: &UpdateError, shown: &str) -> Diagnostic {
    let detail = show::update_error(error, shown);
    let location = match error {
        UpdateError::Shape(e) => Location::new(shown, e.span),
        _ => Location::file(shown),
    };
    let finding = match error {
        UpdateError::Shape(_) => Finding::PlanNotExtendable { detail },
        _ => Finding::WriteFailed { detail },
    };
    Diagnostic::new(finding, location)
}

/// The follow-up, and the exit code `--fail-on` asks for.
fn follow(args: &Args, folder: &StructureFolder, today: Date) -> (String, u8) {
    let Some(follow) = follow_up(folder, today) else {
        let text = format!(
            "Pas encore de {FILE_NAME} : « label plan {} » le crée à partir des écarts.\n",
            crate::output::terminal_safe(&folder.shown)
        );
        return (text, 0);
    };
    let text = match args.format {
        FollowUpFormat::Text => {
            let width = args.largeur.unwrap_or_else(super::terminal_width);
            visible(&show::follow_up_text(&follow, width)).into_owned()
        }
        FollowUpFormat::Json => show::follow_up_json(&follow),
    };
    let failed = match args.fail_on {
        Some(PlanFailOn::Retard) => follow.overdue() > 0,
        Some(PlanFailOn::SansAction) => !follow.unanswered.is_empty(),
        None => false,
    };
    (text, u8::from(failed))
}

/// Invalid files: every problem is shown and nothing is written.
fn report_errors(folder: StructureFolder) -> u8 {
    let mut report = Report::default();
    for source in folder.sources {
        report.add_source(source.path, source.text);
    }
    report.extend(folder.diagnostics);
    report.checked = 1;
    report.finish(false);
    let color = color(stderr_is_terminal());
    eprint(&render_diagnostics(&report, DiagnosticFormat::Text, color));
    eprint(&format!(
        "{FILE_NAME} n'a pas été modifié : corrigez d'abord ces erreurs.\n"
    ));
    // An unreadable file means the command could not run (2).
    u8::try_from(report.exit_code()).unwrap_or(2).max(1)
}
