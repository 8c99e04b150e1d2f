//! Reading a spreadsheet file into rows of cells: a workbook (`.xlsx`,
//! `.ods`, `.xls`, through calamine) or a CSV file (`,`, `;` or tab, UTF-8
//! with or without BOM, or the Windows-1252 French Excel writes; see
//! `csv_file`).

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, DataRef, Reader, SheetVisible, Sheets, Xlsx};

use super::table::{Cell, Grid, too_large};
use crate::diagnostics::{Diagnostic, Finding, Location, SheetFinding};

/// Larger than this, a file is no self-assessment of ours.
const MAX_BYTES: u64 = 32 * 1024 * 1024;

/// Reads the sheet named `sheet` (else the first one) of a workbook, or a
/// CSV file. The format comes from the file's name, else its first bytes.
pub fn read(path: &Path, shown: &str, sheet: &str) -> Result<Grid, Diagnostic> {
    let location = Location::file(shown);
    let unreadable = |detail: String| {
        Diagnostic::new(
            Finding::Sheet(SheetFinding::Unreadable { detail }),
            location.clone(),
        )
    };
    let meta =
        std::fs::metadata(path).map_err(|e| crate::source::io_diagnostic(&e, location.clone()))?;
    if !meta.is_file() {
        return Err(Diagnostic::new(Finding::SpecialFile, location.clone()));
    }
    if meta.len() > MAX_BYTES {
        return Err(unreadable("fichier de plus de 32 Mo".into()));
    }
    // The size told above is checked again while reading.
    let bytes = crate::source::read_bytes(path, shown)?;
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let workbook = ["xlsx", "xlsm", "ods", "xls"].contains(&extension.as_str())
        || bytes.starts_with(b"PK\x03\x04")
        || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]);
    if workbook {
        read_workbook(bytes, sheet).map_err(unreadable)
    } else {
        super::csv_file::read(&bytes).map_err(unreadable)
    }
}

/// More than this once inflated, a workbook is refused before it is read:
/// a zip of a few megabytes may hold gigabytes of XML.
const MAX_INFLATED: u64 = 256 * 1024 * 1024;

/// The parts of a zip workbook (xlsx, ods), by the sizes it announces.
fn check_inflated(bytes: &[u8], limit: u64) -> Result<(), String> {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        // Not a zip (an xls): calamine tells.
        return Ok(());
    };
    // The central directory's sizes, read without inflating anything.
    let total = (0..archive.len())
        .filter_map(|i| archive.by_index_raw(i).ok().map(|f| f.size()))
        .fold(0u64, u64::saturating_add);
    if total > limit {
        return Err(format!(
            "classeur de plus de {} Mo une fois décompressé",
            limit >> 20
        ));
    }
    Ok(())
}

fn read_workbook(bytes: Vec<u8>, wanted: &str) -> Result<Grid, String> {
    check_inflated(&bytes, MAX_INFLATED)?;
    if let Some((rows, columns)) = super::ods_guard::extent(&bytes, MAX_INFLATED) {
        let last = |n: u64| u32::try_from(n.saturating_sub(1)).unwrap_or(u32::MAX);
        if let Some(why) = too_large(last(rows), last(columns)) {
            return Err(why);
        }
    }
    let mut workbook = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|_| "ce n'est pas un classeur xlsx, ods ou xls lisible".to_string())?;
    let sheets = workbook.sheets_metadata();
    // The export's sheet, else the first one a person sees.
    let name = sheets
        .iter()
        .find(|s| s.name == wanted)
        .or_else(|| sheets.iter().find(|s| s.visible == SheetVisible::Visible))
        .or_else(|| sheets.first())
        .map(|s| s.name.clone())
        .ok_or("le classeur n'a aucune feuille")?;
    let unreadable = || format!("feuille « {name} » illisible");
    let mut grid = match &mut workbook {
        Sheets::Xlsx(xlsx) => read_xlsx(xlsx, &name).map_err(|e| e.unwrap_or_else(unreadable))?,
        other => read_range(other, &name).map_err(|()| unreadable())?,
    };
    grid.sheet = Some(name);
    Ok(grid)
}

/// An xlsx sheet, cell by cell as stored (never a range as large as the
/// one the file announces); `Err(None)`: unreadable.
fn read_xlsx<R: std::io::Read + std::io::Seek>(
    xlsx: &mut Xlsx<R>,
    name: &str,
) -> Result<Grid, Option<String>> {
    let mut reader = xlsx.worksheet_cells_reader(name).map_err(|_| None)?;
    let mut grid = Grid::default();
    while let Some(record) = reader.next_cell_with_formula_metadata().map_err(|_| None)? {
        let empty = matches!(record.value, DataRef::Empty);
        if empty && record.formula.is_none() {
            continue;
        }
        let (row, column) = record.pos;
        if let Some(why) = too_large(row, column) {
            return Err(Some(why));
        }
        let (row, column) = (to_usize(row), to_usize(column));
        if record.formula.is_some() {
            grid.formulas.push((row, column));
        }
        grid.set(row, column, cell(&Data::from(record.value)));
    }
    Ok(grid)
}

/// An ods or xls sheet, through calamine's range (bounded by the size of
/// the file once inflated).
fn read_range<R: std::io::Read + std::io::Seek>(
    workbook: &mut Sheets<R>,
    name: &str,
) -> Result<Grid, ()> {
    let range = workbook.worksheet_range(name).map_err(|_| ())?;
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut grid = Grid::default();
    for (row, column, data) in range.used_cells() {
        let (row, column) = (row + to_usize(top), column + to_usize(left));
        grid.set(row, column, cell(data));
    }
    if let Ok(formulas) = workbook.worksheet_formula(name) {
        let (top, left) = formulas.start().unwrap_or((0, 0));
        for (row, column, text) in formulas.used_cells() {
            if !text.is_empty() {
                grid.formulas
                    .push((row + to_usize(top), column + to_usize(left)));
            }
        }
    }
    Ok(grid)
}

fn to_usize(n: u32) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::Int(i) => Cell::Text(i.to_string()),
        Data::Float(f) => Cell::Number(*f),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Bool(b) => Cell::Text(if *b { "VRAI" } else { "FAUX" }.into()),
        Data::DateTime(d) => Cell::Text(d.to_string()),
        Data::Error(e) => Cell::Text(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_workbook_that_inflates_past_the_limit_is_refused_unread() -> Result<(), String> {
        use std::io::Write;
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true);
        zip.start_file("xl/worksheets/sheet1.xml", options)
            .map_err(|e| e.to_string())?;
        let zeros = vec![0u8; 1 << 20];
        for _ in 0..3 {
            zip.write_all(&zeros).map_err(|e| e.to_string())?;
        }
        let bytes = zip.finish().map_err(|e| e.to_string())?.into_inner();
        assert!(bytes.len() < 1 << 16, "a small file");
        assert_eq!(
            check_inflated(&bytes, 2 << 20),
            Err("classeur de plus de 2 Mo une fois décompressé".to_string())
        );
        assert_eq!(check_inflated(&bytes, 4 << 20), Ok(()));
        Ok(())
    }
}
