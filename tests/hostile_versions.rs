//! Hostile situations for referential versions (issue 12, QA): broken
//! `correspondances` under `label lint`, `label migrate` given odd
//! folders, files and versions, `label diff` given odd paths and names.
//! Each case: exit code, diagnostic code, time and memory bound, disk
//! unchanged unless the command writes by design.

#![cfg(unix)]

mod harness;

use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::Command;

use harness::{Case, copy_dir, rewrite, root, run_all};

const NEW: &str = "referentiels/missions-locales/1.1.0.yaml";
const LINT: [&str; 2] = ["lint", NEW];

fn fifo(path: &Path) {
    assert!(Command::new("mkfifo").arg(path).status().unwrap().success());
}

/// The shipped missions-locales 1.0.0 and 1.1.0 in the workspace.
fn workspace(dir: &Path) {
    let to = dir.join("referentiels/missions-locales");
    fs::create_dir_all(&to).unwrap();
    for version in ["1.0.0", "1.1.0"] {
        let name = format!("{version}.yaml");
        fs::copy(
            root().join("referentiels/missions-locales").join(&name),
            to.join(name),
        )
        .unwrap();
    }
}

/// The workspace with one text of 1.1.0's `correspondances` replaced.
fn edited(from: &'static str, to: &'static str) -> impl Fn(&Path) + 'static {
    move |dir: &Path| {
        workspace(dir);
        rewrite(dir, NEW, |text| {
            assert!(text.contains(from), "{from}");
            text.replacen(from, to, 1).into_bytes()
        });
    }
}

/// A structure `NAME` copied from the shipped examples.
fn example(dir: &Path, name: &str, to: &str) {
    copy_dir(
        &root().join("examples/structures").join(name),
        &dir.join(to),
    );
}

/// `ml`: ml-pays-de-vitre, on 1.0.0 with a plan and an audit.
fn on_1_0_0(dir: &Path) {
    example(dir, "ml-pays-de-vitre", "ml");
}

