//! What a report is about, as it sits in the URL (`?owner=&period=&from=&to=&bench=&target=`),
//! so a manager can bookmark or share "Ben, last quarter, against the team". Pure: the
//! page reads the query map into a [`ReportQuery`] and resolves it against today.

use super::period::Period;
use super::scope::Scope;
use super::verdict::Benchmark;
use crate::day::Day;
use crate::model::Cents;

/// The period choices, as named in the URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum PeriodChoice {
    ThisMonth,
    LastMonth,
    ThisQuarter,
    #[default]
    LastQuarter,
    ThisYear,
    LastYear,
    Custom,
}

impl PeriodChoice {
    pub const ALL: [PeriodChoice; 7] = [
        PeriodChoice::ThisMonth,
        PeriodChoice::LastMonth,
        PeriodChoice::ThisQuarter,
        PeriodChoice::LastQuarter,
        PeriodChoice::ThisYear,
        PeriodChoice::LastYear,
        PeriodChoice::Custom,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PeriodChoice::ThisMonth => "this-month",
            PeriodChoice::LastMonth => "last-month",
            PeriodChoice::ThisQuarter => "this-quarter",
            PeriodChoice::LastQuarter => "last-quarter",
            PeriodChoice::ThisYear => "this-year",
            PeriodChoice::LastYear => "last-year",
            PeriodChoice::Custom => "custom",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            PeriodChoice::ThisMonth => "This month",
            PeriodChoice::LastMonth => "Last month",
            PeriodChoice::ThisQuarter => "This quarter",
            PeriodChoice::LastQuarter => "Last full quarter",
            PeriodChoice::ThisYear => "This year",
            PeriodChoice::LastYear => "Last year",
            PeriodChoice::Custom => "Custom dates",
        }
    }

    pub fn parse(text: &str) -> Option<PeriodChoice> {
        PeriodChoice::ALL.into_iter().find(|c| c.as_str() == text)
    }

    /// The calendar period; `None` for custom dates.
    pub fn period(self, today: Day) -> Option<Period> {
        match self {
            PeriodChoice::ThisMonth => Some(Period::this_month(today)),
            PeriodChoice::LastMonth => Some(Period::last_month(today)),
            PeriodChoice::ThisQuarter => Some(Period::this_quarter(today)),
            PeriodChoice::LastQuarter => Some(Period::last_full_quarter(today)),
            PeriodChoice::ThisYear => Some(Period::this_year(today)),
            PeriodChoice::LastYear => Some(Period::last_year(today)),
            PeriodChoice::Custom => None,
        }
    }
}

/// What revenue is compared with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum BenchChoice {
    #[default]
    Previous,
    /// Only offered when the report is about one owner.
    Team,
    Target,
}

impl BenchChoice {
    pub fn as_str(self) -> &'static str {
        match self {
            BenchChoice::Previous => "previous",
            BenchChoice::Team => "team",
            BenchChoice::Target => "target",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            BenchChoice::Previous => "The previous period",
            BenchChoice::Team => "The team's average owner",
            BenchChoice::Target => "A revenue target",
        }
    }

    pub fn parse(text: &str) -> Option<BenchChoice> {
        [
            BenchChoice::Previous,
            BenchChoice::Team,
            BenchChoice::Target,
        ]
        .into_iter()
        .find(|c| c.as_str() == text)
    }
}

/// The report's inputs as typed (dates and target stay text until resolved, so a
/// half-typed value is shown back as it was).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ReportQuery {
    pub owner: Option<String>,
    pub period: PeriodChoice,
    pub from: String,
    pub to: String,
    pub bench: BenchChoice,
    /// Revenue target in whole currency units.
    pub target: String,
}

/// Valid inputs for the reports.
#[derive(Clone, Debug, PartialEq)]
pub struct Inputs {
    pub scope: Scope,
    pub period: Period,
    pub benchmark: Benchmark,
    /// The revenue target in cents, when one is given (it also feeds coverage).
    pub target: Option<Cents>,
}

/// Inputs that are always usable, plus what was wrong with the typed ones.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    pub inputs: Inputs,
    /// Next to the custom dates: why they were not used.
    pub dates_error: Option<String>,
    /// Next to the target: why it was not used.
    pub target_error: Option<String>,
}

impl ReportQuery {
    /// Reads the query parameters; unknown values fall back to the defaults.
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> ReportQuery {
        let text = |key: &str| get(key).map(|v| v.trim().to_string()).unwrap_or_default();
        ReportQuery {
            owner: get("owner").filter(|o| !o.trim().is_empty()),
            period: PeriodChoice::parse(&text("period")).unwrap_or_default(),
            from: text("from"),
            to: text("to"),
            bench: BenchChoice::parse(&text("bench")).unwrap_or_default(),
            target: text("target"),
        }
    }

