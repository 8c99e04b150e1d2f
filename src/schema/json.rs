//! JSON Schema (draft-07) from the tables, for editors (VS Code YAML).

use serde_json::{Map, Value, json};

use crate::fields::{CRITERION_ID, Field, Shape};

/// The schema of a whole file.
pub fn document(id: &str, title: &str, fields: &[Field]) -> Value {
    let mut schema = Map::new();
    schema.insert(
        "$schema".into(),
        json!("http://json-schema.org/draft-07/schema#"),
    );
    schema.insert("$id".into(), json!(id));
    schema.insert("title".into(), json!(title));
    if let Value::Object(body) = object(fields) {
        schema.extend(body);
    }
    Value::Object(schema)
}

fn object(fields: &[Field]) -> Value {
    let mut properties = Map::new();
    for field in fields {
        let mut value = shape(&field.shape);
        if let Some(map) = value.as_object_mut() {
            map.insert("description".into(), json!(field.description));
        }
        properties.insert(field.key.into(), value);
    }
    let required: Vec<&str> = fields
        .iter()
        .filter(|f| f.required)
        .map(|f| f.key)
        .collect();
    let mut schema = json!({
        "type": "object",
        "properties": properties,
        "additionalProperties": false,
    });
    if !required.is_empty() {
        schema["required"] = json!(required);
    }
    schema
}

pub fn shape(s: &Shape) -> Value {
    match s {
        // Numbers are accepted where texts are expected, as the reader does.
        Shape::Text => json!({ "type": ["string", "number", "boolean", "null"] }),
        Shape::Integer => json!({ "type": "integer" }),
        Shape::Bool => json!({ "type": "boolean" }),
        Shape::Date => json!({ "type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$" }),
        Shape::Keyword(words) => json!({ "enum": words }),
        Shape::Pattern(pattern) => json!({ "type": "string", "pattern": pattern }),
        Shape::List(item) => json!({ "type": ["array", "null"], "items": shape(item) }),
        Shape::Object(fields) => object(fields),
        Shape::OrEmpty(inner) => or_null(shape(inner)),
        Shape::ByCriterion(value) => json!({
            "type": "object",
            "propertyNames": { "pattern": CRITERION_ID },
            "additionalProperties": shape(value),
        }),
        Shape::ByLevel(value) => json!({
            "type": ["object", "null"],
            "propertyNames": { "pattern": "^-?[0-9]+$" },
            "additionalProperties": shape(value),
        }),
    }
}

/// `schema`, or null: added to its `type` or `enum`, else as an alternative.
pub fn or_null(mut schema: Value) -> Value {
    if let Some(map) = schema.as_object_mut() {
        if let Some(Value::Array(values)) = map.get_mut("enum") {
            values.push(Value::Null);
            return schema;
        }
        match map.get_mut("type") {
            Some(Value::Array(types)) => {
                types.push(json!("null"));
                return schema;
            }
            Some(single @ Value::String(_)) => {
                *single = json!([single.take(), "null"]);
                return schema;
            }
            _ => {}
        }
    }
    json!({ "anyOf": [schema, { "type": "null" }] })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn or_null_widens_types_and_enums() {
        assert_eq!(
            or_null(json!({ "type": "integer" })),
            json!({ "type": ["integer", "null"] })
        );
        assert_eq!(
            or_null(json!({ "type": ["object", "array"] })),
            json!({ "type": ["object", "array", "null"] })
        );
        assert_eq!(
            or_null(json!({ "enum": [1, 2] })),
            json!({ "enum": [1, 2, null] })
        );
        assert_eq!(
            or_null(json!({ "const": 1 })),
            json!({ "anyOf": [{ "const": 1 }, { "type": "null" }] })
        );
    }
}
