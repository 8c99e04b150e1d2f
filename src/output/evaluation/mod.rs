//! Renderers of `label evaluate`: one per format, presenting what
//! [`crate::evaluation`] computed. The French words they share are here.

mod csv;
mod json;
mod markdown;
mod readable;
mod text;

pub use markdown::cell as markdown_cell;

use clap::ValueEnum;

use crate::diagnostics::Report;
use crate::evaluation::{Block, Breach, FailOn, Network, Reason, StructureEvaluation, Summary};
use crate::output::plural;

/// `--format` for results (§4.6).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ResultFormat {
    /// Tableaux lisibles
    Text,
    /// JSON stable (`"format": 1`, §6.4)
    Json,
    /// Une ligne par structure et par critère
    Csv,
    /// Tableaux Markdown
    Markdown,
}

/// Everything an evaluation run shows.
pub struct EvaluationView<'a> {
    /// Every structure found, evaluated or not, in output order.
    pub structures: &'a [StructureEvaluation],
    /// The network view, when the run found several structures.
    pub network: Option<Network>,
    /// With `--anonyme`: the threshold and the structures not detailed.
    pub anonymous: Option<Hidden>,
    /// Every diagnostic of the run.
    pub report: &'a Report,
}

impl EvaluationView<'_> {
    /// The structures block by block of the network view (each block's
    /// order), else as found: the order of every tabular output.
    pub fn in_network_order(&self) -> Vec<&StructureEvaluation> {
        match &self.network {
            Some(network) => network
                .blocks
                .iter()
                .flat_map(|b| b.members.iter().map(|&i| &self.structures[i]))
                .collect(),
            None => self.structures.iter().collect(),
        }
    }
}

/// Structures of groups below the secrecy threshold (`--anonyme`).
#[derive(Clone, Copy, Debug)]
pub struct Hidden {
    pub threshold: usize,
    pub count: usize,
}

/// Options of the human and CSV renderers.
#[derive(Clone, Copy, Debug)]
pub struct RenderOptions {
    /// Table width in columns.
    pub width: u16,
    /// `;` separator and a UTF-8 BOM, as French Excel expects.
    pub excel: bool,
    /// CSV for people (`--lisible`): titles, French statuses, one summary
    /// row per structure.
    pub readable: bool,
}

/// Writes the view in `format`. JSON is streamed: a large network never
/// sits in memory as text.
pub fn write(
    view: &EvaluationView,
    format: ResultFormat,
    options: RenderOptions,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    match format {
        // Human formats: no control character from a file reaches the
        // terminal (names, regions, titles are the files' text).
        ResultFormat::Text => {
            out.write_all(super::visible(&text::render(view, options.width)).as_bytes())
        }
        ResultFormat::Json => json::write(view, out),
        ResultFormat::Csv if options.readable => {
            out.write_all(readable::render(view, options.excel).as_bytes())
        }
        ResultFormat::Csv => out.write_all(csv::render(view, options.excel).as_bytes()),
        ResultFormat::Markdown => out.write_all(super::visible(&markdown::render(view)).as_bytes()),
    }
}

/// Status of a structure whose files have errors.
pub const NOT_EVALUATED: &str = "non évaluée : erreurs";

/// The same status in machine formats (JSON `statut`, CSV).
pub const NOT_EVALUATED_KEYWORD: &str = "non_evaluee_erreurs";

/// A rate the French way: `88,2 %`.
pub fn percent(rate: f64) -> String {
    format!("{rate:.1} %").replace('.', ",")
}

/// A rate, or « — » when there is none.
pub fn rate(rate: Option<f64>) -> String {
    rate.map_or_else(|| "—".to_string(), percent)
}

/// The rate, and « incomplète (20/35) » beside it when some criteria are
/// not assessed (§6.1).
pub fn rate_and_completeness(summary: &Summary) -> String {
    let shown = rate(summary.rate);
    if summary.is_complete() {
        shown
    } else {
        format!(
            "{shown}, incomplète ({}/{})",
            summary.assessed(),
            summary.total()
        )
    }
}

/// Levels as `2/3` (reached / expected), or `—/3`.
pub fn levels(level: Option<i64>, expected: i64) -> String {
    match level {
        Some(level) => format!("{level}/{expected}"),
        None => format!("—/{expected}"),
    }
}

/// `oui` or `non`.
pub fn yes_no(yes: bool) -> &'static str {
    if yes { "oui" } else { "non" }
}

