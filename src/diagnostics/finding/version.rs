//! The findings on referential versions (VER…): `correspondances` checked
//! by `label lint`, answers to review, and `label migrate`; their codes and
//! French wording.

use super::super::Code;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VersionFinding {
    PreviousVersionNotFound {
        id: String,
        version: String,
    },
    UnknownTarget {
        id: String,
        suggestion: Option<String>,
    },
    MappedTwice {
        id: String,
    },
    RenameCycle {
        cycle: String,
    },
    SinceNotOlder {
        since: String,
        version: String,
    },
    OldIdUnaccounted {
        id: String,
        since: String,
    },
    UnknownOldId {
        id: String,
        since: String,
        suggestion: Option<String>,
    },
    IdReused {
        id: String,
    },
    TargetTwice {
        id: String,
    },
    TargetTaken {
        id: String,
        since: String,
    },
    ToReview {
        id: String,
    },
    MigrateBackwards {
        from: String,
        to: String,
    },
    /// `label diff NEW OLD`: the arguments the wrong way round (VER014).
    DiffBackwards {
        old: String,
        new: String,
    },
    MigrateNotEditable {
        detail: String,
    },
    MigrateInvalid {
        file: String,
    },
    MigratedInvalid {
        detail: String,
    },
}

impl VersionFinding {
    pub fn code(&self) -> Code {
        use VersionFinding::*;
        match self {
            PreviousVersionNotFound { .. } => Code::Ver001,
            UnknownTarget { .. } => Code::Ver002,
            MappedTwice { .. } => Code::Ver003,
            RenameCycle { .. } => Code::Ver004,
            SinceNotOlder { .. } => Code::Ver005,
            OldIdUnaccounted { .. } => Code::Ver006,
            UnknownOldId { .. } => Code::Ver007,
            IdReused { .. } | TargetTwice { .. } | TargetTaken { .. } => Code::Ver008,
            ToReview { .. } => Code::Ver009,
            MigrateBackwards { .. } => Code::Ver010,
            DiffBackwards { .. } => Code::Ver014,
            MigrateNotEditable { .. } => Code::Ver011,
            MigrateInvalid { .. } => Code::Ver012,
            MigratedInvalid { .. } => Code::Ver013,
        }
    }

    pub fn message(&self) -> String {
        use VersionFinding::*;
        match self {
            PreviousVersionNotFound { id, version } => format!(
                "version précédente « {id} » {version} introuvable : les correspondances ne peuvent pas être vérifiées"
            ),
            UnknownTarget { id, .. } => {
                format!("correspondance vers « {id} », critère absent de cette version")
            }
            MappedTwice { id } => {
                format!("l'ancien critère « {id} » est mis en correspondance deux fois")
            }
            RenameCycle { cycle } => format!("cycle de renommages : {cycle}"),
            SinceNotOlder { since, version } => format!(
                "« depuis » vaut {since}, qui n'est pas antérieure à cette version ({version})"
            ),
            OldIdUnaccounted { id, since } => {
                format!("le critère « {id} » de la version {since} a disparu sans correspondance")
            }
            UnknownOldId { id, since, .. } => {
                format!("« {id} » n'est pas un critère de la version {since}")
            }
            IdReused { id } => format!(
                "l'identifiant « {id} » quitte son critère mais désigne encore un critère de cette version"
            ),
            TargetTwice { id } => format!("« {id} » est la cible de plusieurs correspondances"),
            TargetTaken { id, since } => format!(
                "« {id} » désigne encore le critère « {id} » de la version {since} : un autre critère ne peut pas y être mené"
            ),
            ToReview { id } => {
                format!("réponse « {id} » à revoir : son critère a changé avec la nouvelle version")
            }
            DiffBackwards { old, new } => format!(
                "la version « ancienne » ({old}) est plus récente que la « nouvelle » ({new}) : les ajouts se lisent comme des suppressions"
            ),
            MigrateBackwards { from, to } => format!(
                "migration refusée : la structure est en version {from}, plus récente que {to}"
            ),
            MigrateNotEditable { detail } => {
                format!("migration impossible sans réécrire le texte : {detail}")
            }
            MigrateInvalid { file } => {
                format!("structure non migrée : {file} contient des erreurs")
            }
            MigratedInvalid { detail } => {
                format!("le fichier migré ne serait pas valide : rien n'est écrit ({detail})")
            }
        }
    }

    pub fn help(&self) -> Option<String> {
        use VersionFinding::*;
        match self {
            PreviousVersionNotFound { .. } => Some("rangez la version précédente sous referentiels/<referentiel>/<version>.yaml, ou corrigez « depuis »".into()),
            UnknownTarget { suggestion: Some(s), .. } | UnknownOldId { suggestion: Some(s), .. } => Some(format!("vouliez-vous dire « {s} » ?")),
            UnknownTarget { .. } => Some("une correspondance mène vers un critère de cette version".into()),
            UnknownOldId { .. } => Some("à gauche, les identifiants de la version précédente".into()),
            MappedTwice { .. } => Some("un ancien critère a un seul devenir : renommé, scindé, fusionné ou supprimé".into()),
            RenameCycle { .. } => Some("un identifiant publié ne change jamais de sens : donnez au critère un identifiant neuf".into()),
            SinceNotOlder { .. } => Some("« depuis » nomme la version que celle-ci remplace, par exemple 1.0.0 pour 1.1.0".into()),
            OldIdUnaccounted { .. } => Some("ajoutez-le sous renomme, scinde, fusionne ou supprime (avec la raison)".into()),
            IdReused { .. } => Some("un identifiant publié ne change jamais de sens : donnez un identifiant neuf au nouveau critère".into()),
            TargetTwice { .. } | TargetTaken { .. } => Some("pour réunir plusieurs critères en un, utilisez « fusionne » ; sinon donnez un identifiant neuf au nouveau critère".into()),
            ToReview { .. } => Some("le critère a été scindé ou fusionné, ou ne permet plus « non concerné » : relisez niveau, commentaire et preuves, puis retirez « a_revoir: true »".into()),
            DiffBackwards { .. } => Some("donnez d'abord la version la plus ancienne : label diff ID@ANCIENNE ID@NOUVELLE".into()),
            MigrateBackwards { .. } => Some("une structure ne revient jamais à une version plus ancienne ; rien n'a été écrit".into()),
            MigrateNotEditable { .. } => Some("écrivez la valeur en bloc (une clé par ligne), puis relancez label migrate ; rien n'a été écrit".into()),
            MigrateInvalid { .. } => Some("corrigez d'abord ces erreurs (label validate), puis relancez label migrate".into()),
            MigratedInvalid { .. } => Some("pour audit.yaml, migrez sans --audits (l'audit reste l'historique de sa version) ; sinon corrigez d'abord le fichier".into()),
        }
    }
}
