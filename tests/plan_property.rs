//! Property: whatever a person wrote in `plan.yaml` (comments, odd spacing,
//! quoting styles, CRLF, key order), `label plan` keeps every line, in
//! order, unchanged, and the new plan validates.

mod common;

use std::fs;

use proptest::prelude::*;

const CRITERIA: &[&str] = &[
    "GOUV-01", "GOUV-05", "VAL-03", "ACC-02", "PARC-05", "EMP-04", "AMEL-02",
];

#[derive(Clone, Debug)]
struct Written {
    crlf: bool,
    actions_first: bool,
    dash_indent: usize,
    after_dash: usize,
    header_comment: bool,
    actions: Vec<(usize, u8, bool, bool)>,
    levels: Vec<(usize, i64)>,
}

fn written() -> impl Strategy<Value = Written> {
    (
        any::<bool>(),
        any::<bool>(),
        prop::sample::select(vec![0usize, 2, 4]),
        1usize..4,
        any::<bool>(),
        prop::collection::vec(
            (0..CRITERIA.len(), 0u8..3, any::<bool>(), any::<bool>()),
            0..5,
        ),
        prop::collection::vec((0..CRITERIA.len(), 1i64..5), 0..7),
    )
        .prop_map(
            |(crlf, actions_first, dash_indent, after_dash, header_comment, actions, levels)| {
                Written {
                    crlf,
                    actions_first,
                    dash_indent,
                    after_dash,
                    header_comment,
                    actions,
                    levels,
                }
            },
        )
}

fn plan_text(w: &Written) -> String {
    let mut header = String::new();
    if w.header_comment {
        header.push_str("# Plan revu en comité de direction   \n");
    }
    let top = "referentiel: missions-locales\nversion:   1.0.0   # version en cours\nstructure: 'ml-essai'\n";
    let mut actions = String::from("actions:\n");
    let dash = " ".repeat(w.dash_indent);
    let field = " ".repeat(w.dash_indent + 1 + w.after_dash);
    for (i, (criterion, quoting, comment, blank)) in w.actions.iter().enumerate() {
        if *comment {
            actions.push_str(&format!("{dash}# action décidée le {} mars\n", i + 1));
        }
        let title = match quoting {
            0 => "Revoir la procédure".to_string(),
            1 => "'Revoir l''accueil : délais'".to_string(),
            _ => "\"Revoir \\\"l'accueil\\\"\"".to_string(),
        };
        actions.push_str(&format!(
            "{dash}-{}id: A{:02}\n",
            " ".repeat(w.after_dash),
            i + 1
        ));
        actions.push_str(&format!("{field}criteres: [ {} ]\n", CRITERIA[*criterion]));
        actions.push_str(&format!("{field}titre: {title}\n"));
        actions.push_str(&format!("{field}statut:   en_cours    # à suivre\n"));
        if *blank {
            actions.push('\n');
        }
    }
    if w.actions.is_empty() {
        actions = "actions: []   # rien encore\n".to_string();
    }
    let body = if w.actions_first {
        format!("{actions}{top}")
    } else {
        format!("{top}{actions}")
    };
    let text = format!("{header}{body}");
    if w.crlf {
        text.replace('\n', "\r\n")
    } else {
        text
    }
}

fn self_assessment(w: &Written) -> String {
    let mut text = String::from(
        "referentiel: missions-locales\nversion: 1.0.0\nstructure:\n  id: ml-essai\n  nom: Mission locale d'essai\n  type: mission-locale\nreponses:\n",
    );
    let mut seen = Vec::new();
    for (criterion, level) in &w.levels {
        if seen.contains(criterion) {
            continue;
        }
        seen.push(*criterion);
        text.push_str(&format!(
            "  {}:\n    niveau: {level}\n",
            CRITERIA[*criterion]
        ));
    }
    text
}

/// Whether `needles` appear in `haystack` in order.
fn in_order(needles: &[&str], haystack: &[&str]) -> bool {
    let mut rest = haystack.iter();
    needles.iter().all(|n| rest.any(|h| h == n))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn nothing_written_is_lost(w in written()) {
        let dir = tempfile::tempdir().unwrap();
        let ml = dir.path().join("ml-essai");
        fs::create_dir_all(&ml).unwrap();
        fs::write(ml.join("autoevaluation.yaml"), self_assessment(&w)).unwrap();
        let original = plan_text(&w);
        fs::write(ml.join("plan.yaml"), &original).unwrap();
        let run = common::label(dir.path(), &["plan", "ml-essai", "--date", "2026-11-27"]);
        prop_assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
        let after = fs::read_to_string(ml.join("plan.yaml")).unwrap();
        let before_lines: Vec<&str> = original.split('\n').collect();
        let after_lines: Vec<&str> = after.split('\n').collect();
        let replaced_empty_list = w.actions.is_empty() && after != original;
        if replaced_empty_list {
            // The only line that may change: `actions: []` becomes `actions:`.
            let kept: Vec<&str> = before_lines.iter().copied().filter(|l| !l.starts_with("actions: []")).collect();
            prop_assert!(in_order(&kept, &after_lines));
        } else {
            prop_assert!(in_order(&before_lines, &after_lines), "lines lost or reordered:\n{}\n---\n{}", original, after);
        }
        if w.crlf {
            prop_assert!(!after.replace("\r\n", "").contains('\n'));
        }
        let check = common::label(dir.path(), &["validate", "ml-essai", "--date", "2026-11-27", "--format", "concise"]);
        prop_assert_eq!(check.code, 0, "{}", check.stdout);
    }
}
