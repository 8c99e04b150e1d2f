//! Command-line mistakes explained in French (clap's own messages are in
//! English).

use clap::error::{ContextKind, ContextValue, ErrorKind};

/// Refuses a combination of options that clap cannot express (exit 2).
pub fn refuse(message: &str) -> u8 {
    super::out::eprint(&format!(
        "erreur : {message}\n\nPour l'aide : label --help\n"
    ));
    2
}

/// The French message for a misuse of the command line.
pub fn french(error: &clap::Error) -> String {
    let get = |kind: ContextKind| match error.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let suggestion = match (
        get(ContextKind::SuggestedSubcommand),
        get(ContextKind::SuggestedArg),
    ) {
        (s, _) if !s.is_empty() => format!(
            "\n  vouliez-vous dire « {} » ?",
            s.replace(", ", " » ou « ")
        ),
        (_, a) if !a.is_empty() => format!("\n  vouliez-vous dire « {a} » ?"),
        _ => String::new(),
    };
    let message = match error.kind() {
        ErrorKind::InvalidValue => {
            let valid = get(ContextKind::ValidValue);
            let valid = if valid.is_empty() {
                String::new()
            } else {
                format!(" ; valeurs permises : {valid}")
            };
            format!(
                "valeur « {} » invalide pour {}{valid}",
                get(ContextKind::InvalidValue),
                get(ContextKind::InvalidArg)
            )
        }
        ErrorKind::ValueValidation => {
            // Our own validators explain the expected form in French.
            let why = std::error::Error::source(error)
                .map(|e| format!(" : {e}"))
                .unwrap_or_default();
            format!(
                "valeur « {} » mal formée pour {}{why}",
                get(ContextKind::InvalidValue),
                get(ContextKind::InvalidArg)
            )
        }
        ErrorKind::UnknownArgument => format!(
            "argument inconnu « {} »{suggestion}",
            get(ContextKind::InvalidArg)
        ),
        ErrorKind::InvalidSubcommand => format!(
            "commande inconnue « {} »{suggestion}",
            get(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::MissingRequiredArgument => format!(
            "argument obligatoire manquant : {}",
            get(ContextKind::InvalidArg)
        ),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "indiquez une commande ; leur liste : label help".to_string()
        }
        ErrorKind::ArgumentConflict
            if get(ContextKind::InvalidArg) == get(ContextKind::PriorArg) =>
        {
            format!(
                "{} ne peut être donné qu'une fois",
                get(ContextKind::InvalidArg)
            )
        }
        ErrorKind::ArgumentConflict => format!(
            "{} ne peut pas être utilisé avec {}",
            get(ContextKind::InvalidArg),
            get(ContextKind::PriorArg)
        ),
        ErrorKind::TooManyValues => {
            format!("trop de valeurs pour {}", get(ContextKind::InvalidArg))
        }
        ErrorKind::InvalidUtf8 => "un argument n'est pas du texte UTF-8 valide".to_string(),
        ErrorKind::NoEquals => format!(
            "valeur attendue après « = » pour {}",
            get(ContextKind::InvalidArg)
        ),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!(
                "nombre de valeurs incorrect pour {}",
                get(ContextKind::InvalidArg)
            )
        }
        // Every kind a user can meet has its French wording above; any
        // other is reported without clap's English text.
        _ => "ligne de commande invalide".to_string(),
    };
    format!("erreur : {message}\n\nPour l'aide : label --help\n")
}
