//! The stage timeline of one deal: a row per step (process order), a bar per stay, time
//! running left to right. A stay in an earlier row after a later one is a move back and
//! is flagged, so the chart can mark it; the current stay runs to today.

use super::scale::Scale;
use crate::day::Day;
use crate::model::{Process, Stage, StageChange};

/// Room on the left for the step names.
pub const LABEL_WIDTH: f64 = 132.0;
/// Room on the right so the last bar's day count fits after it.
pub const RIGHT_PAD: f64 = 64.0;
pub const ROW_HEIGHT: f64 = 26.0;
pub const BAR_HEIGHT: f64 = 16.0;
/// Room under the rows for the date axis.
pub const AXIS_HEIGHT: f64 = 26.0;
/// A same-day stay still shows as a sliver.
pub const MIN_BAR: f64 = 3.0;

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub stage: Stage,
    pub label: String,
    /// Top of the row.
    pub y: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub row: usize,
    /// The history entry this bar stands for.
    pub index: usize,
    pub x0: f64,
    pub x1: f64,
    /// Top of the bar.
    pub y: f64,
    pub from: Day,
    /// The next entry's date, or today for the current stay.
    pub to: Day,
    pub days: i32,
    /// "12 days", or "Won" / "Lost" for an outcome.
    pub label: String,
    /// The deal came back here from a later step.
    pub back_move: bool,
    /// The stay still going on today.
    pub current: bool,
    /// Won or Lost: a point in time drawn as a marker, not a stay.
    pub outcome: bool,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tick {
    pub x: f64,
    pub day: Day,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Timeline {
    pub width: f64,
    pub height: f64,
    /// Where the plot starts and ends on the x axis.
    pub left: f64,
    pub right: f64,
    pub rows: Vec<Row>,
    pub bars: Vec<Bar>,
    pub ticks: Vec<Tick>,
}

/// Lays out a deal's history on a chart `width` pixels wide. Rows: every step of the
/// process, then steps the history names that were since removed, then Won and Lost
/// when the history reaches them.
pub fn timeline(history: &[StageChange], process: &Process, today: Day, width: f64) -> Timeline {
    let mut stages: Vec<Stage> = process.steps.iter().map(|s| Stage::Step(s.id)).collect();
    for change in history {
        let is_removed_step =
            matches!(change.stage, Stage::Step(id) if process.position(id).is_none());
        if is_removed_step && !stages.contains(&change.stage) {
            stages.push(change.stage);
        }
    }
    for outcome in [Stage::Won, Stage::Lost] {
        if history.iter().any(|c| c.stage == outcome) {
            stages.push(outcome);
        }
    }
    let rows: Vec<Row> = stages
        .iter()
        .enumerate()
        .map(|(i, &stage)| Row {
            stage,
            label: stage.name(process).to_string(),
            y: i as f64 * ROW_HEIGHT,
        })
        .collect();
    let height = rows.len() as f64 * ROW_HEIGHT + AXIS_HEIGHT;
    let width = if width.is_finite() {
        width.max(LABEL_WIDTH + RIGHT_PAD + 40.0)
    } else {
        640.0
    };
    let (left, right) = (LABEL_WIDTH, width - RIGHT_PAD);
    let start = history.first().map_or(today, |c| c.on);
    let open = history.last().is_some_and(|c| c.stage.is_open());
    let end = match history.last() {
        Some(last) if !open => last.on,
        _ => today.max(history.last().map_or(today, |c| c.on)),
    };
    let end = if end.0 <= start.0 { start.plus(1) } else { end };
    let scale = Scale::linear((f64::from(start.0), f64::from(end.0)), (left, right));
    let bars = history
        .iter()
        .enumerate()
        .filter_map(|(i, change)| {
            let row = stages.iter().position(|s| *s == change.stage)?;
            let y = rows[row].y + (ROW_HEIGHT - BAR_HEIGHT) / 2.0;
            let x0 = scale.apply(f64::from(change.on.0));
            if !change.stage.is_open() {
                return Some(Bar {
                    row,
                    index: i,
                    x0,
                    x1: x0,
                    y,
                    from: change.on,
                    to: change.on,
                    days: 0,
                    label: rows[row].label.clone(),
                    back_move: false,
                    current: false,
                    outcome: true,
                });
            }
            let next = history.get(i + 1);
            let to = next.map_or(today, |n| n.on).max(change.on);
            let days = to.since(change.on);
            let x1 = scale.apply(f64::from(to.0)).max(x0 + MIN_BAR);
            Some(Bar {
                row,
                index: i,
                x0,
                x1,
                y,
                from: change.on,
                to,
                days,
                label: days_label(days),
                back_move: i > 0 && is_back_move(&history[i - 1].stage, &change.stage, process),
                current: next.is_none(),
                outcome: false,
            })
        })
        .collect();
    let span = end.since(start);
    let ticks = scale
        .ticks(8.min(span.max(1) as usize))
        .into_iter()
        .filter(|t| t.fract() == 0.0)
        .map(|t| Tick {
            x: scale.apply(t),
            day: Day(t as i32),
        })
        .collect();
    Timeline {
        width,
        height,
        left,
        right,
        rows,
        bars,
        ticks,
    }
}

/// Where a bar's label goes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LabelPlace {
    /// Starting at `x`, after the bar.
    Right(f64),
    /// Starting at `x`, inside the bar.
    Inside(f64),
    /// Ending at `x`, before the bar.
    Left(f64),
}

