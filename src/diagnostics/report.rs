//! The diagnostics of one run, with the sources needed to show them.

use std::collections::BTreeMap;

use super::{Diagnostic, Severity};

/// Everything one command found, across all files.
#[derive(Debug, Default)]
pub struct Report {
    diagnostics: Vec<Diagnostic>,
    sources: BTreeMap<String, String>,
    /// How many inputs were checked, for the summary line.
    pub checked: usize,
}

impl Report {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    pub fn extend(&mut self, diagnostics: impl IntoIterator<Item = Diagnostic>) {
        self.diagnostics.extend(diagnostics);
    }

    /// Keeps only the diagnostics `keep` accepts (`--ignore`, `--quiet`).
    pub fn retain(&mut self, keep: impl FnMut(&Diagnostic) -> bool) {
        self.diagnostics.retain(keep);
    }

    /// Keeps a file's text so that the human format can quote it.
    pub fn add_source(&mut self, path: impl Into<String>, text: impl Into<String>) {
        let path = crate::escape::terminal_safe(&path.into()).into_owned();
        self.sources.insert(path, text.into());
    }

    pub fn source(&self, path: &str) -> Option<&str> {
        self.sources.get(path).map(String::as_str)
    }

    /// Sorts for deterministic output, applies `--deny-warnings`, and makes
    /// inert any control character a file name or value brought into a
    /// message (a CI log or a terminal must never receive it raw).
    pub fn finish(&mut self, deny_warnings: bool) {
        for d in &mut self.diagnostics {
            d.make_inert();
        }
        if deny_warnings {
            for d in &mut self.diagnostics {
                if d.severity == Severity::Warning {
                    d.severity = Severity::Error;
                }
            }
        }
        self.diagnostics.sort_by(|a, b| {
            (&a.location, a.code, &a.message).cmp(&(&b.location, b.code, &b.message))
        });
        self.diagnostics.dedup();
    }

    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        let warning = |d: &&Diagnostic| d.severity == Severity::Warning;
        self.diagnostics.iter().filter(warning).count()
    }

    /// §5.3: 2 when some input could not be read, 1 on errors, else 0.
    pub fn exit_code(&self) -> i32 {
        if self.diagnostics.iter().any(|d| d.code.is_fatal()) {
            2
        } else if self.error_count() > 0 {
            1
        } else {
            0
        }
    }
}
