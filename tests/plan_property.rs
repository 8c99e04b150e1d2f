//! Property, in process: whatever a person wrote in `plan.yaml` (comments,
//! flow maps, block scalars, anchors, odd spacing, quoting, BOM, CRLF, no
//! final line break, key order), `label plan` adds exactly one action per
//! gap that no action answers, keeps every byte that was written, and a
//! second run adds nothing.

use std::fs;
use std::sync::OnceLock;

use label::date::Date;
use label::evaluation::{Status, evaluate};
use label::improvement::update;
use label::referential::Catalog;
use label::structure::{self, Resolver, StructureFolder};
use proptest::prelude::*;

const CRITERIA: &[&str] = &[
    "GOUV-01", "GOUV-05", "VAL-03", "ACC-02", "PARC-05", "EMP-04", "AMEL-02",
];
const STATUSES: &[&str] = &["a_faire", "en_cours", "realisee", "abandonnee"];
const TODAY: Date = Date {
    year: 2026,
    month: 11,
    day: 27,
};

#[derive(Clone, Debug)]
struct Action {
    criteria: Vec<usize>,
    status: usize,
    flow: bool,
    /// 0 plain, 1 single-quoted, 2 double-quoted, 3 literal `|`, 4 folded `>-`.
    title: u8,
    comment_before: bool,
    blank_after: bool,
    anchor: bool,
    /// A `commentaire: |` block scalar as the last key.
    note: bool,
}

#[derive(Clone, Debug)]
struct Written {
    bom: bool,
    crlf: bool,
    final_newline: bool,
    document_start: bool,
    header_comment: bool,
    /// 0 none, 1 at column 0, 2 indented.
    end_comment: u8,
    /// 0 `actions` last, 1 first, 2 in the middle.
    order: u8,
    dash_indent: usize,
    after_dash: usize,
    /// `actions` with no action: 0 `[]`, 1 nothing, 2 `~`, 3 `[ ]` and a comment.
    empty: u8,
    first_number: u64,
    actions: Vec<Action>,
    levels: Vec<(usize, i64)>,
    dated: bool,
}

fn action() -> impl Strategy<Value = Action> {
    (
        prop::collection::vec(0..CRITERIA.len(), 1..3),
        0..STATUSES.len(),
        any::<bool>(),
        0u8..5,
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(criteria, status, flow, title, comment_before, blank_after, anchor, note)| Action {
                criteria,
                status,
                flow,
                title,
                comment_before,
                blank_after,
                anchor,
                note,
            },
        )
}

fn written() -> impl Strategy<Value = Written> {
    let layout = (
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        0u8..3,
        0u8..3,
        prop::sample::select(vec![0usize, 2, 4]),
        1usize..4,
        0u8..4,
    );
    let content = (
        prop::sample::select(vec![1u64, 8, 99, 4_294_967_290]),
        prop::collection::vec(action(), 0..5),
        prop::collection::vec((0..CRITERIA.len(), 1i64..5), 0..8),
        any::<bool>(),
    );
    (layout, content).prop_map(|(l, c)| Written {
        bom: l.0,
        crlf: l.1,
        final_newline: l.2,
        document_start: l.3,
        header_comment: l.4,
        end_comment: l.5,
        order: l.6,
        dash_indent: l.7,
        after_dash: l.8,
        empty: l.9,
        first_number: c.0,
        actions: c.1,
        levels: c.2,
        dated: c.3,
    })
}

fn id(w: &Written, index: usize) -> String {
    format!("A{:02}", w.first_number + index as u64)
}

