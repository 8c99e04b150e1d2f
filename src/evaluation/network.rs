//! The network view: many structures side by side, one block per
//! referential and version, never mixed (§6.4). Averages and rankings count
//! complete self-assessments only (§6.1).

use std::collections::BTreeMap;
use std::sync::Arc;

use super::audit::Verdict;
use super::entry::StructureEvaluation;
use super::status::Status;
use super::structure::{Summary, tenths};

/// Structures per status.
pub type Counts = BTreeMap<Status, usize>;

/// The whole run, then one block per referential and version.
#[derive(Clone, Debug, PartialEq)]
pub struct Network {
    pub structures: usize,
    pub failed: usize,
    /// Ready for audit, counted once here for every renderer.
    pub ready: usize,
    pub blocks: Vec<Block>,
}

/// The structures of one referential and version.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    /// `None` for structures whose self-assessment could not be read.
    pub referential: Option<String>,
    pub version: Option<String>,
    /// Positions of its structures in the evaluated list, in its order.
    pub members: Vec<usize>,
    pub complete: usize,
    pub incomplete: usize,
    /// Not evaluated: their files have errors.
    pub failed: usize,
    pub ready: usize,
    /// Mean conformity rate of the complete self-assessments, one decimal.
    pub mean_rate: Option<f64>,
    /// Per criterion, in referential order.
    pub criteria: Vec<CriterionCounts>,
    /// Per region, on request.
    pub regions: Vec<RegionSummary>,
    /// The decision proposals of its audited structures.
    pub audits: AuditCounts,
}

/// The proposals of a block's audits (structures with a valid
/// `audit.yaml`), by verdict; `None`: incomplete audit, no proposal.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AuditCounts {
    pub audited: usize,
    pub proposals: BTreeMap<Option<Verdict>, usize>,
}

impl AuditCounts {
    pub fn count(&self, verdict: Option<Verdict>) -> usize {
        self.proposals.get(&verdict).copied().unwrap_or(0)
    }
}

/// How many structures are at each status for one criterion, complete and
/// incomplete self-assessments counted apart.
#[derive(Clone, Debug, PartialEq)]
pub struct CriterionCounts {
    pub id: String,
    pub title: Arc<str>,
    pub complete: Counts,
    pub incomplete: Counts,
    /// Audited structures where the declaration and the finding differ in
    /// kind (`ecarts_declaration`, §6.3).
    pub declaration_gaps: usize,
}

impl CriterionCounts {
    /// Among complete self-assessments.
    pub fn count(&self, status: Status) -> usize {
        self.complete.get(&status).copied().unwrap_or(0)
    }

    /// Gaps among complete self-assessments.
    pub fn gaps(&self) -> usize {
        self.count(Status::MajorGap) + self.count(Status::MinorGap)
    }
}

/// One region's figures inside a block.
#[derive(Clone, Debug, PartialEq)]
pub struct RegionSummary {
    /// Region name, "(sans région)" when none is given.
    pub name: String,
    pub structures: usize,
    pub complete: usize,
    /// `None` when withheld (statistical secrecy, `--anonyme`).
    pub ready: Option<usize>,
    /// Mean rate of the complete ones; `None` without any, or withheld.
    pub mean_rate: Option<f64>,
}

/// Name of the group of structures without region.
pub const NO_REGION: &str = "(sans région)";

impl Block {
    /// Criteria with gaps among complete self-assessments, most failed
    /// first (majors, then referential order).
    pub fn ranking(&self) -> Vec<&CriterionCounts> {
        let mut rows: Vec<(usize, &CriterionCounts)> = self
            .criteria
            .iter()
            .enumerate()
            .filter(|(_, c)| c.gaps() > 0)
            .collect();
        rows.sort_by(|(ia, a), (ib, b)| {
            b.gaps()
                .cmp(&a.gaps())
                .then(b.count(Status::MajorGap).cmp(&a.count(Status::MajorGap)))
                .then(ia.cmp(ib))
        });
        rows.into_iter().map(|(_, c)| c).collect()
    }
}

/// Builds the network view. With `by_region`, each block has its regions;
/// with `secrecy` (`--anonyme`), a region figure over fewer structures than
/// the threshold is withheld.
pub fn network(
    structures: &[StructureEvaluation],
    by_region: bool,
    secrecy: Option<usize>,
) -> Network {
    let mut groups: BTreeMap<(Option<&str>, Option<&str>), Vec<usize>> = BTreeMap::new();
    for (i, s) in structures.iter().enumerate() {
        groups.entry(s.block()).or_default().push(i);
    }
    // Known referentials first, in name then version order.
    let mut keys: Vec<_> = groups.keys().copied().collect();
    keys.sort_by_key(|(r, v)| (r.is_none(), *r, v.is_none(), *v));
    let blocks = keys
        .into_iter()
        .map(|key| {
            let members = groups.remove(&key).unwrap_or_default();
            block(structures, key, members, by_region, secrecy)
        })
        .collect();
    Network {
        structures: structures.len(),
        failed: structures.iter().filter(|s| s.evaluation.is_none()).count(),
        ready: structures.iter().filter(|s| s.is_ready()).count(),
        blocks,
    }
}

