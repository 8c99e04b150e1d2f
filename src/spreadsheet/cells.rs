//! Cells as a person sees them: names (`G7`), places in diagnostics, and
//! the values `label import` reads from them.

use super::{Cell, LevelCell};
use crate::diagnostics::Location;
use crate::referential::Scale;
use crate::yaml::Span;

/// The spreadsheet being read, to name its cells in diagnostics.
#[derive(Clone, Copy, Debug)]
pub struct Place<'a> {
    /// The file, as shown to the user.
    pub shown: &'a str,
    /// The sheet read, for a workbook (a CSV file has none).
    pub sheet: Option<&'a str>,
}

impl Place<'_> {
    /// `feuille « Autoévaluation », cellule G7 (Niveau)`; rows and columns
    /// from 0.
    pub fn describe(&self, row: usize, column: usize, header: &str) -> String {
        let cell = format!("cellule {}{}", column_name(column), row + 1);
        let cell = match self.sheet {
            Some(sheet) => format!("feuille « {sheet} », {cell}"),
            None => cell,
        };
        if header.is_empty() {
            cell
        } else {
            format!("{cell} (« {header} »)")
        }
    }

    /// The cell as a diagnostic's place: line = row, column = column, both
    /// from 1, as in the spreadsheet.
    pub fn location(&self, row: usize, column: usize) -> Location {
        let span = Span {
            line: u32::try_from(row + 1).unwrap_or(u32::MAX),
            column: u32::try_from(column + 1).unwrap_or(u32::MAX),
            offset: 0,
            len: 0,
        };
        Location::new(self.shown, span)
    }
}

/// `A`…`Z`, `AA`…: the letters of a column, from 0.
pub fn column_name(column: usize) -> String {
    let mut name = Vec::new();
    let mut n = column + 1;
    while n > 0 {
        let rest = (n - 1) % 26;
        name.push(b'A' + u8::try_from(rest).unwrap_or(0));
        n = (n - 1) / 26;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

/// The text of a cell: a whole number without decimals, line breaks as
/// `\n`, no spaces around.
pub fn text(cell: Option<&Cell>) -> String {
    match cell {
        None | Some(Cell::Empty) => String::new(),
        Some(Cell::Number(n)) => whole(*n).map_or_else(|| n.to_string(), |i| i.to_string()),
        Some(Cell::Text(t)) => t.replace("\r\n", "\n").trim().to_string(),
    }
}

fn whole(n: f64) -> Option<i64> {
    // Levels are small: anything past 2^53 is no level anyway.
    let fits = n.fract() == 0.0 && n.abs() < 9_007_199_254_740_992.0;
    #[allow(clippy::cast_possible_truncation)]
    fits.then_some(n as i64)
}

/// The level a cell holds, or the text it holds instead. Besides the
/// value, a level may be written as its label (`Satisfait`) or as the
/// rubric shows it (`3 Satisfait`, `3 - Satisfait`), when both agree.
pub fn level(cell: Option<&Cell>, scale: &Scale) -> Result<LevelCell, String> {
    if let Some(Cell::Number(n)) = cell {
        return whole(*n).map(LevelCell::Value).ok_or_else(|| n.to_string());
    }
    let text = text(cell);
    let lowered = text.to_lowercase();
    if text.is_empty() {
        Ok(LevelCell::Empty)
    } else if let Ok(value) = text.parse::<i64>() {
        Ok(LevelCell::Value(value))
    } else if ["non concerné", "non concerne", "n/a", "nc"].contains(&lowered.as_str()) {
        Ok(LevelCell::NotApplicable)
    } else {
        labelled(&lowered, scale).map(LevelCell::Value).ok_or(text)
    }
}

/// `satisfait` or `3 - satisfait` (lowercase): the level whose label it
/// is, when exactly one level has that label and the number, if any, is
/// its value.
fn labelled(lowered: &str, scale: &Scale) -> Option<i64> {
    let (number, label) = split(lowered)?;
    let mut named = scale
        .levels
        .iter()
        .filter(|l| l.label.trim().to_lowercase() == label);
    let level = named.next()?;
    let agrees = number.is_empty() || number.parse::<i64>().ok() == Some(level.value);
    (named.next().is_none() && agrees).then_some(level.value)
}

/// `3 - satisfait` → (`3`, `satisfait`); `satisfait` → (``, `satisfait`);
/// none when a number runs into the label (`3satisfait`).
fn split(lowered: &str) -> Option<(&str, &str)> {
    let label_start = lowered.trim_start_matches(|c: char| c.is_ascii_digit());
    let (number, rest) = lowered.split_at(lowered.len() - label_start.len());
    let label = rest.trim_start_matches([' ', '-', '–', '—', ':', '.', '\u{a0}']);
    (number.is_empty() || label.len() < rest.len()).then_some((number, label))
}

/// What to write instead of a text that is no level: the level a label
/// names, or the list to choose from.
pub fn level_hint(text: &str, scale: &Scale) -> String {
    // `1 - Satisfait`: the label says which level was meant.
    let lowered = text.to_lowercase();
    let label = split(&lowered).map_or("", |(_, label)| label);
    if let Some(level) = scale
        .levels
        .iter()
        .find(|l| l.label.trim().to_lowercase() == label)
    {
        return format!(
            "« {} » est le niveau {} : écrivez {}",
            level.label, level.value, level.value
        );
    }
    let values: Vec<String> = scale.levels.iter().map(|l| l.value.to_string()).collect();
    format!(
        "écrivez l'un des niveaux {} (ou « {} » si le critère le permet), ou choisissez-le dans la liste",
        values.join(", "),
        super::NOT_APPLICABLE
    )
}

/// The lines of an evidence cell, one path or address each.
pub fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_named_as_in_a_spreadsheet() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(5), "F");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(27), "AB");
    }

    fn scale() -> Scale {
        let level = |value: i64, label: &str| crate::referential::Level {
            value,
            label: label.into(),
            description: None,
        };
        Scale {
            levels: vec![level(1, "Non satisfait"), level(3, "Satisfait")],
            expected: 3,
        }
    }

    #[test]
    fn levels_are_numbers_or_not_concerned() {
        let at = |cell: Cell| level(Some(&cell), &scale());
        assert_eq!(at(Cell::Number(3.0)), Ok(LevelCell::Value(3)));
        assert_eq!(at(Cell::Number(2.5)), Err("2.5".into()));
        assert_eq!(at(Cell::Text(" 4 ".into())), Ok(LevelCell::Value(4)));
        assert_eq!(
            at(Cell::Text("Non concerné".into())),
            Ok(LevelCell::NotApplicable)
        );
        assert_eq!(level(None, &scale()), Ok(LevelCell::Empty));
    }

    #[test]
    fn item_1_a_level_written_as_its_label_is_read() {
        let at = |text: &str| level(Some(&Cell::Text(text.into())), &scale());
        for text in [
            "Satisfait",
            "satisfait ",
            "3 - Satisfait",
            "3 Satisfait",
            "3—satisfait",
        ] {
            assert_eq!(at(text), Ok(LevelCell::Value(3)), "{text}");
        }
        assert_eq!(at("1 - Non satisfait"), Ok(LevelCell::Value(1)));
        for text in ["1 - Satisfait", "3Satisfait", "Bien", "4 - Satisfait"] {
            assert_eq!(at(text), Err(text.into()), "{text}");
        }
    }
}
