//! Benchmark of `label evaluate --format json` on synthetic networks
//! (issue: 450 structures under 100 ms, 10,000 under 1.5 s and 300 MB, and
//! at least 10× faster than check-jsonschema on the same files). Run with
//! `cargo bench --bench evaluate`; figures go to docs/performance.md.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const RUNS: usize = 5;

fn main() {
    let temp = tempfile::tempdir().expect("temporary folder");
    println!(
        "label evaluate --format json, temps mural médian sur {RUNS} exécutions (binaire optimisé)"
    );
    let mut small = None;
    for n in [450, 2_000, 10_000] {
        let dir = temp.path().join(format!("reseau-{n}"));
        generate(&dir, n);
        let time = median(|| {
            run(Command::new(env!("CARGO_BIN_EXE_label"))
                .args(["evaluate", "--format", "json", "--date", "2026-11-27"])
                .arg(&dir))
        });
        let per = time.as_secs_f64() * 1e6 / n as f64;
        println!(
            "{n:>6} structures : {:>8.1} ms   ({per:.0} µs par structure)   mémoire max. {}",
            ms(time),
            peak_memory(&dir)
        );
        if n == 450 {
            small = Some((dir, time));
        }
    }
    if let Some((dir, label_time)) = small {
        compare_with_check_jsonschema(&dir, label_time);
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median(mut f: impl FnMut() -> Duration) -> Duration {
    let mut times: Vec<Duration> = (0..RUNS).map(|_| f()).collect();
    times.sort();
    times[RUNS / 2]
}

fn run(command: &mut Command) -> Duration {
    let start = Instant::now();
    let status = command
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("command runs");
    let elapsed = start.elapsed();
    assert!(
        status.code().is_some_and(|c| c <= 1),
        "command failed: {status}"
    );
    elapsed
}

/// Peak resident memory of one run, from GNU time when it is installed.
fn peak_memory(dir: &Path) -> String {
    let output = Command::new("/usr/bin/time")
        .args(["-f", "%M"])
        .arg(env!("CARGO_BIN_EXE_label"))
        .args(["evaluate", "--format", "json", "--date", "2026-11-27"])
        .arg(dir)
        .stdout(Stdio::null())
        .output();
    match output {
        Ok(o) => String::from_utf8_lossy(&o.stderr)
            .trim()
            .parse::<f64>()
            .map_or("n/d".into(), |kb| format!("{:.0} Mo", kb / 1024.0)),
        Err(_) => "n/d (installer GNU time)".into(),
    }
}

fn compare_with_check_jsonschema(dir: &Path, label_time: Duration) {
    let schema = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/autoevaluation.schema.json");
    let files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path().join("autoevaluation.yaml"))
                .collect()
        })
        .unwrap_or_default();
    let mut command = Command::new("check-jsonschema");
    command.arg("--schemafile").arg(&schema).args(&files);
    if Command::new("check-jsonschema")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_err()
    {
        println!("check-jsonschema absent : « pip install check-jsonschema » pour la comparaison");
        return;
    }
    let time = median(|| run(&mut command));
    println!(
        "check-jsonschema, mêmes {} autoevaluation.yaml : {:>8.1} ms   → label evaluate {:.1}× plus rapide (et il valide aussi plans, preuves et règles)",
        files.len(),
        ms(time),
        time.as_secs_f64() / label_time.as_secs_f64()
    );
}

/// A deterministic pseudo-random sequence, enough to vary answers.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

const CRITERIA: &[&str] = &[
    "GOUV-01", "GOUV-02", "GOUV-03", "GOUV-04", "GOUV-05", "VAL-01", "VAL-02", "VAL-03", "VAL-04",
    "TERR-01", "TERR-02", "TERR-03", "TERR-04", "TERR-05", "ACC-01", "ACC-02", "ACC-03", "ACC-04",
    "ACC-05", "PARC-01", "PARC-02", "PARC-03", "PARC-04", "PARC-05", "PARC-06", "EMP-01", "EMP-02",
    "EMP-03", "EMP-04", "PIL-01", "PIL-02", "PIL-03", "AMEL-01", "AMEL-02", "AMEL-03",
];

const REGIONS: &[&str] = &[
    "Bretagne",
    "Normandie",
    "Occitanie",
    "Grand Est",
    "Hauts-de-France",
    "Île-de-France",
];

/// Writes `n` structure folders: self-assessment with comments and a few
/// evidence files, and a plan answering some gaps.
fn generate(root: &Path, n: usize) {
    let mut rng = Lcg(n as u64);
    for i in 0..n {
        let id = format!("ml-synthetique-{i:05}");
        let dir = root.join(&id);
        std::fs::create_dir_all(dir.join("preuves")).expect("writable");
        std::fs::write(
            dir.join("preuves/projet-associatif.md"),
            "Projet associatif (synthétique)\n",
        )
        .expect("writable");
        let mut auto = format!(
            "referentiel: missions-locales\nversion: 1.0.0\nstructure:\n  id: {id}\n  nom: Mission locale synthétique {i}\n  type: mission-locale\n  region: {}\ndate: 2026-03-12\nreferent: Camille Martin\nreponses:\n",
            REGIONS[i % REGIONS.len()]
        );
        let mut plan =
            format!("referentiel: missions-locales\nversion: 1.0.0\nstructure: {id}\nactions:\n");
        let mut action = 0;
        for criterion in CRITERIA {
            let roll = rng.next(100);
            if roll < 3 {
                continue; // not assessed
            }
            let level = if roll < 15 {
                2
            } else if roll < 18 {
                1
            } else {
                3 + rng.next(2)
            };
            let _ = write!(
                auto,
                "  {criterion}:\n    niveau: {level}\n    commentaire: Pratique observée et décrite par l'équipe, avec ses limites actuelles.\n"
            );
            if criterion == &"GOUV-01" {
                auto.push_str("    preuves:\n      - preuves/projet-associatif.md\n      - https://exemple.fr/rapport-activite\n");
            }
            if level < 3 && rng.next(2) == 0 {
                action += 1;
                let _ = write!(
                    plan,
                    "  - id: A{action:02}\n    criteres: [{criterion}]\n    titre: Corriger l'écart relevé sur {criterion}\n    responsable: Direction\n    echeance: 2027-06-30\n    statut: a_faire\n    origine: autoevaluation\n"
                );
            }
        }
        std::fs::write(dir.join("autoevaluation.yaml"), auto).expect("writable");
        if action > 0 {
            std::fs::write(dir.join("plan.yaml"), plan).expect("writable");
        }
    }
}
