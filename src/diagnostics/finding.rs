//! Every finding the tool can report, with its French message: the one place
//! where diagnostic wording lives, so that a translation could be added.

use super::Code;

/// One kind of problem, with the data its message needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finding {
    Syntax {
        detail: String,
    },
    DuplicateKey {
        key: String,
    },
    Limit {
        detail: String,
    },
    NotUtf8,
    Empty,
    UnknownKey {
        key: String,
        context: String,
        suggestion: Option<String>,
    },
    MissingField {
        key: String,
        context: String,
    },
    WrongType {
        key: String,
        expected: &'static str,
        found: &'static str,
    },
    NotAllowed {
        key: String,
        value: String,
        allowed: Vec<String>,
    },
    InvalidDate {
        key: String,
        value: String,
    },
    DuplicateId {
        kind: &'static str,
        id: String,
    },
    MalformedId {
        kind: &'static str,
        id: String,
        rule: &'static str,
    },
    InvalidVersion {
        value: String,
    },
    PlaceMismatch {
        key: &'static str,
        found: String,
        expected: String,
    },
    ScaleTooShort,
    ScaleNotIncreasing {
        previous: i64,
        value: i64,
    },
    ExpectedNotInScale {
        value: i64,
        levels: String,
    },
    PrincipleWithoutCriteria {
        id: String,
    },
    UnknownReference {
        id: String,
        suggestion: Option<String>,
    },
    EmptyText {
        key: String,
    },
    RuleOutOfRange {
        key: String,
        value: i64,
        bounds: String,
    },
    NoPrinciples,
    LevelOutsideScale {
        key: String,
        value: String,
        levels: String,
    },
    TypeOutsideReferential {
        kind: String,
        covered: Vec<String>,
    },
    LevelWithoutDescription {
        value: i64,
        label: String,
    },
    IgnoredFile {
        name: String,
    },
    NoEvidence {
        id: String,
    },
    NoAuditQuestion {
        id: String,
    },
    NoIndicator {
        id: String,
    },
    SelfReference {
        id: String,
    },
    IdOutsidePrinciple {
        id: String,
        principle: String,
    },
    ReferentialNotFound {
        id: String,
        version: String,
        available: Vec<String>,
    },
    VersionMismatch {
        file: String,
        found: String,
        expected: String,
    },
    TypeNotCovered {
        kind: String,
        covered: Vec<String>,
    },
    DuplicateStructure {
        id: String,
    },
    NoStructure,
    StructureMismatch {
        found: String,
        expected: String,
    },
    UnknownCriterion {
        id: String,
        suggestion: Option<String>,
    },
    LevelNotInScale {
        value: i64,
        levels: String,
    },
    LevelAndNotApplicable {
        id: String,
    },
    NotApplicableForbidden {
        id: String,
    },
    EmptyJustification {
        id: String,
    },
    AnswerNotApplicable {
        id: String,
        kind: String,
    },
    LevelWithoutSupport {
        id: String,
        level: i64,
        expected: i64,
    },
    StaleSelfAssessment {
        date: String,
        today: String,
    },
    EvidenceOutside {
        path: String,
    },
    EvidenceMissing {
        path: String,
    },
    Overdue {
        id: String,
        due: String,
    },
    ActionWithoutCriteria {
        id: String,
    },
    ActionWithoutOwner {
        id: String,
    },
    ActionWithoutDue {
        id: String,
    },
    AuditEndsBeforeStart,
    NoCertifiedAuditor,
    MissingFindings {
        count: usize,
        ids: String,
    },
    PathNotFound,
    LinkLoop,
    Unreadable {
        detail: String,
    },
    LinkOutside,
    BrokenLink,
    /// A path given to `label lint` holds no referential.
    NoReferential,
    /// Standard output or a file could not be written.
    WriteFailed {
        detail: String,
    },
    ConfigSyntax {
        detail: String,
    },
    ConfigUnknownKey {
        key: String,
        suggestion: Option<String>,
        known: &'static [&'static str],
    },
    ConfigWrongType {
        key: String,
        expected: &'static str,
    },
    ConfigFolderMissing {
        key: &'static str,
        folder: String,
    },
    EmbeddedReferentials {
        list: String,
    },
    /// A file that a command creates is already there.
    AlreadyExists,
    /// The referential a command needs has errors.
    InvalidReferential {
        shown: String,
    },
}