/// Gap between a label and what it sits next to.
const GAP: f64 = 6.0;

impl Timeline {
    /// Places the bars' labels, in history order, so that no label overlaps a bar or
    /// an earlier label of its row. `candidates[i]` are the widths of bar `i`'s label
    /// texts, fullest first; each is tried after the bar (up to the chart's edge),
    /// inside the bar, then before it (back to the row names). Returns the chosen
    /// text's position in `candidates[i]` and where it goes, or `None` when no text
    /// fits (the history table still says it all).
    pub fn place_labels(&self, candidates: &[Vec<f64>]) -> Vec<Option<(usize, LabelPlace)>> {
        // Taken spans per row: every bar (a marker is 8 wide each side), then labels.
        let mut taken: Vec<Vec<(f64, f64)>> = vec![Vec::new(); self.rows.len()];
        for bar in &self.bars {
            let pad = if bar.outcome { 8.0 } else { 0.0 };
            if let Some(row) = taken.get_mut(bar.row) {
                row.push((bar.x0 - pad, bar.x1 + pad));
            }
        }
        let free = |row: &[(f64, f64)], own: (f64, f64), span: (f64, f64)| {
            span.0 >= self.left - GAP
                && span.1 <= self.width
                && row
                    .iter()
                    .filter(|t| **t != own)
                    .all(|t| span.1 + GAP <= t.0 || span.0 >= t.1 + GAP)
        };
        let mut out = Vec::with_capacity(self.bars.len());
        for (i, bar) in self.bars.iter().enumerate() {
            let pad = if bar.outcome { 8.0 } else { 0.0 };
            let own = (bar.x0 - pad, bar.x1 + pad);
            let widths = candidates.get(i).map(Vec::as_slice).unwrap_or(&[]);
            let row = taken.get(bar.row).map(Vec::as_slice).unwrap_or(&[]);
            let placed = widths.iter().enumerate().find_map(|(k, &w)| {
                let right = (own.1 + GAP, own.1 + GAP + w);
                let left = (own.0 - GAP - w, own.0 - GAP);
                if free(row, own, right) {
                    Some((k, LabelPlace::Right(right.0), right))
                } else if !bar.outcome && bar.x1 - bar.x0 >= w + 2.0 * GAP {
                    Some((k, LabelPlace::Inside(bar.x0 + GAP), own))
                } else if free(row, own, left) {
                    Some((k, LabelPlace::Left(left.1), left))
                } else {
                    None
                }
            });
            if let (Some((_, _, span)), Some(row)) = (placed, taken.get_mut(bar.row)) {
                row.push(span);
            }
            out.push(placed.map(|(k, place, _)| (k, place)));
        }
        out
    }
}

