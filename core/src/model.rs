//! The records Pipewise keeps (docs/product.md, "Records"). Plain data: the rules that change them
//! live in `book.rs`, as methods named after business events.

use crate::day::Day;
use crate::ids::{ContactId, DealId, TaskId};
use serde::{Deserialize, Serialize};

/// Milliseconds since the Unix epoch of an edit; merging keeps the newer one, field by field.
pub type Stamp = i64;

/// The id of one stage change or contact-type change. Drawn from the record's id, the
/// edit's stamp and the entry's place in the log (`ChangeId::derive`), so two browsers
/// never give one id to different entries, and corrections address an entry by it.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(transparent)]
pub struct ChangeId(pub u64);

impl ChangeId {
    /// A fresh id for an entry of the record `owner`, made at `stamp` as its `ordinal`-th
    /// entry (with `salt` for anything else that tells it apart, like its stage).
    pub fn derive(owner: crate::ids::Id, stamp: Stamp, ordinal: usize, salt: u64) -> ChangeId {
        ChangeId(crate::ids::stable_digest(&[
            &owner.0.to_le_bytes(),
            &stamp.to_le_bytes(),
            &(ordinal as u64).to_le_bytes(),
            &salt.to_le_bytes(),
        ]))
    }
}

/// Money in minor units (cents), so sums are exact.
pub type Cents = i64;

/// The stable id of a step of the sales process. Renaming a step never changes it,
/// so stage histories survive renames. The default steps are 1..=7, the same in every
/// browser (they are the same steps); a step added later gets a random id, so two
/// reps' first custom steps never become one step in a merge.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StepId(pub u64);

/// One step of the sales process.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub id: StepId,
    pub name: String,
    /// A deal is "stuck" after this many days in the step; `None` means the step's own
    /// 90th percentile of completed time in step.
    pub stuck_after: Option<u32>,
    /// Where the step sits: steps are ordered by rank (then id). A step added between
    /// two others takes a rank between theirs, so in a merge it lands between them too.
    pub rank: u64,
    /// When `name`, `stuck_after` and `rank` were last set ([`Step::NAME`] …).
    pub stamps: [Stamp; 3],
    /// When the step was removed (0: never). See [`Book::gone`].
    pub removed: Stamp,
}

impl Step {
    pub const NAME: usize = 0;
    pub const STUCK_AFTER: usize = 1;
    pub const RANK: usize = 2;
    /// The rank gap between default steps, leaving room to insert between them.
    pub const RANK_GAP: u64 = 1 << 32;
}

/// The ordered steps of the sales process; Won and Lost are outcomes, not steps.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Process {
    /// In order of rank; removed steps are in [`Book::gone`].
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
                    id: StepId(i as u64 + 1),
                    name: name.to_string(),
                    stuck_after: None,
                    rank: (i as u64 + 1) * Step::RANK_GAP,
                    stamps: [0; 3],
                    removed: 0,
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct StageChange {
    pub id: ChangeId,
    pub stage: Stage,
    pub on: Day,
    /// Free note; for `Stage::Lost` it is the loss reason.
    pub note: String,
    /// When the change was entered: changes of one day are in the order they were made.
    pub at: Stamp,
    /// When `stage`, `on` and `note` were last set ([`StageChange::STAGE`] …).
    pub stamps: [Stamp; 3],
    /// When the change was removed as a mistake (0: never).
    pub removed: Stamp,
}

impl StageChange {
    pub const STAGE: usize = 0;
    pub const ON: usize = 1;
    pub const NOTE: usize = 2;

    /// A change entered at `at`.
    pub fn new(
        id: ChangeId,
        stage: Stage,
        on: Day,
        note: impl Into<String>,
        at: Stamp,
    ) -> StageChange {
        StageChange {
            id,
            stage,
            on,
            note: note.into(),
            at,
            stamps: [at; 3],
            removed: 0,
        }
    }

    /// The order of a history: by date, then by when the change was made.
    pub fn order(&self) -> (Day, Stamp, ChangeId) {
        (self.on, self.at, self.id)
    }

    /// A history entered in one go (demo data, an import): each change gets an id from
    /// the deal and its place, and an `at` counting up to `stamp`, so they keep their order.
    pub fn sequence(
        owner: crate::ids::Id,
        stamp: Stamp,
        changes: Vec<(Stage, Day, String)>,
    ) -> Vec<StageChange> {
        let n = changes.len() as Stamp;
        changes
            .into_iter()
            .enumerate()
            .map(|(i, (stage, on, note))| {
                let at = stamp - n + 1 + i as Stamp;
                StageChange::new(ChangeId::derive(owner, stamp, i, 0), stage, on, note, at)
            })
            .collect()
    }
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
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TypeChange {
    pub id: ChangeId,
    pub kind: ContactType,
    pub on: Day,
    /// When the change was made: changes of one day are in the order they were made.
    pub at: Stamp,
    /// When it was removed (0: never).
    pub removed: Stamp,
}

impl TypeChange {
    pub fn new(id: ChangeId, kind: ContactType, on: Day, at: Stamp) -> TypeChange {
        TypeChange {
            id,
            kind,
            on,
            at,
            removed: 0,
        }
    }

