//! The tables of every file kind (§4.2–§4.5).

use super::shape::{CRITERION_ID, Field, REFERENTIAL_ID, SEMVER, Shape, TEXTS, opt, req};
use crate::keyword::{ActionStatus, Origin, Status, StructureType};

pub const STRUCTURE_TYPES: &[&str] = StructureType::KEYWORDS;

pub const LEVEL: &[Field] = &[
    req(
        "valeur",
        Shape::Integer,
        "Valeur du niveau ; les valeurs sont strictement croissantes.",
    ),
    req(
        "libelle",
        Shape::Text,
        "Libellé du niveau, par exemple « Satisfait ».",
    ),
    opt(
        "description",
        Shape::Text,
        "La grille : ce qu'une structure montre à ce niveau (label lint avertit s'il manque).",
    ),
];

pub const SCALE: &[Field] = &[
    req(
        "niveaux",
        Shape::List(&Shape::Object(LEVEL)),
        "Niveaux ordonnés, au moins deux.",
    ),
    req(
        "attendu",
        Shape::Integer,
        "Niveau attendu par défaut : une valeur de l'échelle.",
    ),
];

pub const RULES: &[Field] = &[
    opt(
        "niveau_ecart_majeur",
        Shape::Integer,
        "Niveau de l'échelle à partir duquel, et en dessous, l'écart est majeur même sur un critère non impératif (facultatif).",
    ),
    opt(
        "mineurs_pour_un_majeur",
        Shape::Integer,
        "Nombre d'écarts ou de non-conformités mineurs qui valent un majeur (défaut 5).",
    ),
    opt(
        "delai_nc_majeure_mois",
        Shape::Integer,
        "Délai en mois pour lever une non-conformité majeure (défaut 3).",
    ),
    opt(
        "delai_nc_mineure_mois",
        Shape::Integer,
        "Délai en mois pour lever une non-conformité mineure (défaut 6).",
    ),
];

pub const CYCLE: &[Field] = &[
    opt(
        "validite_mois",
        Shape::Integer,
        "Durée de validité du label en mois (défaut 36).",
    ),
    opt(
        "surveillance_mois",
        Shape::Integer,
        "Mois de l'audit de surveillance (défaut 18).",
    ),
];

pub const CRITERION: &[Field] = &[
    req(
        "id",
        Shape::Pattern(CRITERION_ID),
        "Identifiant stable du critère, par exemple GOUV-01.",
    ),
    req("titre", Shape::Text, "Intitulé du critère."),
    opt("description", Shape::Text, "Ce que le critère exige."),
    opt(
        "attendu",
        Shape::Integer,
        "Niveau attendu pour ce critère (remplace echelle.attendu).",
    ),
    opt(
        "imperatif",
        Shape::Bool,
        "Sous le niveau attendu, l'écart est majeur.",
    ),
    opt(
        "non_concerne_possible",
        Shape::Bool,
        "Une structure peut se déclarer non concernée, avec justification.",
    ),
    opt(
        "preuves",
        TEXTS,
        "Preuves qu'un auditeur s'attend à consulter.",
    ),
    opt(
        "indicateurs",
        TEXTS,
        "Signes observables, repris dans les grilles d'audit.",
    ),
    opt(
        "questions_audit",
        TEXTS,
        "Ce que l'auditeur demande ou vérifie.",
    ),
    opt(
        "voir_aussi",
        Shape::List(&Shape::Pattern(CRITERION_ID)),
        "Identifiants de critères liés.",
    ),
    opt(
        "niveaux",
        Shape::ByLevel(&Shape::Text),
        "Grille propre au critère : valeur de l'échelle → ce que la structure montre à ce niveau (remplace la description du niveau).",
    ),
    opt(
        "applicable_a",
        Shape::List(&Shape::Keyword(STRUCTURE_TYPES)),
        "Types de structure auxquels le critère s'applique, parmi « structures » (défaut : tous).",
    ),
];

pub const CORRESPONDENCES: &[Field] = &[
    req(
        "depuis",
        Shape::Pattern(SEMVER),
        "Version précédente, plus ancienne que celle-ci, d'où viennent les identifiants de gauche.",
    ),
    opt(
        "renomme",
        Shape::ByCriterion(&Shape::Pattern(CRITERION_ID)),
        "Ancien identifiant → nouvel identifiant, même exigence.",
    ),
    opt(
        "scinde",
        Shape::ByCriterion(&Shape::List(&Shape::Pattern(CRITERION_ID))),
        "Ancien identifiant → les nouveaux critères qui se partagent son exigence.",
    ),
    opt(
        "fusionne",
        Shape::ByCriterion(&Shape::List(&Shape::Pattern(CRITERION_ID))),
        "Nouvel identifiant ← les anciens critères qu'il réunit.",
    ),
    opt(
        "supprime",
        Shape::ByCriterion(&Shape::Text),
        "Ancien identifiant → pourquoi le critère disparaît.",
    ),
];

pub const PRINCIPLE: &[Field] = &[
    req(
        "id",
        Shape::Pattern("^[A-Z][A-Z0-9]*$"),
        "Identifiant stable du principe, par exemple GOUV.",
    ),
    req("titre", Shape::Text, "Intitulé du principe."),
    opt("description", Shape::Text, "Présentation du principe."),
    req(
        "criteres",
        Shape::List(&Shape::Object(CRITERION)),
        "Critères du principe.",
    ),
];

