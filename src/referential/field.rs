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

#[cfg(test)]
mod tests {
    use crate::diagnostics::Code;
    use crate::referential::testing::{BASE, codes, with};

    /// A principle id follows the principle rule, not the criterion's: `LAB`
    /// is a valid principle and an invalid criterion id; `LAB-1` the reverse.
    #[test]
    fn principle_ids_have_their_own_form() -> Result<(), String> {
        assert_eq!(codes(BASE), vec![]);
        let dashed = with("  - id: LAB\n", "  - id: LAB-1\n")?;
        let found = codes(&dashed);
        assert!(found.contains(&Code::Ref002), "{found:?}");
        let criterion_like_principle = with("      - id: LAB-01\n", "      - id: LAB\n")?;
        let found = codes(&criterion_like_principle);
        assert!(!found.contains(&Code::Ref002), "{found:?}");
        Ok(())
    }

    #[test]
    fn a_principle_met_twice_is_a_duplicate() -> Result<(), String> {
        let second = "  - id: LAB\n    titre: Encore\n    criteres:\n      - id: LAB-09\n        titre: T\n        preuves: [p]\n        indicateurs: [i]\n        questions_audit: [q]\n";
        let text = format!("{BASE}{second}");
        let found = codes(&text);
        assert!(found.contains(&Code::Ref001), "{found:?}");
        Ok(())
    }
}
