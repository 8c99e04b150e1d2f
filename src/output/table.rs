//! Condensed text tables, as cargo and ruff print them: a header, one rule
//! under it, then the rows with no rule between them. Cells wrap at spaces;
//! only a word longer than its whole column is cut, in linear time.

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

/// Space between two columns.
const GAP: &str = "  ";

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

    /// The table in at most `width` columns (when each column can have one
    /// character), every line ending with a newline, without trailing spaces.
    pub fn render(&self, width: usize) -> String {
        let n = self.header.len();
        let all = || std::iter::once(&self.header).chain(&self.rows);
        let mut natural = vec![0; n];
        let mut longest_word = vec![0; n];
        for row in all() {
            for (c, cell) in row.iter().enumerate() {
                let (line, word) = measure(cell);
                natural[c] = natural[c].max(line);
                longest_word[c] = longest_word[c].max(word);
            }
        }
        let available = width.saturating_sub(GAP.len() * n.saturating_sub(1));
        let widths = column_widths(&natural, &longest_word, available);
        let mut out = String::new();
        self.push_row(&mut out, &self.header, &widths);
        let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
        out.push_str(rule.join(GAP).trim_end());
        out.push('\n');
        for row in &self.rows {
            self.push_row(&mut out, row, &widths);
        }
        out
    }

    fn push_row(&self, out: &mut String, row: &[String], widths: &[usize]) {
        let cells: Vec<Vec<&str>> = row
            .iter()
            .zip(widths)
            .map(|(cell, w)| wrap(cell, *w))
            .collect();
        let height = cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
        for i in 0..height {
            let mut line = String::new();
            for (c, lines) in cells.iter().enumerate() {
                if c > 0 {
                    line.push_str(GAP);
                }
                let text = lines.get(i).copied().unwrap_or("");
                let pad = widths[c].saturating_sub(text.chars().count());
                match self.align[c] {
                    Align::Left => {
                        line.push_str(text);
                        line.extend(std::iter::repeat_n(' ', pad));
                    }
                    Align::Right => {
                        line.extend(std::iter::repeat_n(' ', pad));
                        line.push_str(text);
                    }
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
    }
}

/// Width in characters of a cell on one line, and of its longest word.
fn measure(cell: &str) -> (usize, usize) {
    let mut words = 0;
    let mut longest = 0;
    let mut count = 0usize;
    for word in cell.split_whitespace() {
        let n = word.chars().count();
        longest = longest.max(n);
        words += n;
        count += 1;
    }
    (words + count.saturating_sub(1), longest)
}

/// Widths that fit `available`: every column its natural width when they
/// all fit; else the widest columns shrink first, never below their longest
/// word while that is possible, and words are cut only when it is not.
fn column_widths(natural: &[usize], longest_word: &[usize], available: usize) -> Vec<usize> {
    if natural.iter().sum::<usize>() <= available {
        return natural.to_vec();
    }
    let floor: Vec<usize> = if longest_word.iter().sum::<usize>() <= available {
        longest_word.to_vec()
    } else {
        vec![1; natural.len()]
    };
    let at = |level: usize| -> Vec<usize> {
        natural
            .iter()
            .zip(&floor)
            .map(|(n, f)| level.clamp((*f).min(*n), *n))
            .collect()
    };
    // The highest level whose widths still fit (binary search: the total
    // grows with the level).
    let (mut low, mut high) = (0, natural.iter().copied().max().unwrap_or(0));
    while low < high {
        let mid = (low + high).div_ceil(2);
        if at(mid).iter().sum::<usize>() <= available {
            low = mid;
        } else {
            high = mid - 1;
        }
    }
    let mut widths = at(low);
    let mut spare = available.saturating_sub(widths.iter().sum());
    for (w, n) in widths.iter_mut().zip(natural) {
        if spare == 0 {
            break;
        }
        if *w < *n {
            *w += 1;
            spare -= 1;
        }
    }
    widths
}

/// Wraps `text` to `width` characters at spaces. A word longer than the
/// width is cut into pieces of exactly `width` characters: each character
/// is visited once, so a 100,000-character word costs no more than 100,000
/// characters of prose.
pub fn wrap(text: &str, width: usize) -> Vec<&str> {
    let width = width.max(1);
    let mut lines = Vec::new();
    // The current line: byte range in `text` and width in characters.
    let mut current: Option<(usize, usize, usize)> = None;
    for (start, word) in words(text) {
        let n = word.chars().count();
        if let Some((from, to, used)) = current {
            if used + 1 + n <= width {
                current = Some((from, start + word.len(), used + 1 + n));
                continue;
            }
            lines.push(&text[from..to]);
        }
        if n <= width {
            current = Some((start, start + word.len(), n));
            continue;
        }
        let mut piece_start = 0;
        let mut count = 0;
        for (i, _) in word.char_indices() {
            if count == width {
                lines.push(&word[piece_start..i]);
                piece_start = i;
                count = 0;
            }
            count += 1;
        }
        current = Some((start + piece_start, start + word.len(), count));
    }
    if let Some((from, to, _)) = current {
        lines.push(&text[from..to]);
    }
    lines
}

/// The words of `text` with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace()
        .map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

/// Wraps `text` as a paragraph: `first` before the first line, `rest`
/// before the others, each line at most `width` characters when possible.
pub fn paragraph(text: &str, width: usize, first: &str, rest: &str) -> String {
    let indent = first.chars().count().max(rest.chars().count());
    let mut out = String::new();
    for (i, line) in wrap(text, width.saturating_sub(indent)).iter().enumerate() {
        out.push_str(if i == 0 { first } else { rest });
        out.push_str(line);
        out.push('\n');
    }
    if out.is_empty() {
        out.push_str(first.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_17_words_are_never_split_when_they_fit() {
        let mut t = Table::new(&["Critère", "Intitulé", "Maj."]).right(&[2]);
        t.row(vec![
            "VAL-03".into(),
            "La confidentialité et la protection des données personnelles sont assurées".into(),
            "1".into(),
        ]);
        let text = t.render(40);
        for line in text.lines() {
            assert!(line.chars().count() <= 40, "{line}");
        }
        let words: Vec<&str> = text.split_whitespace().collect();
        for word in ["confidentialité", "protection", "personnelles", "assurées"] {
            assert!(words.contains(&word), "{word} split in:\n{text}");
        }
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
        assert!(start.elapsed() < std::time::Duration::from_secs(1));
        assert_eq!(lines.len(), 2_500);
        assert!(lines.iter().all(|l| l.chars().count() == 40));
        assert!(text.lines().all(|l| l.chars().count() <= 60));
        assert_eq!(text.matches('é').count(), 100_000);
    }

    #[test]
    fn wrap_keeps_words_and_cuts_only_long_ones() {
        assert_eq!(wrap("un deux trois", 7), vec!["un deux", "trois"]);
        assert_eq!(wrap("abcdefgh ij", 3), vec!["abc", "def", "gh", "ij"]);
        assert_eq!(wrap("", 5), Vec::<&str>::new());
    }

    #[test]
    fn narrow_widths_keep_the_longest_words_whole() {
        assert_eq!(
            column_widths(&[10, 30, 4], &[10, 12, 4], 40),
            vec![10, 26, 4]
        );
        assert_eq!(column_widths(&[10, 30, 4], &[10, 12, 4], 20), vec![8, 8, 4]);
    }

    #[test]
    fn paragraph_has_a_hanging_indent() {
        assert_eq!(
            paragraph("un deux trois quatre", 12, "  - ", "    "),
            "  - un deux\n    trois\n    quatre\n"
        );
    }
}
