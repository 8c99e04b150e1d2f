//! `label plan` in-process: deadlines, the post-condition, re-runs.

use std::fs;

use super::scaffold::{Header, NewAction};
use super::update::{UpdateError, update};
use super::verify::{Violation, verify};
use super::*;
use crate::date::Date;
use crate::referential::{Catalog, Referential};
use crate::structure::{self, Resolver, StructureFolder};
use crate::yaml::edit::{Edit, Edited, Reason};

type Outcome = Result<(), Box<dyn std::error::Error>>;

const TODAY: Date = Date {
    year: 2030,
    month: 1,
    day: 1,
};

fn date(text: &str) -> Result<Date, String> {
    Date::parse(text).ok_or_else(|| format!("date {text}"))
}

/// A structure folder on disk with these files, loaded.
fn folder(files: &[(&str, &str)]) -> Result<(tempfile::TempDir, StructureFolder), std::io::Error> {
    let dir = tempfile::tempdir()?;
    for (name, text) in files {
        fs::write(dir.path().join(name), text)?;
    }
    let resolver = Resolver::new(Catalog::new(None));
    let loaded = structure::load(dir.path(), "ml-x", &resolver, TODAY);
    Ok((dir, loaded))
}

/// A self-assessment: `date` line (or none) and `(criterion, level)`.
fn assessment(date: Option<&str>, levels: &[(&str, i64)]) -> String {
    let mut text = String::from(
        "referentiel: missions-locales\nversion: 1.0.0\nstructure:\n  id: ml-x\n  nom: X\n  type: mission-locale\n",
    );
    if let Some(date) = date {
        text.push_str(&format!("date: {date}\n"));
    }
    text.push_str("reponses:\n");
    for (id, level) in levels {
        text.push_str(&format!("  {id}:\n    niveau: {level}\n"));
    }
    text
}

const PLAN: &str = "referentiel: missions-locales\nversion: 1.0.0\nstructure: ml-x\nactions:\n  - id: A01   # la première\n    criteres: [VAL-03]\n    titre: RGPD\n    statut: en_cours\n";

fn referential() -> Result<Referential, String> {
    Catalog::new(None)
        .latest("missions-locales")
        .and_then(|l| l.referential)
        .ok_or_else(|| "embedded referential".to_string())
}

fn header() -> Header<'static> {
    Header {
        referential: "missions-locales",
        version: "1.0.0",
        structure: "ml-x",
    }
}

fn new_action(id: &str, criterion: &str) -> NewAction {
    NewAction {
        id: id.into(),
        criterion: criterion.into(),
        title: "Atteindre le niveau attendu : x".into(),
        due: None,
        kind: GapKind::Minor,
    }
}

#[test]
fn item_9_self_assessment_gaps_count_from_its_date_never_today() -> Outcome {
    let text = assessment(
        Some("2026-09-18"),
        &[("VAL-03", 2), ("GOUV-05", 2), ("GOUV-01", 3)],
    );
    let (_dir, folder) = folder(&[("autoevaluation.yaml", &text)])?;
    let update = update(&folder, TODAY, "schema.json").map_err(|e| format!("{e:?}"))?;
    let due: Vec<(String, Option<Date>)> = update
        .added
        .iter()
        .map(|a| (a.criterion.clone(), a.due))
        .collect();
    let expected = vec![
        ("VAL-03".to_string(), Some(date("2026-12-18")?)),
        ("GOUV-05".to_string(), Some(date("2027-03-18")?)),
    ];
    assert_eq!(due, expected);
    assert!(
        update
            .after
            .starts_with("# yaml-language-server: $schema=schema.json\n")
    );
    Ok(())
}

#[test]
fn item_9_without_a_date_the_deadline_is_left_to_fix() -> Outcome {
    let text = assessment(None, &[("GOUV-05", 2)]);
    let (_dir, folder) = folder(&[("autoevaluation.yaml", &text)])?;
    let update = update(&folder, TODAY, "s.json").map_err(|e| format!("{e:?}"))?;
    assert_eq!(update.added.len(), 1);
    assert_eq!(update.added[0].due, None);
    assert!(!update.after.contains("echeance"), "{}", update.after);
    Ok(())
}

#[test]
fn item_9_follow_up_lists_gaps_without_action() -> Outcome {
    let text = assessment(
        Some("2026-09-18"),
        &[("VAL-03", 2), ("GOUV-05", 2), ("ACC-02", 1)],
    );
    let abandoned = PLAN.replace("en_cours", "abandonnee");
    for (plan, expected) in [
        // Majors first: ACC-02 at level 1 is major (niveau_ecart_majeur).
        (PLAN, vec!["ACC-02", "GOUV-05"]),
        (abandoned.as_str(), vec!["VAL-03", "ACC-02", "GOUV-05"]),
    ] {
        let (_dir, folder) = folder(&[("autoevaluation.yaml", &text), ("plan.yaml", plan)])?;
        let follow = follow_up(&folder, TODAY).ok_or("a plan")?;
        let gaps: Vec<&str> = follow
            .unanswered
            .iter()
            .map(|g| g.criterion.as_str())
            .collect();
        assert_eq!(gaps, expected);
    }
    Ok(())
}

