//! CSV import from other CRMs and spreadsheets: read the bytes (`sniff`), map columns to
//! fields (`guess_mapping`, `detect_date_format`, `guess_stage_mapping`), then `preview`
//! the result with row-level errors. The caller applies `book_after` in one go, or not
//! at all.

mod apply;
mod values;

pub use apply::{preview, ImportPreview, RowError};
pub use values::DateFormat;

use super::ImportError;
use crate::model::{Process, Stage, StepId};
use std::collections::HashSet;

/// A cell longer than this is refused: no CRM field is that long, and huge cells are how
/// a wrong file (or a hostile one) would fill the browser's storage.
pub const MAX_CELL_CHARS: usize = 10_000;

/// How the file's bytes were turned into text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    /// Not valid UTF-8: read as Windows-1252, the superset of Latin-1 Excel writes.
    Windows1252,
}

impl Encoding {
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 (with byte order mark)",
            Encoding::Utf16Le => "UTF-16 little-endian",
            Encoding::Utf16Be => "UTF-16 big-endian",
            Encoding::Windows1252 => "Windows-1252 (Western European)",
        }
    }
}

/// A CSV file read into rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sniffed {
    pub encoding: Encoding,
    /// `,` `;` tab or `|`.
    pub delimiter: u8,
    /// False when the first row looked like data; `headers` are then "Column 1", ….
    pub has_header: bool,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// The 1-based line of the file where each row starts (a quoted cell may span lines).
    pub lines: Vec<usize>,
}

impl Sniffed {
    /// A word for the user when the encoding was a guess.
    pub fn encoding_note(&self) -> Option<String> {
        match self.encoding {
            Encoding::Windows1252 => Some(
                "The file is not UTF-8, so it was read as Windows-1252 (Western European). \
                 Check that accented letters look right; if not, save the file as \
                 \"CSV UTF-8\" and import it again."
                    .into(),
            ),
            Encoding::Utf16Le | Encoding::Utf16Be => {
                Some(format!("The file was read as {}.", self.encoding.label()))
            }
            Encoding::Utf8 | Encoding::Utf8Bom => None,
        }
    }

    /// Non-empty values of the columns mapped to date fields, for `detect_date_format`.
    pub fn date_samples(&self, mapping: &[Field]) -> Vec<String> {
        let columns: Vec<usize> = mapping
            .iter()
            .enumerate()
            .filter(|(_, f)| f.is_date())
            .map(|(i, _)| i)
            .collect();
        self.rows
            .iter()
            .flat_map(|row| columns.iter().filter_map(|&i| row.get(i)))
            .map(|cell| cell.trim())
            .filter(|cell| !cell.is_empty())
            .map(str::to_string)
            .collect()
    }

