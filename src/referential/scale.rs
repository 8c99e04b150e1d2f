//! Rules on the scale (`echelle`) and on every level a referential cites.

use crate::diagnostics::Finding;
use crate::yaml::Spanned;

use super::field::{Checker, non_empty, report};
use super::model::{Level, Scale};
use super::raw::RawScale;

pub(super) fn check_scale(c: &mut Checker, path: &str, raw: &RawScale) -> Option<Scale> {
    if raw.levels.len() < 2 {
        report(c, Finding::ScaleTooShort, path, raw.span);
    }
    let mut levels: Vec<Level> = Vec::new();
    for level in &raw.levels {
        let label = non_empty(c, "libelle", &level.label, path);
        let Some(value) = &level.value else { continue };
        if let Some(previous) = levels.last().filter(|p| p.value >= value.value) {
            let finding = Finding::ScaleNotIncreasing {
                previous: previous.value,
                value: value.value,
            };
            report(c, finding, path, value.span);
        }
        let description = level.description.as_ref().map(|d| d.value.trim());
        if description.is_none_or(str::is_empty) {
            let finding = Finding::LevelWithoutDescription {
                value: value.value,
                label: label.clone().unwrap_or_default(),
            };
            report(c, finding, path, level.span);
        }
        levels.push(Level {
            value: value.value,
            label: label.unwrap_or_default(),
            description: description.filter(|d| !d.is_empty()).map(str::to_string),
        });
    }
    let scale = Scale {
        levels,
        expected: raw.expected.as_ref()?.value,
    };
    let expected = raw.expected.as_ref()?;
    check_level(c, path, &scale, expected);
    Some(scale)
}

pub(super) fn check_level(c: &mut Checker, path: &str, scale: &Scale, value: &Spanned<i64>) {
    if scale.level(value.value).is_none() && !scale.levels.is_empty() {
        let finding = Finding::ExpectedNotInScale {
            value: value.value,
            levels: level_list(scale),
        };
        report(c, finding, path, value.span);
    }
}

/// The scale's values, as help texts list them: `1, 2, 3, 4`.
pub(super) fn level_list(scale: &Scale) -> String {
    let values: Vec<String> = scale.levels.iter().map(|l| l.value.to_string()).collect();
    values.join(", ")
}

/// A level that a rule or a rubric cites (`key`) must be one of the scale.
pub(super) fn check_cited_level(
    c: &mut Checker,
    path: &str,
    scale: &Scale,
    key: &str,
    value: &Spanned<String>,
) -> Option<i64> {
    let level = value.value.trim().parse::<i64>().ok();
    if level.is_some_and(|l| scale.level(l).is_some()) || scale.levels.is_empty() {
        return level;
    }
    let finding = Finding::LevelOutsideScale {
        key: key.into(),
        value: value.value.clone(),
        levels: level_list(scale),
    };
    report(c, finding, path, value.span);
    None
}

#[cfg(test)]
mod tests {
    use crate::diagnostics::Code;
    use crate::referential::testing::{BASE, codes, with};

    #[test]
    fn item_11_the_base_is_clean() {
        assert_eq!(codes(BASE), vec![]);
    }

    #[test]
    fn item_11_a_level_without_description_is_a_warning() -> Result<(), String> {
        let text = with(", description: En partie. }", " }")?;
        assert_eq!(codes(&text), vec![Code::Ref106]);
        let blank = with("description: En partie.", "description: \"  \"")?;
        assert_eq!(codes(&blank), vec![Code::Ref106]);
        Ok(())
    }

    #[test]
    fn item_11_rubric_keys_must_be_levels_of_the_scale() -> Result<(), String> {
        let outside = with("          2: Nommés", "          5: Nommés")?;
        assert_eq!(codes(&outside), vec![Code::Ref013]);
        let words = with("          2: Nommés", "          deux: Nommés")?;
        assert_eq!(codes(&words), vec![Code::Ref013]);
        Ok(())
    }
}
