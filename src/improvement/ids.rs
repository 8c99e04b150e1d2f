//! Identifiers of new actions: `A<n>` after the highest one of the plan,
//! at least two digits (`A01`). Numbers are decimal strings, so no id, however
//! long, overflows the next one: `A4294967295` is followed by `A4294967296`.

use crate::plan::Plan;

/// The ids of `count` new actions.
pub fn next_ids(plan: Option<&Plan>, count: usize) -> Vec<String> {
    let mut number = plan
        .iter()
        .flat_map(|p| &p.actions)
        .filter_map(|a| number_of(&a.id))
        .max_by(|a, b| a.len().cmp(&b.len()).then_with(|| a.cmp(b)))
        .map_or_else(|| "0".to_string(), str::to_string);
    (0..count)
        .map(|_| {
            number = increment(&number);
            format!("A{number:0>2}")
        })
        .collect()
}

/// The number of an id `A<digits>`, without its leading zeros.
fn number_of(id: &str) -> Option<&str> {
    let digits = id.strip_prefix('A')?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let number = digits.trim_start_matches('0');
    Some(if number.is_empty() { "0" } else { number })
}

/// A decimal number plus one.
fn increment(number: &str) -> String {
    let mut digits = number.as_bytes().to_vec();
    for digit in digits.iter_mut().rev() {
        if *digit == b'9' {
            *digit = b'0';
        } else {
            *digit += 1;
            return String::from_utf8(digits).unwrap_or_default();
        }
    }
    let mut out = String::with_capacity(digits.len() + 1);
    out.push('1');
    out.push_str(&String::from_utf8(digits).unwrap_or_default());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Action, ActionStatus};

    fn plan(ids: &[&str]) -> Plan {
        let action = |id: &&str| Action {
            id: id.to_string(),
            criteria: vec!["GOUV-01".into()],
            title: "t".into(),
            owner: None,
            due: None,
            status: ActionStatus::ToDo,
            origin: None,
            comment: None,
        };
        Plan {
            referential: "missions-locales".into(),
            version: "1.0.0".into(),
            structure: "ml-x".into(),
            actions: ids.iter().map(action).collect(),
        }
    }

    #[test]
    fn item_13_ids_never_overflow() {
        assert_eq!(
            next_ids(Some(&plan(&["A4294967295"])), 2),
            ["A4294967296", "A4294967297"]
        );
        assert_eq!(
            next_ids(
                Some(&plan(&["A99999999999999999999999999999999999999999"])),
                1
            ),
            ["A100000000000000000000000000000000000000000"]
        );
        assert_eq!(
            next_ids(Some(&plan(&["A18446744073709551615", "A7"])), 1),
            ["A18446744073709551616"]
        );
    }

    #[test]
    fn numbering_continues_after_the_highest() {
        assert_eq!(next_ids(None, 3), ["A01", "A02", "A03"]);
        assert_eq!(
            next_ids(Some(&plan(&["A09", "B12", "A0003", "A", "A1x", "A+5"])), 2),
            ["A10", "A11"]
        );
        assert_eq!(next_ids(Some(&plan(&["A99"])), 1), ["A100"]);
        assert_eq!(next_ids(Some(&plan(&["A000"])), 1), ["A01"]);
        assert_eq!(next_ids(Some(&plan(&["A07"])), 0), Vec::<String>::new());
    }
}
