//! Rules on the decision rules (`regles`) and the label's cycle (`cycle`).

use crate::diagnostics::Finding;
use crate::yaml::Spanned;

use super::field::{Checker, report};
use super::model::{Cycle, Rules, Scale};
use super::raw::{RawCycle, RawRules};
use super::scale::check_cited_level;

fn bounded(
    c: &mut Checker,
    path: &str,
    key: &str,
    value: &Option<Spanned<i64>>,
    min: i64,
    max: i64,
    default: i64,
) -> i64 {
    let Some(value) = value else { return default };
    if value.value < min || value.value > max {
        let finding = Finding::RuleOutOfRange {
            key: key.into(),
            value: value.value,
            bounds: format!("{min} à {max}"),
        };
        report(c, finding, path, value.span);
    }
    value.value
}

pub(super) fn check_rules(
    c: &mut Checker,
    path: &str,
    raw: &RawRules,
    scale: Option<&Scale>,
) -> Rules {
    let d = Rules::default();
    let major_gap_level = raw.major_gap_level.as_ref().map(|level| {
        if let Some(scale) = scale {
            let cited = Spanned::new(level.value.to_string(), level.span);
            check_cited_level(c, path, scale, "regles.niveau_ecart_majeur", &cited);
        }
        level.value
    });
    Rules {
        major_gap_level,
        minors_per_major: bounded(
            c,
            path,
            "mineurs_pour_un_majeur",
            &raw.minors_per_major,
            1,
            100,
            d.minors_per_major,
        ),
        major_deadline_months: bounded(
            c,
            path,
            "delai_nc_majeure_mois",
            &raw.major_deadline_months,
            1,
            60,
            d.major_deadline_months,
        ),
        minor_deadline_months: bounded(
            c,
            path,
            "delai_nc_mineure_mois",
            &raw.minor_deadline_months,
            1,
            60,
            d.minor_deadline_months,
        ),
    }
}

pub(super) fn check_cycle(c: &mut Checker, path: &str, raw: &RawCycle) -> Cycle {
    let d = Cycle::default();
    let validity = bounded(
        c,
        path,
        "validite_mois",
        &raw.validity_months,
        1,
        120,
        d.validity_months,
    );
    let surveillance = bounded(
        c,
        path,
        "surveillance_mois",
        &raw.surveillance_months,
        1,
        validity.max(1),
        d.surveillance_months,
    );
    Cycle {
        validity_months: validity,
        surveillance_months: surveillance,
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostics::Code;
    use crate::referential::testing::{codes, referential, with};

    #[test]
    fn item_10_the_major_gap_level_is_read() -> Result<(), String> {
        let model = referential(&with("niveau_ecart_majeur: 1", "niveau_ecart_majeur: 2")?)?;
        assert_eq!(model.rules.major_gap_level, Some(2));
        let without = referential(&with("regles:\n  niveau_ecart_majeur: 1\n", "")?)?;
        assert_eq!(without.rules.major_gap_level, None);
        Ok(())
    }

    #[test]
    fn item_10_the_major_gap_level_must_be_a_level_of_the_scale() -> Result<(), String> {
        for outside in ["0", "5", "-1"] {
            let text = with(
                "niveau_ecart_majeur: 1",
                &format!("niveau_ecart_majeur: {outside}"),
            )?;
            assert_eq!(codes(&text), vec![Code::Ref013], "{outside}");
        }
        let top = with("niveau_ecart_majeur: 1", "niveau_ecart_majeur: 4")?;
        assert_eq!(codes(&top), vec![]);
        let text = with("niveau_ecart_majeur: 1", "niveau_ecart_majeur: un")?;
        assert_eq!(codes(&text), vec![Code::Sch003]);
        Ok(())
    }

    /// Both bounds are inclusive: the limits pass, one past them fails.
    #[test]
    fn rule_bounds_are_inclusive() -> Result<(), String> {
        let rule = |key: &str, value: i64| {
            with(
                "  niveau_ecart_majeur: 1\n",
                &format!("  niveau_ecart_majeur: 1\n  {key}: {value}\n"),
            )
        };
        for (key, min, max) in [
            ("mineurs_pour_un_majeur", 1, 100),
            ("delai_nc_majeure_mois", 1, 60),
            ("delai_nc_mineure_mois", 1, 60),
        ] {
            assert_eq!(codes(&rule(key, min)?), vec![], "{key} = {min}");
            assert_eq!(codes(&rule(key, max)?), vec![], "{key} = {max}");
            assert_eq!(
                codes(&rule(key, min - 1)?),
                vec![Code::Ref010],
                "{key} = {}",
                min - 1
            );
            assert_eq!(
                codes(&rule(key, max + 1)?),
                vec![Code::Ref010],
                "{key} = {}",
                max + 1
            );
        }
        let model = referential(&rule("mineurs_pour_un_majeur", 100)?)?;
        assert_eq!(model.rules.minors_per_major, 100);
        Ok(())
    }
}
