//! `label diff --format json` (`"format": 1`, docs/formats.md).

use serde_json::{Value, json};

use crate::versions::{Changes, Moved, Named};

fn named(n: &Named) -> Value {
    json!({ "id": n.id, "titre": n.title })
}

fn moved(m: &Moved) -> Value {
    json!({
        "ancien": named(&m.old),
        "nouveaux": m.new.iter().map(named).collect::<Vec<_>>(),
    })
}

pub fn render(changes: &Changes) -> String {
    let value = json!({
        "format": 1,
        "referentiel": changes.referential,
        "ancienne_version": changes.old_version,
        "nouvelle_version": changes.new_version,
        "correspondances": changes.mapped,
        "ajoutes": changes.added.iter().map(named).collect::<Vec<_>>(),
        "renommes": changes.renamed.iter().map(|m| json!({
            "ancien": named(&m.old),
            "nouveau": m.new.first().map(named),
        })).collect::<Vec<_>>(),
        "scindes": changes.split.iter().map(moved).collect::<Vec<_>>(),
        "fusionnes": changes.merged.iter().map(|(new, olds)| json!({
            "anciens": olds.iter().map(named).collect::<Vec<_>>(),
            "nouveau": named(new),
        })).collect::<Vec<_>>(),
        "supprimes": changes.removed.iter().map(|(n, why)| json!({
            "id": n.id, "titre": n.title, "raison": why,
        })).collect::<Vec<_>>(),
        "modifies": changes.changed.iter().map(|c| json!({
            "id": c.criterion.id,
            "ancien_id": c.old_id,
            "titre": c.criterion.title,
            "champs": c.changes.iter().map(|f| json!({
                "champ": f.field.keyword(),
                "avant": f.before,
                "apres": f.after,
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "principes": changes.principles.iter().map(|(id, before, after)| json!({
            "id": id, "avant": before, "apres": after,
        })).collect::<Vec<_>>(),
        "reglages": changes.settings.iter().map(|(what, before, after)| json!({
            "quoi": what, "avant": before, "apres": after,
        })).collect::<Vec<_>>(),
    });
    crate::output::to_json(&value)
}
