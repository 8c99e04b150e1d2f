//! `text` of `label evaluate`: what a quality referent reads at a glance.

use std::fmt::Write as _;

use comfy_table::{CellAlignment, ColumnConstraint, ContentArrangement, Table, presets};

use crate::evaluation::{Status, StructureEvaluation};
use crate::output::concise_line;

use super::{EvaluationView, levels, percent};

pub fn render(view: &EvaluationView, width: u16) -> String {
    let out = render_untrimmed(view, width);
    // Tables pad their last column; trailing spaces only clutter diffs.
    out.lines()
        .map(|l| l.trim_end().to_string() + "\n")
        .collect()
}

fn render_untrimmed(view: &EvaluationView, width: u16) -> String {
    let mut out = String::new();
    match view.structures {
        [one] => structure(&mut out, one, width),
        [] => out.push_str("Aucune structure n'a pu être évaluée.\n"),
        many => network(&mut out, view, many, width),
    }
    if !view.report.diagnostics().is_empty() {
        let errors = view.report.error_count();
        let _ = writeln!(
            out,
            "\n{} problème(s) dans les fichiers ({errors} erreur(s)) ; structures concernées non évaluées si erreur :",
            view.report.diagnostics().len()
        );
        for d in view.report.diagnostics() {
            let _ = writeln!(out, "  {}", concise_line(d));
        }
    }
    out
}

fn table(width: u16, header: &[&str]) -> Table {
    let mut table = Table::new();
    table
        .load_preset(presets::UTF8_HORIZONTAL_ONLY)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width)
        .set_header(header.to_vec());
    table
}

fn structure(out: &mut String, s: &StructureEvaluation, width: u16) {
    let sm = &s.evaluation.summary;
    let _ = writeln!(out, "{} ({})", s.name, s.id);
    let origin = format!("Référentiel {} {} · {}", s.referential, s.version, s.path);
    out.push_str(&wrap(&origin, usize::from(width), "", "  "));
    let _ = writeln!(out, "\nTaux de conformité : {}", percent(sm.rate));
    let counts = format!(
        "Conformes {} · écarts mineurs {} · écarts majeurs {} · non concernés {} · non évalués {}",
        sm.count(Status::Conform),
        sm.count(Status::MinorGap),
        sm.count(Status::MajorGap),
        sm.count(Status::NotApplicable),
        sm.count(Status::NotAssessed)
    );
    out.push_str(&wrap(&counts, usize::from(width), "", ""));
    if sm.ready {
        out.push_str("\nPrête pour l'audit : oui.\n");
    } else {
        out.push_str("\nPas encore prête pour l'audit :\n");
        for reason in &s.evaluation.reasons {
            out.push_str(&wrap(&reason.message(), usize::from(width), "  - ", "    "));
        }
    }
    let rows: Vec<_> = s
        .evaluation
        .criteria
        .iter()
        .filter(|c| !matches!(c.status, Status::Conform | Status::NotApplicable))
        .collect();
    if rows.is_empty() {
        return;
    }
    let mut t = table(
        width,
        &["Critère", "Intitulé", "Statut", "Niveau", "Actions"],
    );
    for c in rows {
        t.add_row(vec![
            c.id.clone(),
            c.title.to_string(),
            c.status.label().to_string(),
            levels(c.level, c.expected),
            c.actions.join(" "),
        ]);
    }
    let _ = writeln!(
        out,
        "\nCritères à traiter (niveau atteint / attendu) :\n{t}"
    );
}

fn network(
    out: &mut String,
    view: &EvaluationView,
    structures: &[StructureEvaluation],
    width: u16,
) {
    let ready = structures
        .iter()
        .filter(|s| s.evaluation.summary.ready)
        .count();
    let _ = writeln!(
        out,
        "{} structures évaluées, {ready} prête(s) pour l'audit.\n",
        structures.len()
    );
    let mut t = table(
        width,
        &[
            "Structure",
            "Région",
            "Taux",
            "Maj.",
            "Min.",
            "N/É",
            "Prête",
        ],
    );
    for s in structures {
        let sm = &s.evaluation.summary;
        t.add_row(vec![
            s.id.clone(),
            s.region.clone().unwrap_or_default(),
            percent(sm.rate),
            sm.count(Status::MajorGap).to_string(),
            sm.count(Status::MinorGap).to_string(),
            sm.count(Status::NotAssessed).to_string(),
            if sm.ready { "oui" } else { "non" }.to_string(),
        ]);
    }
    if let Some(c) = t.column_mut(0) {
        c.set_constraint(ColumnConstraint::ContentWidth);
    }
    for column in 2..6 {
        if let Some(c) = t.column_mut(column) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
    let _ = writeln!(out, "{t}");
    out.push_str("Maj. : écarts majeurs · Min. : écarts mineurs · N/É : critères non évalués.\n");
    if let Some(criteria) = &view.network {
        let failing: Vec<_> = criteria.iter().filter(|c| c.gaps() > 0).take(15).collect();
        if !failing.is_empty() {
            let mut t = table(width, &["Critère", "Intitulé", "Maj.", "Min.", "N/É"]);
            for c in failing {
                t.add_row(vec![
                    c.id.clone(),
                    c.title.to_string(),
                    c.count(Status::MajorGap).to_string(),
                    c.count(Status::MinorGap).to_string(),
                    c.count(Status::NotAssessed).to_string(),
                ]);
            }
            let _ = writeln!(
                out,
                "\nCritères le plus souvent en écart (15 premiers) :\n{t}"
            );
        }
    }
    if let Some(regions) = &view.regions {
        let mut t = table(width, &["Région", "Structures", "Prêtes", "Taux moyen"]);
        for (region, r) in regions {
            t.add_row(vec![
                region.clone(),
                r.structures.to_string(),
                r.ready.to_string(),
                percent(r.mean_rate),
            ]);
        }
        let _ = writeln!(out, "\nPar région :\n{t}");
    }
}

/// Word-wraps `text` to `width` columns, with a first-line prefix and a
/// hanging indent.
fn wrap(text: &str, width: usize, first: &str, rest: &str) -> String {
    let mut out = String::new();
    let mut line = first.to_string();
    let mut empty = true;
    for word in text.split_whitespace() {
        if !empty && line.chars().count() + 1 + word.chars().count() > width {
            out.push_str(&line);
            out.push('\n');
            line = rest.to_string();
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    out.push_str(&line);
    out.push('\n');
    out
}