fn block(
    all: &[StructureEvaluation],
    (referential, version): (Option<&str>, Option<&str>),
    members: Vec<usize>,
    by_region: bool,
    secrecy: Option<usize>,
) -> Block {
    let structures: Vec<&StructureEvaluation> = members.iter().map(|i| &all[*i]).collect();
    let complete = |s: &&StructureEvaluation| s.summary().is_some_and(Summary::is_complete);
    let regions = if by_region {
        regions(&structures, secrecy)
    } else {
        Vec::new()
    };
    Block {
        referential: referential.map(str::to_string),
        version: version.map(str::to_string),
        complete: structures.iter().copied().filter(complete).count(),
        incomplete: structures
            .iter()
            .filter(|s| s.summary().is_some_and(|m| !m.is_complete()))
            .count(),
        failed: structures.iter().filter(|s| s.evaluation.is_none()).count(),
        ready: structures.iter().filter(|s| s.is_ready()).count(),
        mean_rate: mean_rate(structures.iter().copied().filter(complete)),
        criteria: criterion_counts(&structures),
        audits: audit_counts(&structures),
        regions,
        members,
    }
}

/// Per criterion counts, in referential order (every structure of a block
/// shares its referential and version, hence its criteria).
fn criterion_counts(structures: &[&StructureEvaluation]) -> Vec<CriterionCounts> {
    let zero: Counts = Status::ALL.iter().map(|s| (*s, 0)).collect();
    let mut rows: Vec<CriterionCounts> = Vec::new();
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    for s in structures {
        let Some(evaluation) = &s.evaluation else {
            continue;
        };
        let complete = evaluation.summary.is_complete();
        for c in &evaluation.criteria {
            let i = *index.entry(c.id.as_str()).or_insert_with(|| {
                rows.push(CriterionCounts {
                    id: c.id.clone(),
                    title: c.title.clone(),
                    complete: zero.clone(),
                    incomplete: zero.clone(),
                    declaration_gaps: 0,
                });
                rows.len() - 1
            });
            let counts = if complete {
                &mut rows[i].complete
            } else {
                &mut rows[i].incomplete
            };
            *counts.entry(c.status).or_default() += 1;
        }
        let gaps = evaluation
            .audit
            .iter()
            .flat_map(|a| &a.proposal.declaration_gaps);
        for gap in gaps {
            if let Some(i) = index.get(gap.criterion.as_str()) {
                rows[*i].declaration_gaps += 1;
            }
        }
    }
    rows
}

fn audit_counts(structures: &[&StructureEvaluation]) -> AuditCounts {
    let mut counts = AuditCounts::default();
    for audit in structures
        .iter()
        .filter_map(|s| s.evaluation.as_ref()?.audit.as_ref())
    {
        counts.audited += 1;
        *counts.proposals.entry(audit.proposal.verdict).or_default() += 1;
    }
    counts
}

/// Mean of the rates, one decimal, on integers (tenths).
fn mean_rate<'a>(structures: impl Iterator<Item = &'a StructureEvaluation>) -> Option<f64> {
    let rates: Vec<usize> = structures
        .filter_map(|s| s.summary()?.rate)
        .map(|r| (r * 10.0).round() as usize)
        .collect();
    (!rates.is_empty()).then(|| tenths(rates.iter().sum(), rates.len()) as f64 / 10.0)
}

fn regions(structures: &[&StructureEvaluation], secrecy: Option<usize>) -> Vec<RegionSummary> {
    let mut by_name: BTreeMap<&str, Vec<&StructureEvaluation>> = BTreeMap::new();
    for s in structures {
        let name = s.region.as_deref().unwrap_or(NO_REGION);
        by_name.entry(name).or_default().push(s);
    }
    by_name
        .into_iter()
        .map(|(name, members)| {
            let withheld = secrecy.is_some_and(|k| members.len() < k);
            let complete: Vec<_> = members
                .iter()
                .copied()
                .filter(|s| s.summary().is_some_and(|m| m.is_complete()))
                .collect();
            RegionSummary {
                name: name.to_string(),
                structures: members.len(),
                complete: complete.len(),
                ready: (!withheld).then(|| members.iter().filter(|s| s.is_ready()).count()),
                mean_rate: if withheld {
                    None
                } else {
                    mean_rate(complete.into_iter())
                },
            }
        })
        .collect()
}
