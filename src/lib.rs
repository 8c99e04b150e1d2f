//! `label`: the national quality label of the missions locales, as plain
//! text files and a command line.
//!
//! Data flows one way: files are read with spans ([`yaml`], [`source`]),
//! decoded and validated into models ([`referential`]), and rendered
//! ([`output`]). Every problem is a [`diagnostics::Diagnostic`].

// A Diagnostic is the error type of readers by design; the cold error path
// may carry it unboxed.
#![allow(clippy::result_large_err)]
// Only `cli::out` writes to the terminal: one writer can tell a closed pipe
// from a full disk (docs/decisions.md).
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod audit;
pub mod check;
pub mod cli;
pub mod date;
pub mod decode;
pub mod diagnostics;
pub mod document;
pub mod evaluation;
pub mod evidence;
pub mod fields;
pub mod french;
pub mod ids;
pub mod improvement;
pub mod init;
#[macro_use]
pub mod keyword;
pub mod lint;
pub mod output;
pub mod plan;
pub mod referential;
pub mod schema;
pub mod self_assessment;
pub mod source;
pub mod structure;
pub mod suggest;
pub mod validate;
pub mod walk;
pub mod workspace;
pub mod write;
pub mod yaml;
