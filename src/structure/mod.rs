//! A structure folder (§4.1): its self-assessment, plan and audit, read and
//! checked against their referential.

pub mod create;
mod header;
mod resolver;

use std::path::{Path, PathBuf};

pub use header::RawHeader;
pub use resolver::Resolver;

use crate::audit::{self, Audit};
use crate::date::Date;
use crate::decode::Decoder;
use crate::diagnostics::{Diagnostic, Finding, Location};
use crate::evidence::{self, OnDisk};
use crate::plan::{self, Plan};
use crate::referential::Referential;
use crate::self_assessment::{self, Evidence, RawSelfAssessment, SelfAssessment};
use crate::source::SourceFile;
use crate::yaml::Span;

/// Everything known about one structure folder after validation.
#[derive(Debug)]
pub struct StructureFolder {
    pub path: PathBuf,
    /// The folder as shown to users.
    pub shown: String,
    pub referential: Option<std::sync::Arc<Referential>>,
    pub self_assessment: Option<SelfAssessment>,
    pub plan: Option<Plan>,
    pub audit: Option<Audit>,
    pub diagnostics: Vec<Diagnostic>,
    pub sources: Vec<SourceFile>,
}

impl StructureFolder {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Reads and checks the files of one structure folder.
pub fn load(folder: &Path, shown: &str, resolver: &Resolver, today: Date) -> StructureFolder {
    let mut result = StructureFolder {
        path: folder.to_path_buf(),
        shown: shown.to_string(),
        referential: None,
        self_assessment: None,
        plan: None,
        audit: None,
        diagnostics: Vec::new(),
        sources: Vec::new(),
    };
    let file = |name: &str| (folder.join(name), join_shown(shown, name));
    let (path, file_shown) = file(self_assessment::FILE_NAME);
    let source = match SourceFile::read(&path, &file_shown) {
        Ok(source) => source,
        Err(d) => {
            result.diagnostics.push(d);
            return result;
        }
    };
    let mut decoder = Decoder::new(&source);
    let raw = self_assessment::read(&mut decoder);
    result.diagnostics.append(&mut decoder.diagnostics);
    if let Some(raw) = &raw {
        load_with_referential(&mut result, raw, resolver, today);
    }
    result.sources.push(source);
    result
}

fn load_with_referential(
    result: &mut StructureFolder,
    raw: &RawSelfAssessment,
    resolver: &Resolver,
    today: Date,
) {
    let Some(referential) = resolver.resolve(&raw.header, &raw.path, &mut result.diagnostics)
    else {
        return;
    };
    let (model, mut found) = self_assessment::check(raw, &referential, today);
    result.diagnostics.append(&mut found);
    check_evidence_on_disk(&result.path, raw, &mut result.diagnostics);
    let expected = raw.header.key();
    let structure_id = raw
        .structure
        .as_ref()
        .and_then(|s| s.id.as_ref())
        .map(|i| i.value.clone());
    // Declared non concerné, or not applicable to the structure's type: the
    // audit needs no finding on them.
    let not_applicable: Vec<String> = model
        .as_ref()
        .map(|m| {
            let declared = m
                .answers
                .iter()
                .filter(|(_, a)| a.not_applicable.is_some())
                .map(|(id, _)| id.clone());
            let by_type = referential
                .criteria()
                .filter(|c| !c.applies_to(m.structure.kind))
                .map(|c| c.id.clone());
            declared.chain(by_type).collect()
        })
        .unwrap_or_default();
    result.self_assessment = model;
    let context = Context {
        expected: expected.as_ref(),
        structure_id: structure_id.as_deref(),
    };
    result.plan = read_companion(result, plan::FILE_NAME, |decoder| {
        let raw = plan::read(decoder)?;
        context.check(
            &raw.header,
            &raw.structure,
            &raw.path,
            &mut decoder.diagnostics,
        );
        let (model, mut found) = plan::check(&raw, &referential, today);
        decoder.diagnostics.append(&mut found);
        model
    });
    result.audit = read_companion(result, audit::FILE_NAME, |decoder| {
        let raw = audit::read(decoder)?;
        context.check(
            &raw.header,
            &raw.structure,
            &raw.path,
            &mut decoder.diagnostics,
        );
        let (model, mut found) = audit::check(&raw, &referential, &not_applicable);
        decoder.diagnostics.append(&mut found);
        model
    });
    result.referential = Some(referential);
}

/// Reads `plan.yaml` or `audit.yaml` when present, with `decode` turning it
/// into a model; its diagnostics and source join the folder's.
fn read_companion<T>(
    result: &mut StructureFolder,
    name: &str,
    decode: impl FnOnce(&mut Decoder) -> Option<T>,
) -> Option<T> {
    let (path, shown) = (result.path.join(name), join_shown(&result.shown, name));
    let source = optional_source(&path, &shown, &mut result.diagnostics)?;
    let mut decoder = Decoder::new(&source);
    let model = decode(&mut decoder);
    result.diagnostics.append(&mut decoder.diagnostics);
    result.sources.push(source);
    model
}

/// What the plan and the audit must agree on with the self-assessment.
struct Context<'a> {
    expected: Option<&'a (String, String)>,
    structure_id: Option<&'a str>,
}

impl Context<'_> {
    fn check(
        &self,
        header: &RawHeader,
        structure: &Option<crate::yaml::Spanned<String>>,
        path: &str,
        out: &mut Vec<Diagnostic>,
    ) {
        let file = path.rsplit('/').next().unwrap_or(path).to_string();
        if let (Some((id, version)), Some(found)) = (self.expected, header.key())
            && (&found.0 != id || &found.1 != version)
        {
            let span = header.version.as_ref().map_or(Span::START, |v| v.span);
            let finding = Finding::VersionMismatch {
                file,
                found: format!("{}@{}", found.0, found.1),
                expected: format!("{id}@{version}"),
            };
            out.push(Diagnostic::new(finding, Location::new(path, span)));
        }
        if let (Some(expected), Some(found)) = (self.structure_id, structure)
            && found.value != expected
        {
            let finding = Finding::StructureMismatch {
                found: found.value.clone(),
                expected: expected.to_string(),
            };
            out.push(Diagnostic::new(finding, Location::new(path, found.span)));
        }
    }
}

/// Evidence files are checked on disk, never opened.
fn check_evidence_on_disk(folder: &Path, raw: &RawSelfAssessment, out: &mut Vec<Diagnostic>) {
    for answer in &raw.answers {
        for item in &answer.evidence {
            let Evidence::File(file) = Evidence::parse(&item.value) else {
                continue;
            };
            if !evidence::stays_inside(&file) {
                continue; // already reported by the pure check
            }
            let finding = match evidence::on_disk(folder, &file) {
                OnDisk::Present => continue,
                OnDisk::Missing => Finding::EvidenceMissing { path: file },
                OnDisk::Outside => Finding::EvidenceOutside { path: file },
            };
            out.push(Diagnostic::new(
                finding,
                Location::new(&raw.path, item.span),
            ));
        }
    }
}

fn optional_source(path: &Path, shown: &str, out: &mut Vec<Diagnostic>) -> Option<SourceFile> {
    if !path.exists() && path.symlink_metadata().is_err() {
        return None;
    }
    match SourceFile::read(path, shown) {
        Ok(source) => Some(source),
        Err(d) => {
            out.push(d);
            None
        }
    }
}

fn join_shown(folder: &str, name: &str) -> String {
    if folder.is_empty() || folder == "." {
        name.to_string()
    } else {
        format!("{}/{name}", folder.trim_end_matches('/'))
    }
}
