//! Rules on a self-assessment against its referential (§4.3).

use crate::diagnostics::VersionFinding;
use std::collections::BTreeMap;

use crate::check::{Checker, Rules};
use crate::date::Date;
use crate::diagnostics::{Diagnostic, Finding, Location};
use crate::evidence;
use crate::ids;
use crate::referential::{Criterion, Referential, StructureType};
use crate::yaml::Span;

use super::{Answer, Evidence, RawAnswer, RawSelfAssessment, SelfAssessment, StructureInfo};

/// Validates a self-assessment; the model comes back only without errors.
/// `today` tells a self-assessment too old to rely on.
pub fn check(
    raw: &RawSelfAssessment,
    referential: &Referential,
    today: Date,
) -> (Option<SelfAssessment>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let at =
        |finding: Finding, span: Span| Diagnostic::new(finding, Location::new(&raw.path, span));
    let structure = raw.structure.as_ref().and_then(|s| {
        let id = s.id.as_ref()?;
        if !ids::is_referential_id(&id.value) {
            let rule = ids::REFERENTIAL_RULE;
            diagnostics.push(at(
                Finding::MalformedId {
                    kind: "structure",
                    id: id.value.clone(),
                    rule,
                },
                id.span,
            ));
        }
        let kind_text = s.kind.as_ref()?;
        let kind = StructureType::from_keyword(&kind_text.value)?;
        if !referential.structure_types.contains(&kind) {
            let covered = referential
                .structure_types
                .iter()
                .map(|t| t.keyword().to_string())
                .collect();
            let finding = Finding::TypeNotCovered {
                kind: kind_text.value.clone(),
                covered,
            };
            diagnostics.push(at(finding, kind_text.span));
        }
        Some(StructureInfo {
            id: id.value.clone(),
            name: s.name.as_ref()?.value.trim().to_string(),
            kind,
            region: s.region.as_ref().map(|r| r.value.trim().to_string()),
        })
    });
    let mut checker = Checker::new();
    let date = raw.date.as_ref().and_then(|d| {
        let date = checker.date(&raw.path, "date", d)?;
        if is_stale(date, today) {
            let finding = Finding::StaleSelfAssessment {
                date: date.french(),
                today: today.french(),
            };
            checker.report(finding, &raw.path, d.span);
        }
        Some(date)
    });
    diagnostics.append(&mut checker);
    let answer_context = AnswerContext {
        path: &raw.path,
        referential,
        kind: structure.as_ref().map(|s| s.kind),
    };
    let mut answers = BTreeMap::new();
    for answer in &raw.answers {
        if let Some(checked) = answer_context.check(answer, &mut diagnostics) {
            answers.insert(answer.id.value.clone(), checked);
        }
    }
    let failed = diagnostics.iter().any(Diagnostic::is_error);
    let model = (!failed).then_some(()).and_then(|_| {
        Some(SelfAssessment {
            referential: raw.header.referential.as_ref()?.value.clone(),
            version: raw.header.version.as_ref()?.value.clone(),
            structure: structure?,
            date,
            referent: raw.referent.as_ref().map(|r| r.value.trim().to_string()),
            answers,
        })
    });
    (model, diagnostics)
}

/// More than 12 months before `today`: an auditor asks for a fresh one.
fn is_stale(date: Date, today: Date) -> bool {
    date.add_months(12) < today
}

/// What each answer is checked against.
struct AnswerContext<'a> {
    path: &'a str,
    referential: &'a Referential,
    /// The structure's type, when its block is valid.
    kind: Option<StructureType>,
}

