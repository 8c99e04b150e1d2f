//! The network view: many structures side by side, and per criterion how
//! many structures are at each status.

use std::collections::BTreeMap;

use super::status::Status;
use super::structure::Evaluation;

/// One evaluated structure, with what identifies it.
#[derive(Clone, Debug)]
pub struct StructureEvaluation {
    pub id: String,
    pub name: String,
    pub region: Option<String>,
    /// Folder, as shown to users.
    pub path: String,
    pub referential: String,
    pub version: String,
    pub evaluation: Evaluation,
}

/// How many structures are at each status for one criterion.
#[derive(Clone, Debug, PartialEq)]
pub struct CriterionCounts {
    pub referential: String,
    pub id: String,
    pub title: std::sync::Arc<str>,
    pub counts: BTreeMap<Status, usize>,
}

impl CriterionCounts {
    pub fn count(&self, status: Status) -> usize {
        self.counts.get(&status).copied().unwrap_or(0)
    }

    pub fn gaps(&self) -> usize {
        self.count(Status::MajorGap) + self.count(Status::MinorGap)
    }
}

/// Per criterion counts, most failed first (then referential order).
pub fn criterion_counts(structures: &[StructureEvaluation]) -> Vec<CriterionCounts> {
    let mut order: Vec<(String, String)> = Vec::new();
    let mut table: BTreeMap<(String, String), CriterionCounts> = BTreeMap::new();
    for structure in structures {
        for c in &structure.evaluation.criteria {
            let key = (structure.referential.clone(), c.id.clone());
            let entry = table.entry(key.clone()).or_insert_with(|| {
                order.push(key.clone());
                CriterionCounts {
                    referential: structure.referential.clone(),
                    id: c.id.clone(),
                    title: c.title.clone(),
                    counts: Status::ALL.iter().map(|s| (*s, 0)).collect(),
                }
            });
            *entry.counts.entry(c.status).or_default() += 1;
        }
    }
    let mut rows: Vec<(usize, CriterionCounts)> = order
        .iter()
        .enumerate()
        .filter_map(|(i, key)| table.remove(key).map(|row| (i, row)))
        .collect();
    rows.sort_by(|(ia, a), (ib, b)| {
        b.gaps()
            .cmp(&a.gaps())
            .then(b.count(Status::MajorGap).cmp(&a.count(Status::MajorGap)))
            .then(ia.cmp(ib))
    });
    rows.into_iter().map(|(_, row)| row).collect()
}

/// One region's figures.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RegionSummary {
    pub structures: usize,
    pub ready: usize,
    /// Mean conformity rate, one decimal.
    pub mean_rate: f64,
}

/// Figures per region; structures without region are under "(sans région)".
pub fn by_region(structures: &[StructureEvaluation]) -> BTreeMap<String, RegionSummary> {
    let mut regions: BTreeMap<String, (usize, usize, f64)> = BTreeMap::new();
    for s in structures {
        let key = s.region.clone().unwrap_or_else(|| "(sans région)".into());
        let entry = regions.entry(key).or_default();
        entry.0 += 1;
        entry.1 += usize::from(s.evaluation.summary.ready);
        entry.2 += s.evaluation.summary.rate;
    }
    regions
        .into_iter()
        .map(|(region, (n, ready, total))| {
            let mean = if n == 0 {
                0.0
            } else {
                (total / n as f64 * 10.0).round() / 10.0
            };
            (
                region,
                RegionSummary {
                    structures: n,
                    ready,
                    mean_rate: mean,
                },
            )
        })
        .collect()
}

/// Replaces ids, names and paths by `structure-001`… for publication; the
/// numbering follows the sorted real ids, which it does not reveal.
pub fn anonymize(structures: &mut [StructureEvaluation]) {
    let width = structures.len().to_string().len().max(3);
    for (i, s) in structures.iter_mut().enumerate() {
        let pseudonym = format!("structure-{:0width$}", i + 1);
        s.name = pseudonym.clone();
        s.path = pseudonym.clone();
        s.id = pseudonym;
    }
}
