//! The report of one structure in French words, for the HTML and Markdown
//! templates alike. Only words here: every figure, status and date comes
//! from the model.

use serde::Serialize;

use super::charts::{self, LevelChart, StackChart};
use crate::date::Date;
use crate::french::plural;
use crate::output::evaluation::{percent, reason};
use crate::output::plan::status_label;
use crate::report::{EvidenceState, GapLine, PrincipleSummary, StatusCounts, StructureReport};

use super::{Pair, pair};

#[derive(Serialize)]
pub struct View {
    pub title: String,
    pub name: String,
    pub cover: Vec<Pair>,
    pub headline: String,
    pub toc: Vec<Pair>,
    pub chart: StackChart,
    pub principles: Vec<Principle>,
    pub ready: String,
    pub reasons: Vec<String>,
    pub gaps: Vec<Gap>,
    pub plan: Option<Plan>,
    pub audit: Option<super::audit_view::Audit>,
    pub evidence: Vec<Evidence>,
    pub urls: Vec<Pair>,
    pub provenance: Provenance,
}

#[derive(Serialize)]
pub struct Principle {
    pub id: String,
    pub title: String,
    pub counts: String,
    pub chart: LevelChart,
    pub rows: Vec<[String; 5]>,
}

#[derive(Serialize)]
pub struct Gap {
    pub id: String,
    pub title: String,
    pub status: String,
    pub class: &'static str,
    pub why: String,
    pub comment: String,
    pub actions: String,
}

#[derive(Serialize)]
pub struct Plan {
    pub summary: String,
    pub rows: Vec<Action>,
}

#[derive(Serialize)]
pub struct Action {
    pub id: String,
    pub criteria: String,
    pub title: String,
    pub owner: String,
    pub due: String,
    pub status: String,
    pub late: bool,
}

#[derive(Serialize)]
pub struct Evidence {
    pub path: String,
    pub criteria: String,
    pub state: &'static str,
    pub sha256: String,
}

#[derive(Serialize)]
pub struct Provenance {
    pub facts: Vec<Pair>,
    pub files: Vec<Pair>,
}

pub fn view(r: &StructureReport) -> View {
    let s = &r.structure;
    let chart_rows: Vec<(String, StatusCounts)> = r
        .principles
        .iter()
        .map(|p| (p.id.clone(), p.counts))
        .chain([("Total".to_string(), r.summary.counts)])
        .collect();
    let mut toc = vec![
        pair("synthese", "Synthèse par principe"),
        pair("ecarts", "Écarts et préparation à l'audit"),
        pair("plan", "Plan d'amélioration"),
    ];
    if r.audit.is_some() {
        toc.push(pair("audit", "Audit"));
    }
    toc.push(pair("preuves", "Index des preuves"));
    toc.push(pair("provenance", "Provenance"));
    View {
        title: format!("Rapport de labellisation — {}", s.name),
        name: s.name.clone(),
        cover: cover(r),
        headline: headline(r),
        toc,
        chart: charts::stack(&chart_rows),
        principles: r.principles.iter().map(|p| principle(r, p)).collect(),
        ready: if r.summary.pret_pour_audit {
            "La structure est prête pour l'audit.".to_string()
        } else {
            "La structure n'est pas encore prête pour l'audit :".to_string()
        },
        reasons: r.reasons.iter().map(reason).collect(),
        gaps: r.gaps.iter().map(gap).collect(),
        plan: r.plan.as_ref().map(|actions| plan(actions)),
        audit: r.audit.as_ref().map(super::audit_view::audit),
        evidence: r.evidence.iter().map(evidence).collect(),
        urls: r
            .urls
            .iter()
            .map(|u| (u.url.clone(), u.criteria.join(", ")))
            .collect(),
        provenance: provenance(&r.provenance),
    }
}

fn french(date: Option<Date>) -> String {
    date.map_or_else(|| "—".to_string(), Date::french)
}

fn cover(r: &StructureReport) -> Vec<Pair> {
    let s = &r.structure;
    let mut cover = vec![
        pair("Structure", &format!("{} ({})", s.name, s.id)),
        pair("Type", kind_label(s.kind)),
    ];
    if let Some(region) = &s.region {
        cover.push(pair("Région", region));
    }
    let referential = &r.referential;
    cover.push(pair(
        "Référentiel",
        &format!(
            "{} ({} {})",
            referential.title, referential.id, referential.version
        ),
    ));
    cover.push(pair("Autoévaluation du", &french(r.assessed_on)));
    if let Some(referent) = &r.referent {
        cover.push(pair("Référent qualité", referent));
    }
    if let Some(a) = &r.audit {
        let dates = format!("du {} au {}", a.start.french(), a.end.french());
        cover.push(pair("Audit", &dates));
    }
    cover.push(pair("Rapport établi au", &french(r.date)));
    cover.push(pair("Dossier", &s.folder));
    cover
}

/// The structure type for people.
pub fn kind_label(kind: crate::referential::StructureType) -> &'static str {
    use crate::referential::StructureType::*;
    match kind {
        MissionLocale => "mission locale",
        Arml => "association régionale (ARML)",
        Unml => "union nationale (UNML)",
    }
}

