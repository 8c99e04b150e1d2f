//! Issue 12 item 3: `label migrate DIR --vers VERSION`, exactly §4.7, on
//! copies of the shipped examples (ml-pays-de-vitre is on 1.0.0, with a
//! plan and an audit).

mod common;

use std::fs;
use std::path::Path;

use common::{copy_dir, label, root};

const DATE: &str = "2026-11-27";

/// A workspace holding copies of shipped examples, `ml-pays-de-vitre`'s
/// plan aiming some criteria that change in 1.1.0.
fn network(names: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("label.toml"),
        "structures = \"structures\"\n",
    )
    .unwrap();
    for name in names {
        let to = dir.path().join("structures").join(name);
        copy_dir(&root().join("examples/structures").join(name), &to);
    }
    let plan = dir.path().join("structures/ml-pays-de-vitre/plan.yaml");
    if plan.exists() {
        let text = fs::read_to_string(&plan).unwrap();
        let text = text
            .replacen(
                "criteres: [PIL-03]",
                "criteres: [PIL-03, TERR-03, TERR-05]",
                1,
            )
            .replacen(
                "  - id: A03\n    criteres: [ACC-02]",
                "  - id: A03\n    criteres:\n      - PARC-06\n      - VAL-01\n      - VAL-04",
                1,
            );
        fs::write(&plan, text).unwrap();
    }
    dir
}

fn read(dir: &Path, file: &str) -> String {
    fs::read_to_string(dir.join("structures").join(file)).unwrap()
}

fn migrate(dir: &Path, args: &[&str]) -> common::Run {
    let mut all = vec!["migrate"];
    all.extend(args);
    label(dir, &all)
}

#[test]
fn item_3_answers_are_carried_marked_and_retired() {
    let dir = network(&["ml-pays-de-vitre"]);
    let before = read(dir.path(), "ml-pays-de-vitre/autoevaluation.yaml");
    let run = migrate(
        dir.path(),
        &["structures/ml-pays-de-vitre", "--vers", "1.1.0"],
    );
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    insta::assert_snapshot!("migrate_vitre_summary", run.stdout);
    let after = read(dir.path(), "ml-pays-de-vitre/autoevaluation.yaml");
    assert!(after.contains("version: 1.1.0\n"));
    // Renamed: the answer under its new id, the same bytes.
    let terr03 = &before[before.find("  TERR-03:\n").unwrap()..];
    let terr03 = &terr03[..terr03[1..].find("\n  T").unwrap() + 1];
    assert!(
        after.contains(&terr03.replacen("TERR-03", "ACC-06", 1)),
        "{after}"
    );
    assert!(!after[..after.find("reponses_retirees:").unwrap()].contains("TERR-03"));
    // Split: copied to each new id, marked.
    assert!(after.contains("  VAL-05:\n    niveau: 3\n"), "{after}");
    assert_eq!(after.matches("    a_revoir: true\n").count(), 3, "{after}");
    // Removed: untouched under reponses_retirees, after a comment.
    let retired = &after[after.find("reponses_retirees:\n").unwrap()..];
    assert!(
        retired.contains("  # TERR-05 supprimé en 1.1.0 : "),
        "{retired}"
    );
    assert!(retired.contains("  TERR-05:\n    niveau: 3\n"), "{retired}");
    // Merged: the lowest level (PARC-06's 3, not VAL-01's 4) kept.
    let val01 = &after[after.find("  VAL-01:\n").unwrap()..];
    assert!(val01.starts_with("  VAL-01:\n    niveau: 3\n"), "{val01}");
    assert!(retired.contains("  VAL-01:\n    niveau: 4\n"), "{retired}");
    // New criteria ready to fill, as label init writes them.
    assert!(after.contains("  # VAL-06 — La sécurité des personnes accueillies"));
    assert!(after.contains("  PARC-07:\n    niveau:\n    commentaire:\n    preuves: []\n"));
    // The plan's criteria lists follow, in their own style.
    let plan = read(dir.path(), "ml-pays-de-vitre/plan.yaml");
    assert!(plan.contains("    criteres: [PIL-03, ACC-06]\n"), "{plan}");
    assert!(
        plan.contains("    criteres:\n      - VAL-01\n      - VAL-04\n      - VAL-05\n"),
        "{plan}"
    );
    // The audit stays on the version it was conducted on.
    let audit = read(dir.path(), "ml-pays-de-vitre/audit.yaml");
    assert_eq!(
        audit,
        fs::read_to_string(root().join("examples/structures/ml-pays-de-vitre/audit.yaml")).unwrap()
    );
    // validate: no error, a warning per answer to review.
    let check = label(
        dir.path(),
        &["validate", "--format", "concise", "--date", DATE],
    );
    assert_eq!(check.code, 0, "{}", check.stdout);
    assert_eq!(
        check.stdout.matches("warning[VER009]").count(),
        3,
        "{}",
        check.stdout
    );
}

