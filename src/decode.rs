//! Turning [`Node`] trees into typed values while collecting every problem:
//! wrong types, missing fields, unknown and duplicate keys. Readers of each
//! file kind build on these helpers.

use std::collections::HashMap;

use crate::diagnostics::{Diagnostic, Finding, Location};
use crate::source::SourceFile;
use crate::suggest;
use crate::yaml::{self, Node, ParseErrorKind, Span, Spanned};

/// Collects the diagnostics of one file while it is decoded.
pub struct Decoder<'a> {
    source: &'a SourceFile,
    pub diagnostics: Vec<Diagnostic>,
}

impl<'a> Decoder<'a> {
    pub fn new(source: &'a SourceFile) -> Self {
        Decoder {
            source,
            diagnostics: Vec::new(),
        }
    }

    pub fn path(&self) -> &str {
        &self.source.path
    }

    pub fn location(&self, span: Span) -> Location {
        Location::new(self.source.path.clone(), span)
    }

    pub fn report(&mut self, finding: Finding, span: Span) {
        let diagnostic = Diagnostic::new(finding, self.location(span));
        self.diagnostics.push(diagnostic);
    }

    /// Parses the file; an empty document or a parse failure is reported.
    pub fn document(&mut self) -> Option<Spanned<Node>> {
        match yaml::parse(&self.source.text) {
            Ok(node) if node.value == Node::Null => {
                self.report(Finding::Empty, Span::START);
                None
            }
            Ok(node) => Some(node),
            Err(error) => {
                let finding = match error.kind {
                    ParseErrorKind::Syntax => Finding::Syntax {
                        detail: error.detail,
                    },
                    ParseErrorKind::Limit => Finding::Limit {
                        detail: error.detail,
                    },
                };
                self.report(finding, error.span);
                None
            }
        }
    }

    fn wrong_type(&mut self, key: &str, expected: &'static str, node: &Spanned<Node>) {
        let finding = Finding::WrongType {
            key: key.to_string(),
            expected,
            found: node.value.kind_name(),
        };
        self.report(finding, node.span);
    }

    /// Opens a mapping, reporting duplicate keys with both places.
    pub fn mapping<'n>(
        &mut self,
        key: &str,
        node: &'n Spanned<Node>,
        context: impl Into<String>,
    ) -> Option<Fields<'n>> {
        let Node::Map(entries) = &node.value else {
            self.wrong_type(key, "un dictionnaire", node);
            return None;
        };
        let mut first: HashMap<&str, Span> = HashMap::with_capacity(entries.len());
        let mut kept = Vec::with_capacity(entries.len());
        for (k, v) in entries {
            if let Some(previous) = first.get(k.value.as_str()) {
                let diagnostic = Diagnostic::new(
                    Finding::DuplicateKey {
                        key: k.value.clone(),
                    },
                    self.location(k.span),
                )
                .with_label(self.location(*previous), "première occurrence ici");
                self.diagnostics.push(diagnostic);
                continue;
            }
            first.insert(&k.value, k.span);
            kept.push((k, v));
        }
        Some(Fields {
            used: vec![false; kept.len()],
            entries: kept,
            span: node.span,
            context: context.into(),
        })
    }

    /// A text value. Numbers and booleans are taken as written, since a
    /// person typing `titre: 2024` means the text.
    pub fn string(&mut self, key: &str, node: &Spanned<Node>) -> Option<Spanned<String>> {
        let text = match &node.value {
            Node::Str(s) => s.clone(),
            Node::Null => String::new(),
            Node::Int(_) | Node::Float(_) | Node::Bool(_) => self.raw_text(node),
            Node::Seq(_) | Node::Map(_) => {
                self.wrong_type(key, "un texte", node);
                return None;
            }
        };
        Some(Spanned::new(text, node.span))
    }

    /// The scalar exactly as written in the file.
    fn raw_text(&self, node: &Spanned<Node>) -> String {
        let end = node.span.offset + node.span.len;
        self.source
            .text
            .get(node.span.offset..end)
            .map(|s| s.trim_matches(|c| c == '"' || c == '\'').to_string())
            .unwrap_or_default()
    }

    pub fn integer(&mut self, key: &str, node: &Spanned<Node>) -> Option<Spanned<i64>> {
        match node.value {
            Node::Int(i) => Some(Spanned::new(i, node.span)),
            _ => {
                self.wrong_type(key, "un nombre entier", node);
                None
            }
        }
    }

    pub fn boolean(&mut self, key: &str, node: &Spanned<Node>) -> Option<Spanned<bool>> {
        match node.value {
            Node::Bool(b) => Some(Spanned::new(b, node.span)),
            _ => {
                self.wrong_type(key, "true ou false", node);
                None
            }
        }
    }

    /// A list; an empty value is an empty list.
    pub fn list<'n>(&mut self, key: &str, node: &'n Spanned<Node>) -> &'n [Spanned<Node>] {
        match &node.value {
            Node::Seq(items) => items,
            Node::Null => &[],
            _ => {
                self.wrong_type(key, "une liste", node);
                &[]
            }
        }
    }

    /// A list of texts, each checked.
    pub fn string_list(&mut self, key: &str, node: &Spanned<Node>) -> Vec<Spanned<String>> {
        let items = self.list(key, node);
        items
            .iter()
            .filter_map(|item| self.string(key, item))
            .collect()
    }

    /// A value that must be one of a fixed set of keywords.
    pub fn keyword(
        &mut self,
        key: &str,
        node: &Spanned<Node>,
        allowed: &[&str],
    ) -> Option<Spanned<String>> {
        let value = self.string(key, node)?;
        if allowed.contains(&value.value.as_str()) {
            return Some(value);
        }
        let finding = Finding::NotAllowed {
            key: key.to_string(),
            value: value.value.clone(),
            allowed: allowed.iter().map(|s| s.to_string()).collect(),
        };
        self.report(finding, node.span);
        None
    }
}

/// The entries of one mapping, tracking which keys the reader used.
pub struct Fields<'n> {
    entries: Vec<(&'n Spanned<String>, &'n Spanned<Node>)>,
    used: Vec<bool>,
    pub span: Span,
    context: String,
}

impl<'n> Fields<'n> {
    /// The value of an optional key.
    pub fn get(&mut self, key: &str) -> Option<&'n Spanned<Node>> {
        let index = self.entries.iter().position(|(k, _)| k.value == key)?;
        self.used[index] = true;
        Some(self.entries[index].1)
    }

    /// The value of a required key; its absence is reported.
    pub fn require(&mut self, decoder: &mut Decoder, key: &str) -> Option<&'n Spanned<Node>> {
        let value = self.get(key);
        if value.is_none() {
            let finding = Finding::MissingField {
                key: key.to_string(),
                context: self.context.clone(),
            };
            decoder.report(finding, self.span);
        }
        value
    }

    /// Every entry, for mappings keyed by ids (answers, findings).
    pub fn take_all(&mut self) -> Vec<(&'n Spanned<String>, &'n Spanned<Node>)> {
        self.used.iter_mut().for_each(|u| *u = true);
        self.entries.clone()
    }

    /// Reports every key the reader did not use, with a suggestion.
    pub fn finish(self, decoder: &mut Decoder, known: &[&str]) {
        for ((key, _), used) in self.entries.iter().zip(&self.used) {
            if *used {
                continue;
            }
            let finding = Finding::UnknownKey {
                key: key.value.clone(),
                context: self.context.clone(),
                suggestion: suggest::closest(&key.value, known.iter().copied()),
            };
            decoder.report(finding, key.span);
        }
    }
}