/// The French sentence of a reason (`motifs`).
pub fn reason(reason: &Reason) -> String {
    match reason {
        Reason::NotAssessed(ids) => format!(
            "{} : {}",
            plural(ids.len(), "critère non évalué", "critères non évalués"),
            ids.join(", ")
        ),
        Reason::MajorGaps(ids) => format!(
            "{} : {}",
            plural(ids.len(), "écart majeur", "écarts majeurs"),
            ids.join(", ")
        ),
        Reason::TooManyMinorGaps { count, limit, ids } => format!(
            "{}, le seuil de {limit} (qui vaut un écart majeur) est atteint : {}",
            plural(*count, "écart mineur", "écarts mineurs"),
            ids.join(", ")
        ),
        Reason::Unanswered(ids) => format!(
            "{} sans action du plan d'amélioration : {}",
            plural(ids.len(), "écart", "écarts"),
            ids.join(", ")
        ),
    }
}

/// « 27 conformes · 6 écarts mineurs · 1 écart majeur · … »
pub fn counts(summary: &Summary) -> String {
    use crate::evaluation::Status::*;
    [
        plural(summary.count(Conform), "conforme", "conformes"),
        plural(summary.count(MinorGap), "écart mineur", "écarts mineurs"),
        plural(summary.count(MajorGap), "écart majeur", "écarts majeurs"),
        plural(
            summary.count(NotApplicable),
            "non concerné",
            "non concernés",
        ),
        plural(summary.count(NotAssessed), "non évalué", "non évalués"),
    ]
    .join(" · ")
}

/// « Référentiel missions-locales 1.0.0 »
pub fn block_title(block: &Block) -> String {
    match (&block.referential, &block.version) {
        (Some(r), Some(v)) => format!("Référentiel {r} {v}"),
        (Some(r), None) => format!("Référentiel {r}"),
        _ => "Référentiel inconnu (autoévaluation illisible)".to_string(),
    }
}

/// « 3 structures (2 complètes, 1 incomplète), 1 prête pour l'audit. »
pub fn block_counts(block: &Block) -> String {
    let parts: Vec<String> = [
        (block.complete, "complète", "complètes"),
        (block.incomplete, "incomplète", "incomplètes"),
        (
            block.failed,
            "non évaluée : erreurs",
            "non évaluées : erreurs",
        ),
    ]
    .into_iter()
    .filter(|(n, ..)| *n > 0)
    .map(|(n, one, many)| plural(n, one, many))
    .collect();
    format!(
        "{} ({}), {}.",
        plural(block.members.len(), "structure", "structures"),
        parts.join(", "),
        plural(block.ready, "prête pour l'audit", "prêtes pour l'audit")
    )
}

/// The line over the run: « 4 structures, 2 prêtes pour l'audit. »
pub fn network_counts(network: &Network) -> String {
    let mut line = format!(
        "{}, {}",
        plural(network.structures, "structure", "structures"),
        plural(network.ready, "prête pour l'audit", "prêtes pour l'audit")
    );
    if network.failed > 0 {
        line.push_str(&format!(
            ", {}",
            plural(
                network.failed,
                "non évaluée : erreurs",
                "non évaluées : erreurs"
            )
        ));
    }
    line + "."
}

/// The heading of a ranking, stating how many rows follow.
pub fn ranking_title(block: &Block, total: usize, shown: usize) -> String {
    if block.complete == 0 {
        return "Aucune autoévaluation complète : pas de classement des critères.".into();
    }
    if total == 0 {
        return "Aucun critère en écart dans les autoévaluations complètes.".into();
    }
    let count = if shown < total {
        format!("les {shown} premiers sur {total}")
    } else {
        plural(total, "critère", "critères")
    };
    format!("Critères le plus souvent en écart ({count}) :")
}

/// What `--anonyme` left out, or nothing.
pub fn hidden_note(hidden: Option<Hidden>) -> Option<String> {
    let hidden = hidden.filter(|h| h.count > 0)?;
    Some(format!(
        "Anonymisation : {} d'un référentiel de moins de {} structures, {} dans « autres », sans détail.",
        plural(hidden.count, "structure", "structures"),
        hidden.threshold,
        if hidden.count > 1 {
            "regroupées"
        } else {
            "regroupée"
        },
    ))
}

