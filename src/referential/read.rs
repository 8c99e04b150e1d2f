//! Decoding referential files into [`raw`](super::raw) values.

use crate::decode::{Decoder, Fields};
use crate::yaml::{Node, Spanned};

use super::raw::*;
use crate::fields::{keys, tables};

/// Reads the top of a referential. In the folder form (`with_principles`
/// false) the principles live in their own files.
pub fn read_referential(decoder: &mut Decoder, with_principles: bool) -> Option<RawReferential> {
    let root = decoder.document()?;
    let mut fields = decoder.mapping("referentiel", &root, "le référentiel")?;
    let mut raw = RawReferential {
        path: decoder.path().to_string(),
        span: root.span,
        ..RawReferential::default()
    };
    raw.id = required_text(decoder, &mut fields, "referentiel");
    raw.version = required_text(decoder, &mut fields, "version");
    raw.title = required_text(decoder, &mut fields, "titre");
    raw.description = optional_text(decoder, &mut fields, "description");
    raw.status = fields
        .require(decoder, "statut")
        .and_then(|n| decoder.keyword("statut", n, super::Status::KEYWORDS));
    raw.date = optional_text(decoder, &mut fields, "date");
    if let Some(node) = fields.require(decoder, "structures") {
        raw.structure_types = Some(
            decoder
                .list("structures", node)
                .iter()
                .filter_map(|n| decoder.keyword("structures", n, super::StructureType::KEYWORDS))
                .collect(),
        );
    }
    raw.scale = fields
        .require(decoder, "echelle")
        .and_then(|n| read_scale(decoder, n));
    if let Some(node) = fields.get("regles") {
        raw.rules = read_rules(decoder, node);
    }
    if let Some(node) = fields.get("cycle") {
        raw.cycle = read_cycle(decoder, node);
    }
    raw.correspondences = fields
        .get("correspondances")
        .and_then(|n| super::correspondences::read(decoder, n));
    if with_principles {
        if let Some(node) = fields.require(decoder, "principes") {
            raw.principles_span = Some(node.span);
            raw.principles = decoder
                .list("principes", node)
                .iter()
                .filter_map(|n| read_principle(decoder, n))
                .collect();
        }
        fields.finish(decoder, &keys(tables::REFERENTIAL));
    } else {
        let mut known = keys(tables::REFERENTIAL);
        known.retain(|k| *k != "principes");
        fields.finish(decoder, &known);
    }
    Some(raw)
}

/// Reads one principle file of the folder form.
pub fn read_principle_file(decoder: &mut Decoder) -> Option<RawPrinciple> {
    let root = decoder.document()?;
    read_principle(decoder, &root)
}

fn read_principle(decoder: &mut Decoder, node: &Spanned<Node>) -> Option<RawPrinciple> {
    let mut fields = decoder.mapping("principes", node, "un principe")?;
    let id = required_text(decoder, &mut fields, "id");
    let title = required_text(decoder, &mut fields, "titre");
    let description = optional_text(decoder, &mut fields, "description");
    let criteria = match fields.require(decoder, "criteres") {
        Some(list) => decoder
            .list("criteres", list)
            .iter()
            .filter_map(|n| read_criterion(decoder, n))
            .collect(),
        None => Vec::new(),
    };
    fields.finish(decoder, &keys(tables::PRINCIPLE));
    Some(RawPrinciple {
        path: decoder.path().to_string(),
        span: node.span,
        id,
        title,
        description,
        criteria,
    })
}

fn read_criterion(decoder: &mut Decoder, node: &Spanned<Node>) -> Option<RawCriterion> {
    let mut fields = decoder.mapping("criteres", node, "un critère")?;
    let criterion = RawCriterion {
        span: node.span,
        id: required_text(decoder, &mut fields, "id"),
        title: required_text(decoder, &mut fields, "titre"),
        description: optional_text(decoder, &mut fields, "description"),
        expected: optional_int(decoder, &mut fields, "attendu"),
        imperative: fields
            .get("imperatif")
            .and_then(|n| decoder.boolean("imperatif", n)),
        not_applicable_allowed: fields
            .get("non_concerne_possible")
            .and_then(|n| decoder.boolean("non_concerne_possible", n)),
        evidence: optional_list(decoder, &mut fields, "preuves"),
        indicators: optional_list(decoder, &mut fields, "indicateurs"),
        audit_questions: optional_list(decoder, &mut fields, "questions_audit"),
        see_also: optional_list(decoder, &mut fields, "voir_aussi").unwrap_or_default(),
        level_descriptors: fields
            .get("niveaux")
            .map(|n| read_descriptors(decoder, n))
            .unwrap_or_default(),
        applicable_to: fields
            .get("applicable_a")
            .and_then(|n| read_types(decoder, n)),
    };
    fields.finish(decoder, &keys(tables::CRITERION));
    Some(criterion)
}

