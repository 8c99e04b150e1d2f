//! Editing YAML text in place: insert a mapping entry, append to a block
//! sequence, set a scalar, keeping every other byte. The text is the truth
//! and the parsed tree only an index into it: each operation records an
//! [`Edit`] (a byte range of the original and its new text) written in the
//! [`Style`] of its neighbours, and [`Editor::finish`] applies them all in
//! one sorted pass, then checks that the result still parses.
//!
//! A flow collection (`[a, b]`, `{k: v}`) is never rewritten: editing one is
//! an [`EditError`]. An empty one (`[]`, `{}`) or an empty value becomes a
//! block.

mod entry;
mod locate;
mod raw;
mod render;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;
use std::rc::Rc;

pub use render::{Value, document};

use super::{Node, Span, Spanned, parse};
use locate::Found;

/// One step of a path from the document's root.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// One change of the original text: `range` replaced by `text`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub range: Range<usize>,
    pub text: String,
}

/// What the file looks like, so that new lines match it. The byte order
/// mark, when there is one, is kept like every byte before the first edit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    pub newline: &'static str,
    /// Spaces added per level of nesting.
    pub indent: usize,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            newline: "\n",
            indent: 2,
        }
    }
}

/// Why an edit cannot be made without rewriting what a person wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditError {
    /// The value the edit was aimed at.
    pub span: Span,
    pub reason: Reason,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// The text is not YAML we read (the parser's explanation).
    Syntax(String),
    /// Nothing at this path.
    Missing,
    /// The key is already there.
    Exists,
    /// The value is a flow collection (`[…]`, `{…}`).
    Flow,
    /// An alias (`*a`) stands for a value written elsewhere.
    Alias,
    /// A block scalar (`|`, `>`).
    BlockScalar,
    /// Not the kind of value the operation needs.
    Kind(&'static str),
    /// The new value must be written on the line of its key.
    NotInline,
    /// Line breaks written as a lone carriage return (old Mac files):
    /// added lines could not match them.
    LoneCarriageReturn,
    /// Two edits touch the same bytes.
    Overlap,
    /// The edited text does not parse (a bug of the editor).
    Unparsable(String),
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (line, column) = (self.span.line, self.span.column);
        match &self.reason {
            Reason::Syntax(detail) => write!(f, "{line}:{column} : YAML illisible ({detail})"),
            Reason::Missing => write!(f, "{line}:{column} : valeur introuvable"),
            Reason::Exists => write!(f, "{line}:{column} : clé déjà présente"),
            Reason::Flow => write!(
                f,
                "{line}:{column} : valeur écrite sur une ligne ([…] ou {{…}})"
            ),
            Reason::Alias => write!(
                f,
                "{line}:{column} : alias (*) d'une valeur écrite ailleurs"
            ),
            Reason::BlockScalar => write!(f, "{line}:{column} : texte en bloc (| ou >)"),
            Reason::Kind(kind) => write!(f, "{line}:{column} : {kind} attendu ici"),
            Reason::NotInline => write!(f, "{line}:{column} : valeur à écrire sur une ligne"),
            Reason::LoneCarriageReturn => write!(
                f,
                "{line}:{column} : fins de ligne « CR » seules (anciens Mac) ; enregistrez le fichier avec des fins de ligne LF ou CRLF"
            ),
            Reason::Overlap => write!(f, "{line}:{column} : deux modifications du même texte"),
            Reason::Unparsable(detail) => {
                write!(
                    f,
                    "{line}:{column} : le texte modifié ne se relit pas ({detail})"
                )
            }
        }
    }
}

impl std::error::Error for EditError {}

/// The edited text and the edits made, sorted, with ranges in the original.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edited {
    pub text: String,
    pub edits: Vec<Edit>,
}

/// Records edits of one text; nothing changes before [`Editor::finish`].
pub struct Editor<'a> {
    text: &'a str,
    /// Shared so that a value found in it can be held while edits are recorded.
    root: Rc<Spanned<Node>>,
    style: Style,
    edits: Vec<Edit>,
    /// Empty values already turned into blocks, by offset: where their
    /// entries go and at which indentation.
    opened: HashMap<usize, Opened>,
}

#[derive(Clone, Copy, Debug)]
struct Opened {
    at: usize,
    indent: usize,
    sequence: bool,
}

