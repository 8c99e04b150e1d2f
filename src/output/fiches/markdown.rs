//! The fiches d'écart in markdown.

use std::fmt::Write as _;

use crate::evaluation::{AuditReview, Fiche, fiches};

use super::{NO_ACTION, NO_OBSERVATIONS, NONE, TITLE, actions, lifting, requirement, severity};

/// Free text from a file, on one line and without control characters.
fn clean(text: &str) -> String {
    crate::escape::visible(text).replace(['\n', '\r'], " ")
}

pub fn markdown(review: &AuditReview) -> String {
    let a = review.audit;
    let mut out = format!(
        "# {TITLE} : {}, audit du {} au {}\n",
        clean(&a.structure),
        a.start.french(),
        a.end.french()
    );
    let all = fiches(review);
    if all.is_empty() {
        let _ = writeln!(out, "\n{NONE}");
    }
    for fiche in &all {
        write_fiche(&mut out, fiche);
    }
    out
}

fn write_fiche(out: &mut String, f: &Fiche) {
    let c = f.criterion;
    let _ = write!(out, "\n## {} {}\n\n", c.id, clean(&c.title));
    let mut line = |label: &str, value: String| {
        let _ = writeln!(out, "- **{label}** : {}", clean(&value));
    };
    line("Gravité", severity(f));
    line("Exigence", requirement(f).to_string());
    line("Preuves attendues", list(&c.evidence));
    line(
        "Constat",
        f.finding
            .observations
            .clone()
            .unwrap_or_else(|| NO_OBSERVATIONS.to_string()),
    );
    line("Preuves consultées", list(&f.finding.evidence_seen));
    let actions = actions(f);
    line(
        "Action corrective",
        if actions.is_empty() {
            NO_ACTION.to_string()
        } else {
            actions.join(" ; ")
        },
    );
    let mut lifted = lifting(f);
    if let Some(l) = &f.finding.lifting {
        let _ = write!(lifted, " ; preuves : {}", list(&l.evidence));
    }
    line("Levée", lifted);
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        return "aucune".to_string();
    }
    items.join(" ; ")
}