    pub fn order(&self) -> (Day, Stamp, ChangeId) {
        (self.on, self.at, self.id)
    }

    /// A type history entered in one go, like [`StageChange::sequence`].
    pub fn sequence(
        owner: crate::ids::Id,
        stamp: Stamp,
        changes: Vec<(ContactType, Day)>,
    ) -> Vec<TypeChange> {
        let n = changes.len() as Stamp;
        changes
            .into_iter()
            .enumerate()
            .map(|(i, (kind, on))| {
                let at = stamp - n + 1 + i as Stamp;
                TypeChange::new(ChangeId::derive(owner, stamp, i, 1), kind, on, at)
            })
            .collect()
    }
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
    /// Type changes not in `types`: removed, or overruled when a merge put two of the
    /// same type in a row. Kept so later merges still know them.
    pub hidden_types: Vec<TypeChange>,
    /// When each field was last set, in the order of [`Contact::FIELDS`].
    pub stamps: [Stamp; 7],
    /// The newest edit of the contact (fields or types).
    pub edited: Stamp,
    /// When the contact was removed (0: never). See [`Book::gone`].
    pub removed: Stamp,
}

impl Contact {
    /// The fields a form edits one by one, in the order of `stamps`.
    pub const FIELDS: [&'static str; 7] = [
        "name", "company", "email", "phone", "owner", "source", "notes",
    ];

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
        let ordinal = self.types.len() + self.hidden_types.len();
        let id = ChangeId::derive(self.id.0, stamp, ordinal, 2);
        // After every change so far, even should this clock be behind another's.
        let last = self
            .types
            .iter()
            .chain(&self.hidden_types)
            .map(|t| t.at)
            .max();
        let at = last.map_or(stamp, |l| stamp.max(l + 1));
        self.types
            .push(TypeChange::new(id, ContactType::Client, on, at));
        self.edited = self.edited.max(at);
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
    /// Stage changes not in `history`: removed as mistakes, or overruled when a merge
    /// brought two of the same stage in a row (or two outcomes). Kept for later merges.
    pub hidden: Vec<StageChange>,
    /// When each field was last set, in the order of [`Deal::FIELDS`].
    pub stamps: [Stamp; 8],
    /// The newest edit of the deal (fields or history).
    pub edited: Stamp,
    /// When the deal was removed (0: never). See [`Book::gone`].
    pub removed: Stamp,
}

impl Deal {
    /// The fields a form edits one by one, in the order of `stamps`.
    pub const FIELDS: [&'static str; 8] = [
        "title",
        "contact",
        "owner",
        "value",
        "currency",
        "source",
        "expected close",
        "notes",
    ];

    /// A fresh id for the next stage change of this deal.
    pub fn next_change_id(&self, stamp: Stamp, salt: u64) -> ChangeId {
        ChangeId::derive(
            self.id.0,
            stamp,
            self.history.len() + self.hidden.len(),
            salt,
        )
    }

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

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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
    /// When each field was last set, in the order of [`Task::FIELDS`].
    pub stamps: [Stamp; 10],
    pub edited: Stamp,
    /// When the task was removed (0: never). See [`Book::gone`].
    pub removed: Stamp,
}

impl Task {
    /// The fields a form edits one by one, in the order of `stamps`.
    pub const FIELDS: [&'static str; 10] = [
        "title", "date", "time", "duration", "kind", "contact", "deal", "done", "notes", "tag",
    ];
}

/// This browser's settings, kept with the data. A teammate's file brings records, not
/// settings: merging one keeps ours.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// Currency for new deals and for report totals.
    pub currency: String,
    /// The rep using this browser: the default owner of new records. Empty until the
    /// rep says their name (they are asked before their first record).
    pub me: String,
    /// When `currency` and `me` were last set.
    pub stamps: [Stamp; 2],
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            currency: "USD".into(),
            me: String::new(),
            stamps: [0; 2],
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
    /// What was removed, kept whole with the moment of removal, so a merge with a copy
    /// that still has it does not bring it back (and a newer edit there can).
    pub gone: Gone,
}

/// Removed steps and records (tombstones that keep the record): a merge carries them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Gone {
    pub steps: Vec<Step>,
    pub contacts: Vec<Contact>,
    pub deals: Vec<Deal>,
    pub tasks: Vec<Task>,
}

impl Gone {
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
            && self.contacts.is_empty()
            && self.deals.is_empty()
            && self.tasks.is_empty()
    }
}
