//! French typography of the printed reports: the space before « : » is a
//! non-breaking space, the one before « ; ! ? % » a narrow non-breaking
//! space, and the spaces inside « » non-breaking, so that a line never
//! starts with « : » or « % » nor ends with « « ». Only text is changed:
//! in HTML, never a tag, an attribute or the style sheet.

const NBSP: char = '\u{a0}';
const NNBSP: char = '\u{202f}';

/// The spaces of one run of text made non-breaking where French wants it.
pub fn text(run: &str) -> String {
    let chars: Vec<char> = run.chars().collect();
    let mut out = String::with_capacity(run.len() + 16);
    for (i, c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let previous = i.checked_sub(1).map(|p| chars[p]);
        let replaced = match (previous, *c, next) {
            (_, ' ', Some(':' | '»')) => NBSP,
            (_, ' ', Some(';' | '!' | '?' | '%')) => NNBSP,
            (Some('«'), ' ', _) => NBSP,
            _ => *c,
        };
        out.push(replaced);
    }
    out
}

/// A whole HTML document: [`text`] applied between tags, outside
/// `<style>` and `<script>`.
pub fn html(document: &str) -> String {
    let mut out = String::with_capacity(document.len() + 256);
    let mut rest = document;
    while let Some(open) = rest.find('<') {
        out.push_str(&text(&rest[..open]));
        rest = &rest[open..];
        let raw_end = ["<style", "<script"]
            .iter()
            .find(|tag| rest.starts_with(**tag))
            .and_then(|tag| rest.find(&format!("</{}", &tag[1..])));
        let end = raw_end
            .or_else(|| rest.find('>').map(|e| e + 1))
            .unwrap_or(rest.len());
        out.push_str(&rest[..end]);
        rest = &rest[end..];
    }
    out.push_str(&text(rest));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_before_double_punctuation_do_not_break() {
        assert_eq!(
            text("Taux : 94,3 % ; « oui » !"),
            "Taux\u{a0}: 94,3\u{202f}%\u{202f}; «\u{a0}oui\u{a0}»\u{202f}!"
        );
        assert_eq!(text("http://x.fr:80 a"), "http://x.fr:80 a");
    }

    #[test]
    fn only_html_text_changes() {
        let page = "<style>a { b : c ; }</style><p title=\"x : y\">Taux : 5 %</p>";
        assert_eq!(
            html(page),
            "<style>a { b : c ; }</style><p title=\"x : y\">Taux\u{a0}: 5\u{202f}%</p>"
        );
    }
}
