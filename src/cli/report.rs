//! `label report [CHEMIN] [-o FICHIER] [--format html|markdown|json]
//! [--date D] [--anonyme --sel S]`: the audit-ready file of one structure,
//! or the network synthesis of many.

use std::path::{Path, PathBuf};

use super::Out;
use super::out::{color, eprint, stderr_is_terminal};
use crate::date::Date;
use crate::diagnostics::Report;
use crate::evaluation;
use crate::output::report::{self, ReportFormat};
use crate::output::{DiagnosticFormat, render_diagnostics, visible};
use crate::structure::{self, Resolver};
use crate::workspace::Workspace;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Un dossier de structure (son rapport), ou un dossier qui en contient plusieurs (la synthèse du réseau) ; par défaut : la structure où l'on se trouve, sinon le dossier des structures
    #[arg(value_name = "CHEMIN")]
    path: Option<PathBuf>,
    /// Format : html (par défaut, un fichier autonome et imprimable), markdown, json
    #[arg(
        long,
        value_enum,
        default_value = "html",
        hide_possible_values = true,
        hide_default_value = true
    )]
    format: ReportFormat,
    /// Synthèse du réseau sans rien d'identifiant (publication) : pseudonymes, petits groupes regroupés dans « autres »
    #[arg(long)]
    anonyme: bool,
    /// Sel secret de l'ordre des pseudonymes (par défaut : « sel » de la table [anonymisation] de label.toml)
    #[arg(long, value_name = "SEL", requires = "anonyme")]
    sel: Option<String>,
    /// Date à laquelle le rapport est arrêté, pour les retards (AAAA-MM-JJ ; par défaut la plus récente des fichiers, jamais l'horloge)
    #[arg(long = "date", value_name = "DATE", value_parser = super::options::parse_date)]
    date: Option<Date>,
}

impl Args {
    /// The day files are checked at (validation warnings only; nothing
    /// of it reaches the report).
    fn today(&self) -> Date {
        self.date.unwrap_or_else(Date::today)
    }
}

pub fn run(args: &Args, out: &mut Out) -> u8 {
    let workspace = match super::workspace(None, out) {
        Ok(workspace) => workspace,
        Err(code) => return code,
    };
    let single = match &args.path {
        Some(path) => Some(structure_folder(&workspace.cwd.join(path))),
        None => workspace.enclosing_structure(),
    }
    .filter(|dir| dir.join(crate::self_assessment::FILE_NAME).is_file());
    match single {
        Some(_) if args.anonyme => super::usage_error::refuse(
            "--anonyme s'emploie pour la synthèse de plusieurs structures, pas pour le rapport d'une seule",
        ),
        Some(dir) => structure_report(args, &workspace, &dir, out),
        None => network_report(args, &workspace, out),
    }
}

/// A structure folder, or the folder of the `autoevaluation.yaml` given.
fn structure_folder(path: &Path) -> PathBuf {
    let is_assessment = path
        .file_name()
        .is_some_and(|n| n == crate::self_assessment::FILE_NAME);
    match path.parent() {
        Some(parent) if is_assessment && path.is_file() => parent.to_path_buf(),
        _ => path.to_path_buf(),
    }
}

