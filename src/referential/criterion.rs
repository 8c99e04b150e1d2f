//! Rules on each criterion of a referential.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::diagnostics::{Diagnostic, Finding, Location};

use super::field::{check_unique_id, closest_id, non_empty};
use super::model::{Criterion, Scale, StructureType};
use super::raw::{RawCriterion, RawPrinciple, RawReferential};
use super::scale::{check_cited_level, check_level};

/// What every criterion is checked against: the scale and the structure
/// types of the referential (`None` when `structures` is missing).
pub(super) struct Frame<'a> {
    pub scale: Option<&'a Scale>,
    pub types: Option<&'a [StructureType]>,
}

/// Validates one criterion of principle `p`.
pub(super) fn check(
    c: &mut Vec<Diagnostic>,
    p: &RawPrinciple,
    principle_id: Option<&str>,
    raw: &RawCriterion,
    frame: &Frame,
    seen: &mut HashMap<String, Location>,
) -> Option<Criterion> {
    let path = p.path.as_str();
    let scale = frame.scale;
    let id = check_unique_id(c, path, &raw.id, "critère", seen);
    let title = non_empty(c, "titre", &raw.title, path);
    if let (Some(id), Some(principle)) = (&id, principle_id)
        && !id.starts_with(&format!("{principle}-"))
    {
        let finding = Finding::IdOutsidePrinciple {
            id: id.clone(),
            principle: principle.to_string(),
        };
        c.push(at(
            finding,
            path,
            raw.id.as_ref().map_or(raw.span, |i| i.span),
        ));
    }
    if let (Some(scale), Some(expected)) = (scale, &raw.expected) {
        check_level(c, path, scale, expected);
    }
    let shown = id.clone().unwrap_or_default();
    for (list, finding) in [
        (&raw.evidence, Finding::NoEvidence { id: shown.clone() }),
        (
            &raw.audit_questions,
            Finding::NoAuditQuestion { id: shown.clone() },
        ),
        (&raw.indicators, Finding::NoIndicator { id: shown.clone() }),
    ] {
        if list.as_ref().is_none_or(|l| l.is_empty()) {
            c.push(at(finding, path, raw.span));
        }
        for item in list.iter().flatten() {
            non_empty(c, "élément de liste", &Some(item.clone()), path);
        }
    }
    let level_descriptors = check_descriptors(c, path, raw, scale);
    let applicable_to = check_applicable(c, path, raw, frame.types);
    Some(Criterion {
        id: id?,
        title: title?.into(),
        description: raw.description.as_ref().map(|d| d.value.trim().to_string()),
        expected: raw
            .expected
            .as_ref()
            .map(|e| e.value)
            .or(scale.map(|s| s.expected))?,
        imperative: raw.imperative.as_ref().is_some_and(|b| b.value),
        not_applicable_allowed: raw.not_applicable_allowed.as_ref().is_some_and(|b| b.value),
        evidence: texts(&raw.evidence),
        indicators: texts(&raw.indicators),
        audit_questions: texts(&raw.audit_questions),
        see_also: raw.see_also.iter().map(|s| s.value.clone()).collect(),
        level_descriptors,
        applicable_to,
    })
}

/// `niveaux`: each key a level of the scale, each descriptor written.
fn check_descriptors(
    c: &mut Vec<Diagnostic>,
    path: &str,
    raw: &RawCriterion,
    scale: Option<&Scale>,
) -> BTreeMap<i64, String> {
    let mut descriptors = BTreeMap::new();
    for (key, text) in &raw.level_descriptors {
        let descriptor = non_empty(c, "niveaux", &Some(text.clone()), path);
        let level = match scale {
            Some(scale) => check_cited_level(c, path, scale, "niveaux", key),
            None => key.value.trim().parse().ok(),
        };
        if let (Some(level), Some(descriptor)) = (level, descriptor) {
            descriptors.insert(level, descriptor);
        }
    }
    descriptors
}

