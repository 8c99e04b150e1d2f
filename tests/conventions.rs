//! Issue 13, item 4: the conventions of the tools people already use —
//! completions, man page, `label help`, `--color`, `--quiet`, `-o`, `-` for
//! standard input, `--ignore` and `[lint] ignore`.

mod common;

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use common::{Run, label, root};

/// A referential whose one criterion has no indicator: warning REF103.
const WARNED: &str = "\
referentiel: essai
version: 1.0.0
titre: Référentiel d'essai
statut: brouillon
structures: [mission-locale]
echelle:
  niveaux:
    - { valeur: 1, libelle: Non satisfait, description: Aucune pratique organisée. }
    - { valeur: 2, libelle: Satisfait, description: Pratique écrite et appliquée partout. }
  attendu: 2
principes:
  - id: GOUV
    titre: Gouvernance
    criteres:
      - id: GOUV-01
        titre: Le projet associatif est formalisé
        preuves: [Projet associatif validé]
        questions_audit: [Qui l'a validé ?]
";

/// Runs `label` with exactly the colour variables given (none inherited).
fn with_env(dir: &Path, args: &[&str], env: &[(&str, &str)], stdin: &str) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_label"));
    command
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for name in ["NO_COLOR", "CLICOLOR_FORCE", "FORCE_COLOR", "CLICOLOR"] {
        command.env_remove(name);
    }
    command.envs(env.iter().copied());
    let mut child = command.spawn().unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    Run {
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        code: output.status.code().unwrap_or(-1),
    }
}

fn warned_workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("ref.yaml"), WARNED).unwrap();
    dir
}

#[test]
fn item_4_completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let run = label(&root(), &["completions", shell]);
        assert_eq!(run.code, 0, "{shell}: {}", run.stderr);
        for word in ["validate", "evaluate", "completions", "--format"] {
            assert!(run.stdout.contains(word), "{shell} lacks {word}");
        }
    }
    let wrong = label(&root(), &["completions", "tcsh"]);
    assert_eq!(wrong.code, 2);
    assert!(
        wrong.stderr.contains("valeur « tcsh » invalide"),
        "{}",
        wrong.stderr
    );
}

#[test]
fn item_4_man_page_in_french() {
    let run = label(&root(), &["man"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for english in [
        "Print help",
        ".SH NAME",
        "[default:",
        "Possible values",
        "(1)\n",
    ] {
        assert!(!run.stdout.contains(english), "{english}");
    }
    insta::assert_snapshot!("man_page", run.stdout);
}

#[test]
fn item_4_help_command() {
    let help = label(&root(), &["help", "completions"]);
    assert_eq!(help.code, 0);
    assert_eq!(
        help.stdout,
        label(&root(), &["completions", "--help"]).stdout
    );
    insta::assert_snapshot!("help_completions", help.stdout);
    let top = label(&root(), &["--help"]);
    assert!(top.stdout.contains("  help "), "listed: {}", top.stdout);
    let unknown = label(&root(), &["help", "valider"]);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("commande inconnue « valider »"),
        "{}",
        unknown.stderr
    );
}

/// Flags, environment, whether the output is coloured.
type ColorCase = (
    &'static [&'static str],
    &'static [(&'static str, &'static str)],
    bool,
);

#[test]
fn item_4_color_matrix() {
    let dir = warned_workspace();
    let args = ["lint", "ref.yaml"];
    let cases: &[ColorCase] = &[
        (&[], &[], false),
        (&["--color", "always"], &[], true),
        (&["--color", "always"], &[("NO_COLOR", "1")], true),
        (&["--color", "never"], &[("FORCE_COLOR", "1")], false),
        (&[], &[("NO_COLOR", "1"), ("FORCE_COLOR", "1")], false),
        (&[], &[("NO_COLOR", "")], false),
        (&[], &[("CLICOLOR_FORCE", "1")], true),
        (&[], &[("FORCE_COLOR", "1")], true),
        (&[], &[("FORCE_COLOR", "0")], false),
        (&["--color", "auto"], &[("FORCE_COLOR", "true")], true),
    ];
    for (flags, env, coloured) in cases {
        let all: Vec<&str> = args.iter().chain(flags.iter()).copied().collect();
        let run = with_env(dir.path(), &all, env, "");
        assert_eq!(run.code, 0, "{all:?} {env:?}: {}", run.stderr);
        assert_eq!(
            run.stdout.contains('\u{1b}'),
            *coloured,
            "{all:?} {env:?}: {:?}",
            run.stdout
        );
    }
}

