//! Finding each structure's referential once, however many structures use it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use crate::diagnostics::{Diagnostic, Finding, Location};
use crate::referential::{Catalog, Referential};
use crate::yaml::Span;

use super::RawHeader;

/// Resolves `referentiel`/`version` headers through a [`Catalog`], caching
/// each referential and the diagnostics of an invalid one.
pub struct Resolver {
    catalog: Catalog,
    cache: Mutex<HashMap<(String, String), Resolved>>,
}

#[derive(Clone)]
enum Resolved {
    Found(Arc<Referential>),
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
                    Some(referential) => Resolved::Found(Arc::new(referential)),
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
            Resolved::Found(referential) => Some(referential),
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

    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }
}
