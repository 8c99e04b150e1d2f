//! Evidence paths (§4.3): relative to the structure folder and never out of
//! it. The lexical check is pure; the file-system check follows links.

use std::fs;
use std::path::{Component, Path};

/// Whether a relative path stays inside its folder when read literally:
/// not absolute, no drive letter, no `..` that climbs above the start.
pub fn stays_inside(path: &str) -> bool {
    let normalized = path.replace('\\', "/");
    let bytes = normalized.as_bytes();
    let has_drive = bytes.len() >= 2 && bytes[1] == b':' && bytes[0].is_ascii_alphabetic();
    if normalized.is_empty() || normalized.starts_with('/') || has_drive {
        return false;
    }
    let mut depth: i32 = 0;
    for part in normalized.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                depth -= 1;
                if depth < 0 {
                    return false;
                }
            }
            _ => depth += 1,
        }
    }
    true
}

/// What the file system says of an evidence file inside `folder`.
#[derive(Debug, PartialEq, Eq)]
pub enum OnDisk {
    Present,
    Missing,
    /// A link (or a link in its path) leads out of the folder.
    Outside,
}

/// Checks an evidence file that passed [`stays_inside`]; the file itself is
/// never opened.
pub fn on_disk(folder: &Path, relative: &str) -> OnDisk {
    if present_without_links(folder, relative) {
        return OnDisk::Present;
    }
    resolved(folder, relative)
}

/// The common case, cheaply: every component of `relative` is a plain name
/// that exists and is no link, so the file lies inside `folder` whatever
/// links the folder's own path holds. One `lstat` per component, where
/// resolving both absolute paths costs one or more per component of each
/// (27 µs against 4.5 µs on a deep path, docs/performance.md). Anything else
/// (a link, `..`, a trailing slash, a missing file) goes to [`resolved`].
fn present_without_links(folder: &Path, relative: &str) -> bool {
    if relative.is_empty() || relative.ends_with(['/', '\\']) {
        return false;
    }
    let mut path = folder.to_path_buf();
    for component in Path::new(relative).components() {
        let Component::Normal(name) = component else {
            return false;
        };
        path.push(name);
        match fs::symlink_metadata(&path) {
            Ok(meta) if !meta.file_type().is_symlink() => {}
            _ => return false,
        }
    }
    true
}

/// Resolves every link of both paths and compares them.
fn resolved(folder: &Path, relative: &str) -> OnDisk {
    let Ok(root) = fs::canonicalize(folder) else {
        return OnDisk::Missing;
    };
    match fs::canonicalize(folder.join(relative)) {
        Ok(real) if real.starts_with(&root) => OnDisk::Present,
        Ok(_) => OnDisk::Outside,
        Err(_) => {
            // A dangling link is still a link: check where it points.
            match fs::read_link(folder.join(relative)) {
                Ok(target) if target.is_absolute() || !stays_inside(&target.to_string_lossy()) => {
                    OnDisk::Outside
                }
                _ => OnDisk::Missing,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexical_escapes_are_caught() {
        assert!(stays_inside("preuves/projet.pdf"));
        assert!(stays_inside("preuves/../projet.pdf"));
        assert!(stays_inside("./a/b"));
        assert!(!stays_inside("../autre/projet.pdf"));
        assert!(!stays_inside("preuves/../../x"));
        assert!(!stays_inside("/etc/passwd"));
        assert!(!stays_inside("C:\\Users\\x.pdf"));
        assert!(!stays_inside("\\\\serveur\\partage"));
        assert!(!stays_inside(""));
    }

    /// The shortcut for plain paths gives what full resolution gives, in
    /// every case it must leave to it: links in or out, `..`, `./`, a
    /// trailing slash, missing and dangling files, and a folder that is
    /// itself reached through a link.
    #[cfg(unix)]
    #[test]
    fn item_6_plain_path_shortcut_agrees_with_full_resolution() {
        use std::os::unix::fs::symlink;
        let temp = tempfile::tempdir().unwrap();
        let real = temp.path().join("reel");
        let outside = temp.path().join("dehors");
        fs::create_dir_all(real.join("preuves")).unwrap();
        fs::create_dir_all(&outside).unwrap();
        fs::write(real.join("preuves/a.md"), "a").unwrap();
        fs::write(outside.join("b.md"), "b").unwrap();
        symlink(outside.join("b.md"), real.join("preuves/lien-dehors.md")).unwrap();
        symlink(&outside, real.join("dossier-dehors")).unwrap();
        symlink("preuves/a.md", real.join("lien-interne.md")).unwrap();
        symlink("/nulle-part", real.join("pendant-dehors.md")).unwrap();
        symlink("absent.md", real.join("pendant-dedans.md")).unwrap();
        let through_link = temp.path().join("lien-structure");
        symlink(&real, &through_link).unwrap();
        let cases = [
            ("preuves/a.md", OnDisk::Present),
            ("preuves", OnDisk::Present),
            ("./preuves/a.md", OnDisk::Present),
            ("preuves/../preuves/a.md", OnDisk::Present),
            ("lien-interne.md", OnDisk::Present),
            ("preuves/absent.md", OnDisk::Missing),
            ("preuves/a.md/", OnDisk::Missing),
            ("pendant-dedans.md", OnDisk::Missing),
            ("preuves/lien-dehors.md", OnDisk::Outside),
            ("dossier-dehors/b.md", OnDisk::Outside),
            ("pendant-dehors.md", OnDisk::Outside),
        ];
        for folder in [&real, &through_link] {
            for (relative, expected) in &cases {
                assert_eq!(&on_disk(folder, relative), expected, "{relative}");
                assert_eq!(&resolved(folder, relative), expected, "{relative}");
            }
        }
    }
}
