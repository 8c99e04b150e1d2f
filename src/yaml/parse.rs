//! Parsing a YAML document into a [`Node`] tree, from the event stream of
//! serde-saphyr's own parser (granit-parser, re-exported and pinned with
//! it). Building the tree from events is three times faster than going
//! through serde with a span on every value (docs/decisions.md), and keeps
//! every safety limit here: depth, node count, alias expansion, one document.

use std::collections::HashMap;

use serde_saphyr::granit_parser::{
    Event, Marker, Parser, ScalarStyle, ScanError, Span as ParserSpan, Tag,
};

use super::node::{Node, Span, Spanned};
use super::scalar;

/// Why a document could not be read at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseErrorKind {
    /// Not well-formed YAML, or a construct our files never use.
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
/// Nodes copied through aliases: stops "billion laughs" early.
const MAX_ALIAS_NODES: usize = 100_000;

/// A collection being built.
enum Frame {
    Seq(Span, Vec<Spanned<Node>>, usize),
    Map(
        Span,
        Vec<(Spanned<String>, Spanned<Node>)>,
        Option<Spanned<String>>,
        usize,
    ),
}

struct Builder {
    stack: Vec<Frame>,
    anchors: HashMap<usize, Spanned<Node>>,
    nodes: usize,
    alias_nodes: usize,
    documents: usize,
    root: Option<Spanned<Node>>,
}

/// Parses one YAML document. An empty document (or one holding only
/// comments) gives [`Node::Null`].
pub fn parse(source: &str) -> Result<Spanned<Node>, ParseError> {
    let mut builder = Builder {
        stack: Vec::new(),
        anchors: HashMap::new(),
        nodes: 0,
        alias_nodes: 0,
        documents: 0,
        root: None,
    };
    for item in Parser::new_from_str(source) {
        let (event, span) = item.map_err(|e| scan_error(&e))?;
        builder.event(event, span)?;
    }
    Ok(builder
        .root
        .unwrap_or_else(|| Spanned::new(Node::Null, Span::START)))
}

impl Builder {
    fn event(&mut self, event: Event, span: ParserSpan) -> Result<(), ParseError> {
        let at = span_of(&span);
        match event {
            Event::DocumentStart(..) => {
                self.documents += 1;
                if self.documents > 1 {
                    return Err(syntax(
                        "un fichier ne contient qu'un seul document YAML (« --- » en trop)",
                        at,
                    ));
                }
            }
            Event::Scalar(value, style, anchor, tag) => {
                self.count(1, at)?;
                if let Some(Frame::Map(_, _, pending @ None, _)) = self.stack.last_mut() {
                    // Keys keep their spelling: `01:` stays "01".
                    *pending = Some(Spanned::new(value.into_owned(), at));
                    return Ok(());
                }
                let node = Spanned::new(scalar_node(&value, style, tag.as_deref()), at);
                self.complete(node, anchor)?;
            }
            Event::SequenceStart(_, anchor, _) => {
                self.open(Frame::Seq(at, Vec::new(), anchor), at)?
            }
            Event::MappingStart(_, anchor, _) => {
                self.open(Frame::Map(at, Vec::new(), None, anchor), at)?
            }
            Event::SequenceEnd | Event::MappingEnd => self.close()?,
            Event::Alias(id) => {
                let Some(target) = self.anchors.get(&id).cloned() else {
                    return Err(syntax("alias sans ancre correspondante", at));
                };
                let size = target.value.size();
                self.alias_nodes += size;
                if self.alias_nodes > MAX_ALIAS_NODES {
                    return Err(limit(
                        format!("plus de {MAX_ALIAS_NODES} valeurs recopiées par des alias"),
                        at,
                    ));
                }
                self.count(size, at)?;
                self.complete(Spanned::new(target.value, at), 0)?;
            }
            _ => {}
        }
        Ok(())
    }

