//! Past audits kept under `audits/` (§4.5): one file per audit, read and
//! checked like `audit.yaml`; each ends before the latest one begins
//! (AUD013).

use crate::audit::Audit;
use crate::diagnostics::{Diagnostic, Finding, Location};
use crate::document::CheckContext;

use super::{Agreement, StructureFolder, join_shown, load_companion};

/// The folder of past audits, in a structure folder.
pub const FOLDER: &str = "audits";

/// Reads every `audits/*.yaml`, in file-name order (links are not
/// followed).
pub(super) fn load(result: &mut StructureFolder, context: &CheckContext, agreement: &Agreement) {
    let Ok(entries) = std::fs::read_dir(result.path.join(FOLDER)) else {
        return;
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.ends_with(".yaml") || n.ends_with(".yml"))
        .collect();
    names.sort();
    for name in names {
        let relative = format!("{FOLDER}/{name}");
        let Some(past) = load_companion::<Audit>(result, &relative, context, agreement) else {
            continue;
        };
        if let Some(latest) = &result.audit
            && past.end >= latest.start
        {
            let finding = Finding::PastAuditNotOlder {
                end: past.end.french(),
                start: latest.start.french(),
            };
            let shown = join_shown(&result.shown, &relative);
            let location = Location::new(shown, past.end_place);
            result.diagnostics.push(Diagnostic::new(finding, location));
        }
        result.past_audits.push(past);
    }
}

/// The previous audit of `latest`: the past audit that ended last before
/// it began.
pub fn previous<'a>(past: &'a [Audit], latest: &Audit) -> Option<&'a Audit> {
    past.iter()
        .filter(|p| p.end < latest.start)
        .max_by_key(|p| p.end)
}
