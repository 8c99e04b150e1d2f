//! `label migrate`: a structure moved to a newer version of its referential (§4.7).
