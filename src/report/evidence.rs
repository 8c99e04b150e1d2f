//! The index of evidence files a self-assessment names, with the SHA-256 of
//! each: only files inside the structure folder are opened (the lexical
//! rule and the link check of `evidence`, then `source::open_within`, which
//! refuses links out, FIFOs and devices); URLs are listed, never fetched.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::evidence::{OnDisk, on_disk, stays_inside};
use crate::self_assessment::Evidence;
use crate::structure::StructureFolder;

use super::provenance::hash_reader;

/// What became of one evidence file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceState {
    /// Read and hashed.
    Presente,
    /// Not found in the folder.
    Absente,
    /// Its path or a link leads out of the folder: never opened.
    HorsDossier,
    /// A folder, a FIFO, a device, or unreadable: not hashed.
    Illisible,
}

/// One evidence file of the index.
#[derive(Clone, Debug, Serialize)]
pub struct EvidenceFile {
    /// As written in the self-assessment.
    #[serde(rename = "chemin")]
    pub path: String,
    /// The criteria that cite it, in referential order.
    #[serde(rename = "criteres")]
    pub criteria: Vec<String>,
    #[serde(rename = "etat")]
    pub state: EvidenceState,
    pub sha256: Option<String>,
    #[serde(rename = "octets")]
    pub bytes: Option<u64>,
}

/// An evidence URL, recorded and never fetched (§4.3).
#[derive(Clone, Debug, Serialize)]
pub struct UrlLine {
    pub url: String,
    #[serde(rename = "criteres")]
    pub criteria: Vec<String>,
}

/// Every evidence file and URL the self-assessment cites, sorted.
pub fn evidence(folder: &StructureFolder) -> (Vec<EvidenceFile>, Vec<UrlLine>) {
    let (Some(assessment), Some(referential)) = (&folder.self_assessment, &folder.referential)
    else {
        return (Vec::new(), Vec::new());
    };
    let mut files: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut urls: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for criterion in referential.criteria() {
        let Some(answer) = assessment.answers.get(&criterion.id) else {
            continue;
        };
        for item in &answer.evidence {
            let (map, key) = match item {
                Evidence::File(path) => (&mut files, path),
                Evidence::Url(url) => (&mut urls, url),
            };
            let cited = map.entry(key.clone()).or_default();
            if !cited.contains(&criterion.id) {
                cited.push(criterion.id.clone());
            }
        }
    }
    let files = files
        .into_iter()
        .map(|(path, criteria)| file(folder, path, criteria))
        .collect();
    let urls = urls
        .into_iter()
        .map(|(url, criteria)| UrlLine { url, criteria })
        .collect();
    (files, urls)
}

fn file(folder: &StructureFolder, path: String, criteria: Vec<String>) -> EvidenceFile {
    let mut entry = EvidenceFile {
        path,
        criteria,
        state: EvidenceState::HorsDossier,
        sha256: None,
        bytes: None,
    };
    if !stays_inside(&entry.path) {
        return entry;
    }
    entry.state = match on_disk(&folder.path, &entry.path) {
        OnDisk::Outside => EvidenceState::HorsDossier,
        OnDisk::Missing => EvidenceState::Absente,
        OnDisk::Present => {
            let full = folder.path.join(&entry.path);
            let hashed = crate::source::open_within(&full, &entry.path, &folder.path)
                .ok()
                .and_then(|f| hash_reader(f).ok());
            match hashed {
                Some((sha, bytes)) => {
                    entry.sha256 = Some(sha);
                    entry.bytes = Some(bytes);
                    EvidenceState::Presente
                }
                None => EvidenceState::Illisible,
            }
        }
    };
    entry
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::fs;
    use std::os::unix::fs::symlink;

    fn folder(path: &std::path::Path) -> StructureFolder {
        StructureFolder::empty(path, ".")
    }

    #[test]
    fn item_1_evidence_outside_links_and_fifos_are_never_read() {
        let temp = tempfile::tempdir().unwrap();
        let inside = temp.path().join("s");
        fs::create_dir_all(inside.join("preuves")).unwrap();
        fs::write(temp.path().join("secret.txt"), "secret").unwrap();
        fs::write(inside.join("preuves/a.md"), "abc").unwrap();
        symlink(
            temp.path().join("secret.txt"),
            inside.join("preuves/lien.md"),
        )
        .unwrap();
        let f = folder(&inside);
        let state = |p: &str| file(&f, p.into(), Vec::new());
        let a = state("preuves/a.md");
        assert_eq!(a.state, EvidenceState::Presente);
        assert_eq!(
            a.sha256.as_deref(),
            Some("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        );
        assert_eq!(state("preuves/lien.md").state, EvidenceState::HorsDossier);
        assert_eq!(state("../secret.txt").state, EvidenceState::HorsDossier);
        assert_eq!(state("preuves/x.md").state, EvidenceState::Absente);
        assert_eq!(state("preuves").state, EvidenceState::Illisible);
        let fifo = inside.join("preuves/fifo");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            assert_eq!(state("preuves/fifo").state, EvidenceState::Illisible);
        }
    }
}
