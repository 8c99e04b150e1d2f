//! The post-condition of `label migrate`: every migrated text re-reads as
//! a valid file of the target version, or nothing is written. A carried
//! « non concerné » the new version no longer allows is the one error let
//! through: its answer is marked `a_revoir` for a person to settle.

use crate::audit::Audit;
use crate::date::Date;
use crate::decode::Decoder;
use crate::diagnostics::VersionFinding;
use crate::diagnostics::{Code, Diagnostic, Finding, Location};
use crate::document::{CheckContext, Document};
use crate::plan::Plan;
use crate::referential::Referential;
use crate::self_assessment::SelfAssessment;
use crate::source::SourceFile;

use super::FileChange;

pub(super) fn verify(files: &[FileChange], referential: &Referential) -> Result<(), Diagnostic> {
    let context = CheckContext {
        referential,
        // Ages and deadlines play no part in whether the text is valid.
        today: Date {
            year: 2000,
            month: 1,
            day: 1,
        },
        not_applicable: &[],
    };
    for file in files {
        let source = SourceFile::new(file.shown.clone(), file.after.clone());
        let mut found = Vec::new();
        let name = file.shown.rsplit('/').next().unwrap_or(&file.shown);
        match name {
            SelfAssessment::FILE_NAME => check::<SelfAssessment>(&source, &context, &mut found),
            Plan::FILE_NAME => check::<Plan>(&source, &context, &mut found),
            _ => check::<Audit>(&source, &context, &mut found),
        }
        let blocking = found
            .iter()
            .find(|d| d.is_error() && d.code != Code::Auto003);
        if let Some(d) = blocking {
            let detail = format!(
                "{}:{}:{} {}[{}] {}",
                file.shown,
                d.location.span.line,
                d.location.span.column,
                d.severity.label(),
                d.code,
                d.message
            );
            let finding = Finding::Version(VersionFinding::MigratedInvalid { detail });
            return Err(Diagnostic::new(finding, Location::file(&file.shown)));
        }
    }
    Ok(())
}

fn check<D: Document>(source: &SourceFile, context: &CheckContext, out: &mut Vec<Diagnostic>) {
    let mut decoder = Decoder::new(source);
    if let Some(raw) = D::read(&mut decoder) {
        D::check(&raw, context, out);
    }
    out.append(&mut decoder.diagnostics);
}
