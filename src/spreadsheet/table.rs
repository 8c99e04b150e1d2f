//! The cells of one sheet as read from a file, and how large a sheet of
//! ours may be.

/// One cell's value.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
}

/// The cells of one sheet, from A1: `rows[0]` is row 1.
#[derive(Clone, Debug, Default)]
pub struct Grid {
    /// The sheet's name, for a workbook.
    pub sheet: Option<String>,
    pub rows: Vec<Vec<Cell>>,
    /// The cells (row, column, from 0) that hold a formula: their value
    /// is a result the spreadsheet computed, never taken as an answer.
    pub formulas: Vec<(usize, usize)>,
}

impl Grid {
    pub fn cell(&self, row: usize, column: usize) -> Option<&Cell> {
        self.rows.get(row)?.get(column)
    }

    /// Sets a cell, the rows and columns before it empty.
    pub(super) fn set(&mut self, row: usize, column: usize, cell: Cell) {
        if self.rows.len() <= row {
            self.rows.resize(row + 1, Vec::new());
        }
        let cells = &mut self.rows[row];
        if cells.len() <= column {
            cells.resize(column + 1, Cell::Empty);
        }
        cells[column] = cell;
    }

    /// Whether the cell holds a formula.
    pub fn is_formula(&self, row: usize, column: usize) -> bool {
        self.formulas.contains(&(row, column))
    }
}

/// Past these (told by [`too_large`]), a sheet is no self-assessment
/// of ours (a referential has a few hundred criteria): refused before a cell is stored, so that a
/// workbook announcing a cell at XFD1048576 costs nothing.
const MAX_ROWS: u32 = 10_000;
const MAX_COLUMNS: u32 = 200;

/// Why a cell at `row`, `column` (from 0) is past the limits.
pub(super) fn too_large(row: u32, column: u32) -> Option<String> {
    if row >= MAX_ROWS {
        Some("feuille de plus de 10 000 lignes".into())
    } else if column >= MAX_COLUMNS {
        Some("feuille de plus de 200 colonnes".into())
    } else {
        None
    }
}
