//! The records Pipewise keeps (docs/product.md, "Records"). Plain data: the rules that change them
//! live in `book.rs`, as methods named after business events.

use crate::day::Day;
use crate::ids::{ContactId, DealId, TaskId};
use serde::{Deserialize, Serialize};

/// Milliseconds since the Unix epoch of a record's last edit; merging keeps the newer one.
pub type Stamp = i64;

/// Money in minor units (cents), so sums are exact.
pub type Cents = i64;

/// The stable id of a step of the sales process. Renaming a step never changes it,
/// so stage histories survive renames. The default steps are 1..=7.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StepId(pub u32);

/// One step of the sales process.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub id: StepId,
    pub name: String,
    /// A deal is "stuck" after this many days in the step; `None` means the step's own
    /// 90th percentile of completed time in step.
    pub stuck_after: Option<u32>,
}

/// The ordered steps of the sales process; Won and Lost are outcomes, not steps.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Process {
    pub steps: Vec<Step>,
}

impl Default for Process {
    fn default() -> Process {
        let names = [
            "Lead",
            "Prospect",
            "Meeting",
            "Needs analysis",
            "Proposal",
            "Negotiation",
            "Commitment",
        ];
        Process {
            steps: names
                .iter()
                .enumerate()
                .map(|(i, name)| Step {
                    id: StepId(i as u32 + 1),
                    name: name.to_string(),
                    stuck_after: None,
                })
                .collect(),
        }
    }
}

impl Process {
    /// Position of a step in the process (0 = first), or `None` for a removed step.
    pub fn position(&self, id: StepId) -> Option<usize> {
        self.steps.iter().position(|s| s.id == id)
    }

    pub fn step(&self, id: StepId) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }

    /// The step's name, or a placeholder for a step no longer in the process.
    pub fn name(&self, id: StepId) -> &str {
        self.step(id)
            .map(|s| s.name.as_str())
            .unwrap_or("(removed step)")
    }

    /// Steps whose work is prospecting: the first two (Lead and Prospect by default).
    pub fn is_prospecting(&self, id: StepId) -> bool {
        matches!(self.position(id), Some(0) | Some(1))
    }
}

pub mod stage;

/// Where a deal stands: a step of the process, or an outcome.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Stage {
    Step(StepId),
    Won,
    Lost,
}

impl Stage {
    pub fn is_open(self) -> bool {
        matches!(self, Stage::Step(_))
    }
}

/// One entry of a deal's stage history: the deal entered `stage` on `on`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageChange {
    pub stage: Stage,
    pub on: Day,
    /// Free note; for `Stage::Lost` it is the loss reason.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// Lead, prospect or client: what the person is to us, apart from any deal's step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ContactType {
    Lead,
    Prospect,
    Client,
}

impl ContactType {
    pub const ALL: [ContactType; 3] = [
        ContactType::Lead,
        ContactType::Prospect,
        ContactType::Client,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ContactType::Lead => "lead",
            ContactType::Prospect => "prospect",
            ContactType::Client => "client",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ContactType::Lead => "Lead",
            ContactType::Prospect => "Prospect",
            ContactType::Client => "Client",
        }
    }

    pub fn parse(text: &str) -> Option<ContactType> {
        ContactType::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(text.trim()))
    }
}

/// A dated change of contact type.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TypeChange {
    pub kind: ContactType,
    pub on: Day,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub id: ContactId,
    pub name: String,
    pub company: String,
    pub email: String,
    pub phone: String,
    /// The rep who owns the relationship.
    pub owner: String,
    /// Referral, cold call, inbound, event, …
    pub source: String,
    pub notes: String,
    /// Oldest first, never empty; the current type is the last entry.
    pub types: Vec<TypeChange>,
    pub edited: Stamp,
}

impl Contact {
    pub fn kind(&self) -> ContactType {
        self.types
            .last()
            .map(|t| t.kind)
            .unwrap_or(ContactType::Lead)
    }

