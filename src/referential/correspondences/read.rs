//! Decoding `correspondances`, every id with its place.

use crate::decode::Decoder;
use crate::fields::{keys, tables};
use crate::yaml::{Node, Spanned};

use super::super::raw::RawCorrespondences;
use super::super::read::required_text;

pub fn read(decoder: &mut Decoder, node: &Spanned<Node>) -> Option<RawCorrespondences> {
    let mut fields = decoder.mapping("correspondances", node, "les correspondances")?;
    let mut raw = RawCorrespondences {
        span: node.span,
        since: required_text(decoder, &mut fields, "depuis"),
        ..RawCorrespondences::default()
    };
    if let Some(n) = fields.get("renomme") {
        raw.renamed = pairs(decoder, "renomme", n);
    }
    if let Some(n) = fields.get("scinde") {
        raw.split = lists(decoder, "scinde", n);
    }
    if let Some(n) = fields.get("fusionne") {
        raw.merged = lists(decoder, "fusionne", n);
    }
    if let Some(n) = fields.get("supprime") {
        raw.removed = pairs(decoder, "supprime", n);
    }
    fields.finish(decoder, &keys(tables::CORRESPONDENCES));
    Some(raw)
}

/// `{ ANCIEN: valeur }` entries; an empty value is allowed (no entry).
fn entries<'n>(
    decoder: &mut Decoder,
    key: &str,
    node: &'n Spanned<Node>,
) -> Vec<(&'n Spanned<String>, &'n Spanned<Node>)> {
    if node.value == Node::Null {
        return Vec::new();
    }
    let context = format!("« {key} »");
    match decoder.mapping(key, node, context) {
        Some(mut fields) => fields.take_all(),
        None => Vec::new(),
    }
}

fn pairs(
    decoder: &mut Decoder,
    key: &str,
    node: &Spanned<Node>,
) -> Vec<(Spanned<String>, Spanned<String>)> {
    entries(decoder, key, node)
        .into_iter()
        .filter_map(|(k, v)| Some((k.clone(), decoder.string(&k.value, v)?)))
        .collect()
}

fn lists(
    decoder: &mut Decoder,
    key: &str,
    node: &Spanned<Node>,
) -> Vec<(Spanned<String>, Vec<Spanned<String>>)> {
    entries(decoder, key, node)
        .into_iter()
        .map(|(k, v)| (k.clone(), decoder.string_list(&k.value, v)))
        .collect()
}
