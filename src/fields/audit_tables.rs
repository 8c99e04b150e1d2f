//! The tables of `audit.yaml` (§4.5), beside the others in [`super::tables`].

use super::shape::{Field, REFERENTIAL_ID, SEMVER, Shape, TEXTS, opt, req};
use crate::keyword::{AuditKind, AuditResult, AuditorRole, Opinion};

pub const AUDIT_TYPES: &[&str] = AuditKind::KEYWORDS;
pub const AUDITOR_ROLES: &[&str] = AuditorRole::KEYWORDS;
pub const RESULTS: &[&str] = AuditResult::KEYWORDS;
pub const OPINIONS: &[&str] = Opinion::KEYWORDS;

pub const LIFTING: &[Field] = &[
    req(
        "date",
        Shape::Date,
        "Date de la levée, au plus tôt la fin de l'audit (AAAA-MM-JJ).",
    ),
    req(
        "preuves",
        TEXTS,
        "Preuves qui ont permis de lever la non-conformité.",
    ),
    req("par", Shape::Text, "L'auditeur qui a accepté les preuves."),
];

pub const DECISION: &[Field] = &[
    req(
        "date",
        Shape::Date,
        "Date de la décision de la commission nationale (AAAA-MM-JJ) : le cycle du label part de là.",
    ),
    req(
        "avis",
        Shape::Keyword(OPINIONS),
        "labellise, ajourne ou refuse.",
    ),
];

pub const AUDITOR: &[Field] = &[
    req("nom", Shape::Text, "Nom de l'auditeur."),
    req(
        "role",
        Shape::Keyword(AUDITOR_ROLES),
        "certifie (auditeur certifié) ou pair (du réseau).",
    ),
];

pub const FINDING: &[Field] = &[
    req(
        "resultat",
        Shape::Keyword(RESULTS),
        "Résultat pour ce critère.",
    ),
    opt("observations", Shape::Text, "Observations de l'auditeur."),
    opt("preuves_consultees", TEXTS, "Preuves consultées."),
    opt("point_fort", Shape::Bool, "Point fort relevé."),
    opt(
        "piste_amelioration",
        Shape::Text,
        "Piste d'amélioration suggérée (facultatif).",
    ),
    opt(
        "justification",
        Shape::Text,
        "Obligatoire avec non_concerne : pourquoi le critère ne s'applique pas.",
    ),
    opt(
        "levee",
        Shape::Object(LIFTING),
        "Levée de la non-conformité : date, preuves, auditeur.",
    ),
];

pub const AUDIT: &[Field] = &[
    req(
        "referentiel",
        Shape::Pattern(REFERENTIAL_ID),
        "Identifiant du référentiel.",
    ),
    req("version", Shape::Pattern(SEMVER), "Version du référentiel."),
    req(
        "structure",
        Shape::Pattern(REFERENTIAL_ID),
        "Identifiant de la structure.",
    ),
    req("type", Shape::Keyword(AUDIT_TYPES), "Type d'audit."),
    req("debut", Shape::Date, "Premier jour d'audit (AAAA-MM-JJ)."),
    req("fin", Shape::Date, "Dernier jour d'audit (AAAA-MM-JJ)."),
    req(
        "auditeurs",
        Shape::List(&Shape::Object(AUDITOR)),
        "Au moins deux auditeurs : un certifié (certifie) et un pair du réseau (pair).",
    ),
    req(
        "constats",
        Shape::OrEmpty(&Shape::ByCriterion(&Shape::Object(FINDING))),
        "Constats, par identifiant de critère.",
    ),
    opt(
        "constats_retires",
        Shape::OrEmpty(&Shape::ByCriterion(&Shape::Object(FINDING))),
        "Constats sur des critères supprimés ou fusionnés par une nouvelle version, gardés tels quels par label migrate --audits.",
    ),
    opt(
        "decision",
        Shape::Object(DECISION),
        "Décision de la commission nationale (facultatif).",
    ),
];
