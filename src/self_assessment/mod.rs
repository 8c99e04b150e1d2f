//! Autoévaluation: a structure's self-assessment against the referential
//! (`autoevaluation.yaml`, §4.3).

mod check;
mod read;

use std::collections::BTreeMap;

pub use check::check;
pub use read::{RawAnswer, RawSelfAssessment, RawStructure, read};

use crate::date::Date;
use crate::referential::StructureType;

pub const FILE_NAME: &str = "autoevaluation.yaml";

impl crate::document::Document for SelfAssessment {
    const FILE_NAME: &'static str = FILE_NAME;
    type Raw = RawSelfAssessment;

    fn read(decoder: &mut crate::decode::Decoder) -> Option<RawSelfAssessment> {
        read(decoder)
    }

    fn header(raw: &RawSelfAssessment) -> &crate::document::RawHeader {
        &raw.header
    }

    fn structure_id(raw: &RawSelfAssessment) -> Option<&crate::yaml::Spanned<String>> {
        raw.structure.as_ref()?.id.as_ref()
    }

    fn check(
        raw: &RawSelfAssessment,
        context: &crate::document::CheckContext,
        out: &mut Vec<crate::diagnostics::Diagnostic>,
    ) -> Option<SelfAssessment> {
        let (model, mut found) = check(raw, context.referential, context.today);
        out.append(&mut found);
        model
    }
}

/// A validated self-assessment.
#[derive(Clone, Debug)]
pub struct SelfAssessment {
    pub referential: String,
    pub version: String,
    pub structure: StructureInfo,
    pub date: Option<Date>,
    pub referent: Option<String>,
    /// Réponses by criterion id; a criterion without entry is not assessed.
    pub answers: BTreeMap<String, Answer>,
}

/// The structure a self-assessment describes.
#[derive(Clone, Debug)]
pub struct StructureInfo {
    pub id: String,
    pub name: String,
    pub kind: StructureType,
    pub region: Option<String>,
}

/// Réponse to one criterion.
#[derive(Clone, Debug, Default)]
pub struct Answer {
    /// Niveau reached; `None` when not yet filled in.
    pub level: Option<i64>,
    /// Justification of a "non concerné" declaration.
    pub not_applicable: Option<String>,
    pub comment: Option<String>,
    pub evidence: Vec<Evidence>,
}

/// One piece of evidence named by the structure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Evidence {
    /// A path relative to the structure folder.
    File(String),
    /// A web address: recorded, never fetched.
    Url(String),
}

impl Evidence {
    pub fn parse(text: &str) -> Evidence {
        let trimmed = text.trim();
        if trimmed.starts_with("http://") || trimmed.starts_with("https://") {
            Evidence::Url(trimmed.to_string())
        } else {
            Evidence::File(trimmed.to_string())
        }
    }
}
