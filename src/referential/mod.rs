//! Référentiel: the national referential, its reading, validation and lookup.

mod catalog;
mod check;
mod criterion;
pub mod embedded;
mod field;
mod load;
mod model;
mod raw;
mod read;
mod rules;
mod scale;
#[cfg(test)]
pub(crate) mod testing;

pub use catalog::Catalog;
pub use check::Place;
pub use load::{Loaded, Parts, read_path, validate};
pub use model::*;
