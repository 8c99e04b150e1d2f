//! The audit-ready report of one structure folder: who, against which
//! referential, the summary by principle, the gaps, the plan, the audit,
//! the evidence files and the provenance. Everything is taken from
//! `evaluation` (statuses, readiness, the §6.3 proposal) and the models.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::audit::{AuditKind, AuditResult, Opinion};
use crate::date::Date;
use crate::evaluation::{self, CriterionResult, Motive, Reason, Status, Verdict};
use crate::plan::{ActionStatus, Origin};
use crate::referential::{Catalog, StructureType};
use crate::structure::StructureFolder;

use super::evidence::{EvidenceFile, UrlLine, evidence};
use super::provenance::{FileDigest, Provenance, git_commit, referential_files};
use super::ser;

/// The report of one structure.
#[derive(Clone, Debug, Serialize)]
pub struct StructureReport {
    pub format: u8,
    #[serde(rename = "rapport")]
    pub kind: &'static str,
    /// The date the report is made at: `--date`, else the latest date of
    /// the files (self-assessment, audit end, decision); lateness is
    /// counted at it.
    #[serde(serialize_with = "ser::opt_date")]
    pub date: Option<Date>,
    pub structure: Identity,
    #[serde(rename = "referentiel")]
    pub referential: ReferentialInfo,
    #[serde(rename = "date_autoevaluation", serialize_with = "ser::opt_date")]
    pub assessed_on: Option<Date>,
    pub referent: Option<String>,
    #[serde(rename = "synthese")]
    pub summary: SummaryLine,
    #[serde(rename = "principes")]
    pub principles: Vec<PrincipleSummary>,
    #[serde(rename = "ecarts")]
    pub gaps: Vec<GapLine>,
    /// Why the structure is not ready for audit (§6.2); worded by output.
    #[serde(skip)]
    pub reasons: Vec<Reason>,
    #[serde(rename = "plan")]
    pub plan: Option<Vec<ActionLine>>,
    pub audit: Option<AuditBlock>,
    #[serde(rename = "preuves")]
    pub evidence: Vec<EvidenceFile>,
    #[serde(rename = "adresses")]
    pub urls: Vec<UrlLine>,
    pub provenance: Provenance,
}

#[derive(Clone, Debug, Serialize)]
pub struct Identity {
    pub id: String,
    #[serde(rename = "nom")]
    pub name: String,
    #[serde(rename = "type", serialize_with = "ser::keyword")]
    pub kind: StructureType,
    pub region: Option<String>,
    #[serde(rename = "dossier")]
    pub folder: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct ReferentialInfo {
    pub id: String,
    pub version: String,
    #[serde(rename = "titre")]
    pub title: String,
    /// The scale, lowest level first.
    #[serde(rename = "echelle")]
    pub scale: Vec<LevelInfo>,
}

#[derive(Clone, Debug, Serialize)]
pub struct LevelInfo {
    #[serde(rename = "valeur")]
    pub value: i64,
    #[serde(rename = "libelle")]
    pub label: String,
}

/// Criteria per status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct StatusCounts {
    pub conforme: usize,
    pub ecart_mineur: usize,
    pub ecart_majeur: usize,
    pub non_concerne: usize,
    pub non_evalue: usize,
}

impl StatusCounts {
    pub(super) fn add(&mut self, status: Status) {
        *match status {
            Status::Conform => &mut self.conforme,
            Status::MinorGap => &mut self.ecart_mineur,
            Status::MajorGap => &mut self.ecart_majeur,
            Status::NotApplicable => &mut self.non_concerne,
            Status::NotAssessed => &mut self.non_evalue,
        } += 1;
    }

    pub fn get(&self, status: Status) -> usize {
        match status {
            Status::Conform => self.conforme,
            Status::MinorGap => self.ecart_mineur,
            Status::MajorGap => self.ecart_majeur,
            Status::NotApplicable => self.non_concerne,
            Status::NotAssessed => self.non_evalue,
        }
    }

