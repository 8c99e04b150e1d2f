//! One entry of a mapping keyed by criterion ids, as `label migrate`
//! handles it: which mapping, its text copied under a new id, whether it
//! says something, how it ranks in a merge.

use std::ops::Range;

use crate::yaml::edit::{EditError, Editor, Step, Value};
use crate::yaml::{Node, Spanned};

/// What the mapping holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// `reponses` of `autoevaluation.yaml`: copies are marked `a_revoir`.
    Answers,
    /// `constats` of `audit.yaml`: findings are history, never marked.
    Findings,
}

impl Kind {
    pub(super) fn key(self) -> &'static str {
        match self {
            Kind::Answers => "reponses",
            Kind::Findings => "constats",
        }
    }

    pub(super) fn retired_key(self) -> &'static str {
        match self {
            Kind::Answers => "reponses_retirees",
            Kind::Findings => "constats_retires",
        }
    }
}

pub(super) const REVIEW_KEY: &str = "a_revoir";

/// One entry of the mapping as read.
pub(super) struct Entry<'t> {
    pub id: String,
    pub node: &'t Spanned<Node>,
    pub range: Range<usize>,
}

/// The entry's text under `new`, marked `a_revoir: true` when `mark`.
pub(super) fn copy(text: &str, old: &str, new: &str, mark: bool) -> Result<String, EditError> {
    let mut sub = Editor::new(text)?;
    if old != new {
        sub.rename_key(&[Step::Key(old)], new)?;
    }
    if mark {
        mark_entry(&mut sub, &[Step::Key(old)])?;
    }
    Ok(sub.finish()?.text)
}

/// An answer that says something (a level, a declaration, a comment,
/// evidence): only such answers are marked for review.
pub(super) fn carries(node: &Spanned<Node>) -> bool {
    let Node::Map(fields) = &node.value else {
        return false;
    };
    fields
        .iter()
        .any(|(k, v)| match (k.value.as_str(), &v.value) {
            ("niveau" | "non_concerne" | "commentaire", Node::Null) => false,
            ("niveau" | "non_concerne" | "commentaire", Node::Str(s)) => !s.trim().is_empty(),
            ("niveau" | "non_concerne" | "commentaire", _) => true,
            ("preuves", Node::Seq(items)) => !items.is_empty(),
            _ => false,
        })
}

/// Which entry a merge keeps: the lowest level (an answer without level
/// last), or the most serious finding.
pub(super) fn rank(kind: Kind, node: &Spanned<Node>) -> (u8, i64) {
    let field = |name: &str| match &node.value {
        Node::Map(fields) => fields
            .iter()
            .find(|(k, _)| k.value == name)
            .map(|(_, v)| v.value.clone()),
        _ => None,
    };
    match kind {
        Kind::Answers => match field("niveau") {
            Some(Node::Int(level)) => (0, level),
            _ => (1, 0),
        },
        Kind::Findings => {
            let order = match field("resultat") {
                Some(Node::Str(s)) if s == "nc_majeure" => 0,
                Some(Node::Str(s)) if s == "nc_mineure" => 1,
                Some(Node::Str(s)) if s == "conforme" => 2,
                _ => 3,
            };
            (order, 0)
        }
    }
}

/// `a_revoir: true` in the mapping at `path`, block or one-line; nothing
/// when it is already there.
pub(super) fn mark_entry(editor: &mut Editor, path: &[Step]) -> Result<(), EditError> {
    use crate::yaml::edit::Reason;
    let value = Value::Bool(true);
    match editor.insert_entry(path, REVIEW_KEY, &value) {
        Err(e) if e.reason == Reason::Flow => editor.insert_flow_entry(path, REVIEW_KEY, &value),
        Err(e) if e.reason == Reason::Exists => Ok(()),
        other => other,
    }
    .or_else(|e| {
        if e.reason == Reason::Exists {
            Ok(())
        } else {
            Err(e)
        }
    })
}
