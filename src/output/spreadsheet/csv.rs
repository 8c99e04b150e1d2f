//! The sheet as CSV: the header row, then one row per criterion; lists one
//! item per line of the cell. A text a spreadsheet would read as a formula
//! gets a leading `'`, which `label import` takes off again.

use crate::spreadsheet::{Column, Sheet};

/// `excel`: `;` and a UTF-8 BOM, as French Excel expects.
pub fn render(sheet: &Sheet, excel: bool) -> String {
    crate::output::csv_document(excel, Column::ALL.map(Column::header), |writer| {
        for row in &sheet.rows {
            let _ = writer.write_record(Column::ALL.map(|c| inert(&row.text(c))));
        }
    })
}

/// [`crate::escape::spreadsheet_cell`], and a text that already starts
/// with `'` before a formula sign keeps it: what import takes off is
/// always what export added.
fn inert(text: &str) -> String {
    let mut chars = text.chars();
    let quoted = chars.next() == Some('\'')
        && chars
            .next()
            .is_some_and(|c| ['=', '+', '-', '@', '\t', '\r'].contains(&c));
    if quoted {
        format!("'{}", crate::escape::visible(text))
    } else {
        crate::escape::spreadsheet_cell(text)
    }
}

#[cfg(test)]
mod tests {
    use super::inert;

    #[test]
    fn formulas_are_neutralised_reversibly() {
        assert_eq!(inert("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(inert("- fait"), "'- fait");
        assert_eq!(inert("'=déjà"), "''=déjà");
        assert_eq!(inert("Vitré"), "Vitré");
    }
}
