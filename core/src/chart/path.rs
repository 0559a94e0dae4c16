//! SVG path `d` strings for lines and (stacked) areas.

use super::format::svg_number;
use super::scale::Scale;
use std::fmt::Write;

fn point(out: &mut String, command: char, x: f64, y: f64) {
    let _ = write!(out, "{command}{},{}", svg_number(x), svg_number(y));
}

/// A polyline through pixel points: `M0,10L5,8L10,2`. Empty for no points.
pub fn line_path(points: &[(f64, f64)]) -> String {
    let mut out = String::new();
    for (i, &(x, y)) in points.iter().enumerate() {
        point(&mut out, if i == 0 { 'M' } else { 'L' }, x, y);
    }
    out
}

/// A closed area between an upper and a lower line sharing the same x pixels: along
/// the top left to right, back along the bottom right to left. Empty when there are
/// no points; extra values in the longer of the slices are ignored.
pub fn area_path(xs: &[f64], upper: &[f64], lower: &[f64]) -> String {
    let n = xs.len().min(upper.len()).min(lower.len());
    if n == 0 {
        return String::new();
    }
    let mut out = String::new();
    for i in 0..n {
        point(&mut out, if i == 0 { 'M' } else { 'L' }, xs[i], upper[i]);
    }
    for i in (0..n).rev() {
        point(&mut out, 'L', xs[i], lower[i]);
    }
    out.push('Z');
    out
}

/// Stacked areas, one path per series, the first series at the bottom. Value `j` of
/// a series sits at x = `x.apply(j)`; each band spans from the sum of the series
/// below it to that sum plus its own value. Series of different lengths are padded
/// with zeros; values that are not finite count as zero.
pub fn stacked_areas(series: &[Vec<f64>], x: &Scale, y: &Scale) -> Vec<String> {
    let n = series.iter().map(Vec::len).max().unwrap_or(0);
    let xs: Vec<f64> = (0..n).map(|j| x.apply(j as f64)).collect();
    let mut below = vec![0.0; n];
    series
        .iter()
        .map(|values| {
            let mut top = below.clone();
            for (j, t) in top.iter_mut().enumerate() {
                let v = values.get(j).copied().unwrap_or(0.0);
                if v.is_finite() {
                    *t += v;
                }
            }
            let upper: Vec<f64> = top.iter().map(|&v| y.apply(v)).collect();
            let lower: Vec<f64> = below.iter().map(|&v| y.apply(v)).collect();
            below = top;
            area_path(&xs, &upper, &lower)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_areas() {
        assert_eq!(line_path(&[]), "");
        assert_eq!(
            line_path(&[(0.0, 10.0), (5.5, 8.25), (10.0, 2.0)]),
            "M0,10L5.5,8.25L10,2"
        );
        assert_eq!(
            area_path(&[0.0, 10.0], &[1.0, 2.0], &[5.0, 5.0]),
            "M0,1L10,2L10,5L0,5Z"
        );
        assert_eq!(area_path(&[], &[], &[]), "");
    }

    #[test]
    fn stacked_areas_sit_on_each_other() {
        // Two days (x 0 and 100), y: value 0 → 100 px, value 10 → 0 px.
        let x = Scale::linear((0.0, 1.0), (0.0, 100.0));
        let y = Scale::linear((0.0, 10.0), (100.0, 0.0));
        let paths = stacked_areas(&[vec![2.0, 4.0], vec![3.0, 1.0]], &x, &y);
        // Bottom band 0..2 and 0..4: tops at y 80 and 60, bottom on 100.
        assert_eq!(paths[0], "M0,80L100,60L100,100L0,100Z");
        // Top band from 2..5 and 4..5: tops at 50 and 50, bottoms at 80 and 60.
        assert_eq!(paths[1], "M0,50L100,50L100,60L0,80Z");
        // Short series are padded with zeros; NaN counts as zero.
        let padded = stacked_areas(&[vec![2.0, 4.0], vec![f64::NAN]], &x, &y);
        assert_eq!(padded[1], "M0,80L100,60L100,60L0,80Z");
        assert!(stacked_areas(&[], &x, &y).is_empty());
    }
}
