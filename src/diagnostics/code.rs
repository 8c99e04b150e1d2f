//! Stable diagnostic codes. A code never changes meaning; each one is
//! documented in `docs/diagnostics.md`.

use std::fmt;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
    /// Information that changes how a result must be read (e.g. the
    /// embedded referentials were used); never fails a run.
    Note,
}

impl Severity {
    /// French word shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "erreur",
            Severity::Warning => "avertissement",
            Severity::Note => "remarque",
        }
    }

    /// Stable English keyword used by machine formats (§5.2).
    pub fn keyword(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

macro_rules! codes {
    ($($variant:ident = $text:literal, $severity:ident, $title:literal;)*) => {
        /// A stable diagnostic code (`REF001`…).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code { $($variant),* }

        impl Code {
            /// Every code, in documentation order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $text),* }
            }

            /// Default severity; `--deny-warnings` raises warnings to errors.
            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity),* }
            }

            /// Short French title, used as the rule name in SARIF and docs.
            pub fn title(self) -> &'static str {
                match self { $(Code::$variant => $title),* }
            }
        }
    };
}

codes! {
    Yaml001 = "YAML001", Error, "syntaxe YAML invalide";
    Yaml002 = "YAML002", Error, "clé en double";
    Yaml003 = "YAML003", Error, "limite de sécurité dépassée";
    Yaml004 = "YAML004", Error, "fichier non encodé en UTF-8";
    Yaml005 = "YAML005", Error, "fichier vide";
    Sch001 = "SCH001", Error, "clé inconnue";
    Sch002 = "SCH002", Error, "champ obligatoire manquant";
    Sch003 = "SCH003", Error, "type de valeur incorrect";
    Sch004 = "SCH004", Error, "valeur non autorisée";
    Sch005 = "SCH005", Error, "date invalide";
    Ref001 = "REF001", Error, "identifiant en double";
    Ref002 = "REF002", Error, "identifiant mal formé";
    Ref003 = "REF003", Error, "version non conforme à semver";
    Ref004 = "REF004", Error, "identifiant ou version ne correspondant pas à l'emplacement du fichier";
    Ref005 = "REF005", Error, "échelle de niveaux invalide";
    Ref006 = "REF006", Error, "niveau attendu absent de l'échelle";
    Ref007 = "REF007", Error, "principe sans critère";
    Ref008 = "REF008", Error, "renvoi vers un critère inexistant";
    Ref009 = "REF009", Error, "texte obligatoire vide";
    Ref010 = "REF010", Error, "règle de décision hors bornes";
    Ref011 = "REF011", Error, "référentiel sans principe";
    Ref012 = "REF012", Warning, "fichier ignoré dans principes/";
    Ref013 = "REF013", Error, "niveau cité absent de l'échelle";
    Ref014 = "REF014", Error, "type de structure non couvert par le référentiel";
    Ref101 = "REF101", Warning, "critère sans preuve attendue";
    Ref102 = "REF102", Warning, "critère sans question d'audit";
    Ref103 = "REF103", Warning, "critère sans indicateur";
    Ref104 = "REF104", Warning, "critère qui renvoie à lui-même";
    Ref105 = "REF105", Warning, "identifiant de critère hors de son principe";
    Ref106 = "REF106", Warning, "niveau de l'échelle sans description";
    Ref201 = "REF201", Error, "aucun référentiel sous ce chemin";
    Ref202 = "REF202", Note, "fichier de structure ignoré par label lint";
    Str001 = "STR001", Error, "référentiel ou version introuvable";
    Str002 = "STR002", Error, "fichiers d'une structure sur des versions différentes";
    Str003 = "STR003", Error, "type de structure non couvert par le référentiel";
    Str004 = "STR004", Error, "même structure dans deux dossiers";
    Str005 = "STR005", Error, "aucune structure trouvée";
    Str006 = "STR006", Error, "identifiant de structure différent entre fichiers";
    Str007 = "STR007", Error, "référentiel invalide";
    Crt001 = "CRT001", Error, "critère inconnu du référentiel";
    Auto001 = "AUTO001", Error, "niveau absent de l'échelle";
    Auto002 = "AUTO002", Error, "niveau et non_concerne ensemble";
    Auto003 = "AUTO003", Error, "non_concerne interdit pour ce critère";
    Auto004 = "AUTO004", Error, "justification de non_concerne vide";
    Auto005 = "AUTO005", Warning, "réponse à un critère qui ne s'applique pas à ce type de structure";
    Auto006 = "AUTO006", Warning, "niveau attendu atteint sans commentaire ni preuve";
    Auto007 = "AUTO007", Warning, "autoévaluation datée de plus de 12 mois";
    Prv001 = "PRV001", Error, "preuve hors du dossier de la structure";
    Prv002 = "PRV002", Warning, "fichier de preuve introuvable";
    Plan001 = "PLAN001", Warning, "échéance dépassée";
    Plan002 = "PLAN002", Warning, "action sans critère";
    Plan003 = "PLAN003", Warning, "action sans responsable";
    Plan004 = "PLAN004", Warning, "action sans échéance";
    Plan005 = "PLAN005", Error, "plan impossible à compléter sans réécrire le texte";
    Aud001 = "AUD001", Error, "fin d'audit avant son début";
    Aud002 = "AUD002", Error, "aucun auditeur certifié";
    Aud003 = "AUD003", Warning, "critères applicables sans constat";
    Aud004 = "AUD004", Error, "moins de deux auditeurs";
    Aud005 = "AUD005", Error, "aucun auditeur pair";
    Aud006 = "AUD006", Error, "non-conformité sans observations";
    Aud007 = "AUD007", Error, "non_concerne d'auditeur interdit pour ce critère";
    Aud008 = "AUD008", Error, "non_concerne d'auditeur sans justification";
    Aud009 = "AUD009", Error, "levée datée avant la fin de l'audit";
    Aud010 = "AUD010", Error, "décision sans date";
    Aud011 = "AUD011", Error, "décision datée avant la fin de l'audit";
    Aud012 = "AUD012", Error, "audit incomplet : aucune proposition";
    Aud013 = "AUD013", Error, "audit passé plus récent que audit.yaml";
    Fs001 = "FS001", Error, "chemin introuvable";
    Fs002 = "FS002", Warning, "boucle de liens symboliques";
    Fs003 = "FS003", Error, "fichier illisible";
    Fs004 = "FS004", Warning, "lien symbolique vers l'extérieur ignoré";
    Fs005 = "FS005", Warning, "lien symbolique cassé";
    Fs006 = "FS006", Error, "écriture impossible";
    Fs007 = "FS007", Error, "fichier déjà présent";
    Fs008 = "FS008", Error, "fichier spécial refusé";
    Fs009 = "FS009", Error, "fichier lié hors du dossier, non lu";
    Fs010 = "FS010", Error, "écriture à travers un lien refusée";
    Cfg001 = "CFG001", Error, "label.toml : syntaxe TOML invalide";
    Cfg002 = "CFG002", Error, "label.toml : clé inconnue";
    Cfg003 = "CFG003", Error, "label.toml : type de valeur incorrect";
    Cfg004 = "CFG004", Error, "label.toml : dossier introuvable";
    Cfg005 = "CFG005", Note, "référentiels intégrés à l'outil utilisés";
    Cli001 = "CLI001", Error, "code de diagnostic inconnu";
    Cli002 = "CLI002", Error, "seuls les avertissements peuvent être ignorés";
    Tab001 = "TAB001", Error, "tableur illisible";
    Tab002 = "TAB002", Error, "colonne absente de l'en-tête du tableur";
    Tab003 = "TAB003", Error, "ligne du tableur sans critère de la structure";
    Tab004 = "TAB004", Error, "critère sur deux lignes du tableur";
    Tab005 = "TAB005", Error, "niveau illisible dans le tableur";
    Tab006 = "TAB006", Error, "réponse du tableur refusée par les règles de l'autoévaluation";
    Tab007 = "TAB007", Error, "réponse du tableur impossible à écrire sans réécrire autoevaluation.yaml";
    Tab008 = "TAB008", Error, "formule dans une cellule lue par l'import";
    Tab009 = "TAB009", Error, "tableur exporté d'une autre structure";
    Ver001 = "VER001", Error, "version précédente introuvable";
    Ver002 = "VER002", Error, "correspondance vers un critère inexistant";
    Ver003 = "VER003", Error, "ancien critère mis en correspondance deux fois";
    Ver004 = "VER004", Error, "cycle de renommages";
    Ver005 = "VER005", Error, "version précédente pas plus ancienne";
    Ver006 = "VER006", Error, "ancien critère sans correspondance";
    Ver007 = "VER007", Error, "ancien critère absent de la version précédente";
    Ver008 = "VER008", Error, "identifiant réemployé pour une autre exigence";
    Ver009 = "VER009", Warning, "réponse à revoir après migration";
    Ver010 = "VER010", Error, "migration vers une version plus ancienne";
    Ver011 = "VER011", Error, "migration impossible sans réécrire le texte";
    Ver012 = "VER012", Error, "structure non migrée : fichiers en erreur";
    Ver013 = "VER013", Error, "fichier migré invalide : rien n'est écrit";
    Ver014 = "VER014", Note, "différences lues à rebours : l'ancienne version est la plus récente";
}

impl Code {
    /// Codes that mean the command could not run on some input (exit 2).
    pub fn is_fatal(self) -> bool {
        matches!(
            self,
            Code::Fs001
                | Code::Fs003
                | Code::Fs006
                | Code::Fs007
                | Code::Fs008
                | Code::Fs010
                | Code::Plan005
                | Code::Str007
                | Code::Ref201
                | Code::Cfg001
                | Code::Cfg002
                | Code::Cfg003
                | Code::Cfg004
                | Code::Cli001
                | Code::Cli002
        )
    }

    /// Looks a code up by its text, e.g. for the documentation test.
    pub fn parse(text: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| c.as_str() == text)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