    /// The query parameters, defaults and empty values left out to keep links short.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if let Some(owner) = &self.owner {
            out.push(("owner", owner.clone()));
        }
        if self.period != PeriodChoice::default() {
            out.push(("period", self.period.as_str().to_string()));
        }
        if self.period == PeriodChoice::Custom {
            out.push(("from", self.from.clone()));
            out.push(("to", self.to.clone()));
        }
        if self.bench != BenchChoice::default() {
            out.push(("bench", self.bench.as_str().to_string()));
        }
        if !self.target.is_empty() {
            out.push(("target", self.target.clone()));
        }
        out.retain(|(_, v)| !v.is_empty());
        out
    }

    pub fn scope(&self) -> Scope {
        self.owner.clone().map_or(Scope::Everyone, Scope::Owner)
    }

    /// Usable inputs for `today`. Bad custom dates fall back to the last full quarter
    /// and a bad target to the previous period, each with a message for its field.
    pub fn resolve(&self, today: Day) -> Resolved {
        let fallback = Period::last_full_quarter(today);
        let (period, dates_error) = match self.period.period(today) {
            Some(p) => (p, None),
            None => match custom_period(&self.from, &self.to) {
                Ok(p) => (p, None),
                Err(why) => (
                    fallback,
                    Some(format!("{why} Showing {} meanwhile.", fallback.label())),
                ),
            },
        };
        let (target, target_error) = match parse_target(&self.target) {
            Ok(t) => (t, None),
            Err(why) => (None, Some(why)),
        };
        let benchmark = match self.bench {
            BenchChoice::Team if self.owner.is_some() => Benchmark::TeamAverageOwner,
            BenchChoice::Target => match target {
                Some(t) => Benchmark::Target(t),
                None => Benchmark::PreviousPeriod,
            },
            _ => Benchmark::PreviousPeriod,
        };
        let target_error = target_error.or_else(|| {
            (self.bench == BenchChoice::Target && target.is_none())
                .then(|| "Enter the revenue target to compare with.".to_string())
        });
        Resolved {
            inputs: Inputs {
                scope: self.scope(),
                period,
                benchmark,
                target,
            },
            dates_error,
            target_error,
        }
    }
}

fn custom_period(from: &str, to: &str) -> Result<Period, &'static str> {
    let start = Day::parse_iso(from).ok_or("Pick a start date.")?;
    let end = Day::parse_iso(to).ok_or("Pick an end date.")?;
    if end < start {
        return Err("The end date is before the start date.");
    }
    Ok(Period::new(start, end))
}

/// A target in whole units ("150000", "150000.50") to cents; empty is no target.
fn parse_target(text: &str) -> Result<Option<Cents>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<f64>() {
        Ok(units) if units.is_finite() && units > 0.0 && units < 1e15 => {
            Ok(Some((units * 100.0).round() as Cents))
        }
        _ => Err("Enter the target as a positive amount, e.g. 150000.".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(pairs: &[(&str, &str)]) -> ReportQuery {
        ReportQuery::from_params(|key| {
            pairs
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v.to_string())
        })
    }

    fn d(y: i32, m: u32, day: u32) -> Day {
        Day::from_ymd(y, m, day).unwrap()
    }

    #[test]
    fn defaults_are_everyone_last_full_quarter_previous_period() {
        let today = d(2026, 11, 29);
        let r = query(&[]).resolve(today);
        assert_eq!(r.inputs.scope, Scope::Everyone);
        assert_eq!(r.inputs.period, Period::new(d(2026, 7, 1), d(2026, 9, 30)));
        assert_eq!(r.inputs.benchmark, Benchmark::PreviousPeriod);
        assert_eq!(query(&[]).pairs(), vec![]);
        // Unknown words fall back to the defaults.
        assert_eq!(
            query(&[("period", "fortnight"), ("bench", "x")]),
            query(&[])
        );
    }

    #[test]
    fn round_trips_through_the_url() {
        let q = query(&[
            ("owner", "Ben Okafor"),
            ("period", "custom"),
            ("from", "2026-01-05"),
            ("to", "2026-02-10"),
            ("bench", "team"),
        ]);
        let pairs = q.pairs();
        let back = ReportQuery::from_params(|key| {
            pairs
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v.clone())
        });
        assert_eq!(back, q);
        let r = q.resolve(d(2026, 11, 29));
        assert_eq!(r.inputs.scope, Scope::Owner("Ben Okafor".into()));
        assert_eq!(r.inputs.period, Period::new(d(2026, 1, 5), d(2026, 2, 10)));
        assert_eq!(r.inputs.benchmark, Benchmark::TeamAverageOwner);
    }

    #[test]
    fn the_team_benchmark_needs_an_owner() {
        let r = query(&[("bench", "team")]).resolve(d(2026, 11, 29));
        assert_eq!(r.inputs.benchmark, Benchmark::PreviousPeriod);
    }

    #[test]
    fn bad_dates_and_targets_say_so_and_fall_back() {
        let today = d(2026, 11, 29);
        let r = query(&[
            ("period", "custom"),
            ("from", "2026-03-01"),
            ("to", "2026-02-01"),
        ])
        .resolve(today);
        assert_eq!(r.inputs.period, Period::last_full_quarter(today));
        assert_eq!(
            r.dates_error.as_deref(),
            Some("The end date is before the start date. Showing Q3 2026 meanwhile.")
        );
        let r = query(&[("bench", "target"), ("target", "lots")]).resolve(today);
        assert_eq!(r.inputs.benchmark, Benchmark::PreviousPeriod);
        assert!(r.target_error.is_some());
        let r = query(&[("bench", "target")]).resolve(today);
        assert_eq!(
            r.target_error.as_deref(),
            Some("Enter the revenue target to compare with.")
        );
        let r = query(&[("bench", "target"), ("target", "150000.5")]).resolve(today);
        assert_eq!(r.inputs.benchmark, Benchmark::Target(15_000_050));
        assert_eq!(r.inputs.target, Some(15_000_050));
        assert_eq!(r.target_error, None);
    }
}