#[test]
fn update_appends_and_a_second_run_changes_nothing() -> Outcome {
    let text = assessment(Some("2026-09-18"), &[("VAL-03", 2), ("GOUV-05", 2)]);
    let (_dir, first) = folder(&[("autoevaluation.yaml", &text), ("plan.yaml", PLAN)])?;
    let update1 = update(&first, TODAY, "s.json").map_err(|e| format!("{e:?}"))?;
    assert!(update1.changes());
    assert!(update1.after.starts_with(PLAN));
    assert_eq!(
        update1
            .added
            .iter()
            .map(|a| a.id.as_str())
            .collect::<Vec<_>>(),
        ["A02"]
    );
    let (_dir, second) = folder(&[
        ("autoevaluation.yaml", &text),
        ("plan.yaml", &update1.after),
    ])?;
    let update2 = update(&second, TODAY, "s.json").map_err(|e| format!("{e:?}"))?;
    assert!(!update2.changes());
    assert!(update2.added.is_empty());
    assert_eq!(update2.after, update1.after);
    Ok(())
}

#[test]
fn a_flow_list_is_a_shape_error() -> Outcome {
    let text = assessment(Some("2026-09-18"), &[("GOUV-05", 2)]);
    let plan = "referentiel: missions-locales\nversion: 1.0.0\nstructure: ml-x\nactions: [{id: A01, criteres: [VAL-03], titre: t, statut: a_faire}]\n";
    let (_dir, folder) = folder(&[("autoevaluation.yaml", &text), ("plan.yaml", plan)])?;
    match update(&folder, TODAY, "s.json") {
        Err(UpdateError::Shape(e)) => assert_eq!((e.reason, e.span.line), (Reason::Flow, 4)),
        other => return Err(format!("{other:?}").into()),
    }
    Ok(())
}

/// The post-condition catches every way an edit could go wrong; a
/// `verify` that accepts everything fails this test.
#[test]
fn verify_refuses_what_breaks_the_post_condition() -> Outcome {
    let referential = referential()?;
    let added = [new_action("A02", "GOUV-05")];
    let block = "  - id: A02\n    criteres: [GOUV-05]\n    titre: \"Atteindre le niveau attendu : x\"\n    responsable:\n    statut: a_faire\n    origine: autoevaluation\n";
    let edited = |text: String, edits: Vec<Edit>| Edited { text, edits };
    let insertion = || {
        vec![Edit {
            range: PLAN.len()..PLAN.len(),
            text: block.to_string(),
        }]
    };
    let check = |e: &Edited, added: &[NewAction]| {
        verify(Some(PLAN), e, header(), added, &referential, TODAY)
    };

    assert_eq!(
        check(&edited(format!("{PLAN}{block}"), insertion()), &added),
        Ok(())
    );
    // A byte a person wrote changed.
    let tampered = format!("{PLAN}{block}").replacen("la première", "la premiere", 1);
    assert!(matches!(
        check(&edited(tampered, insertion()), &added),
        Err(Violation::Changed { .. })
    ));
    // An edit that removes what a person wrote.
    let removal = vec![Edit {
        range: 10..18,
        text: String::new(),
    }];
    let shortened = format!("{}{}", &PLAN[..10], &PLAN[18..]);
    assert!(matches!(
        check(&edited(shortened, removal), &[]),
        Err(Violation::Changed { .. })
    ));
    // The text says more, or less, than the edits.
    assert!(matches!(
        check(&edited(format!("{PLAN}{block}"), Vec::new()), &added),
        Err(Violation::Changed { .. })
    ));
    // The new actions are not the intended ones.
    assert_eq!(
        check(&edited(format!("{PLAN}{block}"), insertion()), &[]),
        Err(Violation::Actions)
    );
    let other = [new_action("A02", "GOUV-04")];
    assert_eq!(
        check(&edited(format!("{PLAN}{block}"), insertion()), &other),
        Err(Violation::Actions)
    );
    // A new action with a key the plan does not know does not read.
    let extra = format!("{block}    cle_inconnue: x\n");
    let insertion_of = |text: &str| {
        vec![Edit {
            range: PLAN.len()..PLAN.len(),
            text: text.to_string(),
        }]
    };
    let unknown_key = edited(format!("{PLAN}{extra}"), insertion_of(&extra));
    assert!(matches!(check(&unknown_key, &added), Err(Violation::Invalid(d)) if !d.is_empty()));
    // A new action on an unknown criterion does not check.
    let unknown = block.replace("GOUV-05", "GOUV-99");
    let bad = edited(
        format!("{PLAN}{unknown}"),
        vec![Edit {
            range: PLAN.len()..PLAN.len(),
            text: unknown.clone(),
        }],
    );
    assert!(
        matches!(check(&bad, &[new_action("A02", "GOUV-99")]), Err(Violation::Invalid(d)) if !d.is_empty())
    );
    // A new file about another structure.
    let new_file = edited(
        format!("{}{block}", PLAN.replace("ml-x", "ml-y")),
        Vec::new(),
    );
    let result = verify(None, &new_file, header(), &added, &referential, TODAY);
    assert_eq!(result, Err(Violation::Header));
    Ok(())
}

