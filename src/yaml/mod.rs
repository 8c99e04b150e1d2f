//! The only module that touches the YAML parser (serde-saphyr's). Everything
//! else sees [`Node`] values with [`Span`]s.

mod node;
mod parse;
mod scalar;

pub use node::{Node, Span, Spanned};
pub use parse::{ParseError, ParseErrorKind, parse};
