//! Calendar geometry checked against a printed calendar, and the task list's filters.

use super::*;
use crate::book::{ContactDraft, DealDraft, Now, TaskDraft};
use crate::ids::Id;
use crate::model::StepId;

fn day(iso: &str) -> Day {
    Day::parse_iso(iso).expect("test date")
}

#[test]
fn month_grid_starts_on_monday_and_flags_outside_days() {
    // March 2026 starts on a Sunday and ends on a Tuesday: six rows.
    let grid = month_grid(day("2026-03-17"));
    assert_eq!(grid.len(), 6);
    assert_eq!(grid[0][0].day, day("2026-02-23"));
    assert!(!grid[0][0].in_month);
    assert_eq!(grid[0][6].day, day("2026-03-01"));
    assert!(grid[0][6].in_month);
    assert_eq!(grid[5][1].day, day("2026-03-31"));
    assert!(grid[5][1].in_month);
    assert_eq!(grid[5][6].day, day("2026-04-05"));
    assert!(!grid[5][6].in_month);
    for week in &grid {
        assert_eq!(week[0].day.weekday(), 0, "every row starts on a Monday");
        assert_eq!(week[6].day.since(week[0].day), 6);
    }
    // February 2021 starts on a Monday and has 28 days: exactly four rows.
    let feb = month_grid(day("2021-02-10"));
    assert_eq!(feb.len(), 4);
    assert!(feb.iter().flatten().all(|d| d.in_month));
}

#[test]
fn week_range_runs_monday_to_sunday() {
    assert_eq!(
        week_range(day("2026-03-11")),
        (day("2026-03-09"), day("2026-03-15"))
    );
    assert_eq!(
        week_range(day("2026-03-09")),
        (day("2026-03-09"), day("2026-03-15"))
    );
    assert_eq!(
        week_range(day("2026-03-15")),
        (day("2026-03-09"), day("2026-03-15"))
    );
    // Across a year end.
    assert_eq!(
        week_range(day("2027-01-01")),
        (day("2026-12-28"), day("2027-01-03"))
    );
}

#[test]
fn views_page_by_month_week_and_agenda_length() {
    assert_eq!(View::Month.shift(day("2026-01-31"), 1), day("2026-02-28"));
    assert_eq!(View::Month.shift(day("2024-03-31"), -1), day("2024-02-29"));
    assert_eq!(View::Month.shift(day("2026-12-15"), 1), day("2027-01-15"));
    assert_eq!(View::Month.shift(day("2026-01-15"), -1), day("2025-12-15"));
    assert_eq!(View::Week.shift(day("2026-03-11"), -1), day("2026-03-04"));
    assert_eq!(View::Agenda.shift(day("2026-03-11"), 1), day("2026-03-25"));
    assert_eq!(
        View::Agenda.range(day("2026-03-11")),
        (day("2026-03-11"), day("2026-03-24"))
    );
    assert_eq!(
        View::Month.range(day("2026-03-11")),
        (day("2026-02-23"), day("2026-04-05"))
    );
    assert_eq!(month_end(day("2028-02-03")), day("2028-02-29"));
    assert_eq!(View::parse("week"), View::Week);
    assert_eq!(View::parse("nonsense"), View::Month);
}

#[test]
fn tags_have_keys_labels_and_tones() {
    let process = Process::default();
    for tag in tag_choices(&process) {
        assert_eq!(parse_tag(&tag_key(tag)), Some(tag));
    }
    assert_eq!(tag_choices(&process).len(), 3 + 7 + 2);
    assert_eq!(parse_tag("step-x"), None);
    // A link saved with the old step key still opens the same filter.
    assert_eq!(parse_tag("step-5"), parse_tag("s5"));
    assert_eq!(parse_tag("s5"), Some(Tag::Stage(Stage::Step(StepId(5)))));
    assert_eq!(parse_tag("LEAD"), None);
    let proposal = tag_view(&process, Tag::Stage(Stage::Step(StepId(5))));
    assert_eq!(
        (proposal.label.as_str(), proposal.tone.as_str()),
        ("Proposal", "s5")
    );
    assert!(!proposal.prospecting);
    let prospect_step = tag_view(&process, Tag::Stage(Stage::Step(StepId(2))));
    assert_eq!(prospect_step.label, "Prospect");
    assert!(prospect_step.prospecting);
    let client = tag_view(&process, Tag::Contact(ContactType::Client));
    assert_eq!(
        (client.label.as_str(), client.tone.as_str()),
        ("Client", "client")
    );
    assert!(!client.prospecting);
    assert!(tag_view(&process, Tag::Contact(ContactType::Lead)).prospecting);
    let won = tag_view(&process, Tag::Stage(Stage::Won));
    assert_eq!((won.label.as_str(), won.tone.as_str()), ("Won", "won"));
    let removed = tag_view(&process, Tag::Stage(Stage::Step(StepId(99))));
    assert_eq!(removed.tone, "s8");
}