fn action_lines(w: &Written, index: usize, a: &Action, out: &mut Vec<String>) {
    let dash = " ".repeat(w.dash_indent);
    let field = " ".repeat(w.dash_indent + 1 + w.after_dash);
    let gap = " ".repeat(w.after_dash);
    let criteria: Vec<&str> = a.criteria.iter().map(|c| CRITERIA[*c]).collect();
    let status = STATUSES[a.status];
    if a.comment_before {
        out.push(format!("{dash}# action décidée le {} mars", index + 1));
    }
    if a.flow {
        out.push(format!(
            "{dash}-{gap}{{id: {}, criteres: [{}], titre: 'Revoir, vite', statut: {status}}}",
            id(w, index),
            criteria.join(", ")
        ));
    } else {
        out.push(format!("{dash}-{gap}id: {}", id(w, index)));
        out.push(format!("{field}criteres: [ {} ]", criteria.join(" , ")));
        match a.title {
            0 => out.push(format!("{field}titre: Revoir la procédure")),
            1 => out.push(format!("{field}titre: 'Revoir l''accueil : délais'")),
            2 => out.push(format!("{field}titre: \"Revoir \\\"l'accueil\\\"\"")),
            3 => out.extend([
                format!("{field}titre: |"),
                format!("{field}  Revoir"),
                format!("{field}  l'accueil"),
            ]),
            _ => out.extend([
                format!("{field}titre: >-"),
                format!("{field}  Revoir"),
                format!("{field}  encore"),
            ]),
        }
        if a.anchor {
            out.push(format!("{field}responsable: &r{index} Directrice"));
        }
        out.push(format!("{field}statut:   {status}    # à suivre"));
        if a.anchor {
            out.push(format!("{field}commentaire: *r{index}"));
        } else if a.note {
            out.extend([
                format!("{field}commentaire: |"),
                format!("{field}  Note de suivi"),
            ]);
        }
    }
    if a.blank_after {
        out.push(String::new());
    }
}

/// The `actions` line when the list is empty, and what `label plan` removes
/// from it before adding a block.
fn empty_actions(w: &Written) -> (&'static str, &'static str) {
    match w.empty {
        0 => ("actions: []", "actions:"),
        1 => ("actions:", "actions:"),
        2 => ("actions: ~", "actions:"),
        _ => ("actions: [ ]   # rien encore", "actions:   # rien encore"),
    }
}

fn plan_text(w: &Written, removed: bool) -> String {
    let mut actions = Vec::new();
    if w.actions.is_empty() {
        let (line, after) = empty_actions(w);
        actions.push(if removed { after } else { line }.to_string());
    } else {
        actions.push("actions:".to_string());
        for (index, a) in w.actions.iter().enumerate() {
            action_lines(w, index, a, &mut actions);
        }
    }
    let top = [
        "referentiel: missions-locales".to_string(),
        "version:   1.0.0   # version en cours".to_string(),
        "structure: 'ml-essai'".to_string(),
    ];
    let mut lines = Vec::new();
    if w.header_comment {
        lines.push("# Plan revu en comité de direction   ".to_string());
    }
    if w.document_start {
        lines.push("---".to_string());
    }
    match w.order {
        0 => lines.extend(top.iter().cloned().chain(actions)),
        1 => lines.extend(actions.into_iter().chain(top.iter().cloned())),
        _ => {
            lines.extend(top[..2].iter().cloned());
            lines.extend(actions);
            lines.push(top[2].clone());
        }
    }
    match w.end_comment {
        0 => {}
        1 => lines.push("# fin".to_string()),
        _ => lines.push("    # fin, indentée".to_string()),
    }
    let newline = if w.crlf { "\r\n" } else { "\n" };
    let mut text = if w.bom {
        "\u{feff}".to_string()
    } else {
        String::new()
    };
    text.push_str(&lines.join(newline));
    if w.final_newline {
        text.push_str(newline);
    }
    text
}

fn self_assessment(w: &Written) -> String {
    let mut text = String::from(
        "referentiel: missions-locales\nversion: 1.0.0\nstructure:\n  id: ml-essai\n  nom: Mission locale d'essai\n  type: mission-locale\n",
    );
    if w.dated {
        text.push_str("date: 2026-09-18\n");
    }
    text.push_str("reponses:\n");
    let mut seen = Vec::new();
    for (criterion, level) in &w.levels {
        if !seen.contains(criterion) {
            seen.push(*criterion);
            text.push_str(&format!(
                "  {}:\n    niveau: {level}\n",
                CRITERIA[*criterion]
            ));
        }
    }
    text
}

fn resolver() -> &'static Resolver {
    static RESOLVER: OnceLock<Resolver> = OnceLock::new();
    RESOLVER.get_or_init(|| Resolver::new(Catalog::new(None)))
}

