//! The validation pass: every rule on a raw referential, each problem
//! reported, and the model built when nothing is wrong.

use std::collections::HashMap;

use crate::diagnostics::{Diagnostic, Finding, Location};
use crate::ids;

use super::criterion;
use super::model::*;
use super::raw::*;
use super::rules::{check_cycle, check_rules};
use super::scale::check_scale;

/// The id and version a file's place under `referentiels/` implies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub id: String,
    pub version: String,
}

use super::field::{Checker, check_unique_id, non_empty, report};
use crate::check::Rules;

/// Validates a raw referential; the model comes back only without errors.
pub fn check(
    raw: &RawReferential,
    place: Option<&Place>,
) -> (Option<Referential>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let built = build(&mut diagnostics, raw, place);
    let failed = diagnostics.iter().any(Diagnostic::is_error);
    (built.filter(|_| !failed), diagnostics)
}

fn build(c: &mut Checker, raw: &RawReferential, place: Option<&Place>) -> Option<Referential> {
    let path = raw.path.as_str();
    let id = check_id(c, raw, place);
    let version = check_version(c, raw, place);
    let title = non_empty(c, "titre", &raw.title, path);
    let date = raw.date.as_ref().and_then(|d| c.date(path, "date", d));
    if raw.structure_types.as_ref().is_some_and(Vec::is_empty) {
        report(
            c,
            Finding::EmptyText {
                key: "structures".into(),
            },
            path,
            raw.span,
        );
    }
    let scale = raw.scale.as_ref().and_then(|s| check_scale(c, path, s));
    let rules = check_rules(c, path, &raw.rules, scale.as_ref());
    let cycle = check_cycle(c, path, &raw.cycle);
    let structure_types: Vec<StructureType> = raw
        .structure_types
        .iter()
        .flatten()
        .filter_map(|t| StructureType::from_keyword(&t.value))
        .collect();
    let frame = criterion::Frame {
        scale: scale.as_ref(),
        types: raw
            .structure_types
            .as_ref()
            .map(|_| structure_types.as_slice()),
    };
    let principles = check_principles(c, raw, &frame);
    let ids: Vec<String> = principles
        .iter()
        .flat_map(|p| p.criteria.iter().map(|c| c.id.clone()))
        .collect();
    let correspondences = raw
        .correspondences
        .as_ref()
        .and_then(|m| super::correspondences::check(c, path, m, version.as_ref(), &ids));
    Some(Referential {
        id: id?,
        version: version?,
        title: title?,
        description: raw.description.as_ref().map(|d| d.value.trim().to_string()),
        status: Status::from_keyword(&raw.status.as_ref()?.value)?,
        date,
        structure_types,
        scale: scale?,
        rules,
        cycle,
        correspondences,
        principles,
    })
}

fn check_id(c: &mut Checker, raw: &RawReferential, place: Option<&Place>) -> Option<String> {
    let id = raw.id.as_ref()?;
    if !ids::is_referential_id(&id.value) {
        let finding = Finding::MalformedId {
            kind: "référentiel",
            id: id.value.clone(),
            rule: ids::REFERENTIAL_RULE,
        };
        report(c, finding, &raw.path, id.span);
    }
    if let Some(place) = place.filter(|p| p.id != id.value) {
        let finding = Finding::PlaceMismatch {
            key: "referentiel",
            found: id.value.clone(),
            expected: place.id.clone(),
        };
        report(c, finding, &raw.path, id.span);
    }
    Some(id.value.clone())
}

fn check_version(
    c: &mut Checker,
    raw: &RawReferential,
    place: Option<&Place>,
) -> Option<semver::Version> {
    let version = raw.version.as_ref()?;
    if let Some(place) = place.filter(|p| p.version != version.value) {
        let finding = Finding::PlaceMismatch {
            key: "version",
            found: version.value.clone(),
            expected: place.version.clone(),
        };
        report(c, finding, &raw.path, version.span);
    }
    match semver::Version::parse(&version.value) {
        Ok(v) => Some(v),
        Err(_) => {
            let finding = Finding::InvalidVersion {
                value: version.value.clone(),
            };
            report(c, finding, &raw.path, version.span);
            None
        }
    }
}

fn check_principles(
    c: &mut Checker,
    raw: &RawReferential,
    frame: &criterion::Frame,
) -> Vec<Principle> {
    if let Some(span) = raw.principles_span.filter(|_| raw.principles.is_empty()) {
        report(c, Finding::NoPrinciples, &raw.path, span);
    }
    let mut seen: HashMap<String, Location> = HashMap::new();
    let mut criteria_seen: HashMap<String, Location> = HashMap::new();
    let mut principles = Vec::new();
    for p in &raw.principles {
        let id = check_unique_id(c, &p.path, &p.id, "principe", &mut seen);
        let title = non_empty(c, "titre", &p.title, &p.path);
        if p.criteria.is_empty() {
            let id = id.clone().unwrap_or_default();
            report(c, Finding::PrincipleWithoutCriteria { id }, &p.path, p.span);
        }
        let criteria = p
            .criteria
            .iter()
            .filter_map(|raw_c| {
                criterion::check(c, p, id.as_deref(), raw_c, frame, &mut criteria_seen)
            })
            .collect();
        principles.push(Principle {
            id: id.unwrap_or_default(),
            title: title.unwrap_or_default(),
            description: p.description.as_ref().map(|d| d.value.trim().to_string()),
            criteria,
        });
    }
    criterion::check_references(c, raw);
    principles
}
