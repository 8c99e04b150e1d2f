//! Where things are in the text: values by path, the end of a block, the
//! style of the file. Offsets only; nothing here changes the text.

use super::{EditError, Reason, Step, Style, error};
use crate::yaml::{Node, Span, Spanned};

/// A value found by path, with the collections above it (each with the
/// index of the child on the way) and its key when a mapping holds it.
pub(super) struct Found<'t> {
    pub node: &'t Spanned<Node>,
    pub chain: Vec<(&'t Spanned<Node>, usize)>,
    pub key: Option<&'t Spanned<String>>,
}

pub(super) fn find<'t>(root: &'t Spanned<Node>, path: &[Step]) -> Result<Found<'t>, EditError> {
    let mut found = Found {
        node: root,
        chain: Vec::new(),
        key: None,
    };
    for step in path {
        let node = found.node;
        let (index, child, key) = match (step, &node.value) {
            (Step::Key(name), Node::Map(entries)) => {
                let index = entries
                    .iter()
                    .position(|(k, _)| k.value == *name)
                    .ok_or_else(|| error(node.span, Reason::Missing))?;
                (index, &entries[index].1, Some(&entries[index].0))
            }
            (Step::Index(index), Node::Seq(items)) => {
                let item = items
                    .get(*index)
                    .ok_or_else(|| error(node.span, Reason::Missing))?;
                (*index, item, None)
            }
            (Step::Key(_), _) => return Err(error(node.span, Reason::Kind("un dictionnaire"))),
            (Step::Index(_), _) => return Err(error(node.span, Reason::Kind("une liste"))),
        };
        found.chain.push((node, index));
        found.node = child;
        found.key = key;
    }
    Ok(found)
}

/// Line endings and indentation step, read from the file.
pub(super) fn style(text: &str, root: &Spanned<Node>) -> Style {
    Style {
        newline: if text.contains("\r\n") { "\r\n" } else { "\n" },
        indent: indent_step(text, root).unwrap_or(2),
    }
}

/// The offset of the first carriage return that is not followed by a line
/// feed: a line break the editor's `\n`-based offsets would miss.
pub(super) fn lone_carriage_return(text: &str) -> Option<Span> {
    let bytes = text.as_bytes();
    let at = (0..bytes.len()).find(|&i| bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n'))?;
    // Every break before it is a `\n` (a CR before one is part of a CRLF).
    let before = &text[..at];
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    Some(Span {
        line: u32::try_from(before.matches('\n').count() + 1).unwrap_or(u32::MAX),
        column: u32::try_from(before[start..].chars().count() + 1).unwrap_or(u32::MAX),
        offset: at,
        len: 1,
    })
}

/// The first indentation step of a block nested under a key.
fn indent_step(text: &str, node: &Spanned<Node>) -> Option<usize> {
    match &node.value {
        Node::Map(entries) => entries.iter().find_map(|(key, value)| {
            let key_column = column(key.span.column);
            let child = match &value.value {
                Node::Map(inner) => inner.first().map(|(k, _)| column(k.span.column)),
                Node::Seq(items) => items.first().map(|i| dash_column(text, i.span.offset)),
                _ => None,
            };
            child
                .filter(|c| value.span.line > key.span.line && *c > key_column)
                .map(|c| c - key_column)
                .or_else(|| indent_step(text, value))
        }),
        Node::Seq(items) => items.iter().find_map(|i| indent_step(text, i)),
        _ => None,
    }
}

/// A 1-based column as a count of spaces.
pub(super) fn column(column: u32) -> usize {
    usize::try_from(column).unwrap_or(1).saturating_sub(1)
}

/// The column (0-based, in characters) of the dash of the item whose
/// value starts at `offset`.
pub(super) fn dash_column(text: &str, offset: usize) -> usize {
    let before = text[..offset].trim_end();
    let stands_alone = before
        .strip_suffix('-')
        .is_some_and(|b| b.is_empty() || b.ends_with([' ', '\n', '\u{feff}']));
    let dash = if stands_alone {
        before.len() - 1
    } else {
        // An anchor, a tag, a block scalar's header (`|-`) or a comment in
        // between: the dash starts a line.
        let start = dash_line(text, offset);
        start + text[start..].find('-').unwrap_or(0)
    };
    let line = &text[line_start(text, dash)..dash];
    line.chars().filter(|c| *c != '\u{feff}').count()
}

/// Where entries added to the last collection of `chain`'s child go: the
/// start of the line of what follows that child in its nearest container,
/// else the end of the document.
pub(super) fn end_of(text: &str, chain: &[(&Spanned<Node>, usize)]) -> usize {
    for (container, index) in chain.iter().rev() {
        let next = match &container.value {
            Node::Map(entries) => entries
                .get(index + 1)
                .map(|(k, _)| line_start(text, k.span.offset)),
            Node::Seq(items) => items
                .get(index + 1)
                .map(|item| dash_line(text, item.span.offset)),
            _ => None,
        };
        if let Some(at) = next {
            return at;
        }
    }
    document_end(text)
}

pub(super) fn line_start(text: &str, offset: usize) -> usize {
    text[..offset].rfind('\n').map_or(0, |i| i + 1)
}

/// The start of the line holding the dash of the item at `offset` (the
/// dash may stand alone on a line above it).
fn dash_line(text: &str, offset: usize) -> usize {
    let mut start = line_start(text, offset);
    while start > 0 && !text[start..].trim_start().starts_with('-') {
        start = line_start(text, start - 1);
    }
    start
}

/// The end of the document: a `...` line, or the end of the text.
fn document_end(text: &str) -> usize {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line.trim_end() == "..." {
            return offset;
        }
        offset += line.len();
    }
    text.len()
}

