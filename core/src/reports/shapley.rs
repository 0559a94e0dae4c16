//! The exact split of a change in a product of four factors.

/// The Shapley split of `Π current − Π benchmark` among the four factors: for each of
/// the 24 orders in which the factors can be switched from benchmark to current value
/// one at a time, the change in the product at each switch is that factor's marginal
/// effect; a factor's part is the average of its effects over all orders. The parts
/// sum to the whole change (every order telescopes), zeros included.
pub fn shapley4(current: [f64; 4], benchmark: [f64; 4]) -> [f64; 4] {
    let mut parts = [0.0; 4];
    for a in 0..4 {
        for b in 0..4 {
            for c in 0..4 {
                for d in 0..4 {
                    if (1 << a) | (1 << b) | (1 << c) | (1 << d) != 0b1111 {
                        continue;
                    }
                    let mut mix = benchmark;
                    let mut before: f64 = mix.iter().product();
                    for i in [a, b, c, d] {
                        mix[i] = current[i];
                        let after: f64 = mix.iter().product();
                        parts[i] += after - before;
                        before = after;
                    }
                }
            }
        }
    }
    parts.map(|p| p / 24.0)
}