fn structure_report(args: &Args, workspace: &Workspace, dir: &Path, out: &mut Out) -> u8 {
    let shown = workspace.shown(dir);
    let resolver = Resolver::new(workspace.catalog());
    let folder = structure::load(dir, &shown, &resolver, args.today());
    if let Some(note) = resolver.embedded_note(workspace.note_location()) {
        super::remark(note);
    }
    let mut report = Report::default();
    for source in &folder.sources {
        report.add_source(source.path.clone(), source.text.clone());
    }
    report.extend(folder.diagnostics.iter().cloned());
    report.checked = 1;
    report.finish(false);
    let model = (!folder.has_errors())
        .then(|| crate::report::structure_report(&folder, resolver.catalog(), args.date))
        .flatten();
    show_diagnostics(&report);
    // An unreadable file is exit 2, as for `label validate` (§5.3).
    let code = u8::try_from(report.exit_code()).unwrap_or(2);
    let Some(model) = model else {
        eprint("Pas de rapport : corrigez d'abord ces erreurs.\n");
        return code.max(1);
    };
    let evidence = model.evidence.iter().map(|e| dir.join(&e.path));
    let sources = folder.sources.iter().map(|s| PathBuf::from(&s.path));
    if replaces_an_input(workspace, out, sources.chain(evidence)) {
        return refuse_input();
    }
    deliver(workspace, &report::structure(&model, args.format), out);
    code
}

fn network_report(args: &Args, workspace: &Workspace, out: &mut Out) -> u8 {
    let anonymity = match args
        .anonyme
        .then(|| super::evaluate::anonymity(args.sel.as_deref(), workspace))
    {
        Some(Err(code)) => return code,
        Some(Ok(anonymity)) => Some(anonymity),
        None => None,
    };
    let paths: Vec<PathBuf> = args.path.iter().cloned().collect();
    let progress = super::progress::bar();
    let gathered = crate::report::gather(workspace, &paths, args.today(), &progress);
    let inputs = gathered.files.iter().map(|f| PathBuf::from(&f.path));
    if replaces_an_input(workspace, out, inputs) {
        return refuse_input();
    }
    let (structures, hidden, report) = match &anonymity {
        Some(a) => {
            let anonymized = evaluation::anonymize(gathered.structures, &gathered.report, a);
            (anonymized.structures, anonymized.hidden, anonymized.report)
        }
        None => (gathered.structures, Vec::new(), gathered.report),
    };
    show_diagnostics(&report);
    let code = u8::try_from(report.exit_code()).unwrap_or(2);
    if structures.is_empty() && hidden.is_empty() {
        eprint("Pas de rapport : aucune structure trouvée.\n");
        return code.max(1);
    }
    let model = crate::report::network_report(
        &structures,
        &hidden,
        anonymity.as_ref().map(|a| a.threshold),
        &workspace.catalog(),
        args.date.or(gathered.latest),
        (Some(workspace.cwd.clone()), gathered.files),
    );
    {
        deliver(workspace, &report::network(&model, args.format), out);
        code
    }
}

/// Whether `-o` names a file the report read (a self-assessment, a plan,
/// an evidence file…): writing there would replace it with the report.
fn replaces_an_input(
    workspace: &Workspace,
    out: &Out,
    inputs: impl IntoIterator<Item = PathBuf>,
) -> bool {
    let canonical = |path: &Path| std::fs::canonicalize(workspace.cwd.join(path)).ok();
    let Some(target) = out.file().and_then(canonical) else {
        return false;
    };
    inputs
        .into_iter()
        .any(|input| canonical(&input).is_some_and(|input| input == target))
}

fn refuse_input() -> u8 {
    super::usage_error::refuse(
        "-o désigne un fichier que le rapport lit : il serait remplacé par le rapport ; choisissez un autre fichier",
    )
}

/// Diagnostics go to standard error, whatever the format.
fn show_diagnostics(report: &Report) {
    if !report.diagnostics().is_empty() {
        let color = color(stderr_is_terminal());
        eprint(&render_diagnostics(report, DiagnosticFormat::Text, color));
    }
}

/// Standard output, or the file of `-o FICHIER` (written atomically by
/// `Out`, never through a link), said on standard error.
fn deliver(workspace: &Workspace, text: &str, out: &mut Out) {
    out.print(&visible(text));
    if let Some(path) = out.file()
        && !super::out::quiet()
    {
        let shown = workspace.shown(&workspace.cwd.join(path));
        out.when_written(format!(
            "Écrit : {}\n",
            crate::output::terminal_safe(&shown)
        ));
    }
}
