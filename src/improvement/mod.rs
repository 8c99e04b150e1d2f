//! The improvement plan at work, above the evaluation: which gaps no action
//! answers ([`gaps`]), the actions `label plan` adds ([`scaffold`]) and how
//! they are written into `plan.yaml` without touching a byte a person wrote
//! ([`update`], checked by [`verify`]), and the plan's follow-up
//! ([`follow_up`]).
//!
//! Floors: [`crate::yaml`] ← [`crate::plan`] (reading, checking) ←
//! [`crate::evaluation`] ← here.

pub mod follow_up;
pub mod gaps;
mod ids;
pub mod scaffold;
pub mod update;
pub mod verify;

pub use follow_up::{FollowUp, follow_up};
pub use gaps::{Gap, GapKind};
pub use update::{Update, UpdateError, update};

#[cfg(test)]
mod tests;
