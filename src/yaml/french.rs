//! The YAML parser speaks English; users read French. Known messages are
//! translated by their beginning; any other becomes a plain French phrase,
//! never English.

const MESSAGES: &[(&str, &str)] = &[
    ("unclosed quote", "guillemet non fermé"),
    ("unclosed bracket", "crochet ou accolade non fermé"),
    (
        "mismatched bracket",
        "crochet ou accolade fermé par le mauvais signe",
    ),
    ("misplaced bracket", "crochet ou accolade mal placé"),
    (
        "mapping values are not allowed",
        "deux-points inattendu à cet endroit (une valeur contenant « : » s'écrit entre guillemets)",
    ),
    (
        "mapping keys are not allowed",
        "clé inattendue à cet endroit",
    ),
    (
        "block sequence entries are not allowed",
        "tiret de liste inattendu à cet endroit (vérifiez l'indentation)",
    ),
    (
        "while scanning a plain scalar, found a tab",
        "tabulation dans une valeur : utilisez des espaces",
    ),
    (
        "tab cannot be used as indentation",
        "tabulation dans l'indentation : utilisez des espaces",
    ),
    (
        "tabs disallowed",
        "tabulation interdite ici : utilisez des espaces",
    ),
    (
        "a block scalar content cannot start with a tab",
        "un texte sur plusieurs lignes ne peut pas commencer par une tabulation",
    ),
    (
        "':' must be followed by a valid YAML whitespace",
        "« : » doit être suivi d'une espace",
    ),
    (
        "'-' must be followed by a valid YAML whitespace",
        "« - » doit être suivi d'une espace",
    ),
    (
        "':' may not precede",
        "« : » mal placé dans une liste ou un dictionnaire sur une ligne",
    ),
    ("illegal placement of ':'", "« : » mal placé"),
    ("invalid indentation", "indentation incohérente"),
    (
        "wrongly indented line in block scalar",
        "ligne mal indentée dans un texte sur plusieurs lignes",
    ),
    (
        "invalid trailing content after",
        "texte inattendu après la fin des guillemets",
    ),
    (
        "while parsing a quoted scalar, found unknown escape",
        "séquence d'échappement inconnue entre guillemets (écrivez « \\\\ » pour une barre oblique inverse)",
    ),
    (
        "while parsing a quoted scalar",
        "caractère invalide entre guillemets",
    ),
    (
        "plain scalar cannot start with '-'",
        "une valeur ne peut pas commencer par « - » suivi de « , [ ] { } »",
    ),
    ("unexpected end of plain scalar", "fin de valeur inattendue"),
    (
        "while parsing a block mapping, did not find expected key",
        "clé attendue : vérifiez l'indentation de cette ligne",
    ),
    (
        "while parsing a block collection, did not find expected '-'",
        "élément de liste « - » attendu : vérifiez l'indentation",
    ),
    ("while parsing a flow mapping", "« , » ou « } » attendu"),
    ("while parsing a flow sequence", "« , » ou « ] » attendu"),
    (
        "while parsing a node, did not find expected node content",
        "valeur attendue",
    ),
    ("unexpected eof", "fin de fichier inattendue"),
    ("unexpected EOF", "fin de fichier inattendue"),
    ("simple key expected ':'", "« : » attendu après la clé"),
    (
        "simple key is no longer valid",
        "clé trop longue ou coupée par un retour à la ligne",
    ),
    (
        "comments must be separated",
        "un commentaire « # » doit être précédé d'une espace",
    ),
    (
        "comment intercepting the multiline text",
        "commentaire au milieu d'un texte sur plusieurs lignes",
    ),
    (
        "multiple documents not supported",
        "un seul document YAML par fichier (retirez le second « --- »)",
    ),
    (
        "invalid content after document end marker",
        "texte après la fin du document (« ... »)",
    ),
    (
        "a BOM must not appear inside a document",
        "marque d'ordre des octets (BOM) au milieu du fichier",
    ),
    (
        "while parsing node, found unknown anchor",
        "alias sans ancre correspondante",
    ),
    ("unknown anchor", "alias sans ancre correspondante"),
    ("invalid encoding", "encodage invalide"),
    ("expected whitespace", "espace attendue"),
    ("unexpected character", "caractère inattendu"),
    ("recursion limit exceeded", "imbrication trop profonde"),
    (
        "while parsing anchor, anchor count exceeded",
        "trop d'ancres",
    ),
];

/// What an unknown message becomes.
pub const GENERIC: &str = "structure YAML invalide à cet endroit";

/// The French wording of a parser message.
pub fn french(message: &str) -> String {
    let found = MESSAGES
        .iter()
        .find(|(english, _)| message.starts_with(english))
        .map(|(_, french)| *french);
    found.unwrap_or(GENERIC).to_string()
}

#[cfg(test)]
mod tests {
    use super::french;

    #[test]
    fn parser_messages_come_out_in_french() {
        assert_eq!(french("unclosed quote"), "guillemet non fermé");
        assert!(
            french("mapping values are not allowed in this context").starts_with("deux-points")
        );
        assert_eq!(
            french("some new message"),
            "structure YAML invalide à cet endroit"
        );
    }
}