fn load(
    assessment: &str,
    plan: &str,
) -> Result<(tempfile::TempDir, StructureFolder), TestCaseError> {
    let dir = tempfile::tempdir().map_err(|e| TestCaseError::fail(e.to_string()))?;
    let write = |name: &str, text: &str| fs::write(dir.path().join(name), text);
    write("autoevaluation.yaml", assessment)
        .and_then(|_| write("plan.yaml", plan))
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    let folder = structure::load(dir.path(), "ml-essai", resolver(), TODAY);
    prop_assert!(!folder.has_errors(), "{:?}\n{plan}", folder.diagnostics);
    Ok((dir, folder))
}

/// The oracle: (id, criterion, due) of the actions to add, computed from
/// the statuses and the generated actions, majors first.
fn expected(w: &Written, folder: &StructureFolder) -> Vec<(String, String, Option<String>)> {
    let (Some(referential), Some(assessment)) = (&folder.referential, &folder.self_assessment)
    else {
        return Vec::new();
    };
    let evaluation = evaluate(referential, assessment, None);
    let answered = |criterion: &str| {
        w.actions
            .iter()
            .any(|a| a.status != 3 && a.criteria.iter().any(|c| CRITERIA[*c] == criterion))
    };
    let mut out = Vec::new();
    for (status, due) in [
        (Status::MajorGap, "2026-12-18"),
        (Status::MinorGap, "2027-03-18"),
    ] {
        for c in evaluation.criteria.iter().filter(|c| c.status == status) {
            if !answered(&c.id) {
                let next = if w.actions.is_empty() {
                    1
                } else {
                    w.first_number + w.actions.len() as u64
                };
                let number = next + out.len() as u64;
                let due = w.dated.then(|| due.to_string());
                out.push((format!("A{number:02}"), c.id.clone(), due));
            }
        }
    }
    out
}

/// Whether `after` is `before` with one block inserted somewhere.
fn one_insertion(before: &str, after: &str) -> bool {
    let prefix = before
        .bytes()
        .zip(after.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    let suffix = before
        .bytes()
        .rev()
        .zip(after.bytes().rev())
        .take_while(|(a, b)| a == b)
        .count();
    after.len() >= before.len() && prefix + suffix >= before.len()
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2000)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn adds_exactly_the_unanswered_gaps_and_keeps_every_byte(w in written()) {
        let assessment = self_assessment(&w);
        let original = plan_text(&w, false);
        let (_dir, folder) = load(&assessment, &original)?;
        let wanted = expected(&w, &folder);
        let update = update(&folder, TODAY, "schema.json")
            .map_err(|e| TestCaseError::fail(format!("{e:?}\n{original}")))?;
        let added: Vec<(String, String, Option<String>)> = update
            .added
            .iter()
            .map(|a| (a.id.clone(), a.criterion.clone(), a.due.map(|d| d.to_string())))
            .collect();
        prop_assert_eq!(&added, &wanted, "{}", original);
        prop_assert_eq!(update.changes(), !wanted.is_empty());
        let kept = if wanted.is_empty() { original.clone() } else { plan_text(&w, true) };
        prop_assert!(one_insertion(&kept, &update.after), "bytes lost:\n{}\n---\n{}", original, update.after);
        if w.crlf {
            prop_assert!(!update.after.replace("\r\n", "").contains('\n'));
        }
        prop_assert_eq!(update.after.starts_with('\u{feff}'), w.bom);

        let (_dir, again) = load(&assessment, &update.after)?;
        let plan = again.plan.as_ref().ok_or_else(|| TestCaseError::fail("no plan"))?;
        prop_assert_eq!(plan.actions.len(), w.actions.len() + wanted.len());
        let second = update_again(&again)?;
        prop_assert!(!second.changes() && second.added.is_empty());
        prop_assert_eq!(second.after, update.after);
    }
}

fn update_again(folder: &StructureFolder) -> Result<label::improvement::Update, TestCaseError> {
    update(folder, TODAY, "schema.json").map_err(|e| TestCaseError::fail(format!("{e:?}")))
}
