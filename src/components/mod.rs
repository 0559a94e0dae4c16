//! Components shared by several pages.

pub mod banner;
pub mod charts;
pub mod contact_form;
pub mod deal_card;
pub mod deal_form;
pub mod demo;
pub mod empty;
pub mod field;
pub mod file_pick;
pub mod list_field;
pub mod modal;
pub mod move_dialog;
pub mod query;
pub mod screen;
pub mod select_field;
pub mod stage_timeline;
pub mod tag_label;
pub mod tag_select;
pub mod task_dialog;
pub mod task_form;
pub mod task_item;
pub mod welcome;
