//! The audit block of a structure's report: the auditors' findings and
//! what `label audit` computes of them (§6.3), taken from
//! `evaluation::AuditState`, never recomputed.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::audit::{AuditKind, AuditResult, Opinion};
use crate::date::Date;
use crate::evaluation::{self, Motive, Status, Verdict};
use crate::structure::StructureFolder;

use super::ser;

/// The audit (§4.5) and what `label audit` computes of it (§6.3).
#[derive(Clone, Debug, Serialize)]
pub struct AuditBlock {
    #[serde(rename = "type", serialize_with = "ser::keyword")]
    pub kind: AuditKind,
    #[serde(rename = "debut", serialize_with = "ser::date")]
    pub start: Date,
    #[serde(rename = "fin", serialize_with = "ser::date")]
    pub end: Date,
    #[serde(rename = "auditeurs")]
    pub auditors: Vec<AuditorLine>,
    pub decision: Option<DecisionLine>,
    #[serde(rename = "audit_precedent", serialize_with = "ser::opt_date")]
    pub previous_end: Option<Date>,
    #[serde(rename = "proposition", serialize_with = "ser::verdict")]
    pub verdict: Option<Verdict>,
    pub nc_majeures: Vec<String>,
    pub nc_mineures: Vec<String>,
    #[serde(serialize_with = "ser::opt_date")]
    pub echeance_nc_majeures: Option<Date>,
    #[serde(serialize_with = "ser::opt_date")]
    pub echeance_nc_mineures: Option<Date>,
    #[serde(skip)]
    pub motives: Vec<Motive>,
    pub ecarts_declaration: Vec<DeclarationLine>,
    pub cycle: Option<CycleLine>,
    #[serde(rename = "constats")]
    pub findings: Vec<FindingLine>,
}

#[derive(Clone, Debug, Serialize)]
pub struct AuditorLine {
    #[serde(rename = "nom")]
    pub name: String,
    pub role: &'static str,
}

#[derive(Clone, Debug, Serialize)]
pub struct DecisionLine {
    #[serde(serialize_with = "ser::date")]
    pub date: Date,
    #[serde(rename = "avis", serialize_with = "ser::keyword")]
    pub opinion: Opinion,
}

#[derive(Clone, Debug, Serialize)]
pub struct DeclarationLine {
    #[serde(rename = "critere")]
    pub criterion: String,
    #[serde(rename = "declare", serialize_with = "ser::status")]
    pub declared: Status,
    #[serde(rename = "constate", serialize_with = "ser::keyword")]
    pub found: AuditResult,
}

#[derive(Clone, Debug, Serialize)]
pub struct CycleLine {
    #[serde(rename = "depuis", serialize_with = "ser::date")]
    pub since: Date,
    #[serde(rename = "provisoire")]
    pub provisional: bool,
    #[serde(serialize_with = "ser::date")]
    pub surveillance: Date,
    #[serde(rename = "fin_validite", serialize_with = "ser::date")]
    pub end: Date,
}

#[derive(Clone, Debug, Serialize)]
pub struct FindingLine {
    #[serde(rename = "critere")]
    pub criterion: String,
    #[serde(rename = "titre")]
    pub title: String,
    #[serde(rename = "resultat", serialize_with = "ser::keyword")]
    pub result: AuditResult,
    pub observations: Option<String>,
    pub point_fort: bool,
    pub piste_amelioration: Option<String>,
    #[serde(rename = "levee", serialize_with = "ser::opt_date")]
    pub lifted: Option<Date>,
}

pub fn audit_block(
    folder: &StructureFolder,
    state: Option<&evaluation::AuditState>,
) -> Option<AuditBlock> {
    let (audit, state) = (folder.audit.as_ref()?, state?);
    let referential = folder.referential.as_deref()?;
    let p = &state.proposal;
    let previous = crate::structure::previous(&folder.past_audits, audit);
    let titles: BTreeMap<&str, &str> = referential
        .criteria()
        .map(|c| (c.id.as_str(), &*c.title))
        .collect();
    let findings = referential
        .criteria()
        .filter_map(|c| Some((c, audit.findings.get(&c.id)?)))
        .map(|(c, f)| FindingLine {
            criterion: c.id.clone(),
            title: titles.get(c.id.as_str()).unwrap_or(&"").to_string(),
            result: f.result,
            observations: f.observations.clone(),
            point_fort: f.strength,
            piste_amelioration: f.improvement.clone(),
            lifted: f.lifting.as_ref().map(|l| l.date),
        })
        .collect();
    Some(AuditBlock {
        kind: audit.kind,
        start: audit.start,
        end: audit.end,
        auditors: audit
            .auditors
            .iter()
            .map(|a| AuditorLine {
                name: a.name.clone(),
                role: if a.certified { "certifie" } else { "pair" },
            })
            .collect(),
        decision: audit.decision.map(|d| DecisionLine {
            date: d.date,
            opinion: d.opinion,
        }),
        previous_end: previous.map(|p| p.end),
        verdict: p.verdict,
        nc_majeures: p.majors.clone(),
        nc_mineures: p.minors.clone(),
        echeance_nc_majeures: p.major_deadline,
        echeance_nc_mineures: p.minor_deadline,
        motives: p.motives.clone(),
        ecarts_declaration: p
            .declaration_gaps
            .iter()
            .map(|g| DeclarationLine {
                criterion: g.criterion.clone(),
                declared: g.declared,
                found: g.found,
            })
            .collect(),
        cycle: p.cycle.map(|c| CycleLine {
            since: c.since,
            provisional: c.provisional,
            surveillance: c.surveillance,
            end: c.end,
        }),
        findings,
    })
}
