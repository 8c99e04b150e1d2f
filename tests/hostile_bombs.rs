//! Alias and merge-key bombs, deep nesting and huge files in every file a
//! command reads (issue 14): refused (YAML003) within the time and memory
//! bounds of the harness.

mod harness;

use std::path::Path;

use harness::{Case, DATE, INIT, rewrite, run_all, structure, structure_commands};

fn alias_bomb() -> String {
    let mut text = String::from("b0: &b0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..10 {
        let items = vec![format!("*b{}", i - 1); 10].join(", ");
        text.push_str(&format!("b{i}: &b{i} [{items}]\n"));
    }
    text
}

fn merge_bomb() -> String {
    let mut text = String::from("m0: &m0 {a: 1, b: 2, c: 3, d: 4, e: 5}\n");
    for i in 1..12 {
        let p = i - 1;
        let keys: Vec<String> = (0..10).map(|j| format!("k{j}: *m{p}")).collect();
        text.push_str(&format!("m{i}: &m{i} {{<<: *m{p}, {}}}\n", keys.join(", ")));
    }
    text
}

fn flow_nesting() -> String {
    format!("profond: {}{}\n", "[".repeat(20_000), "]".repeat(20_000))
}

fn block_nesting() -> String {
    let mut text = String::from("profond:\n");
    for i in 1..5_000 {
        text.push_str(&format!("{}a:\n", "  ".repeat(i)));
    }
    text
}

/// 33 MB: over the 32 MB limit, checked while reading.
fn huge() -> String {
    format!("enorme: {}\n", "x".repeat(33 * 1024 * 1024))
}

/// A named generator of hostile text.
type Bomb = (&'static str, fn() -> String);

const BOMBS: [Bomb; 5] = [
    ("alias bomb", alias_bomb),
    ("merge-key bomb", merge_bomb),
    ("20 000 nested [", flow_nesting),
    ("5 000 nested blocks", block_nesting),
    ("33 MB file", huge),
];

fn appended(dir: &Path, file: &str, bomb: fn() -> String) {
    rewrite(dir, file, |t| format!("{t}{}", bomb()).into_bytes());
}

#[test]
fn bombs_in_structure_files() {
    let mut cases = Vec::new();
    for (what, bomb) in BOMBS {
        for file in ["autoevaluation.yaml", "plan.yaml", "audit.yaml"] {
            // Every command on the self-assessment; the one that reads it
            // most on the others.
            let commands = if file == "autoevaluation.yaml" {
                structure_commands()
            } else {
                vec![vec!["validate", "ml", "--date", DATE]]
            };
            for args in commands {
                let path = format!("ml/{file}");
                let case = Case::new(format!("{what} in {file}"), &args, 1, "YAML003");
                cases.push(case.setup(move |dir| {
                    structure(dir);
                    appended(dir, &path, bomb);
                }));
            }
        }
    }
    run_all(cases);
}

#[test]
fn bombs_in_referentials() {
    let mut cases = Vec::new();
    for (what, bomb) in BOMBS {
        let setup = move |dir: &Path| {
            let to = dir.join("referentiels/missions-locales");
            std::fs::create_dir_all(&to).unwrap();
            let from = harness::root().join("referentiels/missions-locales/1.0.0.yaml");
            std::fs::copy(from, to.join("1.0.0.yaml")).unwrap();
            appended(dir, "referentiels/missions-locales/1.0.0.yaml", bomb);
            structure(dir);
        };
        cases.push(Case::new(format!("lint, {what}"), &["lint"], 1, "YAML003").setup(setup));
        let args = ["validate", "ml", "--date", DATE];
        cases.push(Case::new(format!("validate, {what}"), &args, 1, "YAML003").setup(setup));
        // init names the broken referential and how to see why.
        cases.push(Case::new(format!("init, {what}"), &INIT, 2, "STR007").setup(setup));
    }
    run_all(cases);
}

/// Item 6: one 100 000-character word in a region or an action title is
/// cut in linear time, in every table.
#[test]
fn item_6_an_immense_word_in_tables() {
    let word = "x".repeat(100_000);
    let mut cases = Vec::new();
    for args in [
        vec!["evaluate", "ml", "--date", DATE],
        vec!["evaluate", ".", "--date", DATE],
        vec!["plan", "ml", "--suivi", "--date", DATE],
        vec!["audit", "ml", "--date", DATE],
        vec!["checklist", "ml", "--date", DATE],
    ] {
        let word = word.clone();
        cases.push(
            Case::new("100 000-character word", &args, 0, "").setup(move |dir| {
                structure(dir);
                rewrite(dir, "ml/autoevaluation.yaml", |t| {
                    t.replace("Nouvelle-Aquitaine", &word).into_bytes()
                });
                rewrite(dir, "ml/plan.yaml", |t| {
                    t.replacen("titre: ", &format!("titre: {word} "), 1)
                        .into_bytes()
                });
            }),
        );
    }
    run_all(cases);
}
