//! The validation pass: every rule on a raw referential, each problem
//! reported, and the model built when nothing is wrong.

use std::collections::HashMap;

use crate::date::Date;
use crate::diagnostics::{Diagnostic, Finding, Location};
use crate::ids;
use crate::suggest;
use crate::yaml::{Span, Spanned};

use super::criterion;
use super::model::*;
use super::raw::*;

/// The id and version a file's place under `referentiels/` implies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub id: String,
    pub version: String,
}

type Checker = Vec<Diagnostic>;

fn report(c: &mut Checker, finding: Finding, path: &str, span: Span) {
    c.push(Diagnostic::new(finding, Location::new(path, span)));
}

/// The trimmed text, reporting it when empty.
pub(super) fn non_empty(c: &mut Checker, key: &str, text: &Text, path: &str) -> Option<String> {
    let text = text.as_ref()?;
    if text.value.trim().is_empty() {
        let finding = Finding::EmptyText { key: key.into() };
        report(c, finding, path, text.span);
    }
    Some(text.value.trim().to_string())
}

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
    let date = raw
        .date
        .as_ref()
        .and_then(|d| check_date(c, path, "date", d));
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

/// Checks a date field; shared with the other file kinds.
pub fn check_date_text(text: &Spanned<String>) -> Option<Date> {
    Date::parse(text.value.trim())
}

fn check_date(c: &mut Checker, path: &str, key: &str, text: &Spanned<String>) -> Option<Date> {
    let date = check_date_text(text);
    if date.is_none() {
        let finding = Finding::InvalidDate {
            key: key.into(),
            value: text.value.clone(),
        };
        report(c, finding, path, text.span);
    }
    date
}

fn check_scale(c: &mut Checker, path: &str, raw: &RawScale) -> Option<Scale> {
    if raw.levels.len() < 2 {
        report(c, Finding::ScaleTooShort, path, raw.span);
    }
    let mut levels: Vec<Level> = Vec::new();
    for level in &raw.levels {
        let label = non_empty(c, "libelle", &level.label, path);
        let Some(value) = &level.value else { continue };
        if let Some(previous) = levels.last().filter(|p| p.value >= value.value) {
            let finding = Finding::ScaleNotIncreasing {
                previous: previous.value,
                value: value.value,
            };
            report(c, finding, path, value.span);
        }
        let description = level.description.as_ref().map(|d| d.value.trim());
        if description.is_none_or(str::is_empty) {
            let finding = Finding::LevelWithoutDescription {
                value: value.value,
                label: label.clone().unwrap_or_default(),
            };
            report(c, finding, path, level.span);
        }
        levels.push(Level {
            value: value.value,
            label: label.unwrap_or_default(),
            description: description.filter(|d| !d.is_empty()).map(str::to_string),
        });
    }
    let scale = Scale {
        levels,
        expected: raw.expected.as_ref()?.value,
    };
    let expected = raw.expected.as_ref()?;
    check_level(c, path, &scale, expected);
    Some(scale)
}

pub(super) fn check_level(c: &mut Checker, path: &str, scale: &Scale, value: &Spanned<i64>) {
    if scale.level(value.value).is_none() && !scale.levels.is_empty() {
        let finding = Finding::ExpectedNotInScale {
            value: value.value,
            levels: level_list(scale),
        };
        report(c, finding, path, value.span);
    }
}

/// The scale's values, as help texts list them: `1, 2, 3, 4`.
pub(super) fn level_list(scale: &Scale) -> String {
    let values: Vec<String> = scale.levels.iter().map(|l| l.value.to_string()).collect();
    values.join(", ")
}

/// A level that a rule or a rubric cites (`key`) must be one of the scale.
pub(super) fn check_cited_level(
    c: &mut Checker,
    path: &str,
    scale: &Scale,
    key: &str,
    value: &Spanned<String>,
) -> Option<i64> {
    let level = value.value.trim().parse::<i64>().ok();
    if level.is_some_and(|l| scale.level(l).is_some()) || scale.levels.is_empty() {
        return level;
    }
    let finding = Finding::LevelOutsideScale {
        key: key.into(),
        value: value.value.clone(),
        levels: level_list(scale),
    };
    report(c, finding, path, value.span);
    None
}

