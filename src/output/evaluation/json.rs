//! `json` of `label evaluate`, exactly as §6.4 (docs/formats.md). Written
//! straight from borrowed data: a network of 10,000 structures never
//! becomes a JSON tree in memory.

use std::collections::BTreeMap;

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use crate::evaluation::{CriterionCounts, RegionSummary, Status, StructureEvaluation, Summary};

use super::EvaluationView;

#[derive(Serialize)]
struct Root<'a> {
    format: u32,
    structures: Vec<Structure<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reseau: Option<Network<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    regions: Option<BTreeMap<&'a str, Region>>,
    diagnostics: Vec<serde_json::Value>,
}

#[derive(Serialize)]
struct Structure<'a> {
    id: &'a str,
    nom: &'a str,
    region: Option<&'a str>,
    chemin: &'a str,
    referentiel: &'a str,
    version: &'a str,
    criteres: Vec<Criterion<'a>>,
    synthese: Synthese<'a>,
    motifs: Vec<String>,
}

#[derive(Serialize)]
struct Criterion<'a> {
    id: &'a str,
    statut: &'static str,
    niveau: Option<i64>,
    attendu: i64,
    imperatif: bool,
    actions: &'a [String],
}

/// Counts under their status keywords, then the rate and readiness.
struct Synthese<'a>(&'a Summary);

impl Serialize for Synthese<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(Status::ALL.len() + 2))?;
        for status in Status::ALL {
            map.serialize_entry(status.keyword(), &self.0.count(status))?;
        }
        map.serialize_entry("taux_conformite", &self.0.rate)?;
        map.serialize_entry("pret_pour_audit", &self.0.ready)?;
        map.end()
    }
}

#[derive(Serialize)]
struct Network<'a> {
    structures: usize,
    pretes_pour_audit: usize,
    criteres: Vec<Counts<'a>>,
}

struct Counts<'a>(&'a CriterionCounts);

impl Serialize for Counts<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(3 + Status::ALL.len()))?;
        map.serialize_entry("referentiel", &self.0.referential)?;
        map.serialize_entry("id", &self.0.id)?;
        map.serialize_entry("titre", &*self.0.title)?;
        for status in Status::ALL {
            map.serialize_entry(status.keyword(), &self.0.count(status))?;
        }
        map.end()
    }
}

#[derive(Serialize)]
struct Region {
    structures: usize,
    pretes_pour_audit: usize,
    taux_conformite_moyen: f64,
}

pub fn write(view: &EvaluationView, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let root = Root {
        format: 1,
        structures: view.structures.iter().map(structure).collect(),
        reseau: view.network.as_ref().map(|criteria| Network {
            structures: view.structures.len(),
            pretes_pour_audit: view
                .structures
                .iter()
                .filter(|s| s.evaluation.summary.ready)
                .count(),
            criteres: criteria.iter().map(Counts).collect(),
        }),
        regions: view.regions.as_ref().map(regions),
        diagnostics: view
            .report
            .diagnostics()
            .iter()
            .map(crate::output::diagnostic_json)
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &root)?;
    out.write_all(b"\n")
}

fn regions(regions: &BTreeMap<String, RegionSummary>) -> BTreeMap<&str, Region> {
    regions
        .iter()
        .map(|(name, r)| {
            let region = Region {
                structures: r.structures,
                pretes_pour_audit: r.ready,
                taux_conformite_moyen: r.mean_rate,
            };
            (name.as_str(), region)
        })
        .collect()
}

fn structure(s: &StructureEvaluation) -> Structure<'_> {
    Structure {
        id: &s.id,
        nom: &s.name,
        region: s.region.as_deref(),
        chemin: &s.path,
        referentiel: &s.referential,
        version: &s.version,
        criteres: s
            .evaluation
            .criteria
            .iter()
            .map(|c| Criterion {
                id: &c.id,
                statut: c.status.keyword(),
                niveau: c.level,
                attendu: c.expected,
                imperatif: c.imperative,
                actions: &c.actions,
            })
            .collect(),
        synthese: Synthese(&s.evaluation.summary),
        motifs: s.evaluation.reasons.iter().map(|r| r.message()).collect(),
    }
}
