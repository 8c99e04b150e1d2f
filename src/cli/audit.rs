//! `label audit [DIR]`: checks `audit.yaml` and shows the decision
//! proposal (§6.3).

use std::path::PathBuf;

use super::Out;
use super::out::{color, eprint, stderr_is_terminal};
use crate::audit::FILE_NAME;
use crate::diagnostics::{Diagnostic, Finding, Location, Report};
use crate::evaluation::review;
use crate::output::audit::{AuditFormat, render};
use crate::output::{DiagnosticFormat, render_diagnostics};
use crate::structure::{self, Resolver, StructureFolder};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Dossier de la structure (par défaut : celle où l'on se trouve)
    #[arg(value_name = "DOSSIER")]
    dir: Option<PathBuf>,
    /// Format de sortie : text (par défaut), json, markdown ; html avec --fiches
    #[arg(
        long,
        value_enum,
        default_value = "text",
        hide_possible_values = true,
        hide_default_value = true
    )]
    format: AuditFormat,
    /// Avec --format markdown ou html : une fiche d'écart par non-conformité (exigence, constat, preuves, gravité, échéance, action corrective, levée)
    #[arg(long)]
    fiches: bool,
    #[command(flatten)]
    today: super::options::Today,
}

pub fn run(args: &Args, out: &mut Out) -> u8 {
    if let Some(message) = refusal(args) {
        return super::usage_error::refuse(message);
    }
    let workspace = match super::workspace(None, out) {
        Ok(workspace) => workspace,
        Err(code) => return code,
    };
    let (dir, shown) = match super::structure_dir(&workspace, args.dir.as_deref()) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let audit_shown = workspace.shown(&dir.join(FILE_NAME));
    if !dir.join(FILE_NAME).exists() {
        let diagnostic = Diagnostic::new(Finding::PathNotFound, Location::file(audit_shown))
            .with_help(
                "pas encore d'audit : « label checklist --audit » crée audit.yaml prêt à remplir",
            );
        return super::fail(diagnostic);
    }
    let resolver = Resolver::new(workspace.catalog());
    let folder = structure::load(&dir, &shown, &resolver, args.today.get());
    if let Some(note) = resolver.embedded_note(workspace.note_location()) {
        super::remark(note);
    }
    let Some(review) = review(&folder, &audit_shown).filter(|_| !folder.has_errors()) else {
        return diagnostics(&folder, folder.diagnostics.clone());
    };
    let text = if args.fiches && args.format == AuditFormat::Markdown {
        crate::output::fiches::markdown(&review)
    } else {
        render(&review, args.format)
    };
    out.print(&text);
    diagnostics(&folder, review.diagnostics)
}

/// The formats that do not go with `--fiches`, or only with it.
fn refusal(args: &Args) -> Option<&'static str> {
    match (args.fiches, args.format) {
        (true, AuditFormat::Text | AuditFormat::Json) => {
            Some("--fiches s'emploie avec --format markdown ou --format html")
        }
        (false, AuditFormat::Html) => Some("--format html s'emploie avec --fiches"),
        _ => None,
    }
}

/// Diagnostics on stderr; the exit code.
fn diagnostics(folder: &StructureFolder, found: Vec<Diagnostic>) -> u8 {
    let mut report = Report::default();
    for source in &folder.sources {
        report.add_source(source.path.clone(), source.text.clone());
    }
    report.extend(found);
    report.checked = 1;
    report.finish(false);
    if !report.diagnostics().is_empty() {
        let color = color(stderr_is_terminal());
        eprint(&render_diagnostics(&report, DiagnosticFormat::Text, color));
    }
    u8::try_from(report.exit_code()).unwrap_or(2)
}
