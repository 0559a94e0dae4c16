//! The exact split of a change in a product of factors (docs/metrics.md): one function
//! for the diagnosis's four factors and the cohort's k + 1.

/// The most factors `shapley` splits exactly: 2^16 subsets is still instant; more steps
/// than that in a sales process is not a process anyone runs.
pub const MAX_FACTORS: usize = 16;

/// The Shapley split of `Π current − Π benchmark` among the factors. A factor's part is
/// its marginal effect — the change in the product when it alone switches from the
/// benchmark's value to the current one — averaged over every order of switching them
/// one at a time. Over subsets S of the other factors already switched, that is the sum
/// of |S|! (n − |S| − 1)! ÷ n! × (v(S ∪ {i}) − v(S)). The parts always sum to the whole
/// change, zeros included. Empty when the lengths differ or exceed [`MAX_FACTORS`].
pub fn shapley(current: &[f64], benchmark: &[f64]) -> Vec<f64> {
    let n = current.len();
    if n != benchmark.len() || n > MAX_FACTORS {
        return Vec::new();
    }
    // v(S): the product with the factors in S switched to their current values.
    let value = |mask: usize| -> f64 {
        (0..n)
            .map(|i| {
                if mask & (1 << i) != 0 {
                    current[i]
                } else {
                    benchmark[i]
                }
            })
            .product()
    };
    let values: Vec<f64> = (0..1usize << n).map(value).collect();
    // weight[s] = s! (n − s − 1)! ÷ n!, built without factorials that overflow.
    let weight: Vec<f64> = (0..n)
        .map(|s| {
            let mut w = 1.0 / n as f64;
            // 1 / C(n − 1, s)
            for j in 0..s {
                w *= (j + 1) as f64 / (n - 1 - j) as f64;
            }
            w
        })
        .collect();
    (0..n)
        .map(|i| {
            let bit = 1 << i;
            (0..1usize << n)
                .filter(|mask| mask & bit == 0)
                .map(|mask| {
                    weight[mask.count_ones() as usize] * (values[mask | bit] - values[mask])
                })
                .sum()
        })
        .collect()
}

/// [`shapley`] for the diagnosis's four factors.
pub fn shapley4(current: [f64; 4], benchmark: [f64; 4]) -> [f64; 4] {
    let parts = shapley(&current, &benchmark);
    [0, 1, 2, 3].map(|i| parts.get(i).copied().unwrap_or(0.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_factors_split_by_the_average_of_the_two_orders() {
        // 2·3 → 4·5: switching x first gives (4−2)·3 = 6, last (4−2)·5 = 10 → 8;
        // y: (5−3)·4 = 8 and (5−3)·2 = 4 → 6. 8 + 6 = 14 = 20 − 6.
        assert_eq!(shapley(&[4.0, 5.0], &[2.0, 3.0]), vec![8.0, 6.0]);
        assert_eq!(shapley(&[1.0], &[3.0]), vec![-2.0]);
        assert!(shapley(&[1.0; 17], &[1.0; 17]).is_empty());
        assert!(shapley(&[1.0, 2.0], &[1.0]).is_empty());
    }
}
