//! The network synthesis: per referential and version (never mixed), per
//! region and nationally: completeness, readiness, audit proposals and
//! their deadlines, the criteria that fail most, and the levels per
//! criterion (a heat map). Built on `evaluation::network`; with
//! `--anonyme`, on what `evaluation::anonymize` left.

use std::path::PathBuf;

use serde::Serialize;

use crate::date::Date;
use crate::diagnostics::Report;
use crate::evaluation::{self, Block, RegionSummary, Status, StructureEvaluation, Verdict};
use crate::referential::Catalog;
use crate::structure::StructureFolder;
use crate::workspace::Workspace;

use super::heat::HeatMap;
use super::provenance::{FileDigest, Provenance, git_commit, referential_files};
use super::ser;
use super::structure::StatusCounts;

/// Every structure found, evaluated, with the digests of its files.
pub struct Gathered {
    pub report: Report,
    pub structures: Vec<StructureEvaluation>,
    pub files: Vec<FileDigest>,
    /// The latest date read in the files (self-assessments, audits).
    pub latest: Option<Date>,
}

/// Finds, checks and evaluates every structure under `paths`, as
/// `evaluation::evaluate_all` does, keeping the digest of each file read.
pub fn gather(
    workspace: &Workspace,
    paths: &[PathBuf],
    today: Date,
    progress: &(dyn crate::validate::Progress + Sync),
) -> Gathered {
    let keep = |folder: &StructureFolder| {
        let files: Vec<FileDigest> = folder.sources.iter().map(FileDigest::of_source).collect();
        let latest = super::structure::latest_date(folder);
        Some((evaluation::evaluate_folder(folder), files, latest))
    };
    let (mut report, kept) = crate::validate::validate(workspace, paths, today, progress, &keep);
    report.finish(false);
    let mut files = Vec::new();
    let mut latest = None;
    let mut structures: Vec<StructureEvaluation> = kept
        .into_iter()
        .map(|kept| {
            let (mut structure, digests, date) = kept.value;
            structure.settle(kept.diagnostics);
            files.extend(digests);
            latest = latest.max(date);
            structure
        })
        .collect();
    evaluation::sort(&mut structures);
    Gathered {
        report,
        structures,
        files,
        latest,
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct NetworkReport {
    pub format: u8,
    #[serde(rename = "rapport")]
    pub kind: &'static str,
    #[serde(serialize_with = "ser::opt_date")]
    pub date: Option<Date>,
    /// Under `--anonyme`: the secrecy threshold and the structures of
    /// groups too small to be shown.
    #[serde(rename = "anonymisation")]
    pub anonymous: Option<Anonymous>,
    pub national: Overview,
    #[serde(rename = "referentiels")]
    pub blocks: Vec<NetworkBlock>,
    pub provenance: Provenance,
}

#[derive(Clone, Copy, Debug, Serialize)]
pub struct Anonymous {
    pub seuil: usize,
    pub non_detaillees: usize,
}

/// Counts of a set of structures.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct Overview {
    pub structures: usize,
    /// Files with errors: « non évaluée : erreurs ».
    pub non_evaluees: usize,
    pub completes: usize,
    pub incompletes: usize,
    pub pretes: usize,
    pub auditees: usize,
    pub favorable: usize,
    pub favorable_avec_reserves: usize,
    pub defavorable: usize,
    /// Audits still incomplete: no proposal.
    pub sans_proposition: usize,
}

impl Overview {
    fn of<'a>(structures: impl IntoIterator<Item = &'a StructureEvaluation>) -> Overview {
        let mut o = Overview::default();
        for s in structures {
            o.structures += 1;
            let Some(e) = &s.evaluation else {
                o.non_evaluees += 1;
                continue;
            };
            if e.summary.is_complete() {
                o.completes += 1;
            } else {
                o.incompletes += 1;
            }
            o.pretes += usize::from(e.summary.ready);
            if let Some(audit) = &e.audit {
                o.auditees += 1;
                *match audit.proposal.verdict {
                    Some(Verdict::Favorable) => &mut o.favorable,
                    Some(Verdict::FavorableWithReservations) => &mut o.favorable_avec_reserves,
                    Some(Verdict::Unfavorable) => &mut o.defavorable,
                    None => &mut o.sans_proposition,
                } += 1;
            }
        }
        o
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct NetworkBlock {
    #[serde(rename = "referentiel")]
    pub referential: Option<String>,
    pub version: Option<String>,
    #[serde(rename = "resume")]
    pub overview: Overview,
    /// Mean rate of the complete self-assessments (§6.1).
    pub taux_moyen: Option<f64>,
    pub regions: Vec<RegionLine>,
    pub structures: Vec<StructureLine>,
    #[serde(rename = "audits")]
    pub audited: Vec<Audited>,
    /// Criteria with gaps among complete self-assessments, most failed first.
    #[serde(rename = "criteres_les_plus_en_ecart")]
    pub ranking: Vec<RankLine>,
    #[serde(rename = "niveaux_par_critere")]
    pub heat: HeatMap,
}

#[derive(Clone, Debug, Serialize)]
pub struct RegionLine {
    #[serde(rename = "nom")]
    pub name: String,
    pub structures: usize,
    pub completes: usize,
    /// `None`: withheld (statistical secrecy).
    pub pretes: Option<usize>,
    pub taux_moyen: Option<f64>,
}

#[derive(Clone, Debug, Serialize)]
pub struct StructureLine {
    /// The id, or its pseudonym under `--anonyme`.
    pub id: String,
    pub region: Option<String>,
    /// `None`: its files have errors.
    #[serde(rename = "synthese")]
    pub counts: Option<StatusCounts>,
    pub taux_conformite: Option<f64>,
    pub pret_pour_audit: bool,
}

/// An audited structure's proposal, deadlines and cycle.
#[derive(Clone, Debug, Serialize)]
pub struct Audited {
    pub structure: String,
    #[serde(serialize_with = "ser::date")]
    pub fin: Date,
    #[serde(rename = "proposition", serialize_with = "ser::verdict")]
    pub verdict: Option<Verdict>,
    #[serde(serialize_with = "ser::opt_date")]
    pub echeance_nc_majeures: Option<Date>,
    #[serde(serialize_with = "ser::opt_date")]
    pub echeance_nc_mineures: Option<Date>,
    #[serde(serialize_with = "ser::opt_date")]
    pub surveillance: Option<Date>,
    #[serde(serialize_with = "ser::opt_date")]
    pub fin_validite: Option<Date>,
}

#[derive(Clone, Debug, Serialize)]
pub struct RankLine {
    #[serde(rename = "critere")]
    pub criterion: String,
    #[serde(rename = "titre")]
    pub title: String,
    pub ecarts: usize,
    pub ecarts_majeurs: usize,
    /// Complete self-assessments counted.
    pub sur: usize,
}

/// The synthesis of `structures` (anonymised or not), given the count of
/// those withheld and the threshold under `--anonyme`.
pub fn network_report(
    structures: &[StructureEvaluation],
    hidden: &[StructureEvaluation],
    anonymity: Option<usize>,
    catalog: &Catalog,
    date: Option<Date>,
    provenance_of: (Option<PathBuf>, Vec<FileDigest>),
) -> NetworkReport {
    let view = evaluation::network(structures, true, anonymity);
    let blocks: Vec<NetworkBlock> = view
        .blocks
        .iter()
        .map(|b| block(structures, b, catalog))
        .collect();
    let referentials = blocks
        .iter()
        .filter_map(|b| Some((b.referential.as_deref()?, b.version.as_deref()?)))
        .map(|(id, version)| referential_files(catalog, id, version))
        .collect();
    let (root, files) = provenance_of;
    NetworkReport {
        format: super::FORMAT,
        kind: "reseau",
        date,
        anonymous: anonymity.map(|seuil| Anonymous {
            seuil,
            non_detaillees: hidden.len(),
        }),
        national: Overview::of(structures.iter().chain(hidden)),
        blocks,
        provenance: Provenance::new(
            referentials,
            root.as_deref().and_then(git_commit),
            files,
            anonymity.is_some(),
        ),
    }
}

fn block(all: &[StructureEvaluation], b: &Block, catalog: &Catalog) -> NetworkBlock {
    let members: Vec<&StructureEvaluation> = b.members.iter().map(|i| &all[*i]).collect();
    NetworkBlock {
        referential: b.referential.clone(),
        version: b.version.clone(),
        overview: Overview::of(members.iter().copied()),
        taux_moyen: b.mean_rate,
        regions: b.regions.iter().map(region).collect(),
        structures: members.iter().map(|s| structure_line(s)).collect(),
        audited: members.iter().filter_map(|s| audited(s)).collect(),
        ranking: b
            .ranking()
            .into_iter()
            .take(10)
            .map(|c| RankLine {
                criterion: c.id.clone(),
                title: c.title.to_string(),
                ecarts: c.gaps(),
                ecarts_majeurs: c.count(Status::MajorGap),
                sur: b.complete,
            })
            .collect(),
        heat: super::heat::heat_map(b, &members, catalog),
    }
}

fn region(r: &RegionSummary) -> RegionLine {
    RegionLine {
        name: r.name.clone(),
        structures: r.structures,
        completes: r.complete,
        pretes: r.ready,
        taux_moyen: r.mean_rate,
    }
}

fn structure_line(s: &StructureEvaluation) -> StructureLine {
    let counts = s.evaluation.as_ref().map(|e| {
        let mut counts = StatusCounts::default();
        for c in &e.criteria {
            counts.add(c.status);
        }
        counts
    });
    StructureLine {
        id: s.label().to_string(),
        region: s.region.clone(),
        counts,
        taux_conformite: s.summary().and_then(|m| m.rate),
        pret_pour_audit: s.is_ready(),
    }
}

fn audited(s: &StructureEvaluation) -> Option<Audited> {
    let audit = s.evaluation.as_ref()?.audit.as_ref()?;
    let p = &audit.proposal;
    Some(Audited {
        structure: s.label().to_string(),
        fin: audit.end,
        verdict: p.verdict,
        echeance_nc_majeures: p.major_deadline,
        echeance_nc_mineures: p.minor_deadline,
        surveillance: p.cycle.map(|c| c.surveillance),
        fin_validite: p.cycle.map(|c| c.end),
    })
}
