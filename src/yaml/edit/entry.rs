//! Replacing or removing one entry of a block mapping: its key's line and
//! every line of its value, nothing else (the comments above the entry and
//! below its value stay).

use std::ops::Range;
use std::rc::Rc;

use super::{EditError, Editor, Reason, Step, Value, error, locate, render};
use crate::yaml::{Node, Spanned};

impl Editor<'_> {
    /// Whether there is a value at `path`.
    pub fn contains(&self, path: &[Step]) -> bool {
        locate::find(&self.root, path).is_ok()
    }

    /// Replaces the entry `key` of the block mapping at `path` with
    /// `key: value`, written at the key's indentation and in the file's
    /// style (a block scalar or a list becomes whatever `value` is).
    pub fn replace_entry(
        &mut self,
        path: &[Step],
        key: &str,
        value: &Value,
    ) -> Result<(), EditError> {
        let (range, indent) = self.entry_lines(path, key)?;
        let text = render::entry(key, value, indent, &self.style);
        self.record(range, text);
        Ok(())
    }

    /// Adds `key: value` to the block mapping at `path` just after the
    /// lines of its last entry, before any comment that follows them (which
    /// belongs to what comes next); an empty value becomes a block, as with
    /// [`Editor::insert_entry`].
    pub fn append_entry(
        &mut self,
        path: &[Step],
        key: &str,
        value: &Value,
    ) -> Result<(), EditError> {
        let root = Rc::clone(&self.root);
        let found = self.find(&root, path)?;
        let Node::Map(entries) = &found.node.value else {
            return self.insert_entry(path, key, value);
        };
        let Some((last, _)) = entries.last() else {
            return self.insert_entry(path, key, value);
        };
        if let Some((k, _)) = entries.iter().find(|(k, _)| k.value == key) {
            return Err(error(k.span, Reason::Exists));
        }
        let (range, indent) = self.entry_lines(path, &last.value)?;
        let text = render::entry(key, value, indent, &self.style);
        self.insert(range.end, text);
        Ok(())
    }

    /// Removes the entry `key` of the block mapping at `path`.
    pub fn remove_entry(&mut self, path: &[Step], key: &str) -> Result<(), EditError> {
        let (range, _) = self.entry_lines(path, key)?;
        self.record(range, String::new());
        Ok(())
    }

    /// The whole lines of an entry, and the indentation of its key. The
    /// key must start its line; its value may be a block scalar or a
    /// block collection, never a flow one spread over lines.
    fn entry_lines(&self, path: &[Step], key: &str) -> Result<(Range<usize>, usize), EditError> {
        let root = Rc::clone(&self.root);
        let mut full = path.to_vec();
        full.push(Step::Key(key));
        let found = self.find(&root, &full)?;
        let key_node = found
            .key
            .ok_or_else(|| error(found.node.span, Reason::Kind("une valeur de dictionnaire")))?;
        if let Some((container, _)) = found.chain.last() {
            self.refuse_flow(container)?;
        }
        if locate::is_flow(self.text, found.node) && !self.on_one_line(key_node) {
            return Err(error(found.node.span, Reason::Flow));
        }
        let start = locate::line_start(self.text, key_node.span.offset);
        let indented = self.text[start..key_node.span.offset]
            .chars()
            .all(|c| c == ' ' || c == '\u{feff}');
        if !indented {
            return Err(error(
                key_node.span,
                Reason::Kind("une clé en début de ligne"),
            ));
        }
        // A block scalar's span runs to the next token: its lines are
        // found by their indentation instead.
        let end = if self.is_block_text(key_node) {
            let key_end = key_node.span.offset + key_node.span.len;
            block_end(self.text, key_end, locate::column(key_node.span.column))
        } else {
            entry_end(key_node, found.node)
        };
        let end = if self.text[..end].ends_with('\n') {
            end
        } else {
            locate::next_line(self.text, end)
        };
        Ok((start..end, locate::column(key_node.span.column)))
    }
}

impl Editor<'_> {
    /// Whether the flow collection after `key` closes on the key's line.
    fn on_one_line(&self, key: &Spanned<String>) -> bool {
        let from = key.span.offset + key.span.len;
        let line = &self.text[from..locate::next_line(self.text, from)];
        let count = |c: char| line.matches(c).count();
        count('[') == count(']') && count('{') == count('}')
    }

    /// Whether the value of `key` is a block scalar (`|`, `>`).
    fn is_block_text(&self, key: &Spanned<String>) -> bool {
        let after = &self.text[key.span.offset + key.span.len..];
        let value = after.trim_start_matches([' ', '"', '\'']);
        value
            .strip_prefix(':')
            .map(|v| v.trim_start_matches([' ', '\t']))
            .is_some_and(|v| v.starts_with(['|', '>']))
    }
}

