//! §6.1–§6.2: one structure's gaps, summary and readiness for audit.

use std::collections::BTreeMap;

use crate::plan::{ActionStatus, Plan};
use crate::referential::Referential;
use crate::self_assessment::SelfAssessment;

use super::status::{Status, status};

/// One criterion's result for a structure.
#[derive(Clone, Debug, PartialEq)]
pub struct CriterionResult {
    pub id: String,
    pub title: std::sync::Arc<str>,
    pub status: Status,
    pub level: Option<i64>,
    pub expected: i64,
    pub imperative: bool,
    /// Plan actions, not abandoned, that answer this criterion.
    pub actions: Vec<String>,
}

/// Counts per status and the rate (synthèse).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    pub counts: BTreeMap<Status, usize>,
    /// taux_conformite: conformes / (criteria − non_concerne) × 100, one
    /// decimal; `None` when no criterion is assessed (no rate at all).
    pub rate: Option<f64>,
    pub ready: bool,
}

impl Summary {
    pub fn count(&self, status: Status) -> usize {
        self.counts.get(&status).copied().unwrap_or(0)
    }

    /// Criteria counted (§6.1).
    pub fn total(&self) -> usize {
        self.counts.values().sum()
    }

    /// Criteria with an answer: a level or a valid non_concerne.
    pub fn assessed(&self) -> usize {
        self.total() - self.count(Status::NotAssessed)
    }

    /// A self-assessment with any non_evalue is incomplete (§6.1).
    pub fn is_complete(&self) -> bool {
        self.count(Status::NotAssessed) == 0
    }
}

/// Why a structure is not ready for audit (§6.2), naming the criteria.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    NotAssessed(Vec<String>),
    MajorGaps(Vec<String>),
    TooManyMinorGaps {
        count: usize,
        limit: i64,
        ids: Vec<String>,
    },
    Unanswered(Vec<String>),
}

/// The evaluation of one structure.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    pub criteria: Vec<CriterionResult>,
    pub summary: Summary,
    pub reasons: Vec<Reason>,
    /// The structure's audit, when it has a valid `audit.yaml` (§6.4).
    pub audit: Option<super::audit::AuditState>,
}

/// Evaluates a self-assessment and its plan against the referential.
pub fn evaluate(
    referential: &Referential,
    assessment: &SelfAssessment,
    plan: Option<&Plan>,
) -> Evaluation {
    // Sized once: on a network, what the vectors over-reserve adds up.
    let mut criteria = Vec::with_capacity(referential.criteria().count());
    let kind = assessment.structure.kind;
    for principle in &referential.principles {
        for criterion in principle.criteria.iter().filter(|c| c.applies_to(kind)) {
            let answer = assessment.answers.get(&criterion.id);
            let actions = plan
                .iter()
                .flat_map(|p| &p.actions)
                .filter(|a| {
                    a.status != ActionStatus::Abandoned && a.criteria.contains(&criterion.id)
                })
                .map(|a| a.id.clone())
                .collect();
            criteria.push(CriterionResult {
                id: criterion.id.clone(),
                title: criterion.title.clone(),
                status: status(criterion, &referential.rules, answer),
                level: answer.and_then(|a| a.level),
                expected: criterion.expected,
                imperative: criterion.imperative,
                actions,
            });
        }
    }
    let reasons = readiness(&criteria, referential.rules.minors_per_major);
    let summary = summarize(&criteria, reasons.is_empty());
    Evaluation {
        criteria,
        summary,
        reasons,
        audit: None,
    }
}

fn summarize(criteria: &[CriterionResult], ready: bool) -> Summary {
    let mut counts: BTreeMap<Status, usize> = Status::ALL.iter().map(|s| (*s, 0)).collect();
    for c in criteria {
        *counts.entry(c.status).or_default() += 1;
    }
    let conform = counts[&Status::Conform];
    let gaps = counts[&Status::MinorGap] + counts[&Status::MajorGap];
    let applicable = criteria.len() - counts[&Status::NotApplicable];
    let rate = (conform + gaps > 0).then(|| tenths(conform * 1000, applicable) as f64 / 10.0);
    Summary {
        counts,
        rate,
        ready,
    }
}

/// `numerator / denominator` rounded to the nearest integer, halves away
/// from zero, on integers (`denominator` > 0).
pub(crate) fn tenths(numerator: usize, denominator: usize) -> usize {
    (2 * numerator + denominator) / (2 * denominator)
}

/// §6.2: every reason the structure is not ready, in a fixed order.
pub fn readiness(criteria: &[CriterionResult], minors_per_major: i64) -> Vec<Reason> {
    let ids = |keep: &dyn Fn(&CriterionResult) -> bool| -> Vec<String> {
        criteria
            .iter()
            .filter(|c| keep(c))
            .map(|c| c.id.clone())
            .collect()
    };
    let mut reasons = Vec::new();
    let not_assessed = ids(&|c| c.status == Status::NotAssessed);
    if !not_assessed.is_empty() {
        reasons.push(Reason::NotAssessed(not_assessed));
    }
    let majors = ids(&|c| c.status == Status::MajorGap);
    if !majors.is_empty() {
        reasons.push(Reason::MajorGaps(majors));
    }
    let minors = ids(&|c| c.status == Status::MinorGap);
    if i64::try_from(minors.len()).unwrap_or(i64::MAX) >= minors_per_major {
        reasons.push(Reason::TooManyMinorGaps {
            count: minors.len(),
            limit: minors_per_major,
            ids: minors,
        });
    }
    let unanswered = ids(&|c| c.status.is_gap() && c.actions.is_empty());
    if !unanswered.is_empty() {
        reasons.push(Reason::Unanswered(unanswered));
    }
    reasons
}

