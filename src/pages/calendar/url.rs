//! What the calendar shows, read from and written to the URL query:
//! `?view=month|week|agenda&date=YYYY-MM-DD&tag=&owner=&kind=`. Without `view`, the
//! window's default: the month on a desk, the agenda on a phone.

use crate::components::query::href;
use leptos_router::params::ParamsMap;
use pipewise_core::calendar::{parse_tag, tag_key, TaskFilter, View};
use pipewise_core::{Day, TaskKind};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shown {
    pub view: View,
    /// The day the view is centred on; `None` follows today (a bookmark stays current).
    pub date: Option<Day>,
    pub filter: TaskFilter,
    /// The view when the URL names none; links to it leave `view` out.
    pub default_view: View,
}

impl Shown {
    pub fn read(query: &ParamsMap, default_view: View) -> Shown {
        let text = |key: &str| query.get(key).filter(|v| !v.trim().is_empty());
        Shown {
            default_view,
            view: View::parse_or(&text("view").unwrap_or_default(), default_view),
            date: text("date").and_then(|d| Day::parse_iso(&d)),
            filter: TaskFilter {
                tag: text("tag").and_then(|t| parse_tag(&t)),
                owner: text("owner"),
                kind: text("kind").and_then(|k| TaskKind::parse(&k)),
            },
        }
    }

    pub fn day(&self, today: Day) -> Day {
        self.date.unwrap_or(today)
    }

    /// The address of this view.
    pub fn href(&self) -> String {
        let f = &self.filter;
        href(
            "/calendar",
            &[
                (
                    "view",
                    if self.view == self.default_view {
                        String::new()
                    } else {
                        self.view.as_str().into()
                    },
                ),
                ("date", self.date.map(|d| d.iso()).unwrap_or_default()),
                ("tag", f.tag.map(tag_key).unwrap_or_default()),
                ("owner", f.owner.clone().unwrap_or_default()),
                (
                    "kind",
                    f.kind.map(|k| k.as_str().to_string()).unwrap_or_default(),
                ),
            ],
        )
    }

    pub fn with_view(&self, view: View) -> Shown {
        Shown {
            view,
            ..self.clone()
        }
    }

    pub fn with_date(&self, date: Option<Day>) -> Shown {
        Shown {
            date,
            ..self.clone()
        }
    }

    pub fn with_filter(&self, filter: TaskFilter) -> Shown {
        Shown {
            filter,
            ..self.clone()
        }
    }
}
