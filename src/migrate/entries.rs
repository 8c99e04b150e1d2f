//! A mapping keyed by criterion ids (`reponses`, `constats`) moved to the
//! next version, entry by entry, byte for byte: a rename changes the key,
//! a split copies the entry under each new id, a merge keeps one entry
//! (the lowest level, the most serious finding) and retires the others,
//! a removed criterion's entry moves untouched under the retired key.

use std::collections::BTreeMap;

use crate::referential::{Fate, Referential, StructureType, fate};
use crate::yaml::edit::{EditError, Editor, Step};
use crate::yaml::{Node, Spanned};

use super::entry::{Entry, Kind, REVIEW_KEY, carries, copy, mark_entry};
use super::retire::{merge, retire, write_retired};
use super::{Hop, Tally};

/// Moves the entries of `kind`'s mapping to `hop.new`; `structure` is the
/// structure's type, to offer the new criteria that apply to it.
pub(super) fn migrate(
    editor: &mut Editor,
    kind: Kind,
    hop: &Hop,
    structure: Option<StructureType>,
    tally: &mut Tally,
) -> Result<(), EditError> {
    let tree = editor.tree();
    let entries = read_entries(editor, &tree, kind)?;
    let mut retired = String::new();
    // Where each new id's entry ends in the original, to place new criteria.
    let mut placed: BTreeMap<String, usize> = BTreeMap::new();
    let mut merges: BTreeMap<String, Vec<&Entry>> = BTreeMap::new();
    for entry in &entries {
        let here = [Step::Key(kind.key()), Step::Key(&entry.id)];
        match fate(hop.mapping, &entry.id, hop.new) {
            Fate::Unchanged => {
                mark_if_not_applicable(editor, kind, hop.new, &entry.id, entry, &here, tally)?;
                placed.insert(entry.id.clone(), entry.range.end);
                tally.unchanged += 1;
            }
            Fate::Renamed(to) => {
                editor.rename_key(&here, &to)?;
                mark_if_not_applicable(editor, kind, hop.new, &to, entry, &here, tally)?;
                placed.insert(to.clone(), entry.range.end);
                tally.carried.push(format!("{} → {to}", entry.id));
            }
            Fate::Split(to) => {
                let mark = kind == Kind::Answers && carries(entry.node);
                let text = editor.original()[entry.range.clone()].to_string();
                let mut copies = String::new();
                for new in &to {
                    copies.push_str(&copy(&text, &entry.id, new, mark)?);
                    placed.insert(new.clone(), entry.range.end);
                    if mark {
                        tally.review.push(new.clone());
                    }
                }
                editor.replace(entry.range.clone(), copies);
                tally
                    .carried
                    .push(format!("{} → {} (scindé)", entry.id, to.join(" + ")));
            }
            Fate::Merged(to) => merges.entry(to).or_default().push(entry),
            Fate::Removed(why) => {
                let note = format!("supprimé en {} : {why}", hop.new.version);
                retire(editor, entry, &note, &mut retired);
                tally.retired.push(entry.id.clone());
            }
            Fate::Gone => {
                let note = format!("absent de la version {}", hop.new.version);
                retire(editor, entry, &note, &mut retired);
                tally.retired.push(entry.id.clone());
            }
        }
    }
    for (to, group) in merges {
        merge(
            editor,
            kind,
            hop,
            &to,
            &group,
            &mut retired,
            &mut placed,
            tally,
        )?;
    }
    if kind == Kind::Answers {
        add_new_criteria(editor, hop, structure, &entries, &placed, tally)?;
    }
    if !retired.is_empty() {
        write_retired(editor, kind, &tree, &retired)?;
    }
    Ok(())
}

fn read_entries<'t>(
    editor: &Editor,
    tree: &'t Spanned<Node>,
    kind: Kind,
) -> Result<Vec<Entry<'t>>, EditError> {
    let Node::Map(top) = &tree.value else {
        return Ok(Vec::new());
    };
    let Some((_, mapping)) = top.iter().find(|(k, _)| k.value == kind.key()) else {
        return Ok(Vec::new());
    };
    let Node::Map(items) = &mapping.value else {
        return Ok(Vec::new());
    };
    items
        .iter()
        .map(|(key, node)| {
            let range = editor.entry_range(&[Step::Key(kind.key()), Step::Key(&key.value)])?;
            Ok(Entry {
                id: key.value.clone(),
                node,
                range,
            })
        })
        .collect()
}

