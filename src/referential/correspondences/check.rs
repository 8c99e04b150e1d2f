//! The rules on `correspondances`: within the version (targets exist, an
//! old id mapped once, no cycle of renames, no id reused with another
//! meaning, `depuis` older), then against the previous version (every old
//! id accounted for, every named old id real).

use crate::diagnostics::VersionFinding;
use std::collections::{HashMap, HashSet};

use crate::check::{Checker, Rules};
use crate::diagnostics::{Diagnostic, Finding, Location};
use crate::suggest;
use crate::yaml::Spanned;

use super::super::model::Referential;
use super::super::raw::RawCorrespondences;
use super::Correspondences;

/// Checks `raw` within its version (`version`, criteria `ids` in order);
/// the model comes back when `depuis` is a version.
pub fn check(
    c: &mut Checker,
    path: &str,
    raw: &RawCorrespondences,
    version: Option<&semver::Version>,
    ids: &[String],
) -> Option<Correspondences> {
    let since = raw.since.as_ref()?;
    let parsed = semver::Version::parse(since.value.trim());
    let Ok(parsed) = parsed else {
        let finding = Finding::InvalidVersion {
            value: since.value.clone(),
        };
        c.report(finding, path, since.span);
        return None;
    };
    if let Some(version) = version.filter(|v| **v <= parsed) {
        let finding = Finding::Version(VersionFinding::SinceNotOlder {
            since: since.value.trim().to_string(),
            version: version.to_string(),
        });
        c.report(finding, path, since.span);
    }
    let model = Correspondences {
        path: path.to_string(),
        span: raw.span,
        since: parsed,
        since_span: since.span,
        renamed: raw.renamed.clone(),
        split: raw.split.clone(),
        merged: raw.merged.clone(),
        removed: raw.removed.clone(),
    };
    check_targets(c, &model, ids);
    check_targets_once(c, &model);
    check_mapped_once(c, &model);
    check_cycles(c, &model);
    check_reuse(c, &model, ids);
    Some(model)
}

/// Every new id a mapping leads to, in the order written.
fn targets(m: &Correspondences) -> Vec<&Spanned<String>> {
    let mut targets: Vec<&Spanned<String>> = m.renamed.iter().map(|(_, n)| n).collect();
    targets.extend(m.split.iter().flat_map(|(_, n)| n));
    targets.extend(m.merged.iter().map(|(n, _)| n));
    targets
}

/// A new id receives one mapping: two old requirements reach one id only
/// through `fusionne` (VER008).
fn check_targets_once(c: &mut Checker, m: &Correspondences) {
    let mut seen: HashMap<&str, Location> = HashMap::new();
    for target in targets(m) {
        let here = Location::new(&m.path, target.span);
        match seen.get(target.value.as_str()) {
            Some(first) => {
                let finding = Finding::Version(VersionFinding::TargetTwice {
                    id: target.value.clone(),
                });
                c.push(
                    Diagnostic::new(finding, here).with_label(first.clone(), "première fois ici"),
                );
            }
            None => {
                seen.insert(&target.value, here);
            }
        }
    }
}

/// Every new id named exists in this version (VER002).
fn check_targets(c: &mut Checker, m: &Correspondences, ids: &[String]) {
    for target in targets(m) {
        if !ids.contains(&target.value) {
            let finding = Finding::Version(VersionFinding::UnknownTarget {
                id: target.value.clone(),
                suggestion: suggest::closest(&target.value, ids.iter().map(String::as_str)),
            });
            c.report(finding, &m.path, target.span);
        }
    }
}

/// An old id has one fate (VER003), shown at both places.
fn check_mapped_once(c: &mut Checker, m: &Correspondences) {
    let mut seen: HashMap<&str, Location> = HashMap::new();
    for old in m.old_ids() {
        let here = Location::new(&m.path, old.span);
        match seen.get(old.value.as_str()) {
            Some(first) => {
                let finding = Finding::Version(VersionFinding::MappedTwice {
                    id: old.value.clone(),
                });
                c.push(
                    Diagnostic::new(finding, here).with_label(first.clone(), "première fois ici"),
                );
            }
            None => {
                seen.insert(&old.value, here);
            }
        }
    }
}

