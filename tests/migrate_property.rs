//! Issue 12, property: for generated self-assessments and plans (comments,
//! CRLF, one-line answers, empty answers, odd indentation, quoted keys),
//! `label migrate` to missions-locales 1.1.0 keeps every line a person
//! wrote, in order (a removed criterion's lines move, in order, under
//! `reponses_retirees`), carries every renamed answer, the re-read
//! self-assessment never loses an answer a rename carries, and migrating
//! twice equals migrating once.

use std::fs;
use std::path::Path;

use label::date::Date;
use label::evaluation::{Status, evaluate};
use label::migrate::{Outcome, migrate};
use label::referential::Catalog;
use label::structure::{self, Resolver, StructureFolder};
use proptest::prelude::*;

const TODAY: Date = Date {
    year: 2026,
    month: 11,
    day: 27,
};

/// Ids of 1.0.0 and what 1.1.0 makes of them.
const IDS: &[(&str, &str)] = &[
    ("GOUV-01", "GOUV-01"),
    ("ACC-02", "ACC-02"),
    ("EMP-04", "EMP-04"),
    ("TERR-03", "ACC-06"),
    ("VAL-04", "VAL-04"),
    ("TERR-05", ""),
];

#[derive(Clone, Debug)]
struct Answer {
    id: usize,
    /// 0 block, 1 one-line `{…}`, 2 empty.
    form: u8,
    level: i64,
    comment_before: bool,
    comment_inside: bool,
    quoted_key: bool,
    with_comment: bool,
}

#[derive(Clone, Debug)]
struct Written {
    crlf: bool,
    indent: usize,
    header_comment: bool,
    end_comment: bool,
    answers: Vec<Answer>,
    /// Each action: criteria (indexes in IDS), flow or block.
    actions: Vec<(Vec<usize>, bool)>,
}

fn answer() -> impl Strategy<Value = Answer> {
    (
        0..IDS.len(),
        0u8..3,
        1i64..=4,
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(id, form, level, comment_before, comment_inside, quoted_key, with_comment)| Answer {
                id,
                form,
                level,
                comment_before,
                comment_inside,
                quoted_key,
                with_comment,
            },
        )
}

fn written() -> impl Strategy<Value = Written> {
    (
        any::<bool>(),
        prop_oneof![Just(2usize), Just(4)],
        any::<bool>(),
        any::<bool>(),
        proptest::collection::vec(answer(), 1..6),
        proptest::collection::vec(
            (proptest::collection::vec(0..IDS.len(), 1..4), any::<bool>()),
            0..3,
        ),
    )
        .prop_map(
            |(crlf, indent, header_comment, end_comment, answers, actions)| {
                // One answer per id, first one wins.
                let mut seen = Vec::new();
                let answers = answers
                    .into_iter()
                    .filter(|a| {
                        let fresh = !seen.contains(&a.id);
                        seen.push(a.id);
                        fresh
                    })
                    .collect();
                Written {
                    crlf,
                    indent,
                    header_comment,
                    end_comment,
                    answers,
                    actions,
                }
            },
        )
}

fn self_assessment(w: &Written) -> String {
    let pad = " ".repeat(w.indent);
    let mut out = String::new();
    if w.header_comment {
        out.push_str("# Autoévaluation relue en comité\n");
    }
    out.push_str("referentiel: missions-locales\nversion: 1.0.0\nstructure:\n");
    out.push_str(&format!(
        "{pad}id: ml-essai\n{pad}nom: Essai\n{pad}type: mission-locale\n"
    ));
    out.push_str("reponses:\n");
    for (n, a) in w.answers.iter().enumerate() {
        let id = IDS[a.id].0;
        let key = if a.quoted_key {
            format!("\"{id}\"")
        } else {
            id.to_string()
        };
        if a.comment_before {
            out.push_str(&format!("{pad}# note {n} avant\n"));
        }
        let comment = if a.with_comment {
            format!("Commentaire libre {n} : « texte »")
        } else {
            String::new()
        };
        match a.form {
            0 => {
                out.push_str(&format!("{pad}{key}:\n"));
                if a.comment_inside {
                    out.push_str(&format!("{pad}{pad}# note {n} dedans\n"));
                }
                out.push_str(&format!("{pad}{pad}niveau: {}\n", a.level));
                if a.with_comment {
                    out.push_str(&format!("{pad}{pad}commentaire: \"{comment}\"\n"));
                }
            }
            1 => out.push_str(&format!(
                "{pad}{key}: {{niveau: {}}}   # note {n} en ligne\n",
                a.level
            )),
            _ => out.push_str(&format!("{pad}{key}:\n")),
        }
    }
    if w.end_comment {
        out.push_str("# fin\n");
    }
    if w.crlf {
        out.replace('\n', "\r\n")
    } else {
        out
    }
}

fn plan(w: &Written) -> Option<String> {
    if w.actions.is_empty() {
        return None;
    }
    let mut out = String::from(
        "referentiel: missions-locales\nversion: 1.0.0\nstructure: ml-essai\nactions:\n",
    );
    for (n, (criteria, flow)) in w.actions.iter().enumerate() {
        let ids: Vec<&str> = criteria.iter().map(|i| IDS[*i].0).collect();
        out.push_str(&format!("  # action {n}\n  - id: A0{n}\n"));
        if *flow {
            out.push_str(&format!("    criteres: [{}]\n", ids.join(", ")));
        } else {
            out.push_str("    criteres:\n");
            for id in &ids {
                out.push_str(&format!("      - {id}\n"));
            }
        }
        out.push_str(&format!("    titre: Action {n}\n    statut: a_faire\n"));
    }
    Some(if w.crlf {
        out.replace('\n', "\r\n")
    } else {
        out
    })
}

