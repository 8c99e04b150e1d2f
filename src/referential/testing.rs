//! A small referential for unit tests of the rules, in one string.

use crate::diagnostics::Code;
use crate::source::SourceFile;

use super::load::{Parts, validate};
use super::model::Referential;

/// Four described levels, two types, and a criterion for the UNML only.
pub const BASE: &str = "referentiel: essai
version: 1.0.0
titre: Essai
statut: brouillon
structures: [arml, unml]
echelle:
  niveaux:
    - { valeur: 1, libelle: Non satisfait, description: Rien en place. }
    - { valeur: 2, libelle: Partiel, description: En partie. }
    - { valeur: 3, libelle: Satisfait, description: Appliqué partout. }
    - { valeur: 4, libelle: Pleinement, description: Évalué et ajusté. }
  attendu: 3
regles:
  niveau_ecart_majeur: 1
principes:
  - id: LAB
    titre: Label
    criteres:
      - id: LAB-01
        titre: Des référents sont nommés
        niveaux:
          2: Nommés sans lettre de mission.
        preuves: [Lettres de mission]
        indicateurs: [Nombre de référents]
        questions_audit: [Comment sont-ils choisis ?]
      - id: LAB-02
        titre: La commission nationale est réunie
        applicable_a: [unml]
        preuves: [Règlement de la commission]
        indicateurs: [Commissions par an]
        questions_audit: [Qui y siège ?]
";

/// [`BASE`] with `old` replaced by `new`, once.
pub fn with(old: &str, new: &str) -> Result<String, String> {
    if !BASE.contains(old) {
        return Err(format!("« {old} » absent de BASE"));
    }
    Ok(BASE.replacen(old, new, 1))
}

/// The codes `label lint` reports on a referential text.
pub fn codes(text: &str) -> Vec<Code> {
    let source = SourceFile::new("essai.yaml", text);
    let loaded = validate(Parts::single(source, None));
    loaded.diagnostics.iter().map(|d| d.code).collect()
}

/// The validated model of a referential text.
pub fn referential(text: &str) -> Result<Referential, String> {
    let source = SourceFile::new("essai.yaml", text);
    let loaded = validate(Parts::single(source, None));
    loaded
        .referential
        .ok_or_else(|| format!("{:?}", loaded.diagnostics))
}
