//! Condensed text tables, as cargo and ruff print them, drawn by
//! comfy-table: a header, one rule under it, then the rows with no rule
//! between them. Cells wrap at spaces. A word longer than the whole table can
//! hold is cut here beforehand, in one pass, because comfy-table cuts long
//! words in quadratic time: it never sees a word longer than that bound.

use comfy_table::presets::NOTHING;
use comfy_table::{CellAlignment, ColumnConstraint, ContentArrangement, TableComponent, Width};

/// How a column's cells sit in their width.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// A table of text cells.
#[derive(Clone, Debug)]
pub struct Table {
    header: Vec<String>,
    align: Vec<Align>,
    rows: Vec<Vec<String>>,
}

/// Space between two columns: one cell of right padding, then the vertical
/// line drawn as a space.
const GAP: usize = 2;

/// The character of the rule under the header.
const RULE: char = '─';

impl Table {
    pub fn new(header: &[&str]) -> Table {
        Table {
            header: header.iter().map(|h| h.to_string()).collect(),
            align: vec![Align::Left; header.len()],
            rows: Vec::new(),
        }
    }

    /// Right-aligns the given columns (figures).
    pub fn right(mut self, columns: &[usize]) -> Table {
        for &c in columns {
            if let Some(a) = self.align.get_mut(c) {
                *a = Align::Right;
            }
        }
        self
    }

