//! Contacts: adding, editing, marking their type by hand, and removing them with what
//! hangs off them.

use super::rules::{follows, in_range};
use super::{BookError, ContactDraft, Now, Removed};
use crate::day::Day;
use crate::ids::ContactId;
use crate::model::{Book, Contact, ContactType, TypeChange};

impl Book {
    /// A new contact; its type history starts with `kind` today.
    pub fn add_contact(
        &mut self,
        id: ContactId,
        draft: ContactDraft,
        kind: ContactType,
        now: Now,
    ) -> Result<(), BookError> {
        if self.contact(id).is_some() {
            return Err(BookError::IdTaken("contact"));
        }
        let draft = draft.cleaned()?;
        in_range("Today", now.today)?;
        self.contacts.push(Contact {
            id,
            name: draft.name,
            company: draft.company,
            email: draft.email,
            phone: draft.phone,
            owner: draft.owner,
            source: draft.source,
            notes: draft.notes,
            types: vec![TypeChange {
                kind,
                on: now.today,
            }],
            edited: now.stamp,
        });
        Ok(())
    }

    /// New details for a contact; its type history is untouched.
    pub fn edit_contact(
        &mut self,
        id: ContactId,
        draft: ContactDraft,
        now: Now,
    ) -> Result<(), BookError> {
        let draft = draft.cleaned()?;
        let contact = self.contact_mut(id)?;
        contact.name = draft.name;
        contact.company = draft.company;
        contact.email = draft.email;
        contact.phone = draft.phone;
        contact.owner = draft.owner;
        contact.source = draft.source;
        contact.notes = draft.notes;
        contact.edited = now.stamp;
        Ok(())
    }

    /// The rep sets the contact's type by hand, dated `on` (back-dating allowed, but not
    /// before the last type change and not in the future).
    pub fn mark_contact(
        &mut self,
        id: ContactId,
        kind: ContactType,
        on: Day,
        now: Now,
    ) -> Result<(), BookError> {
        let contact = self.contact_mut(id)?;
        if contact.types.last().map(|t| t.kind) == Some(kind) {
            return Err(BookError::SameType(kind));
        }
        follows(
            "Type date",
            on,
            contact.types.last().map(|t| t.on),
            now.today,
        )?;
        contact.types.push(TypeChange { kind, on });
        contact.edited = now.stamp;
        Ok(())
    }

    /// Removes the contact with its deals and every task with them.
    pub fn remove_contact(&mut self, id: ContactId) -> Result<Removed, BookError> {
        if self.contact(id).is_none() {
            return Err(BookError::ContactNotFound);
        }
        let deals: Vec<_> = self.deals_of(id).map(|d| d.id).collect();
        let tasks_before = self.tasks.len();
        self.tasks
            .retain(|t| t.contact != id && !t.deal.is_some_and(|d| deals.contains(&d)));
        self.deals.retain(|d| d.contact != id);
        self.contacts.retain(|c| c.id != id);
        Ok(Removed {
            deals: deals.len(),
            tasks: tasks_before - self.tasks.len(),
        })
    }

    /// The contact becomes a client when it wins its first deal, unless it already is
    /// one. Dated `on`, or the last type change when that is later (the type history
    /// stays in order even when the win is back-dated past a hand-made change).
    pub(crate) fn client_on_first_win(&mut self, id: ContactId, on: Day, now: Now) {
        let won_before = self.deals_of(id).any(|d| {
            d.history
                .iter()
                .any(|c| c.stage == crate::model::Stage::Won)
        });
        if won_before {
            return;
        }
        if let Ok(contact) = self.contact_mut(id) {
            contact.becomes_client(on, now.stamp);
        }
    }
}
