//! Linear and band scales, and "nice" ticks on 1-2-5 steps.

/// Maps a domain interval linearly onto a range of pixels (either may be reversed,
/// e.g. a y range `(height, 0)` so that larger values are drawn higher).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl Scale {
    pub fn linear(domain: (f64, f64), range: (f64, f64)) -> Scale {
        Scale { domain, range }
    }

    /// The pixel for a value. A zero-width domain maps everything to the middle of
    /// the range rather than dividing by zero.
    pub fn apply(&self, value: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if d1 == d0 {
            return (r0 + r1) / 2.0;
        }
        r0 + (value - d0) / (d1 - d0) * (r1 - r0)
    }

    /// The value under a pixel (for pointer positions).
    pub fn invert(&self, pixel: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if r1 == r0 {
            return (d0 + d1) / 2.0;
        }
        d0 + (pixel - r0) / (r1 - r0) * (d1 - d0)
    }

    /// About `count` round ticks inside the domain.
    pub fn ticks(&self, count: usize) -> Vec<f64> {
        ticks(self.domain.0, self.domain.1, count)
    }

    /// The same scale with its domain widened to whole tick steps, so the axis starts
    /// and ends on a labelled tick.
    pub fn nice(self, count: usize) -> Scale {
        let (a, b) = self.domain;
        if !a.is_finite() || !b.is_finite() || a == b {
            return self;
        }
        let (lo, hi) = if a < b { (a, b) } else { (b, a) };
        let step = nice_step(hi - lo, count);
        let (lo, hi) = ((lo / step).floor() * step, (hi / step).ceil() * step);
        let domain = if a < b { (lo, hi) } else { (hi, lo) };
        Scale { domain, ..self }
    }
}

/// A round step (1, 2 or 5 times a power of ten) that cuts `span` into about
/// `count` pieces, never fewer.
pub fn nice_step(span: f64, count: usize) -> f64 {
    let raw = span.abs() / count.max(1) as f64;
    if !raw.is_finite() || raw <= 0.0 {
        return 1.0;
    }
    let magnitude = 10f64.powf(raw.log10().floor());
    let norm = raw / magnitude;
    let nice = if norm <= 1.0 {
        1.0
    } else if norm <= 2.0 {
        2.0
    } else if norm <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * magnitude
}

/// Round tick values between `min` and `max` (inclusive), about `count` of them.
/// Values are computed as whole multiples of the step, so `0.1 * 3` comes out as
/// `0.3`, not `0.30000000000000004`.
pub fn ticks(min: f64, max: f64, count: usize) -> Vec<f64> {
    if !min.is_finite() || !max.is_finite() {
        return Vec::new();
    }
    let (lo, hi) = if min <= max { (min, max) } else { (max, min) };
    if lo == hi {
        return vec![lo];
    }
    let step = nice_step(hi - lo, count);
    // A little slack: 0.3 / 0.1 is 2.9999999999999996, and 0.3 should be a tick.
    let first = (lo / step - 1e-9).ceil();
    let last = (hi / step + 1e-9).floor();
    // Steps below 1 are divisions of a power of ten: divide by its inverse to keep
    // decimal values exact.
    let inverse = if step < 1.0 {
        Some((1.0 / step).round())
    } else {
        None
    };
    let mut out = Vec::new();
    let mut i = first;
    while i <= last && out.len() < 1000 {
        out.push(match inverse {
            Some(inv) => i / inv,
            None => i * step,
        });
        i += 1.0;
    }
    out
}

/// Evenly spaced bands (for bars), with the same padding between bands and at both
/// ends, as a fraction of one step.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BandScale {
    pub count: usize,
    pub range: (f64, f64),
    /// 0 = bars touch; 0.2 = a fifth of each step is gap.
    pub padding: f64,
}

impl BandScale {
    pub fn new(count: usize, range: (f64, f64), padding: f64) -> BandScale {
        BandScale {
            count,
            range,
            padding: if padding.is_finite() {
                padding.clamp(0.0, 1.0)
            } else {
                0.0
            },
        }
    }

