//! The validated referential: what every other command reads.

use std::collections::BTreeMap;

use crate::date::Date;
pub use crate::keyword::{Status, StructureType};

/// Référentiel: the national frame a structure is assessed against.
#[derive(Clone, Debug)]
pub struct Referential {
    pub id: String,
    pub version: semver::Version,
    pub title: String,
    pub description: Option<String>,
    pub status: Status,
    pub date: Option<Date>,
    /// Types of structure it applies to (`structures`).
    pub structure_types: Vec<StructureType>,
    pub scale: Scale,
    pub rules: Rules,
    pub cycle: Cycle,
    /// How the criteria of the previous version map to this one (§4.2).
    pub correspondences: Option<super::Correspondences>,
    pub principles: Vec<Principle>,
}

impl Referential {
    /// The criterion a file names; CRT001, with the closest id, when the
    /// referential has none such. The one rule for every file kind.
    pub fn reference(
        &self,
        checker: &mut crate::check::Checker,
        path: &str,
        id: &crate::yaml::Spanned<String>,
    ) -> Option<&Criterion> {
        let found = self.criterion(&id.value);
        if found.is_none() {
            let ids = self.criteria().map(|c| c.id.as_str());
            let finding = crate::diagnostics::Finding::UnknownCriterion {
                id: id.value.clone(),
                suggestion: crate::suggest::closest(&id.value, ids),
            };
            let location = crate::diagnostics::Location::new(path, id.span);
            checker.push(crate::diagnostics::Diagnostic::new(finding, location));
        }
        found
    }
}

impl Referential {
    /// Every criterion, in referential order.
    pub fn criteria(&self) -> impl Iterator<Item = &Criterion> {
        self.principles.iter().flat_map(|p| p.criteria.iter())
    }

    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.criteria().find(|c| c.id == id)
    }

    /// The criteria that apply to a structure of type `kind` (`applicable_a`):
    /// the others are left out of every count (§6.1).
    pub fn applicable_criteria(&self, kind: StructureType) -> impl Iterator<Item = &Criterion> {
        self.criteria().filter(move |c| c.applies_to(kind))
    }

    /// `id@version`, as users name a referential on the command line.
    pub fn key(&self) -> String {
        format!("{}@{}", self.id, self.version)
    }
}

/// Échelle: the ordered levels a criterion is rated on.
#[derive(Clone, Debug)]
pub struct Scale {
    pub levels: Vec<Level>,
    /// Default expected level (`echelle.attendu`).
    pub expected: i64,
}

impl Scale {
    pub fn level(&self, value: i64) -> Option<&Level> {
        self.levels.iter().find(|l| l.value == value)
    }
}

/// Niveau of the scale.
#[derive(Clone, Debug)]
pub struct Level {
    pub value: i64,
    pub label: String,
    /// The rubric: what a structure at this level shows.
    pub description: Option<String>,
}

/// Règles: how gaps and nonconformities weigh in decisions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rules {
    /// A level at or below this one is a major gap even where the criterion
    /// is not imperative (`niveau_ecart_majeur`, optional).
    pub major_gap_level: Option<i64>,
    /// This many minor gaps count as one major (`mineurs_pour_un_majeur`).
    pub minors_per_major: i64,
    pub major_deadline_months: i64,
    pub minor_deadline_months: i64,
}

impl Default for Rules {
    /// Qualiopi's public rules, which the label follows where it is silent.
    fn default() -> Self {
        Rules {
            major_gap_level: None,
            minors_per_major: 5,
            major_deadline_months: 3,
            minor_deadline_months: 6,
        }
    }
}

/// Cycle of the label: validity and surveillance audit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cycle {
    pub validity_months: i64,
    pub surveillance_months: i64,
}

impl Default for Cycle {
    fn default() -> Self {
        Cycle {
            validity_months: 36,
            surveillance_months: 18,
        }
    }
}

/// Principe: a theme of the referential grouping criteria.
#[derive(Clone, Debug)]
pub struct Principle {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    pub criteria: Vec<Criterion>,
}

/// Critère (criterion) of the referential.
#[derive(Clone, Debug)]
pub struct Criterion {
    pub id: String,
    /// Shared: every evaluation of every structure shows it.
    pub title: std::sync::Arc<str>,
    pub description: Option<String>,
    /// Expected level, already resolved against `echelle.attendu`.
    pub expected: i64,
    /// Impératif: below the expected level is a major gap.
    pub imperative: bool,
    /// May a structure declare it "non concerné"?
    pub not_applicable_allowed: bool,
    /// Preuves an auditor expects.
    pub evidence: Vec<String>,
    pub indicators: Vec<String>,
    pub audit_questions: Vec<String>,
    pub see_also: Vec<String>,
    /// The criterion's own rubric (`niveaux`): level value → descriptor.
    pub level_descriptors: BTreeMap<i64, String>,
    /// Structure types it applies to (`applicable_a`); `None`: all of the
    /// referential's `structures`.
    pub applicable_to: Option<Vec<StructureType>>,
}

impl Criterion {
    pub fn applies_to(&self, kind: StructureType) -> bool {
        self.applicable_to
            .as_ref()
            .is_none_or(|t| t.contains(&kind))
    }

    /// The rubric of `level` for this criterion: its own descriptor, else
    /// the scale's description.
    pub fn descriptor<'a>(&'a self, scale: &'a Scale, level: i64) -> Option<&'a str> {
        self.level_descriptors
            .get(&level)
            .map(String::as_str)
            .or_else(|| scale.level(level)?.description.as_deref())
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostics::Code;
    use crate::referential::testing::{BASE, referential};
    use crate::yaml::{Span, Spanned};

    #[test]
    fn an_unknown_reference_gets_the_closest_id() -> Result<(), String> {
        let referential = referential(BASE)?;
        let id = |value: &str| Spanned {
            value: value.to_string(),
            span: Span::START,
        };
        let mut checker = Vec::new();
        assert!(
            referential
                .reference(&mut checker, "f", &id("LAB-01"))
                .is_some()
        );
        assert!(
            referential
                .reference(&mut checker, "f", &id("LAB-O1"))
                .is_none()
        );
        let [d] = checker.as_slice() else {
            return Err(format!("{checker:?}"));
        };
        assert_eq!(d.code, Code::Crt001);
        assert_eq!(d.help.as_deref(), Some("vouliez-vous dire « LAB-01 » ?"));
        Ok(())
    }
}