pub const REFERENTIAL: &[Field] = &[
    req(
        "referentiel",
        Shape::Pattern(REFERENTIAL_ID),
        "Identifiant du référentiel, par exemple missions-locales.",
    ),
    req(
        "version",
        Shape::Pattern(SEMVER),
        "Version sémantique, par exemple 1.0.0.",
    ),
    req("titre", Shape::Text, "Titre du référentiel."),
    opt("description", Shape::Text, "Présentation du référentiel."),
    req(
        "statut",
        Shape::Keyword(Status::KEYWORDS),
        "État de cette version.",
    ),
    opt("date", Shape::Date, "Date de la version (AAAA-MM-JJ)."),
    req(
        "structures",
        Shape::List(&Shape::Keyword(STRUCTURE_TYPES)),
        "Types de structure concernés.",
    ),
    req("echelle", Shape::Object(SCALE), "Échelle de niveaux."),
    opt("regles", Shape::Object(RULES), "Règles de décision."),
    opt("cycle", Shape::Object(CYCLE), "Cycle du label."),
    opt(
        "correspondances",
        Shape::Object(CORRESPONDENCES),
        "Passage depuis la version précédente : critères renommés, scindés, fusionnés, supprimés (les autres sont inchangés ou ajoutés).",
    ),
    req(
        "principes",
        Shape::List(&Shape::Object(PRINCIPLE)),
        "Principes et leurs critères.",
    ),
];

/// `referentiel.yaml` of the folder form: everything but `principes`,
/// which is last in [`REFERENTIAL`] (a test checks it).
pub const REFERENTIAL_FOLDER: &[Field] = match REFERENTIAL.split_last() {
    Some((_, header)) => header,
    None => &[],
};

pub const STRUCTURE: &[Field] = &[
    req(
        "id",
        Shape::Pattern(REFERENTIAL_ID),
        "Identifiant de la structure : minuscules, chiffres, tirets.",
    ),
    req("nom", Shape::Text, "Nom de la structure."),
    req(
        "type",
        Shape::Keyword(STRUCTURE_TYPES),
        "Type de structure.",
    ),
    opt("region", Shape::Text, "Région."),
];

pub const ANSWER: &[Field] = &[
    opt(
        "niveau",
        Shape::OrEmpty(&Shape::Integer),
        "Niveau atteint : une valeur de l'échelle du référentiel. Vide : non évalué.",
    ),
    opt(
        "non_concerne",
        Shape::Text,
        "Justification de la non-applicabilité (si le critère le permet).",
    ),
    opt("commentaire", Shape::Text, "Commentaire libre."),
    opt(
        "preuves",
        TEXTS,
        "Preuves : chemins relatifs au dossier de la structure, ou adresses web.",
    ),
    opt(
        "a_revoir",
        Shape::Bool,
        "Posé par label migrate : le critère a été scindé ou fusionné, ou ne permet plus « non concerné » ; relisez la réponse puis retirez la clé.",
    ),
];

pub const SELF_ASSESSMENT: &[Field] = &[
    req(
        "referentiel",
        Shape::Pattern(REFERENTIAL_ID),
        "Identifiant du référentiel.",
    ),
    req("version", Shape::Pattern(SEMVER), "Version du référentiel."),
    req(
        "structure",
        Shape::Object(STRUCTURE),
        "La structure évaluée.",
    ),
    opt(
        "date",
        Shape::Date,
        "Date de l'autoévaluation (AAAA-MM-JJ).",
    ),
    opt(
        "referent",
        Shape::Text,
        "Référent qualité qui a conduit l'autoévaluation.",
    ),
    req(
        "reponses",
        Shape::ByCriterion(&Shape::OrEmpty(&Shape::Object(ANSWER))),
        "Réponses, par identifiant de critère.",
    ),
    opt(
        "reponses_retirees",
        Shape::ByCriterion(&Shape::OrEmpty(&Shape::Object(ANSWER))),
        "Réponses aux critères supprimés par une nouvelle version, gardées telles quelles par label migrate.",
    ),
];

pub const ACTION_STATUSES: &[&str] = ActionStatus::KEYWORDS;
pub const ACTION_ORIGINS: &[&str] = Origin::KEYWORDS;

pub const ACTION: &[Field] = &[
    req(
        "id",
        Shape::Pattern("^[A-Za-z0-9][A-Za-z0-9_-]*$"),
        "Identifiant stable de l'action, unique dans le plan (A01…).",
    ),
    req(
        "criteres",
        Shape::List(&Shape::Pattern(CRITERION_ID)),
        "Critères dont l'écart est traité.",
    ),
    req("titre", Shape::Text, "Intitulé de l'action."),
    opt("responsable", Shape::Text, "Qui porte l'action."),
    opt("echeance", Shape::Date, "Échéance (AAAA-MM-JJ)."),
    req(
        "statut",
        Shape::Keyword(ACTION_STATUSES),
        "État de l'action.",
    ),
    opt(
        "origine",
        Shape::Keyword(ACTION_ORIGINS),
        "D'où vient l'action.",
    ),
    opt("commentaire", Shape::Text, "Commentaire libre."),
];

pub const PLAN: &[Field] = &[
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
    req(
        "actions",
        Shape::List(&Shape::Object(ACTION)),
        "Actions du plan d'amélioration.",
    ),
];

pub use super::audit_tables::{
    AUDIT, AUDIT_TYPES, AUDITOR, AUDITOR_ROLES, DECISION, FINDING, LIFTING, OPINIONS, RESULTS,
};
