//! The frame every CSV output shares: `,` by default, or `;` and a UTF-8
//! BOM for French Excel (`--excel`); the rows are the caller's.

/// A CSV document with `header`, then the rows `write` adds.
pub fn csv_document<H, F>(excel: bool, header: H, write: F) -> String
where
    H: IntoIterator,
    H::Item: AsRef<[u8]>,
    F: FnOnce(&mut csv::Writer<Vec<u8>>),
{
    let mut writer = csv::WriterBuilder::new()
        .delimiter(if excel { b';' } else { b',' })
        .from_writer(Vec::new());
    // Writing into memory cannot fail.
    let _ = writer.write_record(header);
    write(&mut writer);
    let bytes = writer.into_inner().unwrap_or_default();
    let text = String::from_utf8(bytes).unwrap_or_default();
    if excel {
        format!("\u{feff}{text}")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::csv_document;

    #[test]
    fn excel_gets_semicolons_and_a_bom() {
        let rows = |w: &mut csv::Writer<Vec<u8>>| {
            let _ = w.write_record(["1", "a;b"]);
        };
        assert_eq!(csv_document(false, ["x", "y"], rows), "x,y\n1,a;b\n");
        assert_eq!(
            csv_document(true, ["x", "y"], rows),
            "\u{feff}x;y\n1;\"a;b\"\n"
        );
    }
}
