//! §6.1: the status of one criterion in a self-assessment.

use crate::referential::Criterion;
use crate::self_assessment::Answer;

/// Statut of a criterion for a structure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// conforme: level at or above the expected one.
    Conform,
    /// ecart_mineur: below expected, criterion not imperative.
    MinorGap,
    /// ecart_majeur: below expected, criterion imperative.
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
pub fn status(criterion: &Criterion, answer: Option<&Answer>) -> Status {
    let Some(answer) = answer else {
        return Status::NotAssessed;
    };
    if answer.not_applicable.is_some() {
        return Status::NotApplicable;
    }
    match answer.level {
        None => Status::NotAssessed,
        Some(level) if level >= criterion.expected => Status::Conform,
        Some(_) if criterion.imperative => Status::MajorGap,
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
            status(&criterion(3, false), Some(&answer(Some(3), None))),
            Status::Conform
        );
        assert_eq!(
            status(&criterion(3, true), Some(&answer(Some(4), None))),
            Status::Conform
        );
    }

    #[test]
    fn below_expected_is_a_minor_or_major_gap() {
        assert_eq!(
            status(&criterion(3, false), Some(&answer(Some(2), None))),
            Status::MinorGap
        );
        assert_eq!(
            status(&criterion(3, true), Some(&answer(Some(2), None))),
            Status::MajorGap
        );
        assert_eq!(
            status(&criterion(4, true), Some(&answer(Some(3), None))),
            Status::MajorGap
        );
    }

    #[test]
    fn not_applicable_even_on_an_imperative_criterion() {
        assert_eq!(
            status(&criterion(3, true), Some(&answer(None, Some("raison")))),
            Status::NotApplicable
        );
    }

    #[test]
    fn no_entry_or_no_level_is_not_assessed() {
        assert_eq!(status(&criterion(3, false), None), Status::NotAssessed);
        assert_eq!(
            status(&criterion(3, false), Some(&answer(None, None))),
            Status::NotAssessed
        );
    }
}