/// "1 day" / "12 days".
pub fn days_label(days: i32) -> String {
    if days == 1 {
        "1 day".into()
    } else {
        format!("{days} days")
    }
}

/// A move from a later step of the process to an earlier one (not a reopen after an
/// outcome, and not involving a removed step, whose place is unknown).
fn is_back_move(previous: &Stage, stage: &Stage, process: &Process) -> bool {
    match (previous, stage) {
        (Stage::Step(a), Stage::Step(b)) => {
            matches!((process.position(*a), process.position(*b)), (Some(pa), Some(pb)) if pb < pa)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::StepId;

    fn change(stage: Stage, on: i32) -> StageChange {
        let id = crate::model::ChangeId(on as u64);
        StageChange::new(id, stage, Day(on), "", 0)
    }

    fn step(n: u64) -> Stage {
        Stage::Step(StepId(n))
    }

    #[test]
    fn one_row_per_step_and_a_bar_per_stay() {
        let history = [
            change(step(1), 100),
            change(step(2), 110),
            change(step(3), 130),
        ];
        // Plot from 132 to 640 − 64 = 576 (444 px) over days 100..=140 (40 days):
        // 11.1 px a day.
        let t = timeline(&history, &Process::default(), Day(140), 640.0);
        assert_eq!(t.rows.len(), 7);
        assert_eq!(t.rows[3].label, "Needs analysis");
        assert_eq!(t.height, 7.0 * ROW_HEIGHT + AXIS_HEIGHT);
        assert_eq!((t.left, t.right), (132.0, 576.0));
        let b = &t.bars;
        assert_eq!(b.len(), 3);
        assert_eq!(
            (b[0].row, b[0].days, b[0].label.as_str()),
            (0, 10, "10 days")
        );
        assert!((b[0].x0 - 132.0).abs() < 1e-9);
        assert!((b[0].x1 - 243.0).abs() < 1e-9);
        assert_eq!((b[1].row, b[1].days), (1, 20));
        assert_eq!((b[2].row, b[2].days, b[2].to), (2, 10, Day(140)));
        assert!(b[2].current && !b[1].current);
        assert!(
            (b[2].x1 - 576.0).abs() < 1e-9,
            "the current stay grows to today"
        );
        assert!(b.iter().all(|b| !b.back_move && !b.outcome));
        assert_eq!(b[1].y, ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2.0);
    }

    #[test]
    fn moving_back_is_flagged_and_reopening_is_not() {
        let history = [
            change(step(1), 0),
            change(step(5), 10),
            change(step(4), 20),
            change(Stage::Lost, 30),
            change(step(2), 40),
        ];
        let t = timeline(&history, &Process::default(), Day(50), 800.0);
        let flags: Vec<bool> = t.bars.iter().map(|b| b.back_move).collect();
        assert_eq!(flags, [false, false, true, false, false]);
        assert_eq!(t.rows.last().unwrap().label, "Lost");
        let lost = &t.bars[3];
        assert!(lost.outcome && lost.x0 == lost.x1);
        assert_eq!((lost.row, lost.label.as_str()), (7, "Lost"));
        assert_eq!(t.bars[4].days, 10);
    }

    #[test]
    fn a_decided_deal_ends_at_its_decision() {
        let history = [change(step(1), 0), change(Stage::Won, 20)];
        let t = timeline(&history, &Process::default(), Day(400), 640.0);
        assert!((t.bars[1].x0 - t.right).abs() < 1e-9);
        assert_eq!(t.bars[0].days, 20);
        assert!(!t.bars[0].current);
        // Ticks are whole days inside the plot, left to right.
        assert!(!t.ticks.is_empty());
        assert!(t.ticks.windows(2).all(|w| w[0].x < w[1].x));
        assert!(t
            .ticks
            .iter()
            .all(|k| k.x >= t.left - 1e-9 && k.x <= t.right + 1e-9));
        assert_eq!(t.ticks[0].day, Day(0));
    }

    #[test]
    fn labels_go_where_they_fit_without_overlaps() {
        // Meeting twice: days 0..10 and 12..40 in the same row; plot 132..576 over
        // 40 days = 11.1 px a day. Bars: 132..243, Needs analysis 243..265.2,
        // Meeting again 265.2..576.
        let history = [change(step(3), 0), change(step(4), 10), change(step(3), 12)];
        let t = timeline(&history, &Process::default(), Day(40), 640.0);
        let place = |widths: [f64; 3]| -> Vec<Option<(usize, LabelPlace)>> {
            t.place_labels(&widths.iter().map(|w| vec![*w]).collect::<Vec<_>>())
        };
        // Small labels fit after each bar (the last one in the 64 px before the edge).
        let small = place([10.0, 10.0, 50.0]);
        assert_eq!(small[0], Some((0, LabelPlace::Right(249.0))));
        assert_eq!(small[2], Some((0, LabelPlace::Right(582.0))));
        // 40 px does not fit in the 22 px gap before the next stay: inside the bar.
        assert_eq!(
            place([40.0, 10.0, 10.0])[0],
            Some((0, LabelPlace::Inside(138.0)))
        );
        // Too wide for inside, and before the bar are only the row names.
        assert_eq!(place([120.0, 10.0, 10.0])[0], None);
        // Too wide for after, fits inside the 311 px bar; wider still fits nowhere.
        assert_eq!(
            place([10.0, 10.0, 280.0])[2],
            Some((0, LabelPlace::Inside(t.bars[2].x0 + 6.0)))
        );
        assert_eq!(place([10.0, 10.0, 300.0])[2], None);
        // The first fitting candidate wins.
        let shortest = t.place_labels(&[vec![120.0, 40.0, 10.0]]);
        assert_eq!(shortest[0], Some((1, LabelPlace::Inside(138.0))));
    }

    #[test]
    fn a_label_never_lands_on_an_earlier_label() {
        // Needs analysis 0..15, Proposal 15..30, Needs analysis again 30..40 (a move
        // back). Over 40 days from 132 to 576: the gap in the Needs analysis row runs
        // from 298.5 to 465.
        let history = [change(step(4), 0), change(step(5), 15), change(step(4), 30)];
        let t = timeline(&history, &Process::default(), Day(40), 640.0);
        let places = t.place_labels(&[vec![100.0], vec![50.0], vec![100.0, 30.0]]);
        assert_eq!(places[0], Some((0, LabelPlace::Right(304.5))));
        // The back-move's long label fits neither after nor inside its 111 px bar, and
        // before it would sit on the first label (304.5..404.5): the short one goes
        // after it instead.
        assert_eq!(places[2], Some((1, LabelPlace::Right(582.0))));
        // With room for neither, nothing is drawn rather than an overlap.
        let crowded = t.place_labels(&[vec![100.0], vec![50.0], vec![150.0]]);
        assert_eq!(crowded[2], None);
        assert!(t.place_labels(&[]).iter().all(Option::is_none));
    }

    #[test]
    fn same_day_moves_removed_steps_and_tiny_widths_stay_drawable() {
        let history = [change(step(1), 5), change(Stage::Step(StepId(42)), 5)];
        let t = timeline(&history, &Process::default(), Day(5), f64::NAN);
        assert_eq!(t.width, 640.0);
        assert_eq!(t.rows.len(), 8);
        assert_eq!(t.rows[7].label, "(removed step)");
        assert_eq!(t.bars[0].days, 0);
        assert!(t.bars[0].x1 - t.bars[0].x0 >= MIN_BAR);
        assert!(!t.bars[1].back_move);
        let narrow = timeline(&history, &Process::default(), Day(5), 10.0);
        assert!(narrow.right > narrow.left);
        assert_eq!(
            timeline(&[], &Process::default(), Day(5), 640.0).bars,
            vec![]
        );
    }
}
