//! Chart geometry: scales, ticks, SVG path strings and label formatting. Pure and
//! tested here; the app's chart components only turn these numbers into `<svg>`
//! elements. No chart library: the few shapes we draw do not need one.

mod format;
mod path;
mod scale;
mod time;
pub mod timeline;
mod waterfall;

pub use format::{axis_label, svg_number};
pub use path::{area_path, line_path, stacked_areas};
pub use scale::{nice_step, ticks, BandScale, Scale};
pub use time::day_ticks;
pub use timeline::{timeline, Timeline};
pub use waterfall::{waterfall, waterfall_extent, WaterfallBar};
