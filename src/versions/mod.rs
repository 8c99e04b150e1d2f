//! What changed between two versions of a referential (`label diff`,
//! §4.7): pure computation over two validated referentials, rendered by
//! [`crate::output::diff`]. The correspondances of the newer version say
//! what became of each old criterion; without them, an id present in both
//! is the same criterion and the others are added or removed.

mod compare;

pub use compare::{Field, FieldChange, compare_criteria};

use crate::referential::{Criterion, Fate, Referential, fate};

/// One criterion as a release note names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Named {
    pub id: String,
    pub title: String,
}

impl Named {
    fn of(criterion: &Criterion) -> Named {
        Named {
            id: criterion.id.clone(),
            title: criterion.title.to_string(),
        }
    }
}

/// A criterion of the old version and what it became.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Moved {
    pub old: Named,
    pub new: Vec<Named>,
}

/// A criterion kept (same id or renamed) whose text or settings changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Changed {
    pub old_id: String,
    pub criterion: Named,
    pub changes: Vec<FieldChange>,
}

/// Everything that changed from `old` to `new`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Changes {
    pub referential: String,
    /// The old version's referential, when another one is compared.
    pub old_referential: String,
    pub old_version: String,
    pub new_version: String,
    /// Whether the new version carries `correspondances` from the old one.
    pub mapped: bool,
    pub added: Vec<Named>,
    /// With the reason `correspondances` give, when they do.
    pub removed: Vec<(Named, Option<String>)>,
    pub renamed: Vec<Moved>,
    pub split: Vec<Moved>,
    /// Each merge: the new criterion and the old ones it brings together.
    pub merged: Vec<(Named, Vec<Named>)>,
    pub changed: Vec<Changed>,
    /// Scale, rules and cycle: `(what, before, after)`.
    pub settings: Vec<(String, String, String)>,
    /// Principles whose title changed: `(id, before, after)`.
    pub principles: Vec<(String, String, String)>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.renamed.is_empty()
            && self.split.is_empty()
            && self.merged.is_empty()
            && self.changed.is_empty()
            && self.settings.is_empty()
            && self.principles.is_empty()
    }
}

/// Compares two versions; `new`'s correspondances are used when they
/// start from `old`'s version.
pub fn diff(old: &Referential, new: &Referential) -> Changes {
    let mapping = new
        .correspondences
        .as_ref()
        .filter(|c| c.since == old.version);
    let mut changes = Changes {
        referential: new.id.clone(),
        old_referential: old.id.clone(),
        old_version: old.version.to_string(),
        new_version: new.version.to_string(),
        mapped: mapping.is_some(),
        added: Vec::new(),
        removed: Vec::new(),
        renamed: Vec::new(),
        split: Vec::new(),
        merged: Vec::new(),
        changed: Vec::new(),
        settings: compare::settings(old, new),
        principles: compare::principles(old, new),
    };
    let named = |id: &str| new.criterion(id).map(Named::of);
    let mut reached: Vec<String> = Vec::new();
    for criterion in old.criteria() {
        let before = Named::of(criterion);
        match fate(mapping, &criterion.id, new) {
            Fate::Unchanged => {
                reached.push(criterion.id.clone());
                changed(
                    &mut changes,
                    criterion,
                    new.criterion(&criterion.id),
                    old,
                    new,
                );
            }
            Fate::Renamed(to) => {
                reached.push(to.clone());
                let moved = Moved {
                    old: before,
                    new: named(&to).into_iter().collect(),
                };
                changes.renamed.push(moved);
                changed(&mut changes, criterion, new.criterion(&to), old, new);
            }
            Fate::Split(to) => {
                reached.extend(to.iter().cloned());
                let new_ones = to.iter().filter_map(|t| named(t)).collect();
                changes.split.push(Moved {
                    old: before,
                    new: new_ones,
                });
            }
            Fate::Merged(to) => {
                reached.push(to.clone());
                merged(&mut changes, before, named(&to));
            }
            Fate::Removed(why) => changes.removed.push((before, Some(why))),
            Fate::Gone => changes.removed.push((before, None)),
        }
    }
    let position = |id: &str| new.criteria().position(|c| c.id == id);
    changes.changed.sort_by_key(|c| position(&c.criterion.id));
    changes.added = new
        .criteria()
        .filter(|c| !reached.contains(&c.id))
        .map(Named::of)
        .collect();
    changes
}

fn changed(
    changes: &mut Changes,
    before: &Criterion,
    after: Option<&Criterion>,
    old: &Referential,
    new: &Referential,
) {
    let Some(after) = after else {
        return;
    };
    let found = compare_criteria(before, after, old, new);
    if !found.is_empty() {
        changes.changed.push(Changed {
            old_id: before.id.clone(),
            criterion: Named::of(after),
            changes: found,
        });
    }
}

fn merged(changes: &mut Changes, old: Named, into: Option<Named>) {
    let Some(into) = into else {
        return;
    };
    match changes.merged.iter_mut().find(|(n, _)| n.id == into.id) {
        Some((_, olds)) => olds.push(old),
        None => changes.merged.push((into, vec![old])),
    }
}

#[cfg(test)]
mod tests {
    use super::diff;
    use crate::referential::testing::{BASE, referential};

    #[test]
    fn a_version_against_itself_has_no_change() -> Result<(), String> {
        let r = referential(BASE)?;
        let changes = diff(&r, &r);
        assert!(changes.is_empty(), "{changes:?}");
        assert!(!changes.mapped);
        Ok(())
    }

    #[test]
    fn without_correspondances_ids_are_compared_as_they_are() -> Result<(), String> {
        let old = referential(BASE)?;
        let text = BASE
            .replacen("version: 1.0.0", "version: 1.1.0", 1)
            .replacen("      - id: LAB-02\n", "      - id: LAB-09\n", 1);
        let new = referential(&text)?;
        let changes = diff(&old, &new);
        let removed: Vec<&str> = changes.removed.iter().map(|(n, _)| n.id.as_str()).collect();
        assert_eq!(removed, ["LAB-02"]);
        assert_eq!(changes.removed[0].1, None);
        let added: Vec<&str> = changes.added.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(added, ["LAB-09"]);
        Ok(())
    }
}
