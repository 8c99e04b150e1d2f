//! Field by field: a criterion, the scale, the rules and the cycle.

use crate::referential::{Criterion, Referential};

/// What may change in a criterion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Title,
    Description,
    Principle,
    Expected,
    Imperative,
    NotApplicable,
    Evidence,
    Indicators,
    Questions,
    Rubric,
    SeeAlso,
    Applicability,
}

impl Field {
    /// Stable keyword of machine outputs: the referential's own key.
    pub fn keyword(self) -> &'static str {
        match self {
            Field::Title => "titre",
            Field::Description => "description",
            Field::Principle => "principe",
            Field::Expected => "attendu",
            Field::Imperative => "imperatif",
            Field::NotApplicable => "non_concerne_possible",
            Field::Evidence => "preuves",
            Field::Indicators => "indicateurs",
            Field::Questions => "questions_audit",
            Field::Rubric => "niveaux",
            Field::SeeAlso => "voir_aussi",
            Field::Applicability => "applicable_a",
        }
    }

    /// Whether the values are lists (shown as items added and removed).
    pub fn is_list(self) -> bool {
        matches!(
            self,
            Field::Evidence
                | Field::Indicators
                | Field::Questions
                | Field::Rubric
                | Field::SeeAlso
                | Field::Applicability
        )
    }
}

/// One field's value before and after (one item for a single value).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldChange {
    pub field: Field,
    pub before: Vec<String>,
    pub after: Vec<String>,
}

/// The fields of a kept criterion that differ, in a fixed order.
pub fn compare_criteria(
    before: &Criterion,
    after: &Criterion,
    old: &Referential,
    new: &Referential,
) -> Vec<FieldChange> {
    let values = |c: &Criterion, r: &Referential| -> Vec<(Field, Vec<String>)> {
        let principle = r
            .principles
            .iter()
            .find(|p| p.criteria.iter().any(|x| x.id == c.id))
            .map_or(String::new(), |p| p.id.clone());
        vec![
            (Field::Title, vec![c.title.to_string()]),
            (Field::Description, c.description.iter().cloned().collect()),
            (Field::Principle, vec![principle]),
            (Field::Expected, vec![c.expected.to_string()]),
            (Field::Imperative, vec![yes_no(c.imperative)]),
            (Field::NotApplicable, vec![yes_no(c.not_applicable_allowed)]),
            (Field::Evidence, c.evidence.clone()),
            (Field::Indicators, c.indicators.clone()),
            (Field::Questions, c.audit_questions.clone()),
            (Field::Rubric, rubric(c)),
            (Field::SeeAlso, c.see_also.clone()),
            (Field::Applicability, applicability(c, r)),
        ]
    };
    values(before, old)
        .into_iter()
        .zip(values(after, new))
        .filter(|((_, b), (_, a))| a != b)
        .map(|((field, before), (_, after))| FieldChange {
            field,
            before,
            after,
        })
        .collect()
}

fn yes_no(value: bool) -> String {
    if value { "oui" } else { "non" }.to_string()
}

fn rubric(c: &Criterion) -> Vec<String> {
    c.level_descriptors
        .iter()
        .map(|(level, text)| format!("{level} : {text}"))
        .collect()
}

fn applicability(c: &Criterion, r: &Referential) -> Vec<String> {
    let kinds = c.applicable_to.as_ref().unwrap_or(&r.structure_types);
    kinds.iter().map(|k| k.keyword().to_string()).collect()
}

/// Scale, rules and cycle: `(what, before, after)` for each difference.
pub fn settings(old: &Referential, new: &Referential) -> Vec<(String, String, String)> {
    let mut found = Vec::new();
    let mut add = |what: String, before: String, after: String| {
        if before != after {
            found.push((what, before, after));
        }
    };
    let level = |r: &Referential, value: i64| {
        r.scale.level(value).map_or("(absent)".to_string(), |l| {
            let text = l.description.as_deref().unwrap_or("");
            format!("{} — {text}", l.label)
                .trim_end_matches(" — ")
                .to_string()
        })
    };
    let mut values: Vec<i64> = old.scale.levels.iter().map(|l| l.value).collect();
    values.extend(new.scale.levels.iter().map(|l| l.value));
    values.sort_unstable();
    values.dedup();
    for value in values {
        add(
            format!("échelle, niveau {value}"),
            level(old, value),
            level(new, value),
        );
    }
    let (o, n) = (&old.rules, &new.rules);
    let optional = |v: Option<i64>| v.map_or("(aucun)".to_string(), |v| v.to_string());
    add(
        "niveau attendu par défaut".into(),
        old.scale.expected.to_string(),
        new.scale.expected.to_string(),
    );
    add(
        "niveau d'écart majeur".into(),
        optional(o.major_gap_level),
        optional(n.major_gap_level),
    );
    let pairs = [
        (
            "mineurs pour un majeur",
            o.minors_per_major,
            n.minors_per_major,
        ),
        (
            "délai de levée d'une NC majeure (mois)",
            o.major_deadline_months,
            n.major_deadline_months,
        ),
        (
            "délai de levée d'une NC mineure (mois)",
            o.minor_deadline_months,
            n.minor_deadline_months,
        ),
        (
            "validité du label (mois)",
            old.cycle.validity_months,
            new.cycle.validity_months,
        ),
        (
            "audit de surveillance (mois)",
            old.cycle.surveillance_months,
            new.cycle.surveillance_months,
        ),
    ];
    for (what, before, after) in pairs {
        add(what.into(), before.to_string(), after.to_string());
    }
    found
}

/// Principles present in both whose title changed.
pub fn principles(old: &Referential, new: &Referential) -> Vec<(String, String, String)> {
    old.principles
        .iter()
        .filter_map(|p| {
            let after = new.principles.iter().find(|n| n.id == p.id)?;
            (after.title != p.title).then(|| (p.id.clone(), p.title.clone(), after.title.clone()))
        })
        .collect()
}