    /// Distinct non-empty values of the columns mapped to Stage or Status, in order of
    /// first appearance, for `guess_stage_mapping`.
    pub fn stage_values(&self, mapping: &[Field]) -> Vec<String> {
        let mut seen = HashSet::new();
        let mut values = Vec::new();
        for row in &self.rows {
            for (i, field) in mapping.iter().enumerate() {
                if !matches!(field, Field::Stage | Field::Status) {
                    continue;
                }
                let Some(cell) = row.get(i).map(|c| c.trim()) else {
                    continue;
                };
                let open_status = *field == Field::Status && values::is_open_word(cell);
                if !cell.is_empty() && !open_status && seen.insert(cell.to_string()) {
                    values.push(cell.to_string());
                }
            }
        }
        values
    }
}

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

    fn is_date(self) -> bool {
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

/// Reads a CSV file's bytes: encoding, delimiter, header row and rows.
pub fn sniff(bytes: &[u8]) -> Result<Sniffed, ImportError> {
    if let Some(kind) = binary_kind(bytes) {
        return Err(ImportError::Binary {
            looks_like: Some(kind),
        });
    }
    let (text, encoding) = values::decode(bytes);
    if text.contains('\0') {
        return Err(ImportError::Binary { looks_like: None });
    }
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let delimiter = guess_delimiter(&text);
    let mut records = Vec::new();
    let mut lines = Vec::new();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    for record in reader.records() {
        // Reading valid text from memory with flexible rows only fails on broken quoting
        // at the very end; keep what was read so far.
        let Ok(record) = record else { break };
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let line = record.position().map_or(0, |p| p.line()) as usize;
        lines.push(line);
        records.push(record.iter().map(str::to_string).collect::<Vec<_>>());
    }
    let Some(first) = records.first() else {
        return Err(ImportError::Empty);
    };
    let has_header = looks_like_header(first);
    let (headers, mut rows, mut lines) = if has_header {
        let headers = records.remove(0);
        lines.remove(0);
        (headers, records, lines)
    } else {
        let width = records.iter().map(Vec::len).max().unwrap_or(0);
        let headers = (1..=width).map(|i| format!("Column {i}")).collect();
        (headers, records, lines)
    };
    // Report footers (Salesforce: "Confidential Information …", "Copyright …") are
    // single-cell lines after the data.
    if headers.len() > 1 {
        while rows.last().is_some_and(|r| r.len() == 1) {
            rows.pop();
            lines.pop();
        }
    }
    if rows.is_empty() {
        return Err(ImportError::NoRows);
    }
    Ok(Sniffed {
        encoding,
        delimiter,
        has_header,
        headers: headers.iter().map(|h| h.trim().to_string()).collect(),
        rows,
        lines,
    })
}

/// Names well-known binary formats people pick by mistake.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"PK\x03\x04") {
        Some("an Excel workbook (.xlsx) or a zip archive")
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        Some("an old Excel workbook (.xls)")
    } else if bytes.starts_with(b"%PDF") {
        Some("a PDF document")
    } else if bytes.starts_with(&[0x89, b'P', b'N', b'G']) || bytes.starts_with(&[0xFF, 0xD8, 0xFF])
    {
        Some("an image")
    } else {
        None
    }
}

/// The delimiter that splits the first lines into the most consistent number of cells.
fn guess_delimiter(text: &str) -> u8 {
    let mut end = text.len().min(16 * 1024);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = text.get(..end).unwrap_or(text);
    let mut best = (0usize, b',');
    for delimiter in [b',', b';', b'\t', b'|'] {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(head.as_bytes());
        let counts: Vec<usize> = reader
            .records()
            .take(30)
            .map_while(Result::ok)
            .map(|r| r.len())
            .collect();
        let Some(&width) = counts.first() else {
            continue;
        };
        if width < 2 {
            continue;
        }
        let consistent = counts.iter().filter(|&&n| n == width).count();
        let score = consistent * 1000 + width.min(999);
        if score > best.0 {
            best = (score, delimiter);
        }
    }
    best.1
}

/// A header row has distinct, non-empty labels, none of which looks like a number, a
/// date or an email address.
fn looks_like_header(cells: &[String]) -> bool {
    let mut seen = HashSet::new();
    let labels: Vec<&str> = cells
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect();
    !labels.is_empty()
        && labels.iter().all(|c| {
            let numeric = c.chars().any(|ch| ch.is_ascii_digit())
                && c.chars()
                    .all(|ch| ch.is_ascii_digit() || " .,-/:$€£".contains(ch));
            !numeric && !c.contains('@') && seen.insert(c.to_lowercase())
        })
}

/// Which entity a header names before its field: Pipedrive's "Deal - Title", HubSpot's
/// "Deal Stage", Salesforce's "Account Name".
#[derive(Clone, Copy, PartialEq, Eq)]
enum Entity {
    Any,
    Deal,
    Person,
    Org,
}

fn split_header(header: &str) -> (Entity, String) {
    let lower = header.trim().to_lowercase();
    let entity_of = |word: &str| match word {
        "deal" | "deals" | "opportunity" | "opp" => Some(Entity::Deal),
        "person" | "contact" | "lead" | "people" => Some(Entity::Person),
        "organization" | "organisation" | "org" | "account" | "company" => Some(Entity::Org),
        "activity" | "task" => Some(Entity::Any),
        _ => None,
    };
    let (mut entity, rest) = match lower.split_once(" - ") {
        Some((prefix, rest)) => match entity_of(prefix.trim()) {
            Some(e) => (e, rest.to_string()),
            None => (Entity::Any, lower.clone()),
        },
        None => (Entity::Any, lower.clone()),
    };
    let mut key: String = rest.chars().filter(|c| c.is_alphanumeric()).collect();
    // "Deal Stage", "Opportunity Owner", "Account Name": a leading entity word.
    // Pipedrive repeats it: "Deal - Deal created".
    for word in [
        "opportunity",
        "organization",
        "organisation",
        "account",
        "company",
        "contact",
        "person",
        "deal",
        "lead",
        "org",
        "opp",
    ] {
        if let Some(tail) = key.strip_prefix(word) {
            if KNOWN_KEYS.contains(&tail) {
                if entity == Entity::Any {
                    entity = entity_of(word).unwrap_or(Entity::Any);
                }
                key = tail.to_string();
                break;
            }
        }
    }
    (entity, key)
}