/// The offset just after the line break that ends the line of `offset`.
pub(super) fn next_line(text: &str, offset: usize) -> usize {
    text[offset..]
        .find('\n')
        .map_or(text.len(), |i| offset + i + 1)
}

/// `offset` moved back over the spaces before it on its line.
pub(super) fn trim_spaces_before(text: &str, offset: usize) -> usize {
    offset - (text[..offset].len() - text[..offset].trim_end_matches([' ', '\t']).len())
}

/// Whether a collection is written in flow style (`[…]`, `{…}`): it starts
/// with a bracket that is not its first value's (an indentless block
/// sequence starts where its first item does, `- {…}`).
pub(super) fn is_flow(text: &str, node: &Spanned<Node>) -> bool {
    let first = match &node.value {
        Node::Seq(items) => items.first().map(|i| i.span.offset),
        Node::Map(entries) => entries.first().map(|(k, _)| k.span.offset),
        _ => return false,
    };
    matches!(text.as_bytes().get(node.span.offset), Some(b'[' | b'{'))
        && first != Some(node.span.offset)
}

/// The offset after the bracket that closes the empty flow collection
/// opened at `offset`.
pub(super) fn flow_end(text: &str, offset: usize) -> Option<usize> {
    let close = match text.as_bytes().get(offset)? {
        b'[' => ']',
        b'{' => '}',
        _ => return None,
    };
    let inside = &text[offset + 1..];
    let end = inside.find(close)?;
    inside[..end]
        .chars()
        .all(char::is_whitespace)
        .then_some(offset + 1 + end + 1)
}

/// Whether the scalar whose text starts at `offset` is a block scalar: the
/// indicator `|` or `>` (with its chomping and indentation marks) comes
/// before it.
pub(super) fn is_block_scalar(text: &str, offset: usize) -> bool {
    let before = text[..offset].trim_end();
    let before = before.trim_end_matches(|c: char| c == '+' || c == '-' || c.is_ascii_digit());
    before.ends_with(['|', '>'])
}
