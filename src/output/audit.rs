//! What `label audit` shows: the decision proposal (§6.3) as text,
//! markdown or JSON. The rules are in `evaluation::audit`; here only words.

use std::fmt::Write as _;

use serde_json::{Value, json};

use crate::audit::AuditResult;
use crate::date::Date;
use crate::evaluation::{AuditReview, Motive, Verdict};
use crate::french::plural;

/// `--format` of `label audit`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum AuditFormat {
    /// Lisible, en français
    Text,
    /// JSON stable (`"format": 1`, §6.3)
    Json,
    /// Markdown
    Markdown,
    /// Avec --fiches : un fichier HTML autonome, imprimable (A4)
    Html,
}

pub fn render(review: &AuditReview, format: AuditFormat) -> String {
    match format {
        AuditFormat::Text => crate::escape::visible(&text(review)).into_owned(),
        AuditFormat::Markdown => markdown(review),
        AuditFormat::Json => json(review),
        // Only the fiches exist in html; the command refuses it without them.
        AuditFormat::Html => super::fiches::html(review),
    }
}

/// The proposal in French words.
pub fn verdict_label(verdict: Option<Verdict>) -> &'static str {
    match verdict {
        Some(Verdict::Favorable) => "favorable",
        Some(Verdict::FavorableWithReservations) => "favorable avec réserves",
        Some(Verdict::Unfavorable) => "défavorable",
        None => "aucune (audit incomplet)",
    }
}

pub fn result_label(result: AuditResult) -> &'static str {
    match result {
        AuditResult::Conform => "conforme",
        AuditResult::MinorNonconformity => "non-conformité mineure",
        AuditResult::MajorNonconformity => "non-conformité majeure",
        AuditResult::NotApplicable => "non concerné",
    }
}

/// One reason, naming the rule and the criteria.
pub fn motive(motive: &Motive) -> String {
    match motive {
        Motive::Incomplete(ids) => format!(
            "audit incomplet : {} sans constat ({}) ; aucune proposition",
            plural(ids.len(), "critère applicable", "critères applicables"),
            ids.join(", ")
        ),
        Motive::Majors(ids) => format!(
            "{} ({}) : une seule suffit pour une proposition défavorable",
            plural(
                ids.len(),
                "non-conformité majeure ouverte",
                "non-conformités majeures ouvertes"
            ),
            ids.join(", ")
        ),
        Motive::CarriedOver(ids) => format!(
            "{} de l'audit précédent non levée à la fin de cet audit, comptée majeure ({})",
            plural(
                ids.len(),
                "non-conformité mineure",
                "non-conformités mineures"
            ),
            ids.join(", ")
        ),
        Motive::TooManyMinors { limit, ids } => format!(
            "{} ({}) : au moins {limit} (mineurs_pour_un_majeur) valent une majeure",
            plural(
                ids.len(),
                "non-conformité mineure ouverte",
                "non-conformités mineures ouvertes"
            ),
            ids.join(", ")
        ),
        Motive::Minors { limit, ids } => format!(
            "{} ({}), moins de {limit} (mineurs_pour_un_majeur) : actions correctives dans le délai des non-conformités mineures",
            plural(
                ids.len(),
                "non-conformité mineure ouverte",
                "non-conformités mineures ouvertes"
            ),
            ids.join(", ")
        ),
        Motive::NoNonconformity => "aucune non-conformité ouverte".to_string(),
    }
}

fn iso(date: Option<Date>) -> Value {
    date.map_or(Value::Null, |d| Value::String(d.to_string()))
}

/// Exactly the shape of §6.3.
fn json(review: &AuditReview) -> String {
    let (audit, p) = (review.audit, &review.proposal);
    let gaps: Vec<Value> = p
        .declaration_gaps
        .iter()
        .map(|g| {
            json!({
                "critere": g.criterion,
                "declare": g.declared.keyword(),
                "constate": g.found.keyword(),
            })
        })
        .collect();
    let cycle = p.cycle.map_or(Value::Null, |c| {
        json!({
            "depuis": c.since.to_string(),
            "provisoire": c.provisional,
            "surveillance": c.surveillance.to_string(),
            "fin_validite": c.end.to_string(),
        })
    });
    let value = json!({
        "format": 1,
        "structure": audit.structure,
        "referentiel": audit.referential,
        "version": audit.version,
        "type": audit.kind.keyword(),
        "fin": audit.end.to_string(),
        "proposition": p.verdict.map(Verdict::keyword),
        "nc_majeures": p.majors,
        "nc_mineures": p.minors,
        "echeance_nc_majeures": iso(p.major_deadline),
        "echeance_nc_mineures": iso(p.minor_deadline),
        "motifs": p.motives.iter().map(motive).collect::<Vec<_>>(),
        "ecarts_declaration": gaps,
        "cycle": cycle,
    });
    super::to_json(&value)
}

