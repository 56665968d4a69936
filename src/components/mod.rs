//! Pieces that pages share.

pub mod backups;
pub mod display;
pub mod header;
pub mod insights;
pub mod lazy_notes;
pub mod lazy_search;
pub mod lazy_shell;
pub mod lesson_state;
pub mod not_found;
pub mod notes;
pub mod notice;
pub mod outline;
pub mod question;
pub mod quiz;
pub mod rich_text;
pub mod safety;
pub mod search;
pub mod shortcuts;
pub mod text_editor;
pub mod update;
pub mod weekly_goal;
