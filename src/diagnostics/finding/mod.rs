//! Every finding the tool can report, with its French message: the one place
//! where diagnostic wording lives, so that a translation could be added.

mod help;
mod message;
mod sheet;
mod version;

pub use sheet::SheetFinding;
pub use version::VersionFinding;

use super::Code;

/// One kind of problem, with the data its message needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finding {
    Syntax {
        detail: String,
    },
    DuplicateKey {
        key: String,
    },
    Limit {
        detail: String,
    },
    NotUtf8,
    Empty,
    UnknownKey {
        key: String,
        context: String,
        suggestion: Option<String>,
    },
    MissingField {
        key: String,
        context: String,
    },
    WrongType {
        key: String,
        expected: &'static str,
        found: &'static str,
    },
    NotAllowed {
        key: String,
        value: String,
        allowed: Vec<String>,
    },
    InvalidDate {
        key: String,
        value: String,
    },
    DuplicateId {
        kind: &'static str,
        id: String,
    },
    MalformedId {
        kind: &'static str,
        id: String,
        rule: &'static str,
    },
    InvalidVersion {
        value: String,
    },
    PlaceMismatch {
        key: &'static str,
        found: String,
        expected: String,
    },
    ScaleTooShort,
    ScaleNotIncreasing {
        previous: i64,
        value: i64,
    },
    ExpectedNotInScale {
        value: i64,
        levels: String,
    },
    PrincipleWithoutCriteria {
        id: String,
    },
    UnknownReference {
        id: String,
        suggestion: Option<String>,
    },
    EmptyText {
        key: String,
    },
    RuleOutOfRange {
        key: String,
        value: i64,
        bounds: String,
    },
    NoPrinciples,
    LevelOutsideScale {
        key: String,
        value: String,
        levels: String,
    },
    TypeOutsideReferential {
        kind: String,
        covered: Vec<String>,
    },
    LevelWithoutDescription {
        value: i64,
        label: String,
    },
    IgnoredFile {
        name: String,
    },
    NoEvidence {
        id: String,
    },
    NoAuditQuestion {
        id: String,
    },
    NoIndicator {
        id: String,
    },
    SelfReference {
        id: String,
    },
    IdOutsidePrinciple {
        id: String,
        principle: String,
    },
    ReferentialNotFound {
        id: String,
        version: String,
        available: Vec<String>,
    },
    VersionMismatch {
        file: String,
        found: String,
        expected: String,
    },
    TypeNotCovered {
        kind: String,
        covered: Vec<String>,
    },
    DuplicateStructure {
        id: String,
    },
    NoStructure,
    StructureMismatch {
        found: String,
        expected: String,
    },
    UnknownCriterion {
        id: String,
        suggestion: Option<String>,
    },
    LevelNotInScale {
        value: i64,
        levels: String,
    },
    LevelAndNotApplicable {
        id: String,
    },
    NotApplicableForbidden {
        id: String,
    },
    EmptyJustification {
        id: String,
    },
    AnswerNotApplicable {
        id: String,
        kind: String,
    },
    LevelWithoutSupport {
        id: String,
        level: i64,
        expected: i64,
    },
    StaleSelfAssessment {
        date: String,
        today: String,
    },
    EvidenceOutside {
        path: String,
    },
    EvidenceMissing {
        path: String,
    },
    Overdue {
        id: String,
        due: String,
    },
    ActionWithoutCriteria {
        id: String,
    },
    ActionWithoutOwner {
        id: String,
    },
    ActionWithoutDue {
        id: String,
    },
    AuditEndsBeforeStart,
    NoCertifiedAuditor,
    MissingFindings {
        count: usize,
        ids: String,
    },
    TooFewAuditors {
        count: usize,
    },
    NoPeerAuditor,
    NonconformityWithoutFacts {
        id: String,
    },
    AuditorNotApplicableForbidden {
        id: String,
    },
    AuditorNotApplicableUnjustified {
        id: String,
    },
    LiftingBeforeEnd {
        id: String,
        date: String,
        end: String,
    },
    DecisionWithoutDate,
    DecisionBeforeEnd {
        date: String,
        end: String,
    },
    PastAuditNotOlder {
        end: String,
        start: String,
    },
    /// `label audit`: criteria without a finding, so no proposal.
    NoProposal {
        count: usize,
        ids: String,
    },
    PathNotFound,
    LinkLoop,
    Unreadable {
        detail: String,
    },
    LinkOutside,
    BrokenLink,
    /// A path given to `label lint` holds no referential.
    NoReferential,
    /// Standard output or a file could not be written.
    WriteFailed {
        detail: String,
    },
    ConfigSyntax {
        detail: String,
    },
    ConfigUnknownKey {
        key: String,
        suggestion: Option<String>,
        known: &'static [&'static str],
    },
    ConfigWrongType {
        key: String,
        expected: &'static str,
    },
    ConfigFolderMissing {
        key: &'static str,
        folder: String,
    },
    EmbeddedReferentials {
        list: String,
    },
    /// A file that a command creates is already there.
    AlreadyExists,
    /// `label lint` without paths in a workspace with no referentials
    /// folder: nothing to lint.
    NoWorkspaceReferentials {
        folder: String,
    },
    /// A FIFO, a socket or a device where a file is expected.
    SpecialFile,
    /// A file that is a link leading out of its folder: not read.
    LinkedFileOutside,
    /// A file the tool writes is a link, or lies behind one: refused.
    WriteThroughLink,
    /// `label lint` was given a structure file: not a referential.
    StructureFileSkipped,
    /// `plan.yaml` is written in a shape `label plan` cannot extend
    /// without rewriting what a person wrote.
    PlanNotExtendable {
        detail: String,
    },
    /// `--ignore` or `[lint] ignore` names no diagnostic code.
    UnknownCode {
        code: String,
        suggestion: Option<String>,
    },
    /// `--ignore` or `[lint] ignore` names an error or a note: only
    /// warnings may be hidden.
    CodeNotIgnorable {
        code: String,
        severity: &'static str,
    },
    /// The referential a command needs has errors.
    InvalidReferential {
        shown: String,
    },
    /// `label import`: a file, row or cell of a spreadsheet (TAB…).
    Sheet(SheetFinding),
    /// Referential versions: correspondances, migration (VER…).
    Version(VersionFinding),
}

