//! Descriptions of our file formats: one table per kind of file, used both
//! by the readers (known keys) and to generate the JSON Schemas.

/// What a value must look like.
#[derive(Debug)]
pub enum Shape {
    Text,
    Integer,
    Bool,
    /// `AAAA-MM-JJ`
    Date,
    /// One of fixed keywords.
    Keyword(&'static [&'static str]),
    /// Text matching a pattern (ids, versions).
    Pattern(&'static str),
    List(&'static Shape),
    Object(&'static [Field]),
    /// A mapping keyed by criterion ids.
    ByCriterion(&'static Shape),
    /// A mapping keyed by level values of the scale.
    ByLevel(&'static Shape),
}

/// One key of a mapping.
#[derive(Debug)]
pub struct Field {
    pub key: &'static str,
    pub shape: Shape,
    pub required: bool,
    /// French description, shown by editors.
    pub description: &'static str,
}

/// The keys a table allows, for unknown-key checks and suggestions.
pub fn keys(fields: &[Field]) -> Vec<&'static str> {
    fields.iter().map(|f| f.key).collect()
}

/// The table of a nested object, by key.
pub fn nested(fields: &'static [Field], key: &str) -> &'static [Field] {
    match fields.iter().find(|f| f.key == key).map(|f| &f.shape) {
        Some(Shape::Object(inner)) => inner,
        Some(Shape::List(Shape::Object(inner))) => inner,
        Some(Shape::ByCriterion(Shape::Object(inner))) => inner,
        _ => &[],
    }
}

pub const REFERENTIAL_ID: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";
pub const CRITERION_ID: &str = "^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$";
pub const SEMVER: &str = r"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$";
