//! `markdown` of `label evaluate`: the same views as text, as tables.

use std::fmt::Write as _;

use crate::evaluation::{Status, StructureEvaluation};

use super::{EvaluationView, levels, percent};

pub fn render(view: &EvaluationView) -> String {
    let mut out = String::from("# Évaluation\n");
    if view.structures.len() > 1 {
        network(&mut out, view);
    }
    for s in view.structures {
        structure(&mut out, s);
    }
    out
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

fn network(out: &mut String, view: &EvaluationView) {
    out.push_str("\n## Réseau\n\n| Structure | Région | Référentiel | Conformes | Mineurs | Majeurs | N/C | Non évalués | Taux | Prête |\n|---|---|---|---:|---:|---:|---:|---:|---:|---|\n");
    for s in view.structures {
        let sm = &s.evaluation.summary;
        let _ = writeln!(
            out,
            "| {} | {} | {} {} | {} | {} | {} | {} | {} | {} | {} |",
            cell(&s.name),
            cell(s.region.as_deref().unwrap_or("")),
            s.referential,
            s.version,
            sm.count(Status::Conform),
            sm.count(Status::MinorGap),
            sm.count(Status::MajorGap),
            sm.count(Status::NotApplicable),
            sm.count(Status::NotAssessed),
            percent(sm.rate),
            if sm.ready { "oui" } else { "non" }
        );
    }
    if let Some(criteria) = &view.network {
        out.push_str("\n### Critères les plus souvent en écart\n\n| Critère | Intitulé | Majeurs | Mineurs | Non évalués | Conformes |\n|---|---|---:|---:|---:|---:|\n");
        for c in criteria.iter().filter(|c| c.gaps() > 0) {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                c.id,
                cell(&c.title),
                c.count(Status::MajorGap),
                c.count(Status::MinorGap),
                c.count(Status::NotAssessed),
                c.count(Status::Conform)
            );
        }
    }
    if let Some(regions) = &view.regions {
        out.push_str("\n### Par région\n\n| Région | Structures | Prêtes | Taux moyen |\n|---|---:|---:|---:|\n");
        for (region, r) in regions {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                cell(region),
                r.structures,
                r.ready,
                percent(r.mean_rate)
            );
        }
    }
}

fn structure(out: &mut String, s: &StructureEvaluation) {
    let sm = &s.evaluation.summary;
    let _ = write!(
        out,
        "\n## {} ({})\n\nRéférentiel {} {} · taux de conformité {} · prête pour l'audit : **{}**\n",
        cell(&s.name),
        s.id,
        s.referential,
        s.version,
        percent(sm.rate),
        if sm.ready { "oui" } else { "non" }
    );
    for reason in &s.evaluation.reasons {
        let _ = writeln!(out, "- {}", reason.message());
    }
    let rows: Vec<_> = s
        .evaluation
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
