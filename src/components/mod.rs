//! Components shared by several pages.

pub mod banner;
pub mod deal_card;
pub mod deal_form;
pub mod demo;
pub mod empty;
pub mod field;
pub mod list_field;
pub mod modal;
pub mod move_dialog;
pub mod stage_timeline;
