//! `label audit` on one structure folder: its audit, the proposal, and the
//! error that an incomplete audit gets (AUD012).

use crate::audit::Audit;
use crate::diagnostics::{Code, Diagnostic, Finding, Location};
use crate::structure::StructureFolder;

use super::{Proposal, propose};
use crate::audit::AuditKind;
use crate::date::Date;
use crate::evaluation::structure::{CriterionResult, evaluate};

/// What `label audit` shows for a valid structure folder.
#[derive(Debug)]
pub struct AuditReview<'a> {
    pub folder: &'a StructureFolder,
    pub audit: &'a Audit,
    /// The past audit that ended last before this one began.
    pub previous: Option<&'a Audit>,
    pub proposal: Proposal,
    /// The folder's diagnostics; on an incomplete audit, AUD012 (an
    /// error: no proposal) in place of the warning AUD003.
    pub diagnostics: Vec<Diagnostic>,
}

/// What `label evaluate` tells of a structure's audit (§6.4).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditState {
    pub kind: AuditKind,
    pub end: Date,
    pub proposal: Proposal,
}

/// The audit of a folder, given its declared statuses; `None` without a
/// valid audit.
pub fn state(folder: &StructureFolder, declared: &[CriterionResult]) -> Option<AuditState> {
    let audit = folder.audit.as_ref()?;
    let referential = folder.referential.as_deref()?;
    let previous = crate::structure::previous(&folder.past_audits, audit);
    Some(AuditState {
        kind: audit.kind,
        end: audit.end,
        proposal: propose(referential, audit, previous, declared),
    })
}

/// The minors of the previous audit not lifted by the end of the folder's
/// audit (§4.5): they count as majors. Empty without a valid audit.
pub fn carried_over_minors(folder: &StructureFolder) -> Vec<String> {
    let (Some(audit), Some(referential)) = (folder.audit.as_ref(), folder.referential.as_deref())
    else {
        return Vec::new();
    };
    let previous = crate::structure::previous(&folder.past_audits, audit);
    super::carried_over(referential, audit, previous)
}

/// The proposal on the folder's audit; `None` when the folder has no
/// valid audit (its diagnostics say why).
pub fn review<'a>(folder: &'a StructureFolder, audit_shown: &str) -> Option<AuditReview<'a>> {
    let audit = folder.audit.as_ref()?;
    let referential = folder.referential.as_deref()?;
    let assessment = folder.self_assessment.as_ref()?;
    let declared = evaluate(referential, assessment, folder.plan.as_ref()).criteria;
    let proposal = state(folder, &declared)?.proposal;
    let incomplete = proposal.verdict.is_none();
    let no_proposal = |location: Location| {
        let finding = Finding::NoProposal {
            count: audit.missing.len(),
            ids: audit.missing.join(", "),
        };
        Diagnostic::new(finding, location)
    };
    let mut diagnostics: Vec<Diagnostic> = folder
        .diagnostics
        .iter()
        .map(|d| match d.code {
            Code::Aud003 if incomplete => no_proposal(d.location.clone()),
            _ => d.clone(),
        })
        .collect();
    if incomplete && !diagnostics.iter().any(|d| d.code == Code::Aud012) {
        diagnostics.push(no_proposal(Location::file(audit_shown)));
    }
    Some(AuditReview {
        folder,
        audit,
        previous: crate::structure::previous(&folder.past_audits, audit),
        proposal,
        diagnostics,
    })
}