/// Field words that may follow an entity word in a header.
const KNOWN_KEYS: &[&str] = &[
    "name",
    "title",
    "owner",
    "stage",
    "status",
    "value",
    "amount",
    "currency",
    "source",
    "email",
    "phone",
    "created",
    "createdate",
    "createddate",
    "closedate",
    "type",
    "id",
    "notes",
    "description",
    "wontime",
    "losttime",
    "lostreason",
    "closedon",
    "addtime",
];

/// A field for each header, from its wording; each field is used at most once.
pub fn guess_mapping(headers: &[String], target: Target) -> Vec<Field> {
    guess_mapping_with_steps(headers, target, &Process::default())
}

/// `guess_mapping` that also knows the process, so deals columns named "<step> date"
/// (as our deals export writes them) map to that step's entry date.
pub fn guess_mapping_with_steps(
    headers: &[String],
    target: Target,
    process: &Process,
) -> Vec<Field> {
    let step_date = |header: &str| {
        let header = values::squash(header);
        process
            .steps
            .iter()
            .find(|s| {
                let name = values::squash(&s.name);
                header == format!("{name}date") || header == format!("entered{name}")
            })
            .map(|s| Field::StepDate(s.id))
    };
    let split: Vec<(Entity, String)> = headers.iter().map(|h| split_header(h)).collect();
    let has_stage = split
        .iter()
        .any(|(_, k)| matches!(k.as_str(), "stage" | "pipelinestage" | "salesstage"));
    let mut used = HashSet::new();
    split
        .iter()
        .zip(headers)
        .map(|((entity, key), header)| {
            let field = match step_date(header) {
                Some(field) if target == Target::Deals => field,
                _ => field_for(*entity, key, target, has_stage),
            };
            if field != Field::Ignore && !used.insert(field) {
                Field::Ignore
            } else {
                field
            }
        })
        .collect()
}