/// Renames that come back to their start (VER004), once per cycle.
fn check_cycles(c: &mut Checker, m: &Correspondences) {
    let next: HashMap<&str, &str> = m
        .renamed
        .iter()
        .map(|(o, n)| (o.value.as_str(), n.value.as_str()))
        .collect();
    let mut reported: HashSet<&str> = HashSet::new();
    for (start, _) in &m.renamed {
        let mut path = vec![start.value.as_str()];
        let mut at = start.value.as_str();
        while let Some(n) = next.get(at).copied() {
            if n == start.value || path.len() > next.len() {
                break;
            }
            path.push(n);
            at = n;
        }
        let closes = next.get(at).copied() == Some(start.value.as_str());
        if closes && path.iter().all(|p| !reported.contains(p)) {
            reported.extend(path.iter().copied());
            path.push(start.value.as_str());
            let finding = Finding::Version(VersionFinding::RenameCycle {
                cycle: path.join(" → "),
            });
            c.report(finding, &m.path, start.span);
        }
    }
}

/// An old id that leaves (renamed, removed, split or merged away) must not
/// still name a criterion of this version: the id would change meaning
/// (VER008).
fn check_reuse(c: &mut Checker, m: &Correspondences, ids: &[String]) {
    let mut leaving: Vec<&Spanned<String>> = m
        .renamed
        .iter()
        .filter(|(o, n)| o.value != n.value)
        .map(|(o, _)| o)
        .collect();
    leaving.extend(m.removed.iter().map(|(o, _)| o));
    for (old, new) in &m.split {
        if new.iter().all(|n| n.value != old.value) {
            leaving.push(old);
        }
    }
    for (new, olds) in &m.merged {
        leaving.extend(olds.iter().filter(|o| o.value != new.value));
    }
    for old in leaving {
        if ids.contains(&old.value) {
            let finding = Finding::Version(VersionFinding::IdReused {
                id: old.value.clone(),
            });
            c.report(finding, &m.path, old.span);
        }
    }
}

/// Checks `current`'s correspondances against `previous` (the version
/// `depuis` names): every old id named exists there (VER007), and every
/// criterion of it is accounted for (VER006).
pub fn check_against(previous: &Referential, current: &Referential) -> Vec<Diagnostic> {
    let mut c: Checker = Vec::new();
    let Some(m) = &current.correspondences else {
        return c;
    };
    let old_ids: Vec<&str> = previous.criteria().map(|c| c.id.as_str()).collect();
    for old in m.old_ids() {
        if !old_ids.contains(&old.value.as_str()) {
            let finding = Finding::Version(VersionFinding::UnknownOldId {
                id: old.value.clone(),
                since: m.since.to_string(),
                suggestion: suggest::closest(&old.value, old_ids.iter().copied()),
            });
            c.report(finding, &m.path, old.span);
        }
    }
    let named: HashSet<&str> = m.old_ids().iter().map(|o| o.value.as_str()).collect();
    // A criterion kept unchanged keeps its id: no other one may land there.
    for target in targets(m) {
        let id = target.value.as_str();
        if old_ids.contains(&id) && !named.contains(id) && current.criterion(id).is_some() {
            let finding = Finding::Version(VersionFinding::TargetTaken {
                id: id.to_string(),
                since: m.since.to_string(),
            });
            c.report(finding, &m.path, target.span);
        }
    }
    for old in old_ids {
        if !named.contains(old) && current.criterion(old).is_none() {
            let finding = Finding::Version(VersionFinding::OldIdUnaccounted {
                id: old.to_string(),
                since: m.since.to_string(),
            });
            c.report(finding, &m.path, m.span);
        }
    }
    c
}
