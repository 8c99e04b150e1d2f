//! `label init`: a self-assessment ready to fill, valid as written.

use std::fmt::Write as _;

use crate::date::Date;
use crate::referential::{Criterion, Referential, StructureType};

/// Comments of the template stay readable in an 80-column editor.
const WIDTH: usize = 80;

/// What the person gave on the command line.
#[derive(Clone, Debug)]
pub struct NewStructure {
    pub id: String,
    pub name: String,
    pub kind: StructureType,
}

/// The referential a new structure of this type uses by default.
pub fn default_referential(kind: StructureType) -> &'static str {
    match kind {
        StructureType::MissionLocale => "missions-locales",
        StructureType::Arml | StructureType::Unml => "tetes-de-reseau",
    }
}

/// Renders `autoevaluation.yaml`: every criterion with its title and
/// expected evidence as comments; `schema` is the path given to editors.
pub fn render(
    referential: &Referential,
    structure: &NewStructure,
    today: Date,
    schema: &str,
) -> String {
    let mut out = String::new();
    let levels: Vec<String> = referential
        .scale
        .levels
        .iter()
        .map(|l| format!("{} {}", l.value, l.label))
        .collect();
    let _ = writeln!(out, "# yaml-language-server: $schema={schema}");
    out.push_str("#\n");
    let about = format!(
        "Autoévaluation au regard du référentiel « {} » ({} {}).",
        referential.title, referential.id, referential.version
    );
    comment(&mut out, "", "", 0, &about);
    let levels = format!(
        "Pour chaque critère, indiquez « niveau » parmi : {}. La grille sous chaque critère dit ce que montre chaque niveau.",
        levels.join(", ")
    );
    comment(&mut out, "", "", 0, &levels);
    out.push_str("# Ajoutez un commentaire et vos preuves : chemins relatifs à ce dossier\n");
    out.push_str("# (par exemple preuves/projet-associatif.pdf) ou adresses web.\n");
    out.push_str("# Un critère laissé sans niveau est « non évalué ».\n");
    out.push_str("# Vérifiez à tout moment avec : label validate\n");
    let left_out =
        referential.criteria().count() - referential.applicable_criteria(structure.kind).count();
    if left_out > 0 {
        let note = format!(
            "{left_out} critère{s} du référentiel ne s'appliqu{ent} pas aux structures de type « {} » : {} ne figur{ent} pas ici.",
            structure.kind.keyword(),
            if left_out > 1 { "ils" } else { "il" },
            s = if left_out > 1 { "s" } else { "" },
            ent = if left_out > 1 { "ent" } else { "e" },
        );
        comment(&mut out, "", "", 0, &note);
    }
    let _ = writeln!(out, "referentiel: {}", referential.id);
    let _ = writeln!(out, "version: {}", referential.version);
    out.push_str("structure:\n");
    let _ = writeln!(out, "  id: {}", structure.id);
    let _ = writeln!(out, "  nom: {}", quoted(&structure.name));
    let _ = writeln!(out, "  type: {}", structure.kind.keyword());
    out.push_str("  region:\n");
    let _ = writeln!(out, "date: {today}");
    out.push_str("referent:\n");
    out.push_str("reponses:\n");
    for principle in &referential.principles {
        let applicable: Vec<&Criterion> = principle
            .criteria
            .iter()
            .filter(|c| c.applies_to(structure.kind))
            .collect();
        if applicable.is_empty() {
            continue;
        }
        out.push('\n');
        let title = format!("── {} — {} ──", principle.id, principle.title);
        comment(&mut out, "  ", "", 0, &title);
        for criterion in applicable {
            render_criterion(&mut out, referential, criterion);
        }
    }
    out
}

fn render_criterion(out: &mut String, referential: &Referential, criterion: &Criterion) {
    let expected = referential
        .scale
        .level(criterion.expected)
        .map_or(criterion.expected.to_string(), |l| {
            format!("{} ({})", l.value, l.label)
        });
    out.push('\n');
    let title = format!("{} — {}", criterion.id, criterion.title);
    comment(out, "  ", "", 0, &title);
    let imperative = if criterion.imperative {
        "Impératif · "
    } else {
        ""
    };
    let _ = writeln!(out, "  # {imperative}niveau attendu : {expected}");
    if !criterion.evidence.is_empty() {
        out.push_str("  # Preuves attendues :\n");
        for evidence in &criterion.evidence {
            comment(out, "  ", "  - ", 4, evidence);
        }
    }
    render_rubric(out, referential, criterion);
    if criterion.not_applicable_allowed {
        out.push_str("  # Peut être déclaré non concerné : remplacez « niveau » par\n");
        out.push_str("  # « non_concerne: » suivi de la justification.\n");
    }
    let _ = writeln!(out, "  {}:", criterion.id);
    out.push_str("    niveau:\n    commentaire:\n    preuves: []\n");
}

/// The rubric of each level: the criterion's own descriptor, else the
/// scale's description.
fn render_rubric(out: &mut String, referential: &Referential, criterion: &Criterion) {
    let scale = &referential.scale;
    let lines: Vec<String> = scale
        .levels
        .iter()
        .filter_map(|level| {
            let text = criterion.descriptor(scale, level.value)?;
            Some(format!("{} {} : {}", level.value, level.label, text))
        })
        .collect();
    if lines.is_empty() {
        return;
    }
    out.push_str("  # Grille :\n");
    for line in &lines {
        comment(out, "  ", "  ", 4, line);
    }
}

/// Writes `text` as comment lines of at most [`WIDTH`] characters, words
/// never split: `indent# ` then `marker` on the first line, `hang` blanks on
/// the next ones. A word longer than a line stands alone.
fn comment(out: &mut String, indent: &str, marker: &str, hang: usize, text: &str) {
    let first = format!("{indent}# {marker}");
    let rest = format!("{indent}# {}", " ".repeat(hang));
    let mut line = first.clone();
    let mut empty = true;
    for word in text.split_whitespace() {
        let length = line.chars().count() + 1 + word.chars().count();
        if !empty && length > WIDTH {
            out.push_str(line.trim_end());
            out.push('\n');
            line = rest.clone();
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    out.push_str(line.trim_end());
    out.push('\n');
}

/// A YAML double-quoted string.
pub fn quoted(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