impl Finding {
    pub fn code(&self) -> Code {
        use Finding::*;
        match self {
            Syntax { .. } => Code::Yaml001,
            DuplicateKey { .. } => Code::Yaml002,
            Limit { .. } => Code::Yaml003,
            NotUtf8 => Code::Yaml004,
            Empty => Code::Yaml005,
            UnknownKey { .. } => Code::Sch001,
            MissingField { .. } => Code::Sch002,
            WrongType { .. } => Code::Sch003,
            NotAllowed { .. } => Code::Sch004,
            InvalidDate { .. } => Code::Sch005,
            DuplicateId { .. } => Code::Ref001,
            MalformedId { .. } => Code::Ref002,
            InvalidVersion { .. } => Code::Ref003,
            PlaceMismatch { .. } => Code::Ref004,
            ScaleTooShort | ScaleNotIncreasing { .. } => Code::Ref005,
            ExpectedNotInScale { .. } => Code::Ref006,
            PrincipleWithoutCriteria { .. } => Code::Ref007,
            UnknownReference { .. } => Code::Ref008,
            EmptyText { .. } => Code::Ref009,
            RuleOutOfRange { .. } => Code::Ref010,
            NoPrinciples => Code::Ref011,
            IgnoredFile { .. } => Code::Ref012,
            LevelOutsideScale { .. } => Code::Ref013,
            TypeOutsideReferential { .. } => Code::Ref014,
            LevelWithoutDescription { .. } => Code::Ref106,
            NoEvidence { .. } => Code::Ref101,
            NoAuditQuestion { .. } => Code::Ref102,
            NoIndicator { .. } => Code::Ref103,
            SelfReference { .. } => Code::Ref104,
            IdOutsidePrinciple { .. } => Code::Ref105,
            ReferentialNotFound { .. } => Code::Str001,
            VersionMismatch { .. } => Code::Str002,
            TypeNotCovered { .. } => Code::Str003,
            DuplicateStructure { .. } => Code::Str004,
            NoStructure => Code::Str005,
            StructureMismatch { .. } => Code::Str006,
            UnknownCriterion { .. } => Code::Crt001,
            LevelNotInScale { .. } => Code::Auto001,
            LevelAndNotApplicable { .. } => Code::Auto002,
            NotApplicableForbidden { .. } => Code::Auto003,
            EmptyJustification { .. } => Code::Auto004,
            AnswerNotApplicable { .. } => Code::Auto005,
            LevelWithoutSupport { .. } => Code::Auto006,
            StaleSelfAssessment { .. } => Code::Auto007,
            EvidenceOutside { .. } => Code::Prv001,
            EvidenceMissing { .. } => Code::Prv002,
            Overdue { .. } => Code::Plan001,
            ActionWithoutCriteria { .. } => Code::Plan002,
            ActionWithoutOwner { .. } => Code::Plan003,
            ActionWithoutDue { .. } => Code::Plan004,
            AuditEndsBeforeStart => Code::Aud001,
            NoCertifiedAuditor => Code::Aud002,
            MissingFindings { .. } => Code::Aud003,
            PathNotFound => Code::Fs001,
            LinkLoop => Code::Fs002,
            Unreadable { .. } => Code::Fs003,
            LinkOutside => Code::Fs004,
            BrokenLink => Code::Fs005,
            NoReferential => Code::Ref201,
            WriteFailed { .. } => Code::Fs006,
            ConfigSyntax { .. } => Code::Cfg001,
            ConfigUnknownKey { .. } => Code::Cfg002,
            ConfigWrongType { .. } => Code::Cfg003,
            ConfigFolderMissing { .. } => Code::Cfg004,
            EmbeddedReferentials { .. } => Code::Cfg005,
            AlreadyExists => Code::Fs007,
            InvalidReferential { .. } => Code::Str007,
        }
    }

