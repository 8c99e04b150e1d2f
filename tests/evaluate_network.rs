//! `label evaluate`: the network view, one block per referential and
//! version (issue 8, item 5), and incomplete self-assessments (item 6).

mod common;

use std::fs;

use common::{label, root};

const DATE: &str = "2026-11-27";

/// A workspace with copies of the shipped examples.
fn examples(names: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in names {
        common::copy_dir(
            &root().join("examples/structures").join(name),
            &dir.path().join("structures").join(name),
        );
    }
    dir
}

/// A copy of a shipped example under another structure id.
fn clone_structure(dir: &std::path::Path, example: &str, id: &str) {
    let to = dir.join("structures").join(id);
    common::copy_dir(&root().join("examples/structures").join(example), &to);
    for name in ["autoevaluation.yaml", "plan.yaml", "audit.yaml"] {
        let path = to.join(name);
        if let Ok(text) = fs::read_to_string(&path) {
            fs::write(&path, text.replace(example, id)).unwrap();
        }
    }
}

fn network(format: &str) -> common::Run {
    let mut args = vec![
        "evaluate",
        "examples/structures",
        "--format",
        format,
        "--date",
        DATE,
    ];
    // CSV refuses --par-region (one row per structure already).
    if format != "csv" {
        args.push("--par-region");
    }
    label(&root(), &args)
}

#[test]
fn item_5_network_per_referential_and_version() {
    let text = network("text").stdout;
    // A network in transition: ml-haute-cornouaille is on 1.1.0, the two
    // other missions locales on 1.0.0, each version in its own block.
    let ml = text.find("Référentiel missions-locales 1.0.0\n2 structures");
    let ml_next = text.find("Référentiel missions-locales 1.1.0\n1 structure");
    let tdr = text.find("Référentiel tetes-de-reseau 1.0.0\n1 structure");
    let (Some(ml), Some(ml_next), Some(tdr)) = (ml, ml_next, tdr) else {
        panic!("one block per referential and version:\n{text}")
    };
    assert!(ml < ml_next && ml_next < tdr, "{text}");
    assert!(
        !text[ml..ml_next].contains("ml-haute-cornouaille"),
        "{text}"
    );
    let ml_block = &text[ml..tdr];
    assert!(!ml_block.contains("OBS-02") && !ml_block.contains("arml-bretagne"));
    assert!(!text.contains("15 premiers"), "{text}");
    assert!(
        text.contains("le plus souvent en écart (9 critères) :"),
        "{text}"
    );

    let json: serde_json::Value = serde_json::from_str(&network("json").stdout).unwrap();
    let blocks = json["reseau"]["referentiels"].as_array().unwrap();
    assert_eq!(blocks.len(), 3);
    assert_eq!(blocks[0]["referentiel"], "missions-locales");
    assert_eq!(blocks[0]["version"], "1.0.0");
    assert_eq!(blocks[0]["structures"], 2);
    assert_eq!(blocks[0]["regions"]["Bretagne"]["structures"], 1);
    assert_eq!(blocks[1]["version"], "1.1.0");
    assert_eq!(blocks[1]["structures"], 1);
    assert_eq!(blocks[2]["referentiel"], "tetes-de-reseau");
    assert_eq!(blocks[2]["criteres"][0]["id"], "ANIM-01");
    assert!(
        blocks[0]["criteres"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["id"] != "OBS-02")
    );
    assert!(json.get("regions").is_none(), "no mixed regions");

    let markdown = network("markdown").stdout;
    assert!(markdown.contains("\n### Référentiel missions-locales 1.0.0\n"));
    assert!(markdown.contains("\n### Référentiel missions-locales 1.1.0\n"));
    assert!(markdown.contains("\n### Référentiel tetes-de-reseau 1.0.0\n"));

    let csv = network("csv").stdout;
    let referentials: Vec<&str> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(3).unwrap())
        .collect();
    let first_tdr = referentials.iter().position(|r| *r == "tetes-de-reseau");
    // 35 criteria of 1.0.0 for two structures, 36 of 1.1.0 for one.
    assert_eq!(first_tdr, Some(35 * 2 + 36), "rows grouped per referential");
}

#[test]
fn item_5_ranking_header_states_the_real_number_of_rows() {
    let dir = tempfile::tempdir().unwrap();
    for id in ["ml-a", "ml-b"] {
        clone_structure(dir.path(), "ml-pays-de-vitre", id);
        let file = format!("structures/{id}/autoevaluation.yaml");
        let path = dir.path().join(&file);
        let text = fs::read_to_string(&path).unwrap();
        fs::write(&path, text.replace("niveau: 3", "niveau: 2")).unwrap();
    }
    let run = label(dir.path(), &["evaluate", "--date", DATE]);
    let json = label(
        dir.path(),
        &["evaluate", "--format", "json", "--date", DATE],
    );
    let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let gaps = value["reseau"]["referentiels"][0]["criteres"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["completes"]["ecart_mineur"] != 0 || c["completes"]["ecart_majeur"] != 0)
        .count();
    assert!(gaps > 15);
    let header = format!("(les 15 premiers sur {gaps}) :");
    assert!(run.stdout.contains(&header), "{}", run.stdout);
}

