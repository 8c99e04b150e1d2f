//! Writing the answers read from a sheet into the text of
//! `autoevaluation.yaml`: only the fields whose value changed are edited,
//! through the in-place editor (every other byte kept), and the result is
//! checked against the referential; an error it breaks is told at the cell
//! that caused it.

use super::Column;
use super::cells::Place;
use super::import::{Columns, Desired, Imported, Target};
use crate::decode::Decoder;
use crate::diagnostics::{Diagnostic, Finding, Location, SheetFinding};
use crate::self_assessment::{RawAnswer, RawSelfAssessment};
use crate::source::SourceFile;
use crate::yaml::Spanned;
use crate::yaml::edit::{EditError, Editor, Reason, Step, Value};

const NIVEAU: &str = "niveau";
const NON_CONCERNE: &str = "non_concerne";
const COMMENTAIRE: &str = "commentaire";
const PREUVES: &str = "preuves";

pub(super) fn apply(
    target: &Target,
    desired: &[Desired],
    place: &Place,
    columns: &Columns,
) -> Result<Imported, Vec<Diagnostic>> {
    let raw = decode(target.shown, target.text)?;
    let mut editor = Editor::new(target.text).map_err(|e| vec![not_writable(target, &e, "")])?;
    let mut changed = Vec::new();
    let mut found = Vec::new();
    // Answers already in the file first: a new answer is added after the
    // last one, where a field added to that last answer also goes.
    let (present, new): (Vec<_>, Vec<_>) = desired
        .iter()
        .map(|d| (d, raw.answers.iter().find(|a| a.id.value == d.id)))
        .partition(|(_, current)| current.is_some());
    for (answer, current) in present.into_iter().chain(new) {
        match write(&mut editor, answer, current) {
            Ok(true) => changed.push(answer.id.clone()),
            Ok(false) => {}
            Err(error) => {
                let cell = place.describe(answer.row, column(columns, Column::Criterion), "");
                found.push(not_writable(target, &error, &cell));
            }
        }
    }
    if !found.is_empty() {
        return Err(found);
    }
    if changed.is_empty() {
        let text = target.text.to_string();
        return Ok(Imported { text, changed });
    }
    let edited = editor
        .finish()
        .map_err(|e| vec![not_writable(target, &e, "")])?;
    recheck(target, &edited.text, desired, place, columns)?;
    Ok(Imported {
        text: edited.text,
        changed,
    })
}

fn column(columns: &Columns, column: Column) -> usize {
    columns.get(column.header()).copied().unwrap_or(0)
}

fn decode(shown: &str, text: &str) -> Result<RawSelfAssessment, Vec<Diagnostic>> {
    let source = SourceFile::new(shown, text);
    let mut decoder = Decoder::new(&source);
    let raw = crate::self_assessment::read(&mut decoder);
    let errors: Vec<Diagnostic> = decoder
        .diagnostics
        .into_iter()
        .filter(Diagnostic::is_error)
        .collect();
    match raw {
        Some(raw) if errors.is_empty() => Ok(raw),
        _ => Err(errors),
    }
}

fn not_writable(target: &Target, error: &EditError, cell: &str) -> Diagnostic {
    let finding = Finding::Sheet(SheetFinding::AnswerNotWritable {
        cell: if cell.is_empty() {
            "ligne".into()
        } else {
            cell.to_string()
        },
        // The place is the diagnostic's: only the reason is told.
        detail: error
            .to_string()
            .split_once(" : ")
            .map_or_else(|| error.to_string(), |(_, reason)| reason.to_string()),
    });
    Diagnostic::new(finding, Location::new(target.shown, error.span))
}

/// The text of a field, as compared: trimmed, empty as nothing.
fn trimmed(text: Option<&Spanned<String>>) -> Option<String> {
    text.map(|t| t.value.trim().to_string())
        .filter(|t| !t.is_empty())
}

/// Records the edits of one answer; whether there was any.
fn write(
    editor: &mut Editor,
    answer: &Desired,
    current: Option<&RawAnswer>,
) -> Result<bool, EditError> {
    let Some(current) = current else {
        let fields = new_fields(answer);
        if fields.is_empty() {
            return Ok(false);
        }
        editor.append_entry(&[Step::Key("reponses")], &answer.id, &Value::Map(fields))?;
        return Ok(true);
    };
    let path = [Step::Key("reponses"), Step::Key(&answer.id)];
    let mut changed = false;
    if current.level.as_ref().map(|l| l.value) != answer.level {
        changed = true;
        match answer.level {
            Some(level) => set(editor, &path, NIVEAU, &Value::Integer(level))?,
            None if answer.not_applicable.is_some() => remove(editor, &path, NIVEAU)?,
            None => set(editor, &path, NIVEAU, &Value::Null)?,
        }
    }
    let not_applicable = current.not_applicable.as_ref().map(|n| n.value.trim());
    if not_applicable != answer.not_applicable.as_deref() {
        changed = true;
        match &answer.not_applicable {
            Some(text) => set(editor, &path, NON_CONCERNE, &Value::text(text))?,
            None => remove(editor, &path, NON_CONCERNE)?,
        }
    }
    if trimmed(current.comment.as_ref()) != answer.comment {
        changed = true;
        let value = answer.comment.as_ref().map_or(Value::Null, Value::text);
        set(editor, &path, COMMENTAIRE, &value)?;
    }
    let evidence: Vec<String> = current
        .evidence
        .iter()
        .filter_map(|e| trimmed(Some(e)))
        .collect();
    let wanted = split_evidence(&answer.evidence, &evidence);
    if evidence != wanted {
        changed = true;
        let value = if wanted.is_empty() {
            Value::Flow(Vec::new())
        } else {
            Value::Seq(wanted.iter().map(Value::text).collect())
        };
        set(editor, &path, PREUVES, &value)?;
    }
    Ok(changed)
}

