//! `json` of `label evaluate`, exactly as §6.4 (docs/formats.md).

use serde_json::{Map, Value, json};

use crate::evaluation::{Status, StructureEvaluation};

use super::EvaluationView;

pub fn render(view: &EvaluationView) -> String {
    let structures: Vec<Value> = view.structures.iter().map(structure).collect();
    let mut root = json!({ "format": 1, "structures": structures });
    if let Some(network) = &view.network {
        let criteria: Vec<Value> = network
            .iter()
            .map(|c| {
                let mut row = json!({ "referentiel": c.referential, "id": c.id, "titre": c.title });
                for status in Status::ALL {
                    row[status.keyword()] = json!(c.count(status));
                }
                row
            })
            .collect();
        let ready = view
            .structures
            .iter()
            .filter(|s| s.evaluation.summary.ready)
            .count();
        root["reseau"] = json!({
            "structures": view.structures.len(),
            "pretes_pour_audit": ready,
            "criteres": criteria,
        });
    }
    if let Some(regions) = &view.regions {
        let mut map = Map::new();
        for (region, summary) in regions {
            map.insert(
                region.clone(),
                json!({
                    "structures": summary.structures,
                    "pretes_pour_audit": summary.ready,
                    "taux_conformite_moyen": summary.mean_rate,
                }),
            );
        }
        root["regions"] = Value::Object(map);
    }
    root["diagnostics"] = json!(
        view.report
            .diagnostics()
            .iter()
            .map(crate::output::diagnostic_json)
            .collect::<Vec<_>>()
    );
    crate::output::to_json(&root)
}

fn structure(s: &StructureEvaluation) -> Value {
    let criteria: Vec<Value> = s
        .evaluation
        .criteria
        .iter()
        .map(|c| {
            json!({
                "id": c.id,
                "statut": c.status.keyword(),
                "niveau": c.level,
                "attendu": c.expected,
                "imperatif": c.imperative,
                "actions": c.actions,
            })
        })
        .collect();
    let summary = &s.evaluation.summary;
    let mut synthese = Map::new();
    for status in Status::ALL {
        synthese.insert(status.keyword().into(), json!(summary.count(status)));
    }
    synthese.insert("taux_conformite".into(), json!(summary.rate));
    synthese.insert("pret_pour_audit".into(), json!(summary.ready));
    let motifs: Vec<String> = s.evaluation.reasons.iter().map(|r| r.message()).collect();
    json!({
        "id": s.id,
        "nom": s.name,
        "region": s.region,
        "chemin": s.path,
        "referentiel": s.referential,
        "version": s.version,
        "criteres": criteria,
        "synthese": synthese,
        "motifs": motifs,
    })
}
