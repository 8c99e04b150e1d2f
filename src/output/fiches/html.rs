//! The fiches d'écart as one self-contained, printable html file (A4, a
//! page per fiche), in the frame of `output::html`.

use serde::Serialize;

use crate::evaluation::{AuditReview, Fiche, fiches};

use super::{NO_ACTION, NO_OBSERVATIONS, NONE, TITLE, actions, lifting, requirement, severity};
use crate::output::audit::{auditors, heading, verdict_label};

const TEMPLATE: &str = include_str!("fiches.html");

#[derive(Serialize)]
struct Page {
    title: &'static str,
    structure: String,
    heading: String,
    auditors: String,
    proposal: &'static str,
    empty: &'static str,
    fiches: Vec<Sheet>,
}

#[derive(Serialize)]
struct Sheet {
    id: String,
    title: String,
    severity: String,
    open: bool,
    requirement: String,
    evidence_expected: Vec<String>,
    observations: String,
    evidence_seen: Vec<String>,
    actions: Vec<String>,
    no_action: &'static str,
    lifting: String,
    lifting_evidence: Vec<String>,
}

pub fn html(review: &AuditReview) -> String {
    let page = Page {
        title: TITLE,
        structure: review.audit.structure.clone(),
        heading: heading(review),
        auditors: auditors(review),
        proposal: verdict_label(review.proposal.verdict),
        empty: NONE,
        fiches: fiches(review).iter().map(sheet).collect(),
    };
    crate::output::html::render("fiches.html", TEMPLATE, page)
}

fn sheet(f: &Fiche) -> Sheet {
    let c = f.criterion;
    Sheet {
        id: c.id.clone(),
        title: c.title.to_string(),
        severity: severity(f),
        open: f.carried_over || f.finding.lifting.is_none(),
        requirement: requirement(f).to_string(),
        evidence_expected: c.evidence.clone(),
        observations: f
            .finding
            .observations
            .clone()
            .unwrap_or_else(|| NO_OBSERVATIONS.to_string()),
        evidence_seen: f.finding.evidence_seen.clone(),
        actions: actions(f),
        no_action: NO_ACTION,
        lifting: lifting(f),
        lifting_evidence: f
            .finding
            .lifting
            .as_ref()
            .map_or_else(Vec::new, |l| l.evidence.clone()),
    }
}
