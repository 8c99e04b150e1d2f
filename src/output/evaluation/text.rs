//! `text` of `label evaluate`: what a quality referent reads at a glance.
//! Diagnostics go to standard error (the CLI prints them).

use std::fmt::Write as _;

use crate::evaluation::{Block, Network, Status, StructureEvaluation};
use crate::output::table::Table;
use crate::output::wrap::paragraph;

use super::{
    EvaluationView, NOT_EVALUATED, block_counts, block_title, counts, hidden_note, levels,
    network_counts, ranking_title, rate, rate_and_completeness, reason, yes_no,
};

/// Rows of the criteria ranking shown on a terminal.
const RANKING_ROWS: usize = 15;

pub fn render(view: &EvaluationView, width: u16) -> String {
    let width = usize::from(width);
    let mut out = String::new();
    match (view.structures, &view.network) {
        (structures, Some(network)) => network_view(&mut out, structures, network, width),
        ([one], None) => structure(&mut out, one, width),
        _ => {}
    }
    match hidden_note(view.anonymous) {
        Some(note) => {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&paragraph(&note, width, "", ""));
        }
        None if out.is_empty() => out.push_str("Aucune structure n'a pu être évaluée.\n"),
        None => {}
    }
    out
}

fn structure(out: &mut String, s: &StructureEvaluation, width: usize) {
    let heading = match (&s.name, &s.id) {
        (Some(name), Some(id)) if name != id => format!("{name} ({id})"),
        _ => s.label().to_string(),
    };
    out.push_str(&paragraph(&heading, width, "", "  "));
    let origin = match s.block() {
        (Some(r), Some(v)) => format!("Référentiel {r} {v} · {}", s.path),
        _ => s.path.clone(),
    };
    out.push_str(&paragraph(&origin, width, "", "  "));
    let Some(evaluation) = &s.evaluation else {
        let line = "Non évaluée : erreurs dans ses fichiers (voir la sortie d'erreur).";
        out.push('\n');
        out.push_str(&paragraph(line, width, "", ""));
        return;
    };
    let sm = &evaluation.summary;
    let line = format!("Taux de conformité : {}", rate_and_completeness(sm));
    out.push('\n');
    out.push_str(&paragraph(&line, width, "", ""));
    out.push_str(&paragraph(&counts(sm), width, "", ""));
    if sm.ready {
        out.push_str("\nPrête pour l'audit : oui.\n");
    } else {
        out.push_str("\nPas encore prête pour l'audit :\n");
        for r in &evaluation.reasons {
            out.push_str(&paragraph(&reason(r), width, "  - ", "    "));
        }
    }
    if let Some((heading, items)) = super::audit_lines(evaluation) {
        out.push('\n');
        out.push_str(&paragraph(&heading, width, "", ""));
        if !items.is_empty() {
            out.push_str("Non-conformités d'audit ouvertes (seule une levée les ferme) :\n");
        }
        for item in items {
            out.push_str(&paragraph(&item, width, "  - ", "    "));
        }
    }
    let mut t = Table::new(&["Critère", "Intitulé", "Statut", "Niveau", "Actions"]);
    for c in evaluation
        .criteria
        .iter()
        .filter(|c| !matches!(c.status, Status::Conform | Status::NotApplicable))
    {
        t.row(vec![
            c.id.clone(),
            c.title.to_string(),
            c.status.label().to_string(),
            levels(c.level, c.expected),
            c.actions.join(" "),
        ]);
    }
    if !t.is_empty() {
        out.push_str("\nCritères à traiter (niveau atteint / attendu) :\n");
        out.push_str(&t.render(width));
    }
}

fn network_view(
    out: &mut String,
    structures: &[StructureEvaluation],
    network: &Network,
    width: usize,
) {
    out.push_str(&paragraph(&network_counts(network), width, "", ""));
    for block in &network.blocks {
        out.push('\n');
        let _ = writeln!(out, "{}", block_title(block));
        out.push_str(&paragraph(&block_counts(block), width, "", ""));
        block_view(out, structures, block, width);
    }
    out.push('\n');
    out.push_str(&paragraph(
        "Maj. : écarts majeurs · Min. : écarts mineurs. Moyennes et classements ne comptent que les autoévaluations complètes.",
        width,
        "",
        "",
    ));
}

fn block_view(out: &mut String, structures: &[StructureEvaluation], block: &Block, width: usize) {
    let mut t =
        Table::new(&["Structure", "Région", "Taux", "Maj.", "Min.", "Prête"]).right(&[3, 4]);
    for s in block.members.iter().map(|i| &structures[*i]) {
        let region = s.region.clone().unwrap_or_default();
        let row = match s.summary() {
            Some(sm) => vec![
                s.label().to_string(),
                region,
                rate_and_completeness(sm),
                sm.count(Status::MajorGap).to_string(),
                sm.count(Status::MinorGap).to_string(),
                yes_no(sm.ready).to_string(),
            ],
            None => vec![s.label().to_string(), region, NOT_EVALUATED.to_string()],
        };
        t.row(row);
    }
    out.push_str(&t.render(width));
    if block.complete + block.incomplete == 0 {
        return;
    }
    let _ = writeln!(
        out,
        "Taux moyen des autoévaluations complètes : {}",
        rate(block.mean_rate)
    );
    if let Some(line) = super::audit_summary(block) {
        out.push_str(&paragraph(&line, width, "", "  "));
    }
    ranking(out, block, width);
    if !block.regions.is_empty() {
        let mut t = Table::new(&["Région", "Structures", "Complètes", "Prêtes", "Taux moyen"])
            .right(&[1, 2, 3, 4]);
        for r in &block.regions {
            t.row(vec![
                r.name.clone(),
                r.structures.to_string(),
                r.complete.to_string(),
                r.ready.map_or_else(|| "—".into(), |n| n.to_string()),
                rate(r.mean_rate),
            ]);
        }
        out.push_str("\nPar région :\n");
        out.push_str(&t.render(width));
    }
}

fn ranking(out: &mut String, block: &Block, width: usize) {
    let rows = block.ranking();
    let shown = rows.len().min(RANKING_ROWS);
    out.push('\n');
    out.push_str(&paragraph(
        &ranking_title(block, rows.len(), shown),
        width,
        "",
        "",
    ));
    if shown == 0 {
        return;
    }
    let mut t = Table::new(&["Critère", "Intitulé", "Maj.", "Min."]).right(&[2, 3]);
    for c in &rows[..shown] {
        t.row(vec![
            c.id.clone(),
            c.title.to_string(),
            c.count(Status::MajorGap).to_string(),
            c.count(Status::MinorGap).to_string(),
        ]);
    }
    out.push_str(&t.render(width));
}
