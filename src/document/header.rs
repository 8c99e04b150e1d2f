//! The lines every structure file starts with: which referential, which
//! version, which structure.

use crate::decode::{Decoder, Fields};
use crate::yaml::Spanned;

/// `referentiel` and `version` of a structure file.
#[derive(Clone, Debug, Default)]
pub struct RawHeader {
    pub referential: Option<Spanned<String>>,
    pub version: Option<Spanned<String>>,
}

impl RawHeader {
    pub fn read(decoder: &mut Decoder, fields: &mut Fields) -> RawHeader {
        RawHeader {
            referential: fields
                .require(decoder, "referentiel")
                .and_then(|n| decoder.string("referentiel", n)),
            version: fields
                .require(decoder, "version")
                .and_then(|n| decoder.string("version", n)),
        }
    }

    /// `id@version`, when both are present.
    pub fn key(&self) -> Option<(String, String)> {
        Some((
            self.referential.as_ref()?.value.clone(),
            self.version.as_ref()?.value.clone(),
        ))
    }
}
