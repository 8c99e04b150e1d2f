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
    }
}
