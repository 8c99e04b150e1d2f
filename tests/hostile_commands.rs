//! Hostile situations per command (issue 14): what `lint` is given, where
//! `init`, `plan` and `checklist --audit` would write, and control
//! characters planted in every text that reaches an output.

#![cfg(unix)]

mod harness;

use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::Command;

use harness::{Case, DATE, INIT, rewrite, root, run_all, structure, structure_commands};

fn fifo(path: &Path) {
    assert!(Command::new("mkfifo").arg(path).status().unwrap().success());
}

/// A folder-form referential `tdr` (tetes-de-reseau 1.0.0).
fn folder_referential(dir: &Path) -> std::path::PathBuf {
    let tdr = dir.join("tdr");
    harness::copy_dir(&root().join("referentiels/tetes-de-reseau/1.0.0"), &tdr);
    tdr
}

#[test]
fn what_lint_is_given() {
    let cases = vec![
        Case::new("a FIFO", &["lint", "f.yaml"], 2, "FS008").setup(|d| fifo(&d.join("f.yaml"))),
        Case::new("/dev/urandom", &["lint", "r.yaml"], 2, "FS008")
            .setup(|d| symlink("/dev/urandom", d.join("r.yaml")).unwrap()),
        Case::new("a self link", &["lint", "s.yaml"], 2, "FS003")
            .setup(|d| symlink("s.yaml", d.join("s.yaml")).unwrap()),
        Case::new("a missing path", &["lint", "absent.yaml"], 2, "FS001"),
        Case::new("an empty folder", &["lint", "vide"], 2, "REF201")
            .setup(|d| fs::create_dir(d.join("vide")).unwrap()),
        Case::new("a FIFO in principes/", &["lint", "tdr"], 2, "FS008")
            .setup(|d| fifo(&folder_referential(d).join("principes/99-tube.yaml"))),
        Case::new("principes/ linked outside", &["lint", "tdr"], 1, "FS009")
            .forbid("s3cr3t")
            .setup(|d| {
                let tdr = folder_referential(d);
                fs::create_dir(d.join("ailleurs")).unwrap();
                fs::write(d.join("ailleurs/01.yaml"), "id: s3cr3t\n").unwrap();
                fs::remove_dir_all(tdr.join("principes")).unwrap();
                symlink("../ailleurs", tdr.join("principes")).unwrap();
            }),
        Case::new("principes/ a link loop", &["lint", "tdr"], 1, "FS002").setup(|d| {
            let tdr = folder_referential(d);
            fs::remove_dir_all(tdr.join("principes")).unwrap();
            symlink("principes", tdr.join("principes")).unwrap();
        }),
        Case::new("a loop among principles", &["lint", "tdr"], 0, "FS002").setup(|d| {
            let tdr = folder_referential(d);
            symlink("x.yaml", tdr.join("principes/x.yaml")).unwrap();
        }),
        Case::new("a principle linked outside", &["lint", "tdr"], 1, "FS009")
            .forbid("s3cr3t")
            .setup(|d| {
                let tdr = folder_referential(d);
                fs::write(d.join("secret.yaml"), "id: s3cr3t\n").unwrap();
                symlink("../../secret.yaml", tdr.join("principes/99.yaml")).unwrap();
            }),
        Case::new("a folder walked through a loop", &["lint", "."], 0, "FS002").setup(|d| {
            folder_referential(d);
            symlink(".", d.join("boucle")).unwrap();
        }),
    ];
    run_all(cases);
}

#[test]
fn where_init_would_write() {
    let cases = vec![
        Case::new(".label linked outside", &INIT, 2, "FS010").setup(|d| {
            fs::create_dir(d.join("ailleurs")).unwrap();
            symlink("ailleurs", d.join(".label")).unwrap();
        }),
        Case::new("the schema a link", &INIT, 2, "FS010").setup(|d| {
            fs::create_dir(d.join(".label")).unwrap();
            fs::write(d.join("cible.json"), "{}").unwrap();
            let at = d.join(".label/missions-locales/1.0.0");
            fs::create_dir_all(&at).unwrap();
            symlink("../../../cible.json", at.join("autoevaluation.schema.json")).unwrap();
        }),
        Case::new("the folder a link", &INIT, 2, "FS010").setup(|d| {
            fs::create_dir(d.join("ailleurs")).unwrap();
            symlink("ailleurs", d.join("ml-x")).unwrap();
        }),
        Case::new("already there", &INIT, 2, "FS007").setup(|d| {
            fs::create_dir(d.join("ml-x")).unwrap();
            fs::write(d.join("ml-x/autoevaluation.yaml"), "à moi\n").unwrap();
        }),
        Case::new("a dangling link there", &INIT, 2, "FS007").setup(|d| {
            fs::create_dir(d.join("ml-x")).unwrap();
            symlink("absent", d.join("ml-x/autoevaluation.yaml")).unwrap();
        }),
        Case::new("a file in the way", &INIT, 2, "FS006")
            .setup(|d| fs::write(d.join("ml-x"), "").unwrap()),
        Case::new("a FIFO as label.toml", &INIT, 2, "FS008").setup(|d| fifo(&d.join("label.toml"))),
        Case::new("a FIFO as the referential", &INIT, 2, "STR007").setup(|d| {
            fs::create_dir_all(d.join("referentiels/missions-locales")).unwrap();
            fifo(&d.join("referentiels/missions-locales/1.0.0.yaml"));
        }),
    ];
    run_all(cases);
}

