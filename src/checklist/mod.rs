//! The auditors' checklist for one structure (`label checklist`, issue 10):
//! for every applicable criterion, in referential order, what the
//! referential expects beside what the structure declares and shows.
//! Pure: built from a structure folder already loaded; whether an evidence
//! file exists is asked of the caller.

mod sample;
pub mod scaffold;

use crate::date::Date;
use crate::evaluation::{self, Status};
use crate::evidence::{self, OnDisk};
use crate::plan::{ActionStatus, Origin, Plan};
use crate::referential::{Criterion, Referential};
use crate::self_assessment::{Answer, Evidence, SelfAssessment};
use crate::structure::StructureFolder;

pub use sample::samples;

/// The checklist of one structure.
#[derive(Clone, Debug)]
pub struct Checklist {
    pub referential: String,
    pub version: String,
    pub referential_title: String,
    pub structure: String,
    pub name: String,
    pub kind: &'static str,
    pub region: Option<String>,
    /// The folder, as shown to users.
    pub folder: String,
    pub principles: Vec<Section>,
}

impl Checklist {
    /// Every item, in referential order.
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.principles.iter().flat_map(|p| p.items.iter())
    }
}

/// One principle and its applicable criteria.
#[derive(Clone, Debug)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub items: Vec<Item>,
}

/// One criterion: what the referential expects, then what the structure
/// declared.
#[derive(Clone, Debug)]
pub struct Item {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    /// Every level of the scale with its descriptor for this criterion.
    pub rubric: Vec<Rung>,
    pub imperative: bool,
    pub expected: Rung,
    pub not_applicable_allowed: bool,
    pub evidence_expected: Vec<String>,
    pub indicators: Vec<String>,
    pub questions: Vec<String>,
    /// What to sample on site ([`samples`]).
    pub sample: Vec<&'static str>,
    pub declared: Declared,
    /// §6.1 status of the self-assessment.
    pub status: Status,
    /// Plan actions, not abandoned, that answer the criterion.
    pub actions: Vec<ActionRef>,
}

/// One level of the scale, with the criterion's descriptor.
#[derive(Clone, Debug)]
pub struct Rung {
    pub value: i64,
    pub label: String,
    pub text: Option<String>,
}

/// What the structure wrote for a criterion.
#[derive(Clone, Debug, Default)]
pub struct Declared {
    pub level: Option<Rung>,
    /// Justification of a non concerné declaration, to verify.
    pub not_applicable: Option<String>,
    pub comment: Option<String>,
    pub evidence: Vec<EvidenceCheck>,
}

/// One piece of evidence the structure names, and what the folder holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvidenceCheck {
    pub text: String,
    pub state: EvidenceState,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EvidenceState {
    Present,
    Missing,
    /// A web address: recorded, never fetched.
    Url,
}

/// A plan action answering a criterion.
#[derive(Clone, Debug)]
pub struct ActionRef {
    pub id: String,
    pub title: String,
    pub status: ActionStatus,
    pub due: Option<Date>,
    pub origin: Option<Origin>,
}

/// The checklist of a loaded structure folder without errors; `None` when
/// it has no referential or self-assessment. Evidence files are looked up
/// on disk (never opened).
pub fn for_folder(folder: &StructureFolder) -> Option<Checklist> {
    let present = |file: &str| {
        evidence::stays_inside(file) && evidence::on_disk(&folder.path, file) == OnDisk::Present
    };
    build(folder, &present)
}

/// The checklist; `present` tells whether an evidence file exists.
pub fn build(folder: &StructureFolder, present: &dyn Fn(&str) -> bool) -> Option<Checklist> {
    let referential = folder.referential.as_deref()?;
    let assessment = folder.self_assessment.as_ref()?;
    let structure = &assessment.structure;
    let evaluation = evaluation::evaluate(referential, assessment, folder.plan.as_ref());
    let mut results = evaluation.criteria.into_iter();
    let principles = referential
        .principles
        .iter()
        .map(|principle| {
            let applicable = principle
                .criteria
                .iter()
                .filter(|c| c.applies_to(structure.kind));
            let items = applicable
                .zip(results.by_ref())
                .map(|(criterion, result)| Item {
                    status: result.status,
                    actions: actions(folder.plan.as_ref(), &result.actions),
                    ..item(referential, assessment, criterion, present)
                })
                .collect();
            Section {
                id: principle.id.clone(),
                title: principle.title.clone(),
                items,
            }
        })
        .filter(|s| !s.items.is_empty())
        .collect();
    Some(Checklist {
        referential: referential.id.clone(),
        version: referential.version.to_string(),
        referential_title: referential.title.clone(),
        structure: structure.id.clone(),
        name: structure.name.clone(),
        kind: structure.kind.keyword(),
        region: structure.region.clone().filter(|r| !r.trim().is_empty()),
        folder: folder.shown.clone(),
        principles,
    })
}

/// What the referential expects and the structure declared; the status and
/// the actions come from the evaluation.
fn item(
    referential: &Referential,
    assessment: &SelfAssessment,
    criterion: &Criterion,
    present: &dyn Fn(&str) -> bool,
) -> Item {
    let rung = |value: i64| Rung {
        value,
        label: referential
            .scale
            .level(value)
            .map_or_else(String::new, |l| l.label.clone()),
        text: criterion
            .descriptor(&referential.scale, value)
            .map(str::to_string),
    };
    let answer = assessment.answers.get(&criterion.id);
    Item {
        id: criterion.id.clone(),
        title: criterion.title.to_string(),
        description: criterion.description.clone(),
        rubric: referential
            .scale
            .levels
            .iter()
            .map(|l| rung(l.value))
            .collect(),
        imperative: criterion.imperative,
        expected: rung(criterion.expected),
        not_applicable_allowed: criterion.not_applicable_allowed,
        evidence_expected: criterion.evidence.clone(),
        indicators: criterion.indicators.clone(),
        questions: criterion.audit_questions.clone(),
        sample: samples(criterion),
        declared: answer
            .map(|a| declared(a, &rung, present))
            .unwrap_or_default(),
        status: Status::NotAssessed,
        actions: Vec::new(),
    }
}

fn declared(
    answer: &Answer,
    rung: &dyn Fn(i64) -> Rung,
    present: &dyn Fn(&str) -> bool,
) -> Declared {
    let evidence = answer
        .evidence
        .iter()
        .map(|e| match e {
            Evidence::Url(url) => EvidenceCheck {
                text: url.clone(),
                state: EvidenceState::Url,
            },
            Evidence::File(file) => EvidenceCheck {
                text: file.clone(),
                state: if present(file) {
                    EvidenceState::Present
                } else {
                    EvidenceState::Missing
                },
            },
        })
        .collect();
    Declared {
        level: answer.level.map(rung),
        not_applicable: answer.not_applicable.clone(),
        comment: answer.comment.clone().filter(|c| !c.trim().is_empty()),
        evidence,
    }
}

fn actions(plan: Option<&Plan>, ids: &[String]) -> Vec<ActionRef> {
    let Some(plan) = plan else {
        return Vec::new();
    };
    plan.actions
        .iter()
        .filter(|a| ids.contains(&a.id))
        .map(|a| ActionRef {
            id: a.id.clone(),
            title: a.title.clone(),
            status: a.status,
            due: a.due,
            origin: a.origin,
        })
        .collect()
}
