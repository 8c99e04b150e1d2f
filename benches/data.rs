//! Inputs shared by the benches: the shipped referential, a generated
//! referential of 5,000 criteria, and synthetic networks of structures.
//! Everything is deterministic, so that two runs measure the same bytes.

// Each bench uses part of this module.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The shipped referential (35 criteria), which the structures name.
pub const REFERENTIAL: &str = include_str!("../referentiels/missions-locales/1.0.0.yaml");

/// A complete example structure: self-assessment and plan.
pub const EXAMPLE_SELF_ASSESSMENT: &str =
    include_str!("../examples/structures/ml-val-de-garonne/autoevaluation.yaml");
pub const EXAMPLE_PLAN: &str = include_str!("../examples/structures/ml-val-de-garonne/plan.yaml");

/// The date every run is evaluated at, so results do not drift with time.
pub const TODAY: &str = "2026-11-27";

/// A valid referential with `count` criteria in 50 principles, each with
/// the fields a real criterion has (about 2.7 MB for 5,000).
pub fn referential(count: usize) -> String {
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

/// One generated structure folder, as text.
pub struct Structure {
    pub id: String,
    pub self_assessment: String,
    /// Present when some gap has an action.
    pub plan: Option<String>,
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

/// The criteria of the shipped referential, in its order.
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

/// The evidence file every generated self-assessment cites.
pub const EVIDENCE: &str = "preuves/projet-associatif.md";

/// Structure `i` of a network: every criterion of the shipped referential
/// but about 3 % answered (15 % gaps, a comment each), one evidence file and
/// one web address cited, and a plan answering about half of the gaps.
/// `rng` carries the randomness from one structure to the next.
fn structure(i: usize, rng: &mut Lcg) -> Structure {
    let id = format!("ml-synthetique-{i:05}");
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
        let level = match roll {
            0..15 => 2,
            15..18 => 1,
            _ => 3 + rng.next(2),
        };
        let _ = write!(
            auto,
            "  {criterion}:\n    niveau: {level}\n    commentaire: Pratique observée et décrite par l'équipe, avec ses limites actuelles.\n"
        );
        if criterion == &"GOUV-01" {
            let _ = write!(
                auto,
                "    preuves:\n      - {EVIDENCE}\n      - https://exemple.fr/rapport-activite\n"
            );
        }
        if level < 3 && rng.next(2) == 0 {
            action += 1;
            let _ = write!(
                plan,
                "  - id: A{action:02}\n    criteres: [{criterion}]\n    titre: Corriger l'écart relevé sur {criterion}\n    responsable: Direction\n    echeance: 2027-06-30\n    statut: a_faire\n    origine: autoevaluation\n"
            );
        }
    }
    Structure {
        id,
        self_assessment: auto,
        plan: (action > 0).then_some(plan),
    }
}

/// Writes a workspace at `root`: `label.toml`, the shipped referential
/// under `referentiels/`, and `n` structure folders under `structures/`.
/// Returns the structures folder.
pub fn write_network(root: &Path, n: usize) -> PathBuf {
    let write = |path: &Path, text: &str| {
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("writable");
        std::fs::write(path, text).expect("writable");
    };
    write(&root.join("label.toml"), "structures = \"structures\"\n");
    write(
        &root.join("referentiels/missions-locales/1.0.0.yaml"),
        REFERENTIAL,
    );
    let folder = root.join("structures");
    let mut rng = Lcg(n as u64);
    for i in 0..n {
        let structure = structure(i, &mut rng);
        let dir = folder.join(&structure.id);
        write(&dir.join(EVIDENCE), "Projet associatif (synthétique)\n");
        write(&dir.join("autoevaluation.yaml"), &structure.self_assessment);
        if let Some(plan) = &structure.plan {
            write(&dir.join("plan.yaml"), plan);
        }
    }
    folder
}

/// Every YAML file a run of `label evaluate` on [`write_network`]'s
/// workspace reads, in a fixed order.
pub fn yaml_files(root: &Path) -> Vec<PathBuf> {
    let mut files = vec![root.join("referentiels/missions-locales/1.0.0.yaml")];
    let mut folders: Vec<PathBuf> = std::fs::read_dir(root.join("structures"))
        .expect("readable")
        .map(|e| e.expect("readable").path())
        .collect();
    folders.sort();
    for folder in folders {
        for name in ["autoevaluation.yaml", "plan.yaml"] {
            let path = folder.join(name);
            if path.is_file() {
                files.push(path);
            }
        }
    }
    files
}