#[test]
fn where_plan_and_checklist_would_write() {
    let plan = ["plan", "ml", "--date", DATE];
    let audit = ["checklist", "ml", "--audit", "--date", DATE];
    let cases = vec![
        Case::new("plan.yaml a link", &plan, 2, "FS010").setup(|d| {
            structure(d);
            fs::rename(d.join("ml/plan.yaml"), d.join("ml/vrai.yaml")).unwrap();
            symlink("vrai.yaml", d.join("ml/plan.yaml")).unwrap();
        }),
        Case::new("plan.yaml a folder", &plan, 2, "FS003").setup(|d| {
            structure(d);
            fs::remove_file(d.join("ml/plan.yaml")).unwrap();
            fs::create_dir(d.join("ml/plan.yaml")).unwrap();
        }),
        Case::new("plan.yaml dangling", &plan, 2, "FS010").setup(|d| {
            structure(d);
            fs::remove_file(d.join("ml/plan.yaml")).unwrap();
            symlink("absent.yaml", d.join("ml/plan.yaml")).unwrap();
        }),
        Case::new("invalid self-assessment", &plan, 1, "SCH003").setup(|d| {
            structure(d);
            rewrite(d, "ml/autoevaluation.yaml", |t| {
                t.replacen("niveau: 3", "niveau: trois", 1).into_bytes()
            });
        }),
        Case::new("plan.yaml ending with ...", &plan, 0, "")
            .writes()
            .setup(|d| {
                structure(d);
                rewrite(d, "ml/plan.yaml", |t| format!("{t}...\n").into_bytes());
            }),
        Case::new("CR-only plan.yaml", &plan, 2, "PLAN005").setup(|d| {
            structure(d);
            rewrite(d, "ml/plan.yaml", |t| t.replace('\n', "\r").into_bytes());
        }),
        Case::new("audit.yaml a dangling link", &audit, 2, "FS007").setup(|d| {
            structure(d);
            fs::remove_file(d.join("ml/audit.yaml")).unwrap();
            symlink("absent.yaml", d.join("ml/audit.yaml")).unwrap();
        }),
        Case::new(".label a link", &audit, 2, "FS010").setup(|d| {
            structure(d);
            fs::remove_file(d.join("ml/audit.yaml")).unwrap();
            fs::create_dir(d.join("ailleurs")).unwrap();
            symlink("ailleurs", d.join(".label")).unwrap();
        }),
    ];
    run_all(cases);
}

/// Item 4: escape sequences in every text from a file, and in a folder
/// name, reach no output raw (the harness checks every case's output).
#[test]
fn item_4_control_characters_in_every_output() {
    let plant = |d: &Path| {
        structure(d);
        for file in ["ml/autoevaluation.yaml", "ml/plan.yaml", "ml/audit.yaml"] {
            rewrite(d, file, |t| {
                t.replace("Nouvelle-Aquitaine", "\"Nouv\\e[31melle\\a\\u009b2J\"")
                    .replace("Mission locale du Val de Garonne", "\"Mission\\e]0;titre\\a\\r\"")
                    .replace("Sofiane Benali", "\"=HYPERLINK(\\\"http://x\\\")\"")
                    .replace(
                        "Tenir le registre des traitements et revoir les habilitations i-milo chaque trimestre",
                        "\"\\e[2JTenir le registre\"",
                    )
                    .replace(
                        "Projet associatif 2024-2028 présenté aux quatre administrateurs élus en 2026.",
                        "\"@SUM(1)\\e[5m\"",
                    )
                    .into_bytes()
            });
        }
        fs::rename(d.join("ml"), d.join("ml\u{1b}[31m")).unwrap();
        symlink("ml\u{1b}[31m", d.join("ml")).unwrap();
    };
    let mut all: Vec<Vec<&str>> = structure_commands();
    for format in ["json", "csv", "markdown"] {
        all.push(vec!["evaluate", ".", "--format", format, "--date", DATE]);
    }
    all.push(vec![
        "evaluate", ".", "--format", "csv", "--excel", "--date", DATE,
    ]);
    for format in ["concise", "github", "junit", "gitlab", "sarif", "json"] {
        all.push(vec!["validate", ".", "--format", format, "--date", DATE]);
    }
    for format in ["csv", "html"] {
        all.push(vec!["checklist", "ml", "--format", format, "--date", DATE]);
    }
    for format in ["json", "markdown"] {
        all.push(vec!["audit", "ml", "--format", format, "--date", DATE]);
    }
    let cases = all
        .into_iter()
        .map(|args| {
            let exit = 0;
            Case::new("planted escapes", &args, exit, "")
                .forbid(";=HYPERLINK")
                .forbid(",=HYPERLINK")
                .setup(plant)
        })
        .collect();
    run_all(cases);
}
