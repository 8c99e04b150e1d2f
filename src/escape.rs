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

/// Text from a file inside a Markdown line or table cell (GitHub, GitLab):
/// inert whatever it holds. Control characters become visible, line
/// breaks a space; the characters Markdown or inline HTML would read
/// (`| \\ * _ [ ] < > & ~ `` ` ``) are backslash-escaped, as is a start that
/// would open a heading, a list or a quote.
pub fn markdown(text: &str) -> String {
    let flat = visible(text).replace(['\n', '\t'], " ");
    let mut out = String::with_capacity(flat.len() + 8);
    for c in flat.chars() {
        if matches!(
            c,
            '|' | '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '~' | '`'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    let trimmed = out.trim_start();
    let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
    let starts_block = trimmed.starts_with(['#', '+', '-', '=', '!'])
        || (digits > 0 && trimmed[digits..].starts_with(['.', ')']));
    if starts_block {
        let at = out.len() - trimmed.len() + if digits > 0 { digits } else { 0 };
        out.insert(at, '\\');
    }
    out
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

    #[test]
    fn item_4_markdown_text_is_inert() {
        use super::markdown;
        assert_eq!(markdown("a | b"), "a \\| b");
        assert_eq!(
            markdown("<script>alert(1)</script>"),
            "\\<script\\>alert(1)\\</script\\>"
        );
        assert_eq!(markdown("# titre"), "\\# titre");
        assert_eq!(markdown("12. liste"), "12\\. liste");
        assert_eq!(markdown("ligne\nsuite"), "ligne suite");
        assert_eq!(markdown("[x](http://a)"), "\\[x\\](http://a)");
        assert_eq!(markdown("2024-2028"), "2024-2028");
    }
}
