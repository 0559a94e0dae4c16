//! The import's vocabulary: what a file's rows are and what each column holds.

use crate::model::StepId;

/// A cell longer than this is refused: no CRM field is that long, and huge cells are how
/// a wrong file (or a hostile one) would fill the browser's storage.
pub const MAX_CELL_CHARS: usize = 10_000;

/// What the rows of a file are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    Contacts,
    Deals,
    Tasks,
}

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Ignore,
    /// A Pipewise id (other CRMs' ids are ignored).
    Id,
    /// The person's name; with FirstName / LastName for files that split it.
    Name,
    FirstName,
    LastName,
    Company,
    Email,
    Phone,
    Owner,
    Source,
    Notes,
    ContactType,
    /// The deal's or task's title.
    Title,
    Value,
    Currency,
    Stage,
    /// Open / won / lost, for files that keep it apart from the stage (Pipedrive).
    Status,
    /// The day the deal entered the pipeline (or the contact was created).
    Created,
    /// The actual close date of a decided deal, or the expected one of an open deal.
    CloseDate,
    WonDate,
    LostDate,
    LossReason,
    ExpectedClose,
    /// The task's date (with an optional time of day).
    Date,
    Time,
    Duration,
    Kind,
    /// Yes / no, or the date the task was done.
    Done,
    /// The title of the deal a task serves.
    Deal,
    /// The day a deal first entered this step (our own deals export has one column per
    /// step). Not in `choices`: the mapping step offers one per step of the process.
    StepDate(StepId),
}

impl Field {
    pub fn label(self) -> &'static str {
        match self {
            Field::Ignore => "(ignore)",
            Field::Id => "Pipewise id",
            Field::Name => "Contact name",
            Field::FirstName => "First name",
            Field::LastName => "Last name",
            Field::Company => "Company",
            Field::Email => "Email",
            Field::Phone => "Phone",
            Field::Owner => "Owner",
            Field::Source => "Source",
            Field::Notes => "Notes",
            Field::ContactType => "Contact type",
            Field::Title => "Title",
            Field::Value => "Value",
            Field::Currency => "Currency",
            Field::Stage => "Stage",
            Field::Status => "Status (open / won / lost)",
            Field::Created => "Created date",
            Field::CloseDate => "Close date",
            Field::WonDate => "Won date",
            Field::LostDate => "Lost date",
            Field::LossReason => "Loss reason",
            Field::ExpectedClose => "Expected close",
            Field::Date => "Date",
            Field::Time => "Time",
            Field::Duration => "Duration (minutes)",
            Field::Kind => "Kind",
            Field::Done => "Done",
            Field::Deal => "Deal title",
            Field::StepDate(_) => "Date entered the step",
        }
    }

    /// The fields a column may be mapped to for a target, for the mapping step's lists.
    pub fn choices(target: Target) -> &'static [Field] {
        use Field::*;
        match target {
            Target::Contacts => &[
                Ignore,
                Id,
                Name,
                FirstName,
                LastName,
                Company,
                Email,
                Phone,
                Owner,
                Source,
                ContactType,
                Created,
                Notes,
            ],
            Target::Deals => &[
                Ignore,
                Id,
                Title,
                Name,
                FirstName,
                LastName,
                Company,
                Email,
                Phone,
                Owner,
                Source,
                Value,
                Currency,
                Stage,
                Status,
                Created,
                CloseDate,
                WonDate,
                LostDate,
                LossReason,
                ExpectedClose,
                Notes,
            ],
            Target::Tasks => &[
                Ignore, Id, Title, Date, Time, Duration, Kind, Done, Name, FirstName, LastName,
                Company, Email, Phone, Deal, Notes,
            ],
        }
    }

    pub(super) fn is_date(self) -> bool {
        matches!(
            self,
            Field::Created
                | Field::CloseDate
                | Field::WonDate
                | Field::LostDate
                | Field::ExpectedClose
                | Field::Date
                | Field::StepDate(_)
        )
    }
}
