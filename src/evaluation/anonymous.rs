//! `--anonyme` (§4.6): nothing identifying in any part of the output.
//! Pseudonyms are numbered in an order derived from a secret salt; groups
//! of fewer structures than the threshold are merged into « autres ».

use std::collections::{BTreeMap, BTreeSet, HashMap};

use sha2::{Digest, Sha256};

use crate::diagnostics::{Diagnostic, Location, Report};

use super::entry::StructureEvaluation;

/// Name of the merged small groups.
pub const OTHERS: &str = "autres";

/// Default statistical secrecy threshold.
pub const DEFAULT_THRESHOLD: usize = 3;

/// Shown instead of a path that belongs to no structure.
pub const MASKED: &str = "(masqué)";

/// What `--anonyme` needs: a secret salt and the secrecy threshold.
#[derive(Clone, Debug)]
pub struct Anonymity {
    pub salt: String,
    pub threshold: usize,
}

/// The anonymised run.
#[derive(Debug)]
pub struct Anonymized {
    /// Structures shown, sorted by pseudonym.
    pub structures: Vec<StructureEvaluation>,
    /// Structures of a referential group below the threshold: merged into
    /// « autres », counted, never detailed (their criteria would name the
    /// referential, and a block of several referentials would mix them).
    pub hidden: Vec<StructureEvaluation>,
    /// The report, with nothing identifying left.
    pub report: Report,
}

/// Pseudonymises every structure, merges small groups and reduces the
/// diagnostics to their code and a pseudonym.
pub fn anonymize(
    structures: Vec<StructureEvaluation>,
    report: &Report,
    anonymity: &Anonymity,
) -> Anonymized {
    let pseudonyms = pseudonyms(&structures, &anonymity.salt);
    let paths: Vec<String> = structures.iter().map(|s| s.path.clone()).collect();
    let folders: HashMap<&str, &str> = paths
        .iter()
        .map(String::as_str)
        .zip(pseudonyms.iter().map(String::as_str))
        .collect();
    let k = anonymity.threshold;
    let block_sizes = count(structures.iter().map(|s| s.block()));
    let region_sizes = count(structures.iter().map(|s| (s.block(), s.region.as_deref())));
    let merged = merged_regions(&region_sizes, k);
    let small: Vec<(bool, bool)> = structures
        .iter()
        .map(|s| {
            let region = (s.block(), s.region.as_deref());
            (block_sizes[&s.block()] < k, merged.contains(&region))
        })
        .collect();
    let mut shown = Vec::new();
    let mut hidden = Vec::new();
    for ((mut s, pseudonym), (small_block, small_region)) in structures
        .into_iter()
        .zip(pseudonyms.iter().cloned())
        .zip(small)
    {
        if small_region {
            s.region = Some(OTHERS.to_string());
        }
        s.diagnostics = s
            .diagnostics
            .iter()
            .map(|d| anonymous_diagnostic(d, &folders))
            .collect();
        s.id = Some(pseudonym.clone());
        s.name = Some(pseudonym.clone());
        s.path = pseudonym;
        if small_block {
            s.referential = Some(OTHERS.to_string());
            s.version = None;
            s.region = None;
            hidden.push(s);
        } else {
            shown.push(s);
        }
    }
    shown.sort_by(|a, b| a.id.cmp(&b.id));
    hidden.sort_by(|a, b| a.id.cmp(&b.id));
    Anonymized {
        structures: shown,
        hidden,
        report: anonymous_report(report, &folders),
    }
}

type RegionKey<'a> = ((Option<&'a str>, Option<&'a str>), Option<&'a str>);

/// The regions of each block merged into « autres »: those under the
/// threshold, and, when they hold fewer than the threshold between them,
/// the smallest others until « autres » reaches it (secondary suppression:
/// otherwise « autres », or the block total less the regions shown, would
/// be one structure's figures).
fn merged_regions<'a>(sizes: &BTreeMap<RegionKey<'a>, usize>, k: usize) -> BTreeSet<RegionKey<'a>> {
    let mut merged = BTreeSet::new();
    let blocks: BTreeSet<_> = sizes.keys().map(|(block, _)| *block).collect();
    for block in blocks {
        let mut regions: Vec<(usize, RegionKey)> = sizes
            .iter()
            .filter(|((b, _), _)| *b == block)
            .map(|(key, size)| (*size, *key))
            .collect();
        regions.sort();
        let mut others = 0;
        for (size, key) in regions {
            if size >= k && (others == 0 || others >= k) {
                break;
            }
            others += size;
            merged.insert(key);
        }
    }
    merged
}

fn count<K: Ord>(keys: impl Iterator<Item = K>) -> BTreeMap<K, usize> {
    let mut counts = BTreeMap::new();
    for key in keys {
        *counts.entry(key).or_insert(0) += 1;
    }
    counts
}