    fn count(&mut self, nodes: usize, at: Span) -> Result<(), ParseError> {
        self.nodes += nodes;
        if self.nodes > MAX_NODES {
            return Err(limit(format!("plus de {MAX_NODES} valeurs"), at));
        }
        Ok(())
    }

    fn open(&mut self, frame: Frame, at: Span) -> Result<(), ParseError> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(limit(
                format!("plus de {MAX_DEPTH} niveaux d'imbrication"),
                at,
            ));
        }
        self.count(1, at)?;
        self.stack.push(frame);
        Ok(())
    }

    fn close(&mut self) -> Result<(), ParseError> {
        let (node, anchor) = match self.stack.pop() {
            Some(Frame::Seq(span, items, anchor)) => (Spanned::new(Node::Seq(items), span), anchor),
            Some(Frame::Map(span, entries, _, anchor)) => {
                (Spanned::new(Node::Map(entries), span), anchor)
            }
            None => return Ok(()),
        };
        self.complete(node, anchor)
    }

    /// Places a finished node in its parent, or as the document.
    fn complete(&mut self, node: Spanned<Node>, anchor: usize) -> Result<(), ParseError> {
        if anchor != 0 {
            self.anchors.insert(anchor, node.clone());
        }
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Frame::Seq(_, items, _)) => items.push(node),
            Some(Frame::Map(_, entries, pending, _)) => match pending.take() {
                Some(key) => entries.push((key, node)),
                // Scalar keys are taken in `event`; only aliases and
                // collections get here as keys.
                None => match node.value {
                    Node::Str(text) => *pending = Some(Spanned::new(text, node.span)),
                    _ => {
                        return Err(syntax(
                            "clé complexe (liste, dictionnaire ou alias) non prise en charge",
                            node.span,
                        ));
                    }
                },
            },
        }
        Ok(())
    }
}

/// A scalar's value: quoted and block scalars are text; plain ones follow
/// the YAML 1.2 core schema; `!!str` forces text.
fn scalar_node(value: &str, style: ScalarStyle, tag: Option<&Tag>) -> Node {
    let forced_text = tag.is_some_and(|t| t.is_yaml_core_schema_tag("str"));
    if style != ScalarStyle::Plain || forced_text {
        return Node::Str(value.to_string());
    }
    scalar::resolve(value)
}

fn span_of(span: &ParserSpan) -> Span {
    let start = span.start.byte_offset().unwrap_or(0);
    let end = span.end.byte_offset().unwrap_or(start);
    Span {
        line: marker_line(&span.start),
        column: u32::try_from(span.start.col() + 1).unwrap_or(u32::MAX),
        offset: start,
        len: end.saturating_sub(start),
    }
}

fn marker_line(marker: &Marker) -> u32 {
    u32::try_from(marker.line().max(1)).unwrap_or(u32::MAX)
}

fn scan_error(error: &ScanError) -> ParseError {
    let marker = error.marker();
    let span = Span {
        line: marker_line(marker),
        column: u32::try_from(marker.col() + 1).unwrap_or(u32::MAX),
        offset: marker.byte_offset().unwrap_or(0),
        len: 0,
    };
    let info = error.info();
    let kind = if info.contains("limit") || info.contains("recursion") || info.contains("depth") {
        ParseErrorKind::Limit
    } else {
        ParseErrorKind::Syntax
    };
    let mut detail = super::french::french(&info);
    if kind == ParseErrorKind::Limit && detail == super::french::GENERIC {
        detail = "imbrication ou répétition au-delà des limites de sécurité".to_string();
    }
    ParseError { kind, detail, span }
}

fn syntax(detail: &str, span: Span) -> ParseError {
    ParseError {
        kind: ParseErrorKind::Syntax,
        detail: detail.to_string(),
        span,
    }
}

fn limit(detail: String, span: Span) -> ParseError {
    ParseError {
        kind: ParseErrorKind::Limit,
        detail,
        span,
    }
}
