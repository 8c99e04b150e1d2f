//! The files of a structure folder as one kind of thing (§4.3–§4.5): each
//! has a file name, a raw form read from YAML with places, and a model
//! checked against a [`CheckContext`]. `structure::load` reads them all the
//! same way; `label schema` kinds name them.
//!
//! This module sits below every document: `self_assessment`, `plan` and
//! `audit` implement [`Document`]; only `structure` loops over them.

mod header;

pub use header::RawHeader;

use crate::date::Date;
use crate::decode::Decoder;
use crate::diagnostics::Diagnostic;
use crate::referential::Referential;
use crate::yaml::Spanned;

/// What a document is checked against.
#[derive(Clone, Copy, Debug)]
pub struct CheckContext<'a> {
    pub referential: &'a Referential,
    /// The day deadlines and ages are measured from (`--date`).
    pub today: Date,
    /// Criteria that need no audit finding: declared non concerné, or not
    /// applicable to the structure's type.
    pub not_applicable: &'a [String],
}

/// One file of a structure folder.
pub trait Document: Sized {
    /// `autoevaluation.yaml`, `plan.yaml`, `audit.yaml`.
    const FILE_NAME: &'static str;
    /// The file as written, every value with its place.
    type Raw;

    /// Decodes the file's shape; problems go to the decoder.
    fn read(decoder: &mut Decoder) -> Option<Self::Raw>;

    /// The lines every structure file starts with.
    fn header(raw: &Self::Raw) -> &RawHeader;

    /// The structure the file describes (`structure` or `structure.id`).
    fn structure_id(raw: &Self::Raw) -> Option<&Spanned<String>>;

    /// Checks values against the context; the model comes back only
    /// without errors.
    fn check(raw: &Self::Raw, context: &CheckContext, out: &mut Vec<Diagnostic>) -> Option<Self>;
}
