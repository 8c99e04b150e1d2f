//! New values as YAML text, in the style of the file they go into.

use super::Style;
use crate::yaml::scalar;

/// A value to write.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// Nothing after the key (`responsable:`).
    Null,
    /// A text: plain when it reads back as the same text, else quoted.
    Text(String),
    /// A text, always double-quoted.
    Quoted(String),
    /// A whole number, written plain (`niveau: 3`).
    Integer(i64),
    /// `true` or `false`.
    Bool(bool),
    /// A list on one line: `[a, b]`.
    Flow(Vec<Value>),
    /// A block mapping, entries in this order.
    Map(Vec<(String, Value)>),
    /// A block sequence.
    Seq(Vec<Value>),
}

impl Value {
    pub fn text(text: impl Into<String>) -> Value {
        Value::Text(text.into())
    }

    /// The value written on the line of its key, when it can be.
    pub(super) fn inline(&self) -> Option<String> {
        match self {
            Value::Null => Some(String::new()),
            Value::Text(text) => Some(scalar::text(text)),
            Value::Quoted(text) => Some(scalar::quoted(text)),
            Value::Integer(number) => Some(number.to_string()),
            Value::Bool(value) => Some(value.to_string()),
            Value::Flow(items) => Some(flow(items)),
            Value::Map(entries) if entries.is_empty() => Some("{}".into()),
            Value::Seq(items) if items.is_empty() => Some("[]".into()),
            Value::Map(_) | Value::Seq(_) => None,
        }
    }

    fn in_flow(&self) -> String {
        match self {
            Value::Null => "~".into(),
            Value::Text(text) => scalar::text_in_flow(text),
            Value::Quoted(text) => scalar::quoted(text),
            Value::Integer(number) => number.to_string(),
            Value::Bool(value) => value.to_string(),
            Value::Flow(items) | Value::Seq(items) => flow(items),
            Value::Map(entries) => {
                let inner: Vec<String> = entries
                    .iter()
                    .map(|(k, v)| format!("{}: {}", scalar::text_in_flow(k), v.in_flow()))
                    .collect();
                format!("{{{}}}", inner.join(", "))
            }
        }
    }
}

fn flow(items: &[Value]) -> String {
    let inner: Vec<String> = items.iter().map(Value::in_flow).collect();
    format!("[{}]", inner.join(", "))
}

/// A whole document whose root is a block mapping.
pub fn document(entries: &[(String, Value)], style: &Style) -> String {
    entries.iter().map(|(k, v)| entry(k, v, 0, style)).collect()
}

/// `key: value` at `indent`, with its line break.
pub(super) fn entry(key: &str, value: &Value, indent: usize, style: &Style) -> String {
    let pad = " ".repeat(indent);
    let key = scalar::text(key);
    let nl = style.newline;
    match value.inline() {
        Some(text) if text.is_empty() => format!("{pad}{key}:{nl}"),
        Some(text) => format!("{pad}{key}: {text}{nl}"),
        None => format!(
            "{pad}{key}:{nl}{}",
            block(value, indent + style.indent, style)
        ),
    }
}

/// `- item` with its dash at `indent`; a mapping starts on the dash's line.
pub(super) fn item(value: &Value, indent: usize, style: &Style) -> String {
    let pad = " ".repeat(indent);
    let nl = style.newline;
    if let Value::Map(entries) = value
        && !entries.is_empty()
    {
        let body = block(value, indent + 2, style);
        return format!("{pad}- {}", &body[indent + 2..]);
    }
    match value.inline() {
        Some(text) if text.is_empty() => format!("{pad}-{nl}"),
        Some(text) => format!("{pad}- {text}{nl}"),
        None => format!("{pad}-{nl}{}", block(value, indent + style.indent, style)),
    }
}

/// The lines of a block collection at `indent`.
fn block(value: &Value, indent: usize, style: &Style) -> String {
    match value {
        Value::Map(entries) => entries
            .iter()
            .map(|(k, v)| entry(k, v, indent, style))
            .collect(),
        Value::Seq(items) => items.iter().map(|i| item(i, indent, style)).collect(),
        _ => String::new(),
    }
}
