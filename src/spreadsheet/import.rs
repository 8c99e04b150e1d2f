//! `label import`: the answers of a filled sheet, checked cell by cell,
//! then written into the text of `autoevaluation.yaml` (see `apply`).

use std::collections::HashMap;

use super::cells::{self, Place};
use super::{Column, Grid, LevelCell, apply};
use crate::date::Date;
use crate::diagnostics::{Diagnostic, Finding, SheetFinding};
use crate::referential::{Referential, StructureType};

/// The answer one row gives.
#[derive(Clone, Debug)]
pub(super) struct Desired {
    /// The row, from 0.
    pub row: usize,
    pub id: String,
    pub level: Option<i64>,
    pub not_applicable: Option<String>,
    pub comment: Option<String>,
    pub evidence: Vec<String>,
}

/// The new text of `autoevaluation.yaml`, and the criteria whose answer
/// changed (none: the text is the original, byte for byte).
#[derive(Clone, Debug)]
pub struct Imported {
    pub text: String,
    pub changed: Vec<String>,
}

/// What the import is checked against.
pub struct Target<'a> {
    /// The text of `autoevaluation.yaml` and its name as shown.
    pub text: &'a str,
    pub shown: &'a str,
    pub referential: &'a Referential,
    /// The structure's id: a sheet whose « Structure » column names
    /// another one is refused (TAB009).
    pub structure: &'a str,
    pub kind: StructureType,
    pub today: Date,
}

/// Reads every row of `grid`; any cell it cannot take is a diagnostic, and
/// then nothing is to be written.
pub fn import(target: &Target, grid: &Grid, file_shown: &str) -> Result<Imported, Vec<Diagnostic>> {
    let place = Place {
        shown: file_shown,
        sheet: grid.sheet.as_deref(),
    };
    let columns = header(grid, &place)?;
    let reader = Rows {
        grid,
        place,
        columns: &columns,
        referential: target.referential,
        kind: target.kind,
    };
    if let Some(other) = reader.other_structure(target.structure) {
        return Err(vec![other]);
    }
    // Rows that can be read are still written and checked (in memory):
    // every problem is told in one run.
    let (desired, mut found) = reader.read();
    match apply::apply(target, &desired, &place, &columns) {
        Ok(imported) if found.is_empty() => Ok(imported),
        Ok(_) => Err(found),
        Err(mut more) => {
            found.append(&mut more);
            Err(found)
        }
    }
}

/// Where each column is, found by its header (any order, any case).
pub(super) type Columns = HashMap<ColumnKey, usize>;
pub(super) type ColumnKey = &'static str;

fn header(grid: &Grid, place: &Place) -> Result<Columns, Vec<Diagnostic>> {
    let normal = |text: &str| text.trim().to_lowercase();
    let header: Vec<String> = grid
        .rows
        .first()
        .map(|row| row.iter().map(|c| normal(&cells::text(Some(c)))).collect())
        .unwrap_or_default();
    let mut columns = Columns::new();
    let mut missing = Vec::new();
    for column in Column::ALL {
        match header.iter().position(|h| *h == normal(column.header())) {
            Some(index) => {
                columns.insert(column.header(), index);
            }
            None if column.is_answer() || column == Column::Criterion => {
                let finding = Finding::Sheet(SheetFinding::ColumnMissing {
                    column: column.header(),
                    columns: Column::headers(),
                });
                missing.push(Diagnostic::new(finding, place.location(0, header.len())));
            }
            None => {}
        }
    }
    if missing.is_empty() {
        Ok(columns)
    } else {
        Err(missing)
    }
}

struct Rows<'a> {
    grid: &'a Grid,
    place: Place<'a>,
    columns: &'a Columns,
    referential: &'a Referential,
    kind: StructureType,
}

