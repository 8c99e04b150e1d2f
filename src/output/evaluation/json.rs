//! `json` of `label evaluate`, exactly as §6.4 (docs/formats.md). Written
//! straight from borrowed data: a network of 10,000 structures never
//! becomes a JSON tree in memory.

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use crate::evaluation::{
    Block, CriterionCounts, CriterionResult, Network, RegionSummary, Status, StructureEvaluation,
    Summary,
};
use crate::output::diagnostic_json;

use super::{EvaluationView, NOT_EVALUATED_KEYWORD, reason};

#[derive(Serialize)]
struct Root<'a> {
    format: u32,
    structures: Structures<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reseau: Option<NetworkJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    anonymisation: Option<Anonymisation>,
    diagnostics: Vec<serde_json::Value>,
}

#[derive(Serialize)]
struct Structure<'a> {
    id: Option<&'a str>,
    nom: Option<&'a str>,
    region: Option<&'a str>,
    chemin: &'a str,
    referentiel: Option<&'a str>,
    version: Option<&'a str>,
    /// `evaluee`, or `non_evaluee_erreurs` when its files have errors.
    statut: &'static str,
    criteres: Criteria<'a>,
    synthese: Option<Synthese<'a>>,
    motifs: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    audit: Option<AuditJson>,
    diagnostics: Vec<serde_json::Value>,
}

/// A structure's audit (§6.4).
#[derive(Serialize)]
struct AuditJson {
    #[serde(rename = "type")]
    kind: &'static str,
    fin: String,
    proposition: Option<&'static str>,
    nc_ouvertes: Vec<serde_json::Value>,
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

/// The structures, each serialized as it is written: the whole list is
/// never a second copy in memory.
struct Structures<'a>(&'a [StructureEvaluation]);

impl Serialize for Structures<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(structure))
    }
}

/// A structure's criteria, serialized as they are written.
struct Criteria<'a>(&'a [CriterionResult]);

impl Serialize for Criteria<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|c| Criterion {
            id: &c.id,
            statut: c.status.keyword(),
            niveau: c.level,
            attendu: c.expected,
            imperatif: c.imperative,
            actions: &c.actions,
        }))
    }
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
struct NetworkJson<'a> {
    structures: usize,
    pretes_pour_audit: usize,
    non_evaluees: usize,
    referentiels: Vec<BlockJson<'a>>,
}

#[derive(Serialize)]
struct BlockJson<'a> {
    referentiel: Option<&'a str>,
    version: Option<&'a str>,
    structures: usize,
    completes: usize,
    incompletes: usize,
    non_evaluees: usize,
    pretes_pour_audit: usize,
    taux_conformite_moyen: Option<f64>,
    audits: AuditsJson<'a>,
    criteres: Vec<CountsJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    regions: Option<Regions<'a>>,
}

/// The block's audits: how many, and their proposals by keyword.
struct AuditsJson<'a>(&'a crate::evaluation::AuditCounts);

impl Serialize for AuditsJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(5))?;
        map.serialize_entry("audites", &self.0.audited)?;
        for verdict in crate::evaluation::Verdict::ALL {
            map.serialize_entry(verdict.keyword(), &self.0.count(Some(verdict)))?;
        }
        map.serialize_entry("sans_proposition", &self.0.count(None))?;
        map.end()
    }
}

/// One criterion's counts, complete and incomplete self-assessments apart.
struct CountsJson<'a>(&'a CriterionCounts);

impl Serialize for CountsJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(5))?;
        map.serialize_entry("id", &self.0.id)?;
        map.serialize_entry("titre", &*self.0.title)?;
        map.serialize_entry("completes", &StatusCounts(&self.0.complete))?;
        map.serialize_entry("incompletes", &StatusCounts(&self.0.incomplete))?;
        map.serialize_entry("ecarts_declaration", &self.0.declaration_gaps)?;
        map.end()
    }
}

struct StatusCounts<'a>(&'a crate::evaluation::Counts);

impl Serialize for StatusCounts<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(Status::ALL.len()))?;
        for status in Status::ALL {
            map.serialize_entry(status.keyword(), &self.0.get(&status).copied().unwrap_or(0))?;
        }
        map.end()
    }
}

/// Regions by name, in name order.
struct Regions<'a>(&'a [RegionSummary]);