fn field_for(entity: Entity, key: &str, target: Target, has_stage: bool) -> Field {
    use Field::*;
    let k = key;
    let allowed = |f: Field| Field::choices(target).contains(&f);
    let field = match k {
        "name" | "fullname" => match (entity, target) {
            (Entity::Org, _) => Company,
            (Entity::Person, _) | (_, Target::Contacts) => Name,
            (Entity::Deal, Target::Tasks) => Deal,
            _ => Title,
        },
        "title" | "subject" if target != Target::Contacts => match entity {
            Entity::Deal if target == Target::Tasks => Deal,
            _ => Title,
        },
        "firstname" | "givenname" => FirstName,
        "lastname" | "surname" | "familyname" => LastName,
        "company" | "companyname" | "organization" | "organisation" | "account" | "org"
        | "associatedcompany" | "employer" | "business" => Company,
        "contact" | "contactperson" | "person" | "associatedcontact" | "primarycontact"
        | "customer" | "client" => Name,
        "owner" | "rep" | "salesrep" | "salesagent" | "agent" | "assignedto" | "user"
        | "salesperson" | "accountmanager" | "responsible" => Owner,
        "source" | "leadsource" | "originalsource" | "channel" | "origin" => Source,
        "notes" | "note" | "description" | "comments" | "comment" | "details" => Notes,
        "type" | "contacttype" | "lifecyclestage" | "leadstatus" | "category"
            if target == Target::Contacts =>
        {
            ContactType
        }
        "type" | "kind" | "activitytype" | "tasktype" => Kind,
        "stage" | "pipelinestage" | "salesstage" => Stage,
        "status" if target == Target::Tasks => Done,
        "status" if !has_stage => Stage,
        "status" | "outcome" | "wonlost" | "result" => Status,
        "value" | "amount" | "revenue" | "price" | "total" | "dealsize" => Value,
        "currency" | "currencycode" | "amountcurrency" | "valuecurrency" => Currency,
        "created" | "typesince" | "createdate" | "createddate" | "createdon" | "datecreated"
        | "engaged" | "entered" | "enteredon" | "dateentered" | "opened" | "opendate"
        | "addtime" | "dateadded" | "added" => Created,
        "closedate" | "closeddate" | "closedon" | "dateclosed" | "closetime" | "closed"
        | "closingdate" | "actualclosedate" => CloseDate,
        "won" | "wondate" | "wontime" | "datewon" | "wonon" => WonDate,
        "lost" | "lostdate" | "losttime" | "datelost" | "loston" => LostDate,
        "lostreason" | "lossreason" | "reasonlost" | "closedlostreason" | "reason" => LossReason,
        "expectedclose"
        | "expectedclosedate"
        | "expectedclosingdate"
        | "forecastclosedate"
        | "targetclosedate"
        | "expecteddate" => ExpectedClose,
        "date" | "duedate" | "due" | "ondate" | "startdate" | "activitydate" | "when"
        | "scheduled" | "day" => match target {
            Target::Tasks => Date,
            Target::Deals => Created,
            Target::Contacts => Created,
        },
        "time" | "duetime" | "starttime" => Time,
        "duration" | "length" | "minutes" | "durationminutes" | "durationmin" => Duration,
        "done" | "doneon" | "completed" | "isdone" | "donedate" | "completedon"
        | "completeddate" | "markedasdonetime" | "donetime" => Done,
        "deal" | "dealtitle" | "opportunity" | "relateddeal" => match target {
            Target::Deals => Title,
            _ => Deal,
        },
        "id" | "recordid" | "pipewiseid" => Id,
        _ if k.contains("email") => Email,
        _ if k.contains("phone") || k.contains("mobile") || k == "tel" => Phone,
        _ => Ignore,
    };
    if allowed(field) {
        field
    } else {
        Ignore
    }
}

/// How the date cells are written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateGuess {
    Iso,
    DayFirst,
    MonthFirst,
    /// The samples fit several formats (e.g. 03/04/2024): the user chooses, in this order
    /// of likelihood.
    Ambiguous(Vec<DateFormat>),
}

impl DateGuess {
    /// The format to use, or `None` when the user must choose.
    pub fn format(&self) -> Option<DateFormat> {
        match self {
            DateGuess::Iso => Some(DateFormat::Iso),
            DateGuess::DayFirst => Some(DateFormat::DayFirst),
            DateGuess::MonthFirst => Some(DateFormat::MonthFirst),
            DateGuess::Ambiguous(_) => None,
        }
    }
}

/// The date format that reads the samples. When none reads them all, the one that reads
/// the most wins (the rest become row errors); a tie asks the user.
pub fn detect_date_format(samples: &[String]) -> DateGuess {
    let formats = [
        DateFormat::Iso,
        DateFormat::DayFirst,
        DateFormat::MonthFirst,
    ];
    let samples: Vec<&str> = samples
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    if samples.is_empty() {
        return DateGuess::Iso;
    }
    let mut counts: Vec<(DateFormat, usize)> = formats
        .iter()
        .map(|&f| (f, samples.iter().filter(|s| f.parse(s).is_some()).count()))
        .filter(|(_, n)| *n > 0)
        .collect();
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    let best = counts.first().map_or(0, |c| c.1);
    let top: Vec<DateFormat> = counts
        .iter()
        .filter(|(_, n)| *n == best)
        .map(|(f, _)| *f)
        .collect();
    match top.as_slice() {
        [DateFormat::Iso] => DateGuess::Iso,
        [DateFormat::DayFirst] => DateGuess::DayFirst,
        [DateFormat::MonthFirst] => DateGuess::MonthFirst,
        [] => DateGuess::Ambiguous(formats.to_vec()),
        _ => DateGuess::Ambiguous(counts.iter().map(|(f, _)| *f).collect()),
    }
}

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