const TODAY: &str = "2026-03-10";

fn now() -> Now {
    Now {
        today: day(TODAY),
        stamp: 1,
    }
}

fn task(
    title: &str,
    on: &str,
    kind: TaskKind,
    contact: u128,
    deal: Option<u128>,
    tag: Option<Tag>,
) -> TaskDraft {
    TaskDraft {
        title: title.into(),
        on: day(on),
        time: None,
        duration: None,
        kind,
        contact: ContactId(Id(contact)),
        deal: deal.map(|d| DealId(Id(d))),
        notes: String::new(),
        tag,
    }
}

/// Ana (owned by Sam) is a client with an open deal owned by Kim at the Proposal step;
/// Bo (owned by Kim) is a lead with no deal.
fn book() -> Book {
    let mut b = Book::default();
    let person = |name: &str, owner: &str| ContactDraft {
        name: name.into(),
        owner: owner.into(),
        ..Default::default()
    };
    b.add_contact(
        ContactId(Id(1)),
        person("Ana", "Sam"),
        ContactType::Client,
        now(),
    )
    .unwrap();
    b.add_contact(
        ContactId(Id(2)),
        person("Bo", "Kim"),
        ContactType::Lead,
        now(),
    )
    .unwrap();
    let deal = DealDraft {
        title: "New product".into(),
        contact: ContactId(Id(1)),
        owner: "Kim".into(),
        currency: "USD".into(),
        ..Default::default()
    };
    b.open_deal(DealId(Id(10)), deal, StepId(5), day("2026-03-01"), now())
        .unwrap();
    let tasks = [
        task(
            "Demo the new product",
            "2026-03-12",
            TaskKind::Demo,
            1,
            Some(10),
            Some(Tag::Stage(Stage::Step(StepId(2)))),
        ),
        task(
            "Send the proposal",
            "2026-03-09",
            TaskKind::Proposal,
            1,
            Some(10),
            None,
        ),
        task("Check in", "2026-03-11", TaskKind::Call, 1, None, None),
        task("First call", "2026-03-10", TaskKind::Call, 2, None, None),
        task("Old call", "2026-02-20", TaskKind::Call, 2, None, None),
    ];
    for (i, t) in tasks.into_iter().enumerate() {
        b.log_task(TaskId(Id(100 + i as u128)), t, now()).unwrap();
    }
    b.complete_task(TaskId(Id(104)), day(TODAY), now()).unwrap();
    b
}

fn titles(list: &[Entry]) -> Vec<&str> {
    list.iter().map(|e| e.title.as_str()).collect()
}

#[test]
fn entries_filter_by_tag_owner_and_kind() {
    let b = book();
    let (from, to) = View::Week.range(day(TODAY));
    let all = entries(&b, from, to, &TaskFilter::default(), day(TODAY));
    assert_eq!(
        titles(&all),
        [
            "Send the proposal",
            "First call",
            "Check in",
            "Demo the new product"
        ]
    );

    // The task's owner is the deal's owner, else the contact's.
    let kim = TaskFilter {
        owner: Some("Kim".into()),
        ..Default::default()
    };
    assert_eq!(
        titles(&entries(&b, from, to, &kim, day(TODAY))),
        ["Send the proposal", "First call", "Demo the new product"]
    );
    let sam = TaskFilter {
        owner: Some("Sam".into()),
        ..Default::default()
    };
    assert_eq!(
        titles(&entries(&b, from, to, &sam, day(TODAY))),
        ["Check in"]
    );

    let calls = TaskFilter {
        kind: Some(TaskKind::Call),
        ..Default::default()
    };
    assert_eq!(
        titles(&entries(&b, from, to, &calls, day(TODAY))),
        ["First call", "Check in"]
    );

    // A client's demo of a new product, tagged at the Prospect step, is prospecting.
    let prospect = TaskFilter {
        tag: Some(Tag::Stage(Stage::Step(StepId(2)))),
        ..Default::default()
    };
    let demo = entries(&b, from, to, &prospect, day(TODAY));
    assert_eq!(titles(&demo), ["Demo the new product"]);
    assert!(demo[0].tag.prospecting);
    assert_eq!(demo[0].tag.label, "Prospect");
    assert_eq!(demo[0].contact_name, "Ana");
    assert_eq!(demo[0].deal_title.as_deref(), Some("New product"));

    let client = TaskFilter {
        tag: Some(Tag::Contact(ContactType::Client)),
        ..Default::default()
    };
    assert_eq!(
        titles(&entries(&b, from, to, &client, day(TODAY))),
        ["Check in"]
    );
}

