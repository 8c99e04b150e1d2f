//! The keys of each file kind, described once (`referentiel`,
//! `autoevaluation`, `plan`, `audit`): the readers take their known keys
//! from here and [`crate::schema`] turns the same tables into JSON Schemas.
//! It sits below every reader and model.

mod audit_tables;
mod shape;
pub mod tables;

pub use shape::{CRITERION_ID, Field, Shape, keys, nested};