#[test]
fn the_edits_an_update_makes_satisfy_the_post_condition() -> Outcome {
    let referential = referential()?;
    let text =
        "referentiel: missions-locales\nversion: 1.0.0\nstructure: ml-x\nactions: []  # vide\n";
    let added = [new_action("A01", "GOUV-05")];
    let mut editor = crate::yaml::edit::Editor::new(text)?;
    editor.push(
        &[crate::yaml::edit::Step::Key("actions")],
        &added[0].value(),
    )?;
    let edited = editor.finish()?;
    assert_eq!(
        verify(Some(text), &edited, header(), &added, &referential, TODAY),
        Ok(())
    );
    Ok(())
}

const AUDIT: &str = "referentiel: missions-locales\nversion: 1.0.0\nstructure: ml-x\ntype: initial\ndebut: 2026-10-07\nfin: 2026-10-08\nauditeurs:\n  - { nom: A, role: certifie }\n  - { nom: B, role: pair }\nconstats:\n  VAL-03:\n    resultat: nc_majeure\n    observations: Registre absent.\n  GOUV-05:\n    resultat: nc_mineure\n    observations: Rapport non publié.\n";

#[test]
fn audit_nonconformities_need_an_action_of_origin_audit() -> Outcome {
    let text = assessment(Some("2026-09-18"), &[("VAL-03", 2), ("GOUV-05", 3)]);
    let with_origin = |origin: &str| {
        PLAN.replace(
            "statut: en_cours",
            &format!("statut: en_cours\n    origine: {origin}"),
        )
    };
    let cases = [
        (
            with_origin("autoevaluation"),
            vec![
                ("VAL-03", GapKind::AuditMajor, "2027-01-08"),
                ("GOUV-05", GapKind::AuditMinor, "2027-04-08"),
            ],
        ),
        (
            with_origin("audit"),
            vec![("GOUV-05", GapKind::AuditMinor, "2027-04-08")],
        ),
    ];
    for (plan, expected) in cases {
        let (_dir, folder) = folder(&[
            ("autoevaluation.yaml", &text),
            ("plan.yaml", &plan),
            ("audit.yaml", AUDIT),
        ])?;
        let update = update(&folder, TODAY, "s.json").map_err(|e| format!("{e:?}"))?;
        let added: Vec<(&str, GapKind, String)> = update
            .added
            .iter()
            .map(|a| {
                (
                    a.criterion.as_str(),
                    a.kind,
                    a.due.map(|d| d.to_string()).unwrap_or_default(),
                )
            })
            .collect();
        let expected: Vec<(&str, GapKind, String)> = expected
            .into_iter()
            .map(|(c, k, d)| (c, k, d.to_string()))
            .collect();
        assert_eq!(added, expected, "{plan}");
    }
    Ok(())
}

#[test]
fn follow_up_counts_done_late_and_closable_actions() -> Outcome {
    let text = assessment(
        Some("2026-09-18"),
        &[("VAL-03", 3), ("GOUV-05", 2), ("GOUV-04", 3)],
    );
    let plan = format!(
        "{PLAN}  - id: A02\n    criteres: [GOUV-05]\n    titre: Publier\n    echeance: 2029-12-31\n    statut: a_faire\n  - id: A03\n    criteres: [GOUV-04]\n    titre: Fait\n    statut: realisee\n  - id: A04\n    criteres: []\n    titre: Sans critère\n    statut: a_faire\n"
    );
    let (_dir, folder) = folder(&[("autoevaluation.yaml", &text), ("plan.yaml", &plan)])?;
    let follow = follow_up(&folder, TODAY).ok_or("a plan")?;
    assert_eq!((follow.done(), follow.overdue()), (1, 1));
    let gouv = follow
        .principles
        .iter()
        .find(|p| p.id == "GOUV")
        .ok_or("GOUV")?;
    assert_eq!(
        (gouv.total, gouv.done, gouv.in_progress, gouv.overdue),
        (2, 1, 0, 1)
    );
    let update = update(&folder, TODAY, "s.json").map_err(|e| format!("{e:?}"))?;
    let closable: Vec<&str> = update.closable.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        closable,
        ["A01"],
        "A01 answers VAL-03, conform now; A04 answers nothing"
    );
    Ok(())
}
