//! Plain scalars typed as the YAML 1.2 core schema says.

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
    }
}
