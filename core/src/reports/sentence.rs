//! The diagnosis in plain words, with the figures behind it.

use super::money::format_money_f;
use super::period::Period;
use super::verdict::{Diagnosis, Factor, Verdict, MIN_DECIDED};

fn percent(x: f64) -> String {
    format!("{:.0} %", x * 100.0)
}

/// A count that may be an average: "41", "12.5".
fn amount(x: f64) -> String {
    if (x - x.round()).abs() < 0.05 {
        format!("{:.0}", x)
    } else {
        format!("{:.1}", x)
    }
}

/// "24 vs 41" for a factor, now against the benchmark.
fn versus(d: &Diagnosis, f: Factor, currency: &str) -> String {
    let (now, then) = (d.current, d.benchmark);
    match f {
        Factor::Leads => format!("{} vs {}", d.new_leads, amount(d.benchmark_new_leads)),
        Factor::Yield => format!("{:.2} vs {:.2} decided per lead", now.yield_, then.yield_),
        Factor::CloseRate => format!(
            "{} vs {}",
            percent(now.close_rate),
            percent(then.close_rate)
        ),
        Factor::Value => format!(
            "{} vs {} on average",
            format_money_f(now.value, currency),
            format_money_f(then.value, currency)
        ),
    }
}

/// "1 deal was", "3 deals were".
fn deals_were(n: usize) -> String {
    if n == 1 {
        "1 deal was".into()
    } else {
        format!("{n} deals were")
    }
}

pub(super) fn sentence(
    d: &Diagnosis,
    period: &Period,
    goal: &str,
    usable: bool,
    currency: &str,
) -> String {
    let money = |x: f64| format_money_f(x, currency);
    let (rev, brev) = (d.revenue as f64, d.benchmark_revenue);
    let label = &d.benchmark_label;
    let part = |f: Factor| d.parts[f as usize];
    match d.verdict {
        Verdict::NotEnoughData if !usable => format!(
            "Not enough data for a diagnosis: no deal was won in the four periods before {}, \
             so there are no rates to reach the target with.",
            period.label()
        ),
        Verdict::NotEnoughData => format!(
            "Not enough data for a diagnosis: {} decided in {} and {} for {}; \
             it takes at least {MIN_DECIDED} each.",
            deals_were(d.decided),
            period.label(),
            d.benchmark_decided,
            label
        ),
        Verdict::NotEnoughChances(Factor::Leads) if !d.judges_closing() => format!(
            "Not enough chances: {} new {} in {} against {} for {label}, under half. \
             Close rate and deal size cannot be judged on so few decided deals \
             ({} and {}; it takes at least {MIN_DECIDED} each).",
            d.new_leads,
            if d.new_leads == 1 { "lead" } else { "leads" },
            period.label(),
            amount(d.benchmark_new_leads),
            d.decided,
            d.benchmark_decided,
        ),
        Verdict::AtOrAbove { watch } => {
            let mut s = if rev > brev + 0.5 && brev > 0.0 {
                format!(
                    "Revenue is {:.0} % above {label} ({} vs {}).",
                    (rev - brev) / brev * 100.0,
                    money(rev),
                    money(brev)
                )
            } else if rev > brev + 0.5 {
                format!(
                    "Revenue is {}, above {label} ({}).",
                    money(rev),
                    money(brev)
                )
            } else {
                format!("Revenue matches {label} ({}).", money(rev))
            };
            if let Some(f) = watch {
                s.push_str(&format!(
                    " Watch {}: {} cost {}.",
                    f.label().to_lowercase(),
                    versus(d, f, currency),
                    money(part(f))
                ));
            }
            s
        }
        Verdict::NotEnoughChances(_) | Verdict::ClosingEffectiveness | Verdict::DealSize => {
            let worst = d.verdict.factor().unwrap_or(Factor::Leads);
            let reason = match worst {
                Factor::Leads => "fewer new leads",
                Factor::Yield => "fewer deals decided per lead",
                Factor::CloseRate => "a lower close rate",
                Factor::Value => "smaller deals",
            };
            let (gap, drag) = (rev - brev, part(worst));
            let mut s = format!(
                "Revenue is {:.0} % below {label} ({} vs {}).",
                if brev > 0.0 { -gap / brev * 100.0 } else { 0.0 },
                money(rev),
                money(brev),
            );
            let figures = versus(d, worst, currency);
            if drag < gap {
                // Other factors made up some of it: this one alone cost more than the gap.
                s.push_str(&format!(
                    " {}{} cost {}, more than the whole gap of {}: {figures}.",
                    reason[..1].to_uppercase(),
                    &reason[1..],
                    money(drag),
                    money(gap)
                ));
            } else {
                let share = if drag <= gap / 2.0 {
                    "Most"
                } else {
                    "The largest part"
                };
                s.push_str(&format!(
                    " {share} of the gap ({} of {}) comes from {reason}: {figures}.",
                    money(drag),
                    money(gap)
                ));
            }
            let (c, cb) = (d.current.close_rate, d.benchmark.close_rate);
            if worst == Factor::CloseRate {
                s.push_str(&format!(
                    " New leads: {}.",
                    versus(d, Factor::Leads, currency)
                ));
                match d.close_rate_needed {
                    Some(x) if x <= 1.0 => s.push_str(&format!(
                        " At today's volume you would need a close rate of {} to {goal}.",
                        percent(x)
                    )),
                    Some(x) => s.push_str(&format!(
                        " At today's volume even closing every deal would not {goal} \
                         (it would take {}): you need more chances too.",
                        percent(x)
                    )),
                    None => {}
                }
            } else {
                if (c - cb).abs() < 0.005 {
                    s.push_str(&format!(" Close rate held at {}.", percent(c)));
                } else if c > cb {
                    s.push_str(&format!(
                        " Close rate rose to {} from {}.",
                        percent(c),
                        percent(cb)
                    ));
                } else {
                    s.push_str(&format!(
                        " Close rate fell to {} from {}.",
                        percent(c),
                        percent(cb)
                    ));
                }
                if let Some(n) = d.leads_needed {
                    s.push_str(&format!(
                        " At today's rates you need {:.0} leads to {goal}.",
                        n.ceil()
                    ));
                }
            }
            s
        }
    }
}