#[cfg(test)]
mod tests {
    use super::*;

    fn result(id: &str, status: Status, actions: &[&str]) -> CriterionResult {
        CriterionResult {
            id: id.into(),
            title: "".into(),
            status,
            level: None,
            expected: 3,
            imperative: status == Status::MajorGap,
            actions: actions.iter().map(|a| a.to_string()).collect(),
        }
    }

    fn minors(n: usize) -> Vec<CriterionResult> {
        (0..n)
            .map(|i| result(&format!("C-{i}"), Status::MinorGap, &["A01"]))
            .collect()
    }

    #[test]
    fn ready_when_everything_is_conform_or_not_applicable() {
        let criteria = vec![
            result("A", Status::Conform, &[]),
            result("B", Status::NotApplicable, &[]),
        ];
        assert!(readiness(&criteria, 5).is_empty());
    }

    #[test]
    fn one_minor_gap_less_than_the_limit_is_ready() {
        assert!(readiness(&minors(4), 5).is_empty());
    }

    #[test]
    fn exactly_the_limit_of_minor_gaps_is_not_ready() {
        let reasons = readiness(&minors(5), 5);
        assert!(matches!(
            &reasons[..],
            [Reason::TooManyMinorGaps {
                count: 5,
                limit: 5,
                ..
            }]
        ));
    }

    #[test]
    fn not_assessed_and_major_gaps_are_named() {
        let criteria = vec![
            result("A", Status::NotAssessed, &[]),
            result("B", Status::MajorGap, &["A01"]),
        ];
        let reasons = readiness(&criteria, 5);
        assert_eq!(
            reasons,
            vec![
                Reason::NotAssessed(vec!["A".into()]),
                Reason::MajorGaps(vec!["B".into()])
            ]
        );
    }

    #[test]
    fn a_gap_without_action_is_a_reason() {
        let criteria = vec![result("A", Status::MinorGap, &[])];
        assert_eq!(
            readiness(&criteria, 5),
            vec![Reason::Unanswered(vec!["A".into()])]
        );
    }

    #[test]
    fn rate_leaves_not_applicable_out_and_rounds_to_one_decimal() {
        let mut criteria: Vec<CriterionResult> = (0..30)
            .map(|i| result(&format!("C{i}"), Status::Conform, &[]))
            .collect();
        criteria.extend(minors(2));
        criteria.push(result("M", Status::MajorGap, &[]));
        criteria.push(result("N", Status::NotApplicable, &[]));
        criteria.push(result("E", Status::NotAssessed, &[]));
        let summary = summarize(&criteria, false);
        assert_eq!(summary.rate, Some(88.2));
        assert_eq!(summary.count(Status::NotApplicable), 1);
        assert!(!summary.is_complete());
        assert_eq!((summary.assessed(), summary.total()), (34, 35));
    }

    #[test]
    fn item_6_no_rate_when_nothing_is_assessed() {
        let criteria = vec![
            result("A", Status::NotAssessed, &[]),
            result("B", Status::NotApplicable, &[]),
        ];
        assert_eq!(summarize(&criteria, false).rate, None);
    }

    #[test]
    fn rate_rounds_halves_away_from_zero_on_integers() {
        // 1/8 = 12.5 %; 1/16 = 6.25 % -> 6.3 %.
        assert_eq!(tenths(1000, 8), 125);
        assert_eq!(tenths(1000, 16), 63);
    }

    #[test]
    fn item_11_criteria_of_another_type_are_left_out_of_every_count() -> Result<(), String> {
        use crate::referential::{StructureType, testing};
        use crate::self_assessment::{Answer, StructureInfo};
        let referential = testing::referential(testing::BASE)?;
        let assessment = |kind| SelfAssessment {
            referential: "essai".into(),
            version: "1.0.0".into(),
            structure: StructureInfo {
                id: "x".into(),
                name: "X".into(),
                kind,
                region: None,
            },
            date: None,
            referent: None,
            answers: [(
                "LAB-01".to_string(),
                Answer {
                    level: Some(3),
                    ..Answer::default()
                },
            )]
            .into(),
        };
        let arml = evaluate(&referential, &assessment(StructureType::Arml), None);
        let ids: Vec<&str> = arml.criteria.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["LAB-01"]);
        assert_eq!(arml.summary.count(Status::NotAssessed), 0);
        assert_eq!(arml.summary.rate, Some(100.0));
        assert!(arml.summary.ready);
        let unml = evaluate(&referential, &assessment(StructureType::Unml), None);
        assert_eq!(unml.summary.count(Status::NotAssessed), 1, "LAB-02 counts");
        Ok(())
    }
}
