//! The forms of identifiers (§4.2): stable codes people type and diff.

pub const REFERENTIAL_RULE: &str =
    "minuscules, chiffres et tirets, sans tiret au début ni à la fin (ex. missions-locales)";
pub const PRINCIPLE_RULE: &str = "majuscules et chiffres, commençant par une lettre (ex. GOUV)";
pub const CRITERION_RULE: &str =
    "majuscules, chiffres et tirets, commençant par une lettre (ex. GOUV-01)";

/// `missions-locales`, `ml-pays-de-vitre`: also the form of structure ids.
pub fn is_referential_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// `GOUV`
pub fn is_principle_id(id: &str) -> bool {
    id.bytes().next().is_some_and(|b| b.is_ascii_uppercase())
        && id
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// `GOUV-01`
pub fn is_criterion_id(id: &str) -> bool {
    id.bytes().next().is_some_and(|b| b.is_ascii_uppercase())
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_forms() {
        assert!(is_referential_id("missions-locales"));
        assert!(!is_referential_id("Missions-locales"));
        assert!(!is_referential_id("missions--locales"));
        assert!(!is_referential_id("-x"));
        assert!(is_principle_id("GOUV2"));
        assert!(!is_principle_id("2GOUV"));
        assert!(!is_principle_id("GOUV-A"));
        assert!(is_criterion_id("GOUV-01"));
        assert!(!is_criterion_id("GOUV-"));
        assert!(!is_criterion_id("gouv-01"));
    }
}
