//! Step 3: match each column of the file to a field, and say how its dates are written.

use super::Wizard;
use crate::state::use_app;
use leptos::prelude::*;
use pipewise_core::io::{self, DateFormat, DateGuess, Field, Target};

/// How the mapped date columns are written, as detected; `None` when no date is mapped.
pub fn detected_dates(w: Wizard) -> Option<DateGuess> {
    w.file.with(|f| {
        let (_, sniffed) = f.as_ref()?;
        let samples = w.mapping.with(|m| sniffed.date_samples(m));
        (!samples.is_empty()).then(|| io::detect_date_format(&samples))
    })
}

/// The date format to read the file with: the user's choice, else the detected one.
/// `None` while the user still has to choose.
pub fn date_format(w: Wizard) -> Option<DateFormat> {
    match detected_dates(w) {
        None => Some(DateFormat::Iso),
        Some(guess) => w.date_format.get().or(guess.format()),
    }
}

#[component]
pub fn Mapping(
    /// The import's state.
    wizard: Wizard,
) -> impl IntoView {
    let app = use_app();
    let w = wizard;
    // Every field the rows may fill; deals also get one "date entered" per step.
    let choices = Memo::new(move |_| {
        let target = w.target.get();
        let mut list: Vec<(Field, String)> = Field::choices(target)
            .iter()
            .map(|f| (*f, f.label().to_string()))
            .collect();
        if target == Target::Deals {
            app.book.with(|b| {
                list.extend(
                    b.process
                        .steps
                        .iter()
                        .map(|s| (Field::StepDate(s.id), format!("Date entered “{}”", s.name))),
                )
            });
        }
        list
    });
    let columns = move || {
        w.file.with(|f| {
            let Some((_, s)) = f else { return Vec::new() };
            s.headers
                .iter()
                .enumerate()
                .map(|(i, h)| {
                    let sample = s
                        .rows
                        .iter()
                        .filter_map(|r| r.get(i))
                        .map(|c| c.trim())
                        .find(|c| !c.is_empty())
                        .unwrap_or("");
                    let sample: String = sample.chars().take(40).collect();
                    let header = if h.is_empty() {
                        format!("Column {}", i + 1)
                    } else {
                        h.clone()
                    };
                    (i, header, sample)
                })
                .collect::<Vec<_>>()
        })
    };
    let row = move |(i, header, sample): (usize, String, String)| {
        let id = format!("map-{i}");
        let on_change = move |ev| {
            let picked = event_target_value(&ev)
                .parse::<usize>()
                .ok()
                .and_then(|k| choices.with_untracked(|c| c.get(k).map(|x| x.0)));
            if let Some(field) = picked {
                w.mapping.update(|m| {
                    if let Some(slot) = m.get_mut(i) {
                        *slot = field;
                    }
                });
                w.stage_choices.set(Vec::new());
                w.changed();
            }
        };
        let options = move || {
            choices.with(|c| {
                c.iter()
                    .enumerate()
                    .map(|(k, (field, label))| {
                        let field = *field;
                        let selected = move || w.mapping.with(|m| m.get(i) == Some(&field));
                        view! { <option value=k.to_string() prop:selected=selected>{label.clone()}</option> }
                    })
                    .collect_view()
            })
        };
        view! {
            <tr>
                <th scope="row"><label for=id.clone()>{header}</label></th>
                <td class="sample">{sample}</td>
                <td><select id=id on:change=on_change>{options}</select></td>
            </tr>
        }
    };
    view! {
        <h3>"3. Match the columns"</h3>
        <p class="muted">"Each column of your file goes into the field you pick; “(ignore)” leaves it out. We guessed from the column names: check them."</p>
        <table class="mapping">
            <thead><tr><th scope="col">"Column in your file"</th><th scope="col">"First value"</th><th scope="col">"Import as"</th></tr></thead>
            <tbody>
                <For each=columns key=|(i, header, _)| (*i, header.clone()) children=row/>
            </tbody>
        </table>
        <DateChoice wizard=w/>
    }
}

/// The date format, detected; a required choice when the dates read both ways.
#[component]
fn DateChoice(
    /// The import's state.
    wizard: Wizard,
) -> impl IntoView {
    let w = wizard;
    let guess = Memo::new(move |_| detected_dates(w));
    move || {
        guess.get().map(|guess| {
            let ambiguous = guess.format().is_none();
            let note = if ambiguous {
                "Dates like 03/04/2024 can be read two ways. Choose how your file writes them."
            } else {
                "Detected from the file; change it if dates come out wrong."
            };
            let current = move || date_format(w);
            let options = [DateFormat::Iso, DateFormat::DayFirst, DateFormat::MonthFirst].map(|f| {
                view! { <option value=format!("{f:?}") prop:selected=move || current() == Some(f)>{f.label()}</option> }
            });
            view! {
                <div class="field date-choice">
                    <label for="import-dates">"How are dates written in this file?"</label>
                    <p class="hint muted" id="import-dates-note">{note}</p>
                    <select id="import-dates" aria-describedby="import-dates-note" on:change=move |ev| {
                        let f = match event_target_value(&ev).as_str() {
                            "Iso" => Some(DateFormat::Iso),
                            "DayFirst" => Some(DateFormat::DayFirst),
                            "MonthFirst" => Some(DateFormat::MonthFirst),
                            _ => None,
                        };
                        w.date_format.set(f);
                        w.changed();
                    }>
                        {ambiguous.then(|| view! { <option value="" prop:selected=move || current().is_none()>"Choose…"</option> })}
                        {options}
                    </select>
                </div>
            }
        })
    }
}
