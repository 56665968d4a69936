//! Pieces that pages share.

pub mod notice;
pub mod quiz;
pub mod search;
pub mod shortcuts;
pub mod theme;
pub mod update;
