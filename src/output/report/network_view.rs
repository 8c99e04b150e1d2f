//! The network synthesis in French words, for the HTML and Markdown
//! templates alike.

use serde::Serialize;

use super::Pair;
use super::view::{Provenance, provenance};
use crate::date::Date;
use crate::french::plural;
use crate::output::audit::verdict_label;
use crate::output::evaluation::rate;
use crate::report::{HeatMap, NetworkBlock, NetworkReport, Overview};

#[derive(Serialize)]
pub struct View {
    pub title: String,
    pub cover: Vec<Pair>,
    pub toc: Vec<Pair>,
    pub national: Vec<Pair>,
    pub blocks: Vec<Block>,
    pub provenance: Provenance,
}

#[derive(Serialize)]
pub struct Block {
    pub anchor: String,
    pub title: String,
    pub overview: Vec<Pair>,
    pub regions: Vec<[String; 5]>,
    pub structures: Vec<[String; 6]>,
    pub audits: Vec<[String; 5]>,
    pub ranking: Vec<Rank>,
    pub heat: Heat,
}

#[derive(Serialize)]
pub struct Rank {
    pub id: String,
    pub title: String,
    pub gaps: String,
    /// Bar length, in SVG units out of 120.
    pub bar: String,
}

#[derive(Serialize)]
pub struct Heat {
    pub headers: Vec<String>,
    pub rows: Vec<HeatRow>,
}

#[derive(Serialize)]
pub struct HeatRow {
    pub id: String,
    pub title: String,
    pub expected: String,
    /// (count, CSS class of its shade)
    pub cells: Vec<(usize, String)>,
}

pub fn view(r: &NetworkReport) -> View {
    let mut cover = vec![
        ("Structures".to_string(), r.national.structures.to_string()),
        (
            "Rapport établi au".to_string(),
            r.date.map_or("—".to_string(), Date::french),
        ),
    ];
    if let Some(a) = &r.anonymous {
        cover.push((
            "Anonymisation".to_string(),
            format!(
                "pseudonymes ; groupes de moins de {} structures regroupés dans « autres » ; {}",
                a.seuil,
                plural(
                    a.non_detaillees,
                    "structure non détaillée",
                    "structures non détaillées"
                )
            ),
        ));
    }
    let blocks: Vec<Block> = r
        .blocks
        .iter()
        .enumerate()
        .map(|(i, b)| block(i, b))
        .collect();
    if !blocks.is_empty() {
        let shown: Vec<String> = r
            .blocks
            .iter()
            .filter_map(|b| {
                Some(format!(
                    "{} {}",
                    b.referential.as_deref()?,
                    b.version.as_deref()?
                ))
            })
            .collect();
        cover.push(("Référentiels".to_string(), shown.join(" · ")));
    }
    let mut toc = vec![("national".to_string(), "Vue nationale".to_string())];
    toc.extend(blocks.iter().map(|b| (b.anchor.clone(), b.title.clone())));
    toc.push(("provenance".to_string(), "Provenance".to_string()));
    View {
        title: if r.anonymous.is_some() {
            "Synthèse du réseau (anonymisée)".to_string()
        } else {
            "Synthèse du réseau".to_string()
        },
        cover,
        toc,
        national: overview(&r.national),
        blocks,
        provenance: provenance(&r.provenance),
    }
}

fn overview(o: &Overview) -> Vec<Pair> {
    let pair = |a: &str, b: String| (a.to_string(), b);
    vec![
        pair("Structures", o.structures.to_string()),
        pair(
            "Autoévaluations complètes",
            format!("{} (incomplètes : {})", o.completes, o.incompletes),
        ),
        pair("Non évaluées : erreurs", o.non_evaluees.to_string()),
        pair("Prêtes pour l'audit", o.pretes.to_string()),
        pair("Auditées", o.auditees.to_string()),
        pair(
            "Propositions",
            format!(
                "favorable : {} · favorable avec réserves : {} · défavorable : {} · audit incomplet : {}",
                o.favorable, o.favorable_avec_reserves, o.defavorable, o.sans_proposition
            ),
        ),
    ]
}