#[test]
fn item_3_audit_findings_move_only_with_audits() {
    let dir = network(&["ml-pays-de-vitre"]);
    let run = migrate(
        dir.path(),
        &["structures/ml-pays-de-vitre", "--vers", "1.1.0", "--audits"],
    );
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let audit = read(dir.path(), "ml-pays-de-vitre/audit.yaml");
    assert!(audit.contains("version: 1.1.0\n"));
    assert!(audit.contains("  ACC-06:\n"), "{audit}");
    assert!(audit.contains("constats_retires:\n"), "{audit}");
    assert!(!audit.contains("a_revoir"), "{audit}");
    let check = label(
        dir.path(),
        &["audit", "structures/ml-pays-de-vitre", "--date", DATE],
    );
    assert_ne!(check.code, 101, "{}", check.stderr);
}

#[test]
fn item_3_dry_run_prints_the_diff_and_writes_nothing() {
    let dir = network(&["ml-pays-de-vitre"]);
    let before = read(dir.path(), "ml-pays-de-vitre/autoevaluation.yaml");
    let run = migrate(
        dir.path(),
        &[
            "structures/ml-pays-de-vitre",
            "--vers",
            "1.1.0",
            "--dry-run",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("--- structures/ml-pays-de-vitre/autoevaluation.yaml\n")
    );
    assert!(
        run.stdout.contains("\n-  TERR-03:\n+  ACC-06:\n"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("rien n'a été écrit"), "{}", run.stdout);
    assert_eq!(
        read(dir.path(), "ml-pays-de-vitre/autoevaluation.yaml"),
        before
    );
    assert!(!dir.path().join(".label/missions-locales/1.1.0").exists());
}

#[test]
fn item_3_an_older_version_is_refused_and_nothing_written() {
    let dir = network(&["ml-haute-cornouaille"]);
    let before = read(dir.path(), "ml-haute-cornouaille/autoevaluation.yaml");
    let run = migrate(
        dir.path(),
        &["structures/ml-haute-cornouaille", "--vers", "1.0.0"],
    );
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("erreur[VER010]"), "{}", run.stderr);
    assert!(
        run.stderr.contains("plus récente que 1.0.0"),
        "{}",
        run.stderr
    );
    assert_eq!(
        read(dir.path(), "ml-haute-cornouaille/autoevaluation.yaml"),
        before
    );
}

#[test]
fn item_3_already_on_the_target_is_a_no_op_that_says_so() {
    let dir = network(&["ml-haute-cornouaille"]);
    let before = read(dir.path(), "ml-haute-cornouaille/autoevaluation.yaml");
    let run = migrate(
        dir.path(),
        &["structures/ml-haute-cornouaille", "--vers", "1.1.0"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "structures/ml-haute-cornouaille : déjà en version 1.1.0, rien à faire\n"
    );
    assert_eq!(
        read(dir.path(), "ml-haute-cornouaille/autoevaluation.yaml"),
        before
    );
}

#[test]
fn item_3_migrating_twice_equals_migrating_once() {
    let dir = network(&["ml-pays-de-vitre"]);
    let first = migrate(dir.path(), &["structures", "--vers", "1.1.0"]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let once = read(dir.path(), "ml-pays-de-vitre/autoevaluation.yaml");
    let second = migrate(dir.path(), &["structures", "--vers", "1.1.0"]);
    assert!(
        second.stdout.contains("déjà en version 1.1.0"),
        "{}",
        second.stdout
    );
    assert_eq!(
        read(dir.path(), "ml-pays-de-vitre/autoevaluation.yaml"),
        once
    );
}

#[test]
fn item_3_a_structure_with_errors_is_refused_the_others_migrate() {
    let dir = network(&["ml-pays-de-vitre", "ml-val-de-garonne"]);
    let broken = dir
        .path()
        .join("structures/ml-val-de-garonne/autoevaluation.yaml");
    let text = fs::read_to_string(&broken)
        .unwrap()
        .replacen("niveau: 3", "niveau: 7", 1);
    fs::write(&broken, &text).unwrap();
    let run = migrate(dir.path(), &["structures", "--vers", "1.1.0"]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("erreur[AUTO001]"), "{}", run.stderr);
    assert!(run.stderr.contains("erreur[VER012]"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("« structures/ml-val-de-garonne » n'a pas été migrée")
    );
    assert_eq!(fs::read_to_string(&broken).unwrap(), text);
    assert!(read(dir.path(), "ml-pays-de-vitre/autoevaluation.yaml").contains("version: 1.1.0\n"));
}

#[test]
fn item_3_a_not_applicable_the_new_version_forbids_is_marked() {
    // ml-val-de-garonne declares TERR-03 non concerné; ACC-06 (its new id)
    // no longer allows it: the answer is carried, marked, and validate
    // says what to do.
    let dir = network(&["ml-val-de-garonne"]);
    let run = migrate(dir.path(), &["structures", "--vers", "1.1.0"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let after = read(dir.path(), "ml-val-de-garonne/autoevaluation.yaml");
    let acc06 = &after[after.find("  ACC-06:\n").unwrap()..];
    assert!(
        acc06.starts_with("  ACC-06:\n    non_concerne: "),
        "{acc06}"
    );
    assert!(
        acc06.lines().nth(2).unwrap().ends_with("a_revoir: true"),
        "{acc06}"
    );
    let check = label(
        dir.path(),
        &["validate", "--format", "concise", "--date", DATE],
    );
    assert!(check.stdout.contains("error[AUTO003]"), "{}", check.stdout);
    assert!(check.stdout.contains("warning[VER009]"), "{}", check.stdout);
}

#[test]
fn item_3_line_endings_and_comments_are_kept() {
    let dir = network(&["ml-haute-cornouaille"]);
    let file = dir
        .path()
        .join("structures/ml-haute-cornouaille/autoevaluation.yaml");
    // Back on 1.0.0, written on Windows, with a person's comments.
    let text = fs::read_to_string(root().join("tests/fixtures/migrate/crlf-1.0.0.yaml")).unwrap();
    fs::write(&file, &text).unwrap();
    let run = migrate(dir.path(), &["structures", "--vers", "1.1.0"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let after = fs::read_to_string(&file).unwrap();
    assert!(
        !after.replace("\r\n", "").contains('\n'),
        "a bare LF was written"
    );
    for line in text.lines().filter(|l| l.contains('#')) {
        let line = line.replace("version: 1.0.0", "version: 1.1.0");
        let line = line.replace("TERR-03:", "ACC-06:");
        assert!(after.contains(&line), "lost: {line}\n{after}");
    }
    // The one-line answer is split into VAL-04 and VAL-05 copies, marked.
    assert!(
        after.contains("  ACC-06: {niveau: 2, commentaire: Deux permanences}   # à étendre\r\n")
    );
    assert_eq!(after.matches("a_revoir: true\r\n").count(), 2, "{after}");
}

/// QA: the migration that marks a forbidden « non concerné » leaves an
/// error a person must fix; running `label migrate` again on that folder,
/// already on 1.1.0, is still the no-op that says so (it was VER012).
#[test]
fn item_3_migrating_twice_with_a_marked_answer_is_a_no_op() {
    let dir = network(&["ml-val-de-garonne", "arml-bretagne"]);
    let first = migrate(dir.path(), &["structures", "--vers", "1.1.0"]);
    assert_eq!(first.code, 0, "{}{}", first.stdout, first.stderr);
    let before = read(dir.path(), "ml-val-de-garonne/autoevaluation.yaml");
    let again = migrate(dir.path(), &["structures", "--vers", "1.1.0"]);
    assert_eq!(again.code, 0, "{}{}", again.stdout, again.stderr);
    assert!(!again.stderr.contains("VER012"), "{}", again.stderr);
    assert_eq!(again.stdout.matches("déjà en version 1.1.0").count(), 2);
    assert_eq!(
        read(dir.path(), "ml-val-de-garonne/autoevaluation.yaml"),
        before
    );
}

/// QA: a block list of criteria with a person's comments migrates item by
/// item (it was refused as « valeur écrite sur une ligne »): each comment
/// stays, a removed criterion's commented line stays as a comment.
#[test]
fn item_3_plan_lists_with_comments_keep_them() {
    let dir = network(&["ml-pays-de-vitre"]);
    let plan = dir.path().join("structures/ml-pays-de-vitre/plan.yaml");
    let text = fs::read_to_string(&plan).unwrap().replacen(
        "    criteres:\n      - PARC-06\n      - VAL-01\n      - VAL-04",
        "    criteres:\n      # nos critères\n      - VAL-04   # scindé\n      - TERR-05   # à relire\n      - PARC-06\n      - VAL-01 # gardé",
        1,
    );
    fs::write(&plan, text).unwrap();
    let run = migrate(dir.path(), &["structures", "--vers", "1.1.0"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let after = read(dir.path(), "ml-pays-de-vitre/plan.yaml");
    let expected = "    criteres:\n      # nos critères\n      - VAL-04   # scindé\n      - VAL-05\n      # TERR-05 (supprimé en 1.1.0)   # à relire\n      - VAL-01\n      # VAL-01 (déjà dans la liste) # gardé\n";
    assert!(after.contains(expected), "{after}");
    let check = label(
        dir.path(),
        &["validate", "--format", "concise", "--date", DATE],
    );
    let plan_errors = check
        .stdout
        .lines()
        .filter(|l| l.contains("plan.yaml") && l.contains("error["));
    assert_eq!(plan_errors.count(), 0, "{}", check.stdout);
}

/// QA: the summary of a first migration says « --audits pour le migrer »;
/// on the folder now on 1.1.0, `--audits` does move the audit left on
/// 1.0.0 (it answered « rien à faire »), then is a no-op.
#[test]
fn item_3_audits_later_moves_the_audit_left_behind() {
    let dir = network(&["ml-pays-de-vitre"]);
    let first = migrate(dir.path(), &["structures", "--vers", "1.1.0"]);
    assert!(
        first.stdout.contains("--audits pour le migrer"),
        "{}",
        first.stdout
    );
    let audit = "ml-pays-de-vitre/audit.yaml";
    assert!(read(dir.path(), audit).contains("\nversion: 1.0.0\n"));
    let late = migrate(dir.path(), &["structures", "--vers", "1.1.0", "--audits"]);
    assert_eq!(late.code, 0, "{}{}", late.stdout, late.stderr);
    assert!(
        late.stdout.contains(": audit.yaml 1.0.0 → 1.1.0"),
        "{}",
        late.stdout
    );
    let after = read(dir.path(), audit);
    assert!(
        after.contains("\nversion: 1.1.0\n") && after.contains("constats_retires:"),
        "{after}"
    );
    let again = migrate(dir.path(), &["structures", "--vers", "1.1.0", "--audits"]);
    assert!(
        again.stdout.contains("déjà en version 1.1.0"),
        "{}",
        again.stdout
    );
    assert_eq!(read(dir.path(), audit), after);
}
