//! One diagnostic model for every command, rendered to every format by
//! [`crate::output`].

mod code;
mod finding;
mod report;

pub use code::{Code, Severity};
pub use finding::{Finding, SheetFinding, VersionFinding};
pub use report::Report;

use crate::yaml::Span;

/// A place in a file; a `None` span means the file as a whole.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    pub path: String,
    pub span: Span,
}

impl Location {
    pub fn new(path: impl Into<String>, span: Span) -> Self {
        Location {
            path: path.into(),
            span,
        }
    }

    /// The start of a file, for findings about the file as a whole.
    pub fn file(path: impl Into<String>) -> Self {
        Location::new(path, Span::START)
    }
}

/// A secondary place, with what it shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub location: Location,
    pub message: String,
}

/// One problem found in the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    pub message: String,
    pub location: Location,
    pub labels: Vec<Label>,
    pub help: Option<String>,
}

impl Diagnostic {
    /// A diagnostic at its code's default severity.
    pub fn new(finding: Finding, location: Location) -> Self {
        let code = finding.code();
        Diagnostic {
            code,
            severity: code.severity(),
            message: finding.message(),
            help: finding.help(),
            location,
            labels: Vec::new(),
        }
    }

    /// Why a file was not written (`write`): nothing was changed in every
    /// case — FS007 for an existing file, FS010 for a link, else FS006.
    pub fn not_written(error: crate::write::WriteError, location: Location) -> Self {
        use crate::write::WriteError;
        let finding = match error {
            WriteError::Io(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                Finding::AlreadyExists
            }
            WriteError::Link => Finding::WriteThroughLink,
            other => Finding::WriteFailed {
                detail: format!("{other} ; rien n'a été modifié"),
            },
        };
        Diagnostic::new(finding, location)
    }

    pub fn with_label(mut self, location: Location, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            location,
            message: message.into(),
        });
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Control characters in its texts and paths become visible escapes.
    pub fn make_inert(&mut self) {
        use crate::escape::terminal_safe;
        let inert = |text: &mut String| {
            if let std::borrow::Cow::Owned(safe) = terminal_safe(text) {
                *text = safe;
            }
        };
        inert(&mut self.message);
        inert(&mut self.location.path);
        if let Some(help) = &mut self.help {
            inert(help);
        }
        for label in &mut self.labels {
            inert(&mut label.message);
            inert(&mut label.location.path);
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}
