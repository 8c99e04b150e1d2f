//! The findings of `label import` on a spreadsheet (TAB…), their codes and
//! French wording: a cell is named by its sheet, its reference (`G7`) and
//! its column.

use super::super::Code;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SheetFinding {
    /// A file that is no spreadsheet of ours (TAB001).
    Unreadable { detail: String },
    /// A column of the export's header row is missing (TAB002).
    ColumnMissing {
        column: &'static str,
        columns: String,
    },
    /// A row that names no criterion of the structure (TAB003).
    UnknownCriterion {
        cell: String,
        id: String,
        suggestion: Option<String>,
    },
    /// A second row for one criterion (TAB004).
    DuplicateRow {
        cell: String,
        id: String,
        first: usize,
    },
    /// A level cell that holds no level (TAB005).
    LevelUnreadable {
        cell: String,
        value: String,
        hint: String,
    },
    /// The answer of a row breaks a rule of the self-assessment (TAB006).
    AnswerRefused {
        cell: String,
        detail: String,
        code: Code,
        help: Option<String>,
    },
    /// The answer of a row cannot be written without rewriting what a
    /// person wrote (a flow mapping…) (TAB007).
    AnswerNotWritable { cell: String, detail: String },
    /// A cell read by the import holds a formula: its result is never
    /// taken for an answer (TAB008).
    Formula { cell: String },
    /// A « Structure » cell names another structure than the folder's:
    /// the sheet was exported from another structure (TAB009).
    OtherStructure {
        cell: String,
        found: String,
        expected: String,
    },
}

impl SheetFinding {
    pub fn code(&self) -> Code {
        use SheetFinding::*;
        match self {
            Unreadable { .. } => Code::Tab001,
            ColumnMissing { .. } => Code::Tab002,
            UnknownCriterion { .. } => Code::Tab003,
            DuplicateRow { .. } => Code::Tab004,
            LevelUnreadable { .. } => Code::Tab005,
            AnswerRefused { .. } => Code::Tab006,
            AnswerNotWritable { .. } => Code::Tab007,
            Formula { .. } => Code::Tab008,
            OtherStructure { .. } => Code::Tab009,
        }
    }

    pub fn message(&self) -> String {
        use SheetFinding::*;
        match self {
            Unreadable { detail } => format!("tableur illisible : {detail}"),
            ColumnMissing { column, .. } => {
                format!("colonne « {column} » absente de la ligne d'en-tête (ligne 1)")
            }
            UnknownCriterion { cell, id, .. } if id.is_empty() => {
                format!("{cell} : ligne remplie sans identifiant de critère")
            }
            UnknownCriterion { cell, id, .. } => {
                format!("{cell} : critère « {id} » inconnu pour cette structure")
            }
            DuplicateRow { cell, id, first } => {
                format!("{cell} : le critère « {id} » a déjà sa ligne (ligne {first})")
            }
            LevelUnreadable { cell, value, .. } => {
                format!("{cell} : « {value} » n'est pas un niveau")
            }
            AnswerRefused {
                cell, detail, code, ..
            } => format!("{cell} : {detail} ({code})"),
            AnswerNotWritable { cell, detail } => format!(
                "la réponse de la {cell} ne peut pas être écrite ici sans réécrire le fichier : {detail}"
            ),
            Formula { cell } => format!(
                "{cell} : une formule, pas une valeur ; l'import ne prend pas le résultat d'un calcul pour une réponse"
            ),
            OtherStructure {
                cell,
                found,
                expected,
            } if found.is_empty() => format!(
                "{cell} : aucune structure indiquée ; ce tableur doit être celui de « {expected} »"
            ),
            OtherStructure {
                cell,
                found,
                expected,
            } => format!(
                "{cell} : ce tableur est celui de la structure « {found} », pas de « {expected} »"
            ),
        }
    }

    pub fn help(&self) -> Option<String> {
        use SheetFinding::*;
        match self {
            Unreadable { .. } => Some(
                "donnez le fichier .xlsx, .ods ou .csv de « label export », enregistré dans le même format".into(),
            ),
            ColumnMissing { columns, .. } => Some(format!(
                "gardez la ligne d'en-tête de « label export » : {columns}"
            )),
            UnknownCriterion {
                suggestion: Some(s),
                ..
            } => Some(format!("vouliez-vous dire « {s} » ?")),
            UnknownCriterion { .. } => Some(
                "gardez la colonne « Critère » telle que « label export » l'a écrite ; supprimez les lignes ajoutées".into(),
            ),
            DuplicateRow { .. } => Some("gardez une seule ligne par critère".into()),
            LevelUnreadable { hint, .. } => Some(hint.clone()),
            AnswerRefused { help, .. } => help.clone(),
            AnswerNotWritable { .. } => Some(
                "écrivez cette réponse sur plusieurs lignes (« niveau: », « commentaire: »… chacun sur sa ligne, les preuves en liste à tirets), puis relancez l'import".into(),
            ),
            Formula { .. } => Some(
                "tapez la valeur elle-même (ou Copier, puis Collage spécial → Valeurs) ; pour un texte qui commence par « = », mettez une apostrophe devant".into(),
            ),
            OtherStructure { expected, .. } => Some(format!(
                "importez ce tableur dans le dossier de sa structure, ou partez de « label export » du dossier de « {expected} »"
            )),
        }
    }
}
