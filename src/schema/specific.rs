//! The self-assessment schema of one referential, for editors: the levels
//! of its scale with their rubric, every criterion with its title, expected
//! level and rubric, unknown ids flagged, N/A only where allowed.
//!
//! Besides draft-07, it uses the keywords the YAML language server reads
//! (`markdownDescription`, `markdownEnumDescriptions`, `enumDescriptions`,
//! `errorMessage`); other validators ignore them.

use serde_json::{Map, Value, json};

use crate::referential::{Criterion, Level, Referential};

use super::json::{document, or_null};
use super::rubric;
use crate::fields::tables;

/// The schema of `autoevaluation.yaml` for a structure assessed against
/// `referential`.
pub fn self_assessment(referential: &Referential) -> Value {
    let id = format!(
        "https://label.missions-locales.invalid/schemas/{}/{}/autoevaluation.schema.json",
        referential.id, referential.version
    );
    let title = format!(
        "Autoévaluation — {} ({} {})",
        referential.title, referential.id, referential.version
    );
    let mut schema = document(&id, &title, tables::SELF_ASSESSMENT);
    if let Some(map) = schema.as_object_mut() {
        let note = "Généré par « label init » à partir du référentiel : ne pas modifier ; \
            « label schema autoevaluation --referentiel ID@VERSION » le régénère.";
        map.insert("description".into(), json!(note));
    }
    let fixed = [
        ("/properties/referentiel", json!(referential.id)),
        (
            "/properties/version",
            json!(referential.version.to_string()),
        ),
    ];
    for (pointer, value) in fixed {
        if let Some(Value::Object(property)) = schema.pointer_mut(pointer) {
            property.insert("const".into(), value);
        }
    }
    let types: Vec<&str> = referential
        .structure_types
        .iter()
        .map(|t| t.keyword())
        .collect();
    if let Some(Value::Object(kind)) = schema.pointer_mut("/properties/structure/properties/type") {
        kind.insert("enum".into(), json!(types));
    }
    if let Some(Value::Object(properties)) = schema.pointer_mut("/properties") {
        properties.insert("reponses".into(), answers(referential));
    }
    schema
}

/// `reponses`: one property per criterion, in referential order.
fn answers(referential: &Referential) -> Value {
    let mut properties = Map::new();
    for criterion in referential.criteria() {
        properties.insert(criterion.id.clone(), answer(referential, criterion));
    }
    json!({
        "type": "object",
        "description": format!(
            "Réponses, par identifiant de critère du référentiel {} {}.",
            referential.id, referential.version
        ),
        "properties": properties,
        "additionalProperties": false,
    })
}

/// The answer for one criterion; empty means not assessed.
fn answer(referential: &Referential, criterion: &Criterion) -> Value {
    let generic = super::nested(tables::SELF_ASSESSMENT, "reponses");
    let mut properties = Map::new();
    properties.insert("niveau".into(), level(referential, criterion));
    for key in ["commentaire", "preuves", "a_revoir"] {
        if let Some(field) = generic.iter().find(|f| f.key == key) {
            let mut value = super::json::shape(&field.shape);
            if let Some(map) = value.as_object_mut() {
                map.insert("description".into(), json!(field.description));
            }
            properties.insert(key.into(), value);
        }
    }
    let mut schema = json!({
        "type": ["object", "null"],
        "title": format!("{} — {}", criterion.id, rubric::one_line(&criterion.title)),
        "description": rubric::criterion_text(referential, criterion),
        "markdownDescription": rubric::criterion_markdown(referential, criterion),
        "additionalProperties": false,
    });
    if criterion.not_applicable_allowed {
        properties.insert("non_concerne".into(), not_applicable());
        schema["if"] = json!({ "required": ["non_concerne"] });
        schema["then"] = json!({ "properties": { "niveau": {
            "type": "null",
            "errorMessage": "un critère déclaré non concerné n'a pas de niveau : \
                videz « niveau » ou retirez « non_concerne »",
        } } });
    }
    schema["properties"] = Value::Object(properties);
    schema
}

