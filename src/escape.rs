//! Escaping text from files for where it goes. A file may hold anything;
//! a terminal must never receive its control sequences.

use std::borrow::Cow;

/// Text for a terminal or a one-line format: control characters (C0, DEL,
/// C1, including ESC and newlines) become `\u{…}` escapes, visible and
/// inert.
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    let mut safe = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() {
            safe.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            safe.push(c);
        }
    }
    Cow::Owned(safe)
}

/// A multi-line human output: like [`terminal_safe`], but its own line
/// breaks and tabs stay.
pub fn visible(text: &str) -> Cow<'_, str> {
    let inert = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !text.chars().any(inert) {
        return Cow::Borrowed(text);
    }
    let mut safe = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if inert(c) {
            safe.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            safe.push(c);
        }
    }
    Cow::Owned(safe)
}

/// A cell of text from a file, safe in a spreadsheet: control characters
/// made visible, and a leading `= + - @`, tab or CR neutralised with `'`
/// (formula injection, as OWASP recommends).
pub fn spreadsheet_cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{}", visible(text))
    } else {
        visible(text).into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::terminal_safe;

    #[test]
    fn escape_sequences_become_visible() {
        assert_eq!(terminal_safe("a\u{1b}[31mb\n"), "a\\u{1b}[31mb\\u{a}");
        assert_eq!(terminal_safe("\u{9b}x\u{7f}"), "\\u{9b}x\\u{7f}");
        assert!(matches!(
            terminal_safe("Vitré"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(super::visible("a\u{1b}b\nc\td\r"), "a\\u{1b}b\nc\td\\u{d}");
    }
}
