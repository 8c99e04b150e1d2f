//! `correspondances` (§4.2): how the criteria of the previous version map
//! to this one. Read with places, checked within the version, then
//! against the previous version by `label lint` ([`check_against`]).

mod check;
mod read;

pub(super) use check::check;
pub use check::check_against;
pub(super) use read::read;

use crate::yaml::{Span, Spanned};

use super::model::Referential;

/// The checked `correspondances` of a version, ids with their places.
#[derive(Clone, Debug)]
pub struct Correspondences {
    /// The file they were read from.
    pub path: String,
    pub span: Span,
    /// `depuis`: the previous version.
    pub since: semver::Version,
    pub since_span: Span,
    pub renamed: Vec<(Spanned<String>, Spanned<String>)>,
    pub split: Vec<(Spanned<String>, Vec<Spanned<String>>)>,
    /// New id ← the old ids it brings together.
    pub merged: Vec<(Spanned<String>, Vec<Spanned<String>>)>,
    /// Old id → why it goes.
    pub removed: Vec<(Spanned<String>, Spanned<String>)>,
}

/// What became of a criterion of the previous version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fate {
    /// Same id, still there.
    Unchanged,
    Renamed(String),
    Split(Vec<String>),
    /// Merged into this new id.
    Merged(String),
    /// Removed, with the reason given.
    Removed(String),
    /// Gone without a word (a version without `correspondances`).
    Gone,
}

impl Correspondences {
    /// The fate of `old`, a criterion of the previous version, in `new`.
    pub fn fate(&self, old: &str, new: &Referential) -> Fate {
        fate(Some(self), old, new)
    }

    /// Every old id named, with its place, in file order of the keys.
    pub fn old_ids(&self) -> Vec<&Spanned<String>> {
        let mut ids: Vec<&Spanned<String>> = self.renamed.iter().map(|(o, _)| o).collect();
        ids.extend(self.split.iter().map(|(o, _)| o));
        ids.extend(self.merged.iter().flat_map(|(_, olds)| olds));
        ids.extend(self.removed.iter().map(|(o, _)| o));
        ids
    }
}

/// The fate of `old` in `new`, with or without `correspondances`: without,
/// an id still present is unchanged and one that is not is gone.
pub fn fate(correspondences: Option<&Correspondences>, old: &str, new: &Referential) -> Fate {
    if let Some(c) = correspondences {
        if let Some((_, to)) = c.renamed.iter().find(|(o, _)| o.value == old) {
            return Fate::Renamed(to.value.clone());
        }
        if let Some((_, to)) = c.split.iter().find(|(o, _)| o.value == old) {
            return Fate::Split(to.iter().map(|t| t.value.clone()).collect());
        }
        if let Some((to, _)) = c
            .merged
            .iter()
            .find(|(_, olds)| olds.iter().any(|o| o.value == old))
        {
            return Fate::Merged(to.value.clone());
        }
        if let Some((_, why)) = c.removed.iter().find(|(o, _)| o.value == old) {
            return Fate::Removed(why.value.trim().to_string());
        }
    }
    if new.criterion(old).is_some() {
        Fate::Unchanged
    } else {
        Fate::Gone
    }
}