    /// The rule "the first won deal makes a client", for whoever applies a win (the
    /// book's `win_deal`, the CSV import): unless already a client, the contact becomes
    /// one on `on`, or on its last type change when that is later, so the type history
    /// stays in order. Returns whether it changed.
    pub fn becomes_client(&mut self, on: Day, stamp: Stamp) -> bool {
        if self.kind() == ContactType::Client {
            return false;
        }
        let on = self.types.last().map_or(on, |t| t.on.max(on));
        self.types.push(TypeChange {
            kind: ContactType::Client,
            on,
        });
        self.edited = stamp;
        true
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deal {
    pub id: DealId,
    pub title: String,
    pub contact: ContactId,
    pub owner: String,
    pub value: Cents,
    /// ISO 4217 code, e.g. "USD".
    pub currency: String,
    pub source: String,
    pub expected_close: Option<Day>,
    pub notes: String,
    /// Oldest first, never empty, dates never decreasing; the current stage is the last.
    pub history: Vec<StageChange>,
    pub edited: Stamp,
}

impl Deal {
    pub fn stage(&self) -> Stage {
        self.history.last().map(|c| c.stage).unwrap_or(Stage::Lost)
    }

    /// The day the deal entered its current stage.
    pub fn since(&self) -> Day {
        self.history.last().map(|c| c.on).unwrap_or_default()
    }

    /// The day the deal entered the pipeline.
    pub fn opened(&self) -> Day {
        self.history.first().map(|c| c.on).unwrap_or_default()
    }

    pub fn is_open(&self) -> bool {
        self.stage().is_open()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TaskKind {
    Call,
    Email,
    Meeting,
    Demo,
    Proposal,
    FollowUp,
    Other,
}

impl TaskKind {
    pub const ALL: [TaskKind; 7] = [
        TaskKind::Call,
        TaskKind::Email,
        TaskKind::Meeting,
        TaskKind::Demo,
        TaskKind::Proposal,
        TaskKind::FollowUp,
        TaskKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TaskKind::Call => "call",
            TaskKind::Email => "email",
            TaskKind::Meeting => "meeting",
            TaskKind::Demo => "demo",
            TaskKind::Proposal => "proposal",
            TaskKind::FollowUp => "follow-up",
            TaskKind::Other => "other",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            TaskKind::Call => "Call",
            TaskKind::Email => "Email",
            TaskKind::Meeting => "Meeting",
            TaskKind::Demo => "Demo",
            TaskKind::Proposal => "Proposal",
            TaskKind::FollowUp => "Follow-up",
            TaskKind::Other => "Other",
        }
    }

    pub fn parse(text: &str) -> Option<TaskKind> {
        let t = text.trim().to_ascii_lowercase().replace([' ', '_'], "-");
        TaskKind::ALL
            .into_iter()
            .find(|k| k.as_str() == t || (t == "followup" && *k == TaskKind::FollowUp))
    }
}

/// The pipeline step a task serves: the deal's stage when the task was created (kept
/// afterwards as the history of what the work was for), or the contact's type when the
/// task has no deal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Tag {
    Stage(Stage),
    Contact(ContactType),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Task {
    pub id: TaskId,
    pub title: String,
    pub on: Day,
    /// Minutes after midnight.
    pub time: Option<u16>,
    /// Minutes.
    pub duration: Option<u16>,
    pub kind: TaskKind,
    pub contact: ContactId,
    pub deal: Option<DealId>,
    pub done_on: Option<Day>,
    pub notes: String,
    pub tag: Tag,
    pub edited: Stamp,
}

/// User settings kept with the data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// Currency for new deals and for report totals.
    pub currency: String,
    /// The rep using this browser: the default owner of new records.
    pub me: String,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            currency: "USD".into(),
            me: "Me".into(),
        }
    }
}

/// All of one browser's data: what is saved, backed up and merged.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Book {
    pub process: Process,
    pub contacts: Vec<Contact>,
    pub deals: Vec<Deal>,
    pub tasks: Vec<Task>,
    pub settings: Settings,
}
