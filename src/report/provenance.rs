//! Provenance of a report (§4.6): the tool, the referential and the SHA-256
//! of its files, the git commit when the folder lies in a repository, and
//! the SHA-256 of every input file.
//!
//! The commit is read from `.git` itself (`HEAD`, then the loose ref or
//! `packed-refs`, linked worktrees included), never by running `git`: the
//! report is the same whether git is installed or not, and no program is
//! started on behalf of a folder someone sent.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::referential::Catalog;
use crate::source::SourceFile;

/// One input file and the SHA-256 of its bytes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FileDigest {
    #[serde(rename = "chemin")]
    pub path: String,
    pub sha256: String,
}

impl FileDigest {
    pub fn of(path: &str, bytes: &[u8]) -> FileDigest {
        FileDigest {
            path: path.to_string(),
            sha256: hex(&Sha256::digest(bytes)),
        }
    }

    pub fn of_source(source: &SourceFile) -> FileDigest {
        FileDigest::of(&source.path, source.text.as_bytes())
    }
}

/// A referential and the digests of its file or files.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReferentialFiles {
    #[serde(rename = "referentiel")]
    pub id: String,
    pub version: String,
    #[serde(rename = "fichiers")]
    pub files: Vec<FileDigest>,
}

/// Where a report comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Provenance {
    #[serde(rename = "outil")]
    pub tool: String,
    #[serde(rename = "referentiels")]
    pub referentials: Vec<ReferentialFiles>,
    /// `None` outside a git repository.
    pub commit: Option<String>,
    /// Every input file read, sorted by path. Under `--anonyme`, empty:
    /// paths and digests of identified files could be matched.
    #[serde(rename = "fichiers")]
    pub files: Vec<FileDigest>,
    /// Under `--anonyme`: one SHA-256 over the sorted digests of every
    /// input file, so that a publication can still be traced to its inputs
    /// by whoever holds them.
    #[serde(rename = "empreinte_globale", skip_serializing_if = "Option::is_none")]
    pub combined: Option<String>,
    #[serde(rename = "nombre_fichiers")]
    pub count: usize,
}

impl Provenance {
    /// With every file listed, or (anonymous) only their combined digest.
    pub fn new(
        referentials: Vec<ReferentialFiles>,
        commit: Option<String>,
        mut files: Vec<FileDigest>,
        anonymous: bool,
    ) -> Provenance {
        files.sort_by(|a, b| a.path.cmp(&b.path));
        files.dedup();
        let count = files.len() + referentials.iter().map(|r| r.files.len()).sum::<usize>();
        let (files, combined) = if anonymous {
            let mut digests: Vec<&str> = files.iter().map(|f| f.sha256.as_str()).collect();
            digests.sort_unstable();
            let combined = hex(&Sha256::digest(digests.join("\n").as_bytes()));
            (Vec::new(), Some(combined))
        } else {
            (files, None)
        };
        Provenance {
            tool: super::tool(),
            referentials,
            commit,
            files,
            combined,
            count,
        }
    }
}

/// The files of `id@version` as the catalog finds them (the workspace's,
/// else the embedded copy), with their digests.
pub fn referential_files(catalog: &Catalog, id: &str, version: &str) -> ReferentialFiles {
    let files = catalog
        .find(id, version)
        .map(|loaded| loaded.sources.iter().map(FileDigest::of_source).collect())
        .unwrap_or_default();
    ReferentialFiles {
        id: id.to_string(),
        version: version.to_string(),
        files,
    }
}

/// SHA-256 of a stream, in lowercase hexadecimal.
pub fn hash_reader(mut reader: impl Read) -> std::io::Result<(String, u64)> {
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 64 * 1024];
    let mut total = 0u64;
    loop {
        let n = reader.read(&mut buffer)?;
        if n == 0 {
            break;
        }
        total += n as u64;
        hasher.update(&buffer[..n]);
    }
    Ok((hex(&hasher.finalize()), total))
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes.iter().fold(String::with_capacity(64), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// The commit checked out in the repository holding `folder`, if any.
pub fn git_commit(folder: &Path) -> Option<String> {
    let start = fs::canonicalize(folder).ok()?;
    let dot_git = start
        .ancestors()
        .map(|a| a.join(".git"))
        .find(|p| p.exists())?;
    let git_dir = git_dir(&dot_git)?;
    let head = read_small(&git_dir.join("HEAD"))?;
    let head = head.trim();
    let Some(reference) = head.strip_prefix("ref:") else {
        return is_hash(head).then(|| head.to_string());
    };
    let reference = reference.trim();
    // Branch refs live in the common folder of linked worktrees.
    let common = read_small(&git_dir.join("commondir"))
        .map(|c| git_dir.join(c.trim()))
        .unwrap_or_else(|| git_dir.clone());
    for dir in [&git_dir, &common] {
        if let Some(hash) = read_small(&dir.join(reference)) {
            let hash = hash.trim();
            if is_hash(hash) {
                return Some(hash.to_string());
            }
        }
    }
    let packed = read_small(&common.join("packed-refs"))?;
    packed.lines().find_map(|line| {
        let (hash, name) = line.split_once(' ')?;
        (name.trim() == reference && is_hash(hash)).then(|| hash.to_string())
    })
}

/// `.git` is the folder, or a file `gitdir: …` (worktrees, submodules).
fn git_dir(dot_git: &Path) -> Option<PathBuf> {
    if dot_git.is_dir() {
        return Some(dot_git.to_path_buf());
    }
    let text = read_small(dot_git)?;
    let target = text.trim().strip_prefix("gitdir:")?.trim();
    let base = dot_git.parent()?;
    Some(base.join(target))
}

/// A regular text file within the size limit; anything else is no answer.
fn read_small(path: &Path) -> Option<String> {
    let bytes = crate::source::read_bytes(path, "").ok()?;
    String::from_utf8(bytes).ok()
}

fn is_hash(text: &str) -> bool {
    (text.len() == 40 || text.len() == 64) && text.bytes().all(|b| b.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_1_commit_from_a_loose_ref_and_packed_refs() {
        let temp = tempfile::tempdir().unwrap();
        let git = temp.path().join(".git");
        fs::create_dir_all(git.join("refs/heads")).unwrap();
        fs::write(git.join("HEAD"), "ref: refs/heads/main\n").unwrap();
        let hash = "0123456789abcdef0123456789abcdef01234567";
        fs::write(
            git.join("packed-refs"),
            format!("# pack-refs\n{hash} refs/heads/main\n"),
        )
        .unwrap();
        let inner = temp.path().join("structures/x");
        fs::create_dir_all(&inner).unwrap();
        assert_eq!(git_commit(&inner).as_deref(), Some(hash));
        let loose = "fedcba9876543210fedcba9876543210fedcba98";
        fs::write(git.join("refs/heads/main"), format!("{loose}\n")).unwrap();
        assert_eq!(git_commit(&inner).as_deref(), Some(loose));
        fs::write(git.join("HEAD"), format!("{hash}\n")).unwrap();
        assert_eq!(git_commit(&inner).as_deref(), Some(hash), "detached");
    }

    #[test]
    fn item_1_anonymous_provenance_lists_no_path() {
        let files = vec![FileDigest::of("b/x.yaml", b"x"), FileDigest::of("a", b"y")];
        let shown = Provenance::new(Vec::new(), None, files.clone(), false);
        assert_eq!(shown.files[0].path, "a");
        let hidden = Provenance::new(Vec::new(), None, files, true);
        assert!(hidden.files.is_empty() && hidden.combined.is_some());
        assert_eq!(hidden.count, 2);
    }
}
