//! The formats of our files, described once: readers take their known keys
//! from these tables and `label schema` turns them into JSON Schemas.

mod files;
mod json;
mod rubric;
mod specific;

use clap::ValueEnum;

use crate::referential::Referential;

pub use crate::fields::{Field, Shape, keys, nested, tables};
pub use files::{
    FOLDER, kind_path, modeline, relative_path, self_assessment_path, write_kind_schema,
    write_self_assessment_schema,
};

/// The kinds of file a schema exists for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Kind {
    /// Un référentiel (forme fichier)
    Referentiel,
    /// referentiel.yaml d'un référentiel en forme dossier
    ReferentielDossier,
    /// Un fichier de principe (forme dossier)
    Principe,
    /// autoevaluation.yaml
    Autoevaluation,
    /// plan.yaml
    Plan,
    /// audit.yaml
    Audit,
}

impl Kind {
    pub const ALL: &'static [Kind] = &[
        Kind::Referentiel,
        Kind::ReferentielDossier,
        Kind::Principe,
        Kind::Autoevaluation,
        Kind::Plan,
        Kind::Audit,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Referentiel => "referentiel",
            Kind::ReferentielDossier => "referentiel-dossier",
            Kind::Principe => "principe",
            Kind::Autoevaluation => "autoevaluation",
            Kind::Plan => "plan",
            Kind::Audit => "audit",
        }
    }

    /// File name of the committed schema under `schemas/`.
    pub fn file_name(self) -> String {
        format!("{}.schema.json", self.name())
    }

    fn title(self) -> &'static str {
        match self {
            Kind::Referentiel => "Référentiel du label qualité des missions locales",
            Kind::ReferentielDossier => {
                "Référentiel en forme dossier : referentiel.yaml, sans les principes"
            }
            Kind::Principe => "Principe d'un référentiel (forme dossier)",
            Kind::Autoevaluation => "Autoévaluation d'une structure",
            Kind::Plan => "Plan d'amélioration de la qualité",
            Kind::Audit => "Audit de labellisation",
        }
    }

    fn fields(self) -> &'static [Field] {
        match self {
            Kind::Referentiel => tables::REFERENTIAL,
            Kind::ReferentielDossier => tables::REFERENTIAL_FOLDER,
            Kind::Principe => tables::PRINCIPLE,
            Kind::Autoevaluation => tables::SELF_ASSESSMENT,
            Kind::Plan => tables::PLAN,
            Kind::Audit => tables::AUDIT,
        }
    }
}

/// The JSON Schema (draft-07) of a kind of file, pretty-printed.
pub fn json_schema(kind: Kind) -> String {
    let id = format!(
        "https://label.missions-locales.invalid/schemas/{}",
        kind.file_name()
    );
    pretty(&json::document(&id, kind.title(), kind.fields()))
}

/// The JSON Schema of `autoevaluation.yaml` specific to one referential:
/// its levels, criteria and rubric, for editors. Pretty-printed.
pub fn self_assessment_schema(referential: &Referential) -> String {
    pretty(&specific::self_assessment(referential))
}

fn pretty(value: &serde_json::Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::Decoder;
    use crate::source::SourceFile;

    /// Keys a reader reports as missing on an empty mapping.
    fn missing(read: impl Fn(&mut Decoder)) -> Vec<String> {
        let source = SourceFile::new("x.yaml", "{}\n");
        let mut decoder = Decoder::new(&source);
        read(&mut decoder);
        let mut keys: Vec<String> = decoder
            .diagnostics
            .iter()
            .filter_map(|d| {
                d.message
                    .split('«')
                    .nth(1)
                    .map(|k| k.split('»').next().unwrap_or("").trim().to_string())
            })
            .collect();
        keys.sort();
        keys
    }

    fn required(fields: &[Field]) -> Vec<String> {
        let mut keys: Vec<String> = fields
            .iter()
            .filter(|f| f.required)
            .map(|f| f.key.to_string())
            .collect();
        keys.sort();
        keys
    }

    #[test]
    fn the_folder_header_is_the_referential_without_principles() {
        let mut header = keys(tables::REFERENTIAL);
        assert_eq!(header.pop(), Some("principes"));
        assert_eq!(keys(tables::REFERENTIAL_FOLDER), header);
    }

    #[test]
    fn readers_require_exactly_what_the_schemas_require() {
        assert_eq!(
            missing(|d| {
                crate::self_assessment::read(d);
            }),
            required(tables::SELF_ASSESSMENT)
        );
        assert_eq!(
            missing(|d| {
                crate::plan::read(d);
            }),
            required(tables::PLAN)
        );
        assert_eq!(
            missing(|d| {
                crate::audit::read(d);
            }),
            required(tables::AUDIT)
        );
    }
}
