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
    /// The shape, or nothing at all (`niveau:` left empty: not assessed).
    OrEmpty(&'static Shape),
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
    fields
        .iter()
        .find(|f| f.key == key)
        .map_or(&[], |f| object_of(&f.shape))
}

/// The fields of the objects a shape holds, through lists and maps.
fn object_of(shape: &'static Shape) -> &'static [Field] {
    match shape {
        Shape::Object(inner) => inner,
        Shape::List(item) | Shape::ByCriterion(item) | Shape::OrEmpty(item) => object_of(item),
        _ => &[],
    }
}

pub const REFERENTIAL_ID: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";
pub const CRITERION_ID: &str = "^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$";
pub const SEMVER: &str = r"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$";

/// A required key of a table.
pub(super) const fn req(key: &'static str, shape: Shape, description: &'static str) -> Field {
    Field {
        key,
        shape,
        required: true,
        description,
    }
}

pub(super) const fn opt(key: &'static str, shape: Shape, description: &'static str) -> Field {
    Field {
        key,
        shape,
        required: false,
        description,
    }
}

pub(super) const TEXTS: Shape = Shape::List(&Shape::Text);
