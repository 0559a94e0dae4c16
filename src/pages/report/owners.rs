//! For managers: each owner's four factors, revenue and verdict against the team's
//! average owner, side by side. A name opens the report for that owner.

use super::words::{capitalised, verdict_words};
use crate::components::charts::percent;
use crate::format::{money, number};
use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::params::ParamsMap;
use pipewise_core::reports::query::{BenchChoice, ReportQuery};
use pipewise_core::reports::{owner_shortfalls, owner_table, Diagnosis, Factors};
use pipewise_core::Day;

/// One row as shown: every cell already formatted.
#[derive(Clone, Debug, PartialEq)]
struct OwnerRow {
    owner: String,
    href: String,
    cells: [String; 6],
    /// Where the owner's shortfall in wins starts, against the team's average owner.
    starts: String,
    verdict: (&'static str, String, &'static str),
}

impl OwnerRow {
    /// Rows are keyed by everything they show, so a changed figure re-renders its row.
    fn key(&self) -> String {
        format!(
            "{}|{}|{}|{}",
            self.owner,
            self.cells.join("|"),
            self.starts,
            self.verdict.1
        )
    }
}

fn cells(f: &Factors, leads: String, revenue: f64, vs: String, currency: &str) -> [String; 6] {
    [
        leads,
        number((f.yield_ * 100.0).round() / 100.0, 2),
        percent(f.close_rate),
        money(f.value.round() as i64, currency),
        money(revenue.round() as i64, currency),
        vs,
    ]
}

fn versus(d: &Diagnosis) -> String {
    if d.benchmark_revenue <= 0.0 {
        return "—".into();
    }
    let change = (d.revenue as f64 - d.benchmark_revenue) / d.benchmark_revenue;
    let text = percent(change.abs());
    if change.abs() < 0.005 {
        "even".into()
    } else if change > 0.0 {
        format!("+{text}")
    } else {
        format!("−{text}")
    }
}

#[component]
pub fn OwnerTable(
    /// The report's query, to keep its period in each owner's link.
    #[prop(into)]
    query: Signal<ReportQuery>,
    /// The period, as resolved.
    #[prop(into)]
    period: Signal<pipewise_core::reports::Period>,
    /// The day the report is as of.
    today: Day,
) -> impl IntoView {
    let app = use_app();
    let table = Memo::new(move |_| app.book.with(|b| owner_table(b, &period.get(), today)));
    let starts = Memo::new(move |_| {
        app.book.with(|b| {
            owner_shortfalls(b, &period.get(), today)
                .into_iter()
                .map(|(owner, s)| {
                    let at = s.starts_at().map(|l| capitalised(&l.label()));
                    (owner, at.unwrap_or_else(|| "—".into()))
                })
                .collect::<std::collections::HashMap<_, _>>()
        })
    });
    let currency = Memo::new(move |_| app.book.with(|b| b.settings.currency.clone()));
    let rows = Memo::new(move |_| {
        let c = currency.get();
        let q = query.get();
        table.with(|t| {
            t.iter()
                .map(|(owner, d)| {
                    let link = ReportQuery {
                        owner: Some(owner.clone()),
                        bench: BenchChoice::Team,
                        ..q.clone()
                    };
                    let map: ParamsMap = link.pairs().into_iter().collect();
                    OwnerRow {
                        owner: owner.clone(),
                        // Query-only, so the router keeps the page's path and base path.
                        href: map.to_query_string(),
                        cells: cells(
                            &d.current,
                            number(d.new_leads as f64, 0),
                            d.revenue as f64,
                            versus(d),
                            &c,
                        ),
                        starts: starts
                            .with(|m| m.get(owner).cloned().unwrap_or_else(|| "—".into())),
                        verdict: verdict_words(d.verdict),
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    let team = Memo::new(move |_| {
        let c = currency.get();
        table.with(|t| {
            t.first().map(|(_, d)| {
                cells(
                    &d.benchmark,
                    crate::components::charts::one_decimal(d.benchmark_new_leads),
                    d.benchmark_revenue,
                    String::new(),
                    &c,
                )
            })
        })
    });
    view! {
        <section class="panel owners" aria-labelledby="owners-head">
            <h2 id="owners-head">"Owners against the team's average owner"</h2>
            <Show when=move || rows.with(|r| !r.is_empty()) fallback=|| view! { <p class="muted">"No owner had deal activity in this period."</p> }>
                <div class="table-scroll">
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">"Owner"</th>
                                <th scope="col" class="num">"New leads"</th>
                                <th scope="col" class="num">"Yield"</th>
                                <th scope="col" class="num">"Close rate"</th>
                                <th scope="col" class="num">"Average won value"</th>
                                <th scope="col" class="num">"Revenue"</th>
                                <th scope="col" class="num">"vs team average"</th>
                                <th scope="col">"Shortfall starts at"</th>
                                <th scope="col">"Verdict"</th>
                            </tr>
                        </thead>
                        <tbody>
                            <For each=move || rows.get() key=OwnerRow::key let:row>
                                <tr>
                                    <th scope="row"><A href=row.href.clone()>{row.owner.clone()}</A></th>
                                    {row.cells.clone().into_iter().map(|c| view! { <td class="num">{c}</td> }).collect_view()}
                                    <td>{row.starts.clone()}</td>
                                    <td>
                                        <span class=format!("verdict-badge {}", row.verdict.2)>{row.verdict.0}</span>
                                        <span class="verdict-why">{format!(" {}", row.verdict.1)}</span>
                                    </td>
                                </tr>
                            </For>
                        </tbody>
                        <tfoot>
                            {move || team.get().map(|cells| view! {
                                <tr>
                                    <th scope="row">"Team's average owner"</th>
                                    {cells.into_iter().map(|c| view! { <td class="num">{c}</td> }).collect_view()}
                                    <td></td>
                                    <td class="muted">"the benchmark"</td>
                                </tr>
                            })}
                        </tfoot>
                    </table>
                </div>
            </Show>
        </section>
    }
}
