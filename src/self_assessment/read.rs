//! Decoding `autoevaluation.yaml`.

use crate::decode::Decoder;
use crate::document::RawHeader;
use crate::fields::{keys, nested, tables};
use crate::yaml::{Node, Span, Spanned};

type Text = Option<Spanned<String>>;

/// A self-assessment as written, with places.
#[derive(Debug, Default)]
pub struct RawSelfAssessment {
    pub path: String,
    pub header: RawHeader,
    pub structure: Option<RawStructure>,
    pub date: Text,
    pub referent: Text,
    pub answers: Vec<RawAnswer>,
}

#[derive(Debug)]
pub struct RawStructure {
    pub span: Span,
    pub id: Text,
    pub name: Text,
    pub kind: Text,
    pub region: Text,
}

#[derive(Debug)]
pub struct RawAnswer {
    pub id: Spanned<String>,
    pub level: Option<Spanned<i64>>,
    pub not_applicable: Text,
    pub comment: Text,
    pub evidence: Vec<Spanned<String>>,
    /// `a_revoir`: set by `label migrate` on a split or merged answer.
    pub review: Option<Spanned<bool>>,
}

/// Reads a self-assessment; `None` when the file is not a mapping at all.
pub fn read(decoder: &mut Decoder) -> Option<RawSelfAssessment> {
    let root = decoder.document()?;
    let mut fields = decoder.mapping("autoevaluation", &root, "l'autoévaluation")?;
    let header = RawHeader::read(decoder, &mut fields);
    let structure = fields
        .require(decoder, "structure")
        .and_then(|n| read_structure(decoder, n));
    let date = fields.get("date").and_then(|n| decoder.string("date", n));
    let referent = fields
        .get("referent")
        .and_then(|n| decoder.string("referent", n));
    let answers = match fields.require(decoder, "reponses") {
        Some(node) if node.value == Node::Null => Vec::new(),
        Some(node) => read_answers(decoder, node),
        None => Vec::new(),
    };
    // Answers kept by `label migrate` for criteria a version removed: old
    // ids, read as history only.
    if let Some(node) = fields.get("reponses_retirees")
        && node.value != Node::Null
    {
        decoder.mapping("reponses_retirees", node, "les réponses retirées");
    }
    fields.finish(decoder, &keys(tables::SELF_ASSESSMENT));
    Some(RawSelfAssessment {
        path: decoder.path().to_string(),
        header,
        structure,
        date,
        referent,
        answers,
    })
}

fn read_structure(decoder: &mut Decoder, node: &Spanned<Node>) -> Option<RawStructure> {
    let mut fields = decoder.mapping("structure", node, "la structure")?;
    let structure = RawStructure {
        span: node.span,
        id: fields
            .require(decoder, "id")
            .and_then(|n| decoder.string("id", n)),
        name: fields
            .require(decoder, "nom")
            .and_then(|n| decoder.string("nom", n)),
        kind: fields
            .require(decoder, "type")
            .and_then(|n| decoder.keyword("type", n, tables::STRUCTURE_TYPES)),
        region: fields
            .get("region")
            .and_then(|n| decoder.string("region", n)),
    };
    fields.finish(decoder, &keys(tables::STRUCTURE));
    Some(structure)
}

fn read_answers(decoder: &mut Decoder, node: &Spanned<Node>) -> Vec<RawAnswer> {
    let Some(mut fields) = decoder.mapping("reponses", node, "les réponses") else {
        return Vec::new();
    };
    let known = keys(nested(tables::SELF_ASSESSMENT, "reponses"));
    let mut answers = Vec::new();
    for (id, value) in fields.take_all() {
        let mut answer = RawAnswer {
            id: id.clone(),
            level: None,
            not_applicable: None,
            comment: None,
            evidence: Vec::new(),
            review: None,
        };
        // `GOUV-01:` with nothing under it is simply not assessed yet.
        if value.value != Node::Null {
            let context = format!("la réponse « {} »", id.value);
            if let Some(mut inner) = decoder.mapping(&id.value, value, context) {
                answer.level = inner
                    .get("niveau")
                    .filter(|n| n.value != Node::Null)
                    .and_then(|n| decoder.integer("niveau", n));
                answer.not_applicable = inner
                    .get("non_concerne")
                    .and_then(|n| decoder.string("non_concerne", n));
                answer.comment = inner
                    .get("commentaire")
                    .and_then(|n| decoder.string("commentaire", n));
                answer.evidence = inner
                    .get("preuves")
                    .map(|n| decoder.string_list("preuves", n))
                    .unwrap_or_default();
                answer.review = inner
                    .get("a_revoir")
                    .and_then(|n| decoder.boolean("a_revoir", n));
                inner.finish(decoder, &known);
            }
        }
        answers.push(answer);
    }
    answers
}
