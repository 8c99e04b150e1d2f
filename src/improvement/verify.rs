//! The post-condition that guards every write of `plan.yaml`: the new text
//! keeps every byte a person wrote, reads and checks without error, and
//! holds exactly the former actions followed by the new ones.

use crate::date::Date;
use crate::decode::Decoder;
use crate::diagnostics::Diagnostic;
use crate::plan::{self, FILE_NAME, Plan};
use crate::referential::Referential;
use crate::source::SourceFile;
use crate::yaml::edit::{EditError, Edited};

use super::scaffold::{Header, NewAction};

/// How a new text breaks the post-condition.
#[derive(Debug, PartialEq)]
pub enum Violation {
    /// The edited text does not parse.
    Unparsable(EditError),
    /// A byte of the original, at this offset, is not where it was, or an
    /// edit removed more than an empty value (`[]`, `~`).
    Changed { offset: usize },
    /// The new plan does not read or check: its errors.
    Invalid(Vec<Diagnostic>),
    /// `referentiel`, `version` or `structure` changed.
    Header,
    /// The actions read back are not the former ones followed by the new.
    Actions,
}

/// Checks `edited` (made from `before`, or a new file) against the
/// post-condition.
pub fn verify(
    before: Option<&str>,
    edited: &Edited,
    header: Header,
    added: &[NewAction],
    referential: &Referential,
    today: Date,
) -> Result<(), Violation> {
    let former = match before {
        Some(text) => {
            untouched(text, edited)?;
            Some(read(text, referential, today)?)
        }
        None => None,
    };
    let after = read(&edited.text, referential, today)?;
    let same_header = match &former {
        Some(plan) => {
            (&plan.referential, &plan.version, &plan.structure)
                == (&after.referential, &after.version, &after.structure)
        }
        None => {
            (header.referential, header.version, header.structure)
                == (
                    after.referential.as_str(),
                    after.version.as_str(),
                    after.structure.as_str(),
                )
        }
    };
    if !same_header {
        return Err(Violation::Header);
    }
    let mut expected = former.map(|p| p.actions).unwrap_or_default();
    expected.extend(added.iter().map(NewAction::model));
    if after.actions != expected {
        return Err(Violation::Actions);
    }
    Ok(())
}

/// Every byte of `before` outside the edits' ranges is in `edited.text`,
/// in order, with each edit's text in between; edits only remove empty
/// values.
fn untouched(before: &str, edited: &Edited) -> Result<(), Violation> {
    let after = edited.text.as_str();
    let (mut old, mut new) = (0, 0);
    for edit in &edited.edits {
        let changed = Violation::Changed {
            offset: edit.range.start,
        };
        let kept = before
            .get(old..edit.range.start)
            .ok_or(Violation::Changed { offset: old })?;
        if after.get(new..new + kept.len()) != Some(kept) {
            return Err(Violation::Changed { offset: old });
        }
        new += kept.len();
        if after.get(new..new + edit.text.len()) != Some(edit.text.as_str()) {
            return Err(changed);
        }
        new += edit.text.len();
        let removed = before
            .get(edit.range.clone())
            .ok_or(Violation::Changed { offset: old })?;
        if !is_empty_value(removed) {
            return Err(changed);
        }
        old = edit.range.end;
    }
    if after.get(new..) != before.get(old..) {
        return Err(Violation::Changed { offset: old });
    }
    Ok(())
}

fn is_empty_value(removed: &str) -> bool {
    let word: String = removed.chars().filter(|c| !c.is_whitespace()).collect();
    matches!(
        word.as_str(),
        "" | "[]" | "{}" | "~" | "null" | "Null" | "NULL"
    )
}

/// A plan text read and checked; its errors otherwise.
fn read(text: &str, referential: &Referential, today: Date) -> Result<Plan, Violation> {
    let source = SourceFile::new(FILE_NAME, text);
    let mut decoder = Decoder::new(&source);
    let (model, mut found) = match plan::read(&mut decoder) {
        Some(raw) => plan::check(&raw, referential, today),
        None => (None, Vec::new()),
    };
    let mut errors = std::mem::take(&mut decoder.diagnostics);
    errors.append(&mut found);
    errors.retain(Diagnostic::is_error);
    match model {
        Some(plan) if errors.is_empty() => Ok(plan),
        _ => Err(Violation::Invalid(errors)),
    }
}
