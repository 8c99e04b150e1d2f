//! Reading a CSV file into rows of cells: `,`, `;` or tab separated,
//! UTF-8 with or without BOM, UTF-16 with its BOM, or the Windows-1252
//! French Excel writes.

use super::table::{Cell, Grid, too_large};

pub fn read(bytes: &[u8]) -> Result<Grid, String> {
    let text = decode(bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if let Some(line) = unclosed_quote(text) {
        return Err(format!(
            "CSV mal formé : le guillemet ouvert à la ligne {line} n'est jamais fermé"
        ));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(text))
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    // A field starting with `=` that export did not write (it puts a `'`
    // before one): a formula saved as such, not a value.
    let mut formulas = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| match e.position() {
            Some(at) => format!("CSV mal formé à la ligne {}", at.line()),
            None => "CSV mal formé".to_string(),
        })?;
        let last = u32::try_from(record.len())
            .unwrap_or(u32::MAX)
            .saturating_sub(1);
        let row = u32::try_from(rows.len()).unwrap_or(u32::MAX);
        if let Some(why) = too_large(row, last) {
            return Err(why);
        }
        let at = rows.len();
        formulas.extend(
            record
                .iter()
                .enumerate()
                .filter_map(|(column, field)| field.starts_with('=').then_some((at, column))),
        );
        rows.push(record.iter().map(csv_cell).collect());
    }
    Ok(Grid {
        sheet: None,
        rows,
        formulas,
    })
}

/// A CSV cell; the `'` that `label export` puts before a text a
/// spreadsheet would read as a formula goes.
fn csv_cell(field: &str) -> Cell {
    if field.is_empty() {
        return Cell::Empty;
    }
    let mut chars = field.chars();
    let neutralised = chars.next() == Some('\'')
        && chars
            .next()
            .is_some_and(|c| ['=', '+', '-', '@', '\t', '\r'].contains(&c));
    Cell::Text(if neutralised { &field[1..] } else { field }.to_string())
}

/// The separator of the header line: the most frequent of `;`, `,`, tab.
fn delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    [b';', b'\t', b',']
        .into_iter()
        .max_by_key(|d| first.bytes().filter(|b| b == d).count())
        .unwrap_or(b',')
}

/// UTF-8; UTF-16 after its BOM (Excel's « Texte Unicode »); else
/// Windows-1252 (French Excel's « CSV (séparateur : point-virgule) »).
fn decode(bytes: &[u8]) -> String {
    let utf16 = |big: bool| {
        let units = bytes[2..].chunks(2).map(|pair| match (pair, big) {
            ([a, b], true) => u16::from_be_bytes([*a, *b]),
            ([a, b], false) => u16::from_le_bytes([*a, *b]),
            _ => 0xFFFD,
        });
        char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect()
    };
    match bytes {
        [0xFF, 0xFE, ..] => utf16(false),
        [0xFE, 0xFF, ..] => utf16(true),
        _ => match std::str::from_utf8(bytes) {
            Ok(text) => text.to_string(),
            Err(_) => bytes.iter().map(|b| windows_1252(*b)).collect(),
        },
    }
}

/// The line where a quoted field opens and never closes: the csv reader
/// would silently take the rest of the file as that one cell.
fn unclosed_quote(text: &str) -> Option<usize> {
    let (mut quoted, mut opened, mut line) = (false, 0, 1);
    let mut at_start = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' && chars.peek() == Some(&'"') {
                chars.next();
            } else if c == '"' {
                quoted = false;
            }
        } else if c == '"' && at_start {
            (quoted, opened) = (true, line);
        }
        if c == '\n' {
            line += 1;
        }
        at_start = !quoted && matches!(c, ',' | ';' | '\t' | '\n' | '\r');
    }
    quoted.then_some(opened)
}

fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9f => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_of_french_excel_is_read() -> Result<(), String> {
        let bytes = b"Crit\xe8re;Niveau\r\nGOUV-01;'=1+1\r\n";
        let grid = read(bytes)?;
        assert_eq!(grid.rows[0][0], Cell::Text("Critère".into()));
        assert_eq!(grid.rows[1][1], Cell::Text("=1+1".into()));
        let grid = read("\u{feff}a,b\n1,\n".as_bytes())?;
        assert_eq!(grid.rows[1], vec![Cell::Text("1".into()), Cell::Empty]);
        Ok(())
    }

    #[test]
    fn an_unclosed_quote_is_told_at_its_line() {
        assert_eq!(unclosed_quote("a,b\nx,\"ok,,\n"), Some(2));
        assert_eq!(unclosed_quote("a,\"b\"\"c\"\nx,12\" \n"), None);
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("é;x".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&utf16), "é;x");
    }
}
