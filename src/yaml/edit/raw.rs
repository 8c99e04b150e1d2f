//! Whole entries as text: their range, a new key, lines added at the end of
//! a mapping, a range replaced. `label migrate` moves what a person wrote
//! with these, byte for byte.

use std::ops::Range;
use std::rc::Rc;

use super::{EditError, Editor, Reason, Step, error, locate};
use crate::yaml::{Node, Spanned, scalar};

impl<'a> Editor<'a> {
    /// The text being edited, as it was read.
    pub fn original(&self) -> &'a str {
        self.text
    }

    /// The parsed tree of the original text.
    pub fn tree(&self) -> Rc<Spanned<Node>> {
        Rc::clone(&self.root)
    }

    /// Renames the key of the mapping entry whose value is at `path`.
    pub fn rename_key(&mut self, path: &[Step], key: &str) -> Result<(), EditError> {
        let root = Rc::clone(&self.root);
        let found = self.find(&root, path)?;
        let old = found
            .key
            .ok_or_else(|| error(found.node.span, Reason::Kind("une valeur de dictionnaire")))?;
        let range = old.span.offset..old.span.offset + old.span.len;
        self.record(range, scalar::text(key));
        Ok(())
    }

    /// The lines of the block mapping entry whose value is at `path`: from
    /// the start of its key's line to the end of its last line indented
    /// deeper than the key. Blank lines and comments that follow at the
    /// key's indentation or less stay outside (they introduce what comes
    /// next).
    pub fn entry_range(&self, path: &[Step]) -> Result<Range<usize>, EditError> {
        let found = self.find(&self.root, path)?;
        let key = found
            .key
            .ok_or_else(|| error(found.node.span, Reason::Kind("une valeur de dictionnaire")))?;
        if let Some((parent, _)) = found.chain.last() {
            self.refuse_flow(parent)?;
        }
        let start = self.text[..key.span.offset]
            .rfind('\n')
            .map_or(0, |i| i + 1);
        let before = &self.text[start..key.span.offset];
        if !before.chars().all(|c| c == ' ' || c == '\u{feff}') {
            return Err(error(key.span, Reason::Kind("une clé en début de ligne")));
        }
        let column = locate::column(key.span.column);
        let limit = locate::end_of(self.text, &found.chain);
        let mut end = locate::next_line(self.text, key.span.offset).min(limit.max(start));
        let mut cursor = end;
        while cursor < limit {
            let next = locate::next_line(self.text, cursor).min(limit);
            let line = &self.text[cursor..next];
            if !line.trim().is_empty() {
                let indent = line.len() - line.trim_start_matches(' ').len();
                if indent <= column {
                    break;
                }
                end = next;
            }
            cursor = next;
        }
        Ok(start..end)
    }

    /// Replaces `range` of the original with `text`; text put at one point
    /// several times is joined in order.
    pub fn replace(&mut self, range: Range<usize>, text: String) {
        if range.is_empty()
            && let Some(edit) = self.edits.iter_mut().find(|e| e.range == range)
        {
            edit.text.push_str(&text);
            return;
        }
        self.record(range, text);
    }

    /// Adds whole lines at the end of the block mapping at `path` (an empty
    /// value becomes one); returns the column its entries start at.
    pub fn append_lines(&mut self, path: &[Step], lines: &str) -> Result<usize, EditError> {
        let root = Rc::clone(&self.root);
        let found = self.find(&root, path)?;
        let (at, indent) = match &found.node.value {
            Node::Map(entries) if !entries.is_empty() => {
                self.refuse_flow(found.node)?;
                (
                    self.end_of(&found),
                    locate::column(entries[0].0.span.column),
                )
            }
            Node::Null => self.open(&found, false)?,
            _ => return Err(error(found.node.span, Reason::Kind("un dictionnaire"))),
        };
        self.insert(at, lines.to_string());
        Ok(indent)
    }

    /// The column where the entries of the block mapping at `path` start,
    /// when it has some.
    pub fn entry_column(&self, path: &[Step]) -> Option<usize> {
        let found = self.find(&self.root, path).ok()?;
        match &found.node.value {
            Node::Map(entries) => entries.first().map(|(k, _)| locate::column(k.span.column)),
            _ => None,
        }
    }

    /// Adds `key: value` to the flow mapping (`{…}`) at `path`, before its
    /// closing brace; where `insert_entry` refuses flow style, a caller
    /// that must mark a one-line entry asks for this explicitly.
    pub fn insert_flow_entry(
        &mut self,
        path: &[Step],
        key: &str,
        value: &super::Value,
    ) -> Result<(), EditError> {
        let root = Rc::clone(&self.root);
        let found = self.find(&root, path)?;
        let node = found.node;
        let Node::Map(entries) = &node.value else {
            return Err(error(node.span, Reason::Kind("un dictionnaire")));
        };
        if !locate::is_flow(self.text, node) || entries.is_empty() {
            return Err(error(
                node.span,
                Reason::Kind("un dictionnaire sur une ligne"),
            ));
        }
        if let Some((k, _)) = entries.iter().find(|(k, _)| k.value == key) {
            return Err(error(k.span, Reason::Exists));
        }
        let value = value
            .inline()
            .ok_or_else(|| error(node.span, Reason::NotInline))?;
        let after = entries
            .last()
            .map_or(node.span.offset + 1, |(_, v)| v.span.offset + v.span.len);
        let rest = &self.text[after..];
        let close = rest
            .find('}')
            .ok_or_else(|| error(node.span, Reason::Flow))?;
        let between = &rest[..close];
        if !between
            .chars()
            .all(|c| c == ' ' || c == ',' || c == '"' || c == '\'')
        {
            return Err(error(node.span, Reason::Flow));
        }
        let at = after + between.trim_end_matches([' ', ',']).len();
        let text = format!(", {}: {value}", scalar::text(key));
        self.record(at..at, text);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Editor, Reason, Step, Value};

    const TEXT: &str = "reponses:\n  # avant A\n  A:\n    niveau: 3 # note\n    # dedans\n\n  # avant B\n  B: {niveau: 2}   # en ligne\nfin: 1\n";

    #[test]
    fn an_entry_is_its_key_line_and_the_lines_under_it() {
        let editor = Editor::new(TEXT).unwrap();
        let a = editor
            .entry_range(&[Step::Key("reponses"), Step::Key("A")])
            .unwrap();
        assert_eq!(&TEXT[a], "  A:\n    niveau: 3 # note\n    # dedans\n");
        let b = editor
            .entry_range(&[Step::Key("reponses"), Step::Key("B")])
            .unwrap();
        assert_eq!(&TEXT[b], "  B: {niveau: 2}   # en ligne\n");
    }

    #[test]
    fn keys_are_renamed_and_one_line_maps_extended_in_place() {
        let mut editor = Editor::new(TEXT).unwrap();
        editor
            .rename_key(&[Step::Key("reponses"), Step::Key("A")], "C-01")
            .unwrap();
        let b = [Step::Key("reponses"), Step::Key("B")];
        let refused = editor.insert_entry(&b, "a_revoir", &Value::Bool(true));
        assert_eq!(refused.map_err(|e| e.reason), Err(Reason::Flow));
        editor
            .insert_flow_entry(&b, "a_revoir", &Value::Bool(true))
            .unwrap();
        let text = editor.finish().unwrap().text;
        assert_eq!(
            text,
            TEXT.replace("  A:", "  C-01:")
                .replace("{niveau: 2}", "{niveau: 2, a_revoir: true}")
        );
    }

    #[test]
    fn lines_go_at_the_end_of_a_mapping_and_insertions_at_one_point_join() {
        let mut editor = Editor::new(TEXT).unwrap();
        editor.append_lines(&[], "retirees:\n").unwrap();
        let end = TEXT.len();
        editor.replace(end..end, "  A: ~\n".to_string());
        let text = editor.finish().unwrap().text;
        assert!(text.ends_with("fin: 1\nretirees:\n  A: ~\n"), "{text}");
    }
}