impl Serialize for Regions<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for r in self.0 {
            map.serialize_entry(
                &r.name,
                &Region {
                    structures: r.structures,
                    completes: r.complete,
                    pretes_pour_audit: r.ready,
                    taux_conformite_moyen: r.mean_rate,
                },
            )?;
        }
        map.end()
    }
}

#[derive(Serialize)]
struct Region {
    structures: usize,
    completes: usize,
    pretes_pour_audit: Option<usize>,
    taux_conformite_moyen: Option<f64>,
}

#[derive(Serialize)]
struct Anonymisation {
    seuil: usize,
    non_detaillees: usize,
}

/// Writes the JSON of §6.4, streamed from the data (a large network never
/// sits in memory as text), C1 controls and DEL escaped on the way out
/// (JSON itself escapes C0 only).
pub fn write(view: &EvaluationView, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let root = Root {
        format: 1,
        structures: Structures(view.structures),
        reseau: view.network.as_ref().map(network),
        anonymisation: view.anonymous.map(|h| Anonymisation {
            seuil: h.threshold,
            non_detaillees: h.count,
        }),
        diagnostics: view
            .report
            .diagnostics()
            .iter()
            .map(diagnostic_json)
            .collect(),
    };
    // serde_json writes many small pieces: buffered before the escaping
    // pass, it sees large blocks (one dynamic call each, not one a piece).
    let inert = crate::output::InertJson::new(&mut *out);
    let mut buffered = std::io::BufWriter::with_capacity(1 << 16, inert);
    serde_json::to_writer_pretty(&mut buffered, &root)?;
    buffered
        .into_inner()
        .map_err(|e| e.into_error())?
        .finish()?;
    out.write_all(b"\n")
}

fn network(n: &Network) -> NetworkJson<'_> {
    NetworkJson {
        structures: n.structures,
        pretes_pour_audit: n.ready,
        non_evaluees: n.failed,
        referentiels: n.blocks.iter().map(block).collect(),
    }
}

fn block(b: &Block) -> BlockJson<'_> {
    BlockJson {
        referentiel: b.referential.as_deref(),
        version: b.version.as_deref(),
        structures: b.members.len(),
        completes: b.complete,
        incompletes: b.incomplete,
        non_evaluees: b.failed,
        pretes_pour_audit: b.ready,
        taux_conformite_moyen: b.mean_rate,
        audits: AuditsJson(&b.audits),
        criteres: b.criteria.iter().map(CountsJson).collect(),
        regions: (!b.regions.is_empty()).then_some(Regions(&b.regions)),
    }
}

fn structure(s: &StructureEvaluation) -> Structure<'_> {
    let evaluation = s.evaluation.as_ref();
    Structure {
        id: s.id.as_deref(),
        nom: s.name.as_deref(),
        region: s.region.as_deref(),
        chemin: &s.path,
        referentiel: s.referential.as_deref(),
        version: s.version.as_deref(),
        statut: if evaluation.is_some() {
            "evaluee"
        } else {
            NOT_EVALUATED_KEYWORD
        },
        criteres: Criteria(evaluation.map_or(&[], |e| &e.criteria)),
        synthese: evaluation.map(|e| Synthese(&e.summary)),
        motifs: evaluation
            .iter()
            .flat_map(|e| &e.reasons)
            .map(reason)
            .collect(),
        audit: evaluation.and_then(audit),
        diagnostics: s.diagnostics.iter().map(diagnostic_json).collect(),
    }
}

/// Open audit nonconformities in referential order, whatever the
/// self-assessment now says: only a `levee` closes them (§4.5).
fn audit(evaluation: &crate::evaluation::Evaluation) -> Option<AuditJson> {
    let state = evaluation.audit.as_ref()?;
    let open = super::open_nonconformities(evaluation)
        .into_iter()
        .map(|nc| {
            serde_json::json!({
                "critere": nc.criterion,
                "resultat": nc.result.keyword(),
                "echeance": nc.due.map(|d| d.to_string()),
            })
        })
        .collect();
    Some(AuditJson {
        kind: state.kind.keyword(),
        fin: state.end.to_string(),
        proposition: state
            .proposal
            .verdict
            .map(crate::evaluation::Verdict::keyword),
        nc_ouvertes: open,
    })
}
