//! Columns to fields, from the wording of their headers ("Deal - Title", "Deal Stage",
//! "Account Name") and, for deals, the process's step names.

use super::fields::{Field, Target};
use super::values;
use crate::model::Process;
use std::collections::HashSet;

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
