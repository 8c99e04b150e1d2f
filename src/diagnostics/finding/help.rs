//! The French hint of each finding, when there is one worth giving.

use super::Finding;

impl Finding {
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
            MissingFindings { ids, .. } | NoProposal { ids, .. } => Some(format!("sans constat : {ids}")),
            TooFewAuditors { .. } | NoPeerAuditor => Some("l'audit associe un auditeur certifié (role: certifie) et un pair du réseau (role: pair)".into()),
            NonconformityWithoutFacts { .. } => Some("décrivez sous « observations » les faits constatés : ce que la structure lira et devra corriger".into()),
            AuditorNotApplicableForbidden { .. } => Some("le référentiel ne prévoit pas non_concerne pour ce critère : constatez conforme, nc_mineure ou nc_majeure".into()),
            AuditorNotApplicableUnjustified { .. } => Some("expliquez sous « justification » pourquoi le critère ne s'applique pas".into()),
            LiftingBeforeEnd { .. } => Some("une non-conformité se lève après l'audit qui l'a constatée : vérifiez la date".into()),
            PastAuditNotOlder { .. } => Some("audit.yaml est le dernier audit ; rangez les précédents sous audits/ (vérifiez les dates)".into()),
            DecisionWithoutDate => Some("indiquez sous « date » le jour de la décision (AAAA-MM-JJ) : le cycle du label en part".into()),
            DecisionBeforeEnd { .. } => Some("la commission décide après l'audit : vérifiez la date".into()),
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
            UnknownCode { suggestion: Some(s), .. } => Some(format!("vouliez-vous dire « {s} » ?")),
            UnknownCode { .. } => Some("la liste des codes est dans docs/diagnostics.md".into()),
            CodeNotIgnorable { .. } => Some(
                "une erreur se corrige dans le fichier ; une remarque ne fait jamais échouer une commande".into(),
            ),
            InvalidReferential { shown } => Some(format!("lancez « label lint {shown} »")),
            Version(finding) => finding.help(),
            NoWorkspaceReferentials { .. } => Some(
                "indiquez le chemin d'un référentiel (label lint chemin/1.0.0.yaml) ; sans ce dossier, validate et evaluate utilisent les référentiels intégrés à l'outil".into(),
            ),
            SpecialFile => Some("donnez le chemin d'un fichier ordinaire (ni tube, ni périphérique, ni socket)".into()),
            LinkedFileOutside => Some("copiez le fichier dans le dossier au lieu d'un lien".into()),
            WriteThroughLink => Some("remplacez le lien par un fichier ou un dossier ordinaire".into()),
            StructureFileSkipped => Some("vérifiez-le avec « label validate »".into()),
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
            Sheet(finding) => finding.help(),
            _ => None,
        }
    }
}