#[test]
fn overdue_is_open_and_past() {
    let b = book();
    let (from, to) = View::Month.range(day(TODAY));
    let all = entries(&b, from, to, &TaskFilter::default(), day(TODAY));
    let overdue: Vec<&str> = all
        .iter()
        .filter(|e| e.overdue)
        .map(|e| e.title.as_str())
        .collect();
    // "Old call" is past but done; "First call" is due today, not overdue.
    assert_eq!(overdue, ["Send the proposal"]);
    let before = overdue_before(&b, day(TODAY), &TaskFilter::default(), day(TODAY));
    assert_eq!(titles(&before), ["Send the proposal"]);
    // An agenda starting later still lists only tasks before today.
    let later = overdue_before(&b, day("2026-04-01"), &TaskFilter::default(), day(TODAY));
    assert_eq!(titles(&later), ["Send the proposal"]);
}

#[test]
fn agenda_groups_by_day_in_order() {
    let b = book();
    let (from, to) = View::Agenda.range(day("2026-03-09"));
    let groups = group_by_day(entries(&b, from, to, &TaskFilter::default(), day(TODAY)));
    let days: Vec<Day> = groups.iter().map(|(d, _)| *d).collect();
    assert_eq!(
        days,
        [
            day("2026-03-09"),
            day("2026-03-10"),
            day("2026-03-11"),
            day("2026-03-12")
        ]
    );
    assert!(groups
        .iter()
        .all(|(d, list)| list.iter().all(|e| e.on == *d)));
    assert!(group_by_day(Vec::new()).is_empty());
}

#[test]
fn untimed_tasks_come_first_then_by_time() {
    let mut b = book();
    let mut late = task("Late", "2026-03-10", TaskKind::Call, 2, None, None);
    late.time = Some(16 * 60);
    let mut early = task("Early", "2026-03-10", TaskKind::Call, 2, None, None);
    early.time = Some(9 * 60);
    b.log_task(TaskId(Id(200)), late, now()).unwrap();
    b.log_task(TaskId(Id(201)), early, now()).unwrap();
    let list = entries(
        &b,
        day(TODAY),
        day(TODAY),
        &TaskFilter::default(),
        day(TODAY),
    );
    assert_eq!(titles(&list), ["First call", "Early", "Late"]);
}

#[test]
fn a_day_counts_its_tasks_the_open_ones_and_the_late_ones() {
    let mut b = book();
    // A second task on the 9th, done: the day holds two, one open and late.
    let done = task("Call back", "2026-03-09", TaskKind::Call, 2, None, None);
    b.log_task(TaskId(Id(200)), done, now()).unwrap();
    b.complete_task(TaskId(Id(200)), day(TODAY), now()).unwrap();
    let (from, to) = View::Month.range(day(TODAY));
    let loads = day_loads(&entries(&b, from, to, &TaskFilter::default(), day(TODAY)));
    let nine = DayLoad {
        tasks: 2,
        open: 1,
        overdue: 1,
    };
    assert_eq!(loads.get(&day("2026-03-09")), Some(&nine));
    let today = DayLoad {
        tasks: 1,
        open: 1,
        overdue: 0,
    };
    assert_eq!(loads.get(&day("2026-03-10")), Some(&today));
    // The done call of Feb 20 is outside March's grid (it starts on Feb 23).
    assert_eq!(loads.get(&day("2026-02-20")), None);
    assert_eq!(
        loads.get(&day("2026-03-13")),
        None,
        "days without tasks are left out"
    );
    assert_eq!(loads.values().map(|l| l.tasks).sum::<usize>(), 5);
}

#[test]
fn a_phone_opens_on_the_agenda_unless_the_url_names_a_view() {
    assert_eq!(View::default_for_width(390.0), View::Agenda);
    assert_eq!(View::default_for_width(NARROW_WINDOW), View::Agenda);
    assert_eq!(View::default_for_width(1360.0), View::Month);
    assert_eq!(View::parse_or("", View::Agenda), View::Agenda);
    assert_eq!(View::parse_or("month", View::Agenda), View::Month);
    assert_eq!(View::parse_or("year", View::Month), View::Month);
}