impl AnswerContext<'_> {
    fn at(&self, finding: Finding, span: Span) -> Diagnostic {
        Diagnostic::new(finding, Location::new(self.path, span))
    }

    /// The criterion an answer names, if it exists and applies to the
    /// structure's type; an answer to another type's criterion is ignored.
    fn criterion(&self, raw: &RawAnswer, out: &mut Vec<Diagnostic>) -> Option<&Criterion> {
        let id = &raw.id.value;
        let referential = self.referential;
        let mut checker = Checker::new();
        let Some(criterion) = referential.reference(&mut checker, self.path, &raw.id) else {
            out.append(&mut checker);
            return None;
        };
        if let Some(kind) = self.kind.filter(|k| !criterion.applies_to(*k)) {
            let finding = Finding::AnswerNotApplicable {
                id: id.clone(),
                kind: kind.keyword().to_string(),
            };
            out.push(self.at(finding, raw.id.span));
            return None;
        }
        Some(criterion)
    }

    fn check(&self, raw: &RawAnswer, out: &mut Vec<Diagnostic>) -> Option<Answer> {
        let criterion = self.criterion(raw, out)?;
        if let Some(review) = raw.review.as_ref().filter(|r| r.value) {
            let finding = Finding::Version(VersionFinding::ToReview {
                id: raw.id.value.clone(),
            });
            out.push(self.at(finding, review.span));
        }
        if let Some(level) = &raw.level {
            self.check_level(criterion, raw, level, out);
        }
        check_answer(self.path, raw, criterion, out)
    }

    /// The level is one of the scale; one at or above expected is backed by
    /// a comment or evidence.
    fn check_level(
        &self,
        criterion: &Criterion,
        raw: &RawAnswer,
        level: &crate::yaml::Spanned<i64>,
        out: &mut Vec<Diagnostic>,
    ) {
        let scale = &self.referential.scale;
        if scale.level(level.value).is_none() {
            let levels: Vec<String> = scale
                .levels
                .iter()
                .map(|l| format!("{} ({})", l.value, l.label))
                .collect();
            let finding = Finding::LevelNotInScale {
                value: level.value,
                levels: levels.join(", "),
            };
            out.push(self.at(finding, level.span));
        } else if level.value >= criterion.expected
            && raw.not_applicable.is_none()
            && !is_supported(raw)
        {
            let finding = Finding::LevelWithoutSupport {
                id: raw.id.value.clone(),
                level: level.value,
                expected: criterion.expected,
            };
            out.push(self.at(finding, level.span));
        }
    }
}

/// A comment with words in it, or at least one piece of evidence.
fn is_supported(raw: &RawAnswer) -> bool {
    let commented = raw
        .comment
        .as_ref()
        .is_some_and(|c| !c.value.trim().is_empty());
    commented || raw.evidence.iter().any(|e| !e.value.trim().is_empty())
}

