//! A structure folder (§4.1): its self-assessment, plan and audit, read and
//! checked against their referential.

pub mod create;
mod past;
mod resolver;

use std::path::{Path, PathBuf};

pub use crate::document::RawHeader;
pub use past::{FOLDER as PAST_AUDITS, previous};
pub use resolver::Resolver;

use crate::audit::Audit;
use crate::date::Date;
use crate::decode::Decoder;
use crate::diagnostics::{Diagnostic, Finding, Location};
use crate::document::{CheckContext, Document};
use crate::evidence::{self, OnDisk};
use crate::plan::Plan;
use crate::referential::Referential;
use crate::self_assessment::{Evidence, RawSelfAssessment, SelfAssessment};
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
    /// Past audits kept under `audits/`, valid ones, in file-name order.
    pub past_audits: Vec<Audit>,
    pub diagnostics: Vec<Diagnostic>,
    pub sources: Vec<SourceFile>,
}

impl StructureFolder {
    /// A folder nothing was read from yet.
    pub fn empty(path: &Path, shown: &str) -> StructureFolder {
        StructureFolder {
            path: path.to_path_buf(),
            shown: shown.to_string(),
            referential: None,
            self_assessment: None,
            plan: None,
            audit: None,
            past_audits: Vec::new(),
            diagnostics: Vec::new(),
            sources: Vec::new(),
        }
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Reads and checks the files of one structure folder: the
/// self-assessment first (it names the referential), then each companion
/// document, all through [`Document`].
pub fn load(folder: &Path, shown: &str, resolver: &Resolver, today: Date) -> StructureFolder {
    let mut result = StructureFolder::empty(folder, shown);
    let path = folder.join(SelfAssessment::FILE_NAME);
    let file_shown = join_shown(shown, SelfAssessment::FILE_NAME);
    let source = match SourceFile::read_within(&path, &file_shown, folder) {
        Ok(source) => source,
        Err(d) => {
            result.diagnostics.push(d);
            return result;
        }
    };
    let mut decoder = Decoder::new(&source);
    let raw = SelfAssessment::read(&mut decoder);
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
    let mut context = CheckContext {
        referential: &referential,
        today,
        not_applicable: &[],
    };
    let model = SelfAssessment::check(raw, &context, &mut result.diagnostics);
    check_evidence_on_disk(&result.path, raw, &mut result.diagnostics);
    let not_applicable = not_applicable(model.as_ref(), &referential);
    context.not_applicable = &not_applicable;
    result.self_assessment = model;
    let agreement = Agreement {
        expected: raw.header.key(),
        structure_id: SelfAssessment::structure_id(raw).map(|i| i.value.clone()),
        resolver,
    };
    result.plan = load_companion(result, Plan::FILE_NAME, &context, &agreement);
    result.audit = load_companion(result, Audit::FILE_NAME, &context, &agreement);
    past::load(result, &context, &agreement);
    result.referential = Some(referential.clone());
}

/// Declared non concerné, or not applicable to the structure's type: the
/// audit needs no finding on them.
fn not_applicable(model: Option<&SelfAssessment>, referential: &Referential) -> Vec<String> {
    let Some(model) = model else {
        return Vec::new();
    };
    let declared = model
        .answers
        .iter()
        .filter(|(_, a)| a.not_applicable.is_some())
        .map(|(id, _)| id.clone());
    let by_type = referential
        .criteria()
        .filter(|c| !c.applies_to(model.structure.kind))
        .map(|c| c.id.clone());
    declared.chain(by_type).collect()
}

/// Reads a companion document (`plan.yaml`, `audit.yaml`) when present:
/// it must agree with the self-assessment, then is checked; its
/// diagnostics and source join the folder's.
fn load_companion<D: Document>(
    result: &mut StructureFolder,
    name: &str,
    context: &CheckContext,
    agreement: &Agreement,
) -> Option<D> {
    let path = result.path.join(name);
    let shown = join_shown(&result.shown, name);
    let source = optional_source(&path, &shown, &result.path, &mut result.diagnostics)?;
    let mut decoder = Decoder::new(&source);
    let model = D::read(&mut decoder).and_then(|raw| {
        let mut found = Vec::new();
        if D::FILE_NAME == Audit::FILE_NAME && agreement.is_older(D::header(&raw)) {
            // An audit conducted on an older version stays valid history
            // (§4.7): checked against its own version, out of the
            // computations of the current one.
            let own = agreement
                .resolver
                .resolve(D::header(&raw), &shown, &mut found);
            if let Some(own) = own {
                let own_context = CheckContext {
                    referential: &own,
                    ..*context
                };
                D::check(&raw, &own_context, &mut found);
            }
            decoder.diagnostics.append(&mut found);
            return None;
        }
        agreement.check(D::header(&raw), D::structure_id(&raw), &shown, &mut found);
        let model = D::check(&raw, context, &mut found);
        decoder.diagnostics.append(&mut found);
        model
    });
    result.diagnostics.append(&mut decoder.diagnostics);
    result.sources.push(source);
    model
}

/// A structure file to check from memory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    SelfAssessment,
    Plan,
    Audit,
}

/// Reads and checks one structure file held in memory against
/// `referential`, with no folder around it (no evidence on disk, no
/// agreement between files): the readers' entry for fuzzing and for the
/// regression tests of its corpora. Its diagnostics.
pub fn check_text(
    kind: FileKind,
    source: &SourceFile,
    referential: &Referential,
    today: Date,
) -> Vec<Diagnostic> {
    let context = CheckContext {
        referential,
        today,
        not_applicable: &[],
    };
    match kind {
        FileKind::SelfAssessment => check_one::<SelfAssessment>(source, &context),
        FileKind::Plan => check_one::<Plan>(source, &context),
        FileKind::Audit => check_one::<Audit>(source, &context),
    }
}

fn check_one<D: Document>(source: &SourceFile, context: &CheckContext) -> Vec<Diagnostic> {
    let mut decoder = Decoder::new(source);
    if let Some(raw) = D::read(&mut decoder) {
        D::check(&raw, context, &mut decoder.diagnostics);
    }
    decoder.diagnostics
}

/// What the plan and the audit must agree on with the self-assessment.
struct Agreement<'r> {
    expected: Option<(String, String)>,
    structure_id: Option<String>,
    resolver: &'r Resolver,
}

impl Agreement<'_> {
    /// Whether a file names an older version of the same referential.
    fn is_older(&self, header: &RawHeader) -> bool {
        let (Some((id, version)), Some((found_id, found))) = (&self.expected, header.key()) else {
            return false;
        };
        let parse = |v: &str| semver::Version::parse(v).ok();
        *id == found_id && matches!((parse(&found), parse(version)), (Some(a), Some(b)) if a < b)
    }

    fn check(
        &self,
        header: &RawHeader,
        structure: Option<&crate::yaml::Spanned<String>>,
        path: &str,
        out: &mut Vec<Diagnostic>,
    ) {
        let file = path.rsplit('/').next().unwrap_or(path).to_string();
        if let (Some((id, version)), Some(found)) = (&self.expected, header.key())
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
        if let (Some(expected), Some(found)) = (&self.structure_id, structure)
            && &found.value != expected
        {
            let finding = Finding::StructureMismatch {
                found: found.value.clone(),
                expected: expected.clone(),
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

fn optional_source(
    path: &Path,
    shown: &str,
    folder: &Path,
    out: &mut Vec<Diagnostic>,
) -> Option<SourceFile> {
    if !path.exists() && path.symlink_metadata().is_err() {
        return None;
    }
    match SourceFile::read_within(path, shown, folder) {
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
