//! Evidence paths (§4.3): relative to the structure folder and never out of
//! it. The lexical check is pure; the file-system check follows links.

use std::fs;
use std::path::Path;

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
}