/// The fields of an answer the file does not have yet.
fn new_fields(answer: &Desired) -> Vec<(String, Value)> {
    let mut fields = Vec::new();
    if let Some(level) = answer.level {
        fields.push((NIVEAU.to_string(), Value::Integer(level)));
    }
    if let Some(text) = &answer.not_applicable {
        fields.push((NON_CONCERNE.to_string(), Value::text(text)));
    }
    if let Some(text) = &answer.comment {
        fields.push((COMMENTAIRE.to_string(), Value::text(text)));
    }
    let evidence = split_evidence(&answer.evidence, &[]);
    if !evidence.is_empty() {
        let items = evidence.iter().map(Value::text).collect();
        fields.push((PREUVES.to_string(), Value::Seq(items)));
    }
    fields
}

/// The evidence of a cell, one per line; a line that is not already an
/// evidence of the file is split at `;` too, as people separate them on
/// one line (a path holding `;` that the file has keeps it).
fn split_evidence(lines: &[String], current: &[String]) -> Vec<String> {
    lines
        .iter()
        .flat_map(|line| {
            if current.contains(line) {
                vec![line.clone()]
            } else {
                line.split(';')
                    .map(str::trim)
                    .filter(|e| !e.is_empty())
                    .map(str::to_string)
                    .collect()
            }
        })
        .collect()
}

/// Sets `key` of the answer at `path`: on its line when the value fits
/// there, else the whole entry; added when absent.
fn set(editor: &mut Editor, path: &[Step], key: &str, value: &Value) -> Result<(), EditError> {
    let mut full = path.to_vec();
    full.push(Step::Key(key));
    if !editor.contains(&full) {
        return editor.append_entry(path, key, value);
    }
    match editor.set_scalar(&full, value) {
        Err(EditError {
            reason: Reason::BlockScalar | Reason::Kind(_) | Reason::NotInline,
            ..
        }) => editor.replace_entry(path, key, value),
        done => done,
    }
}

fn remove(editor: &mut Editor, path: &[Step], key: &str) -> Result<(), EditError> {
    let mut full = path.to_vec();
    full.push(Step::Key(key));
    if editor.contains(&full) {
        editor.remove_entry(path, key)?;
    }
    Ok(())
}

/// Checks the edited text against the referential; each error is told at
/// the cell of the row and field it comes from (TAB006).
fn recheck(
    target: &Target,
    text: &str,
    desired: &[Desired],
    place: &Place,
    columns: &Columns,
) -> Result<(), Vec<Diagnostic>> {
    let raw = decode(target.shown, text)?;
    let (_, found) = crate::self_assessment::check(&raw, target.referential, target.today);
    let errors: Vec<Diagnostic> = found
        .into_iter()
        .filter(Diagnostic::is_error)
        .map(|d| match cell_of(&d, &raw, desired) {
            Some((row, field)) => {
                let index = column(columns, field);
                let finding = Finding::Sheet(SheetFinding::AnswerRefused {
                    cell: place.describe(row, index, field.header()),
                    detail: d.message.clone(),
                    code: d.code,
                    help: d.help.clone(),
                });
                Diagnostic::new(finding, place.location(row, index))
            }
            None => d,
        })
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// The row and column a diagnostic of the edited text points at.
fn cell_of(
    d: &Diagnostic,
    raw: &RawSelfAssessment,
    desired: &[Desired],
) -> Option<(usize, Column)> {
    let offset = d.location.span.offset;
    raw.answers.iter().find_map(|answer| {
        let row = desired.iter().find(|r| r.id == answer.id.value)?.row;
        let at = |span: crate::yaml::Span| span.offset == offset;
        let field = if at(answer.id.span) {
            Column::Criterion
        } else if answer.level.as_ref().is_some_and(|l| at(l.span)) {
            Column::Level
        } else if answer.not_applicable.as_ref().is_some_and(|n| at(n.span)) {
            // Not allowed at all: the level column said so.
            if d.code == crate::diagnostics::Code::Auto003 {
                Column::Level
            } else {
                Column::Justification
            }
        } else if answer.comment.as_ref().is_some_and(|c| at(c.span)) {
            Column::Comment
        } else if answer.evidence.iter().any(|e| at(e.span)) {
            Column::Evidence
        } else {
            return None;
        };
        Some((row, field))
    })
}