/// The end of a block scalar's text: every following line indented deeper
/// than its key, or blank, but not the blank lines that end it.
fn block_end(text: &str, from: usize, key_column: usize) -> usize {
    let mut end = locate::next_line(text, from);
    let mut cursor = end;
    while cursor < text.len() {
        let next = locate::next_line(text, cursor);
        let line = text[cursor..next].trim_end_matches(['\n', '\r']);
        let indent = line.len() - line.trim_start_matches(' ').len();
        if line.trim().is_empty() {
            cursor = next;
        } else if indent > key_column {
            cursor = next;
            end = next;
        } else {
            break;
        }
    }
    end
}

/// The end of the last text an entry holds: its key, or the end of the
/// deepest last value. An empty value (`key:`) holds no text of its own.
fn entry_end(key: &Spanned<String>, value: &Spanned<Node>) -> usize {
    let key_end = key.span.offset + key.span.len;
    key_end.max(value_end(value).unwrap_or(0))
}

fn value_end(node: &Spanned<Node>) -> Option<usize> {
    let own = (node.span.len > 0).then_some(node.span.offset + node.span.len);
    let inner = match &node.value {
        Node::Seq(items) => items.iter().filter_map(value_end).max(),
        Node::Map(entries) => entries.iter().map(|(k, v)| entry_end(k, v)).max(),
        _ => None,
    };
    own.max(inner)
}

#[cfg(test)]
mod tests {
    use super::super::{EditError, Editor, Step, Value};

    const ANSWER: &[Step] = &[Step::Key("reponses"), Step::Key("GOUV-01")];

    fn edit(
        text: &str,
        change: impl FnOnce(&mut Editor) -> Result<(), EditError>,
    ) -> Result<String, EditError> {
        let mut editor = Editor::new(text)?;
        change(&mut editor)?;
        Ok(editor.finish()?.text)
    }

    const TEXT: &str = "reponses:\n  GOUV-01:\n    commentaire: >\n      Long texte\n      sur deux lignes\n\n    preuves:\n      - a.pdf # la première\n      - b.pdf\n  # GOUV-02 — titre\n  GOUV-02:\n    niveau:\n";

    #[test]
    fn replace_entry_rewrites_only_the_entry_lines() -> Result<(), EditError> {
        let list = Value::Seq(vec![Value::text("c.pdf")]);
        let after = edit(TEXT, |e| e.replace_entry(ANSWER, "preuves", &list))?;
        assert_eq!(
            after,
            TEXT.replace(
                "      - a.pdf # la première\n      - b.pdf\n",
                "      - c.pdf\n"
            )
        );
        let comment = Value::text("Court");
        let after = edit(TEXT, |e| e.replace_entry(ANSWER, "commentaire", &comment))?;
        assert_eq!(
            after,
            TEXT.replace(
                "    commentaire: >\n      Long texte\n      sur deux lignes\n",
                "    commentaire: Court\n"
            )
        );
        Ok(())
    }

    #[test]
    fn remove_entry_keeps_the_comments_around() -> Result<(), EditError> {
        let after = edit(TEXT, |e| e.remove_entry(ANSWER, "preuves"))?;
        assert_eq!(
            after,
            TEXT.replace(
                "    preuves:\n      - a.pdf # la première\n      - b.pdf\n",
                ""
            )
        );
        let second = [Step::Key("reponses"), Step::Key("GOUV-02")];
        let after = edit(TEXT, |e| e.remove_entry(&second, "niveau"))?;
        assert_eq!(after, TEXT.replace("    niveau:\n", ""));
        let crlf = TEXT.replace('\n', "\r\n");
        let after = edit(&crlf, |e| {
            e.replace_entry(&second, "niveau", &Value::Integer(3))
        })?;
        assert_eq!(after, crlf.replace("niveau:\r\n", "niveau: 3\r\n"));
        assert!(edit(TEXT, |e| e.remove_entry(ANSWER, "absent")).is_err());
        let added = edit(TEXT, |e| {
            e.append_entry(ANSWER, "niveau", &Value::Integer(2))
        })?;
        assert_eq!(
            added,
            TEXT.replace("      - b.pdf\n", "      - b.pdf\n    niveau: 2\n")
        );
        let flow = "a:\n  preuves: [x, y] # liste\n  b: 1\n";
        let list = Value::Seq(vec![Value::text("z")]);
        let after = edit(flow, |e| {
            e.replace_entry(&[Step::Key("a")], "preuves", &list)
        })?;
        assert_eq!(after, "a:\n  preuves:\n    - z\n  b: 1\n");
        let spread = "a:\n  preuves: [x,\n    y]\n";
        assert!(edit(spread, |e| e.remove_entry(&[Step::Key("a")], "preuves")).is_err());
        Ok(())
    }
}
