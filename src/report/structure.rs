//! The audit-ready report of one structure folder: who, against which
//! referential, the summary by principle, the gaps, the plan, the audit,
//! the evidence files and the provenance. Everything is taken from
//! `evaluation` (statuses, readiness, the §6.3 proposal) and the models.

use std::collections::HashMap;

use serde::Serialize;

use crate::date::Date;
use crate::evaluation::{self, CriterionResult, Reason, Status};
use crate::plan::{ActionStatus, Origin};
use crate::referential::{Catalog, StructureType};
use crate::structure::StructureFolder;

use super::audit::{AuditBlock, audit_block};
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
    /// The structure's comment, or its justification of non concerné.
    #[serde(rename = "commentaire")]
    pub comment: Option<String>,
}

/// A gap (§6.1) with what explains it.
#[derive(Clone, Debug, Serialize)]
pub struct GapLine {
    #[serde(flatten)]
    pub criterion: CriterionLine,
    #[serde(rename = "principe")]
    pub principle: String,
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
    let principles = principles(referential, &result.criteria, &assessment.answers);
    let gaps = gaps(&principles, &assessment.answers, &result.criteria);
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

/// The latest date written in the folder's files: the self-assessment's,
/// the audit's end, the commission's decision (the network synthesis
/// takes the latest of every folder's).
pub(super) fn latest_date(folder: &StructureFolder) -> Option<Date> {
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

type Answers = std::collections::BTreeMap<String, crate::self_assessment::Answer>;

fn line(c: &CriterionResult, answers: &Answers) -> CriterionLine {
    let answer = answers.get(&c.id);
    CriterionLine {
        comment: answer.and_then(|a| a.comment.clone().or_else(|| a.not_applicable.clone())),
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
    answers: &Answers,
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
                criteria: rows.into_iter().map(|c| line(c, answers)).collect(),
            })
        })
        .collect()
}

fn gaps(
    principles: &[PrincipleSummary],
    answers: &Answers,
    criteria: &[CriterionResult],
) -> Vec<GapLine> {
    let principle_of: HashMap<&str, &str> = principles
        .iter()
        .flat_map(|p| p.criteria.iter().map(|c| (c.id.as_str(), p.id.as_str())))
        .collect();
    criteria
        .iter()
        .filter(|c| c.status.is_gap())
        .map(|c| GapLine {
            criterion: line(c, answers),
            principle: principle_of.get(c.id.as_str()).unwrap_or(&"").to_string(),
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