    /// The French message, one line.
    pub fn message(&self) -> String {
        use Finding::*;
        match self {
            Syntax { .. } => "syntaxe YAML invalide".into(),
            DuplicateKey { key } => format!("clé en double « {key} »"),
            Limit { .. } => "fichier refusé : limite de sécurité dépassée".into(),
            NotUtf8 => "le fichier n'est pas encodé en UTF-8".into(),
            Empty => "le fichier ne contient aucune donnée".into(),
            UnknownKey { key, context, .. } => format!("clé inconnue « {key} » dans {context}"),
            MissingField { key, context } => {
                format!("champ obligatoire « {key} » manquant dans {context}")
            }
            WrongType {
                key,
                expected,
                found,
            } => {
                format!("« {key} » doit être {expected}, trouvé : {found}")
            }
            NotAllowed { key, value, .. } => {
                format!("valeur « {value} » non autorisée pour « {key} »")
            }
            InvalidDate { key, value } => format!("date invalide « {value} » pour « {key} »"),
            DuplicateId { kind, id } => format!("identifiant de {kind} en double « {id} »"),
            MalformedId { kind, id, .. } => format!("identifiant de {kind} mal formé « {id} »"),
            InvalidVersion { value } => format!("version « {value} » non conforme à semver"),
            PlaceMismatch {
                key,
                found,
                expected,
            } => format!(
                "« {key} » vaut « {found} » mais l'emplacement du fichier indique « {expected} »"
            ),
            ScaleTooShort => "l'échelle doit compter au moins deux niveaux".into(),
            ScaleNotIncreasing { previous, value } => {
                format!("niveaux non strictement croissants : {value} après {previous}")
            }
            ExpectedNotInScale { value, .. } => {
                format!("le niveau attendu {value} n'est pas un niveau de l'échelle")
            }
            PrincipleWithoutCriteria { id } => format!("le principe « {id} » n'a aucun critère"),
            UnknownReference { id, .. } => format!("renvoi vers un critère inexistant « {id} »"),
            EmptyText { key } => format!("« {key} » ne doit pas être vide"),
            RuleOutOfRange { key, value, bounds } => {
                format!("« {key} » vaut {value}, hors des bornes {bounds}")
            }
            NoPrinciples => "le référentiel ne contient aucun principe".into(),
            LevelOutsideScale { key, value, .. } => {
                format!("« {key} » cite le niveau « {value} », absent de l'échelle")
            }
            TypeOutsideReferential { kind, .. } => {
                format!(
                    "« applicable_a » cite le type « {kind} », que le référentiel ne couvre pas"
                )
            }
            LevelWithoutDescription { value, label } if label.is_empty() => {
                format!("le niveau {value} de l'échelle n'a pas de description")
            }
            LevelWithoutDescription { value, label } => {
                format!("le niveau {value} « {label} » de l'échelle n'a pas de description")
            }
            IgnoredFile { name } => format!("fichier « {name} » ignoré : seuls les .yaml sont lus"),
            NoEvidence { id } => format!("le critère « {id} » ne liste aucune preuve attendue"),
            NoAuditQuestion { id } => format!("le critère « {id} » n'a aucune question d'audit"),
            NoIndicator { id } => format!("le critère « {id} » n'a aucun indicateur"),
            SelfReference { id } => format!("le critère « {id} » renvoie à lui-même"),
            IdOutsidePrinciple { id, principle } => format!(
                "l'identifiant « {id} » ne commence pas par celui de son principe « {principle} »"
            ),
            ReferentialNotFound { id, version, .. } => {
                format!("référentiel « {id} » en version « {version} » introuvable")
            }
            VersionMismatch {
                file,
                found,
                expected,
            } => {
                format!("{file} vise « {found} » alors que autoevaluation.yaml vise « {expected} »")
            }
            TypeNotCovered { kind, .. } => {
                format!("le référentiel ne s'applique pas aux structures de type « {kind} »")
            }
            DuplicateStructure { id } => {
                format!("structure « {id} » déjà présente dans un autre dossier")
            }
            NoStructure => {
                "aucun dossier de structure (contenant autoevaluation.yaml) sous ce chemin".into()
            }
            StructureMismatch { found, expected } => {
                format!("structure « {found} » alors que autoevaluation.yaml décrit « {expected} »")
            }
            UnknownCriterion { id, .. } => format!("critère « {id} » inconnu du référentiel"),
            LevelNotInScale { value, .. } => {
                format!("le niveau {value} n'est pas un niveau de l'échelle")
            }
            LevelAndNotApplicable { id } => {
                format!("« {id} » a à la fois un niveau et une déclaration non_concerne")
            }
            NotApplicableForbidden { id } => {
                format!("le critère « {id} » ne peut pas être déclaré non concerné")
            }
            EmptyJustification { id } => {
                format!("« {id} » est déclaré non concerné sans justification")
            }
            AnswerNotApplicable { id, kind } => format!(
                "le critère « {id} » ne s'applique pas aux structures de type « {kind} » : réponse ignorée"
            ),
            LevelWithoutSupport {
                id,
                level,
                expected,
            } => format!(
                "« {id} » est déclaré au niveau {level} (attendu : {expected}) sans commentaire ni preuve"
            ),
            StaleSelfAssessment { date, today } => {
                format!("l'autoévaluation date du {date}, plus de 12 mois avant le {today}")
            }
            EvidenceOutside { path } => {
                format!("la preuve « {path} » sort du dossier de la structure : elle n'est pas lue")
            }
            EvidenceMissing { path } => format!("fichier de preuve « {path} » introuvable"),
            Overdue { id, due } => {
                format!("l'action « {id} » avait pour échéance le {due} et n'est pas réalisée")
            }
            ActionWithoutCriteria { id } => format!("l'action « {id} » ne vise aucun critère"),
            ActionWithoutOwner { id } => format!("l'action « {id} » n'a pas de responsable"),
            ActionWithoutDue { id } => format!("l'action « {id} » n'a pas d'échéance"),
            AuditEndsBeforeStart => "la fin de l'audit précède son début".into(),
            NoCertifiedAuditor => "aucun auditeur n'a le rôle « certifie »".into(),
            MissingFindings { count, .. } => {
                let criteria =
                    crate::french::plural(*count, "critère applicable", "critères applicables");
                format!("{criteria} sans constat : audit incomplet")
            }
            PathNotFound => "chemin introuvable".into(),
            LinkLoop => "boucle de liens symboliques : lien ignoré".into(),
            Unreadable { detail } => format!("lecture impossible : {detail}"),
            LinkOutside => "lien symbolique vers l'extérieur du dossier : ignoré".into(),
            BrokenLink => "lien symbolique cassé : sa cible n'existe pas".into(),
            NoReferential => "aucun référentiel sous ce chemin".into(),
            WriteFailed { detail } => format!("écriture impossible : {detail}"),
            ConfigSyntax { detail } => format!("syntaxe TOML invalide : {detail}"),
            ConfigUnknownKey { key, .. } => format!("clé inconnue « {key} » dans label.toml"),
            ConfigWrongType { key, expected } => format!("« {key} » doit être {expected}"),
            ConfigFolderMissing { key, folder } => {
                format!("le dossier « {folder} » indiqué par « {key} » n'existe pas")
            }
            AlreadyExists => "le fichier existe déjà : rien n'a été modifié".into(),
            InvalidReferential { shown } => format!("le référentiel {shown} contient des erreurs"),
            EmbeddedReferentials { list } => format!(
                "aucun dossier de référentiels dans l'espace de travail : référentiels intégrés à l'outil utilisés ({list})"
            ),
        }
    }

