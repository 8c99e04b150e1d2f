//! Rules on a self-assessment against its referential (§4.3).

use std::collections::BTreeMap;

use crate::diagnostics::{Diagnostic, Finding, Location};
use crate::evidence;
use crate::ids;
use crate::referential::{Referential, StructureType};
use crate::suggest;
use crate::yaml::Span;

use super::{Answer, Evidence, RawAnswer, RawSelfAssessment, SelfAssessment, StructureInfo};

/// Validates a self-assessment; the model comes back only without errors.
pub fn check(
    raw: &RawSelfAssessment,
    referential: &Referential,
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
    let date = raw.date.as_ref().and_then(|d| {
        let parsed = crate::date::Date::parse(d.value.trim());
        if parsed.is_none() {
            diagnostics.push(at(
                Finding::InvalidDate {
                    key: "date".into(),
                    value: d.value.clone(),
                },
                d.span,
            ));
        }
        parsed
    });
    let mut answers = BTreeMap::new();
    for answer in &raw.answers {
        if let Some(checked) = check_answer(&raw.path, answer, referential, &mut diagnostics) {
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

fn check_answer(
    path: &str,
    raw: &RawAnswer,
    referential: &Referential,
    out: &mut Vec<Diagnostic>,
) -> Option<Answer> {
    let at = |finding: Finding, span: Span| Diagnostic::new(finding, Location::new(path, span));
    let id = &raw.id.value;
    let Some(criterion) = referential.criterion(id) else {
        let suggestion = suggest::closest(id, referential.criteria().map(|c| c.id.as_str()));
        out.push(at(
            Finding::UnknownCriterion {
                id: id.clone(),
                suggestion,
            },
            raw.id.span,
        ));
        return None;
    };
    if let Some(level) = &raw.level
        && referential.scale.level(level.value).is_none()
    {
        let levels: Vec<String> = referential
            .scale
            .levels
            .iter()
            .map(|l| format!("{} ({})", l.value, l.label))
            .collect();
        out.push(at(
            Finding::LevelNotInScale {
                value: level.value,
                levels: levels.join(", "),
            },
            level.span,
        ));
    }
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
