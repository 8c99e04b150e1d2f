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
use super::tables;

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
    for key in ["commentaire", "preuves"] {
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
