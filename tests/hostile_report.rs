//! Hostile situations for `label report` (QA of issue 11): texts that
//! would break out of their context, evidence files that are FIFOs,
//! devices or links out, huge texts and indexes, broken folders among good
//! ones, `--anonyme`, and every place `-o` could be pointed at. Each case
//! runs the real binary under the harness bounds (time, memory, no raw
//! control character, nothing changed on disk unless written by design).

#![cfg(unix)]

mod harness;

use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::Command;

use harness::{Case, DATE, rewrite, root, run_all, structure};

fn fifo(path: &Path) {
    assert!(Command::new("mkfifo").arg(path).status().unwrap().success());
}

/// `label report ml --date D --format F` and more arguments.
fn report(format: &str, more: &[&'static str]) -> Vec<&'static str> {
    let format: &'static str = match format {
        "html" => "html",
        "markdown" => "markdown",
        _ => "json",
    };
    let mut args = vec!["report", "ml", "--date", DATE, "--format", format];
    args.extend(more);
    args
}

/// Replaces a text of the structure's self-assessment (a YAML scalar).
fn plant(d: &Path, from: &str, to: &str) {
    structure(d);
    let (from, to) = (from.to_string(), to.to_string());
    rewrite(d, "ml/autoevaluation.yaml", move |t| {
        assert!(t.contains(&from), "{from} not in the example");
        t.replace(&from, &to).into_bytes()
    });
}

const NAME: &str = "Mission locale du Val de Garonne";
const REGION: &str = "Nouvelle-Aquitaine";
const COMMENT: &str = "Projet associatif 2024-2028 validé en AG le 20 juin 2024, présenté à chaque nouvel administrateur.";
/// The first evidence line of the example, after which others are cited.
const EVIDENCE: &str = "      - preuves/pv-ag-2024-06-20.md\n";

/// Cites more evidence for GOUV-01.
fn cite(d: &Path, lines: &str) {
    plant(d, EVIDENCE, &format!("{EVIDENCE}{lines}"));
}

#[test]
fn texts_that_would_leave_their_context() {
    let mut cases = Vec::new();
    for format in ["html", "markdown", "json"] {
        // JSON carries the text as it is (its readers escape it).
        let forbid = |case: Case, text| {
            if format == "json" {
                case
            } else {
                case.forbid(text)
            }
        };
        cases.push(forbid(
            Case::new("<script> as the name", &report(format, &[]), 0, "")
                .setup(|d| plant(d, NAME, "\"<script>alert(1)</script>\"")),
            "<script>alert",
        ));
        cases.push(forbid(
            Case::new("</style> as the region", &report(format, &[]), 0, "")
                .setup(|d| plant(d, REGION, "\"</style><img src=x onerror=alert(2)>\"")),
            "</style><img",
        ));
        cases.push(
            Case::new("escapes in every text", &report(format, &[]), 0, "").setup(|d| {
                plant(d, NAME, "\"Mission\\e]0;titre\\a\\r\\u009b2J\"");
                rewrite(d, "ml/autoevaluation.yaml", |t| {
                    t.replace(COMMENT, "\"\\e[2J\\u0000 effacé\"").into_bytes()
                });
            }),
        );
    }
    cases.push(
        Case::new("]]> and a table cell", &report("markdown", &[]), 0, "")
            .forbid("]]>")
            .forbid("| faux |")
            .setup(|d| plant(d, COMMENT, "\"]]> | faux | [lien](http://x) <b>\"")),
    );
    cases.push(
        Case::new("javascript: URL as evidence", &report("html", &[]), 0, "PRV002")
            .forbid("href=\"javascript")
            .forbid("src=\"data")
            .setup(|d| {
                cite(
                    d,
                    "      - \"javascript:alert(3)\"\n      - \"data:text/html,<script>x</script>\"\n      - \"https://x.example/?a=\\\"><script>\"\n",
                )
            }),
    );
    cases.push(
        Case::new("100 000-character words", &report("html", &[]), 0, "").setup(|d| {
            let word = "A".repeat(100_000);
            plant(d, NAME, &word);
            rewrite(d, "ml/autoevaluation.yaml", |t| {
                t.replace(REGION, &"R".repeat(100_000))
                    .replace(COMMENT, &"C".repeat(100_000))
                    .into_bytes()
            });
        }),
    );
    run_all(cases);
}

#[test]
fn evidence_files_never_read_outside_nor_waited_for() {
    let cases = vec![
        Case::new("2 000 evidence files", &report("json", &[]), 0, "").setup(|d| {
            structure(d);
            fs::create_dir(d.join("ml/preuves/n")).unwrap();
            let mut lines = String::new();
            for i in 0..2000 {
                fs::write(d.join(format!("ml/preuves/n/p{i:04}.md")), format!("{i}\n")).unwrap();
                lines.push_str(&format!("      - preuves/n/p{i:04}.md\n"));
            }
            cite(d, &lines);
        }),
        Case::new("a FIFO as evidence", &report("html", &[]), 0, "").setup(|d| {
            cite(d, "      - preuves/tube.md\n");
            fifo(&d.join("ml/preuves/tube.md"));
        }),
        Case::new("a link to /dev/zero", &report("json", &[]), 1, "PRV001").setup(|d| {
            cite(d, "      - preuves/zero.md\n");
            symlink("/dev/zero", d.join("ml/preuves/zero.md")).unwrap();
        }),
        Case::new("a link outside", &report("html", &[]), 1, "PRV001")
            .forbid("s3cr3t")
            .setup(|d| {
                cite(d, "      - preuves/dehors.md\n");
                fs::write(d.join("secret.txt"), "s3cr3t\n").unwrap();
                symlink("../../secret.txt", d.join("ml/preuves/dehors.md")).unwrap();
            }),
        Case::new("a folder linked outside", &report("html", &[]), 1, "PRV001")
            .forbid("s3cr3t")
            .setup(|d| {
                cite(d, "      - preuves/haut/secret.txt\n");
                fs::write(d.join("secret.txt"), "s3cr3t\n").unwrap();
                symlink("../..", d.join("ml/preuves/haut")).unwrap();
            }),
        Case::new("an absolute path", &report("markdown", &[]), 1, "PRV001")
            .forbid("root:x")
            .setup(|d| cite(d, "      - /etc/passwd\n")),
        Case::new("a path up and out", &report("json", &[]), 1, "PRV001")
            .setup(|d| cite(d, "      - ../../../etc/passwd\n")),
        Case::new("a folder as evidence", &report("html", &[]), 0, "")
            .setup(|d| cite(d, "      - preuves\n")),
        // The commit is read from .git: only a hash is ever printed.
        Case::new(".git HEAD pointing out", &report("html", &[]), 0, "")
            .forbid("root:x")
            .setup(|d| {
                structure(d);
                fs::create_dir(d.join(".git")).unwrap();
                fs::write(d.join(".git/HEAD"), "ref: ../../../../../../etc/passwd\n").unwrap();
            }),
        Case::new("a link loop as evidence", &report("html", &[]), 0, "").setup(|d| {
            cite(d, "      - preuves/boucle.md\n");
            symlink("boucle.md", d.join("ml/preuves/boucle.md")).unwrap();
        }),
    ];
    run_all(cases);
}

#[test]
fn folders_good_bad_and_empty() {
    let network = ["report", ".", "--date", DATE, "--format", "json"];
    let cases = vec![
        Case::new("errors among good ones", &network, 1, "SCH003").setup(|d| {
            structure(d);
            harness::copy_dir(
                &root().join("examples/structures/ml-pays-de-vitre"),
                &d.join("casse"),
            );
            rewrite(d, "casse/autoevaluation.yaml", |t| {
                t.replacen("niveau: 3", "niveau: trois", 1).into_bytes()
            });
        }),
        Case::new("a structure with errors", &report("html", &[]), 1, "SCH003").setup(|d| {
            structure(d);
            rewrite(d, "ml/autoevaluation.yaml", |t| {
                t.replacen("niveau: 3", "niveau: trois", 1).into_bytes()
            });
        }),
        Case::new(
            "an empty folder",
            &["report", "vide", "--date", DATE],
            1,
            "STR005",
        )
        .setup(|d| fs::create_dir(d.join("vide")).unwrap()),
        Case::new(
            "a missing folder",
            &["report", "absent", "--date", DATE],
            2,
            "FS001",
        ),
        Case::new(
            "autoevaluation.yaml a FIFO",
            &report("html", &[]),
            2,
            "FS008",
        )
        .setup(|d| {
            structure(d);
            fs::remove_file(d.join("ml/autoevaluation.yaml")).unwrap();
            fifo(&d.join("ml/autoevaluation.yaml"));
        }),
        // Exit 2, as `label validate` and `label audit` give.
        Case::new("audit.yaml a FIFO", &report("html", &[]), 2, "FS008").setup(|d| {
            structure(d);
            fs::remove_file(d.join("ml/audit.yaml")).unwrap();
            fifo(&d.join("ml/audit.yaml"));
        }),
        Case::new("invalid UTF-8", &report("html", &[]), 1, "").setup(|d| {
            structure(d);
            rewrite(d, "ml/autoevaluation.yaml", |t| {
                t.replace(NAME, "Mission \u{fffd}")
                    .replace('\u{fffd}', "\u{1}")
                    .into_bytes()
            });
            let path = d.join("ml/autoevaluation.yaml");
            let mut bytes = fs::read(&path).unwrap();
            let at = bytes.iter().position(|b| *b == 1).unwrap();
            bytes[at] = 0xff;
            fs::write(path, bytes).unwrap();
        }),
        Case::new(
            "a bad date",
            &["report", "ml", "--date", "2026-02-30"],
            2,
            "",
        )
        .setup(structure),
        Case::new(
            "an unknown format",
            &["report", "ml", "--format", "pdf"],
            2,
            "",
        )
        .setup(structure),
    ];
    run_all(cases);
}

#[test]
fn anonymous_synthesis_leaks_nothing() {
    let examples = |d: &Path| harness::copy_dir(&root().join("examples"), d);
    let mut cases = vec![
        Case::new(
            "--anonyme without a salt",
            &["report", "structures", "--anonyme", "--date", DATE],
            2,
            "",
        )
        .setup(examples),
        Case::new(
            "--anonyme for one structure",
            &["report", "ml", "--anonyme", "--sel", "s"],
            2,
            "",
        )
        .setup(structure),
    ];
    for format in ["html", "markdown", "json"] {
        let args = vec![
            "report",
            "structures",
            "--anonyme",
            "--sel",
            "sel-secret",
            "--date",
            DATE,
            "--format",
            format,
        ];
        let mut case = Case::new("--anonyme", &args, 0, "").setup(examples);
        for identifying in [
            "ml-val-de-garonne",
            "Val de Garonne",
            "pays-de-vitre",
            "Vitré",
            "arml-bretagne",
            "Sofiane Benali",
            "Camille Martin",
            "structures/",
            "autoevaluation.yaml",
            "Pratique formalisée",
        ] {
            case = case.forbid(identifying);
        }
        cases.push(case);
    }
    run_all(cases);
}

#[test]
fn where_o_would_write() {
    let out = |target: &'static str| report("html", &["-o", target]);
    let cases = vec![
        Case::new("-o a link", &out("lien.html"), 2, "FS010")
            .forbid("Écrit")
            .setup(|d| {
                structure(d);
                symlink("cible.html", d.join("lien.html")).unwrap();
            }),
        Case::new("-o a dangling link", &out("lien.html"), 2, "FS010").setup(|d| {
            structure(d);
            symlink("/nulle/part.html", d.join("lien.html")).unwrap();
        }),
        Case::new(
            "-o in a missing folder",
            &out("nulle/part/r.html"),
            2,
            "FS006",
        )
        .forbid("Écrit")
        .setup(structure),
        Case::new("-o a folder", &out("dossier"), 2, "FS006").setup(|d| {
            structure(d);
            fs::create_dir(d.join("dossier")).unwrap();
        }),
        // The same path as `-o /dev/full` or `-o /dev/null`, without
        // risking the machine's devices: a special file is never replaced.
        Case::new("-o a FIFO", &out("tube"), 2, "FS006")
            .forbid("Écrit")
            .setup(|d| {
                structure(d);
                fifo(&d.join("tube"));
            }),
        Case::new("-o a read-only file", &out("r.html"), 2, "FS006").setup(|d| {
            structure(d);
            fs::write(d.join("r.html"), "ancien").unwrap();
            let mut perms = fs::metadata(d.join("r.html")).unwrap().permissions();
            perms.set_readonly(true);
            fs::set_permissions(d.join("r.html"), perms).unwrap();
        }),
        // An input replaced by the report would be lost.
        Case::new(
            "-o the self-assessment",
            &out("ml/autoevaluation.yaml"),
            2,
            "",
        )
        .forbid("Écrit")
        .setup(structure),
        Case::new(
            "-o an evidence file",
            &out("ml/preuves/reglement-aides.md"),
            2,
            "",
        )
        .setup(structure),
        Case::new(
            "-o a plan, network",
            &["report", ".", "--date", DATE, "-o", "ml/plan.yaml"],
            2,
            "",
        )
        .setup(structure),
        Case::new(
            "-o an input through ./",
            &out("./ml/../ml/audit.yaml"),
            2,
            "",
        )
        .setup(structure),
        Case::new("-o a new file", &out("r.html"), 0, "")
            .writes()
            .setup(structure),
    ];
    run_all(cases);
}
