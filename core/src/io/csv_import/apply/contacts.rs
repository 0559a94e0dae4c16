//! Contact rows, and the contact a deal or task row belongs to: found, made from the
//! row's person, or — for a deal that names no one — made as the user chose.

use super::row::Row;
use super::{Contactless, Run, Who};
use crate::day::Day;
use crate::ids::{ContactId, Id, IdSource};
use crate::io::csv_import::fields::Field;
use crate::io::csv_import::values;
use crate::model::{Contact, ContactType, TypeChange};

impl Run {
    pub(super) fn contact_row(&mut self, row: &Row, ids: &mut dyn IdSource) -> Result<(), String> {
        let name = row.person_name();
        let (company, email) = (row.get(Field::Company), row.get(Field::Email));
        if !row.names_someone() {
            return Err("no name, company or email".into());
        }
        let type_text = row.get(Field::ContactType);
        let kind = if type_text.is_empty() {
            ContactType::Lead
        } else {
            values::parse_contact_type(type_text).ok_or_else(|| {
                format!("contact type “{type_text}” is not lead, prospect or client")
            })?
        };
        let since = self
            .past_date(row, Field::Created, "created date")?
            .unwrap_or(self.today);
        let id_in_file = Id::parse(row.get(Field::Id));
        let known = id_in_file.is_some_and(|id| self.taken.contains(&id))
            || self.people.find(&name, company, email).is_some();
        if known {
            self.out.already_there += 1;
            return Ok(());
        }
        let id = self.id_for(row, ids);
        let mut contact = self.new_contact(row, id, name, since);
        contact.notes = row.get(Field::Notes).to_string();
        contact.types = TypeChange::sequence(id, self.now, vec![(kind, since)]);
        self.add_contact(contact);
        Ok(())
    }

    /// A lead from the row's person fields (notes stay with the deal or task row).
    fn new_contact(&self, row: &Row, id: Id, name: String, since: Day) -> Contact {
        let company = row.get(Field::Company).to_string();
        let email = row.get(Field::Email).to_string();
        let name = match (name.is_empty(), company.is_empty()) {
            (false, _) => name,
            (true, false) => company.clone(),
            (true, true) => email.clone(),
        };
        Contact {
            id: ContactId(id),
            name,
            company,
            email,
            phone: row.get(Field::Phone).to_string(),
            owner: self.owner(row),
            source: row.get(Field::Source).to_string(),
            notes: String::new(),
            types: TypeChange::sequence(id, self.now, vec![(ContactType::Lead, since)]),
            hidden_types: Vec::new(),
            stamps: [self.now; 7],
            edited: self.now,
            removed: 0,
        }
    }

    fn add_contact(&mut self, contact: Contact) -> usize {
        let index = self.book.contacts.len();
        self.people.add(&contact, index);
        self.taken.insert(contact.id.0);
        self.book.contacts.push(contact);
        self.out.new_contacts += 1;
        index
    }

    /// The contact a deal or task row names, found or to be created. Nothing is added
    /// to the book until the whole row is known to be good.
    pub(super) fn who(
        &mut self,
        row: &Row,
        ids: &mut dyn IdSource,
        since: Day,
        needed_by: &str,
    ) -> Result<Who, String> {
        let name = row.person_name();
        let (company, email) = (row.get(Field::Company), row.get(Field::Email));
        if let Some(i) = self.people.find(&name, company, email) {
            return Ok(Who::Existing(i));
        }
        if !row.names_someone() {
            return Err(format!(
                "no contact name, company or email: {needed_by} needs a contact"
            ));
        }
        // The row's id column is the deal's or task's, not the contact's.
        let contact = self.new_contact(row, ids.fresh(), name, since);
        Ok(Who::New(Box::new(contact)))
    }

    /// The contact for a deal whose row names no one, as the user chose.
    pub(super) fn stand_in(
        &mut self,
        row: &Row,
        title: &str,
        ids: &mut dyn IdSource,
        since: Day,
    ) -> Result<Who, String> {
        let name = match &self.contactless {
            Contactless::Skip => {
                return Err(
                    "no contact name, company or email: choose how to bring in deals \
                            without a contact, or add a contact column"
                        .into(),
                )
            }
            Contactless::NamedAfterDeal => title.to_string(),
            Contactless::OneContact(name) if name.trim().is_empty() => {
                return Err("enter the name of the contact for deals without one".into())
            }
            Contactless::OneContact(name) => {
                let name = name.trim().to_string();
                if let Some(i) = self.people.find(&name, "", "") {
                    return Ok(Who::Existing(i));
                }
                name
            }
        };
        let mut contact = self.new_contact(row, ids.fresh(), name, since);
        contact.notes = "Added at import for a deal that named no contact.".into();
        Ok(Who::New(Box::new(contact)))
    }

    pub(super) fn place(&mut self, who: Who) -> usize {
        match who {
            Who::Existing(i) => i,
            Who::New(contact) => self.add_contact(*contact),
        }
    }

    /// A contact becomes a client on their first won deal (docs/product.md, "Records").
    pub(super) fn mark_client(&mut self, index: usize, won_on: Option<Day>) -> ContactId {
        let now = self.now;
        let Some(contact) = self.book.contacts.get_mut(index) else {
            return ContactId::default();
        };
        if let Some(on) = won_on {
            contact.becomes_client(on, now);
        }
        contact.id
    }
}