    /// A French hint on how to fix it, when there is one worth giving.
    pub fn help(&self) -> Option<String> {
        use Finding::*;
        match self {
            Syntax { detail } | Limit { detail } => {
                Some(format!("détail de l'analyseur : {detail}"))
            }
            NotUtf8 => Some("enregistrez le fichier en UTF-8 (sans autre encodage)".into()),
            Empty => Some("le fichier doit contenir un dictionnaire YAML".into()),
            UnknownKey {
                suggestion: Some(s),
                ..
            } => Some(format!("vouliez-vous dire « {s} » ?")),
            UnknownKey { .. } => Some("vérifiez l'orthographe ou supprimez la clé".into()),
            NotAllowed { allowed, .. } => {
                Some(format!("valeurs permises : {}", allowed.join(", ")))
            }
            InvalidDate { .. } => {
                Some("format attendu : AAAA-MM-JJ, par exemple 2026-03-12".into())
            }
            MalformedId { rule, .. } => Some((*rule).into()),
            InvalidVersion { .. } => {
                Some("format attendu : MAJEUR.MINEUR.CORRECTIF, par exemple 1.0.0".into())
            }
            PlaceMismatch { .. } => Some(
                "un référentiel se range sous referentiels/<referentiel>/<version>.yaml".into(),
            ),
            ExpectedNotInScale { levels, .. } => Some(format!("niveaux de l'échelle : {levels}")),
            UnknownReference {
                suggestion: Some(s),
                ..
            } => Some(format!("vouliez-vous dire « {s} » ?")),
            ReferentialNotFound { available, .. } if available.is_empty() => {
                Some("aucune version de ce référentiel n'est disponible".into())
            }
            ReferentialNotFound { available, .. } => {
                Some(format!("disponibles : {}", available.join(", ")))
            }
            VersionMismatch { .. } => Some("tous les fichiers d'une structure visent la même version ; voir label migrate".into()),
            TypeNotCovered { covered, .. } => Some(format!("types couverts : {}", covered.join(", "))),
            UnknownCriterion { suggestion: Some(s), .. } => Some(format!("vouliez-vous dire « {s} » ?")),
            LevelNotInScale { levels, .. } => Some(format!("niveaux de l'échelle : {levels}")),
            LevelAndNotApplicable { .. } => Some("gardez l'un ou l'autre".into()),
            NotApplicableForbidden { .. } => Some("le référentiel ne prévoit pas non_concerne pour ce critère : indiquez un niveau".into()),
            EmptyJustification { .. } => Some("expliquez pourquoi le critère ne s'applique pas à la structure".into()),
            EvidenceOutside { .. } => Some("rangez la preuve dans le dossier de la structure (par exemple preuves/) et donnez un chemin relatif".into()),
            EvidenceMissing { .. } => Some("vérifiez le chemin, relatif au dossier de la structure".into()),
            MissingFindings { ids, .. } => Some(format!("sans constat : {ids}")),
            LevelOutsideScale { levels, .. } => Some(format!("niveaux de l'échelle : {levels}")),
            TypeOutsideReferential { covered, .. } => Some(format!(
                "types couverts (« structures ») : {} ; ajoutez-y le type ou retirez-le",
                covered.join(", ")
            )),
            LevelWithoutDescription { .. } => Some("décrivez sous « description » ce qu'une structure montre à ce niveau : cette grille fait que deux structures se notent de la même façon".into()),
            AnswerNotApplicable { .. } => Some("retirez la réponse : le critère ne compte pas pour ce type de structure (« applicable_a » du référentiel)".into()),
            LevelWithoutSupport { .. } => Some("l'auditeur demandera ce qui le montre : ajoutez un commentaire et au moins une preuve".into()),
            StaleSelfAssessment { .. } => Some("revoyez les niveaux et les preuves, puis mettez à jour « date » ; la date du jour se fixe avec --date".into()),
            ActionWithoutOwner { .. } => Some("indiquez sous « responsable » qui porte l'action (une fonction suffit)".into()),
            ActionWithoutDue { .. } => Some("indiquez sous « echeance » la date visée (AAAA-MM-JJ)".into()),
            NoEvidence { .. } => {
                Some("ajoutez sous « preuves » ce qu'un auditeur s'attend à consulter".into())
            }
            NoAuditQuestion { .. } => {
                Some("ajoutez sous « questions_audit » ce que l'auditeur demande ou vérifie".into())
            }
            NoIndicator { .. } => {
                Some("ajoutez sous « indicateurs » les signes observables".into())
            }
            InvalidReferential { shown } => Some(format!("lancez « label lint {shown} »")),
            AlreadyExists => Some("supprimez-le ou choisissez un autre dossier si vous voulez repartir de zéro".into()),
            NoReferential => Some(
                "un référentiel est un fichier <référentiel>/<version>.yaml, ou un dossier contenant referentiel.yaml".into(),
            ),
            ConfigUnknownKey { suggestion: Some(s), .. } => Some(format!("vouliez-vous dire « {s} » ?")),
            ConfigUnknownKey { known, .. } => Some(format!("clés possibles : {}", known.join(", "))),
            ConfigFolderMissing { .. } => Some("créez le dossier ou corrigez label.toml (chemin relatif au dossier de label.toml)".into()),
            ConfigSyntax { .. } => Some("voir la syntaxe TOML : https://toml.io/fr/".into()),
            EmbeddedReferentials { .. } => Some(
                "pour vérifier vos propres fichiers, indiquez leur chemin ou rangez-les sous referentiels/".into(),
            ),
            _ => None,
        }
    }
}
