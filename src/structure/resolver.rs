//! Finding each structure's referential once, however many structures use it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use crate::diagnostics::{Diagnostic, Finding, Location};
use crate::referential::{Catalog, Referential};
use crate::yaml::Span;

use crate::document::RawHeader;

/// Resolves `referentiel`/`version` headers through a [`Catalog`], caching
/// each referential and the diagnostics of an invalid one.
pub struct Resolver {
    catalog: Catalog,
    cache: Mutex<HashMap<(String, String), Resolved>>,
}

/// Whether a loaded referential is the copy embedded in the binary.
fn is_embedded(shown: &str) -> bool {
    shown.starts_with(crate::referential::embedded::PREFIX)
}

#[derive(Clone)]
enum Resolved {
    /// With whether it is the embedded copy.
    Found(Arc<Referential>, bool),
    Invalid(Vec<Diagnostic>),
    Missing,
}

impl Resolver {
    pub fn new(catalog: Catalog) -> Resolver {
        Resolver {
            catalog,
            cache: Mutex::new(HashMap::new()),
        }
    }

    /// The referential a file names, or diagnostics saying why not.
    pub fn resolve(
        &self,
        header: &RawHeader,
        path: &str,
        out: &mut Vec<Diagnostic>,
    ) -> Option<Arc<Referential>> {
        let (id, version) = header.key()?;
        let key = (id.clone(), version.clone());
        let cached = self.cache.lock().ok().and_then(|c| c.get(&key).cloned());
        let resolved = cached.unwrap_or_else(|| {
            let resolved = match self.catalog.find(&id, &version) {
                Some(loaded) => match loaded.referential {
                    Some(referential) => {
                        Resolved::Found(Arc::new(referential), is_embedded(&loaded.shown))
                    }
                    None => Resolved::Invalid(loaded.diagnostics),
                },
                None => Resolved::Missing,
            };
            if let Ok(mut cache) = self.cache.lock() {
                cache.insert(key, resolved.clone());
            }
            resolved
        });
        match resolved {
            Resolved::Found(referential, _) => Some(referential),
            Resolved::Invalid(diagnostics) => {
                out.extend(diagnostics);
                None
            }
            Resolved::Missing => {
                let available = self
                    .catalog
                    .versions(&id)
                    .into_iter()
                    .map(|v| format!("{id}@{v}"))
                    .collect();
                let span = header.version.as_ref().map_or(Span::START, |v| v.span);
                let finding = Finding::ReferentialNotFound {
                    id,
                    version,
                    available,
                };
                out.push(Diagnostic::new(finding, Location::new(path, span)));
                None
            }
        }
    }

    /// `id version` of every embedded referential resolved so far, sorted:
    /// commands say when they used them (CFG005).
    pub fn embedded_used(&self) -> Vec<String> {
        let Ok(cache) = self.cache.lock() else {
            return Vec::new();
        };
        let mut used: Vec<String> = cache
            .iter()
            .filter(|(_, r)| matches!(r, Resolved::Found(_, true)))
            .map(|((id, version), _)| format!("{id} {version}"))
            .collect();
        used.sort();
        used
    }

    /// The note that says embedded referentials were used, if they were.
    pub fn embedded_note(&self, location: Location) -> Option<Diagnostic> {
        let used = self.embedded_used();
        (!used.is_empty()).then(|| {
            let finding = Finding::EmbeddedReferentials {
                list: used.join(", "),
            };
            Diagnostic::new(finding, location)
        })
    }

    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }
}
