//! The fields of a YAML file found in its text, to build one hostile
//! variant per field: each `key:` line, its indentation and the lines of
//! its block.

/// One `key: value` or `key:` (block) line.
#[derive(Clone, Debug)]
pub struct Field {
    pub line: usize,
    pub indent: usize,
    pub key: String,
    /// The line after the last of its block (`line + 1` for a scalar).
    pub end: usize,
    /// Whether `- ` comes before the key (first key of a list item).
    pub dashed: bool,
}

/// Every field, once per (indentation, key): criterion ids count as one.
pub fn fields(text: &str) -> Vec<Field> {
    let lines: Vec<&str> = text.lines().collect();
    let mut seen = std::collections::HashSet::new();
    let mut found = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with('#') || trimmed.is_empty() {
            continue;
        }
        let dashed = trimmed.starts_with("- ");
        let body = trimmed.strip_prefix("- ").unwrap_or(trimmed);
        let Some((key, _)) = body.split_once(':') else {
            continue;
        };
        if key.is_empty() || key.contains([' ', '{', '[', '"', '\'']) {
            continue;
        }
        let indent = line.len() - body.len();
        let family = if key.chars().any(|c| c.is_ascii_uppercase()) {
            "*"
        } else {
            key
        };
        if !seen.insert((indent, family.to_string())) {
            continue;
        }
        let end = (i + 1..lines.len())
            .find(|&j| {
                let l = lines[j];
                !l.trim().is_empty() && l.len() - l.trim_start().len() <= indent
            })
            .unwrap_or(lines.len());
        found.push(Field {
            line: i,
            indent,
            key: key.to_string(),
            end,
            dashed,
        });
    }
    found
}

/// The text with `field`'s value (and its block) replaced by `value`.
pub fn with_value(text: &str, field: &Field, value: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let head = &lines[field.line][..field.indent];
    let mut out: Vec<String> = lines[..field.line].iter().map(|l| l.to_string()).collect();
    out.push(format!("{head}{}: {value}", field.key));
    out.extend(lines[field.end..].iter().map(|l| l.to_string()));
    out.join("\n") + "\n"
}

/// The text with `field`'s line written twice (a duplicate key at its
/// level).
pub fn duplicated(text: &str, field: &Field) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let line = lines[field.line];
    let again = format!("{}{}", " ".repeat(field.indent), &line[field.indent..]);
    let mut out: Vec<String> = lines[..field.end].iter().map(|l| l.to_string()).collect();
    out.push(again);
    out.extend(lines[field.end..].iter().map(|l| l.to_string()));
    out.join("\n") + "\n"
}
