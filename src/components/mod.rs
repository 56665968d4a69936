//! Pieces that pages share.

pub mod notice;
pub mod quiz;
pub mod theme;
pub mod update;
