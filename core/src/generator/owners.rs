//! The reps and the story each one tells in the diagnosis (docs/metrics.md).

use super::words::EXTRA_OWNERS;
use crate::model::Cents;

/// How one rep sells: the knobs that make the diagnosis name a cause.
#[derive(Clone, Debug)]
pub struct Profile {
    pub name: String,
    /// New deals per working day, relative to the other reps.
    pub lead_weight: f64,
    /// Fewer new deals from shortly before the last full quarter until today.
    pub drought: bool,
    /// Share of decided deals that are won.
    pub win_rate: f64,
    /// Deal values are spread evenly on a log scale between these (cents).
    pub min_value: Cents,
    pub max_value: Cents,
}

/// How much of a rep's usual lead volume is left during a drought.
pub const DROUGHT_SHARE: f64 = 0.2;

const DOLLARS: Cents = 100;

/// The reps, the first four telling the demo's story:
/// Ana is healthy, Ben is short on leads, Chloe closes poorly, Dev sells small deals.
pub fn profiles(owners: usize) -> Vec<Profile> {
    let story = [
        rep("Ana Ruiz", 1.15, false, 0.55, 25_000, 80_000),
        rep("Ben Okafor", 1.0, true, 0.42, 15_000, 45_000),
        rep("Chloe Martin", 1.35, false, 0.1, 15_000, 45_000),
        rep("Dev Patel", 1.0, false, 0.45, 1_000, 5_000),
    ];
    (0..owners.max(1))
        .map(|i| match story.get(i) {
            Some(p) => p.clone(),
            None => {
                let name = EXTRA_OWNERS
                    .get(i - story.len())
                    .map(|n| n.to_string())
                    .unwrap_or_else(|| format!("Rep {}", i + 1));
                rep(&name, 1.0, false, 0.4, 5_000, 50_000)
            }
        })
        .collect()
}

fn rep(name: &str, lead_weight: f64, drought: bool, win_rate: f64, min: i64, max: i64) -> Profile {
    Profile {
        name: name.to_string(),
        lead_weight,
        drought,
        win_rate,
        min_value: min * DOLLARS,
        max_value: max * DOLLARS,
    }
}
