//! Rules every file shares, written once: dates and unique ids
//! (references to criteria: [`crate::referential::Referential::reference`]). One rule, one code, one wording; suggestions stay data.

use std::collections::HashMap;

use crate::date::Date;
use crate::diagnostics::{Diagnostic, Finding, Location};
use crate::yaml::{Span, Spanned};

/// The diagnostics of one validation pass; the shared rules are methods
/// of [`Rules`].
pub type Checker = Vec<Diagnostic>;

/// The rules every file kind shares.
pub trait Rules {
    fn report(&mut self, finding: Finding, path: &str, span: Span);
    fn date(&mut self, path: &str, key: &str, text: &Spanned<String>) -> Option<Date>;
    fn unique(
        &mut self,
        kind: &'static str,
        path: &str,
        id: &Spanned<String>,
        seen: &mut HashMap<String, Location>,
    ) -> bool;
    fn has_errors(&self) -> bool;
}

impl Rules for Checker {
    fn report(&mut self, finding: Finding, path: &str, span: Span) {
        self.push(Diagnostic::new(finding, Location::new(path, span)));
    }

    /// A date field (`AAAA-MM-JJ`, a day that exists); SCH005 otherwise.
    fn date(&mut self, path: &str, key: &str, text: &Spanned<String>) -> Option<Date> {
        let date = Date::parse(text.value.trim());
        if date.is_none() {
            let finding = Finding::InvalidDate {
                key: key.into(),
                value: text.value.clone(),
            };
            self.report(finding, path, text.span);
        }
        date
    }

    /// An id met a second time (REF001), shown at both places; true when
    /// it is the first.
    fn unique(
        &mut self,
        kind: &'static str,
        path: &str,
        id: &Spanned<String>,
        seen: &mut HashMap<String, Location>,
    ) -> bool {
        let here = Location::new(path, id.span);
        if let Some(first) = seen.get(&id.value) {
            let finding = Finding::DuplicateId {
                kind,
                id: id.value.clone(),
            };
            let diagnostic =
                Diagnostic::new(finding, here).with_label(first.clone(), "première définition ici");
            self.push(diagnostic);
            false
        } else {
            seen.insert(id.value.clone(), here);
            true
        }
    }

    fn has_errors(&self) -> bool {
        self.iter().any(Diagnostic::is_error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Code;

    fn text(value: &str) -> Spanned<String> {
        Spanned {
            value: value.to_string(),
            span: Span::START,
        }
    }

    #[test]
    fn dates_must_exist() {
        let mut checker = Checker::new();
        assert!(checker.date("f", "date", &text("2026-02-28")).is_some());
        assert!(checker.date("f", "date", &text(" 2026-02-28 ")).is_some());
        assert!(checker.date("f", "date", &text("2026-02-30")).is_none());
        let codes: Vec<Code> = checker.iter().map(|d| d.code).collect();
        assert_eq!(codes, [Code::Sch005]);
    }

    #[test]
    fn a_duplicate_points_at_the_first() {
        let mut checker = Checker::new();
        let mut seen = HashMap::new();
        assert!(checker.unique("action", "f", &text("A01"), &mut seen));
        assert!(checker.unique("action", "f", &text("A02"), &mut seen));
        assert!(!checker.unique("action", "g", &text("A01"), &mut seen));
        let [d] = checker.as_slice() else {
            panic!("{:?}", checker)
        };
        assert_eq!(d.code, Code::Ref001);
        assert_eq!(d.location.path, "g");
        assert_eq!(d.labels[0].location.path, "f");
    }
}