/// A criterion with its title, for people.
fn titled(review: &AuditReview, id: &str) -> String {
    let title = review
        .folder
        .referential
        .as_deref()
        .and_then(|r| r.criterion(id))
        .map(|c| c.title.to_string());
    match title {
        Some(title) => format!("{id} {title}"),
        None => id.to_string(),
    }
}

pub fn heading(review: &AuditReview) -> String {
    let a = review.audit;
    let kind = match a.kind {
        crate::audit::AuditKind::Initial => "initial",
        crate::audit::AuditKind::Surveillance => "de surveillance",
        crate::audit::AuditKind::Renewal => "de renouvellement",
    };
    format!(
        "Audit {kind} de {} ({} {}), du {} au {}",
        a.structure,
        a.referential,
        a.version,
        a.start.french(),
        a.end.french()
    )
}

pub fn auditors(review: &AuditReview) -> String {
    let names: Vec<String> = review
        .audit
        .auditors
        .iter()
        .map(|a| {
            let role = if a.certified {
                "auditeur certifié"
            } else {
                "pair du réseau"
            };
            format!("{} ({role})", a.name)
        })
        .collect();
    names.join(", ")
}

/// The lines shared by text and markdown: (title, items).
fn sections(review: &AuditReview) -> Vec<(String, Vec<String>)> {
    let p = &review.proposal;
    let deadline =
        |d: Option<Date>| d.map_or(String::new(), |d| format!(" (échéance : {})", d.french()));
    let mut sections = vec![(
        format!("Proposition : {}", verdict_label(p.verdict)),
        p.motives.iter().map(motive).collect(),
    )];
    for (title, ids, due) in [
        (
            "Non-conformités majeures ouvertes",
            &p.majors,
            p.major_deadline,
        ),
        (
            "Non-conformités mineures ouvertes",
            &p.minors,
            p.minor_deadline,
        ),
    ] {
        if !ids.is_empty() {
            let due = if p.verdict.is_some() {
                deadline(due)
            } else {
                String::new()
            };
            let items = ids
                .iter()
                .map(|id| format!("{}{due}", titled(review, id)))
                .collect();
            sections.push((title.to_string(), items));
        }
    }
    let gaps: Vec<String> = p
        .declaration_gaps
        .iter()
        .map(|g| {
            format!(
                "{} : déclaré {}, constaté {}",
                titled(review, &g.criterion),
                g.declared.label(),
                result_label(g.found)
            )
        })
        .collect();
    let none = vec!["aucun : la déclaration et les constats concordent".to_string()];
    sections.push((
        "Écarts entre la déclaration et les constats".to_string(),
        if gaps.is_empty() { none } else { gaps },
    ));
    if let Some(c) = p.cycle {
        let since = if c.provisional {
            format!(
                "provisoire : depuis la fin de l'audit, le {}, tant que la décision de la commission n'est pas enregistrée",
                c.since.french()
            )
        } else {
            format!(
                "depuis la décision de la commission, le {}",
                c.since.french()
            )
        };
        sections.push((
            "Cycle du label".to_string(),
            vec![
                since,
                format!("audit de surveillance le {}", c.surveillance.french()),
                format!("fin de validité le {}", c.end.french()),
            ],
        ));
    }
    sections
}

fn text(review: &AuditReview) -> String {
    let mut out = format!("{}\nAuditeurs : {}\n", heading(review), auditors(review));
    for (title, items) in sections(review) {
        let _ = write!(out, "\n{title}\n");
        for item in items {
            let _ = writeln!(out, "  - {item}");
        }
    }
    out
}

fn markdown(review: &AuditReview) -> String {
    let clean = |t: &str| crate::escape::visible(t).replace('\n', " ");
    let mut out = format!(
        "# {}\n\nAuditeurs : {}\n",
        clean(&heading(review)),
        clean(&auditors(review))
    );
    for (title, items) in sections(review) {
        let _ = write!(out, "\n## {}\n\n", clean(&title));
        for item in items {
            let _ = writeln!(out, "- {}", clean(&item));
        }
    }
    out
}
