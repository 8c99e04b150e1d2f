//! Checks of single fields that the referential's rules share (texts,
//! ids), kept below them so that no rule module imports another's helpers.

use std::collections::HashMap;

use crate::diagnostics::{Finding, Location};
use crate::ids;
use crate::suggest;
use crate::yaml::Span;

pub(super) use crate::check::Checker;
use crate::check::Rules;

use super::raw::{RawReferential, Text};

pub(super) fn report(c: &mut Checker, finding: Finding, path: &str, span: Span) {
    c.report(finding, path, span);
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

/// Checks an id's form and uniqueness; a duplicate points at both places.
pub(super) fn check_unique_id(
    c: &mut Checker,
    path: &str,
    id: &Text,
    kind: &'static str,
    seen: &mut HashMap<String, Location>,
) -> Option<String> {
    let id = id.as_ref()?;
    let (valid, rule) = match kind {
        "principe" => (ids::is_principle_id(&id.value), ids::PRINCIPLE_RULE),
        _ => (ids::is_criterion_id(&id.value), ids::CRITERION_RULE),
    };
    if !valid {
        let finding = Finding::MalformedId {
            kind,
            id: id.value.clone(),
            rule,
        };
        report(c, finding, path, id.span);
    }
    c.unique(kind, path, id, seen);
    Some(id.value.clone())
}

/// The criterion id closest to `id`, for « vouliez-vous dire ».
pub(super) fn closest_id(id: &str, raw: &RawReferential) -> Option<String> {
    let all = raw
        .principles
        .iter()
        .flat_map(|p| &p.criteria)
        .filter_map(|c| c.id.as_ref());
    suggest::closest(id, all.map(|i| i.value.as_str()))
}
