//! Other CRMs' stage and status words mapped to the process's steps and outcomes.

use super::values;
use crate::model::{Process, Stage};
use std::collections::HashSet;

/// A stage for each distinct value of the Stage / Status columns; `None` asks the user.
pub fn guess_stage_mapping(values: &[String], process: &Process) -> Vec<(String, Option<Stage>)> {
    let mut seen = HashSet::new();
    values
        .iter()
        .map(|v| v.trim())
        .filter(|v| !v.is_empty() && seen.insert(v.to_string()))
        .map(|v| (v.to_string(), guess_stage(v, process)))
        .collect()
}

fn guess_stage(value: &str, process: &Process) -> Option<Stage> {
    let key = values::squash(value);
    let step_named = |name: &str| {
        process
            .steps
            .iter()
            .find(|s| values::squash(&s.name) == name)
            .map(|s| Stage::Step(s.id))
    };
    if let Some(stage) = step_named(&key) {
        return Some(stage);
    }
    let words: Vec<String> = value
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .collect();
    let has = |w: &str| words.iter().any(|x| x == w);
    if has("won") || matches!(key.as_str(), "win" | "signed" | "closedwon" | "wonlost") {
        return Some(Stage::Won);
    }
    if has("lost")
        || matches!(
            key.as_str(),
            "dead" | "disqualified" | "closedlost" | "lose"
        )
    {
        return Some(Stage::Lost);
    }
    if let Some(default_name) = SYNONYMS
        .iter()
        .find(|(words, _)| words.contains(&key.as_str()))
        .map(|(_, name)| *name)
    {
        if let Some(stage) = step_named(default_name) {
            return Some(stage);
        }
    }
    // "Negotiation/Review", "Meeting booked": the longest step name inside the value.
    process
        .steps
        .iter()
        .map(|s| (values::squash(&s.name), s.id))
        .filter(|(name, _)| name.len() >= 4 && key.contains(name.as_str()))
        .max_by_key(|(name, _)| name.len())
        .map(|(_, id)| Stage::Step(id))
}

/// Other CRMs' usual stage names (Pipedrive, HubSpot and Salesforce defaults), by the
/// default step they correspond to. Used when the process still has that step.
const SYNONYMS: &[(&[&str], &str)] = &[
    (
        &[
            "new",
            "newlead",
            "unqualified",
            "inbound",
            "subscriber",
            "mql",
            "marketingqualifiedlead",
            "openlead",
            "incoming",
        ],
        "lead",
    ),
    (
        &[
            "prospecting",
            "engaging",
            "engaged",
            "qualified",
            "qualification",
            "qualifiedtobuy",
            "contactmade",
            "contacted",
            "sql",
            "salesqualifiedlead",
            "working",
            "attempted",
            "attemptedtocontact",
            "connected",
        ],
        "prospect",
    ),
    (
        &[
            "meetingscheduled",
            "appointmentscheduled",
            "demoscheduled",
            "demo",
            "presentationscheduled",
            "firstmeeting",
            "meetingbooked",
            "presentation",
        ],
        "meeting",
    ),
    (
        &[
            "discovery",
            "valueproposition",
            "iddecisionmakers",
            "perceptionanalysis",
            "evaluation",
            "needsassessment",
            "solutiondesign",
            "analysis",
        ],
        "needsanalysis",
    ),
    (
        &[
            "proposalmade",
            "proposalpricequote",
            "quote",
            "quotesent",
            "proposalsent",
            "contractsent",
            "pricequote",
        ],
        "proposal",
    ),
    (
        &[
            "negotiationsstarted",
            "negotiationreview",
            "negotiations",
            "decisionmakerboughtin",
            "decisionmakersboughtin",
            "review",
        ],
        "negotiation",
    ),
    (
        &[
            "verbal",
            "verbalcommit",
            "commit",
            "committed",
            "closing",
            "contract",
            "verbalagreement",
        ],
        "commitment",
    ),
];
