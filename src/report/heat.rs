//! The levels per criterion across a block's structures: how many chose
//! each level of the scale, declared it non concerné, or left it empty.

use std::collections::HashMap;

use crate::evaluation::{Block, Status, StructureEvaluation};
use crate::referential::Catalog;

use serde::Serialize;

use super::structure::LevelInfo;

/// Structures per level, per criterion.
#[derive(Clone, Debug, Serialize)]
pub struct HeatMap {
    #[serde(rename = "niveaux")]
    pub levels: Vec<LevelInfo>,
    #[serde(rename = "criteres")]
    pub rows: Vec<HeatRow>,
}

#[derive(Clone, Debug, Serialize)]
pub struct HeatRow {
    #[serde(rename = "critere")]
    pub criterion: String,
    #[serde(rename = "titre")]
    pub title: String,
    #[serde(rename = "attendu")]
    pub expected: Option<i64>,
    /// One count per level of the scale, in its order.
    #[serde(rename = "par_niveau")]
    pub per_level: Vec<usize>,
    pub non_concerne: usize,
    pub non_evalue: usize,
}

/// The heat map of one block; the scale comes from the block's
/// referential (every structure of a block shares it).
pub fn heat_map(block: &Block, members: &[&StructureEvaluation], catalog: &Catalog) -> HeatMap {
    let referential = block
        .referential
        .as_deref()
        .zip(block.version.as_deref())
        .and_then(|(id, version)| catalog.find(id, version))
        .and_then(|loaded| loaded.referential);
    let levels: Vec<LevelInfo> = referential
        .as_ref()
        .map(|r| {
            r.scale
                .levels
                .iter()
                .map(|l| LevelInfo {
                    value: l.value,
                    label: l.label.clone(),
                })
                .collect()
        })
        .unwrap_or_default();
    let column: HashMap<i64, usize> = levels
        .iter()
        .enumerate()
        .map(|(i, l)| (l.value, i))
        .collect();
    let mut rows: Vec<HeatRow> = block
        .criteria
        .iter()
        .map(|c| HeatRow {
            criterion: c.id.clone(),
            title: c.title.to_string(),
            expected: None,
            per_level: vec![0; levels.len()],
            non_concerne: 0,
            non_evalue: 0,
        })
        .collect();
    let index: HashMap<&str, usize> = block
        .criteria
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    for evaluation in members.iter().filter_map(|s| s.evaluation.as_ref()) {
        for c in &evaluation.criteria {
            let Some(row) = index.get(c.id.as_str()).map(|i| &mut rows[*i]) else {
                continue;
            };
            row.expected = Some(c.expected);
            match (c.status, c.level.and_then(|l| column.get(&l))) {
                (Status::NotApplicable, _) => row.non_concerne += 1,
                (_, Some(i)) => row.per_level[*i] += 1,
                _ => row.non_evalue += 1,
            }
        }
    }
    HeatMap { levels, rows }
}