fn load(dir: &Path) -> StructureFolder {
    let resolver = Resolver::new(Catalog::new(None));
    structure::load(dir, "essai", &resolver, TODAY)
}

/// The line as the migration writes it: new version, renamed key.
fn expected(line: &str) -> String {
    let line = line.replace("version: 1.0.0", "version: 1.1.0");
    line.replacen("\"TERR-03\":", "ACC-06:", 1)
        .replacen("TERR-03:", "ACC-06:", 1)
}

/// `needles` appear in `haystack`'s lines, in this order (a one-line
/// answer may have gained `a_revoir: true`, every other byte kept).
fn in_order(haystack: &[&str], needles: &[String]) -> Result<(), String> {
    let mut at = 0;
    for needle in needles {
        match haystack[at..]
            .iter()
            .position(|l| l.replace(", a_revoir: true", "") == *needle)
        {
            Some(i) => at += i + 1,
            None => return Err(format!("lost or out of order: {needle:?}")),
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn migrating_keeps_what_a_person_wrote(w in written()) {
        let dir = tempfile::tempdir().unwrap();
        let before = self_assessment(&w);
        fs::write(dir.path().join("autoevaluation.yaml"), &before).unwrap();
        let plan_before = plan(&w);
        if let Some(text) = &plan_before {
            fs::write(dir.path().join("plan.yaml"), text).unwrap();
        }
        let folder = load(dir.path());
        prop_assert!(!folder.has_errors(), "{:?}", folder.diagnostics);
        let target = semver::Version::new(1, 1, 0);
        let catalog = Catalog::new(None);
        let outcome = migrate(&folder, &catalog, &target, false);
        let Ok(Outcome::Migrated(migration)) = outcome else {
            return Err(TestCaseError::fail(format!("{outcome:?}")));
        };
        let after = &migration.files[0].after;
        // Line endings: none other than the file's.
        if w.crlf {
            prop_assert!(!after.replace("\r\n", "").contains('\n'));
        } else {
            prop_assert!(!after.contains('\r'));
        }
        let lines: Vec<&str> = after.lines().collect();
        let (kept, retired) = after.split_once("reponses_retirees:").unwrap_or((after, ""));
        let kept_lines: Vec<&str> = kept.lines().collect();
        let retired_lines: Vec<&str> = retired.lines().collect();
        // Every line, in order; a removed criterion's (its key line and the
        // lines under it) under reponses_retirees.
        let mut outside = Vec::new();
        let mut moved = Vec::new();
        let mut in_removed = false;
        for line in before.lines() {
            let spaces = line.len() - line.trim_start().len();
            if spaces <= w.indent {
                let trimmed = line.trim_start();
                in_removed = spaces == w.indent
                    && (trimmed.starts_with("TERR-05") || trimmed.starts_with("\"TERR-05\""));
            }
            if in_removed {
                moved.push(expected(line));
            } else {
                outside.push(expected(line));
            }
        }
        in_order(&kept_lines, &outside).map_err(TestCaseError::fail)?;
        in_order(&retired_lines, &moved).map_err(TestCaseError::fail)?;
        prop_assert!(lines.len() >= before.lines().count());
        // The plan: its other lines kept in order, its lists rewritten.
        if let Some(plan_before) = &plan_before {
            let plan_after = &migration.files[1].after;
            let others: Vec<String> = plan_before
                .lines()
                .filter(|l| !l.contains("criteres") && !l.trim_start().starts_with("- ") || l.contains("- id:"))
                .map(expected)
                .collect();
            let plan_lines: Vec<&str> = plan_after.lines().collect();
            in_order(&plan_lines, &others).map_err(TestCaseError::fail)?;
            prop_assert!(!plan_after.contains("TERR-03") && !plan_after.contains("TERR-05"));
        }
        // Written, re-read: every renamed answer carried with its level.
        for file in &migration.files {
            fs::write(&file.path, &file.after).unwrap();
        }
        let reread = load(dir.path());
        let errors: Vec<_> = reread.diagnostics.iter().filter(|d| d.is_error()).collect();
        prop_assert!(errors.is_empty(), "{errors:?}\n{after}");
        let model = reread.self_assessment.as_ref().unwrap();
        let referential = reread.referential.as_ref().unwrap();
        let evaluation = evaluate(referential, model, reread.plan.as_ref());
        for a in &w.answers {
            let (old, new) = IDS[a.id];
            if new.is_empty() || a.form == 2 {
                continue;
            }
            let carried = model.answers.get(new).and_then(|x| x.level);
            prop_assert_eq!(carried, Some(a.level), "{} → {}", old, new);
            // Re-evaluated: the carried level counts, never « non évalué ».
            let result = evaluation.criteria.iter().find(|c| c.id == new).unwrap();
            prop_assert_eq!(result.level, Some(a.level));
            prop_assert_ne!(result.status, Status::NotAssessed);
            if old == "VAL-04" {
                prop_assert_eq!(model.answers.get("VAL-05").and_then(|x| x.level), Some(a.level));
            }
        }
        // Twice is once.
        let again = migrate(&reread, &catalog, &target, false);
        prop_assert!(matches!(again, Ok(Outcome::AlreadyThere { .. })), "{again:?}");
    }
}