fn block(i: usize, b: &NetworkBlock) -> Block {
    let title = match (&b.referential, &b.version) {
        (Some(r), Some(v)) => format!("Référentiel {r} {v}"),
        (Some(r), None) => format!("Référentiel {r}"),
        _ => "Référentiel inconnu (autoévaluation illisible)".to_string(),
    };
    let mut overview = overview(&b.overview);
    overview.push(("Taux moyen (complètes)".to_string(), rate(b.taux_moyen)));
    Block {
        anchor: format!("referentiel-{}", i + 1),
        title,
        overview,
        regions: b
            .regions
            .iter()
            .map(|r| {
                [
                    r.name.clone(),
                    r.structures.to_string(),
                    r.completes.to_string(),
                    r.pretes.map_or("(secret)".to_string(), |n| n.to_string()),
                    rate(r.taux_moyen),
                ]
            })
            .collect(),
        structures: b
            .structures
            .iter()
            .map(|s| {
                let (counts, complete) = match &s.counts {
                    Some(c) => (
                        format!("{} / {} / {}", c.conforme, c.ecart_mineur, c.ecart_majeur),
                        if c.non_evalue == 0 {
                            "complète".to_string()
                        } else {
                            format!("incomplète ({}/{})", c.total() - c.non_evalue, c.total())
                        },
                    ),
                    None => (String::new(), "non évaluée : erreurs".to_string()),
                };
                [
                    s.id.clone(),
                    s.region.clone().unwrap_or_default(),
                    counts,
                    complete,
                    rate(s.taux_conformite),
                    if s.pret_pour_audit { "oui" } else { "non" }.to_string(),
                ]
            })
            .collect(),
        audits: b
            .audited
            .iter()
            .map(|a| {
                let french = |d: Option<Date>| d.map_or("—".to_string(), Date::french);
                let deadlines = match (a.echeance_nc_majeures, a.echeance_nc_mineures) {
                    (None, None) => "—".to_string(),
                    (major, minor) => [("majeures", major), ("mineures", minor)]
                        .iter()
                        .filter_map(|(k, d)| d.map(|d| format!("NC {k} : {}", d.french())))
                        .collect::<Vec<_>>()
                        .join(" ; "),
                };
                [
                    a.structure.clone(),
                    a.fin.french(),
                    verdict_label(a.verdict).to_string(),
                    deadlines,
                    format!(
                        "surveillance : {} ; fin : {}",
                        french(a.surveillance),
                        french(a.fin_validite)
                    ),
                ]
            })
            .collect(),
        ranking: b
            .ranking
            .iter()
            .map(|r| Rank {
                id: r.criterion.clone(),
                title: r.title.clone(),
                gaps: format!(
                    "{} sur {} (dont {})",
                    r.ecarts,
                    r.sur,
                    plural(r.ecarts_majeurs, "majeur", "majeurs")
                ),
                // The share of the complete self-assessments, not of the
                // most failed criterion: one gap in ten is a short bar.
                bar: format!("{:.1}", 120.0 * r.ecarts as f64 / r.sur.max(1) as f64),
            })
            .collect(),
        heat: heat(&b.heat),
    }
}

/// Shades `h0`…`h5`: the share of the row's structures in the cell.
fn heat(h: &HeatMap) -> Heat {
    let mut headers: Vec<String> = h
        .levels
        .iter()
        .map(|l| format!("{} {}", l.value, l.label))
        .collect();
    headers.push("non concerné".to_string());
    headers.push("non évalué".to_string());
    let rows = h
        .rows
        .iter()
        .map(|row| {
            let counts: Vec<usize> = row
                .per_level
                .iter()
                .copied()
                .chain([row.non_concerne, row.non_evalue])
                .collect();
            let total = counts.iter().sum::<usize>().max(1);
            HeatRow {
                id: row.criterion.clone(),
                title: row.title.clone(),
                expected: row.expected.map_or(String::new(), |e| e.to_string()),
                cells: counts
                    .into_iter()
                    .map(|n| (n, format!("h{}", (n * 5).div_ceil(total))))
                    .collect(),
            }
        })
        .collect();
    Heat { headers, rows }
}