fn bounded(
    c: &mut Checker,
    path: &str,
    key: &str,
    value: &Option<Spanned<i64>>,
    min: i64,
    max: i64,
    default: i64,
) -> i64 {
    let Some(value) = value else { return default };
    if value.value < min || value.value > max {
        let finding = Finding::RuleOutOfRange {
            key: key.into(),
            value: value.value,
            bounds: format!("{min} à {max}"),
        };
        report(c, finding, path, value.span);
    }
    value.value
}

fn check_rules(c: &mut Checker, path: &str, raw: &RawRules, scale: Option<&Scale>) -> Rules {
    let d = Rules::default();
    let major_gap_level = raw.major_gap_level.as_ref().map(|level| {
        if let Some(scale) = scale {
            let cited = Spanned::new(level.value.to_string(), level.span);
            check_cited_level(c, path, scale, "regles.niveau_ecart_majeur", &cited);
        }
        level.value
    });
    Rules {
        major_gap_level,
        minors_per_major: bounded(
            c,
            path,
            "mineurs_pour_un_majeur",
            &raw.minors_per_major,
            1,
            100,
            d.minors_per_major,
        ),
        major_deadline_months: bounded(
            c,
            path,
            "delai_nc_majeure_mois",
            &raw.major_deadline_months,
            1,
            60,
            d.major_deadline_months,
        ),
        minor_deadline_months: bounded(
            c,
            path,
            "delai_nc_mineure_mois",
            &raw.minor_deadline_months,
            1,
            60,
            d.minor_deadline_months,
        ),
    }
}

fn check_cycle(c: &mut Checker, path: &str, raw: &RawCycle) -> Cycle {
    let d = Cycle::default();
    let validity = bounded(
        c,
        path,
        "validite_mois",
        &raw.validity_months,
        1,
        120,
        d.validity_months,
    );
    let surveillance = bounded(
        c,
        path,
        "surveillance_mois",
        &raw.surveillance_months,
        1,
        validity.max(1),
        d.surveillance_months,
    );
    Cycle {
        validity_months: validity,
        surveillance_months: surveillance,
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

/// Checks an id's form and uniqueness; a duplicate points at both places.
pub(super) fn check_unique_id(
    c: &mut Checker,
    path: &str,
    id: &Text,
    kind: &'static str,
    seen: &mut HashMap<String, Location>,
) -> Option<String> {
    let id = id.as_ref()?;
    let valid = match kind {
        "principe" => ids::is_principle_id(&id.value),
        _ => ids::is_criterion_id(&id.value),
    };
    if !valid {
        let rule = if kind == "principe" {
            ids::PRINCIPLE_RULE
        } else {
            ids::CRITERION_RULE
        };
        let finding = Finding::MalformedId {
            kind,
            id: id.value.clone(),
            rule,
        };
        c.push(Diagnostic::new(finding, Location::new(path, id.span)));
    }
    let here = Location::new(path, id.span);
    if let Some(first) = seen.get(&id.value) {
        let finding = Finding::DuplicateId {
            kind,
            id: id.value.clone(),
        };
        let diagnostic =
            Diagnostic::new(finding, here).with_label(first.clone(), "première définition ici");
        c.push(diagnostic);
    } else {
        seen.insert(id.value.clone(), here);
    }
    Some(id.value.clone())
}

pub(super) fn closest_id(id: &str, raw: &RawReferential) -> Option<String> {
    let all = raw
        .principles
        .iter()
        .flat_map(|p| &p.criteria)
        .filter_map(|c| c.id.as_ref());
    suggest::closest(id, all.map(|i| i.value.as_str()))
}
