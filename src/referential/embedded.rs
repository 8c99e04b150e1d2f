//! The referentials shipped in the project's `referentiels/` folder, compiled
//! into the binary by `build.rs`.

use std::collections::BTreeMap;

use crate::source::SourceFile;

use super::check::Place;
use super::load::Parts;

mod files {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// How embedded files are named in messages.
pub const PREFIX: &str = "<intégré>/";

/// Every embedded referential, as the parts the loader validates.
pub fn all() -> Vec<Parts> {
    let mut singles = Vec::new();
    let mut folders: BTreeMap<(String, String), Parts> = BTreeMap::new();
    for (relative, text) in files::FILES {
        let parts: Vec<&str> = relative.split('/').collect();
        let source = SourceFile::new(format!("{PREFIX}{relative}"), *text);
        match parts.as_slice() {
            [id, file] => {
                let version = file.trim_end_matches(".yaml").to_string();
                singles.push(Parts::single(source, Some(place(id, &version))));
            }
            [id, version, "referentiel.yaml"] => {
                let entry = folder(&mut folders, id, version);
                entry.main = Some(source);
            }
            [id, version, "principes", _] => {
                let entry = folder(&mut folders, id, version);
                entry.principles.get_or_insert_with(Vec::new).push(source);
            }
            _ => {}
        }
    }
    singles.extend(folders.into_values());
    singles
}

fn place(id: &str, version: &str) -> Place {
    Place {
        id: id.to_string(),
        version: version.to_string(),
    }
}

fn folder<'a>(
    folders: &'a mut BTreeMap<(String, String), Parts>,
    id: &str,
    version: &str,
) -> &'a mut Parts {
    folders
        .entry((id.to_string(), version.to_string()))
        .or_insert_with(|| Parts {
            shown: format!("{PREFIX}{id}/{version}/"),
            main: None,
            principles: Some(Vec::new()),
            place: Some(place(id, version)),
            early: Vec::new(),
        })
}
