//! Keywords of the file formats (`publie`, `nc_mineure`…): each enum and its
//! words are declared once, and the models, the schema tables and the
//! messages all read the same table.

/// Declares a keyword enum: the variants with their word in the files, and
/// `KEYWORDS`, `from_keyword`, `keyword`.
#[macro_export]
macro_rules! keywords {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $word:literal, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )*
        }

        impl $name {
            /// Every word, in declaration order (the schema's `enum`).
            pub const KEYWORDS: &'static [&'static str] = &[$($word),*];

            pub fn from_keyword(word: &str) -> Option<Self> {
                match word {
                    $( $word => Some(Self::$variant), )*
                    _ => None,
                }
            }

            /// The word written in files and machine outputs.
            // Not every enum is written back (yet): no warning for those.
            #[allow(dead_code)]
            pub fn keyword(self) -> &'static str {
                match self {
                    $( Self::$variant => $word, )*
                }
            }
        }
    };
}

// The keywords of the file formats, below every model that uses them
// (the domain modules re-export them) and the schema tables.

keywords! {
    /// Statut of a referential version.
    pub enum Status {
        Draft = "brouillon",
        Published = "publie",
        Withdrawn = "retire",
    }
}

keywords! {
    /// Type of structure: mission locale, ARML or UNML.
    pub enum StructureType {
        MissionLocale = "mission-locale",
        Arml = "arml",
        Unml = "unml",
    }
}

keywords! {
    /// Statut of an action.
    pub enum ActionStatus {
        ToDo = "a_faire",
        InProgress = "en_cours",
        Done = "realisee",
        Abandoned = "abandonnee",
    }
}

keywords! {
    /// Origine of an action.
    pub enum Origin {
        SelfAssessment = "autoevaluation",
        Audit = "audit",
    }
}

keywords! {
    /// Type of audit.
    pub enum AuditKind {
        Initial = "initial",
        Surveillance = "surveillance",
        Renewal = "renouvellement",
    }
}

keywords! {
    /// Rôle of an auditor: certified, or a peer from the network.
    pub enum AuditorRole {
        Certified = "certifie",
        Peer = "pair",
    }
}

keywords! {
    /// Résultat of a finding.
    pub enum AuditResult {
        Conform = "conforme",
        MinorNonconformity = "nc_mineure",
        MajorNonconformity = "nc_majeure",
        NotApplicable = "non_concerne",
    }
}

keywords! {
    /// Avis of the national commission.
    pub enum Opinion {
        Labelled = "labellise",
        Postponed = "ajourne",
        Refused = "refuse",
    }
}

#[cfg(test)]
mod tests {
    keywords! {
        enum Colour {
            Red = "rouge",
            Light = "bleu_clair",
        }
    }

    #[test]
    fn words_round_trip() {
        assert_eq!(Colour::KEYWORDS, ["rouge", "bleu_clair"]);
        for word in Colour::KEYWORDS {
            let colour = Colour::from_keyword(word).map(Colour::keyword);
            assert_eq!(colour, Some(*word));
        }
        assert_eq!(Colour::from_keyword("Rouge"), None);
        assert_eq!(Colour::Light.keyword(), "bleu_clair");
    }
}
