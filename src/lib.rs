//! `label`: the national quality label of the missions locales, as plain
//! text files and a command line.
//!
//! Data flows one way: files are read with spans ([`yaml`], [`source`]),
//! decoded ([`decode`]) and validated into models ([`referential`],
//! [`self_assessment`], [`plan`]; a structure folder: [`structure`]),
//! computed ([`evaluation`], [`improvement`]) and rendered ([`output`]).
//! Every problem is a [`diagnostics::Diagnostic`]. The floors and the rules
//! that keep them are in `docs/architecture.md`.
//!
//! The public surface is what the binary ([`cli::run`]), the integration
//! tests and the benchmarks use; the rest stays private to the crate.

// A Diagnostic is the error type of readers by design; the cold error path
// may carry it unboxed.
#![allow(clippy::result_large_err)]
// Only `cli::out` writes to the terminal: one writer can tell a closed pipe
// from a full disk (docs/decisions.md).
#![deny(clippy::print_stdout, clippy::print_stderr)]

mod audit;
mod check;
pub mod checklist;
pub mod cli;
pub mod date;
pub mod decode;
pub mod diagnostics;
mod document;
mod escape;
pub mod evaluation;
mod evidence;
mod fields;
mod french;
mod ids;
pub mod improvement;
mod init;
#[macro_use]
mod keyword;
mod lint;
pub mod migrate;
pub mod output;
pub mod plan;
pub mod referential;
pub mod report;
pub mod schema;
pub mod self_assessment;
pub mod source;
pub mod spreadsheet;
pub mod structure;
mod suggest;
pub mod validate;
pub mod versions;
mod walk;
pub mod workspace;
mod write;
pub mod yaml;
