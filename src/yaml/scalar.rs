//! Scalars both ways: plain scalars typed as the YAML 1.2 core schema says,
//! and texts written so that they read back as the same text.

use std::fmt::Write as _;

use super::node::Node;

/// The value of a plain (unquoted) scalar.
pub fn resolve(text: &str) -> Node {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Node::Null,
        "true" | "True" | "TRUE" => return Node::Bool(true),
        "false" | "False" | "FALSE" => return Node::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return Node::Float(f64::INFINITY);
        }
        "-.inf" | "-.Inf" | "-.INF" => return Node::Float(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return Node::Float(f64::NAN),
        _ => {}
    }
    if let Some(int) = integer(text) {
        return int;
    }
    if is_float(text)
        && let Ok(value) = text.parse::<f64>()
    {
        return Node::Float(value);
    }
    Node::Str(text.to_string())
}

/// Decimal, `0o` octal and `0x` hexadecimal integers; too large ones stay text.
fn integer(text: &str) -> Option<Node> {
    let parsed = if let Some(hex) = text.strip_prefix("0x") {
        (!hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| i64::from_str_radix(hex, 16))?
    } else if let Some(octal) = text.strip_prefix("0o") {
        (!octal.is_empty() && octal.bytes().all(|b| (b'0'..=b'7').contains(&b)))
            .then(|| i64::from_str_radix(octal, 8))?
    } else {
        let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
        (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| text.parse::<i64>())?
    };
    Some(parsed.map_or_else(|_| Node::Str(text.to_string()), Node::Int))
}

/// `[-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?`
fn is_float(text: &str) -> bool {
    let body = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let (whole, fraction) = match mantissa.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (mantissa, None),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match fraction {
        Some(f) => digits(whole) && digits(f) && !(whole.is_empty() && f.is_empty()),
        None => !whole.is_empty() && digits(whole),
    };
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    mantissa_ok && exponent_ok && (fraction.is_some() || exponent.is_some())
}

/// A text as a scalar that reads back as the same text in any YAML
/// reader: plain when that is safe, else double-quoted.
pub fn text(value: &str) -> String {
    if plain_is_safe(value) {
        value.to_string()
    } else {
        quoted(value)
    }
}

/// Like [`text`], inside a flow collection (`[a, b]`), where `,[]{}` end
/// a plain scalar.
pub fn text_in_flow(value: &str) -> String {
    if value.contains([',', '[', ']', '{', '}']) {
        quoted(value)
    } else {
        text(value)
    }
}

/// A YAML double-quoted string; characters a reader could take for a line
/// break or that YAML does not print are escaped.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if needs_escape(c) => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
        )
}

/// Words that YAML 1.1 readers (still common) take for booleans or null.
const YAML_1_1_WORDS: &[&str] = &[
    "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off",
    "OFF",
];

/// Whether `text` may be written unquoted and read back as itself, by this
/// parser and by YAML 1.1 readers: no indicator, no type of its own.
fn plain_is_safe(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    let reads_back = matches!(resolve(text), Node::Str(ref s) if s == text);
    reads_back
        && text.trim() == text
        && !"-?:,[]{}#&*!|>'\"%@`<=".contains(first)
        && !text.contains(": ")
        && !text.contains(" #")
        && !text.ends_with(':')
        && !text.chars().any(needs_escape)
        && !YAML_1_1_WORDS.contains(&text)
        && !looks_numeric(text)
}

/// Texts that some reader could take for a number, a time or a date other
/// than the `AAAA-MM-JJ` days and `1.0.0` versions our files write plain.
fn looks_numeric(text: &str) -> bool {
    let bytes = text.as_bytes();
    let starts_like_a_number = bytes[0].is_ascii_digit()
        || (matches!(bytes[0], b'+' | b'.') && bytes.get(1).is_some_and(u8::is_ascii_digit));
    starts_like_a_number
        && !is_day(bytes)
        && !is_version(text)
        && text
            .chars()
            .all(|c| "0123456789+-._:eExXoObBaAcCdDfF".contains(c))
}

fn is_day(bytes: &[u8]) -> bool {
    bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        })
}

fn is_version(text: &str) -> bool {
    let parts: Vec<&str> = text.split('.').collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_schema() {
        assert_eq!(resolve("3"), Node::Int(3));
        assert_eq!(resolve("-12"), Node::Int(-12));
        assert_eq!(resolve("0x1F"), Node::Int(31));
        assert_eq!(resolve("0o17"), Node::Int(15));
        assert_eq!(resolve("2.5"), Node::Float(2.5));
        assert_eq!(resolve("1e3"), Node::Float(1000.0));
        assert_eq!(resolve("true"), Node::Bool(true));
        assert_eq!(resolve("~"), Node::Null);
        assert_eq!(resolve("1.0.0"), Node::Str("1.0.0".into()));
        assert_eq!(resolve("2023-01-15"), Node::Str("2023-01-15".into()));
        assert_eq!(resolve("oui"), Node::Str("oui".into()));
        assert_eq!(resolve("yes"), Node::Str("yes".into()));
        assert_eq!(resolve("GOUV-01"), Node::Str("GOUV-01".into()));
        assert_eq!(
            resolve("99999999999999999999"),
            Node::Str("99999999999999999999".into())
        );
        assert_eq!(resolve("."), Node::Str(".".into()));
        assert_eq!(resolve("-"), Node::Str("-".into()));
        assert_eq!(resolve("-.inf"), Node::Float(f64::NEG_INFINITY));
        assert!(matches!(resolve(".NaN"), Node::Float(f) if f.is_nan()));
        for word in ["inf", "NaN", "infinity", "0x", "0xZZ", "0o9"] {
            assert_eq!(resolve(word), Node::Str(word.into()), "{word}");
        }
    }

    #[test]
    fn written_texts_read_back_as_the_same_text() -> Result<(), String> {
        let plain = [
            "A01",
            "GOUV-01",
            "2027-02-27",
            "1.0.0",
            "Directrice adjointe",
            "l'accueil",
        ];
        for value in plain {
            assert_eq!(text(value), value, "{value} stays plain");
        }
        let quoted_ones = [
            "2024",
            "null",
            "~",
            "yes",
            "No",
            "on",
            "0123",
            "1_000",
            "1:20",
            "0x1F",
            ".5",
            "1e3",
            "",
            " a",
            "a ",
            "- a",
            "a: b",
            "a #b",
            "#a",
            "&a",
            "*a",
            "!a",
            "|",
            ">",
            "'a",
            "\"a",
            "@a",
            "`a",
            "%a",
            "a:",
            "true",
            "FALSE",
            ".inf",
            "-1",
            "+1",
            "ligne\nsuivante",
            "tab\tici",
            "\u{2028}",
            "\u{feff}x",
            "\u{7}",
            "12.34-56.7",
            "2027-02-2",
            "1.2.3.4",
            "1..2",
        ];
        for value in quoted_ones {
            let written = text(value);
            assert!(
                written.starts_with('"'),
                "{value:?} must be quoted: {written}"
            );
            let parsed = crate::yaml::parse(&format!("k: {written}\n"))
                .map_err(|e| format!("{value:?}: {}", e.detail))?;
            let crate::yaml::Node::Map(entries) = parsed.value else {
                return Err(format!("{value:?}: not a map"));
            };
            assert_eq!(
                entries[0].1.value,
                Node::Str(value.to_string()),
                "{value:?}"
            );
        }
        assert_eq!(text_in_flow("a, b"), "\"a, b\"");
        assert_eq!(text_in_flow("VAL-03"), "VAL-03");
        Ok(())
    }
}
