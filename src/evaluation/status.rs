//! §6.1: the status of one criterion in a self-assessment.

use crate::referential::{Criterion, Rules};
use crate::self_assessment::Answer;

/// Statut of a criterion for a structure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// conforme: level at or above the expected one.
    Conform,
    /// ecart_mineur: below expected, criterion not imperative, level above
    /// `niveau_ecart_majeur`.
    MinorGap,
    /// ecart_majeur: below expected, and the criterion imperative or the
    /// level at or below `niveau_ecart_majeur`.
    MajorGap,
    /// non_concerne: validly declared not applicable.
    NotApplicable,
    /// non_evalue: no entry, or no level yet.
    NotAssessed,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Conform,
        Status::MinorGap,
        Status::MajorGap,
        Status::NotApplicable,
        Status::NotAssessed,
    ];

    /// Stable keyword of machine outputs (§6.4).
    pub fn keyword(self) -> &'static str {
        match self {
            Status::Conform => "conforme",
            Status::MinorGap => "ecart_mineur",
            Status::MajorGap => "ecart_majeur",
            Status::NotApplicable => "non_concerne",
            Status::NotAssessed => "non_evalue",
        }
    }

    /// French label for people.
    pub fn label(self) -> &'static str {
        match self {
            Status::Conform => "conforme",
            Status::MinorGap => "écart mineur",
            Status::MajorGap => "écart majeur",
            Status::NotApplicable => "non concerné",
            Status::NotAssessed => "non évalué",
        }
    }

    pub fn is_gap(self) -> bool {
        matches!(self, Status::MinorGap | Status::MajorGap)
    }
}

/// The status of `criterion` given the structure's answer, exactly as §6.1.
pub fn status(criterion: &Criterion, rules: &Rules, answer: Option<&Answer>) -> Status {
    let Some(answer) = answer else {
        return Status::NotAssessed;
    };
    if answer.not_applicable.is_some() {
        return Status::NotApplicable;
    }
    let major_level = |level: i64| rules.major_gap_level.is_some_and(|m| level <= m);
    match answer.level {
        None => Status::NotAssessed,
        Some(level) if level >= criterion.expected => Status::Conform,
        Some(level) if criterion.imperative || major_level(level) => Status::MajorGap,
        Some(_) => Status::MinorGap,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub fn criterion(expected: i64, imperative: bool) -> Criterion {
        Criterion {
            id: "GOUV-01".into(),
            title: "Projet".into(),
            description: None,
            expected,
            imperative,
            not_applicable_allowed: true,
            evidence: vec![],
            indicators: vec![],
            audit_questions: vec![],
            see_also: vec![],
            level_descriptors: Default::default(),
            applicable_to: None,
        }
    }

    const NO_RULE: Rules = Rules {
        major_gap_level: None,
        minors_per_major: 5,
        major_deadline_months: 3,
        minor_deadline_months: 6,
    };

    fn with_major_level(level: i64) -> Rules {
        Rules {
            major_gap_level: Some(level),
            ..NO_RULE
        }
    }

    fn answer(level: Option<i64>, na: Option<&str>) -> Answer {
        Answer {
            level,
            not_applicable: na.map(str::to_string),
            ..Answer::default()
        }
    }

    #[test]
    fn exactly_at_expected_is_conform() {
        assert_eq!(
            status(&criterion(3, false), &NO_RULE, Some(&answer(Some(3), None))),
            Status::Conform
        );
        assert_eq!(
            status(&criterion(3, true), &NO_RULE, Some(&answer(Some(4), None))),
            Status::Conform
        );
    }

    #[test]
    fn below_expected_is_a_minor_or_major_gap() {
        assert_eq!(
            status(&criterion(3, false), &NO_RULE, Some(&answer(Some(2), None))),
            Status::MinorGap
        );
        assert_eq!(
            status(&criterion(3, true), &NO_RULE, Some(&answer(Some(2), None))),
            Status::MajorGap
        );
        assert_eq!(
            status(&criterion(4, true), &NO_RULE, Some(&answer(Some(3), None))),
            Status::MajorGap
        );
    }

    #[test]
    fn not_applicable_even_on_an_imperative_criterion() {
        assert_eq!(
            status(
                &criterion(3, true),
                &NO_RULE,
                Some(&answer(None, Some("raison")))
            ),
            Status::NotApplicable
        );
    }

    #[test]
    fn no_entry_or_no_level_is_not_assessed() {
        assert_eq!(
            status(&criterion(3, false), &NO_RULE, None),
            Status::NotAssessed
        );
        assert_eq!(
            status(&criterion(3, false), &NO_RULE, Some(&answer(None, None))),
            Status::NotAssessed
        );
    }

    #[test]
    fn item_10_at_or_below_the_major_level_is_a_major_gap() {
        let rules = with_major_level(1);
        let not_imperative = criterion(3, false);
        let at = |level| status(&not_imperative, &rules, Some(&answer(Some(level), None)));
        assert_eq!(at(1), Status::MajorGap, "at the major level");
        assert_eq!(at(2), Status::MinorGap, "just above the major level");
        assert_eq!(at(3), Status::Conform, "at expected");
    }

    #[test]
    fn item_10_below_the_major_level_is_a_major_gap() {
        let rules = with_major_level(2);
        let at = |level| {
            status(
                &criterion(4, false),
                &rules,
                Some(&answer(Some(level), None)),
            )
        };
        assert_eq!(at(1), Status::MajorGap);
        assert_eq!(at(2), Status::MajorGap);
        assert_eq!(at(3), Status::MinorGap);
        assert_eq!(at(4), Status::Conform);
    }

    #[test]
    fn item_10_expected_wins_over_the_major_level() {
        // A level both at the major level and at expected is conform: §6.1
        // asks niveau < a for any gap.
        let rules = with_major_level(3);
        assert_eq!(
            status(&criterion(3, false), &rules, Some(&answer(Some(3), None))),
            Status::Conform
        );
    }

    #[test]
    fn item_10_without_the_rule_only_imperative_makes_a_major_gap() {
        assert_eq!(
            status(&criterion(3, false), &NO_RULE, Some(&answer(Some(1), None))),
            Status::MinorGap
        );
        assert_eq!(
            status(
                &criterion(3, true),
                &with_major_level(1),
                Some(&answer(Some(2), None))
            ),
            Status::MajorGap
        );
    }

    #[test]
    fn item_10_the_major_level_leaves_not_applicable_and_not_assessed_alone() {
        let rules = with_major_level(4);
        assert_eq!(
            status(
                &criterion(3, false),
                &rules,
                Some(&answer(None, Some("raison")))
            ),
            Status::NotApplicable
        );
        assert_eq!(
            status(&criterion(3, false), &rules, None),
            Status::NotAssessed
        );
    }
}