/// Why `--fail-on` made the run fail, in French, naming each structure and
/// the criteria or reasons in cause; `hidden` ones are named only.
pub fn breach_message(threshold: FailOn, shown: &[Breach], hidden: &[Breach]) -> String {
    let (keyword, rule) = match threshold {
        FailOn::Majeur => ("majeur", "au moins un écart majeur"),
        FailOn::Mineur => ("mineur", "au moins un écart, mineur ou majeur"),
        FailOn::NonPret => ("non-pret", "pas prête pour l'audit"),
    };
    let n = shown.len() + hidden.len();
    let mut out = format!(
        "--fail-on {keyword} : {} le seuil ({rule}) :\n",
        plural(n, "structure dépasse", "structures dépassent")
    );
    for breach in shown {
        let s = breach.structure;
        let detail = match (&s.evaluation, threshold) {
            (None, _) => NOT_EVALUATED.to_string(),
            (Some(e), FailOn::NonPret) => {
                e.reasons.iter().map(reason).collect::<Vec<_>>().join(" ; ")
            }
            (Some(_), FailOn::Majeur) => {
                criteria_in_cause(&breach.criteria, "écart majeur", "écarts majeurs")
            }
            (Some(_), FailOn::Mineur) => criteria_in_cause(&breach.criteria, "écart", "écarts"),
        };
        out.push_str(&format!("  {} : {detail}\n", s.label()));
    }
    for breach in hidden {
        out.push_str(&format!(
            "  {} : détail masqué (anonymisation)\n",
            breach.structure.label()
        ));
    }
    out
}

fn criteria_in_cause(ids: &[&str], one: &str, many: &str) -> String {
    format!("{} : {}", plural(ids.len(), one, many), ids.join(", "))
}

/// An open audit nonconformity, as `label evaluate` shows it.
pub struct OpenNonconformity<'a> {
    pub criterion: &'a str,
    /// As the proposal counts it: a minor carried over from the previous
    /// audit is major.
    pub result: crate::audit::AuditResult,
    pub due: Option<crate::date::Date>,
}

/// The open audit nonconformities of a structure, in referential order.
pub fn open_nonconformities(
    evaluation: &crate::evaluation::Evaluation,
) -> Vec<OpenNonconformity<'_>> {
    use crate::audit::AuditResult;
    let Some(state) = &evaluation.audit else {
        return Vec::new();
    };
    let p = &state.proposal;
    evaluation
        .criteria
        .iter()
        .filter_map(|c| {
            let (result, due) = if p.majors.contains(&c.id) {
                (AuditResult::MajorNonconformity, p.major_deadline)
            } else if p.minors.contains(&c.id) {
                (AuditResult::MinorNonconformity, p.minor_deadline)
            } else {
                return None;
            };
            Some(OpenNonconformity {
                criterion: &c.id,
                result,
                due,
            })
        })
        .collect()
}

/// The audit lines of one structure, for people: the proposal, then each
/// open nonconformity.
pub fn audit_lines(evaluation: &crate::evaluation::Evaluation) -> Option<(String, Vec<String>)> {
    let state = evaluation.audit.as_ref()?;
    let heading = format!(
        "Audit achevé le {} : proposition {}.",
        state.end.french(),
        crate::output::audit::verdict_label(state.proposal.verdict)
    );
    let items = open_nonconformities(evaluation)
        .iter()
        .map(|nc| {
            let title = evaluation
                .criteria
                .iter()
                .find(|c| c.id == nc.criterion)
                .map_or(String::new(), |c| format!(" {}", c.title));
            let due = nc
                .due
                .map_or(String::new(), |d| format!(", échéance : {}", d.french()));
            format!(
                "{}{title} ({}{due})",
                nc.criterion,
                crate::output::audit::result_label(nc.result)
            )
        })
        .collect();
    Some((heading, items))
}

/// The audits of a block, for people: proposals, and the criteria where
/// declaration and finding differ most often. `None` without any audit.
pub fn audit_summary(block: &crate::evaluation::Block) -> Option<String> {
    use crate::evaluation::Verdict;
    let audits = &block.audits;
    if audits.audited == 0 {
        return None;
    }
    let parts: Vec<String> = Verdict::ALL
        .iter()
        .map(|v| {
            (
                crate::output::audit::verdict_label(Some(*v)),
                audits.count(Some(*v)),
            )
        })
        .chain([("sans proposition (audit incomplet)", audits.count(None))])
        .filter(|(_, n)| *n > 0)
        .map(|(label, n)| format!("{label} : {n}"))
        .collect();
    let mut gaps: Vec<&crate::evaluation::CriterionCounts> = block
        .criteria
        .iter()
        .filter(|c| c.declaration_gaps > 0)
        .collect();
    gaps.sort_by_key(|c| std::cmp::Reverse(c.declaration_gaps));
    let mut line = format!(
        "Audits : {} ({})",
        crate::french::plural(audits.audited, "structure auditée", "structures auditées"),
        parts.join(", ")
    );
    if !gaps.is_empty() {
        let listed: Vec<String> = gaps
            .iter()
            .map(|c| format!("{} ({})", c.id, c.declaration_gaps))
            .collect();
        line.push_str(&format!(
            " ; déclaration et constat diffèrent sur {}",
            listed.join(", ")
        ));
    }
    Some(line + ".")
}