    /// Adds a row; missing cells are empty, extra ones are ignored.
    pub fn row(&mut self, mut cells: Vec<String>) {
        cells.resize(self.header.len(), String::new());
        self.rows.push(cells);
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The table in at most `width` columns, every line ending with a
    /// newline, without trailing spaces. A word is never cut unless it is
    /// longer than the whole width: when the longest words of the columns do
    /// not fit side by side, the table is wider than `width` instead.
    pub fn render(&self, width: usize) -> String {
        let n = self.header.len();
        if n == 0 {
            return String::new();
        }
        let width = width.min(usize::from(u16::MAX));
        // The room of all the columns: no column can be wider.
        let bound = width.saturating_sub(GAP * (n - 1)).max(1);
        let words = |c: usize| self.all_rows().flat_map(move |r| r[c].split_whitespace());
        let longest: Vec<usize> = (0..n)
            .map(|c| words(c).map(|w| w.chars().count()).max().unwrap_or(0))
            .collect();
        // Only a word longer than the whole width is ever cut.
        let lines = if longest.iter().any(|l| *l > width.max(1)) {
            let fits = match self.probe(&longest, bound, width) {
                Some(widths) => widths.into_iter().map(Fit::Exactly).collect(),
                None => vec![Fit::Free; n],
            };
            self.draw(&self.cells(bound, &fits), &fits, width)
        } else {
            self.hold(&longest, bound, width)
        };
        finish(lines, n)
    }

    /// Draws the table, then draws it again holding at its longest word each
    /// column comfy-table squeezed below it, as long as all the longest words
    /// fit side by side. Held columns are few: comfy-table pins a held column
    /// to its minimum even when it could have more.
    fn hold(&self, longest: &[usize], bound: usize, width: usize) -> Vec<String> {
        let n = longest.len();
        let mut fits = vec![Fit::Free; n];
        // Every word fits the width: none is cut before comfy-table.
        let rows = self.cells(width.max(bound), &fits);
        let room = longest.iter().sum::<usize>() <= bound;
        if !room {
            // Too narrow for the longest words side by side: the table gets
            // wider than asked rather than cut a word in the middle.
            let held: Vec<Fit> = longest.iter().map(|l| Fit::AtLeast(*l)).collect();
            return self.draw(&rows, &held, width);
        }
        loop {
            let lines = self.draw(&rows, &fits, width);
            let widths = lines.iter().find_map(|line| rule_widths(line, n));
            let short: Vec<usize> = (0..n)
                .filter(|&c| matches!(fits[c], Fit::Free))
                .filter(|&c| widths.as_ref().is_some_and(|w| w[c] < longest[c]))
                .collect();
            if short.is_empty() {
                return lines;
            }
            for c in short {
                fits[c] = Fit::AtLeast(longest[c]);
            }
        }
    }

    fn all_rows(&self) -> impl Iterator<Item = &Vec<String>> {
        std::iter::once(&self.header).chain(&self.rows)
    }

    /// The cells as comfy-table gets them (see [`fit`]).
    fn cells(&self, bound: usize, fits: &[Fit]) -> Vec<Vec<String>> {
        let piece = |f: &Fit| if let Fit::Exactly(w) = f { *w } else { bound };
        let cut = |(cell, f): (&String, &Fit)| fit(cell, bound, piece(f));
        let rows = self.all_rows();
        rows.map(|row| row.iter().zip(fits).map(cut).collect())
            .collect()
    }

    /// The content widths comfy-table gives the columns when some hold a
    /// word longer than `bound`. Such a column never fits its share of the
    /// width, so its own width does not depend on its content: one
    /// placeholder word stands for all of it, and comfy-table cuts one long
    /// word per column at most.
    fn probe(&self, longest: &[usize], bound: usize, width: usize) -> Option<Vec<usize>> {
        let long: Vec<bool> = longest.iter().map(|l| *l > bound).collect();
        let keep = |(cell, long): (&String, &bool)| match long {
            true => String::new(),
            false => fit(cell, bound, bound),
        };
        let mut rows: Vec<Vec<String>> = self
            .all_rows()
            .map(|row| row.iter().zip(&long).map(keep).collect())
            .collect();
        let placeholder = "x".repeat(bound + 1);
        let last = long.iter().map(|l| if *l { &placeholder } else { "" });
        rows.push(last.map(str::to_string).collect());
        let lines = self.draw(&rows, &vec![Fit::Free; long.len()], width);
        lines.iter().find_map(|line| rule_widths(line, long.len()))
    }

    /// The lines comfy-table draws for `rows` (the header first), each
    /// column's content width held as `fits` says.
    fn draw(&self, rows: &[Vec<String>], fits: &[Fit], width: usize) -> Vec<String> {
        let mut rows = rows.iter();
        let mut table = comfy_table::Table::new();
        table
            .load_preset(NOTHING)
            .set_style(TableComponent::HeaderLines, RULE)
            .set_style(TableComponent::MiddleHeaderIntersections, ' ')
            .set_style(TableComponent::VerticalLines, ' ')
            .force_no_tty()
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(u16::try_from(width).unwrap_or(u16::MAX))
            .set_header(rows.next().cloned().unwrap_or_default())
            .add_rows(rows.map(|row| row.iter()));
        let n = self.header.len();
        for (c, column) in table.column_iter_mut().enumerate() {
            let pad = u16::from(c + 1 < n);
            column.set_padding((0, pad));
            if self.align.get(c) == Some(&Align::Right) {
                column.set_cell_alignment(CellAlignment::Right);
            }
            if let Some(constraint) = fits.get(c).and_then(|f| f.constraint(pad)) {
                column.set_constraint(constraint);
            }
        }
        table.lines().collect()
    }
}

/// A column's content width: as comfy-table sees fit, never below the
/// column's longest word, or exactly the one a probe found (over-long words
/// are then cut to it).
#[derive(Clone, Copy, Debug)]
enum Fit {
    Free,
    AtLeast(usize),
    Exactly(usize),
}

impl Fit {
    fn constraint(self, pad: u16) -> Option<ColumnConstraint> {
        let with_pad =
            |w: usize| Width::Fixed(u16::try_from(w).unwrap_or(u16::MAX).saturating_add(pad));
        match self {
            Fit::Free => None,
            Fit::AtLeast(w) => Some(ColumnConstraint::LowerBoundary(with_pad(w))),
            Fit::Exactly(w) => Some(ColumnConstraint::Absolute(with_pad(w))),
        }
    }
}

/// `cell` on one line, its words separated by one space, except that each
/// word longer than `bound` characters is cut into lines of `piece`
/// characters. Each character is visited a bounded number of times.
fn fit(cell: &str, bound: usize, piece: usize) -> String {
    let piece = piece.max(1);
    let mut out = String::with_capacity(cell.len());
    for word in cell.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.chars().nth(bound).is_none() {
            out.push_str(word);
            continue;
        }
        for (i, ch) in word.chars().enumerate() {
            if i > 0 && i % piece == 0 {
                out.push('\n');
            }
            out.push(ch);
        }
    }
    out
}

/// The content width of each of the `n` columns when `line` is comfy-table's
/// rule under the header: runs of the rule character, one per column, each
/// but the last one longer by its padding, separated by one space.
fn rule_widths(line: &str, n: usize) -> Option<Vec<usize>> {
    if !line.starts_with(RULE) || line.chars().any(|c| c != RULE && c != ' ') {
        return None;
    }
    let runs: Vec<usize> = line.split(' ').map(|run| run.chars().count()).collect();
    if runs.len() != n || runs.contains(&0) {
        return None;
    }
    let last = n - 1;
    Some((0..n).map(|c| runs[c] - usize::from(c < last)).collect())
}

/// The table's text: lines without trailing spaces, and the rule under the
/// header drawn under the content only, two spaces between columns.
fn finish(lines: Vec<String>, n: usize) -> String {
    let mut out = String::new();
    let mut ruled = false;
    for line in lines {
        match rule_widths(&line, n).filter(|_| !ruled) {
            Some(widths) => {
                ruled = true;
                let runs: Vec<String> =
                    widths.iter().map(|w| RULE.to_string().repeat(*w)).collect();
                out.push_str(&runs.join(&" ".repeat(GAP)));
            }
            None => out.push_str(line.trim_end()),
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests;
