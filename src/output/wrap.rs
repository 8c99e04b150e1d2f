//! Wrapping prose to a width at spaces, in linear time.

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

/// The words of `text` with their byte offsets. French typography puts a
/// space before « ; : ! ? » and inside « guillemets » : such punctuation
/// stays with its word (a line never starts with « ; » nor ends with « « »).
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let offset = move |w: &str| w.as_ptr() as usize - text.as_ptr() as usize;
    let mut raw = text.split_whitespace().peekable();
    std::iter::from_fn(move || {
        let first = raw.next()?;
        let start = offset(first);
        let mut end = start + first.len();
        let mut last = first;
        while let Some(next) = raw.peek() {
            let glued = next.starts_with([';', ':', '!', '?', '»']) || last == "«";
            if !glued {
                break;
            }
            end = offset(next) + next.len();
            last = next;
            raw.next();
        }
        Some((start, &text[start..end]))
    })
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
    use super::wrap;

    #[test]
    fn french_punctuation_never_starts_a_line() {
        let text = "Audits : 2 structures auditées (défavorable : 1) ; déclaration « label plan »";
        let lines = wrap(text, 48);
        assert_eq!(
            lines,
            [
                "Audits : 2 structures auditées (défavorable :",
                "1) ; déclaration « label plan »"
            ]
        );
        for line in wrap(text, 10) {
            assert!(!line.starts_with([';', ':', '»']), "{line}");
            assert!(!line.ends_with('«'), "{line}");
        }
    }
}
