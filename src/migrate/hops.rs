//! The versions a structure goes through: from its version to the target,
//! following each version's `correspondances` back (`depuis`); a version
//! without them is one step from the structure's.

use crate::diagnostics::VersionFinding;
use std::collections::HashSet;

use crate::diagnostics::{Diagnostic, Finding, Location};
use crate::referential::{Catalog, Correspondences, Referential};

/// One step between two consecutive versions.
pub struct Hop<'r> {
    pub old: &'r Referential,
    pub new: &'r Referential,
    /// `new`'s correspondances, when they start from `old`.
    pub mapping: Option<&'r Correspondences>,
}

impl<'r> Hop<'r> {
    pub fn new(old: &'r Referential, new: &'r Referential) -> Hop<'r> {
        let mapping = new
            .correspondences
            .as_ref()
            .filter(|c| c.since == old.version);
        Hop { old, new, mapping }
    }
}

/// The new ids the correspondances lead to.
pub fn reached(hop: &Hop) -> HashSet<String> {
    let Some(m) = hop.mapping else {
        return HashSet::new();
    };
    let mut ids: HashSet<String> = m.renamed.iter().map(|(_, n)| n.value.clone()).collect();
    ids.extend(
        m.split
            .iter()
            .flat_map(|(_, n)| n.iter().map(|i| i.value.clone())),
    );
    ids.extend(m.merged.iter().map(|(n, _)| n.value.clone()));
    ids
}

/// The versions after `from` up to `target` (included), oldest first.
pub fn chain(
    catalog: &Catalog,
    from: &Referential,
    target: Referential,
    here: &Location,
) -> Result<Vec<Referential>, Diagnostic> {
    let mut versions = vec![target];
    while let Some(last) = versions.last() {
        let Some(since) = last.correspondences.as_ref().map(|c| c.since.clone()) else {
            break;
        };
        if since == from.version {
            break;
        }
        if since < from.version {
            // The chain jumps over the folder's version: what its ids
            // become is written nowhere.
            let finding = Finding::Version(VersionFinding::PreviousVersionNotFound {
                id: last.id.clone(),
                version: since.to_string(),
            });
            return Err(Diagnostic::new(finding, here.clone()));
        }
        let id = last.id.clone();
        let loaded = catalog.find(&id, &since.to_string());
        match loaded.and_then(|l| l.referential) {
            Some(previous) => versions.push(previous),
            None => {
                let finding = Finding::Version(VersionFinding::PreviousVersionNotFound {
                    id,
                    version: since.to_string(),
                });
                return Err(Diagnostic::new(finding, here.clone()));
            }
        }
    }
    versions.reverse();
    Ok(versions)
}

/// Each hop's correspondances checked against its previous version, as
/// `label lint` does: a migration never follows broken ones.
pub fn check(from: &Referential, versions: &[Referential]) -> Result<(), Vec<Diagnostic>> {
    let mut old = from;
    for new in versions {
        let found: Vec<Diagnostic> = crate::referential::check_against(old, new)
            .into_iter()
            .filter(Diagnostic::is_error)
            .collect();
        if !found.is_empty() {
            return Err(found);
        }
        old = new;
    }
    Ok(())
}
