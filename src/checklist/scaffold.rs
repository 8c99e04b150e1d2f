//! `label checklist --audit`: `audit.yaml` ready to fill (§4.5). It
//! validates as written, as an audit in progress (AUD003, a warning): the
//! dates are the day it was made, the auditors are placeholders, and each
//! applicable criterion's finding stands commented out under `constats`,
//! with what the auditors need beside it.

use std::fmt::Write as _;
use std::path::Path;

use super::{Checklist, Item};
use crate::date::Date;
use crate::diagnostics::{Diagnostic, Finding, Location};
use crate::init::comment;
use crate::yaml::quoted;

/// Renders `audit.yaml` for the checklist's structure; `schema` is the
/// path given to editors.
pub fn render(checklist: &Checklist, today: Date, schema: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# yaml-language-server: $schema={schema}");
    out.push_str("#\n");
    let about = format!(
        "Audit de « {} » ({}) au regard du référentiel « {} » ({} {}). Ce fichier est celui des auditeurs : l'autoévaluation de la structure reste à part, et les deux sont comparés.",
        checklist.name,
        checklist.structure,
        checklist.referential_title,
        checklist.referential,
        checklist.version
    );
    comment(&mut out, "", "", 0, &about);
    for line in [
        "Renseignez les dates sur site, les auditeurs (au moins deux : un certifié, un pair du réseau), puis un constat par critère applicable.",
        "Tant qu'un critère applicable est sans constat, l'audit est « en cours » : label validate l'avertit (AUD003) et label audit ne propose pas de décision.",
    ] {
        comment(&mut out, "", "", 0, line);
    }
    let _ = writeln!(out, "referentiel: {}", checklist.referential);
    let _ = writeln!(out, "version: {}", checklist.version);
    let _ = writeln!(out, "structure: {}", checklist.structure);
    out.push_str("type: initial  # initial | surveillance | renouvellement\n");
    let _ = writeln!(out, "debut: {today}  # premier jour sur site");
    let _ = writeln!(out, "fin: {today}  # dernier jour sur site");
    out.push_str("auditeurs:  # au moins deux : un certifie, un pair\n");
    for (placeholder, role) in [
        ("(à renseigner : auditeur certifié)", "certifie"),
        ("(à renseigner : auditeur pair du réseau)", "pair"),
    ] {
        let _ = writeln!(out, "  - nom: {}\n    role: {role}", quoted(placeholder));
    }
    out.push_str("constats:\n");
    for line in [
        "Pour chaque critère, retirez les « # » de son bloc et renseignez-le.",
        "resultat : conforme, nc_mineure, nc_majeure ou non_concerne.",
        "observations : obligatoire pour une non-conformité, les faits constatés.",
        "non_concerne : seulement là où le critère le permet, avec « justification ».",
    ] {
        comment(&mut out, "  ", "", 0, line);
    }
    for section in &checklist.principles {
        out.push('\n');
        let title = format!("── {} — {} ──", section.id, section.title);
        comment(&mut out, "  ", "", 0, &title);
        for item in &section.items {
            render_item(&mut out, item);
        }
    }
    out
}

fn render_item(out: &mut String, item: &Item) {
    out.push('\n');
    comment(out, "  ", "", 0, &format!("{} — {}", item.id, item.title));
    let imperative = if item.imperative { ", impératif" } else { "" };
    let declared = match (&item.declared.level, &item.declared.not_applicable) {
        (_, Some(why)) => format!("non concerné (« {why} »)"),
        (Some(level), None) => format!("{} ({})", level.value, level.label),
        (None, None) => "rien".to_string(),
    };
    let line = format!(
        "Attendu : {} ({}){imperative} · déclaré : {declared} · statut : {}",
        item.expected.value,
        item.expected.label,
        item.status.label()
    );
    comment(out, "  ", "", 0, &line);
    if !item.actions.is_empty() {
        let ids: Vec<&str> = item.actions.iter().map(|a| a.id.as_str()).collect();
        comment(out, "  ", "", 0, &format!("Plan : {}", ids.join(", ")));
    }
    let _ = writeln!(out, "  # {}:", item.id);
    out.push_str("  #   resultat:\n  #   observations:\n  #   preuves_consultees: []\n");
    if item.not_applicable_allowed {
        out.push_str("  #   justification:  # seulement avec non_concerne\n");
    }
}

/// Writes `text` as `audit.yaml` in `dir`, never over an existing file
/// (FS007; `create_new`, so a file that appears meanwhile is kept too).
pub fn create(dir: &Path, shown: &str, text: &str) -> Result<(), Diagnostic> {
    let target = dir.join(crate::audit::FILE_NAME);
    let here = || Location::file(shown.to_string());
    if target.symlink_metadata().is_ok() {
        return Err(Diagnostic::new(Finding::AlreadyExists, here()));
    }
    crate::write::create_new(&target, text).map_err(|e| Diagnostic::not_written(e, here()))
}
