//! The criteria lists of `plan.yaml` actions rewritten for the next
//! version: a renamed id becomes its new id, a split one all of its new
//! ids, a merged one the id it is merged into; a removed one leaves the
//! list (its action stays, with its text).

use crate::referential::{Fate, fate};
use crate::yaml::edit::{EditError, Editor, Reason};
use crate::yaml::{Node, Span, Spanned};

use super::{Hop, Tally};

pub(super) fn migrate(editor: &mut Editor, hop: &Hop, tally: &mut Tally) -> Result<(), EditError> {
    let tree = editor.tree();
    let Node::Map(top) = &tree.value else {
        return Ok(());
    };
    let Some((_, actions)) = top.iter().find(|(k, _)| k.value == "actions") else {
        return Ok(());
    };
    let Node::Seq(actions) = &actions.value else {
        return Ok(());
    };
    for action in actions {
        let Node::Map(fields) = &action.value else {
            continue;
        };
        let Some((_, list)) = fields.iter().find(|(k, _)| k.value == "criteres") else {
            continue;
        };
        let Node::Seq(items) = &list.value else {
            continue;
        };
        let old: Vec<String> = items.iter().filter_map(text).collect();
        let new = new_ids(hop, &old, tally);
        if new == old {
            continue;
        }
        rewrite(editor, list, items, &new)?;
        let id = fields
            .iter()
            .find(|(k, _)| k.value == "id")
            .and_then(|(_, v)| text(v))
            .unwrap_or_default();
        tally.actions.push(id);
    }
    Ok(())
}

fn text(node: &Spanned<Node>) -> Option<String> {
    match &node.value {
        Node::Str(s) => Some(s.clone()),
        _ => None,
    }
}

fn new_ids(hop: &Hop, old: &[String], tally: &mut Tally) -> Vec<String> {
    let mut new: Vec<String> = Vec::new();
    for id in old {
        let ids = match fate(hop.mapping, id, hop.new) {
            Fate::Unchanged => vec![id.clone()],
            Fate::Renamed(to) | Fate::Merged(to) => vec![to],
            Fate::Split(to) => to,
            Fate::Removed(_) | Fate::Gone => {
                tally.dropped.push(id.clone());
                Vec::new()
            }
        };
        for id in ids {
            if !new.contains(&id) {
                new.push(id);
            }
        }
    }
    new
}

/// The list written anew in its own style: `[A, B]` on its line, or one
/// `- A` line per item. Refused where a comment sits inside the list.
fn rewrite(
    editor: &mut Editor,
    list: &Spanned<Node>,
    items: &[Spanned<Node>],
    ids: &[String],
) -> Result<(), EditError> {
    let text = editor.original();
    let refuse = |span: Span| EditError {
        span,
        reason: Reason::Flow,
    };
    let last = items.last().ok_or_else(|| refuse(list.span))?;
    let last_end = last.span.offset + last.span.len;
    if text.as_bytes().get(list.span.offset) == Some(&b'[') {
        let close = text[last_end..]
            .find(']')
            .map(|i| last_end + i + 1)
            .ok_or_else(|| refuse(list.span))?;
        let range = list.span.offset..close;
        if text[range.clone()].contains('#') {
            return Err(refuse(list.span));
        }
        editor.replace(range, format!("[{}]", ids.join(", ")));
        return Ok(());
    }
    let first = &items[0];
    let start = text[..first.span.offset].rfind('\n').map_or(0, |i| i + 1);
    let lead = &text[start..first.span.offset];
    let dash = lead.find('-').ok_or_else(|| refuse(first.span))?;
    let end = text[last_end..]
        .find('\n')
        .map_or(text.len(), |i| last_end + i + 1);
    if text[start..end].contains('#') || !lead[..dash].chars().all(|c| c == ' ') {
        return Err(refuse(first.span));
    }
    let newline = editor.style().newline;
    let pad = &lead[..dash];
    let lines: String = ids
        .iter()
        .map(|id| format!("{pad}- {id}{newline}"))
        .collect();
    let lines = if text[..end].ends_with('\n') {
        lines
    } else {
        lines.trim_end_matches(['\r', '\n']).to_string()
    };
    editor.replace(start..end, lines);
    Ok(())
}