/// `niveau`: one of the scale's values, or empty (not assessed).
fn level(referential: &Referential, criterion: &Criterion) -> Value {
    let levels = &referential.scale.levels;
    let values: Vec<Value> = levels.iter().map(|l| json!(l.value)).collect();
    let describe = |markdown: bool| -> Vec<String> {
        let mut texts: Vec<String> = levels
            .iter()
            .map(|l| rubric::level_entry(criterion, l, markdown))
            .collect();
        texts.push("Non évalué (laisser vide).".into());
        texts
    };
    let expected = rubric::expected(referential, criterion);
    let mut schema = or_null(json!({ "enum": values }));
    schema["description"] = json!(format!(
        "Niveau atteint ; attendu : {expected}. Vide : non évalué."
    ));
    schema["enumDescriptions"] = json!(describe(false));
    schema["markdownEnumDescriptions"] = json!(describe(true));
    schema["errorMessage"] = json!(format!(
        "niveau hors de l'échelle : {}, ou vide (non évalué)",
        levels.iter().map(short).collect::<Vec<_>>().join(", ")
    ));
    schema
}

fn short(level: &Level) -> String {
    format!("{} ({})", level.value, level.label)
}

/// `non_concerne`: a justification, never empty.
fn not_applicable() -> Value {
    json!({
        "type": ["string", "number", "boolean"],
        "pattern": r"\S",
        "description": "Justification de la non-applicabilité : ce critère peut être \
            déclaré non concerné. Laissez alors « niveau » vide.",
        "errorMessage": "« non_concerne » demande une justification non vide",
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::referential::{Parts, validate};
    use crate::source::SourceFile;

    const REFERENTIAL: &str = "\
referentiel: essai
version: 2.1.0
titre: Essai
statut: publie
structures: [arml]
echelle:
  niveaux:
    - { valeur: 0, libelle: Absent, description: Rien n'existe. }
    - { valeur: 5, libelle: Acquis, description: Tout est en place. }
  attendu: 5
principes:
  - id: A
    titre: Principe
    criteres:
      - { id: A-01, titre: Premier, imperatif: true }
      - { id: A-02, titre: Second, non_concerne_possible: true, attendu: 0 }
";

    fn schema() -> Result<Value, &'static str> {
        let source = SourceFile::new("essai.yaml", REFERENTIAL);
        let loaded = validate(Parts::single(source, None));
        let referential = loaded.referential.ok_or("a valid referential")?;
        Ok(self_assessment(&referential))
    }

    #[test]
    fn levels_are_the_scale_with_their_rubric() -> Result<(), &'static str> {
        let schema = schema()?;
        let level = &schema["properties"]["reponses"]["properties"]["A-01"]["properties"]["niveau"];
        assert_eq!(level["enum"], json!([0, 5, null]));
        assert_eq!(
            level["enumDescriptions"],
            json!([
                "Absent — Rien n'existe.",
                "Acquis — Tout est en place. (niveau attendu)",
                "Non évalué (laisser vide)."
            ])
        );
        let hover = &schema["properties"]["reponses"]["properties"]["A-01"];
        assert_eq!(hover["title"], "A-01 — Premier");
        let text = hover["markdownDescription"].as_str().ok_or("markdown")?;
        assert!(text.starts_with("Impératif · niveau attendu : **5 (Acquis)**"));
        assert!(text.contains("- 0 **Absent** — Rien n'existe.\n"));
        Ok(())
    }

    #[test]
    fn unknown_ids_and_forbidden_not_applicable_are_closed() -> Result<(), &'static str> {
        let schema = schema()?;
        let answers = &schema["properties"]["reponses"];
        assert_eq!(answers["additionalProperties"], json!(false));
        let ids: Vec<&String> = answers["properties"]
            .as_object()
            .ok_or("properties")?
            .keys()
            .collect();
        assert_eq!(ids, ["A-01", "A-02"]);
        assert!(answers["properties"]["A-01"]["properties"]["non_concerne"].is_null());
        assert!(answers["properties"]["A-02"]["properties"]["non_concerne"].is_object());
        assert_eq!(schema["properties"]["version"]["const"], "2.1.0");
        assert_eq!(
            schema["properties"]["structure"]["properties"]["type"]["enum"],
            json!(["arml"])
        );
        Ok(())
    }
}
