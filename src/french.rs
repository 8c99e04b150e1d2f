//! Small rules of written French shared by every message.

/// « 1 écart majeur », « 6 écarts mineurs »: 0 and 1 take the singular.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    if n <= 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

/// An I/O failure told in French, with the system's error number for
/// whoever must dig further.
pub fn io_reason(error: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    let reason = match error.kind() {
        _ if is_link_loop(error) => "boucle de liens symboliques",
        NotFound => "fichier ou dossier introuvable",
        PermissionDenied => "permission refusée",
        AlreadyExists => "le fichier existe déjà",
        StorageFull => "plus de place sur le disque",
        ReadOnlyFilesystem => "système de fichiers en lecture seule",
        BrokenPipe => "la sortie a été fermée",
        IsADirectory => "c'est un dossier",
        NotADirectory => "ce n'est pas un dossier",
        InvalidData => "données invalides",
        Interrupted => "opération interrompue",
        OutOfMemory => "mémoire insuffisante",
        FileTooLarge => "fichier trop grand",
        InvalidFilename => "nom de fichier invalide",
        DirectoryNotEmpty => "dossier non vide",
        CrossesDevices => "déplacement entre deux systèmes de fichiers",
        TooManyLinks => "trop de liens",
        ResourceBusy => "ressource occupée",
        WouldBlock => "l'opération bloquerait",
        _ => "erreur d'entrée-sortie",
    };
    match error.raw_os_error() {
        Some(code) => format!("{reason} (erreur système {code})"),
        None => reason.to_string(),
    }
}

/// ELOOP: too many levels of symbolic links (`ErrorKind::FilesystemLoop`
/// is not stable yet).
pub fn is_link_loop(error: &std::io::Error) -> bool {
    cfg!(target_os = "linux") && error.raw_os_error() == Some(40)
        || cfg!(target_os = "macos") && error.raw_os_error() == Some(62)
}

#[cfg(test)]
mod tests {
    use super::plural;

    #[test]
    fn zero_and_one_are_singular() {
        assert_eq!(plural(0, "écart", "écarts"), "0 écart");
        assert_eq!(plural(1, "écart", "écarts"), "1 écart");
        assert_eq!(plural(6, "écart", "écarts"), "6 écarts");
    }
}
