//! `label init`: a self-assessment ready to fill, valid as written.

use std::fmt::Write as _;

use crate::date::Date;
use crate::referential::{Criterion, Referential, StructureType};
use crate::yaml::quoted;

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
    let _ = writeln!(
        out,
        "# Autoévaluation au regard du référentiel « {} »",
        referential.title
    );
    let _ = writeln!(out, "# ({} {}).", referential.id, referential.version);
    out.push_str("# Pour chaque critère, indiquez « niveau » parmi : ");
    out.push_str(&levels.join(", "));
    out.push_str(".\n# Ajoutez un commentaire et vos preuves : chemins relatifs à ce dossier\n");
    out.push_str("# (par exemple preuves/projet-associatif.pdf) ou adresses web.\n");
    out.push_str("# Un critère laissé sans niveau est « non évalué ».\n");
    out.push_str("# Vérifiez à tout moment avec : label validate\n");
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
        let _ = writeln!(out, "\n  # ── {} — {} ──", principle.id, principle.title);
        for criterion in &principle.criteria {
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
    let _ = writeln!(
        out,
        "\n  # {} — {}",
        criterion.id,
        one_line(&criterion.title)
    );
    let imperative = if criterion.imperative {
        "Impératif · "
    } else {
        ""
    };
    let _ = writeln!(out, "  # {imperative}niveau attendu : {expected}");
    if !criterion.evidence.is_empty() {
        out.push_str("  # Preuves attendues :\n");
        for evidence in &criterion.evidence {
            let _ = writeln!(out, "  #   - {}", one_line(evidence));
        }
    }
    if criterion.not_applicable_allowed {
        out.push_str("  # Peut être déclaré non concerné : remplacez « niveau » par\n");
        out.push_str("  # « non_concerne: » suivi de la justification.\n");
    }
    let _ = writeln!(out, "  {}:", criterion.id);
    out.push_str("    niveau:\n    commentaire:\n    preuves: []\n");
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
