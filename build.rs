//! Embeds every referential shipped in `referentiels/` into the binary, so
//! that a structure folder works with no workspace at all (§4.2).

use std::env;
use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let shipped = root.join("referentiels");
    println!("cargo:rerun-if-changed=referentiels");
    let mut files = Vec::new();
    collect(&shipped, &mut files);
    files.sort();
    let mut out =
        String::from("/// Shipped referential files: (path under referentiels/, contents).\n");
    out.push_str("pub static FILES: &[(&str, &str)] = &[\n");
    for file in &files {
        let relative = file.strip_prefix(&shipped).expect("under referentiels/");
        let relative = relative.to_string_lossy().replace('\\', "/");
        println!("cargo:rerun-if-changed={}", file.display());
        out.push_str(&format!(
            "    ({relative:?}, include_str!({:?})),\n",
            file.display().to_string()
        ));
    }
    out.push_str("];\n");
    let dest = PathBuf::from(env::var("OUT_DIR").expect("set by cargo")).join("embedded.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, files);
        } else if path.extension().is_some_and(|e| e == "yaml") {
            files.push(path);
        }
    }
}