impl Rows<'_> {
    fn index(&self, column: Column) -> usize {
        self.columns.get(column.header()).copied().unwrap_or(0)
    }

    fn text(&self, row: usize, column: Column) -> String {
        cells::text(self.grid.cell(row, self.index(column)))
    }

    fn describe(&self, row: usize, column: Column) -> String {
        self.place
            .describe(row, self.index(column), column.header())
    }

    fn at(&self, finding: Finding, row: usize, column: Column) -> Diagnostic {
        Diagnostic::new(finding, self.place.location(row, self.index(column)))
    }

    /// The first « Structure » cell that names another structure than
    /// `expected` (TAB009): the sheet is another structure's, and nothing
    /// of it is read. A sheet without that column (exported before it
    /// existed, or the column deleted) is read as it is.
    fn other_structure(&self, expected: &str) -> Option<Diagnostic> {
        if !self.columns.contains_key(Column::Structure.header()) {
            return None;
        }
        let row = (1..self.grid.rows.len()).find(|row| {
            let filled = Column::ALL.iter().any(|c| !self.text(*row, *c).is_empty());
            filled && self.text(*row, Column::Structure) != expected
        })?;
        let finding = Finding::Sheet(SheetFinding::OtherStructure {
            cell: self.describe(row, Column::Structure),
            found: self.text(row, Column::Structure),
            expected: expected.to_string(),
        });
        Some(self.at(finding, row, Column::Structure))
    }

    /// The answers of the rows that can be read, and why the others cannot.
    fn read(&self) -> (Vec<Desired>, Vec<Diagnostic>) {
        let ids: Vec<&str> = self
            .referential
            .applicable_criteria(self.kind)
            .map(|c| c.id.as_str())
            .collect();
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut found = Vec::new();
        let mut desired = Vec::new();
        for row in 1..self.grid.rows.len() {
            let id = self.text(row, Column::Criterion);
            let answered = Column::ALL
                .iter()
                .any(|c| c.is_answer() && !self.text(row, *c).is_empty());
            if id.is_empty() && !answered {
                continue;
            }
            if !ids.contains(&id.as_str()) {
                let finding = Finding::Sheet(SheetFinding::UnknownCriterion {
                    cell: self.describe(row, Column::Criterion),
                    suggestion: crate::suggest::closest(&id, ids.iter().copied()),
                    id,
                });
                found.push(self.at(finding, row, Column::Criterion));
                continue;
            }
            if let Some(first) = seen.get(&id) {
                let finding = Finding::Sheet(SheetFinding::DuplicateRow {
                    cell: self.describe(row, Column::Criterion),
                    id,
                    first: first + 1,
                });
                found.push(self.at(finding, row, Column::Criterion));
                continue;
            }
            seen.insert(id.clone(), row);
            match self.answer(row, id) {
                Ok(answer) => desired.push(answer),
                Err(diagnostic) => found.push(diagnostic),
            }
        }
        (desired, found)
    }

    /// The first cell of the row that the import reads and that holds a
    /// formula (TAB008): its value is a result, never an answer.
    fn formula(&self, row: usize) -> Option<Diagnostic> {
        let column = Column::ALL
            .into_iter()
            .filter(|c| c.is_answer() || *c == Column::Criterion)
            .find(|c| {
                self.columns.contains_key(c.header()) && self.grid.is_formula(row, self.index(*c))
            })?;
        let finding = Finding::Sheet(SheetFinding::Formula {
            cell: self.describe(row, column),
        });
        Some(self.at(finding, row, column))
    }

    fn answer(&self, row: usize, id: String) -> Result<Desired, Diagnostic> {
        if let Some(formula) = self.formula(row) {
            return Err(formula);
        }
        let cell = self.grid.cell(row, self.index(Column::Level));
        let level = cells::level(cell, &self.referential.scale);
        let level = level.map_err(|value| {
            let finding = Finding::Sheet(SheetFinding::LevelUnreadable {
                cell: self.describe(row, Column::Level),
                hint: cells::level_hint(&value, &self.referential.scale),
                value,
            });
            self.at(finding, row, Column::Level)
        })?;
        let justification = self.text(row, Column::Justification);
        let declared = level == LevelCell::NotApplicable;
        let some = |text: String| (!text.is_empty()).then_some(text);
        Ok(Desired {
            row,
            id,
            level: match level {
                LevelCell::Value(value) => Some(value),
                LevelCell::Empty | LevelCell::NotApplicable => None,
            },
            // A justification alone declares the criterion not concerned
            // too; one beside a level is refused by the rules (AUTO002).
            not_applicable: (declared || !justification.is_empty()).then_some(justification),
            comment: some(self.text(row, Column::Comment)),
            evidence: cells::lines(&self.text(row, Column::Evidence)),
        })
    }
}
