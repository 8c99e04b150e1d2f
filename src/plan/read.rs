//! Decoding `plan.yaml`.

use crate::decode::Decoder;
use crate::document::RawHeader;
use crate::fields::{keys, nested, tables};
use crate::yaml::{Node, Span, Spanned};

type Text = Option<Spanned<String>>;

/// A plan as written, with places.
#[derive(Debug, Default)]
pub struct RawPlan {
    pub path: String,
    pub header: RawHeader,
    pub structure: Text,
    pub actions: Vec<RawAction>,
}

#[derive(Debug)]
pub struct RawAction {
    pub span: Span,
    pub id: Text,
    pub criteria: Option<Vec<Spanned<String>>>,
    pub title: Text,
    pub owner: Text,
    pub due: Text,
    pub status: Text,
    pub origin: Text,
    pub comment: Text,
}

pub fn read(decoder: &mut Decoder) -> Option<RawPlan> {
    let root = decoder.document()?;
    let mut fields = decoder.mapping("plan", &root, "le plan")?;
    let header = RawHeader::read(decoder, &mut fields);
    let structure = fields
        .require(decoder, "structure")
        .and_then(|n| decoder.string("structure", n));
    let actions = match fields.require(decoder, "actions") {
        Some(node) => decoder
            .list("actions", node)
            .iter()
            .filter_map(|n| read_action(decoder, n))
            .collect(),
        None => Vec::new(),
    };
    fields.finish(decoder, &keys(tables::PLAN));
    Some(RawPlan {
        path: decoder.path().to_string(),
        header,
        structure,
        actions,
    })
}

fn read_action(decoder: &mut Decoder, node: &Spanned<Node>) -> Option<RawAction> {
    let mut fields = decoder.mapping("actions", node, "une action")?;
    let text = |decoder: &mut Decoder, key: &str, node: Option<&Spanned<Node>>| {
        node.and_then(|n| decoder.string(key, n))
    };
    let id = fields.require(decoder, "id");
    let criteria = fields.require(decoder, "criteres");
    let title = fields.require(decoder, "titre");
    let status = fields.require(decoder, "statut");
    let action = RawAction {
        span: node.span,
        id: text(decoder, "id", id),
        criteria: criteria.map(|n| decoder.string_list("criteres", n)),
        title: text(decoder, "titre", title),
        owner: text(decoder, "responsable", fields.get("responsable")),
        due: text(decoder, "echeance", fields.get("echeance")),
        status: status.and_then(|n| decoder.keyword("statut", n, tables::ACTION_STATUSES)),
        origin: fields
            .get("origine")
            .and_then(|n| decoder.keyword("origine", n, tables::ACTION_ORIGINS)),
        comment: text(decoder, "commentaire", fields.get("commentaire")),
    };
    fields.finish(decoder, &keys(nested(tables::PLAN, "actions")));
    Some(action)
}