#[test]
fn item_6_incomplete_self_assessment_is_said_and_left_out_of_averages() {
    let one = label(
        &root(),
        &[
            "evaluate",
            "examples/structures/ml-haute-cornouaille",
            "--date",
            DATE,
        ],
    );
    assert!(
        one.stdout
            .contains("Taux de conformité : 47,2 %, incomplète (21/36)\n"),
        "{}",
        one.stdout
    );
    let text = network("text").stdout;
    assert!(text.contains("47,2 %, incomplète"), "{text}");
    assert!(text.contains("complètes : 86,9 %"), "{text}");
    let ranking = &text[text.find("Critères le plus souvent").unwrap()..];
    assert!(!ranking[..ranking.find("Par région").unwrap()].contains("GOUV-03"));
    let markdown = network("markdown").stdout;
    assert!(
        markdown.contains("| 47,2 %, incomplète (21/36) |"),
        "{markdown}"
    );

    let json: serde_json::Value = serde_json::from_str(&network("json").stdout).unwrap();
    let ml = &json["reseau"]["referentiels"][0];
    assert_eq!(
        (ml["completes"].clone(), ml["incompletes"].clone()),
        (2.into(), 0.into())
    );
    assert_eq!(ml["taux_conformite_moyen"], 86.9);
    assert_eq!(ml["regions"]["Bretagne"]["taux_conformite_moyen"], 94.3);
    // The incomplete one, alone on 1.1.0: counted, never averaged.
    let ml = &json["reseau"]["referentiels"][1];
    assert_eq!(
        (ml["completes"].clone(), ml["incompletes"].clone()),
        (0.into(), 1.into())
    );
    assert!(ml["taux_conformite_moyen"].is_null(), "{ml}");
    let gouv03 = &ml["criteres"][2];
    assert_eq!(gouv03["id"], "GOUV-03");
    assert_eq!(gouv03["completes"]["ecart_mineur"], 0);
    assert_eq!(gouv03["incompletes"]["ecart_mineur"], 1);
}

#[test]
fn item_6_no_rate_when_nothing_is_assessed() {
    let dir = examples(&["ml-haute-cornouaille"]);
    let file = "structures/ml-haute-cornouaille/autoevaluation.yaml";
    let path = dir.path().join(file);
    let text = fs::read_to_string(&path).unwrap();
    let header = &text[..text.find("reponses:").unwrap()];
    fs::write(&path, format!("{header}reponses:\n")).unwrap();
    let run = label(dir.path(), &["evaluate", "--date", DATE]);
    assert!(
        run.stdout
            .contains("Taux de conformité : —, incomplète (0/36)\n"),
        "{}",
        run.stdout
    );
    let json = label(
        dir.path(),
        &["evaluate", "--format", "json", "--date", DATE],
    );
    let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let summary = &value["structures"][0]["synthese"];
    assert!(summary["taux_conformite"].is_null(), "{summary}");
}

/// The JSON is streamed through a buffer and an escaping pass (issue 9,
/// speed; issue 14, C1 controls): the bytes must stay exactly what
/// `serde_json`'s pretty printer gives for the whole document, across
/// many structures, one with errors, and one alone.
#[test]
fn item_9_streamed_json_is_the_pretty_printed_document() {
    let dir = examples(&[]);
    for i in 0..70 {
        let example = if i % 2 == 0 {
            "ml-pays-de-vitre"
        } else {
            "ml-val-de-garonne"
        };
        clone_structure(dir.path(), example, &format!("ml-{i:03}"));
    }
    fs::write(
        dir.path().join("structures/ml-007/autoevaluation.yaml"),
        "x: [",
    )
    .unwrap();
    for target in ["structures", "structures/ml-000"] {
        let run = label(
            dir.path(),
            &["evaluate", target, "--format", "json", "--date", DATE],
        );
        let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        let again = serde_json::to_string_pretty(&value).unwrap() + "\n";
        assert_eq!(run.stdout, again, "{target}");
    }
    let empty = tempfile::tempdir().unwrap();
    fs::create_dir(empty.path().join("vide")).unwrap();
    let run = label(empty.path(), &["evaluate", "vide", "--format", "json"]);
    if let Ok(value) = serde_json::from_str::<serde_json::Value>(&run.stdout) {
        assert_eq!(
            run.stdout,
            serde_json::to_string_pretty(&value).unwrap() + "\n"
        );
    }
}
