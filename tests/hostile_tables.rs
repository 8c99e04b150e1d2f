//! A wrong type at every field the format tables describe (issue 14):
//! `label::schema::tables`, the same tables the readers and the JSON
//! Schemas use, walked to every key, optional ones included. Each variant
//! is the example file (as JSON, which is YAML) with one value replaced by
//! one of another type.

mod harness;

use label::schema::{Field, Shape, tables};
use label::yaml::{Node, parse};
use serde_json::{Value, json};

use harness::{Case, DATE, root, run_all, structure};

const EXAMPLE: &str = "examples/structures/ml-val-de-garonne";

/// A file of the repository as a JSON value.
fn example(file: &str) -> Value {
    let text = std::fs::read_to_string(root().join(file)).unwrap();
    to_json(&parse(&text).unwrap().value)
}

fn to_json(node: &Node) -> Value {
    match node {
        Node::Null => Value::Null,
        Node::Bool(b) => json!(b),
        Node::Int(i) => json!(i),
        Node::Float(f) => json!(f),
        Node::Str(s) => json!(s),
        Node::Seq(items) => Value::Array(items.iter().map(|i| to_json(&i.value)).collect()),
        Node::Map(entries) => Value::Object(
            entries
                .iter()
                .map(|(k, v)| (k.value.clone(), to_json(&v.value)))
                .collect(),
        ),
    }
}

/// A value of another type than `shape`.
fn wrong(shape: &Shape) -> Value {
    match shape {
        Shape::Integer => json!("trois"),
        Shape::Bool => json!("peut-être"),
        Shape::OrEmpty(inner) => wrong(inner),
        Shape::Object(_) | Shape::ByCriterion(_) | Shape::ByLevel(_) => json!(["liste"]),
        Shape::List(_) => json!({"cle": "valeur"}),
        Shape::Text | Shape::Date | Shape::Keyword(_) | Shape::Pattern(_) => {
            json!({"cle": ["valeur"]})
        }
    }
}

/// One step down a document: a key, or the first item of a list or of a
/// mapping by criterion.
#[derive(Clone, Debug)]
enum Step {
    Key(&'static str),
    First,
}

/// Every path to a field of `fields`, with its shape.
fn paths(fields: &'static [Field], prefix: Vec<Step>, out: &mut Vec<(Vec<Step>, &'static Shape)>) {
    for field in fields {
        let mut path = prefix.clone();
        path.push(Step::Key(field.key));
        out.push((path.clone(), &field.shape));
        inner(&field.shape, path, out);
    }
}

fn inner(shape: &'static Shape, path: Vec<Step>, out: &mut Vec<(Vec<Step>, &'static Shape)>) {
    match shape {
        Shape::Object(fields) => paths(fields, path, out),
        Shape::OrEmpty(item) => inner(item, path, out),
        Shape::List(item) | Shape::ByCriterion(item) | Shape::ByLevel(item) => {
            let mut path = path;
            path.push(Step::First);
            inner(item, path, out);
        }
        _ => {}
    }
}

/// `value` with `replacement` at `path`; `None` when the path does not
/// exist in the example (an empty list, a scalar on the way).
fn replaced(value: &Value, path: &[Step], replacement: &Value) -> Option<Value> {
    let mut value = value.clone();
    let mut here = &mut value;
    for (i, step) in path.iter().enumerate() {
        let last = i + 1 == path.len();
        here = match (step, here) {
            (Step::Key(key), Value::Object(map)) if last => {
                map.insert(key.to_string(), replacement.clone());
                return Some(value);
            }
            (Step::Key(key), Value::Object(map)) => map.get_mut(*key)?,
            (Step::First, Value::Array(items)) => items.first_mut()?,
            (Step::First, Value::Object(map)) => map.values_mut().next()?,
            _ => return None,
        };
    }
    None
}

#[test]
fn a_wrong_type_at_every_field_of_the_tables() {
    let ml = "referentiels/missions-locales/1.0.0.yaml";
    let documents: [(&str, &str, &'static [Field]); 4] = [
        (EXAMPLE, "ml/autoevaluation.yaml", tables::SELF_ASSESSMENT),
        (EXAMPLE, "ml/plan.yaml", tables::PLAN),
        (EXAMPLE, "ml/audit.yaml", tables::AUDIT),
        ("", ml, tables::REFERENTIAL),
    ];
    let mut cases = Vec::new();
    for (from, file, fields) in documents {
        let source = match file.strip_prefix("ml/") {
            Some(name) => format!("{from}/{name}"),
            None => file.to_string(),
        };
        let original = example(&source);
        let mut all = Vec::new();
        paths(fields, Vec::new(), &mut all);
        for (path, shape) in all {
            let Some(variant) = replaced(&original, &path, &wrong(shape)) else {
                continue;
            };
            let text = serde_json::to_string_pretty(&variant).unwrap();
            let name = format!("{file} {path:?}");
            let args: &[&str] = if file == ml {
                // Named: a folder walk recognises a referential by its
                // block-style top-level keys, which JSON does not have.
                &["lint", ml, "--format", "concise"]
            } else {
                &["validate", "ml", "--date", DATE]
            };
            cases.push(Case::new(name, args, 1, "SCH003").setup(move |dir| {
                structure(dir);
                let path = dir.join(file);
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(path, &text).unwrap();
            }));
        }
    }
    assert!(cases.len() >= 40, "{} fields", cases.len());
    run_all(cases);
}