/// A criterion's `niveaux`: keys are checked against the scale later.
fn read_descriptors(
    decoder: &mut Decoder,
    node: &Spanned<Node>,
) -> Vec<(Spanned<String>, Spanned<String>)> {
    if node.value == Node::Null {
        return Vec::new();
    }
    let Some(mut fields) = decoder.mapping("niveaux", node, "les niveaux du critère") else {
        return Vec::new();
    };
    fields
        .take_all()
        .into_iter()
        .filter_map(|(key, value)| Some((key.clone(), decoder.string(&key.value, value)?)))
        .collect()
}

/// `applicable_a`: the valid types. A value that is no list, or a list whose
/// every item was refused (both reported), reads as absent, so that it is
/// not also reported empty.
fn read_types(decoder: &mut Decoder, node: &Spanned<Node>) -> Option<Vec<Spanned<String>>> {
    let list = matches!(node.value, Node::Seq(_) | Node::Null);
    let items = decoder.list("applicable_a", node);
    let kinds: Vec<Spanned<String>> = items
        .iter()
        .filter_map(|t| decoder.keyword("applicable_a", t, super::StructureType::KEYWORDS))
        .collect();
    (list && (items.is_empty() || !kinds.is_empty())).then_some(kinds)
}

fn read_scale(decoder: &mut Decoder, node: &Spanned<Node>) -> Option<RawScale> {
    let mut fields = decoder.mapping("echelle", node, "l'échelle")?;
    let levels = match fields.require(decoder, "niveaux") {
        Some(list) => decoder
            .list("niveaux", list)
            .iter()
            .filter_map(|n| read_level(decoder, n))
            .collect(),
        None => Vec::new(),
    };
    let expected = fields
        .require(decoder, "attendu")
        .and_then(|n| decoder.integer("attendu", n));
    fields.finish(decoder, &keys(tables::SCALE));
    Some(RawScale {
        span: node.span,
        levels,
        expected,
    })
}

fn read_level(decoder: &mut Decoder, node: &Spanned<Node>) -> Option<RawLevel> {
    let mut fields = decoder.mapping("niveaux", node, "un niveau de l'échelle")?;
    let level = RawLevel {
        span: node.span,
        value: fields
            .require(decoder, "valeur")
            .and_then(|n| decoder.integer("valeur", n)),
        label: required_text(decoder, &mut fields, "libelle"),
        description: optional_text(decoder, &mut fields, "description"),
    };
    fields.finish(decoder, &keys(tables::LEVEL));
    Some(level)
}

fn read_rules(decoder: &mut Decoder, node: &Spanned<Node>) -> RawRules {
    let Some(mut fields) = decoder.mapping("regles", node, "les règles") else {
        return RawRules::default();
    };
    let rules = RawRules {
        major_gap_level: optional_int(decoder, &mut fields, "niveau_ecart_majeur"),
        minors_per_major: optional_int(decoder, &mut fields, "mineurs_pour_un_majeur"),
        major_deadline_months: optional_int(decoder, &mut fields, "delai_nc_majeure_mois"),
        minor_deadline_months: optional_int(decoder, &mut fields, "delai_nc_mineure_mois"),
    };
    fields.finish(decoder, &keys(tables::RULES));
    rules
}

fn read_cycle(decoder: &mut Decoder, node: &Spanned<Node>) -> RawCycle {
    let Some(mut fields) = decoder.mapping("cycle", node, "le cycle") else {
        return RawCycle::default();
    };
    let cycle = RawCycle {
        validity_months: optional_int(decoder, &mut fields, "validite_mois"),
        surveillance_months: optional_int(decoder, &mut fields, "surveillance_mois"),
    };
    fields.finish(decoder, &keys(tables::CYCLE));
    cycle
}

pub fn required_text(decoder: &mut Decoder, fields: &mut Fields, key: &str) -> Text {
    fields
        .require(decoder, key)
        .and_then(|n| decoder.string(key, n))
}

pub fn optional_text(decoder: &mut Decoder, fields: &mut Fields, key: &str) -> Text {
    fields.get(key).and_then(|n| decoder.string(key, n))
}

fn optional_int(decoder: &mut Decoder, fields: &mut Fields, key: &str) -> Option<Spanned<i64>> {
    fields.get(key).and_then(|n| decoder.integer(key, n))
}

fn optional_list(
    decoder: &mut Decoder,
    fields: &mut Fields,
    key: &str,
) -> Option<Vec<Spanned<String>>> {
    fields.get(key).map(|n| decoder.string_list(key, n))
}
