//! Référentiel: the national referential, its reading, validation and lookup.

mod catalog;
mod check;
mod correspondences;
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
pub use correspondences::{Correspondences, Fate, check_against, fate};
pub use load::{Loaded, Parts, read_path, validate};
pub use model::*;
