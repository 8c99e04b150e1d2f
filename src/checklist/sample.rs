//! What auditors sample on site for a criterion. The referential does not
//! say it: it is read from the criterion's own words (title, description,
//! expected evidence, indicators, audit questions), so that any referential
//! dropped in gets a sensible default. Documented in `docs/checklist.md`.

use crate::referential::Criterion;

/// Each sample, and the word stems that call for it, in the order shown.
const RULES: &[(&str, &[&str])] = &[
    (
        "dossiers de jeunes",
        &[
            "dossier",
            "parcours",
            "accompagn",
            "i-milo",
            "accueil",
            "entretien",
        ],
    ),
    ("entretiens avec des jeunes", &["jeune", "usager"]),
    (
        "salariés",
        &[
            "salarié",
            "conseiller",
            "équipe",
            "professionnel",
            "chargé d'accueil",
            "personnel",
            "direction",
        ],
    ),
    (
        "administrateurs",
        &[
            "administrat",
            "conseil d'administration",
            "assemblée générale",
            "bureau",
            "gouvernance",
            "associati",
        ],
    ),
    (
        "partenaires",
        &["partenaire", "partenariat", "acteurs du territoire"],
    ),
];

/// When no word matches: the records the criterion's evidence names.
const FALLBACK: &str = "documents et enregistrements";

/// What to sample for `criterion`, in a fixed order; never empty.
pub fn samples(criterion: &Criterion) -> Vec<&'static str> {
    let mut text = format!(
        "{} {}",
        criterion.title,
        criterion.description.as_deref().unwrap_or("")
    );
    for part in criterion
        .evidence
        .iter()
        .chain(&criterion.indicators)
        .chain(&criterion.audit_questions)
    {
        text.push(' ');
        text.push_str(part);
    }
    let text = text.to_lowercase();
    let found: Vec<&'static str> = RULES
        .iter()
        .filter(|(_, stems)| stems.iter().any(|s| text.contains(s)))
        .map(|(sample, _)| *sample)
        .collect();
    if found.is_empty() {
        vec![FALLBACK]
    } else {
        found
    }
}

#[cfg(test)]
mod tests {
    use super::samples;
    use crate::referential::testing::{BASE, referential};

    #[test]
    fn item_1_samples_follow_the_criterion_words() -> Result<(), String> {
        let referential = referential(BASE)?;
        for criterion in referential.criteria() {
            assert!(!samples(criterion).is_empty(), "{}", criterion.id);
        }
        let mut criterion = referential.criteria().next().ok_or("no criterion")?.clone();
        criterion.title = "Les partenaires et les jeunes sont consultés".into();
        criterion.description = None;
        criterion.evidence.clear();
        criterion.indicators.clear();
        criterion.audit_questions.clear();
        assert_eq!(
            samples(&criterion),
            ["entretiens avec des jeunes", "partenaires"]
        );
        criterion.title = "Les comptes sont certifiés".into();
        assert_eq!(samples(&criterion), ["documents et enregistrements"]);
        Ok(())
    }
}
