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
mod tests {
    use super::*;
    use crate::output::wrap::{paragraph, wrap};

    /// Every line of `text` within `width`, and each of `words` whole.
    fn check(text: &str, width: usize, words: &[&str]) {
        assert!(text.lines().all(|l| l.chars().count() <= width), "{text}");
        let all: Vec<&str> = text.split_whitespace().collect();
        for word in words {
            assert!(all.contains(word), "{word} split in:\n{text}");
        }
    }

    #[test]
    fn item_17_words_are_never_split_when_they_fit() {
        let mut t = Table::new(&["Critère", "Intitulé", "Maj."]).right(&[2]);
        let title = "La confidentialité et la protection des données personnelles sont assurées";
        t.row(vec!["VAL-03".into(), title.into(), "1".into()]);
        let words = ["confidentialité", "protection", "personnelles", "assurées"];
        check(&t.render(40), 40, &words);
    }

    #[test]
    fn item_17_condensed_style_has_one_rule_under_the_header() {
        let mut t = Table::new(&["A", "B"]);
        for i in 0..3 {
            t.row(vec![format!("a{i}"), format!("b{i}")]);
        }
        assert_eq!(t.render(80), "A   B\n──  ──\na0  b0\na1  b1\na2  b2\n");
    }

    #[test]
    fn item_17_figures_are_right_aligned() {
        let mut t = Table::new(&["Nom", "Taux"]).right(&[1]);
        t.row(vec!["x".into(), "9,5 %".into()]);
        t.row(vec!["y".into(), "100,0 %".into()]);
        assert!(t.render(80).contains("x      9,5 %\n"));
    }

    #[test]
    fn item_17_an_over_long_word_is_cut_in_linear_time() {
        let word = "é".repeat(100_000);
        let start = std::time::Instant::now();
        let lines = wrap(&word, 40);
        let mut t = Table::new(&["Code", "Titre"]);
        t.row(vec!["X".into(), word.clone()]);
        let text = t.render(60);
        let elapsed = start.elapsed();
        assert!(elapsed < std::time::Duration::from_secs(1), "{elapsed:?}");
        assert_eq!(lines.len(), 2_500);
        assert!(lines.iter().all(|l| l.chars().count() == 40));
        check(&text, 60, &["Code", "Titre"]);
        assert_eq!(text.matches('é').count(), 100_000);
        // Cut at the width of its column: every piece but the last fills it.
        let pieces: Vec<usize> = text.lines().map(|l| l.matches('é').count()).collect();
        assert_eq!(pieces.iter().max(), Some(&54));
        assert_eq!(pieces.iter().filter(|&&p| p != 54 && p != 0).count(), 1);
    }

    #[test]
    fn item_17_long_words_in_several_columns_keep_their_neighbours() {
        let mut t = Table::new(&["Code", "Titre", "N"]).right(&[2]);
        let long = "é".repeat(30_000);
        t.row(vec!["X".into(), format!("début {long} fin"), "12".into()]);
        t.row(vec!["a".repeat(20_000), "deux mots".into(), "1".into()]);
        let start = std::time::Instant::now();
        let text = t.render(60);
        assert!(start.elapsed() < std::time::Duration::from_secs(1));
        check(&text, 60, &["début", "fin", "deux", "mots", "12"]);
        assert_eq!(text.matches('é').count(), 30_001);
        assert_eq!(text.matches('a').count(), 20_000);
    }

    #[test]
    fn item_17_columns_keep_their_longest_word_only_while_squeezed() {
        let mut t = Table::new(&["Critère", "Intitulé", "Statut", "Niveau"]);
        let title = "Le projet est décliné en orientations stratégiques pluriannuelles";
        t.row(vec!["GOUV-03".into(), title.into(), "écart mineur".into()]);
        check(&t.render(44), 44, &["pluriannuelles"]);
        check(&t.render(10), 10, &[]);
        // Held only when squeezed: comfy-table pins a held column to its
        // minimum, which would wrap this one at every word.
        let header = "Principe|Actions|Réalisées|En cours|En retard|Avancement";
        let mut t = Table::new(&header.split('|').collect::<Vec<_>>()).right(&[1, 2, 3, 4, 5]);
        for name in [
            "GOUV Gouvernance et projet associatif",
            "VAL Positionnement",
        ] {
            let figures = ["1", "0", "0", "0", "0 %"].map(String::from);
            t.row([vec![name.to_string()], figures.to_vec()].concat());
        }
        let text = t.render(80);
        assert!(text.contains("\nGOUV Gouvernance et projet "), "{text}");
    }

    #[test]
    fn cells_are_normalised_and_long_words_cut_in_one_pass() {
        assert_eq!(fit(" un  deux\ttrois\n", 10, 10), "un deux trois");
        assert_eq!(fit("ab abcdefg hi", 4, 3), "ab abc\ndef\ng hi");
        assert_eq!(rule_widths("─── ── ─", 3), Some(vec![2, 1, 1]));
        assert_eq!(rule_widths("A   B", 2), None);
    }

    #[test]
    fn wrap_keeps_words_and_cuts_only_long_ones() {
        assert_eq!(wrap("un deux trois", 7), vec!["un deux", "trois"]);
        assert_eq!(wrap("abcdefgh ij", 3), vec!["abc", "def", "gh", "ij"]);
        assert_eq!(wrap("", 5), Vec::<&str>::new());
    }

    #[test]
    fn paragraph_has_a_hanging_indent() {
        assert_eq!(
            paragraph("un deux trois quatre", 12, "  - ", "    "),
            "  - un deux\n    trois\n    quatre\n"
        );
    }

    /// Issue 8 item 17: too narrow for the longest words side by side, the
    /// table grows wider rather than cut « ml-haute-cornouaille ».
    #[test]
    fn item_17_too_narrow_widens_instead_of_cutting_words() {
        let mut t = Table::new(&["Structure", "Région", "Taux"]).right(&[2]);
        t.row(vec![
            "ml-haute-cornouaille".into(),
            "Nouvelle-Aquitaine".into(),
            "51,4 %, incomplète (20/35)".into(),
        ]);
        t.row(vec![
            "ml-pays-de-vitre".into(),
            "Bretagne".into(),
            "94,3 %".into(),
        ]);
        for width in [20, 25, 40] {
            let text = t.render(width);
            for word in [
                "ml-haute-cornouaille",
                "Nouvelle-Aquitaine",
                "(20/35)",
                "Structure",
            ] {
                assert!(text.contains(word), "{word} cut at {width}:\n{text}");
            }
        }
        let text = t.render(40);
        for word in [
            "ml-haute-cornouaille",
            "Nouvelle-Aquitaine",
            "incomplète",
            "(20/35)",
            "Structure",
        ] {
            assert!(text.contains(word), "{word} cut:\n{text}");
        }
    }
}