fn headline(r: &StructureReport) -> String {
    let m = &r.summary;
    let rate = m.taux_conformite.map_or("—".to_string(), percent);
    let assessed = m.counts.total() - m.counts.non_evalue;
    let complete = if m.complete {
        "autoévaluation complète".to_string()
    } else {
        format!(
            "autoévaluation incomplète ({assessed}/{})",
            m.counts.total()
        )
    };
    let ready = if m.pret_pour_audit {
        "prête pour l'audit"
    } else {
        "pas encore prête pour l'audit"
    };
    format!("Taux de conformité {rate} · {complete} · {ready}")
}

pub fn counts_line(c: &StatusCounts) -> String {
    [
        plural(c.conforme, "conforme", "conformes"),
        plural(c.ecart_mineur, "écart mineur", "écarts mineurs"),
        plural(c.ecart_majeur, "écart majeur", "écarts majeurs"),
        plural(c.non_concerne, "non concerné", "non concernés"),
        plural(c.non_evalue, "non évalué", "non évalués"),
    ]
    .join(" · ")
}

fn principle(r: &StructureReport, p: &PrincipleSummary) -> Principle {
    let scale: Vec<i64> = r.referential.scale.iter().map(|l| l.value).collect();
    Principle {
        id: p.id.clone(),
        title: p.title.clone(),
        counts: counts_line(&p.counts),
        chart: charts::levels(&p.criteria, &scale),
        rows: p
            .criteria
            .iter()
            .map(|c| {
                let level = c.level.map_or("—".to_string(), |l| l.to_string());
                let imperative = if c.imperative { ", impératif" } else { "" };
                [
                    c.id.clone(),
                    c.title.clone(),
                    format!("{level} / {}{imperative}", c.expected),
                    c.status.label().to_string(),
                    c.comment.clone().unwrap_or_default(),
                ]
            })
            .collect(),
    }
}

fn gap(g: &GapLine) -> Gap {
    let c = &g.criterion;
    let level = c.level.map_or("—".to_string(), |l| l.to_string());
    let mut why = format!("niveau {level} pour {} attendu", c.expected);
    if c.imperative {
        why.push_str(" ; critère impératif");
    } else if c.status == crate::evaluation::Status::MajorGap {
        why.push_str(" ; niveau au seuil d'écart majeur du référentiel (niveau_ecart_majeur)");
    }
    Gap {
        id: c.id.clone(),
        title: c.title.clone(),
        status: c.status.label().to_string(),
        class: charts::class(c.status),
        why,
        comment: c.comment.clone().unwrap_or_default(),
        actions: if g.actions.is_empty() {
            "aucune action".to_string()
        } else {
            g.actions.join(", ")
        },
    }
}

fn plan(actions: &[crate::report::ActionLine]) -> Plan {
    let late = actions.iter().filter(|a| a.en_retard).count();
    let summary = match (actions.len(), late) {
        (0, _) => "Aucune action dans le plan.".to_string(),
        (1, 0) => "1 action, pas en retard.".to_string(),
        (n, 0) => format!("{n} actions, aucune en retard."),
        (n, l) => format!("{}, dont {l} en retard.", plural(n, "action", "actions")),
    };
    Plan {
        summary,
        rows: actions
            .iter()
            .map(|a| Action {
                id: a.id.clone(),
                criteria: a.criteria.join(", "),
                title: a.title.clone(),
                owner: a.owner.clone().unwrap_or_default(),
                due: french(a.due),
                status: if a.en_retard {
                    format!("{}, en retard", status_label(a.status))
                } else {
                    status_label(a.status).to_string()
                },
                late: a.en_retard,
            })
            .collect(),
    }
}

fn evidence(e: &crate::report::EvidenceFile) -> Evidence {
    Evidence {
        path: e.path.clone(),
        criteria: e.criteria.join(", "),
        state: match e.state {
            EvidenceState::Presente => "présente",
            EvidenceState::Absente => "introuvable",
            EvidenceState::HorsDossier => "hors du dossier, non lue",
            EvidenceState::Illisible => "illisible (dossier ou fichier spécial)",
        },
        sha256: e.sha256.clone().unwrap_or_default(),
    }
}

pub fn provenance(p: &crate::report::Provenance) -> Provenance {
    let mut facts = vec![pair("Outil", &p.tool)];
    for r in &p.referentials {
        facts.push(pair("Référentiel", &format!("{} {}", r.id, r.version)));
    }
    facts.push(pair(
        "Commit git",
        p.commit.as_deref().unwrap_or("hors d'un dépôt git"),
    ));
    facts.push(pair("Fichiers lus", &p.count.to_string()));
    if let Some(combined) = &p.combined {
        facts.push(pair("Empreinte globale (SHA-256)", combined));
    }
    let files = p
        .referentials
        .iter()
        .flat_map(|r| &r.files)
        .chain(&p.files)
        .map(|f| (f.path.clone(), f.sha256.clone()))
        .collect();
    Provenance { facts, files }
}
