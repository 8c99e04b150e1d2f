//! Hostile input never panics nor hangs: each case gets a diagnostic and
//! exit 1, or a clear error and exit 2.

mod common;

use std::fs;
use std::path::Path;

use common::{label, root};

/// Lints `name` in `dir` and returns the concise output, checking the code.
fn lint(dir: &Path, name: &str, expected_exit: i32) -> String {
    let run = label(dir, &["lint", name, "--format", "concise"]);
    assert_eq!(
        run.code, expected_exit,
        "{name}: {}{}",
        run.stdout, run.stderr
    );
    run.stdout
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) {
    fs::write(dir.join(name), bytes).unwrap();
}

#[test]
fn empty_and_comment_only_files() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "vide.yaml", "");
    write(
        dir.path(),
        "commentaire.yaml",
        "# seulement un commentaire\n",
    );
    assert!(lint(dir.path(), "vide.yaml", 1).contains("vide.yaml:1:1: error[YAML005]"));
    assert!(lint(dir.path(), "commentaire.yaml", 1).contains("error[YAML005]"));
}

#[test]
fn bom_and_crlf_keep_positions_right() {
    let dir = tempfile::tempdir().unwrap();
    let shipped =
        fs::read_to_string(root().join("referentiels/missions-locales/1.0.0.yaml")).unwrap();
    let broken = shipped
        .replace("statut: publie", "statut: publié")
        .replace('\n', "\r\n");
    let line = broken
        .lines()
        .position(|l| l.starts_with("statut:"))
        .unwrap()
        + 1;
    write(dir.path(), "bom.yaml", format!("\u{feff}{broken}"));
    let out = lint(dir.path(), "bom.yaml", 1);
    assert_eq!(
        out,
        format!(
            "bom.yaml:{line}:9: error[SCH004]: valeur « publié » non autorisée pour « statut »\n"
        )
    );
    let text = label(dir.path(), &["lint", "bom.yaml"]).stdout;
    assert!(text.contains(&format!("--> bom.yaml:{line}:9")), "{text}");
}

#[test]
fn bytes_that_are_not_utf8() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "latin1.yaml",
        b"referentiel: essai\ntitre: R\xe9f\xe9rentiel\n",
    );
    assert!(lint(dir.path(), "latin1.yaml", 1).contains("latin1.yaml:2:9: error[YAML004]"));
}

#[test]
fn a_ten_megabyte_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("referentiel: essai\ncommentaires:\n");
    while text.len() < 10 * 1024 * 1024 {
        text.push_str(
            "  - Une ligne de commentaire assez longue pour remplir le fichier rapidement\n",
        );
    }
    write(dir.path(), "gros.yaml", text);
    let out = lint(dir.path(), "gros.yaml", 1);
    assert!(
        out.contains("error[SCH001]: clé inconnue « commentaires »"),
        "{out}"
    );
}

#[test]
fn an_alias_bomb() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..10 {
        let p = i - 1;
        text.push_str(&format!(
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    write(dir.path(), "bombe.yaml", text);
    assert!(lint(dir.path(), "bombe.yaml", 1).contains("error[YAML003]"));
}

#[test]
fn ten_thousand_levels_of_nesting() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "flux.yaml",
        format!("{}{}\n", "[".repeat(10_000), "]".repeat(10_000)),
    );
    let block: String = (0..10_000)
        .map(|i| format!("{}a:\n", "  ".repeat(i)))
        .collect();
    write(dir.path(), "blocs.yaml", block);
    assert!(lint(dir.path(), "flux.yaml", 1).contains("error[YAML003]"));
    assert!(lint(dir.path(), "blocs.yaml", 1).contains("error[YAML003]"));
}

#[test]
fn folder_with_empty_or_odd_principles() {
    let dir = tempfile::tempdir().unwrap();
    let tdr = root().join("referentiels/tetes-de-reseau/1.0.0/referentiel.yaml");
    for name in ["vide", "bizarre"] {
        fs::create_dir_all(dir.path().join(name).join("principes")).unwrap();
        fs::copy(&tdr, dir.path().join(name).join("referentiel.yaml")).unwrap();
    }
    write(
        &dir.path().join("bizarre/principes"),
        "notes.txt",
        "à relire",
    );
    assert!(lint(dir.path(), "vide", 1).contains("vide/principes:1:1: error[REF011]"));
    let out = lint(dir.path(), "bizarre", 1);
    assert!(
        out.contains("warning[REF012]") && out.contains("error[REF011]"),
        "{out}"
    );
}

#[test]
fn a_path_that_does_not_exist() {
    let dir = tempfile::tempdir().unwrap();
    let run = label(dir.path(), &["lint", "absent.yaml", "--format", "concise"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stdout,
        "absent.yaml:1:1: error[FS001]: chemin introuvable\n"
    );
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_loop_inside_a_referential_folder() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("referentiels");
    fs::create_dir_all(folder.join("missions-locales")).unwrap();
    fs::copy(
        root().join("referentiels/missions-locales/1.0.0.yaml"),
        folder.join("missions-locales/1.0.0.yaml"),
    )
    .unwrap();
    std::os::unix::fs::symlink("..", folder.join("missions-locales/boucle")).unwrap();
    std::os::unix::fs::symlink("moi.yaml", folder.join("moi.yaml")).unwrap();
    let out = lint(dir.path(), "referentiels", 0);
    assert!(
        out.contains("referentiels/missions-locales/boucle:1:1: warning[FS002]"),
        "{out}"
    );
    assert!(
        out.contains("referentiels/moi.yaml:1:1: warning[FS002]"),
        "{out}"
    );
}

#[test]
fn bad_arguments_exit_two() {
    let dir = tempfile::tempdir().unwrap();
    let bad_format = label(dir.path(), &["lint", "--format", "pdf"]);
    assert_eq!(bad_format.code, 2);
    assert!(
        bad_format
            .stderr
            .starts_with("erreur : valeur « pdf » invalide pour --format"),
        "{}",
        bad_format.stderr
    );
    let unknown = label(dir.path(), &["valdate"]);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown
            .stderr
            .contains("vouliez-vous dire « evaluate » ou « validate » ?"),
        "{}",
        unknown.stderr
    );
}

#[test]
fn invalid_workspace_config_exits_two() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "label.toml",
        "referentiels = \"refs\"\ncouleur = 3\n",
    );
    let run = label(dir.path(), &["lint", "--format", "concise"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stdout.starts_with("label.toml:2:1: error[YAML001]")
            || run.stdout.contains("label.toml:2:"),
        "{}",
        run.stdout
    );
}
