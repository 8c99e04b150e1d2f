//! Issue 10, item 2: every rule of §4.5 on `audit.yaml`, each with its code.

use crate::decode::Decoder;
use crate::diagnostics::Code;
use crate::referential::testing::{BASE, referential};
use crate::source::SourceFile;

const AUDIT: &str = "referentiel: essai
version: 1.0.0
structure: s
type: initial
debut: 2026-10-07
fin: 2026-10-08
auditeurs:
  - { nom: Claire Dubois, role: certifie }
  - { nom: Marc Le Goff, role: pair }
constats:
  LAB-01: { resultat: conforme }
  LAB-02: { resultat: conforme }
";

/// The codes of an audit text, with the audit's model when valid.
fn check(text: &str) -> (Vec<Code>, Option<super::Audit>) {
    let source = SourceFile::new("audit.yaml", text);
    let mut decoder = Decoder::new(&source);
    let raw = super::read(&mut decoder).expect("an audit");
    let referential = referential(BASE).expect("the test referential");
    let (model, found) = super::check(&raw, &referential, &[]);
    let mut codes: Vec<Code> = decoder.diagnostics.iter().map(|d| d.code).collect();
    codes.extend(found.iter().map(|d| d.code));
    (codes, model)
}

fn codes(old: &str, new: &str) -> Vec<Code> {
    assert!(AUDIT.contains(old), "{old}");
    check(&AUDIT.replacen(old, new, 1)).0
}

#[test]
fn item_2_a_valid_audit_has_no_diagnostic() {
    let (found, model) = check(AUDIT);
    assert_eq!(found, []);
    assert!(model.is_some_and(|a| a.missing.is_empty()));
}

#[test]
fn item_2_the_audit_team() {
    let one = "  - { nom: Marc Le Goff, role: pair }\n";
    assert_eq!(codes(one, ""), [Code::Aud004]);
    assert_eq!(codes("role: pair", "role: certifie"), [Code::Aud005]);
    assert_eq!(codes("role: certifie", "role: pair"), [Code::Aud002]);
}

#[test]
fn item_2_findings() {
    let nc = "LAB-01: { resultat: nc_mineure }";
    assert_eq!(codes("LAB-01: { resultat: conforme }", nc), [Code::Aud006]);
    let facts = "LAB-01: { resultat: nc_majeure, observations: Faits. }";
    assert_eq!(codes("LAB-01: { resultat: conforme }", facts), []);
    let na = "LAB-01: { resultat: non_concerne, justification: Aucun site. }";
    assert_eq!(codes("LAB-01: { resultat: conforme }", na), [Code::Aud007]);
    let unknown = "LAB-09: { resultat: conforme }";
    let found = codes("LAB-01: { resultat: conforme }", unknown);
    assert_eq!(found, [Code::Crt001, Code::Aud003]);
    let outside = codes("LAB-01: { resultat: conforme }", "LAB-01: { resultat: nc }");
    assert_eq!(outside, [Code::Sch004, Code::Aud003]);
    assert_eq!(
        codes("LAB-01: { resultat: conforme }\n", ""),
        [Code::Aud003]
    );
}

#[test]
fn item_2_lifting_and_decision_dates() {
    let lifted = |date: &str| {
        format!(
            "LAB-01:\n    resultat: nc_mineure\n    observations: Faits.\n    levee: {{ date: {date}, preuves: [PV], par: Claire Dubois }}"
        )
    };
    let old = "LAB-01: { resultat: conforme }";
    assert_eq!(codes(old, &lifted("2026-10-08")), []);
    assert_eq!(codes(old, &lifted("2026-10-07")), [Code::Aud009]);
    let missing_by = "LAB-01:\n    resultat: nc_mineure\n    observations: F.\n    levee: { date: 2027-01-10, preuves: [PV] }";
    assert_eq!(codes(old, missing_by), [Code::Sch002]);
    let with = |decision: &str| check(&format!("{AUDIT}decision:\n{decision}")).0;
    assert_eq!(with("  date: 2026-12-17\n  avis: labellise\n"), []);
    assert_eq!(with("  avis: labellise\n"), [Code::Aud010]);
    assert_eq!(with("  date: 2026-10-01\n  avis: refuse\n"), [Code::Aud011]);
    assert_eq!(with("  date: 2026-12-17\n  avis: oui\n"), [Code::Sch004]);
    assert_eq!(codes("fin: 2026-10-08", "fin: 2026-10-06"), [Code::Aud001]);
}
