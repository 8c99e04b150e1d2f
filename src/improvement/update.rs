//! `label plan`: the new text of `plan.yaml` for a structure folder. Pure:
//! the caller writes the file.

use std::path::Path;

use crate::date::Date;
use crate::evaluation::evaluate;
use crate::plan::FILE_NAME;
use crate::structure::StructureFolder;
use crate::yaml::edit::{EditError, Edited, Editor, Step};

use super::gaps::{Sources, unanswered};
use super::scaffold::{Closable, Header, NewAction, closable, new_actions, new_file};
use super::verify::{Violation, verify};

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
    /// Whether the file must be written.
    pub fn changes(&self) -> bool {
        self.before.as_deref() != Some(self.after.as_str())
    }
}

/// Why no update can be proposed.
#[derive(Debug, PartialEq)]
pub enum UpdateError {
    /// The folder's files have errors: fix them first.
    Invalid,
    /// `actions` is written in a shape we cannot extend without rewriting
    /// it (a flow list `[…]`, an alias): where, and why.
    Shape(EditError),
    /// The text we would write breaks the post-condition: a bug, nothing is
    /// written.
    Internal(Violation),
}

/// Computes the update of `folder`'s plan (its text as read with the
/// folder); a new plan names `schema` for editors.
pub fn update(folder: &StructureFolder, today: Date, schema: &str) -> Result<Update, UpdateError> {
    if folder.has_errors() {
        return Err(UpdateError::Invalid);
    }
    let (Some(referential), Some(assessment)) = (&folder.referential, &folder.self_assessment)
    else {
        return Err(UpdateError::Invalid);
    };
    let plan = folder.plan.as_ref();
    let evaluation = evaluate(referential, assessment, plan);
    let carried_over = crate::evaluation::carried_over_minors(folder);
    let sources = Sources {
        referential,
        evaluation: &evaluation,
        assessed: assessment.date,
        audit: folder.audit.as_ref(),
        carried_over: &carried_over,
        plan,
    };
    let added = new_actions(referential, &unanswered(&sources), plan);
    let before = current_text(folder);
    let version = referential.version.to_string();
    let header = Header {
        referential: &referential.id,
        version: &version,
        structure: &assessment.structure.id,
    };
    let edited = match before {
        Some(text) => append(text, &added)?,
        None => Edited {
            text: new_file(header, schema, &added),
            edits: Vec::new(),
        },
    };
    verify(before, &edited, header, &added, referential, today).map_err(UpdateError::Internal)?;
    Ok(Update {
        before: before.map(str::to_string),
        after: edited.text,
        added,
        closable: plan.map(|p| closable(p, &evaluation)).unwrap_or_default(),
    })
}

/// The text of the folder's `plan.yaml`, as read with the folder.
fn current_text(folder: &StructureFolder) -> Option<&str> {
    folder
        .sources
        .iter()
        .find(|s| {
            Path::new(&s.path)
                .file_name()
                .is_some_and(|n| n == FILE_NAME)
        })
        .map(|s| s.text.as_str())
}

/// `text` with `actions` appended to its `actions` list.
fn append(text: &str, actions: &[NewAction]) -> Result<Edited, UpdateError> {
    let mut editor = Editor::new(text).map_err(UpdateError::Shape)?;
    for action in actions {
        editor
            .push(&[Step::Key("actions")], &action.value())
            .map_err(UpdateError::Shape)?;
    }
    editor
        .finish()
        .map_err(|e| UpdateError::Internal(Violation::Unparsable(e)))
}