impl Finding {
    pub fn code(&self) -> Code {
        use Finding::*;
        match self {
            Syntax { .. } => Code::Yaml001,
            DuplicateKey { .. } => Code::Yaml002,
            Limit { .. } => Code::Yaml003,
            NotUtf8 => Code::Yaml004,
            Empty => Code::Yaml005,
            UnknownKey { .. } => Code::Sch001,
            MissingField { .. } => Code::Sch002,
            WrongType { .. } => Code::Sch003,
            NotAllowed { .. } => Code::Sch004,
            InvalidDate { .. } => Code::Sch005,
            DuplicateId { .. } => Code::Ref001,
            MalformedId { .. } => Code::Ref002,
            InvalidVersion { .. } => Code::Ref003,
            PlaceMismatch { .. } => Code::Ref004,
            ScaleTooShort | ScaleNotIncreasing { .. } => Code::Ref005,
            ExpectedNotInScale { .. } => Code::Ref006,
            PrincipleWithoutCriteria { .. } => Code::Ref007,
            UnknownReference { .. } => Code::Ref008,
            EmptyText { .. } => Code::Ref009,
            RuleOutOfRange { .. } => Code::Ref010,
            NoPrinciples => Code::Ref011,
            IgnoredFile { .. } => Code::Ref012,
            LevelOutsideScale { .. } => Code::Ref013,
            TypeOutsideReferential { .. } => Code::Ref014,
            LevelWithoutDescription { .. } => Code::Ref106,
            NoEvidence { .. } => Code::Ref101,
            NoAuditQuestion { .. } => Code::Ref102,
            NoIndicator { .. } => Code::Ref103,
            SelfReference { .. } => Code::Ref104,
            IdOutsidePrinciple { .. } => Code::Ref105,
            ReferentialNotFound { .. } => Code::Str001,
            VersionMismatch { .. } => Code::Str002,
            TypeNotCovered { .. } => Code::Str003,
            DuplicateStructure { .. } => Code::Str004,
            NoStructure => Code::Str005,
            StructureMismatch { .. } => Code::Str006,
            UnknownCriterion { .. } => Code::Crt001,
            LevelNotInScale { .. } => Code::Auto001,
            LevelAndNotApplicable { .. } => Code::Auto002,
            NotApplicableForbidden { .. } => Code::Auto003,
            EmptyJustification { .. } => Code::Auto004,
            AnswerNotApplicable { .. } => Code::Auto005,
            LevelWithoutSupport { .. } => Code::Auto006,
            StaleSelfAssessment { .. } => Code::Auto007,
            EvidenceOutside { .. } => Code::Prv001,
            EvidenceMissing { .. } => Code::Prv002,
            Overdue { .. } => Code::Plan001,
            ActionWithoutCriteria { .. } => Code::Plan002,
            ActionWithoutOwner { .. } => Code::Plan003,
            ActionWithoutDue { .. } => Code::Plan004,
            AuditEndsBeforeStart => Code::Aud001,
            NoCertifiedAuditor => Code::Aud002,
            MissingFindings { .. } => Code::Aud003,
            TooFewAuditors { .. } => Code::Aud004,
            NoPeerAuditor => Code::Aud005,
            NonconformityWithoutFacts { .. } => Code::Aud006,
            AuditorNotApplicableForbidden { .. } => Code::Aud007,
            AuditorNotApplicableUnjustified { .. } => Code::Aud008,
            LiftingBeforeEnd { .. } => Code::Aud009,
            DecisionWithoutDate => Code::Aud010,
            DecisionBeforeEnd { .. } => Code::Aud011,
            NoProposal { .. } => Code::Aud012,
            PastAuditNotOlder { .. } => Code::Aud013,
            PathNotFound => Code::Fs001,
            LinkLoop => Code::Fs002,
            Unreadable { .. } => Code::Fs003,
            LinkOutside => Code::Fs004,
            BrokenLink => Code::Fs005,
            NoReferential => Code::Ref201,
            WriteFailed { .. } => Code::Fs006,
            ConfigSyntax { .. } => Code::Cfg001,
            ConfigUnknownKey { .. } => Code::Cfg002,
            ConfigWrongType { .. } => Code::Cfg003,
            ConfigFolderMissing { .. } => Code::Cfg004,
            EmbeddedReferentials { .. } => Code::Cfg005,
            AlreadyExists => Code::Fs007,
            StructureFileSkipped => Code::Ref202,
            SpecialFile => Code::Fs008,
            LinkedFileOutside => Code::Fs009,
            WriteThroughLink => Code::Fs010,
            NoWorkspaceReferentials { .. } => Code::Ref201,
            PlanNotExtendable { .. } => Code::Plan005,
            InvalidReferential { .. } => Code::Str007,
            UnknownCode { .. } => Code::Cli001,
            CodeNotIgnorable { .. } => Code::Cli002,
            Sheet(finding) => finding.code(),
            Version(finding) => finding.code(),
        }
    }
}
