//! Decoding `audit.yaml`.

use crate::decode::Decoder;
use crate::document::RawHeader;
use crate::fields::{keys, nested, tables};
use crate::yaml::{Node, Span, Spanned};

type Text = Option<Spanned<String>>;

/// An audit as written, with places.
#[derive(Debug, Default)]
pub struct RawAudit {
    pub path: String,
    pub span: Span,
    pub header: RawHeader,
    pub structure: Text,
    pub kind: Text,
    pub start: Text,
    pub end: Text,
    /// (name, role) of each auditor; `auditeurs` span.
    pub auditors: Vec<(Text, Text)>,
    pub auditors_span: Option<Span>,
    pub findings: Vec<RawFinding>,
    pub decision: Option<RawDecision>,
}

/// The commission's `decision`.
#[derive(Debug)]
pub struct RawDecision {
    pub span: Span,
    pub date: Text,
    pub opinion: Text,
}

/// The `levee` of a nonconformity.
#[derive(Debug)]
pub struct RawLifting {
    pub date: Text,
    pub evidence: Vec<Spanned<String>>,
    pub by: Text,
}

#[derive(Debug)]
pub struct RawFinding {
    pub id: Spanned<String>,
    pub result: Text,
    pub observations: Text,
    pub evidence_seen: Vec<Spanned<String>>,
    pub strength: Option<Spanned<bool>>,
    pub improvement: Text,
    pub justification: Text,
    pub lifting: Option<RawLifting>,
}

pub fn read(decoder: &mut Decoder) -> Option<RawAudit> {
    let root = decoder.document()?;
    let mut fields = decoder.mapping("audit", &root, "l'audit")?;
    let mut raw = RawAudit {
        path: decoder.path().to_string(),
        span: root.span,
        header: RawHeader::read(decoder, &mut fields),
        ..RawAudit::default()
    };
    raw.structure = fields
        .require(decoder, "structure")
        .and_then(|n| decoder.string("structure", n));
    raw.kind = fields
        .require(decoder, "type")
        .and_then(|n| decoder.keyword("type", n, tables::AUDIT_TYPES));
    raw.start = fields
        .require(decoder, "debut")
        .and_then(|n| decoder.string("debut", n));
    raw.end = fields
        .require(decoder, "fin")
        .and_then(|n| decoder.string("fin", n));
    if let Some(node) = fields.require(decoder, "auditeurs") {
        raw.auditors_span = Some(node.span);
        for item in decoder.list("auditeurs", node) {
            if let Some(mut inner) = decoder.mapping("auditeurs", item, "un auditeur") {
                let name = inner
                    .require(decoder, "nom")
                    .and_then(|n| decoder.string("nom", n));
                let role = inner
                    .require(decoder, "role")
                    .and_then(|n| decoder.keyword("role", n, tables::AUDITOR_ROLES));
                inner.finish(decoder, &keys(tables::AUDITOR));
                raw.auditors.push((name, role));
            }
        }
    }
    if let Some(node) = fields.require(decoder, "constats") {
        raw.findings = read_findings(decoder, node);
    }
    raw.decision = fields
        .get("decision")
        .and_then(|n| read_decision(decoder, n));
    // Findings kept by `label migrate --audits` for criteria a version
    // removed or merged: old ids, read as history only.
    if let Some(node) = fields.get("constats_retires")
        && node.value != Node::Null
    {
        decoder.mapping("constats_retires", node, "les constats retirés");
    }
    fields.finish(decoder, &keys(tables::AUDIT));
    Some(raw)
}

fn read_findings(decoder: &mut Decoder, node: &Spanned<Node>) -> Vec<RawFinding> {
    if node.value == Node::Null {
        return Vec::new();
    }
    let Some(mut fields) = decoder.mapping("constats", node, "les constats") else {
        return Vec::new();
    };
    let known = keys(nested(tables::AUDIT, "constats"));
    let mut findings = Vec::new();
    for (id, value) in fields.take_all() {
        let context = format!("le constat « {} »", id.value);
        let Some(mut inner) = decoder.mapping(&id.value, value, context) else {
            continue;
        };
        let result = inner
            .require(decoder, "resultat")
            .and_then(|n| decoder.keyword("resultat", n, tables::RESULTS));
        findings.push(RawFinding {
            id: id.clone(),
            result,
            observations: inner
                .get("observations")
                .and_then(|n| decoder.string("observations", n)),
            evidence_seen: inner
                .get("preuves_consultees")
                .map(|n| decoder.string_list("preuves_consultees", n))
                .unwrap_or_default(),
            strength: inner
                .get("point_fort")
                .and_then(|n| decoder.boolean("point_fort", n)),
            improvement: inner
                .get("piste_amelioration")
                .and_then(|n| decoder.string("piste_amelioration", n)),
            justification: inner
                .get("justification")
                .and_then(|n| decoder.string("justification", n)),
            lifting: inner.get("levee").and_then(|n| read_lifting(decoder, n)),
        });
        inner.finish(decoder, &known);
    }
    findings
}

/// `decision`: its date is checked by the rules (AUD010), not required
/// here, so that its absence gets its own message.
fn read_decision(decoder: &mut Decoder, node: &Spanned<Node>) -> Option<RawDecision> {
    let mut fields = decoder.mapping("decision", node, "la décision")?;
    let decision = RawDecision {
        span: node.span,
        date: fields.get("date").and_then(|n| decoder.string("date", n)),
        opinion: fields
            .require(decoder, "avis")
            .and_then(|n| decoder.keyword("avis", n, tables::OPINIONS)),
    };
    fields.finish(decoder, &keys(tables::DECISION));
    Some(decision)
}

fn read_lifting(decoder: &mut Decoder, node: &Spanned<Node>) -> Option<RawLifting> {
    let mut fields = decoder.mapping("levee", node, "la levée")?;
    let lifting = RawLifting {
        date: fields
            .require(decoder, "date")
            .and_then(|n| decoder.string("date", n)),
        evidence: fields
            .require(decoder, "preuves")
            .map(|n| decoder.string_list("preuves", n))
            .unwrap_or_default(),
        by: fields
            .require(decoder, "par")
            .and_then(|n| decoder.string("par", n)),
    };
    fields.finish(decoder, &keys(tables::LIFTING));
    Some(lifting)
}