    fn step(&self) -> f64 {
        (self.range.1 - self.range.0) / (self.count as f64 + self.padding).max(1.0)
    }

    /// Width of one band.
    pub fn bandwidth(&self) -> f64 {
        self.step() * (1.0 - self.padding)
    }

    /// Left edge of band `i` (bands past the end continue the same spacing).
    pub fn start(&self, i: usize) -> f64 {
        let step = self.step();
        self.range.0 + step * self.padding + step * i as f64
    }

    /// Centre of band `i`, for labels.
    pub fn middle(&self, i: usize) -> f64 {
        self.start(i) + self.bandwidth() / 2.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_scale_maps_and_inverts() {
        let y = Scale::linear((0.0, 200.0), (100.0, 0.0));
        assert_eq!(y.apply(0.0), 100.0);
        assert_eq!(y.apply(50.0), 75.0);
        assert_eq!(y.apply(200.0), 0.0);
        assert_eq!(y.invert(75.0), 50.0);
        let flat = Scale::linear((5.0, 5.0), (0.0, 10.0));
        assert_eq!(flat.apply(5.0), 5.0);
        assert_eq!(Scale::linear((0.0, 1.0), (3.0, 3.0)).invert(3.0), 0.5);
    }

    #[test]
    fn ticks_fall_on_one_two_five_steps() {
        // span 100 / 5 = 20 → step 20
        assert_eq!(
            ticks(0.0, 100.0, 5),
            vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
        );
        // span 7 / 5 = 1.4 → step 2
        assert_eq!(ticks(0.0, 7.0, 5), vec![0.0, 2.0, 4.0, 6.0]);
        // span 0.7 / 5 = 0.14 → step 0.2; exact decimals
        assert_eq!(ticks(0.0, 0.7, 5), vec![0.0, 0.2, 0.4, 0.6]);
        // span 3 / 10 = 0.3 → step 0.5
        assert_eq!(ticks(0.0, 3.0, 10), vec![0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0]);
        // 0.1 steps stay exact decimals
        assert_eq!(ticks(0.0, 0.3, 3), vec![0.0, 0.1, 0.2, 0.3]);
        // span 41,200 / 4 = 10,300 → step 20,000
        assert_eq!(ticks(-41_200.0, 0.0, 4), vec![-40_000.0, -20_000.0, 0.0]);
        assert_eq!(ticks(3.0, 3.0, 5), vec![3.0]);
        assert!(ticks(f64::NAN, 1.0, 5).is_empty());
        assert_eq!(ticks(10.0, 0.0, 2), vec![0.0, 5.0, 10.0]);
    }

    #[test]
    fn nice_widens_the_domain_to_whole_steps() {
        let s = Scale::linear((0.0, 93.0), (0.0, 1.0)).nice(5);
        // 93 / 5 = 18.6 → step 20 → domain up to 100
        assert_eq!(s.domain, (0.0, 100.0));
        let r = Scale::linear((93.0, 3.0), (0.0, 1.0)).nice(5);
        assert_eq!(r.domain, (100.0, 0.0));
    }

    #[test]
    fn bands_are_evenly_spaced() {
        // 4 bands, padding 0.2 over 0..210: step = 210 / 4.2 = 50, width = 40,
        // first band starts after 0.2 * 50 = 10.
        let b = BandScale::new(4, (0.0, 210.0), 0.2);
        assert!((b.bandwidth() - 40.0).abs() < 1e-9);
        assert!((b.start(0) - 10.0).abs() < 1e-9);
        assert!((b.start(3) - 160.0).abs() < 1e-9);
        assert!((b.middle(1) - 80.0).abs() < 1e-9);
        // The last band ends 10 before the range end: symmetric padding.
        assert!((b.start(3) + b.bandwidth() - 200.0).abs() < 1e-9);
        let empty = BandScale::new(0, (0.0, 100.0), f64::NAN);
        assert!(empty.bandwidth().is_finite());
    }
}
