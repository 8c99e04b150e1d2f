//! The sheet as an Excel workbook (rust_xlsxwriter): the reference columns
//! locked (the sheet is protected, without password), the answer columns
//! open, the level chosen from a drop-down of the scale (with « non
//! concerné » where the criterion allows it), the header row frozen.
//! Same sheet, same bytes: the document's date is fixed.

use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DocProperties, ExcelDateTime, Format,
    FormatAlign, FormatBorder, ProtectionOptions, Workbook, Worksheet, XlsxError,
};

use crate::spreadsheet::{Column, LevelCell, Row, SHEET_NAME, Sheet};

/// The workbook's bytes; an error only for a cell past Excel's limits (a
/// text of more than 32 767 characters), told in French.
pub fn render(sheet: &Sheet) -> Result<Vec<u8>, String> {
    build(sheet).map_err(|e| match e {
        XlsxError::MaxStringLengthExceeded => {
            "classeur impossible à produire : un texte dépasse 32 767 caractères, la limite d'une cellule".to_string()
        }
        _ => "classeur impossible à produire".to_string(),
    })
}

fn build(sheet: &Sheet) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    // A fixed creation date: the same self-assessment gives the same file.
    let properties = DocProperties::new()
        .set_title(format!("Autoévaluation {}", sheet.title))
        .set_author("label")
        .set_creation_datetime(&ExcelDateTime::from_ymd(2026, 1, 1)?);
    workbook.set_properties(&properties);
    let formats = Formats::new();
    let worksheet = workbook.add_worksheet();
    worksheet.set_name(SHEET_NAME)?;
    for column in Column::ALL {
        let index = col(column);
        worksheet.set_column_width(index, width(column))?;
        worksheet.write_string_with_format(0, index, column.header(), &formats.header)?;
    }
    for (i, row) in sheet.rows.iter().enumerate() {
        let line = u32::try_from(i + 1).map_err(|_| XlsxError::RowColumnLimitError)?;
        write_row(worksheet, line, row, &formats, &sheet.legend)?;
    }
    worksheet.set_freeze_panes(1, col(Column::Criterion) + 1)?;
    // Printed: A4 landscape, one page wide, the header on every page.
    worksheet.set_landscape();
    worksheet.set_paper_size(9);
    worksheet.set_print_fit_to_pages(1, 0);
    worksheet.set_repeat_rows(0, 0)?;
    let options = ProtectionOptions {
        format_columns: true,
        format_rows: true,
        ..ProtectionOptions::new()
    };
    worksheet.protect_with_options(&options);
    workbook.save_to_buffer()
}

struct Formats {
    header: Format,
    reference: Format,
    answer: Format,
}

impl Formats {
    fn new() -> Formats {
        let cell = Format::new()
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_border(FormatBorder::Thin)
            .set_border_color(Color::RGB(0x00BF_BFBF));
        Formats {
            header: cell
                .clone()
                .set_bold()
                .set_background_color(Color::RGB(0x00D9_E1F2)),
            reference: cell.clone().set_background_color(Color::RGB(0x00F2_F2F2)),
            answer: cell
                .set_unlocked()
                .set_background_color(Color::RGB(0x00FF_F9E6)),
        }
    }
}

fn col(column: Column) -> u16 {
    u16::try_from(column.index()).unwrap_or(0)
}

/// Widths in characters: long texts wrap inside them.
fn width(column: Column) -> f64 {
    match column {
        Column::Principle | Column::Criterion => 10.0,
        Column::Structure => 16.0,
        Column::Level => 14.0,
        Column::Title | Column::ExpectedEvidence | Column::Evidence => 40.0,
        Column::Justification => 35.0,
        Column::Rubric => 60.0,
        Column::Comment => 50.0,
    }
}

fn write_row(
    sheet: &mut Worksheet,
    line: u32,
    row: &Row,
    formats: &Formats,
    legend: &str,
) -> Result<(), XlsxError> {
    for column in Column::ALL {
        let index = col(column);
        let format = if column.is_answer() {
            &formats.answer
        } else {
            &formats.reference
        };
        match (column, &row.level) {
            (Column::Level, LevelCell::Value(value)) => {
                #[allow(clippy::cast_precision_loss)]
                sheet.write_number_with_format(line, index, *value as f64, format)?;
            }
            _ => {
                let text = row.text(column);
                if text.is_empty() {
                    sheet.write_blank(line, index, format)?;
                } else {
                    sheet.write_string_with_format(line, index, &text, format)?;
                }
            }
        }
    }
    sheet.set_row_height(line, row_height(row))?;
    let choices = DataValidation::new()
        .allow_list_strings(&row.choices)?
        .set_error_style(DataValidationErrorStyle::Stop)
        .set_input_title("Niveau atteint")?
        .set_input_message(input_message(legend))?
        .set_error_title("Niveau inconnu")?
        .set_error_message(format!(
            "Choisissez dans la liste : {}.",
            row.choices.join(", ")
        ))?;
    let level = col(Column::Level);
    sheet.add_data_validation(line, level, line, level, &choices)?;
    Ok(())
}

/// The note shown on a level cell: the scale, within Excel's 255
/// characters.
fn input_message(legend: &str) -> String {
    let text = format!("Choisissez dans la liste : {legend}.");
    if text.chars().count() <= 255 {
        text
    } else {
        text.chars().take(254).chain(['…']).collect()
    }
}

/// A row tall enough for its longest wrapped cell (spreadsheets do not
/// size rows of a generated file by themselves), within Excel's 409
/// points.
fn row_height(row: &Row) -> f64 {
    let lines = Column::ALL
        .iter()
        .map(|c| wrapped_lines(&row.text(*c), width(*c)))
        .max()
        .unwrap_or(1);
    #[allow(clippy::cast_precision_loss)]
    let height = 15.0 * lines as f64;
    height.min(409.0)
}

/// Lines a text takes in a column `width` characters wide; proportional
/// fonts fit a few more characters than the width counts.
fn wrapped_lines(text: &str, width: f64) -> usize {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let per_line = (width * 1.3) as usize;
    text.lines()
        .map(|line| line.chars().count().div_ceil(per_line.max(1)).max(1))
        .sum::<usize>()
        .max(1)
}
