//! Writing a user's file safely: atomically (a crash leaves the old file or
//! the new one, never half of one) and never through a read-only mark.

use std::fs;
use std::io::Write;
use std::path::Path;

/// Why a file was not written; nothing was changed in every case.
#[derive(Debug)]
pub enum WriteError {
    ReadOnlyFile,
    ReadOnlyFolder,
    /// The file, or a folder on its way, is a symbolic link: never written
    /// through (its target may be anywhere).
    Link,
    /// A device, a FIFO or a socket (`-o /dev/null`): never replaced by a
    /// regular file.
    NotRegular,
    Io(std::io::Error),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::ReadOnlyFile => f.write_str("le fichier est en lecture seule"),
            WriteError::ReadOnlyFolder => f.write_str("le dossier est en lecture seule"),
            WriteError::Link => f.write_str("le chemin passe par un lien symbolique"),
            WriteError::NotRegular => {
                f.write_str("ce n'est pas un fichier ordinaire (périphérique, tube ou socket)")
            }
            WriteError::Io(e) => f.write_str(&crate::french::io_reason(e)),
        }
    }
}

/// Whether `write_atomically` would refuse `path` (a link, a read-only
/// mark): a command writing several files asks for each before it writes
/// any, so that it writes all of them or none.
pub fn check_writable(path: &Path) -> Result<(), WriteError> {
    refuse_link(path)?;
    if is_read_only(folder_of(path)) {
        return Err(WriteError::ReadOnlyFolder);
    }
    if fs::metadata(path).is_ok_and(|m| m.permissions().readonly()) {
        return Err(WriteError::ReadOnlyFile);
    }
    Ok(())
}

fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Replaces (or creates) `path` with `text`. Read-only marks are honoured
/// even for an administrator, who could otherwise write through them.
pub fn write_atomically(path: &Path, text: impl AsRef<[u8]>) -> Result<(), WriteError> {
    check_writable(path)?;
    let folder = folder_of(path);
    let existing = fs::metadata(path).ok();
    remove_stale_temporaries(folder);
    let mut temp = temporary(folder).map_err(WriteError::Io)?;
    temp.write_all(text.as_ref())
        .and_then(|_| temp.as_file().sync_all())
        .map_err(WriteError::Io)?;
    if let Some(meta) = existing {
        fs::set_permissions(temp.path(), meta.permissions()).map_err(WriteError::Io)?;
    }
    temp.persist(path).map_err(|e| WriteError::Io(e.error))?;
    sync_folder(folder);
    Ok(())
}

/// The temporary copy, beside the file it will replace. A new file gets
/// the usual mode (`0666` less the umask, as any program creating a file),
/// not the `0600` of a private temporary file: a report written with `-o`
/// is meant to be read by others.
fn temporary(folder: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(folder)
}

/// A device, a FIFO or a socket named by a person (`-o /dev/null`) is
/// never replaced by a regular file; the tool's own generated files may
/// replace one left in their place.
pub fn refuse_special(path: &Path) -> Result<(), WriteError> {
    if fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
        return Err(WriteError::NotRegular);
    }
    Ok(())
}

/// A file that is a symbolic link, even a dangling one, is never
/// replaced: checked before a command writes anything else.
pub fn refuse_link(path: &Path) -> Result<(), WriteError> {
    if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(WriteError::Link);
    }
    Ok(())
}

/// Creates `path` with `text`, never over anything already there (a file,
/// a link, even a dangling one, a FIFO): `label init` and
/// `label checklist --audit` start files, they never replace one. The
/// text is synced before the command reports success.
pub fn create_new(path: &Path, text: &str) -> Result<(), WriteError> {
    // O_CREAT|O_EXCL: fails on any existing entry, links included.
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(WriteError::Io)?;
    let written = file
        .write_all(text.as_bytes())
        .and_then(|_| file.sync_all());
    if let Err(error) = written {
        // Half a file is worse than none: the one we created goes.
        let _ = fs::remove_file(path);
        return Err(WriteError::Io(error));
    }
    Ok(())
}

/// Temporary copies are named `.label-XXXXXX.tmp`: recognisable, so that
/// those a `kill -9` left behind are removed by the next write.
const TEMP_PREFIX: &str = ".label-";
const TEMP_SUFFIX: &str = ".tmp";

/// Older than this, a temporary copy belongs to no running write.
const STALE: std::time::Duration = std::time::Duration::from_secs(600);

fn remove_stale_temporaries(folder: &Path) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let ours = name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX);
        let stale = entry
            .metadata()
            .ok()
            .filter(|m| m.is_file())
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > STALE);
        if ours && stale {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The rename itself is made durable: the folder's entry is synced too.
#[cfg(unix)]
fn sync_folder(folder: &Path) {
    if let Ok(dir) = fs::File::open(folder) {
        let _ = dir.sync_all();
    }
}

#[cfg(not(unix))]
fn sync_folder(_folder: &Path) {}

/// Refuses a path below `root` that goes through a symbolic link (the file
/// itself or a folder on its way): what the tool writes stays where it
/// says.
pub fn check_no_link(root: &Path, path: &Path) -> Result<(), WriteError> {
    let mut current = path;
    while current != root {
        if fs::symlink_metadata(current).is_ok_and(|m| m.file_type().is_symlink()) {
            return Err(WriteError::Link);
        }
        match current.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => current = parent,
            _ => break,
        }
    }
    Ok(())
}

#[cfg(unix)]
fn is_read_only(folder: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(folder).is_ok_and(|m| m.permissions().mode() & 0o222 == 0)
}

#[cfg(not(unix))]
fn is_read_only(folder: &Path) -> bool {
    fs::metadata(folder).is_ok_and(|m| m.permissions().readonly())
}
