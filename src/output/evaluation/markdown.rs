//! `markdown` of `label evaluate`: the same views as text, as tables.
//! Diagnostics go to standard error (the CLI prints them).

use std::fmt::Write as _;

use crate::evaluation::{Block, Network, Status, StructureEvaluation};

use super::{
    EvaluationView, NOT_EVALUATED, block_counts, block_title, hidden_note, levels, network_counts,
    ranking_title, rate, rate_and_completeness, reason, yes_no,
};

pub fn render(view: &EvaluationView) -> String {
    let mut out = String::from("# Évaluation\n");
    if let Some(network) = &view.network {
        network_view(&mut out, view.structures, network);
    }
    for s in view.structures {
        structure(&mut out, s);
    }
    if let Some(note) = hidden_note(view.anonymous) {
        let _ = write!(out, "\n{note}\n");
    }
    out
}

/// A value in a table cell: `|` escaped, on one line, and no raw `<` that
/// a renderer could take for HTML.
pub fn cell(text: &str) -> String {
    text.replace('|', "\\|")
        .replace('<', "\\<")
        .replace(['\n', '\r'], " ")
}

fn network_view(out: &mut String, structures: &[StructureEvaluation], network: &Network) {
    let _ = write!(
        out,
        "\n## Réseau\n\n{} Moyennes et classements ne comptent que les autoévaluations complètes.\n",
        network_counts(network)
    );
    for block in &network.blocks {
        block_view(out, structures, block);
    }
}

fn block_view(out: &mut String, structures: &[StructureEvaluation], block: &Block) {
    let _ = write!(
        out,
        "\n### {}\n\n{}\n\n| Structure | Région | Conformes | Mineurs | Majeurs | N/C | Non évalués | Taux | Prête |\n|---|---|---:|---:|---:|---:|---:|---|---|\n",
        cell(&block_title(block)),
        block_counts(block)
    );
    for s in block.members.iter().map(|i| &structures[*i]) {
        let region = cell(s.region.as_deref().unwrap_or(""));
        let Some(sm) = s.summary() else {
            let _ = writeln!(
                out,
                "| {} | {region} |  |  |  |  |  | {NOT_EVALUATED} |  |",
                cell(s.label())
            );
            continue;
        };
        let _ = writeln!(
            out,
            "| {} | {region} | {} | {} | {} | {} | {} | {} | {} |",
            cell(s.label()),
            sm.count(Status::Conform),
            sm.count(Status::MinorGap),
            sm.count(Status::MajorGap),
            sm.count(Status::NotApplicable),
            sm.count(Status::NotAssessed),
            rate_and_completeness(sm),
            yes_no(sm.ready)
        );
    }
    if block.complete + block.incomplete == 0 {
        return;
    }
    let _ = writeln!(
        out,
        "\nTaux moyen des autoévaluations complètes : {}",
        rate(block.mean_rate)
    );
    if let Some(line) = super::audit_summary(block) {
        let _ = writeln!(out, "\n{}", cell(&line));
    }
    ranking(out, block);
    if !block.regions.is_empty() {
        out.push_str("\n#### Par région\n\n| Région | Structures | Complètes | Prêtes | Taux moyen |\n|---|---:|---:|---:|---:|\n");
        for r in &block.regions {
            let ready = r.ready.map_or_else(|| "—".into(), |n| n.to_string());
            let _ = writeln!(
                out,
                "| {} | {} | {} | {ready} | {} |",
                cell(&r.name),
                r.structures,
                r.complete,
                rate(r.mean_rate)
            );
        }
    }
}

fn ranking(out: &mut String, block: &Block) {
    let rows = block.ranking();
    let _ = writeln!(
        out,
        "\n#### {}",
        ranking_title(block, rows.len(), rows.len()).trim_end_matches(" :")
    );
    if rows.is_empty() {
        return;
    }
    out.push_str(
        "\n| Critère | Intitulé | Majeurs | Mineurs | Conformes |\n|---|---|---:|---:|---:|\n",
    );
    for c in rows {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            c.id,
            cell(&c.title),
            c.count(Status::MajorGap),
            c.count(Status::MinorGap),
            c.count(Status::Conform)
        );
    }
}

fn structure(out: &mut String, s: &StructureEvaluation) {
    let title = match (&s.name, &s.id) {
        (Some(name), Some(id)) if name != id => format!("{} ({})", cell(name), cell(id)),
        _ => cell(s.label()),
    };
    let referential = match s.block() {
        (Some(r), Some(v)) => format!("Référentiel {} {}", cell(r), cell(v)),
        _ => "Référentiel inconnu (autoévaluation illisible)".into(),
    };
    let _ = write!(out, "\n## {title}\n\n{referential} · ");
    let Some(evaluation) = &s.evaluation else {
        let _ = writeln!(
            out,
            "**{NOT_EVALUATED}** (diagnostics sur la sortie d'erreur)"
        );
        return;
    };
    let sm = &evaluation.summary;
    let _ = writeln!(
        out,
        "taux de conformité {} · prête pour l'audit : **{}**",
        rate_and_completeness(sm),
        yes_no(sm.ready)
    );
    for r in &evaluation.reasons {
        let _ = writeln!(out, "- {}", reason(r));
    }
    if let Some((heading, items)) = super::audit_lines(evaluation) {
        let _ = writeln!(out, "\n{heading}");
        if !items.is_empty() {
            out.push_str("Non-conformités d'audit ouvertes (seule une levée les ferme) :\n\n");
        }
        for item in items {
            let _ = writeln!(out, "- {}", cell(&item));
        }
    }
    let rows: Vec<_> = evaluation
        .criteria
        .iter()
        .filter(|c| c.status != Status::Conform && c.status != Status::NotApplicable)
        .collect();
    if rows.is_empty() {
        return;
    }
    out.push_str("\n| Critère | Intitulé | Statut | Niveau | Actions |\n|---|---|---|---|---|\n");
    for c in rows {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            c.id,
            cell(&c.title),
            c.status.label(),
            levels(c.level, c.expected),
            c.actions.join(", ")
        );
    }
}
