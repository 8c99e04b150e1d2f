//! The French message of each finding, one line.

use super::Finding;

impl Finding {
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
            MalformedId { kind, id, .. } => {
                format!("identifiant de {kind} mal formé « {id} »{}", look_alike(id))
            }
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
            UnknownCriterion { id, .. } => {
                format!("critère « {id} » inconnu du référentiel{}", look_alike(id))
            }
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
            TooFewAuditors { count } => format!(
                "{} : l'audit en demande deux, un certifié et un pair",
                crate::french::plural(*count, "auditeur", "auditeurs")
            ),
            NoPeerAuditor => "aucun auditeur n'a le rôle « pair »".into(),
            NonconformityWithoutFacts { id } => {
                format!("la non-conformité sur « {id} » n'a pas d'observations")
            }
            AuditorNotApplicableForbidden { id } => {
                format!("le critère « {id} » ne peut pas être constaté non concerné")
            }
            AuditorNotApplicableUnjustified { id } => {
                format!("« {id} » est constaté non concerné sans justification")
            }
            LiftingBeforeEnd { id, date, end } => {
                format!("la levée de « {id} » est datée du {date}, avant la fin de l'audit ({end})")
            }
            DecisionWithoutDate => "la décision de la commission n'a pas de date".into(),
            DecisionBeforeEnd { date, end } => {
                format!("la décision est datée du {date}, avant la fin de l'audit ({end})")
            }
            NoProposal { count, .. } => {
                let criteria =
                    crate::french::plural(*count, "critère applicable", "critères applicables");
                format!("audit incomplet, {criteria} sans constat : aucune proposition de décision")
            }
            PastAuditNotOlder { end, start } => format!(
                "cet audit passé s'achève le {end}, pas avant le début de audit.yaml ({start})"
            ),
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
            NoWorkspaceReferentials { folder } => format!(
                "l'espace de travail n'a pas de dossier de référentiels « {folder} » : aucun référentiel à vérifier"
            ),
            SpecialFile => {
                "pas un fichier ordinaire (tube, périphérique…) : il n'est pas lu".into()
            }
            LinkedFileOutside => {
                "lien symbolique vers l'extérieur du dossier : le fichier n'est pas lu".into()
            }
            WriteThroughLink => {
                "écriture refusée : label n'écrit jamais à travers un lien symbolique".into()
            }
            StructureFileSkipped => {
                "fichier de structure, pas un référentiel : label lint ne le lit pas".into()
            }
            PlanNotExtendable { detail } => detail.clone(),
            InvalidReferential { shown } => format!("le référentiel {shown} contient des erreurs"),
            UnknownCode { code, .. } => format!("code de diagnostic inconnu « {code} »"),
            CodeNotIgnorable { code, severity } => format!(
                "« {code} » est une {severity} : seuls les avertissements peuvent être ignorés"
            ),
            Sheet(finding) => finding.message(),
            Version(finding) => finding.message(),
            EmbeddedReferentials { list } => format!(
                "aucun dossier de référentiels dans l'espace de travail : référentiels intégrés à l'outil utilisés ({list})"
            ),
        }
    }
}

/// Identifiers are ASCII: a letter that only looks like one (Cyrillic О,
/// fullwidth Ｇ) or an invisible character is named with its code point,
/// since the id on screen looks right.
fn look_alike(id: &str) -> String {
    let mut odd: Vec<String> = Vec::new();
    for c in id.chars().filter(|c| !c.is_ascii()) {
        let named = format!("U+{:04X}", u32::from(c));
        if !odd.contains(&named) {
            odd.push(named);
        }
    }
    if odd.is_empty() {
        String::new()
    } else {
        format!(" (caractère non ASCII : {})", odd.join(", "))
    }
}