/// `structure-001`… numbered in the order of SHA-256(salt + id): without
/// the salt, the order tells nothing of the ids.
pub fn pseudonyms(structures: &[StructureEvaluation], salt: &str) -> Vec<String> {
    let mut order: Vec<([u8; 32], usize)> = structures
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mut hasher = Sha256::new();
            hasher.update(salt.as_bytes());
            hasher.update(s.label().as_bytes());
            (hasher.finalize().into(), i)
        })
        .collect();
    order.sort();
    let width = structures.len().to_string().len().max(3);
    let mut names = vec![String::new(); structures.len()];
    for (rank, (_, i)) in order.into_iter().enumerate() {
        names[i] = format!("structure-{:0width$}", rank + 1);
    }
    names
}

fn anonymous_report(report: &Report, folders: &HashMap<&str, &str>) -> Report {
    let mut out = Report::default();
    out.checked = report.checked;
    out.extend(
        report
            .diagnostics()
            .iter()
            .map(|d| anonymous_diagnostic(d, folders)),
    );
    out.finish(false);
    out
}

/// A diagnostic reduced to its code, severity and generic title, at a
/// place named by pseudonym: its message, labels and help may quote ids,
/// names, paths or free text, and its source is never shown.
fn anonymous_diagnostic(d: &Diagnostic, folders: &HashMap<&str, &str>) -> Diagnostic {
    Diagnostic {
        code: d.code,
        severity: d.severity,
        message: d.code.title().to_string(),
        location: Location {
            path: anonymous_path(&d.location.path, folders),
            span: d.location.span,
        },
        labels: Vec::new(),
        help: None,
    }
}

/// `structure-002/autoevaluation.yaml` for a file of a structure folder
/// (the deepest one holding it), else « (masqué) ». Each parent of the path
/// is looked up once: no scan of every folder per diagnostic.
fn anonymous_path(path: &str, folders: &HashMap<&str, &str>) -> String {
    let file = path.rsplit('/').next().unwrap_or(path);
    let mut parent = path;
    while let Some((folder, _)) = parent.rsplit_once('/') {
        if let Some(pseudonym) = folders.get(folder) {
            return format!("{pseudonym}/{file}");
        }
        parent = folder;
    }
    // Run from inside a structure folder: its files are shown bare.
    let relative = !path.starts_with('/') && !path.starts_with("..");
    match folders.get(".") {
        Some(pseudonym) if relative => format!("{pseudonym}/{file}"),
        _ => MASKED.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str) -> StructureEvaluation {
        StructureEvaluation {
            id: Some(id.into()),
            name: Some(id.into()),
            region: Some("Bretagne".into()),
            path: format!("structures/{id}"),
            referential: Some("missions-locales".into()),
            version: Some("1.0.0".into()),
            evaluation: None,
            diagnostics: Vec::new(),
        }
    }

    #[test]
    fn item_7_pseudonyms_follow_the_salt_not_the_ids() {
        let structures: Vec<_> = ["a", "b", "c", "d", "e"].map(entry).into();
        let one = pseudonyms(&structures, "sel-1");
        let two = pseudonyms(&structures, "sel-2");
        assert_ne!(one, two);
        let mut sorted = one.clone();
        sorted.sort();
        assert_eq!(sorted[0], "structure-001");
        assert_eq!(one, pseudonyms(&structures, "sel-1"));
    }

    #[test]
    fn item_7_paths_outside_structures_are_masked() {
        let folders = HashMap::from([("structures/ml-x", "structure-002")]);
        assert_eq!(
            anonymous_path("structures/ml-x/plan.yaml", &folders),
            "structure-002/plan.yaml"
        );
        assert_eq!(
            anonymous_path("structures/ml-xy/plan.yaml", &folders),
            MASKED
        );
        assert_eq!(anonymous_path("referentiels/a.yaml", &folders), MASKED);
        let inside = HashMap::from([(".", "structure-001")]);
        assert_eq!(
            anonymous_path("plan.yaml", &inside),
            "structure-001/plan.yaml"
        );
        assert_eq!(anonymous_path("../autre/plan.yaml", &inside), MASKED);
    }

    fn in_region(id: &str, region: &str) -> StructureEvaluation {
        StructureEvaluation {
            region: Some(region.into()),
            ..entry(id)
        }
    }

    /// One structure alone under « autres » would be its own figures, and
    /// the block total less the regions shown would give them: the next
    /// smallest region joins « autres ».
    #[test]
    fn a_lone_structure_is_never_a_group_of_its_own() {
        let structures = vec![
            in_region("a", "Bretagne"),
            in_region("b", "Bretagne"),
            in_region("c", "Bretagne"),
            in_region("d", "Corse"),
            in_region("e", "Normandie"),
            in_region("f", "Normandie"),
            in_region("g", "Normandie"),
            in_region("h", "Normandie"),
        ];
        let anonymity = Anonymity {
            salt: "sel".into(),
            threshold: 3,
        };
        let out = anonymize(structures, &Report::default(), &anonymity);
        let regions = count(out.structures.iter().map(|s| s.region.clone().unwrap()));
        assert_eq!(regions.get(OTHERS), Some(&4), "{regions:?}");
        assert_eq!(regions.get("Normandie"), Some(&4));
        assert!(!regions.contains_key("Bretagne") && !regions.contains_key("Corse"));
    }
}
