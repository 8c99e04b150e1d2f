//! `label report`: the audit-ready file of one structure, and the network
//! synthesis of many (§4.6). This module computes a serializable model from
//! what `evaluation` already decided (statuses, readiness, the §6.3
//! proposal); `output::report` only puts it into words, HTML, Markdown or
//! JSON. No rule is computed here twice, none in rendering.
//!
//! Same input, same model: the only date is the one given (`--date`) or
//! the latest one read from the files; nothing comes from the clock.

mod audit;
mod evidence;
mod heat;
mod network;
mod provenance;
mod ser;
mod structure;

pub use audit::{AuditBlock, AuditorLine, CycleLine, DecisionLine, DeclarationLine, FindingLine};
pub use evidence::{EvidenceFile, EvidenceState, UrlLine};
pub use heat::{HeatMap, HeatRow};
pub use network::{
    Anonymous, Audited, Gathered, NetworkBlock, NetworkReport, Overview, RankLine, RegionLine,
    StructureLine, gather, network_report,
};
pub use provenance::{FileDigest, Provenance, ReferentialFiles, git_commit, referential_files};
pub use structure::{
    ActionLine, CriterionLine, GapLine, LevelInfo, PrincipleSummary, StatusCounts, StructureReport,
    structure_report,
};

/// Version of the JSON shape of both reports (`"format": 1`).
pub const FORMAT: u8 = 1;

/// The tool that made a report, as its provenance states it.
pub fn tool() -> String {
    format!("label {}", env!("CARGO_PKG_VERSION"))
}