#[test]
fn item_4_quiet_keeps_results_and_drops_remarks() {
    // Outside any workspace, lint uses the embedded referentials and says
    // so (CFG005, a remark).
    let dir = tempfile::tempdir().unwrap();
    let loud = label(dir.path(), &["lint", "--format", "concise"]);
    assert!(loud.stdout.contains("CFG005"), "{}", loud.stdout);
    let quiet = label(dir.path(), &["lint", "--format", "concise", "--quiet"]);
    assert_eq!(quiet.code, loud.code);
    assert!(!quiet.stdout.contains("CFG005"), "{}", quiet.stdout);
    assert!(!quiet.stderr.contains("CFG005"), "{}", quiet.stderr);
    // Errors stay.
    let broken = warned_workspace();
    fs::write(broken.path().join("ref.yaml"), "referentiel: essai\n").unwrap();
    let run = label(
        broken.path(),
        &["-q", "lint", "ref.yaml", "--format", "concise"],
    );
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("error[SCH002]"), "{}", run.stdout);
}

#[test]
fn item_4_output_file_is_written_atomically() {
    let dir = warned_workspace();
    let printed = label(dir.path(), &["lint", "ref.yaml", "--format", "sarif"]);
    fs::write(dir.path().join("out.sarif"), "ancien contenu").unwrap();
    // -o before or after the command name.
    for args in [
        &["lint", "ref.yaml", "--format", "sarif", "-o", "out.sarif"][..],
        &["-o", "out.sarif", "lint", "ref.yaml", "--format", "sarif"],
        &[
            "lint",
            "ref.yaml",
            "--format",
            "sarif",
            "--output=out.sarif",
        ],
    ] {
        let run = label(dir.path(), args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        assert_eq!(run.stdout, "", "nothing on stdout");
        let written = fs::read_to_string(dir.path().join("out.sarif")).unwrap();
        assert_eq!(written, printed.stdout);
    }
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // `-o -` is standard output.
    let dash = label(
        dir.path(),
        &["lint", "ref.yaml", "--format", "sarif", "-o", "-"],
    );
    assert_eq!(dash.stdout, printed.stdout);
}

#[cfg(unix)]
#[test]
fn item_4_output_file_refuses_a_link() {
    let dir = warned_workspace();
    let target = dir.path().join("cible.txt");
    fs::write(&target, "à garder").unwrap();
    std::os::unix::fs::symlink(&target, dir.path().join("out.json")).unwrap();
    let run = label(
        dir.path(),
        &["lint", "ref.yaml", "--format", "json", "-o", "out.json"],
    );
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("FS010"), "{}", run.stderr);
    assert_eq!(fs::read_to_string(&target).unwrap(), "à garder");
}

#[test]
fn item_4_ignore_hides_chosen_warnings_only() {
    let dir = warned_workspace();
    let concise = ["lint", "ref.yaml", "--format", "concise", "--deny-warnings"];
    let shown = label(dir.path(), &concise);
    assert_eq!(shown.code, 1);
    assert!(shown.stdout.contains("REF103"));
    let mut args = concise.to_vec();
    args.extend(["--ignore", "REF103"]);
    let ignored = label(dir.path(), &args);
    assert_eq!(ignored.code, 0, "{}", ignored.stdout);
    assert!(!ignored.stdout.contains("REF103"));
    // The same from label.toml.
    fs::write(
        dir.path().join("label.toml"),
        "[lint]\nignore = [\"REF103\"]\n",
    )
    .unwrap();
    fs::create_dir(dir.path().join("referentiels")).unwrap();
    let configured = label(dir.path(), &concise);
    assert_eq!(configured.code, 0, "{}", configured.stdout);
    // An error, a note or an unknown code cannot be ignored.
    for (code, why) in [
        ("SCH001", "seuls les avertissements"),
        ("CFG005", "seuls les avertissements"),
        ("REF1033", "code de diagnostic inconnu"),
    ] {
        let run = label(dir.path(), &["lint", "ref.yaml", "--ignore", code]);
        assert_eq!(run.code, 2, "{code}");
        assert!(run.stderr.contains(why), "{code}: {}", run.stderr);
    }
}

#[test]
fn item_4_lint_reads_standard_input() {
    let dir = tempfile::tempdir().unwrap();
    let run = with_env(
        dir.path(),
        &["lint", "-", "--format", "concise"],
        &[],
        WARNED,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout.trim(),
        "-:15:9: warning[REF103]: le critère « GOUV-01 » n'a aucun indicateur"
    );
    let bad = with_env(
        dir.path(),
        &["lint", "-", "--format", "concise"],
        &[],
        "a: [\n",
    );
    assert_eq!(bad.code, 1);
    assert!(bad.stdout.starts_with("-:"), "{}", bad.stdout);
    let mixed = label(dir.path(), &["lint", "-", "ref.yaml"]);
    assert_eq!(mixed.code, 2);
}
