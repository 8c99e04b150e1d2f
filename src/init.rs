//! `label init`: a self-assessment ready to fill, valid as written.

use std::fmt::Write as _;

use crate::date::Date;
use crate::referential::{Criterion, Referential, StructureType};
use crate::yaml::quoted;

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
        .map(|l| format!("{}\u{a0}{}", l.value, l.label.replace(' ', "\u{a0}")))
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
    render_rules(&mut out, referential, structure.kind);
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

/// What changes how the template reads: the major-gap level, and the
/// criteria left out because they do not apply to this type of structure.
fn render_rules(out: &mut String, referential: &Referential, kind: StructureType) {
    if let Some(level) = referential.rules.major_gap_level {
        let label = referential
            .scale
            .level(level)
            .map_or("", |l| l.label.as_str());
        let rule = format!(
            "Un niveau {level} ({label}) ou inférieur est un écart majeur, même sur un critère non impératif."
        );
        comment(out, "", "", 0, &rule);
    }
    let left_out = referential.criteria().count() - referential.applicable_criteria(kind).count();
    let kind = kind.keyword();
    let note = match left_out {
        0 => return,
        1 => format!(
            "1 critère du référentiel ne s'applique pas aux structures de type « {kind} » : il ne figure pas ici."
        ),
        n => format!(
            "{n} critères du référentiel ne s'appliquent pas aux structures de type « {kind} » : ils ne figurent pas ici."
        ),
    };
    comment(out, "", "", 0, &note);
}

pub(crate) fn render_criterion(out: &mut String, referential: &Referential, criterion: &Criterion) {
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
            Some(format!("{}\u{a0}{} — {}", level.value, level.label, text))
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

/// Writes `text` as comment lines of at most [`WIDTH`] characters: `indent# `
/// then `marker` on the first line, `hang` blanks on the next ones. Words
/// are never split, nor parted from their French punctuation (« », :, ;) or
/// across a no-break space; a word longer than a line stands alone.
pub(crate) fn comment(out: &mut String, indent: &str, marker: &str, hang: usize, text: &str) {
    let rest = format!("{indent}# {}", " ".repeat(hang));
    let mut line = format!("{indent}# {marker}");
    let mut empty = true;
    for word in words(text) {
        if !empty && line.chars().count() + 1 + word.chars().count() > WIDTH {
            out.push_str(line.trim_end());
            out.push('\n');
            line = rest.clone();
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(&word);
        empty = false;
    }
    out.push_str(line.trim_end());
    out.push('\n');
}

/// The units a line may break between, no-break spaces turned into spaces.
fn words(text: &str) -> Vec<String> {
    let mut units: Vec<String> = Vec::new();
    let mut glue_next = false;
    for word in text.split(|c: char| c.is_ascii_whitespace()) {
        if word.is_empty() {
            continue;
        }
        let word = word.replace('\u{a0}', " ");
        let follows = matches!(word.as_str(), "»" | ":" | ";" | "?" | "!" | "—");
        match units.last_mut() {
            Some(last) if glue_next || follows => {
                last.push(' ');
                last.push_str(&word);
            }
            _ => units.push(word.clone()),
        }
        glue_next = word == "«";
    }
    units
}