/// `applicable_a`: a non-empty list of types the referential covers.
fn check_applicable(
    c: &mut Vec<Diagnostic>,
    path: &str,
    raw: &RawCriterion,
    covered: Option<&[StructureType]>,
) -> Option<Vec<StructureType>> {
    let written = raw.applicable_to.as_ref()?;
    if written.is_empty() {
        let finding = Finding::EmptyText {
            key: "applicable_a".into(),
        };
        c.push(at(finding, path, raw.span));
    }
    let mut types = Vec::new();
    for text in written {
        let Some(kind) = StructureType::from_keyword(&text.value) else {
            continue;
        };
        if let Some(covered) = covered.filter(|t| !t.contains(&kind)) {
            let finding = Finding::TypeOutsideReferential {
                kind: text.value.clone(),
                covered: covered.iter().map(|t| t.keyword().to_string()).collect(),
            };
            c.push(at(finding, path, text.span));
        }
        types.push(kind);
    }
    Some(types)
}

fn texts(list: &Option<Vec<crate::yaml::Spanned<String>>>) -> Vec<String> {
    list.iter()
        .flatten()
        .map(|s| s.value.trim().to_string())
        .collect()
}

fn at(finding: Finding, path: &str, span: crate::yaml::Span) -> Diagnostic {
    Diagnostic::new(finding, Location::new(path, span))
}

/// `voir_aussi` must name existing criteria, other than the criterion itself.
pub(super) fn check_references(c: &mut Vec<Diagnostic>, raw: &RawReferential) {
    let known: HashSet<&str> = raw
        .principles
        .iter()
        .flat_map(|p| &p.criteria)
        .filter_map(|c| c.id.as_ref().map(|i| i.value.as_str()))
        .collect();
    for p in &raw.principles {
        for criterion in &p.criteria {
            let own = criterion.id.as_ref().map(|i| i.value.as_str());
            for target in &criterion.see_also {
                if Some(target.value.as_str()) == own {
                    let finding = Finding::SelfReference {
                        id: target.value.clone(),
                    };
                    c.push(at(finding, &p.path, target.span));
                } else if !known.contains(target.value.as_str()) {
                    let finding = Finding::UnknownReference {
                        id: target.value.clone(),
                        suggestion: closest_id(&target.value, raw),
                    };
                    c.push(at(finding, &p.path, target.span));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostics::Code;
    use crate::referential::StructureType;
    use crate::referential::testing::{BASE, codes, referential, with};

    #[test]
    fn item_11_applicable_a_is_read_and_defaults_to_all() -> Result<(), String> {
        let model = referential(BASE)?;
        let (all, unml) = (
            &model.principles[0].criteria[0],
            &model.principles[0].criteria[1],
        );
        assert!(all.applies_to(StructureType::Arml) && all.applies_to(StructureType::Unml));
        assert!(unml.applies_to(StructureType::Unml) && !unml.applies_to(StructureType::Arml));
        let kinds: Vec<&str> = model
            .applicable_criteria(StructureType::Arml)
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(kinds, ["LAB-01"]);
        Ok(())
    }

    #[test]
    fn item_11_applicable_a_names_only_covered_types() -> Result<(), String> {
        let text = with("applicable_a: [unml]", "applicable_a: [mission-locale]")?;
        assert_eq!(codes(&text), vec![Code::Ref014]);
        let empty = with("applicable_a: [unml]", "applicable_a: []")?;
        assert_eq!(codes(&empty), vec![Code::Ref009]);
        let unknown = with("applicable_a: [unml]", "applicable_a: [ccas]")?;
        assert_eq!(codes(&unknown), vec![Code::Sch004]);
        let scalar = with("applicable_a: [unml]", "applicable_a: unml")?;
        assert_eq!(codes(&scalar), vec![Code::Sch003]);
        Ok(())
    }

    #[test]
    fn item_11_criterion_descriptors_override_the_scale() -> Result<(), String> {
        let model = referential(BASE)?;
        let criterion = &model.principles[0].criteria[0];
        assert_eq!(
            criterion.descriptor(&model.scale, 2),
            Some("Nommés sans lettre de mission.")
        );
        assert_eq!(
            criterion.descriptor(&model.scale, 3),
            Some("Appliqué partout.")
        );
        assert_eq!(criterion.descriptor(&model.scale, 9), None);
        Ok(())
    }

    #[test]
    fn item_11_an_empty_descriptor_is_reported() -> Result<(), String> {
        let text = with("2: Nommés sans lettre de mission.", "2: \"\"")?;
        assert_eq!(codes(&text), vec![Code::Ref009]);
        Ok(())
    }
}