fn check_answer(
    path: &str,
    raw: &RawAnswer,
    criterion: &Criterion,
    out: &mut Vec<Diagnostic>,
) -> Option<Answer> {
    let at = |finding: Finding, span: Span| Diagnostic::new(finding, Location::new(path, span));
    let id = &raw.id.value;
    if let Some(justification) = &raw.not_applicable {
        if raw.level.is_some() {
            out.push(at(
                Finding::LevelAndNotApplicable { id: id.clone() },
                justification.span,
            ));
        }
        if !criterion.not_applicable_allowed {
            out.push(at(
                Finding::NotApplicableForbidden { id: id.clone() },
                justification.span,
            ));
        } else if justification.value.trim().is_empty() {
            out.push(at(
                Finding::EmptyJustification { id: id.clone() },
                justification.span,
            ));
        }
    }
    for item in &raw.evidence {
        if let Evidence::File(file) = Evidence::parse(&item.value)
            && !evidence::stays_inside(&file)
        {
            out.push(at(
                Finding::EvidenceOutside { path: file.clone() },
                item.span,
            ));
        }
    }
    Some(Answer {
        level: raw.level.as_ref().map(|l| l.value),
        not_applicable: raw
            .not_applicable
            .as_ref()
            .map(|n| n.value.trim().to_string()),
        comment: raw.comment.as_ref().map(|c| c.value.clone()),
        evidence: raw
            .evidence
            .iter()
            .map(|e| Evidence::parse(&e.value))
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::Decoder;
    use crate::diagnostics::Code;
    use crate::referential::testing;
    use crate::source::SourceFile;

    const ARML: &str = "referentiel: essai
version: 1.0.0
structure:
  id: arml-x
  nom: ARML X
  type: arml
date: 2026-03-12
reponses:
  LAB-01:
    niveau: 3
    commentaire: Deux référents nommés par lettre de mission.
";

    fn date(text: &str) -> Result<Date, String> {
        Date::parse(text).ok_or_else(|| format!("date {text}"))
    }

    /// The codes found, and the answered criteria of the model.
    fn run(text: &str, today: &str) -> Result<(Vec<Code>, Vec<String>), String> {
        let referential = testing::referential(testing::BASE)?;
        let source = SourceFile::new("autoevaluation.yaml", text);
        let mut decoder = Decoder::new(&source);
        let raw = crate::self_assessment::read(&mut decoder).ok_or("illisible")?;
        let (model, found) = check(&raw, &referential, date(today)?);
        let answered = model.map(|m| m.answers.into_keys().collect());
        let codes = found.iter().map(|d| d.code).collect();
        Ok((codes, answered.unwrap_or_default()))
    }

    fn codes(text: &str) -> Result<Vec<Code>, String> {
        Ok(run(text, "2026-11-27")?.0)
    }

    fn replaced(old: &str, new: &str) -> Result<String, String> {
        ARML.contains(old)
            .then(|| ARML.replacen(old, new, 1))
            .ok_or_else(|| format!("« {old} » absent"))
    }

    #[test]
    fn item_12_a_level_at_or_above_expected_needs_a_comment_or_evidence() -> Result<(), String> {
        assert_eq!(codes(ARML)?, vec![]);
        let bare = "    commentaire: Deux référents nommés par lettre de mission.\n";
        assert_eq!(codes(&replaced(bare, "")?)?, vec![Code::Auto006]);
        let blank = replaced(bare, "    commentaire: \"  \"\n    preuves: []\n")?;
        assert_eq!(codes(&blank)?, vec![Code::Auto006]);
        let above = replaced(bare, "")?.replace("niveau: 3", "niveau: 4");
        assert_eq!(codes(&above)?, vec![Code::Auto006]);
        let below = replaced(bare, "")?.replace("niveau: 3", "niveau: 2");
        assert_eq!(codes(&below)?, vec![], "a gap needs no proof");
        let evidence = replaced(bare, "    preuves: [https://exemple.fr/referents]\n")?;
        assert_eq!(codes(&evidence)?, vec![]);
        Ok(())
    }

    #[test]
    fn item_12_a_self_assessment_older_than_12_months_is_flagged() -> Result<(), String> {
        assert_eq!(run(ARML, "2027-03-12")?.0, vec![], "exactly 12 months");
        assert_eq!(run(ARML, "2027-03-13")?.0, vec![Code::Auto007]);
        assert_eq!(run(ARML, "2026-01-01")?.0, vec![], "dated after today");
        let undated = replaced("date: 2026-03-12\n", "")?;
        assert_eq!(run(&undated, "2030-01-01")?.0, vec![]);
        Ok(())
    }

    #[test]
    fn item_11_an_answer_to_a_criterion_of_another_type_is_ignored() -> Result<(), String> {
        let answer = "  LAB-02:\n    niveau: 3\n    commentaire: Commission réunie.\n";
        let (codes, answered) = run(&format!("{ARML}{answer}"), "2026-11-27")?;
        assert_eq!(codes, vec![Code::Auto005]);
        assert_eq!(answered, ["LAB-01"]);
        let unml = format!("{ARML}{answer}").replace("type: arml", "type: unml");
        let (codes, answered) = run(&unml, "2026-11-27")?;
        assert_eq!(codes, vec![]);
        assert_eq!(answered, ["LAB-01", "LAB-02"]);
        Ok(())
    }
}
