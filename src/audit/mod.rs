//! Audit: the external audit's findings (`audit.yaml`, §4.5).

mod check;
mod read;

pub use crate::keyword::{AuditKind, AuditResult, AuditorRole};
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
    pub auditors: Vec<Auditor>,
    /// Constats by criterion id.
    pub findings: BTreeMap<String, AuditFinding>,
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
}
