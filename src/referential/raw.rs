//! The referential as written, every value with its place: the input of the
//! validation pass.

use crate::yaml::{Span, Spanned};

pub type Text = Option<Spanned<String>>;

/// Top of a referential file (`referentiel.yaml` in the folder form).
#[derive(Debug, Default)]
pub struct RawReferential {
    pub path: String,
    pub span: Span,
    pub id: Text,
    pub version: Text,
    pub title: Text,
    pub description: Text,
    pub status: Text,
    pub date: Text,
    pub structure_types: Option<Vec<Spanned<String>>>,
    pub scale: Option<RawScale>,
    pub rules: RawRules,
    pub cycle: RawCycle,
    pub correspondences: Option<RawCorrespondences>,
    pub principles: Vec<RawPrinciple>,
    /// Where `principes` was written, when it was: an empty list is then
    /// reported (the folder form reports its empty `principes/` itself).
    pub principles_span: Option<Span>,
}

#[derive(Debug, Default)]
pub struct RawScale {
    pub span: Span,
    pub levels: Vec<RawLevel>,
    pub expected: Option<Spanned<i64>>,
}

#[derive(Debug)]
pub struct RawLevel {
    pub span: Span,
    pub value: Option<Spanned<i64>>,
    pub label: Text,
    pub description: Text,
}

#[derive(Debug, Default)]
pub struct RawRules {
    pub major_gap_level: Option<Spanned<i64>>,
    pub minors_per_major: Option<Spanned<i64>>,
    pub major_deadline_months: Option<Spanned<i64>>,
    pub minor_deadline_months: Option<Spanned<i64>>,
}

#[derive(Debug, Default)]
pub struct RawCycle {
    pub validity_months: Option<Spanned<i64>>,
    pub surveillance_months: Option<Spanned<i64>>,
}

#[derive(Debug)]
pub struct RawPrinciple {
    /// File it was read from: principles of the folder form each have theirs.
    pub path: String,
    pub span: Span,
    pub id: Text,
    pub title: Text,
    pub description: Text,
    pub criteria: Vec<RawCriterion>,
}

#[derive(Debug)]
pub struct RawCriterion {
    pub span: Span,
    pub id: Text,
    pub title: Text,
    pub description: Text,
    pub expected: Option<Spanned<i64>>,
    pub imperative: Option<Spanned<bool>>,
    pub not_applicable_allowed: Option<Spanned<bool>>,
    pub evidence: Option<Vec<Spanned<String>>>,
    pub indicators: Option<Vec<Spanned<String>>>,
    pub audit_questions: Option<Vec<Spanned<String>>>,
    pub see_also: Vec<Spanned<String>>,
    /// `niveaux`: level (a key, as written) → descriptor.
    pub level_descriptors: Vec<(Spanned<String>, Spanned<String>)>,
    pub applicable_to: Option<Vec<Spanned<String>>>,
}

/// `correspondances`: how the ids of the previous version map to this one.
#[derive(Debug, Default)]
pub struct RawCorrespondences {
    pub span: Span,
    pub since: Text,
    pub renamed: Vec<(Spanned<String>, Spanned<String>)>,
    pub split: Vec<(Spanned<String>, Vec<Spanned<String>>)>,
    pub merged: Vec<(Spanned<String>, Vec<Spanned<String>>)>,
    pub removed: Vec<(Spanned<String>, Spanned<String>)>,
}
