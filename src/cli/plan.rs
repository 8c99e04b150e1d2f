//! `label plan DIR [--dry-run] [--suivi]`

use std::path::PathBuf;

use super::Out;
use crate::date::Date;
use crate::diagnostics::Report;
use crate::output::plan as show;
use crate::output::{DiagnosticFormat, render_diagnostics};
use crate::plan::follow_up::follow_up;
use crate::plan::update::{UpdateError, update};
use crate::plan::{self, FILE_NAME};
use crate::self_assessment;
use crate::source::SourceFile;
use crate::structure::{self, Resolver, StructureFolder};
use crate::write::write_atomically;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Dossier de la structure (par défaut : celle où l'on se trouve)
    #[arg(value_name = "DOSSIER")]
    dir: Option<PathBuf>,
    /// Montre les changements sous forme de diff, sans rien écrire
    #[arg(long)]
    dry_run: bool,
    /// Suivi du plan : statut des actions, retards, avancement par principe
    #[arg(long)]
    suivi: bool,
    /// Format du suivi : text (par défaut), json
    #[arg(
        long,
        requires = "suivi",
        value_enum,
        default_value = "text",
        hide_possible_values = true,
        hide_default_value = true
    )]
    format: FollowUpFormat,
    /// Avec --suivi : « retard » donne le code de sortie 1 si une action est en retard
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
    /// Largeur des tableaux (par défaut : COLUMNS, sinon 80)
    #[arg(long, value_name = "COLONNES")]
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
}

pub fn run(args: &Args, out: &mut Out) -> u8 {
    let workspace = match super::workspace(None, out) {
        Ok(workspace) => workspace,
        Err(code) => return code,
    };
    let dir = match &args.dir {
        Some(dir) => workspace.cwd.join(dir),
        None => workspace
            .enclosing_structure()
            .unwrap_or_else(|| workspace.cwd.clone()),
    };
    let shown = workspace.shown(&dir);
    if !dir.join(self_assessment::FILE_NAME).is_file() {
        return fail_message(&format!(
            "{shown} n'est pas un dossier de structure (pas de {})",
            self_assessment::FILE_NAME
        ));
    }
    let today = args.today.get();
    let resolver = Resolver::new(workspace.catalog());
    let folder = structure::load(&dir, &shown, &resolver, today);
    if folder.has_errors() {
        return report_errors(folder);
    }
    if args.suivi {
        return follow(args, &folder, today, out);
    }
    let path = dir.join(FILE_NAME);
    let path_shown = workspace.shown(&path);
    let current = if path.exists() {
        match SourceFile::read(&path, &path_shown) {
            Ok(source) => Some(source.text),
            Err(d) => return fail_message(&d.message),
        }
    } else {
        None
    };
    let update = match update(&folder, current.as_deref(), today) {
        Ok(update) => update,
        Err(UpdateError::Shape) => {
            return fail_message(&format!(
                "{path_shown} : la liste « actions » est écrite sur une ligne ([…]) ; écrivez-la en liste à tirets pour que label plan puisse la compléter. Rien n'a été modifié."
            ));
        }
        Err(UpdateError::Internal(diagnostics)) => {
            let details: Vec<String> = diagnostics
                .iter()
                .map(crate::output::concise_line)
                .collect();
            return fail_message(&format!(
                "erreur interne, rien n'a été écrit : {}",
                details.join(" ; ")
            ));
        }
        Err(UpdateError::Invalid) => {
            return fail_message("fichiers invalides : lancez label validate");
        }
    };
    if args.dry_run {
        if update.changes() {
            out.print(&show::diff(&update, &path_shown));
        }
        out.print(&show::summary(&update, &path_shown, false));
        return 0;
    }
    if update.changes()
        && let Err(error) = write_atomically(&path, &update.after)
    {
        return fail_message(&format!(
            "écriture de {path_shown} impossible : {error} ; rien n'a été modifié"
        ));
    }
    out.print(&show::summary(&update, &path_shown, true));
    0
}

fn follow(args: &Args, folder: &StructureFolder, today: Date, out: &mut Out) -> u8 {
    let (Some(plan), Some(referential)) = (&folder.plan, &folder.referential) else {
        out.print(&format!(
            "Pas encore de {FILE_NAME} : « label plan {} » le crée à partir des écarts.\n",
            crate::output::terminal_safe(&folder.shown)
        ));
        return 0;
    };
    let follow = follow_up(plan, referential, today);
    let text = match args.format {
        FollowUpFormat::Text => {
            show::follow_up_text(&follow, args.largeur.unwrap_or_else(super::terminal_width))
        }
        FollowUpFormat::Json => show::follow_up_json(&follow, &plan.structure),
    };
    out.print(&text);
    u8::from(args.fail_on == Some(PlanFailOn::Retard) && follow.overdue() > 0)
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
    let color = super::out::color(super::out::stderr_is_terminal());
    super::out::eprint(&render_diagnostics(&report, DiagnosticFormat::Text, color));
    super::out::eprint(&format!(
        "{} n'a pas été modifié : corrigez d'abord ces erreurs.\n",
        plan::FILE_NAME
    ));
    1
}

/// A problem that stops `label plan` (exit 2), nothing written.
fn fail_message(message: &str) -> u8 {
    super::out::eprint(&format!("erreur : {message}\n"));
    2
}