/// A carried « non concerné » the new criterion no longer allows is
/// marked for review: the person chooses a level.
fn mark_if_not_applicable(
    editor: &mut Editor,
    kind: Kind,
    new: &Referential,
    id: &str,
    entry: &Entry,
    here: &[Step],
    tally: &mut Tally,
) -> Result<(), EditError> {
    if kind != Kind::Answers {
        return Ok(());
    }
    let declared = matches!(&entry.node.value, Node::Map(f) if f.iter().any(|(k, _)| k.value == "non_concerne"));
    let allowed = new.criterion(id).is_some_and(|c| c.not_applicable_allowed);
    if declared && !allowed {
        mark_in_place(editor, entry, here)?;
        tally.review.push(id.to_string());
    }
    Ok(())
}

/// `a_revoir: true` added at the end of an entry's own lines (before the
/// comments that introduce the next one); nothing when already there.
fn mark_in_place(editor: &mut Editor, entry: &Entry, here: &[Step]) -> Result<(), EditError> {
    let Node::Map(fields) = &entry.node.value else {
        return Ok(());
    };
    if fields.iter().any(|(k, _)| k.value == REVIEW_KEY) {
        return Ok(());
    }
    let column = editor.entry_column(here);
    let text = editor.original();
    let first_line = text[entry.range.clone()].lines().next().unwrap_or("");
    let block = fields
        .first()
        .is_some_and(|(k, _)| k.span.offset >= entry.range.start + first_line.len());
    match column.filter(|_| block) {
        Some(column) => {
            let at = entry.range.end;
            let newline = editor.style().newline;
            let lead = if text[..at].ends_with('\n') {
                ""
            } else {
                newline
            };
            let line = format!("{lead}{}{REVIEW_KEY}: true{newline}", " ".repeat(column));
            editor.replace(at..at, line);
            Ok(())
        }
        None => mark_entry(editor, here),
    }
}

/// The criteria new in this version, ready to fill as `label init` writes
/// them, each after the entry of the criterion before it.
fn add_new_criteria(
    editor: &mut Editor,
    hop: &Hop,
    structure: Option<StructureType>,
    entries: &[Entry],
    placed: &BTreeMap<String, usize>,
    tally: &mut Tally,
) -> Result<(), EditError> {
    let reached = super::hops::reached(hop);
    let column = editor.entry_column(&[Step::Key("reponses")]);
    let step = editor.style().indent;
    let newline = editor.style().newline;
    let mut previous: Option<usize> = None;
    for criterion in hop.new.criteria() {
        if let Some(at) = placed.get(&criterion.id) {
            previous = Some(*at);
            continue;
        }
        let is_new = !reached.contains(&criterion.id) && hop.old.criterion(&criterion.id).is_none();
        let present = entries.iter().any(|e| e.id == criterion.id);
        let applies = structure.is_none_or(|k| criterion.applies_to(k));
        if !is_new || present || !applies {
            continue;
        }
        let mut text = String::new();
        crate::init::render_criterion(&mut text, hop.new, criterion);
        let text = reindent_template(&text, column.unwrap_or(2), step).replace('\n', newline);
        match previous {
            Some(at) => editor.replace(at..at, text),
            None => {
                editor.append_lines(&[Step::Key("reponses")], &text)?;
            }
        }
        tally.added.push(criterion.id.clone());
    }
    Ok(())
}

/// `label init`'s block (entries at 2 spaces, fields at 4) at the file's
/// own indentation.
fn reindent_template(text: &str, column: usize, step: usize) -> String {
    text.split_inclusive('\n')
        .map(|line| {
            if let Some(rest) = line.strip_prefix("    ") {
                format!("{}{rest}", " ".repeat(column + step))
            } else if let Some(rest) = line.strip_prefix("  ") {
                format!("{}{rest}", " ".repeat(column))
            } else {
                line.to_string()
            }
        })
        .collect()
}
