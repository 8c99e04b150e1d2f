//! An ods workbook's extent, measured before calamine expands it: a cell
//! or a row may say it repeats thousands of times, and a 13 KB file then
//! asks for gigabytes. Only repeats that reach a cell holding something
//! count, as in calamine (the trailing empty cells and rows LibreOffice
//! writes to the sheet's end cost nothing).

use std::io::{Cursor, Read};

/// The rows and columns the sheets of an ods span, up to their last
/// filled cell; none when `bytes` is no ods.
pub fn extent(bytes: &[u8], limit: u64) -> Option<(u64, u64)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut content = Vec::new();
    let file = archive.by_name("content.xml").ok()?;
    file.take(limit).read_to_end(&mut content).ok()?;
    Some(scan(&content))
}

fn scan(xml: &[u8]) -> (u64, u64) {
    let (mut rows, mut columns) = (0u64, 0u64);
    // Within the current table and row.
    let (mut row_at, mut repeats, mut width, mut filled) = (0u64, 1u64, 0u64, false);
    let mut rest = xml;
    while let Some(start) = rest.iter().position(|b| *b == b'<') {
        let end = rest[start..]
            .iter()
            .position(|b| *b == b'>')
            .map_or(rest.len(), |e| start + e);
        let tag = &rest[start + 1..end];
        rest = &rest[(end + 1).min(rest.len())..];
        let name = tag
            .split(|b| b.is_ascii_whitespace() || *b == b'/')
            .next()
            .unwrap_or_default();
        match name {
            b"table:table" => row_at = 0,
            b"table:table-row" => {
                repeats = attribute(tag, b"table:number-rows-repeated");
                (width, filled) = (0, false);
                if tag.ends_with(b"/") {
                    row_at = row_at.saturating_add(repeats);
                }
            }
            b"table:table-cell" | b"table:covered-table-cell" => {
                width = width.saturating_add(attribute(tag, b"table:number-columns-repeated"));
                let empty = tag.ends_with(b"/")
                    && !contains(tag, b"office:value-type")
                    && !contains(tag, b"table:formula");
                if !empty {
                    filled = true;
                    columns = columns.max(width);
                }
            }
            _ if tag == b"/table:table-row" => {
                row_at = row_at.saturating_add(repeats);
                if filled {
                    rows = rows.max(row_at);
                }
            }
            _ => {}
        }
    }
    (rows, columns)
}

fn contains(tag: &[u8], what: &[u8]) -> bool {
    tag.windows(what.len()).any(|w| w == what)
}

/// A repeat count (`name="12"`), 1 when absent.
fn attribute(tag: &[u8], name: &[u8]) -> u64 {
    let Some(at) = tag.windows(name.len()).position(|w| w == name) else {
        return 1;
    };
    tag[at + name.len()..]
        .iter()
        .skip_while(|b| matches!(b, b'=' | b'"' | b'\'' | b' '))
        .take_while(|b| b.is_ascii_digit())
        .fold(0u64, |n, d| {
            n.saturating_mul(10).saturating_add(u64::from(d - b'0'))
        })
        .max(1)
}

#[cfg(test)]
mod tests {
    use super::scan;

    #[test]
    fn repeats_count_up_to_the_last_filled_cell() {
        let sheet = br#"<table:table table:name="A"><table:table-row><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell><table:table-cell table:number-columns-repeated="1016"/></table:table-row><table:table-row table:number-rows-repeated="3"><table:table-cell table:number-columns-repeated="4"/><table:table-cell office:value-type="float" office:value="1"/></table:table-row><table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table>"#;
        assert_eq!(scan(sheet), (4, 5));
        let bomb = br#"<table:table-row table:number-rows-repeated="20000"><table:table-cell table:number-columns-repeated="1000" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>"#;
        assert_eq!(scan(bomb), (20_000, 1000));
    }
}
