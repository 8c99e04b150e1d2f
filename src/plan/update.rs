//! `label plan`: the new text of `plan.yaml` for a structure folder. Pure:
//! the caller reads and writes files.

use crate::date::Date;
use crate::evaluation::evaluate;
use crate::structure::StructureFolder;

use super::edit;
use super::scaffold::{Closable, NewAction, closable, new_actions};

/// What `label plan` will do to one folder.
#[derive(Debug)]
pub struct Update {
    /// The text before (`None`: no plan yet).
    pub before: Option<String>,
    /// The text after; equal to `before` when nothing is added.
    pub after: String,
    pub added: Vec<NewAction>,
    pub closable: Vec<Closable>,
}

impl Update {
    pub fn changes(&self) -> bool {
        self.before.as_deref() != Some(self.after.as_str())
    }
}

/// Why no update can be proposed.
#[derive(Debug, PartialEq, Eq)]
pub enum UpdateError {
    /// The folder's files have errors: fix them first.
    Invalid,
    /// `actions` is written in a shape we cannot extend without rewriting it.
    Shape,
    /// The text we would write does not validate: a bug, nothing is written.
    Internal(Vec<crate::diagnostics::Diagnostic>),
}

/// Computes the update of `folder`'s plan; `current` is the text of its
/// `plan.yaml`, if any.
pub fn update(
    folder: &StructureFolder,
    current: Option<&str>,
    today: Date,
) -> Result<Update, UpdateError> {
    if folder.has_errors() {
        return Err(UpdateError::Invalid);
    }
    let (Some(referential), Some(assessment)) = (&folder.referential, &folder.self_assessment)
    else {
        return Err(UpdateError::Invalid);
    };
    let plan = folder.plan.as_ref();
    let evaluation = evaluate(referential, assessment, plan);
    let added = new_actions(referential, &evaluation, folder.audit.as_ref(), plan, today);
    let closable = plan.map(|p| closable(p, &evaluation)).unwrap_or_default();
    let after = match current {
        Some(text) => edit::insert(text, &added).ok_or(UpdateError::Shape)?,
        None => edit::new_file(
            &referential.id,
            &referential.version.to_string(),
            &assessment.structure.id,
            &added,
        ),
    };
    verify(&after, referential, today)?;
    Ok(Update {
        before: current.map(str::to_string),
        after,
        added,
        closable,
    })
}

/// The new plan must read and validate before it may be written.
fn verify(
    text: &str,
    referential: &crate::referential::Referential,
    today: Date,
) -> Result<(), UpdateError> {
    let source = crate::source::SourceFile::new(super::FILE_NAME, text);
    let mut decoder = crate::decode::Decoder::new(&source);
    let mut diagnostics = match super::read(&mut decoder) {
        Some(raw) => super::check(&raw, referential, today).1,
        None => Vec::new(),
    };
    diagnostics.append(&mut decoder.diagnostics);
    diagnostics.retain(crate::diagnostics::Diagnostic::is_error);
    if diagnostics.is_empty() {
        Ok(())
    } else {
        Err(UpdateError::Internal(diagnostics))
    }
}
