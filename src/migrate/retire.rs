//! Retired entries: moved untouched under `reponses_retirees` /
//! `constats_retires`, each after a comment that says why; and merges,
//! which keep one entry and retire the others.

use std::collections::BTreeMap;

use crate::yaml::edit::{EditError, Editor, Step};
use crate::yaml::{Node, Spanned};

use super::entry::{Entry, Kind, carries, copy, rank};
use super::{Hop, Tally};

/// Moves an entry's text, untouched, to the retired block, after a
/// comment that says why.
pub(super) fn retire(editor: &mut Editor, entry: &Entry, note: &str, retired: &mut String) {
    let text = &editor.original()[entry.range.clone()];
    let indent = text.len() - text.trim_start_matches(' ').len();
    let note: String = note.split_whitespace().collect::<Vec<_>>().join(" ");
    let newline = editor.style().newline;
    retired.push_str(&format!(
        "{}# {} {note}{newline}",
        " ".repeat(indent),
        entry.id
    ));
    retired.push_str(text);
    editor.replace(entry.range.clone(), String::new());
}

/// A merge keeps one answer (the lowest level) or finding (the most
/// serious), written where the target's own entry was when it had one;
/// the others are retired.
#[allow(clippy::too_many_arguments)]
pub(super) fn merge(
    editor: &mut Editor,
    kind: Kind,
    hop: &Hop,
    to: &str,
    group: &[&Entry],
    retired: &mut String,
    placed: &mut BTreeMap<String, usize>,
    tally: &mut Tally,
) -> Result<(), EditError> {
    let Some(kept) = group.iter().min_by_key(|e| rank(kind, e.node)).copied() else {
        return Ok(());
    };
    let mark = kind == Kind::Answers && group.iter().any(|e| carries(e.node));
    let text = editor.original()[kept.range.clone()].to_string();
    let slot = group.iter().find(|e| e.id == to).copied().unwrap_or(kept);
    let (old, new) = (&hop.old.version, &hop.new.version);
    let note = match kind {
        Kind::Answers => format!(
            "({old}) fusionné dans {to} en {new} : la réponse de {} ({old}) y est reprise (le niveau le plus bas l'emporte)",
            kept.id
        ),
        _ => format!(
            "({old}) fusionné dans {to} en {new} : le constat de {} ({old}) y est repris (le plus sévère l'emporte)",
            kept.id
        ),
    };
    for other in group.iter().filter(|e| e.id != kept.id) {
        let moved = std::ptr::eq(*other, slot);
        let text_here = &editor.original()[other.range.clone()];
        let indent = text_here.len() - text_here.trim_start_matches(' ').len();
        let newline = editor.style().newline;
        retired.push_str(&format!(
            "{}# {} {note}{newline}",
            " ".repeat(indent),
            other.id
        ));
        retired.push_str(text_here);
        if !moved {
            editor.replace(other.range.clone(), String::new());
        }
        tally
            .retired
            .push(format!("{} ({old}, fusionné dans {to})", other.id));
    }
    if !std::ptr::eq(kept, slot) {
        editor.replace(kept.range.clone(), String::new());
    }
    editor.replace(slot.range.clone(), copy(&text, &kept.id, to, mark)?);
    placed.insert(to.to_string(), slot.range.end);
    if mark {
        tally.review.push(to.to_string());
    }
    let olds: Vec<&str> = group.iter().map(|e| e.id.as_str()).collect();
    tally
        .carried
        .push(format!("{} → {to} (fusionnés)", olds.join(" + ")));
    Ok(())
}

/// The retired entries go under the retired key: at the end of it when the
/// file has one, else in a new block at the end of the document.
pub(super) fn write_retired(
    editor: &mut Editor,
    kind: Kind,
    tree: &Spanned<Node>,
    retired: &str,
) -> Result<(), EditError> {
    let exists = matches!(&tree.value, Node::Map(top) if top.iter().any(|(k, _)| k.value == kind.retired_key()));
    let newline = editor.style().newline;
    let text = if retired.ends_with('\n') {
        retired.to_string()
    } else {
        format!("{retired}{newline}")
    };
    if exists {
        let column = editor.entry_column(&[Step::Key(kind.retired_key())]);
        let from = editor.entry_column(&[Step::Key(kind.key())]);
        let text = match (column, from) {
            (Some(to), Some(from)) => reindent(&text, from, to),
            _ => text,
        };
        editor.append_lines(&[Step::Key(kind.retired_key())], &text)?;
    } else {
        let block = format!("{}:{newline}{text}", kind.retired_key());
        editor.append_lines(&[], &block)?;
    }
    Ok(())
}

/// Lines moved from entries at column `from` to entries at column `to`.
fn reindent(text: &str, from: usize, to: usize) -> String {
    text.split_inclusive('\n')
        .map(|line| {
            let spaces = line.len() - line.trim_start_matches(' ').len();
            if line.trim().is_empty() || spaces < from {
                line.to_string()
            } else {
                format!("{}{}", " ".repeat(spaces - from + to), &line[spaces..])
            }
        })
        .collect()
}
