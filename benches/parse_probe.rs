use serde::Deserialize;
#[derive(Deserialize)]
#[allow(dead_code)]
struct Plain { referentiel: String, version: String, structure: std::collections::BTreeMap<String, String>, reponses: std::collections::BTreeMap<String, Ans> }
#[derive(Deserialize)]
#[allow(dead_code)]
struct Ans { niveau: i64, commentaire: String }
fn main() {
    let text = std::fs::read_to_string("/tmp/bench2k/ml-00001/autoevaluation.yaml").unwrap();
    let n = 2000;
    let t = std::time::Instant::now();
    for _ in 0..n { let _: Plain = serde_saphyr::from_str(&text).unwrap(); }
    println!("default: {:?}", t.elapsed() / n);
    let t = std::time::Instant::now();
    for _ in 0..n { let o = serde_saphyr::options!{ budget: None, with_snippet: false }; let _: Plain = serde_saphyr::from_str_with_options(&text, o).unwrap(); }
    println!("no budget: {:?}", t.elapsed() / n);
    let t = std::time::Instant::now();
    for _ in 0..n { let o = serde_saphyr::options!{ with_snippet: false, duplicate_keys: serde_saphyr::DuplicateKeyPolicy::PassThrough }; let _: Plain = serde_saphyr::from_str_with_options(&text, o).unwrap(); }
    println!("passthrough: {:?}", t.elapsed() / n);
}