impl<'a> Editor<'a> {
    pub fn new(text: &'a str) -> Result<Editor<'a>, EditError> {
        let root = parse(text).map_err(|e| EditError {
            span: e.span,
            reason: Reason::Syntax(e.detail),
        })?;
        if let Some(span) = locate::lone_carriage_return(text) {
            return Err(error(span, Reason::LoneCarriageReturn));
        }
        let style = locate::style(text, &root);
        Ok(Editor {
            text,
            root: Rc::new(root),
            style,
            edits: Vec::new(),
            opened: HashMap::new(),
        })
    }

    pub fn style(&self) -> Style {
        self.style
    }

    /// Appends `item` to the block sequence at `path`; an empty value or
    /// `[]` becomes a block sequence.
    pub fn push(&mut self, path: &[Step], item: &Value) -> Result<(), EditError> {
        let root = Rc::clone(&self.root);
        let found = self.find(&root, path)?;
        let (at, indent) = match &found.node.value {
            Node::Seq(items) if !items.is_empty() => {
                self.refuse_flow(found.node)?;
                (
                    self.end_of(&found),
                    locate::dash_column(self.text, items[0].span.offset),
                )
            }
            Node::Seq(_) | Node::Null => self.open(&found, true)?,
            _ => return Err(error(found.node.span, Reason::Kind("une liste"))),
        };
        let text = render::item(item, indent, &self.style);
        self.insert(at, text);
        Ok(())
    }

    /// Adds `key: value` at the end of the block mapping at `path`; an
    /// empty value or `{}` becomes a block mapping.
    pub fn insert_entry(
        &mut self,
        path: &[Step],
        key: &str,
        value: &Value,
    ) -> Result<(), EditError> {
        let root = Rc::clone(&self.root);
        let found = self.find(&root, path)?;
        let (at, indent) = match &found.node.value {
            Node::Map(entries) if !entries.is_empty() => {
                self.refuse_flow(found.node)?;
                if let Some((k, _)) = entries.iter().find(|(k, _)| k.value == key) {
                    return Err(error(k.span, Reason::Exists));
                }
                (
                    self.end_of(&found),
                    locate::column(entries[0].0.span.column),
                )
            }
            Node::Map(_) | Node::Null => self.open(&found, false)?,
            _ => return Err(error(found.node.span, Reason::Kind("un dictionnaire"))),
        };
        let text = render::entry(key, value, indent, &self.style);
        self.insert(at, text);
        Ok(())
    }

    /// Replaces the scalar at `path` (a value of a mapping, or an item)
    /// with `value`, written on its line.
    pub fn set_scalar(&mut self, path: &[Step], value: &Value) -> Result<(), EditError> {
        let root = Rc::clone(&self.root);
        let found = self.find(&root, path)?;
        let span = found.node.span;
        if matches!(found.node.value, Node::Seq(_) | Node::Map(_)) {
            return Err(error(span, Reason::Kind("une valeur simple")));
        }
        let new = value
            .inline()
            .ok_or_else(|| error(span, Reason::NotInline))?;
        if span.len == 0 {
            // `key:` with nothing: the value goes after the colon.
            let colon = self.colon_after(&found)?;
            if !new.is_empty() {
                self.record(colon + 1..colon + 1, format!(" {new}"));
            }
            return Ok(());
        }
        if locate::is_block_scalar(self.text, span.offset) {
            return Err(error(span, Reason::BlockScalar));
        }
        let mut range = span.offset..span.offset + span.len;
        if new.is_empty() {
            range.start = locate::trim_spaces_before(self.text, range.start);
        }
        self.record(range, new);
        Ok(())
    }

    /// Applies every edit in one sorted pass; the result must parse.
    pub fn finish(self) -> Result<Edited, EditError> {
        let mut edits = self.edits;
        edits.sort_by_key(|e| (e.range.start, e.range.end));
        let mut text = String::with_capacity(
            self.text.len() + edits.iter().map(|e| e.text.len()).sum::<usize>(),
        );
        let mut cursor = 0;
        let mut previous = None;
        for edit in &edits {
            // Edits may touch, never overlap; insertions at one point are
            // merged as they are recorded, so two there are a conflict.
            if edit.range.start < cursor || previous == Some(&edit.range) {
                let span = Span {
                    offset: edit.range.start,
                    ..Span::START
                };
                return Err(error(span, Reason::Overlap));
            }
            previous = Some(&edit.range);
            text.push_str(&self.text[cursor..edit.range.start]);
            text.push_str(&edit.text);
            cursor = edit.range.end;
        }
        text.push_str(&self.text[cursor..]);
        parse(&text).map_err(|e| error(e.span, Reason::Unparsable(e.detail)))?;
        Ok(Edited { text, edits })
    }

    fn find<'t>(&self, root: &'t Spanned<Node>, path: &[Step]) -> Result<Found<'t>, EditError> {
        let found = locate::find(root, path)?;
        for node in found.chain.iter().map(|(n, _)| *n).chain([found.node]) {
            if self.text.as_bytes().get(node.span.offset) == Some(&b'*') {
                return Err(error(node.span, Reason::Alias));
            }
        }
        Ok(found)
    }

    fn refuse_flow(&self, node: &Spanned<Node>) -> Result<(), EditError> {
        if locate::is_flow(self.text, node) {
            return Err(error(node.span, Reason::Flow));
        }
        Ok(())
    }

    /// Where a new entry of the found collection goes: the start of the
    /// line of whatever follows it, or the end of the document.
    fn end_of(&self, found: &Found) -> usize {
        locate::end_of(self.text, &found.chain)
    }

    /// Turns an empty value (nothing, `~`, `[]`, `{}`) of a mapping entry
    /// into a block: the empty value's text goes, the block starts on the
    /// next line, one level deeper than the key.
    fn open(&mut self, found: &Found, sequence: bool) -> Result<(usize, usize), EditError> {
        let node = found.node;
        if let Some(opened) = self.opened.get(&node.span.offset) {
            if opened.sequence != sequence {
                return Err(error(node.span, Reason::Kind("une valeur vide")));
            }
            return Ok((opened.at, opened.indent));
        }
        let key = found
            .key
            .ok_or_else(|| error(node.span, Reason::Kind("une valeur de dictionnaire")))?;
        // The empty value's own text (`~`, `[]`…) ends here; nothing after
        // the colon: no text to remove.
        let (value_end, written) = match (&node.value, node.span.len) {
            (Node::Null, 0) => (self.colon_after(found)?, false),
            (Node::Null, len) => (node.span.offset + len, true),
            _ => (
                locate::flow_end(self.text, node.span.offset)
                    .ok_or_else(|| error(node.span, Reason::Flow))?,
                true,
            ),
        };
        if written {
            let start = locate::trim_spaces_before(self.text, node.span.offset);
            self.record(start..value_end, String::new());
        }
        let at = locate::next_line(self.text, value_end);
        let opened = Opened {
            at,
            indent: locate::column(key.span.column) + self.style.indent,
            sequence,
        };
        self.opened.insert(node.span.offset, opened);
        Ok((at, opened.indent))
    }

    fn colon_after(&self, found: &Found) -> Result<usize, EditError> {
        let key = found
            .key
            .ok_or_else(|| error(found.node.span, Reason::Kind("une valeur de dictionnaire")))?;
        let key_end = key.span.offset + key.span.len;
        self.text[key_end..]
            .find(':')
            .map(|i| key_end + i)
            .ok_or_else(|| error(key.span, Reason::Missing))
    }

    /// Inserts whole lines at `at`, after any insertion already there; a
    /// line break comes first where the text has none (the parser reads a
    /// block scalar that ends the file with its final line break anyway).
    fn insert(&mut self, at: usize, text: String) {
        if let Some(edit) = self.edits.iter_mut().find(|e| e.range == (at..at)) {
            edit.text.push_str(&text);
            return;
        }
        let before = &self.text[..at];
        let text = if before.is_empty() || before.ends_with('\n') {
            text
        } else {
            format!("{}{text}", self.style.newline)
        };
        self.edits.push(Edit {
            range: at..at,
            text,
        });
    }

    /// Replaces `range` of the original; conflicts are found by `finish`.
    fn record(&mut self, range: Range<usize>, text: String) {
        self.edits.push(Edit { range, text });
    }
}

fn error(span: Span, reason: Reason) -> EditError {
    EditError { span, reason }
}
