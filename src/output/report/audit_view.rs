//! The audit part of a structure's report in French words: the proposal
//! and its reasons as `label audit` words them, the deadlines, the cycle,
//! the findings.

use serde::Serialize;

use super::{Pair, pair};
use crate::audit::{AuditKind, AuditResult, Opinion};
use crate::output::audit::{motive, result_label, verdict_label};
use crate::report::AuditBlock;

#[derive(Serialize)]
pub struct Audit {
    pub heading: String,
    pub facts: Vec<Pair>,
    pub proposal: String,
    pub motives: Vec<String>,
    pub deadlines: Vec<String>,
    pub declaration: Vec<String>,
    pub cycle: Vec<String>,
    pub findings: Vec<Finding>,
}

#[derive(Serialize)]
pub struct Finding {
    pub id: String,
    pub title: String,
    pub result: &'static str,
    pub class: &'static str,
    pub notes: String,
}

pub fn audit(a: &AuditBlock) -> Audit {
    let kind = match a.kind {
        AuditKind::Initial => "initial",
        AuditKind::Surveillance => "de surveillance",
        AuditKind::Renewal => "de renouvellement",
    };
    let auditors: Vec<String> = a
        .auditors
        .iter()
        .map(|x| {
            let role = if x.role == "certifie" {
                "auditeur certifié"
            } else {
                "pair du réseau"
            };
            format!("{} ({role})", x.name)
        })
        .collect();
    let mut facts = vec![pair("Auditeurs", &auditors.join(", "))];
    if let Some(d) = &a.decision {
        let opinion = match d.opinion {
            Opinion::Labelled => "labellisé",
            Opinion::Postponed => "ajourné",
            Opinion::Refused => "refusé",
        };
        facts.push(pair(
            "Décision de la commission",
            &format!("{opinion}, le {}", d.date.french()),
        ));
    }
    if let Some(previous) = a.previous_end {
        facts.push(pair(
            "Audit précédent",
            &format!("terminé le {}", previous.french()),
        ));
    }
    let mut deadlines = Vec::new();
    for (ids, due, what) in [
        (&a.nc_majeures, a.echeance_nc_majeures, "majeures"),
        (&a.nc_mineures, a.echeance_nc_mineures, "mineures"),
    ] {
        if !ids.is_empty() {
            let due = due.map_or(String::new(), |d| {
                format!(", à lever au plus tard le {}", d.french())
            });
            deadlines.push(format!(
                "Non-conformités {what} ouvertes : {}{due}",
                ids.join(", ")
            ));
        }
    }
    Audit {
        heading: format!(
            "Audit {kind}, du {} au {}",
            a.start.french(),
            a.end.french()
        ),
        facts,
        proposal: format!("Proposition à la commission : {}", verdict_label(a.verdict)),
        motives: a.motives.iter().map(motive).collect(),
        deadlines,
        declaration: a
            .ecarts_declaration
            .iter()
            .map(|g| {
                format!(
                    "{} : déclaré {}, constaté {}",
                    g.criterion,
                    g.declared.label(),
                    result_label(g.found)
                )
            })
            .collect(),
        cycle: cycle(a),
        findings: a
            .findings
            .iter()
            .map(|f| finding(f, a.nc_majeures.contains(&f.criterion)))
            .collect(),
    }
}

fn cycle(a: &AuditBlock) -> Vec<String> {
    let Some(c) = &a.cycle else {
        return Vec::new();
    };
    let since = if c.provisional {
        format!(
            "Label compté, à titre provisoire, depuis la fin de l'audit, le {}",
            c.since.french()
        )
    } else {
        format!(
            "Label depuis la décision de la commission, le {}",
            c.since.french()
        )
    };
    vec![
        since,
        format!("Audit de surveillance le {}", c.surveillance.french()),
        format!("Fin de validité le {}", c.end.french()),
    ]
}

/// `counted_major`: a minor NC the proposal counts as major (§4.5: not
/// lifted since the previous audit), said beside it.
fn finding(f: &crate::report::FindingLine, counted_major: bool) -> Finding {
    let mut notes = Vec::new();
    if counted_major && f.result == AuditResult::MinorNonconformity {
        notes.push(
            "comptée majeure : non-conformité mineure de l'audit précédent non levée".to_string(),
        );
    }
    if let Some(o) = &f.observations {
        notes.push(o.clone());
    }
    if f.point_fort {
        notes.push("point fort".to_string());
    }
    if let Some(p) = &f.piste_amelioration {
        notes.push(format!("piste d'amélioration : {p}"));
    }
    if let Some(d) = f.lifted {
        notes.push(format!("levée le {}", d.french()));
    }
    Finding {
        id: f.criterion.clone(),
        title: f.title.clone(),
        result: result_label(f.result),
        class: match f.result {
            AuditResult::Conform => "s-conforme",
            AuditResult::MinorNonconformity => "s-mineur",
            AuditResult::MajorNonconformity => "s-majeur",
            AuditResult::NotApplicable => "s-nc",
        },
        notes: notes.join(" ; "),
    }
}
