//! Parsing a YAML document into a [`Node`] tree with serde-saphyr.

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::DuplicateKeyPolicy;

use super::node::{Node, Span, Spanned};

/// Why a document could not be read at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseErrorKind {
    /// Not well-formed YAML.
    Syntax,
    /// A safety limit was hit (alias bomb, nesting, size).
    Limit,
}

/// A document-level failure, with the parser's own explanation.
#[derive(Clone, Debug)]
pub struct ParseError {
    pub kind: ParseErrorKind,
    pub detail: String,
    pub span: Span,
}

/// Nesting deeper than this is refused: our files need fewer than ten levels.
const MAX_DEPTH: usize = 64;
/// Enough for a referential of tens of thousands of criteria.
const MAX_NODES: usize = 2_000_000;
/// Aliases have no use in our files; a few are tolerated, bombs are not.
const MAX_ALIASES: usize = 1_000;
/// Events replayed through aliases: stops "billion laughs" early.
const MAX_REPLAYED_EVENTS: usize = 100_000;

/// Parses one YAML document. An empty document (or one holding only
/// comments) gives [`Node::Null`].
pub fn parse(source: &str) -> Result<Spanned<Node>, ParseError> {
    let budget = serde_saphyr::budget! {
        max_depth: MAX_DEPTH,
        max_nodes: MAX_NODES,
        max_aliases: MAX_ALIASES,
        max_documents: 1,
    };
    let alias_limits = serde_saphyr::alias_limits! {
        max_total_replayed_events: MAX_REPLAYED_EVENTS,
        max_alias_expansions_per_anchor: MAX_ALIASES,
    };
    let options = serde_saphyr::options! {
        duplicate_keys: DuplicateKeyPolicy::PassThrough,
        with_snippet: false,
        budget: budget,
        alias_limits: alias_limits,
    };
    match serde_saphyr::from_str_with_options::<serde_saphyr::Spanned<RawNode>>(source, options) {
        Ok(node) => Ok(convert(node)),
        Err(error) => Err(to_parse_error(&error)),
    }
}

fn to_parse_error(error: &serde_saphyr::Error) -> ParseError {
    let detail = error.to_string();
    let kind = match error {
        serde_saphyr::Error::Budget { .. } => ParseErrorKind::Limit,
        _ if ["limit", "alias", "budget", "recursion"]
            .iter()
            .any(|w| detail.contains(w)) =>
        {
            ParseErrorKind::Limit
        }
        _ => ParseErrorKind::Syntax,
    };
    let span = error
        .location()
        .map(|location| span_of(&location))
        .unwrap_or(Span::START);
    // The parser appends its own position; ours is given separately.
    let detail = match detail.find(" at line ") {
        Some(cut) => detail[..cut].to_string(),
        None => detail,
    };
    ParseError { kind, detail, span }
}

fn span_of(location: &serde_saphyr::Location) -> Span {
    let span = location.span();
    Span {
        line: u32::try_from(location.line()).unwrap_or(u32::MAX).max(1),
        column: u32::try_from(location.column()).unwrap_or(u32::MAX).max(1),
        offset: span
            .byte_offset()
            .and_then(|o| usize::try_from(o).ok())
            .unwrap_or(0),
        len: span
            .byte_len()
            .and_then(|l| usize::try_from(l).ok())
            .unwrap_or(0),
    }
}

/// The tree as serde-saphyr hands it over, converted to [`Node`] afterwards
/// so that the parser's types never leave this module.
enum RawNode {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<serde_saphyr::Spanned<RawNode>>),
    Map(
        Vec<(
            serde_saphyr::Spanned<String>,
            serde_saphyr::Spanned<RawNode>,
        )>,
    ),
}

fn convert(node: serde_saphyr::Spanned<RawNode>) -> Spanned<Node> {
    let span = span_of(&node.referenced);
    let value = match node.value {
        RawNode::Null => Node::Null,
        RawNode::Bool(b) => Node::Bool(b),
        RawNode::Int(i) => Node::Int(i),
        RawNode::Float(f) => Node::Float(f),
        RawNode::Str(s) => Node::Str(s),
        RawNode::Seq(items) => Node::Seq(items.into_iter().map(convert).collect()),
        RawNode::Map(entries) => Node::Map(
            entries
                .into_iter()
                .map(|(key, value)| {
                    let key_span = span_of(&key.referenced);
                    (Spanned::new(key.value, key_span), convert(value))
                })
                .collect(),
        ),
    };
    Spanned::new(value, span)
}

struct RawNodeVisitor;

impl<'de> Visitor<'de> for RawNodeVisitor {
    type Value = RawNode;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E>(self) -> Result<RawNode, E> {
        Ok(RawNode::Null)
    }
    fn visit_none<E>(self) -> Result<RawNode, E> {
        Ok(RawNode::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<RawNode, D::Error> {
        RawNode::deserialize(d)
    }
    fn visit_bool<E>(self, v: bool) -> Result<RawNode, E> {
        Ok(RawNode::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<RawNode, E> {
        Ok(RawNode::Int(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<RawNode, E> {
        Ok(match i64::try_from(v) {
            Ok(i) => RawNode::Int(i),
            Err(_) => RawNode::Str(v.to_string()),
        })
    }
    fn visit_i128<E>(self, v: i128) -> Result<RawNode, E> {
        Ok(RawNode::Str(v.to_string()))
    }
    fn visit_u128<E>(self, v: u128) -> Result<RawNode, E> {
        Ok(RawNode::Str(v.to_string()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<RawNode, E> {
        Ok(RawNode::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<RawNode, E> {
        Ok(RawNode::Str(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<RawNode, E> {
        Ok(RawNode::Str(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawNode, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(RawNode::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawNode, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<serde_saphyr::Spanned<String>>()? {
            let value = map.next_value()?;
            entries.push((key, value));
        }
        Ok(RawNode::Map(entries))
    }
}

impl<'de> Deserialize<'de> for RawNode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RawNodeVisitor)
    }
}
