//! Audit: the external audit's findings (`audit.yaml`, §4.5).

mod check;
mod findings;
mod read;
#[cfg(test)]
mod tests;

pub use crate::keyword::{AuditKind, AuditResult, AuditorRole, Opinion};
use std::collections::BTreeMap;

pub use check::check;
pub use read::{RawAudit, read};

use crate::date::Date;

pub const FILE_NAME: &str = "audit.yaml";

impl crate::document::Document for Audit {
    const FILE_NAME: &'static str = FILE_NAME;
    type Raw = RawAudit;

    fn read(decoder: &mut crate::decode::Decoder) -> Option<RawAudit> {
        read(decoder)
    }

    fn header(raw: &RawAudit) -> &crate::document::RawHeader {
        &raw.header
    }

    fn structure_id(raw: &RawAudit) -> Option<&crate::yaml::Spanned<String>> {
        raw.structure.as_ref()
    }

    fn check(
        raw: &RawAudit,
        context: &crate::document::CheckContext,
        out: &mut Vec<crate::diagnostics::Diagnostic>,
    ) -> Option<Audit> {
        let (model, mut found) = check(raw, context.referential, context.not_applicable);
        out.append(&mut found);
        model
    }
}

/// A validated audit.
#[derive(Clone, Debug)]
pub struct Audit {
    pub referential: String,
    pub version: String,
    pub structure: String,
    pub kind: AuditKind,
    pub start: Date,
    pub end: Date,
    /// Where `fin` is written, for diagnostics that compare audits.
    pub end_place: crate::yaml::Span,
    pub auditors: Vec<Auditor>,
    /// Constats by criterion id.
    pub findings: BTreeMap<String, AuditFinding>,
    pub decision: Option<Decision>,
    /// Applicable criteria without a finding, in referential order: while
    /// any is left, the audit is in progress and founds no proposal.
    pub missing: Vec<String>,
}

/// The national commission's decision.
#[derive(Clone, Copy, Debug)]
pub struct Decision {
    pub date: Date,
    pub opinion: Opinion,
}

/// The lifting (`levee`) of a nonconformity.
#[derive(Clone, Debug)]
pub struct Lifting {
    pub date: Date,
    pub evidence: Vec<String>,
    /// The auditor who accepted the proof.
    pub by: String,
}

#[derive(Clone, Debug)]
pub struct Auditor {
    pub name: String,
    /// `certifie` (certified) or `pair` (peer from the network).
    pub certified: bool,
}

/// Constat on one criterion.
#[derive(Clone, Debug)]
pub struct AuditFinding {
    pub result: AuditResult,
    pub observations: Option<String>,
    pub evidence_seen: Vec<String>,
    pub strength: bool,
    pub improvement: Option<String>,
    pub justification: Option<String>,
    pub lifting: Option<Lifting>,
}

impl AuditFinding {
    /// A nonconformity without its lifting.
    pub fn is_open_nonconformity(&self) -> bool {
        self.lifting.is_none()
            && matches!(
                self.result,
                AuditResult::MinorNonconformity | AuditResult::MajorNonconformity
            )
    }
}