fn label(dir: &Path, args: &[&str]) {
    let status = Command::new(env!("CARGO_BIN_EXE_label"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
        .status;
    assert!(status.code().is_some(), "{args:?}");
}

#[test]
fn hostile_correspondances() {
    let huge = |dir: &Path| {
        workspace(dir);
        let many: String = (0..5000)
            .map(|n| format!("    FAUX-{n}: Inconnu.\n"))
            .collect();
        rewrite(dir, NEW, |text| {
            text.replacen("  supprime:\n", &format!("  supprime:\n{many}"), 1)
                .into_bytes()
        });
    };
    let chain = |dir: &Path| {
        workspace(dir);
        let many: String = (0..3000)
            .map(|n| format!("    CH-{n}: CH-{}\n", n + 1))
            .collect();
        rewrite(dir, NEW, |text| {
            text.replacen(
                "  renomme:\n",
                &format!("  renomme:\n{many}    CH-3000: CH-0\n"),
                1,
            )
            .into_bytes()
        });
    };
    let cases = vec![
        Case::new("a rename to an unknown id", &LINT, 1, "VER002")
            .setup(edited("    TERR-03: ACC-06", "    TERR-03: ZZZ-99")),
        Case::new("an unknown old id", &LINT, 1, "VER007")
            .setup(edited("    TERR-03: ACC-06", "    XXX-01: ACC-06")),
        Case::new("an old id renamed and merged", &LINT, 1, "VER003").setup(edited(
            "VAL-01: [VAL-01, PARC-06]",
            "VAL-01: [VAL-01, PARC-06, TERR-03]",
        )),
        Case::new("a key written twice", &LINT, 1, "YAML002").setup(edited(
            "    TERR-03: ACC-06",
            "    TERR-03: ACC-06\n    TERR-03: ACC-05",
        )),
        Case::new("a cycle of renames", &LINT, 1, "VER004").setup(edited(
            "    TERR-03: ACC-06",
            "    TERR-03: ACC-06\n    ACC-06: TERR-03",
        )),
        Case::new("depuis equal to the version", &LINT, 1, "VER005")
            .setup(edited("  depuis: 1.0.0", "  depuis: 1.1.0")),
        Case::new("depuis newer", &LINT, 1, "VER005")
            .setup(edited("  depuis: 1.0.0", "  depuis: 2.0.0")),
        Case::new("depuis a pre-release with build", &LINT, 1, "VER001")
            .setup(edited("  depuis: 1.0.0", "  depuis: 1.0.0-rc.1+build")),
        Case::new("depuis with a leading zero", &LINT, 1, "REF003")
            .setup(edited("  depuis: 1.0.0", "  depuis: 01.0.0")),
        Case::new("depuis a list", &LINT, 1, "SCH003")
            .setup(edited("  depuis: 1.0.0", "  depuis: [1, 0]")),
        Case::new("depuis a version not there", &LINT, 1, "VER001")
            .setup(edited("  depuis: 1.0.0", "  depuis: 0.9.0")),
        Case::new("renomme a number", &LINT, 1, "SCH003")
            .setup(edited("  renomme:\n", "  renomme: 42\n  x_renomme:\n")),
        Case::new("a split naming one id twice", &LINT, 1, "VER008").setup(edited(
            "VAL-04: [VAL-04, VAL-05]",
            "VAL-04: [VAL-04, VAL-04]",
        )),
        Case::new("a rename onto an unchanged criterion", &LINT, 1, "VER008")
            .setup(edited("    TERR-03: ACC-06", "    TERR-03: VAL-02")),
        Case::new("a split into nothing", &LINT, 1, "VER008")
            .setup(edited("VAL-04: [VAL-04, VAL-05]", "VAL-04: []")),
        Case::new("a removed id forgotten", &LINT, 1, "VER006").setup(edited(
            "  supprime:\n    TERR-05:",
            "  supprime:\n    TERR-99:",
        )),
        Case::new("5000 unknown removed ids", &LINT, 1, "VER007").setup(huge),
        Case::new("a cycle of 3000 renames", &LINT, 1, "VER004").setup(chain),
    ];
    run_all(cases);
}

#[test]
fn hostile_migrate() {
    let vers = |v: &'static str| ["migrate", "ml", "--vers", v];
    let cases = vec![
        Case::new("--vers garbage", &vers("n'importe"), 2, "").setup(on_1_0_0),
        Case::new("--vers empty", &vers(""), 2, "").setup(on_1_0_0),
        Case::new("--vers with a v", &vers("v1.1.0"), 2, "").setup(on_1_0_0),
        Case::new("--vers older", &vers("0.9.0"), 1, "VER010").setup(on_1_0_0),
        Case::new("--vers unknown", &vers("9.9.9"), 1, "STR001").setup(on_1_0_0),
        Case::new("--vers a pre-release", &vers("1.1.0-rc.1"), 1, "STR001").setup(on_1_0_0),
        Case::new(
            "a missing folder",
            &["migrate", "absent", "--vers", "1.1.0"],
            2,
            "FS001",
        ),
        Case::new(
            "a folder without structure",
            &["migrate", "vide", "--vers", "1.1.0"],
            2,
            "STR005",
        )
        .setup(|d| fs::create_dir(d.join("vide")).unwrap()),
        Case::new("a FIFO as plan.yaml", &vers("1.1.0"), 1, "FS008").setup(|d| {
            on_1_0_0(d);
            fs::remove_file(d.join("ml/plan.yaml")).unwrap();
            fifo(&d.join("ml/plan.yaml"));
        }),
        Case::new(
            "autoevaluation.yaml linked outside",
            &vers("1.1.0"),
            1,
            "FS009",
        )
        .setup(|d| {
            example(d, "ml-pays-de-vitre", "ailleurs");
            fs::create_dir(d.join("ml")).unwrap();
            symlink(
                "../ailleurs/autoevaluation.yaml",
                d.join("ml/autoevaluation.yaml"),
            )
            .unwrap();
        }),
        Case::new(
            "a dry run through a linked folder",
            &[
                "migrate",
                "lien",
                "--vers",
                "1.1.0",
                "--dry-run",
                "--audits",
            ],
            0,
            "",
        )
        .setup(|d| {
            on_1_0_0(d);
            symlink("ml", d.join("lien")).unwrap();
        }),
        Case::new(
            "a structure with errors among good ones",
            &["migrate", ".", "--vers", "1.1.0"],
            1,
            "VER012",
        )
        .writes()
        .setup(|d| {
            on_1_0_0(d);
            example(d, "ml-val-de-garonne", "ml-2");
            rewrite(d, "ml-2/autoevaluation.yaml", |t| {
                t.replacen("    niveau: 3\n", "    niveau: 9\n", 1)
                    .into_bytes()
            });
        }),
        Case::new(
            "plan.yaml a link within the folder",
            &vers("1.1.0"),
            2,
            "FS010",
        )
        .setup(|d| {
            on_1_0_0(d);
            fs::rename(d.join("ml/plan.yaml"), d.join("ml/plan-reel.yaml")).unwrap();
            symlink("plan-reel.yaml", d.join("ml/plan.yaml")).unwrap();
        }),
        Case::new("plan.yaml read-only", &vers("1.1.0"), 2, "FS006").setup(|d| {
            on_1_0_0(d);
            let plan = d.join("ml/plan.yaml");
            let mut mode = fs::metadata(&plan).unwrap().permissions();
            mode.set_readonly(true);
            fs::set_permissions(&plan, mode).unwrap();
        }),
        Case::new(
            "a target version whose depuis skips the folder's",
            &vers("1.1.0"),
            1,
            "VER001",
        )
        .setup(|d| {
            edited("  depuis: 1.0.0", "  depuis: 0.9.0")(d);
            on_1_0_0(d);
        }),
        Case::new(
            "a target version with broken correspondances",
            &vers("1.1.0"),
            1,
            "VER008",
        )
        .setup(|d| {
            edited("    TERR-03: ACC-06", "    TERR-03: VAL-02")(d);
            on_1_0_0(d);
        }),
        Case::new("already on the target", &vers("1.1.0"), 0, "")
            .setup(|d| example(d, "ml-haute-cornouaille", "ml")),
        Case::new(
            "a second run after a marked answer",
            &["migrate", ".", "--vers", "1.1.0"],
            0,
            "",
        )
        .setup(|d| {
            example(d, "ml-val-de-garonne", "ml");
            example(d, "arml-bretagne", "arml");
            label(d, &["migrate", ".", "--vers", "1.1.0"]);
        }),
        Case::new(
            "an audit with a block scalar, --audits --dry-run",
            &["migrate", "ml", "--vers", "1.1.0", "--audits", "--dry-run"],
            0,
            "",
        )
        .setup(|d| {
            on_1_0_0(d);
            rewrite(d, "ml/audit.yaml", |t| {
                t.replacen("    observations: ", "    observations: >-\n      ", 1)
                    .into_bytes()
            });
        }),
    ];
    run_all(cases);
}

#[test]
fn hostile_diff() {
    let diff = |old: &'static str| ["diff", old, "missions-locales@1.1.0"];
    let cases = vec![
        Case::new("a FIFO", &diff("f.yaml"), 2, "FS008").setup(|d| fifo(&d.join("f.yaml"))),
        Case::new("/dev/zero", &diff("z.yaml"), 2, "FS008")
            .setup(|d| symlink("/dev/zero", d.join("z.yaml")).unwrap()),
        Case::new(
            "a folder that is no referential",
            &diff("vide"),
            2,
            "STR007",
        )
        .setup(|d| fs::create_dir(d.join("vide")).unwrap()),
        Case::new("a missing path", &diff("absent.yaml"), 2, "FS001"),
        Case::new(
            "an id without version",
            &diff("missions-locales@"),
            2,
            "STR001",
        ),
        Case::new("a version without id", &diff("@1.0.0"), 2, "STR001"),
        Case::new("two @", &diff("missions-locales@1.0.0@2"), 2, "STR001"),
        Case::new(
            "an unknown referential",
            &diff("inconnu@1.0.0"),
            2,
            "STR001",
        ),
        Case::new("a file that is not YAML", &diff("x.yaml"), 2, "STR007")
            .setup(|d| fs::write(d.join("x.yaml"), "\u{0}\u{1}: [").unwrap()),
        Case::new("a self link", &diff("s.yaml"), 2, "FS002")
            .setup(|d| symlink("s.yaml", d.join("s.yaml")).unwrap()),
        Case::new(
            "an unknown format",
            &[
                "diff",
                "missions-locales@1.0.0",
                "missions-locales@1.1.0",
                "--format",
                "xml",
            ],
            2,
            "",
        ),
    ];
    run_all(cases);
}