    pub fn total(&self) -> usize {
        Status::ALL.iter().map(|s| self.get(*s)).sum()
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct SummaryLine {
    #[serde(rename = "criteres")]
    pub counts: StatusCounts,
    pub taux_conformite: Option<f64>,
    #[serde(rename = "complete")]
    pub complete: bool,
    pub pret_pour_audit: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct PrincipleSummary {
    pub id: String,
    #[serde(rename = "titre")]
    pub title: String,
    #[serde(rename = "compte")]
    pub counts: StatusCounts,
    #[serde(rename = "criteres")]
    pub criteria: Vec<CriterionLine>,
}

#[derive(Clone, Debug, Serialize)]
pub struct CriterionLine {
    pub id: String,
    #[serde(rename = "titre")]
    pub title: String,
    #[serde(rename = "statut", serialize_with = "ser::status")]
    pub status: Status,
    #[serde(rename = "niveau")]
    pub level: Option<i64>,
    #[serde(rename = "attendu")]
    pub expected: i64,
    #[serde(rename = "imperatif")]
    pub imperative: bool,
}

/// A gap (§6.1) with what explains it.
#[derive(Clone, Debug, Serialize)]
pub struct GapLine {
    #[serde(flatten)]
    pub criterion: CriterionLine,
    #[serde(rename = "principe")]
    pub principle: String,
    #[serde(rename = "commentaire")]
    pub comment: Option<String>,
    pub actions: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ActionLine {
    pub id: String,
    #[serde(rename = "criteres")]
    pub criteria: Vec<String>,
    #[serde(rename = "titre")]
    pub title: String,
    #[serde(rename = "responsable")]
    pub owner: Option<String>,
    #[serde(rename = "echeance", serialize_with = "ser::opt_date")]
    pub due: Option<Date>,
    #[serde(rename = "statut", serialize_with = "ser::keyword")]
    pub status: ActionStatus,
    #[serde(rename = "origine", serialize_with = "ser::opt_keyword")]
    pub origin: Option<Origin>,
    /// `plan::Action::is_overdue` at the report's date.
    pub en_retard: bool,
}

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

/// The report of a valid structure folder; `None` when it has errors (its
/// diagnostics say why). `date`: `--date`, if given.
pub fn structure_report(
    folder: &StructureFolder,
    catalog: &Catalog,
    date: Option<Date>,
) -> Option<StructureReport> {
    let referential = folder.referential.as_deref()?;
    let assessment = folder.self_assessment.as_ref()?;
    let evaluated = evaluation::evaluate_folder(folder);
    let result = evaluated.evaluation?;
    let date = date.or_else(|| latest_date(folder));
    let info = &assessment.structure;
    let principles = principles(referential, &result.criteria);
    let gaps = gaps(&principles, folder, &result.criteria);
    let (evidence, urls) = evidence(folder);
    let files = folder.sources.iter().map(FileDigest::of_source).collect();
    let version = referential.version.to_string();
    Some(StructureReport {
        format: super::FORMAT,
        kind: "structure",
        date,
        structure: Identity {
            id: info.id.clone(),
            name: info.name.clone(),
            kind: info.kind,
            region: info.region.clone().filter(|r| !r.trim().is_empty()),
            folder: folder.shown.clone(),
        },
        referential: ReferentialInfo {
            id: referential.id.clone(),
            version: version.clone(),
            title: referential.title.clone(),
            scale: referential
                .scale
                .levels
                .iter()
                .map(|l| LevelInfo {
                    value: l.value,
                    label: l.label.clone(),
                })
                .collect(),
        },
        assessed_on: assessment.date,
        referent: assessment.referent.clone(),
        summary: SummaryLine {
            counts: counts(&result.criteria),
            taux_conformite: result.summary.rate,
            complete: result.summary.is_complete(),
            pret_pour_audit: result.summary.ready,
        },
        principles,
        gaps,
        reasons: result.reasons.clone(),
        plan: folder.plan.as_ref().map(|p| actions(p, date)),
        audit: audit_block(folder, result.audit.as_ref()),
        evidence,
        urls,
        provenance: Provenance::new(
            vec![referential_files(catalog, &referential.id, &version)],
            git_commit(&folder.path),
            files,
            false,
        ),
    })
}

/// The latest date written in the folder's files.
fn latest_date(folder: &StructureFolder) -> Option<Date> {
    let assessed = folder.self_assessment.as_ref().and_then(|a| a.date);
    let audit = folder.audit.as_ref();
    let ended = audit.map(|a| a.end);
    let decided = audit.and_then(|a| a.decision).map(|d| d.date);
    [assessed, ended, decided].into_iter().flatten().max()
}

fn counts<'a>(criteria: impl IntoIterator<Item = &'a CriterionResult>) -> StatusCounts {
    let mut counts = StatusCounts::default();
    for c in criteria {
        counts.add(c.status);
    }
    counts
}

fn line(c: &CriterionResult) -> CriterionLine {
    CriterionLine {
        id: c.id.clone(),
        title: c.title.to_string(),
        status: c.status,
        level: c.level,
        expected: c.expected,
        imperative: c.imperative,
    }
}

/// The evaluated criteria grouped by principle, in referential order; a
/// principle with no criterion for this structure's type is left out.
fn principles(
    referential: &crate::referential::Referential,
    criteria: &[CriterionResult],
) -> Vec<PrincipleSummary> {
    let by_id: HashMap<&str, &CriterionResult> =
        criteria.iter().map(|c| (c.id.as_str(), c)).collect();
    referential
        .principles
        .iter()
        .filter_map(|p| {
            let rows: Vec<&CriterionResult> = p
                .criteria
                .iter()
                .filter_map(|c| by_id.get(c.id.as_str()).copied())
                .collect();
            (!rows.is_empty()).then(|| PrincipleSummary {
                id: p.id.clone(),
                title: p.title.clone(),
                counts: counts(rows.iter().copied()),
                criteria: rows.into_iter().map(line).collect(),
            })
        })
        .collect()
}

fn gaps(
    principles: &[PrincipleSummary],
    folder: &StructureFolder,
    criteria: &[CriterionResult],
) -> Vec<GapLine> {
    let principle_of: HashMap<&str, &str> = principles
        .iter()
        .flat_map(|p| p.criteria.iter().map(|c| (c.id.as_str(), p.id.as_str())))
        .collect();
    let answers = folder.self_assessment.as_ref().map(|a| &a.answers);
    criteria
        .iter()
        .filter(|c| c.status.is_gap())
        .map(|c| GapLine {
            criterion: line(c),
            principle: principle_of.get(c.id.as_str()).unwrap_or(&"").to_string(),
            comment: answers
                .and_then(|a| a.get(&c.id))
                .and_then(|a| a.comment.clone()),
            actions: c.actions.clone(),
        })
        .collect()
}

fn actions(plan: &crate::plan::Plan, date: Option<Date>) -> Vec<ActionLine> {
    plan.actions
        .iter()
        .map(|a| ActionLine {
            id: a.id.clone(),
            criteria: a.criteria.clone(),
            title: a.title.clone(),
            owner: a.owner.clone(),
            due: a.due,
            status: a.status,
            origin: a.origin,
            en_retard: date.is_some_and(|d| a.is_overdue(d)),
        })
        .collect()
}

fn audit_block(
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
