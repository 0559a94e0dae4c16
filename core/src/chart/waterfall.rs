//! A waterfall: from the benchmark revenue, each Shapley part moves the running
//! total up or down until it lands on the current revenue.

/// One floating bar, in domain units: it starts where the previous one ended.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WaterfallBar {
    pub start: f64,
    pub end: f64,
}

impl WaterfallBar {
    pub fn is_gain(&self) -> bool {
        self.end >= self.start
    }
}

/// Bars for each part, starting at `base` (the benchmark revenue). The last bar ends
/// on `base + sum(parts)`; the UI draws the benchmark and the current revenue as
/// full bars from zero on either side.
pub fn waterfall(base: f64, parts: &[f64]) -> Vec<WaterfallBar> {
    let mut running = base;
    parts
        .iter()
        .map(|&part| {
            let start = running;
            running += part;
            WaterfallBar {
                start,
                end: running,
            }
        })
        .collect()
}

/// The smallest and largest value the waterfall touches, zero included (both full
/// bars start at zero): the domain for its y scale.
pub fn waterfall_extent(base: f64, parts: &[f64]) -> (f64, f64) {
    let mut lo = base.min(0.0);
    let mut hi = base.max(0.0);
    for bar in waterfall(base, parts) {
        lo = lo.min(bar.end);
        hi = hi.max(bar.end);
    }
    (lo, hi)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_chain_from_the_benchmark() {
        // 100 - 30 + 10 - 5 + 0 = 75
        let bars = waterfall(100.0, &[-30.0, 10.0, -5.0, 0.0]);
        assert_eq!(
            bars[0],
            WaterfallBar {
                start: 100.0,
                end: 70.0
            }
        );
        assert_eq!(
            bars[1],
            WaterfallBar {
                start: 70.0,
                end: 80.0
            }
        );
        assert_eq!(
            bars[2],
            WaterfallBar {
                start: 80.0,
                end: 75.0
            }
        );
        assert_eq!(
            bars[3],
            WaterfallBar {
                start: 75.0,
                end: 75.0
            }
        );
        assert!(!bars[0].is_gain() && bars[1].is_gain());
        assert_eq!(waterfall_extent(100.0, &[-130.0, 50.0]), (-30.0, 100.0));
    }
}
