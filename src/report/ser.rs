//! How the typed values of a report serialize: dates as ISO 8601, every
//! keyword as the stable word of the file formats (§4.6, §6).

use serde::Serializer;

use crate::date::Date;
use crate::evaluation::{Status, Verdict};

pub fn date<S: Serializer>(date: &Date, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(date)
}

pub fn opt_date<S: Serializer>(date: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
    match date {
        Some(date) => s.collect_str(date),
        None => s.serialize_none(),
    }
}

pub fn status<S: Serializer>(status: &Status, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(status.keyword())
}

pub fn verdict<S: Serializer>(verdict: &Option<Verdict>, s: S) -> Result<S::Ok, S::Error> {
    match verdict {
        Some(v) => s.serialize_str(v.keyword()),
        None => s.serialize_none(),
    }
}

/// Any keyword enum of the file formats (`keyword!`), by its word.
pub fn keyword<K: Keyword, S: Serializer>(value: &K, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(value.word())
}

pub fn opt_keyword<K: Keyword, S: Serializer>(value: &Option<K>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => s.serialize_str(v.word()),
        None => s.serialize_none(),
    }
}

/// The stable word of a keyword enum.
pub trait Keyword {
    fn word(&self) -> &'static str;
}

macro_rules! word {
    ($($t:ty),*) => {
        $(impl Keyword for $t {
            fn word(&self) -> &'static str {
                self.keyword()
            }
        })*
    };
}

word!(
    crate::plan::ActionStatus,
    crate::plan::Origin,
    crate::audit::AuditKind,
    crate::audit::AuditResult,
    crate::audit::Opinion,
    crate::referential::StructureType
);
