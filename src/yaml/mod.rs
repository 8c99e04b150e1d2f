//! The only module that touches the YAML parser (serde-saphyr's). Everything
//! else sees [`Node`] values with [`Span`]s, and edits text through
//! [`edit::Editor`].

pub mod edit;
mod french;
mod node;
mod parse;
mod scalar;

pub use node::{Node, Span, Spanned};
pub use parse::{ParseError, ParseErrorKind, parse};
pub use scalar::{quoted, text as scalar_text};
