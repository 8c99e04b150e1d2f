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
        rewrite(editor, hop, list, items, &new)?;
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

/// What one old id becomes in the next version (nothing when removed).
fn next_ids(hop: &Hop, id: &str) -> Vec<String> {
    match fate(hop.mapping, id, hop.new) {
        Fate::Unchanged => vec![id.to_string()],
        Fate::Renamed(to) | Fate::Merged(to) => vec![to],
        Fate::Split(to) => to,
        Fate::Removed(_) | Fate::Gone => Vec::new(),
    }
}

fn new_ids(hop: &Hop, old: &[String], tally: &mut Tally) -> Vec<String> {
    let mut new: Vec<String> = Vec::new();
    for id in old {
        let ids = next_ids(hop, id);
        if ids.is_empty() {
            tally.dropped.push(id.clone());
        }
        for id in ids {
            if !new.contains(&id) {
                new.push(id);
            }
        }
    }
    new
}

/// The list written anew in its own style: `[A, B]` on its line (refused
/// where a comment sits inside the brackets), or line by line.
fn rewrite(
    editor: &mut Editor,
    hop: &Hop,
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
    block(editor, hop, items)
}

/// A block list rewritten item by item: each `- OLD` line becomes its new
/// ids, its own comment kept on the first; a removed item (or one already
/// listed) leaves its line, or, if a person commented it, stays as a
/// comment line so that nothing they wrote is lost.
fn block(editor: &mut Editor, hop: &Hop, items: &[Spanned<Node>]) -> Result<(), EditError> {
    let source = editor.original().to_string();
    let newline = editor.style().newline;
    let mut written: Vec<String> = Vec::new();
    let mut edits = Vec::new();
    for item in items {
        let Some(old) = text(item) else { continue };
        let start = source[..item.span.offset].rfind('\n').map_or(0, |i| i + 1);
        let lead = &source[start..item.span.offset];
        let item_end = item.span.offset + item.span.len;
        let end = source[item_end..]
            .find('\n')
            .map_or(source.len(), |i| item_end + i + 1);
        let (Some(dash), true) = (lead.find('-'), lead.trim_start().starts_with('-')) else {
            return Err(EditError {
                span: item.span,
                reason: Reason::Flow,
            });
        };
        let pad = &lead[..dash];
        let rest = &source[item_end..end];
        let body = rest.trim_end_matches(['\r', '\n']);
        let ending = &rest[body.len()..];
        let next = next_ids(hop, &old);
        let why = match next.is_empty() {
            true => format!("supprimé en {}", hop.new.version),
            false => "déjà dans la liste".to_string(),
        };
        let ids: Vec<String> = next
            .into_iter()
            .filter(|id| !written.contains(id))
            .collect();
        written.extend(ids.iter().cloned());
        let mut lines: Vec<String> = ids
            .iter()
            .enumerate()
            .map(|(n, id)| match n {
                0 => format!("{lead}{id}{body}"),
                _ => format!("{pad}- {id}"),
            })
            .collect();
        if ids.is_empty() && body.contains('#') {
            lines.push(format!("{pad}# {old} ({why}){body}"));
        }
        let lines = if lines.is_empty() {
            String::new()
        } else {
            format!("{}{ending}", lines.join(newline))
        };
        edits.push((start..end, lines));
    }
    for (range, lines) in edits {
        editor.replace(range, lines);
    }
    Ok(())
}
