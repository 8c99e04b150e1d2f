//! One structure of an evaluation run: what identifies it, and its
//! evaluation, or why it has none (§6.4: never dropped silently).

use crate::decode::Decoder;
use crate::diagnostics::Diagnostic;
use crate::self_assessment;
use crate::source::SourceFile;
use crate::structure::StructureFolder;

use super::structure::{Evaluation, Summary, evaluate};

/// One structure folder found by the run.
#[derive(Clone, Debug)]
pub struct StructureEvaluation {
    /// Structure id; `None` when its self-assessment could not be read.
    pub id: Option<String>,
    pub name: Option<String>,
    pub region: Option<String>,
    /// Folder, as shown to users.
    pub path: String,
    pub referential: Option<String>,
    pub version: Option<String>,
    /// `None`: its files have errors, it is « non évaluée : erreurs ».
    pub evaluation: Option<Evaluation>,
    /// Its own diagnostics (also in the run's report).
    pub diagnostics: Vec<Diagnostic>,
}

impl StructureEvaluation {
    pub fn summary(&self) -> Option<&Summary> {
        self.evaluation.as_ref().map(|e| &e.summary)
    }

    /// Whether it was evaluated and is ready for audit.
    pub fn is_ready(&self) -> bool {
        self.summary().is_some_and(|s| s.ready)
    }

    /// The id, or the folder when the id could not be read.
    pub fn label(&self) -> &str {
        self.id.as_deref().unwrap_or(&self.path)
    }

    /// Its block of the network view: referential and version (§6.4).
    pub fn block(&self) -> (Option<&str>, Option<&str>) {
        (self.referential.as_deref(), self.version.as_deref())
    }

    /// Gives the structure its diagnostics; with any error it is not
    /// evaluated, even when the error was found after its evaluation (a
    /// duplicate id).
    pub fn settle(&mut self, diagnostics: Vec<Diagnostic>) {
        if diagnostics.iter().any(Diagnostic::is_error) {
            self.evaluation = None;
        }
        self.diagnostics = diagnostics;
    }
}

/// Evaluates one structure folder; a folder with errors is kept, with
/// what its self-assessment says of it, and without evaluation.
pub fn evaluate_folder(folder: &StructureFolder) -> StructureEvaluation {
    if !folder.has_errors()
        && let (Some(referential), Some(assessment)) =
            (&folder.referential, &folder.self_assessment)
    {
        let structure = &assessment.structure;
        let mut evaluation = evaluate(referential, assessment, folder.plan.as_ref());
        evaluation.audit = super::audit::state(folder, &evaluation.criteria);
        return StructureEvaluation {
            id: Some(structure.id.clone()),
            name: Some(structure.name.clone()),
            region: structure.region.clone().filter(|r| !r.is_empty()),
            path: folder.shown.clone(),
            referential: Some(referential.id.clone()),
            version: Some(referential.version.to_string()),
            evaluation: Some(evaluation),
            diagnostics: Vec::new(),
        };
    }
    let mut entry = StructureEvaluation {
        id: None,
        name: None,
        region: None,
        path: folder.shown.clone(),
        referential: None,
        version: None,
        evaluation: None,
        diagnostics: Vec::new(),
    };
    let source = folder
        .sources
        .iter()
        .find(|s| s.path.rsplit('/').next() == Some(self_assessment::FILE_NAME));
    if let Some(source) = source {
        identify(&mut entry, source);
    }
    entry
}

/// What a self-assessment with errors still says of its structure, read
/// again from its text (no I/O; its diagnostics are already known).
fn identify(entry: &mut StructureEvaluation, source: &SourceFile) {
    let mut decoder = Decoder::new(source);
    let Some(raw) = self_assessment::read(&mut decoder) else {
        return;
    };
    let text = |t: &Option<crate::yaml::Spanned<String>>| {
        t.as_ref()
            .map(|s| s.value.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    if let Some(structure) = &raw.structure {
        entry.id = text(&structure.id);
        entry.name = text(&structure.name);
        entry.region = text(&structure.region);
    }
    entry.referential = text(&raw.header.referential);
    entry.version = text(&raw.header.version);
}

/// Sorts as §6.4 says: by structure id (unknown ids last, by folder).
pub fn sort(structures: &mut [StructureEvaluation]) {
    structures
        .sort_by(|a, b| (a.id.is_none(), &a.id, &a.path).cmp(&(b.id.is_none(), &b.id, &b.path)));
}

/// Every structure under `paths` (§4.1 defaults), found, checked and
/// evaluated in parallel; those with errors are kept, « non évaluée :
/// erreurs » (§6.4). Sorted by id; the report holds every diagnostic.
pub fn evaluate_all(
    workspace: &crate::workspace::Workspace,
    paths: &[std::path::PathBuf],
    today: crate::date::Date,
    progress: &(dyn crate::validate::Progress + Sync),
) -> (crate::diagnostics::Report, Vec<StructureEvaluation>) {
    let keep = |folder: &StructureFolder| Some(evaluate_folder(folder));
    let (mut report, kept) = crate::validate::validate(workspace, paths, today, progress, &keep);
    report.finish(false);
    let mut structures: Vec<StructureEvaluation> = kept
        .into_iter()
        .map(|kept| {
            let mut structure = kept.value;
            structure.settle(kept.diagnostics);
            structure
        })
        .collect();
    super::sort(&mut structures);
    (report, structures)
}
