//! Tests of the condensed tables.

use super::*;
use crate::output::wrap::{paragraph, wrap};

/// Every line of `text` within `width`, and each of `words` whole.
fn check(text: &str, width: usize, words: &[&str]) {
    assert!(text.lines().all(|l| l.chars().count() <= width), "{text}");
    let all: Vec<&str> = text.split_whitespace().collect();
    for word in words {
        assert!(all.contains(word), "{word} split in:\n{text}");
    }
}

#[test]
fn item_17_words_are_never_split_when_they_fit() {
    let mut t = Table::new(&["Critère", "Intitulé", "Maj."]).right(&[2]);
    let title = "La confidentialité et la protection des données personnelles sont assurées";
    t.row(vec!["VAL-03".into(), title.into(), "1".into()]);
    let words = ["confidentialité", "protection", "personnelles", "assurées"];
    check(&t.render(40), 40, &words);
}

#[test]
fn item_17_condensed_style_has_one_rule_under_the_header() {
    let mut t = Table::new(&["A", "B"]);
    for i in 0..3 {
        t.row(vec![format!("a{i}"), format!("b{i}")]);
    }
    assert_eq!(t.render(80), "A   B\n──  ──\na0  b0\na1  b1\na2  b2\n");
}

#[test]
fn item_17_figures_are_right_aligned() {
    let mut t = Table::new(&["Nom", "Taux"]).right(&[1]);
    t.row(vec!["x".into(), "9,5 %".into()]);
    t.row(vec!["y".into(), "100,0 %".into()]);
    assert!(t.render(80).contains("x      9,5 %\n"));
}

#[test]
fn item_17_an_over_long_word_is_cut_in_linear_time() {
    let word = "é".repeat(100_000);
    let start = std::time::Instant::now();
    let lines = wrap(&word, 40);
    let mut t = Table::new(&["Code", "Titre"]);
    t.row(vec!["X".into(), word.clone()]);
    let text = t.render(60);
    let elapsed = start.elapsed();
    assert!(elapsed < std::time::Duration::from_secs(1), "{elapsed:?}");
    assert_eq!(lines.len(), 2_500);
    assert!(lines.iter().all(|l| l.chars().count() == 40));
    check(&text, 60, &["Code", "Titre"]);
    assert_eq!(text.matches('é').count(), 100_000);
    // Cut at the width of its column: every piece but the last fills it.
    let pieces: Vec<usize> = text.lines().map(|l| l.matches('é').count()).collect();
    assert_eq!(pieces.iter().max(), Some(&54));
    assert_eq!(pieces.iter().filter(|&&p| p != 54 && p != 0).count(), 1);
}

#[test]
fn item_17_long_words_in_several_columns_keep_their_neighbours() {
    let mut t = Table::new(&["Code", "Titre", "N"]).right(&[2]);
    let long = "é".repeat(30_000);
    t.row(vec!["X".into(), format!("début {long} fin"), "12".into()]);
    t.row(vec!["a".repeat(20_000), "deux mots".into(), "1".into()]);
    let start = std::time::Instant::now();
    let text = t.render(60);
    assert!(start.elapsed() < std::time::Duration::from_secs(1));
    check(&text, 60, &["début", "fin", "deux", "mots", "12"]);
    assert_eq!(text.matches('é').count(), 30_001);
    assert_eq!(text.matches('a').count(), 20_000);
}

#[test]
fn item_17_columns_keep_their_longest_word_only_while_squeezed() {
    let mut t = Table::new(&["Critère", "Intitulé", "Statut", "Niveau"]);
    let title = "Le projet est décliné en orientations stratégiques pluriannuelles";
    t.row(vec!["GOUV-03".into(), title.into(), "écart mineur".into()]);
    check(&t.render(44), 44, &["pluriannuelles"]);
    check(&t.render(10), 10, &[]);
    // Held only when squeezed: comfy-table pins a held column to its
    // minimum, which would wrap this one at every word.
    let header = "Principe|Actions|Réalisées|En cours|En retard|Avancement";
    let mut t = Table::new(&header.split('|').collect::<Vec<_>>()).right(&[1, 2, 3, 4, 5]);
    for name in [
        "GOUV Gouvernance et projet associatif",
        "VAL Positionnement",
    ] {
        let figures = ["1", "0", "0", "0", "0 %"].map(String::from);
        t.row([vec![name.to_string()], figures.to_vec()].concat());
    }
    let text = t.render(80);
    assert!(text.contains("\nGOUV Gouvernance et projet "), "{text}");
}

#[test]
fn cells_are_normalised_and_long_words_cut_in_one_pass() {
    assert_eq!(fit(" un  deux\ttrois\n", 10, 10), "un deux trois");
    assert_eq!(fit("ab abcdefg hi", 4, 3), "ab abc\ndef\ng hi");
    assert_eq!(rule_widths("─── ── ─", 3), Some(vec![2, 1, 1]));
    assert_eq!(rule_widths("A   B", 2), None);
}

#[test]
fn wrap_keeps_words_and_cuts_only_long_ones() {
    assert_eq!(wrap("un deux trois", 7), vec!["un deux", "trois"]);
    assert_eq!(wrap("abcdefgh ij", 3), vec!["abc", "def", "gh", "ij"]);
    assert_eq!(wrap("", 5), Vec::<&str>::new());
}

#[test]
fn paragraph_has_a_hanging_indent() {
    assert_eq!(
        paragraph("un deux trois quatre", 12, "  - ", "    "),
        "  - un deux\n    trois\n    quatre\n"
    );
}

/// Issue 8 item 17: too narrow for the longest words side by side, the
/// table grows wider rather than cut « ml-haute-cornouaille ».
#[test]
fn item_17_too_narrow_widens_instead_of_cutting_words() {
    let mut t = Table::new(&["Structure", "Région", "Taux"]).right(&[2]);
    t.row(vec![
        "ml-haute-cornouaille".into(),
        "Nouvelle-Aquitaine".into(),
        "51,4 %, incomplète (20/35)".into(),
    ]);
    t.row(vec![
        "ml-pays-de-vitre".into(),
        "Bretagne".into(),
        "94,3 %".into(),
    ]);
    for width in [20, 25, 40] {
        let text = t.render(width);
        for word in [
            "ml-haute-cornouaille",
            "Nouvelle-Aquitaine",
            "(20/35)",
            "Structure",
        ] {
            assert!(text.contains(word), "{word} cut at {width}:\n{text}");
        }
    }
    let text = t.render(40);
    for word in [
        "ml-haute-cornouaille",
        "Nouvelle-Aquitaine",
        "incomplète",
        "(20/35)",
        "Structure",
    ] {
        assert!(text.contains(word), "{word} cut:\n{text}");
    }
}
