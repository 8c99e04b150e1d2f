//! Benchmark of `label lint` (issue: under 20 ms on the shipped referential,
//! under 1 s on a generated one of 5,000 criteria). Run with
//! `cargo bench --bench lint`; figures go to docs/performance.md.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const RUNS: usize = 15;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let temp = tempfile::tempdir().expect("temporary folder");
    let generated = temp.path().join("genere.yaml");
    std::fs::write(&generated, generate(5_000)).expect("writable");
    let size = std::fs::metadata(&generated).map(|m| m.len()).unwrap_or(0);
    println!("label lint, {RUNS} exécutions, temps mural (binaire optimisé)");
    measure(
        "référentiel livré (35 critères)",
        &root.join("referentiels/missions-locales/1.0.0.yaml"),
    );
    measure(
        "référentiel dossier livré (15 critères)",
        &root.join("referentiels/tetes-de-reseau/1.0.0"),
    );
    measure(
        &format!("référentiel généré (5 000 critères, {} Ko)", size / 1024),
        &generated,
    );
}

fn measure(name: &str, path: &Path) {
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            let status = Command::new(env!("CARGO_BIN_EXE_label"))
                .args(["lint", "--format", "concise"])
                .arg(path)
                .stdout(std::process::Stdio::null())
                .status()
                .expect("binary runs");
            let elapsed = start.elapsed();
            assert!(status.success(), "{name}: lint failed");
            elapsed
        })
        .collect();
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{name:<50} min {:>7.1} ms   médiane {:>7.1} ms   max {:>7.1} ms",
        ms(times[0]),
        ms(times[RUNS / 2]),
        ms(times[RUNS - 1])
    );
}

/// A valid referential with `count` criteria in 50 principles, each with
/// the fields a real criterion has.
fn generate(count: usize) -> String {
    let mut out = String::from(
        "referentiel: genere\nversion: 1.0.0\ntitre: Référentiel généré\nstatut: brouillon\n\
         structures: [mission-locale]\nechelle:\n  niveaux:\n    - { valeur: 1, libelle: Non satisfait }\n\
         \x20   - { valeur: 2, libelle: Partiellement satisfait }\n    - { valeur: 3, libelle: Satisfait }\n\
         \x20   - { valeur: 4, libelle: Pleinement satisfait }\n  attendu: 3\nprincipes:\n",
    );
    let principles = 50;
    let per = count / principles;
    for p in 0..principles {
        let pid = format!("P{p:02}");
        let _ = write!(
            out,
            "  - id: {pid}\n    titre: Principe {p}\n    description: Description du principe {p}.\n    criteres:\n"
        );
        for c in 0..per {
            let _ = write!(
                out,
                "      - id: {pid}-{c:03}\n        titre: Critère {c} du principe {p}, formulé comme une exigence vérifiable\n\
                 \x20       description: >-\n          Une description de plusieurs mots qui explique ce que l'auditeur\n\
                 \x20         vérifie et pourquoi cela compte pour les jeunes accompagnés.\n\
                 \x20       imperatif: {}\n        preuves:\n          - Document de preuve numéro un\n\
                 \x20         - Document de preuve numéro deux\n        indicateurs:\n          - Indicateur observable\n\
                 \x20       questions_audit:\n          - Comment ce critère est-il mis en œuvre ?\n\
                 \x20       voir_aussi: [{pid}-{:03}]\n",
                c % 10 == 0,
                (c + 1) % per
            );
        }
    }
    out
}
