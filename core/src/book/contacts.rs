//! Contacts: adding, editing, marking their type by hand, and removing them with what
//! hangs off them.

use super::rules::{follows, in_range, set};
use super::{BookError, ContactDraft, Now, Removed};
use crate::day::Day;
use crate::ids::ContactId;
use crate::model::{Book, ChangeId, Contact, ContactType, TypeChange};

impl Book {
    /// A new contact; its type history starts with `kind` today.
    pub fn add_contact(
        &mut self,
        id: ContactId,
        draft: ContactDraft,
        kind: ContactType,
        now: Now,
    ) -> Result<(), BookError> {
        if self.contact(id).is_some() || self.gone.contacts.iter().any(|c| c.id == id) {
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
            types: vec![TypeChange::new(
                ChangeId::derive(id.0, now.stamp, 0, 1),
                kind,
                now.today,
                now.stamp,
            )],
            hidden_types: Vec::new(),
            stamps: [now.stamp; 7],
            edited: now.stamp,
            removed: 0,
        });
        Ok(())
    }

    /// New details for a contact; its type history is untouched. Fields equal to the
    /// contact's are left alone (with their stamps).
    pub fn edit_contact(
        &mut self,
        id: ContactId,
        draft: ContactDraft,
        now: Now,
    ) -> Result<(), BookError> {
        let base = ContactDraft::of(self.contact(id).ok_or(BookError::ContactNotFound)?);
        self.revise_contact(id, &base, draft, now)
    }

    /// What a form opened on `base` changed: only the fields the rep changed there are
    /// written, so a form opened before another tab's edit does not put old values back.
    pub fn revise_contact(
        &mut self,
        id: ContactId,
        base: &ContactDraft,
        draft: ContactDraft,
        now: Now,
    ) -> Result<(), BookError> {
        let draft = draft.cleaned()?;
        let contact = self.contact_mut(id)?;
        let t = now.stamp;
        let s = &mut contact.stamps;
        let mut changed = false;
        if draft.name != base.name {
            changed |= set(&mut contact.name, &mut s[0], draft.name, t);
        }
        if draft.company != base.company {
            changed |= set(&mut contact.company, &mut s[1], draft.company, t);
        }
        if draft.email != base.email {
            changed |= set(&mut contact.email, &mut s[2], draft.email, t);
        }
        if draft.phone != base.phone {
            changed |= set(&mut contact.phone, &mut s[3], draft.phone, t);
        }
        if draft.owner != base.owner {
            changed |= set(&mut contact.owner, &mut s[4], draft.owner, t);
        }
        if draft.source != base.source {
            changed |= set(&mut contact.source, &mut s[5], draft.source, t);
        }
        if draft.notes != base.notes {
            changed |= set(&mut contact.notes, &mut s[6], draft.notes, t);
        }
        if changed {
            contact.edited = contact.edited.max(t);
        }
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
        let ordinal = contact.types.len() + contact.hidden_types.len();
        let last_at = contact
            .types
            .iter()
            .chain(&contact.hidden_types)
            .map(|t| t.at)
            .max()
            .unwrap_or(0);
        let id = ChangeId::derive(contact.id.0, now.stamp, ordinal, kind as u64);
        let at = now.stamp.max(last_at + 1);
        contact.types.push(TypeChange::new(id, kind, on, at));
        contact.edited = contact.edited.max(at);
        Ok(())
    }

    /// Removes the contact with its deals and every task with them. They are kept in
    /// [`Book::gone`], so a merge with a copy that still has them does not bring them back.
    pub fn remove_contact(&mut self, id: ContactId, now: Now) -> Result<Removed, BookError> {
        if self.contact(id).is_none() {
            return Err(BookError::ContactNotFound);
        }
        let deals: Vec<_> = self.deals_of(id).map(|d| d.id).collect();
        let tasks: Vec<_> = self
            .tasks
            .iter()
            .filter(|t| t.contact == id || t.deal.is_some_and(|d| deals.contains(&d)))
            .map(|t| t.id)
            .collect();
        let stamp = now.stamp;
        let (gone, kept) = std::mem::take(&mut self.tasks)
            .into_iter()
            .partition(|t| tasks.contains(&t.id));
        self.tasks = kept;
        self.gone
            .tasks
            .extend(removed_at(gone, stamp, |t| &mut t.removed, |t| t.edited));
        let (gone, kept) = std::mem::take(&mut self.deals)
            .into_iter()
            .partition(|d| d.contact == id);
        self.deals = kept;
        self.gone
            .deals
            .extend(removed_at(gone, stamp, |d| &mut d.removed, |d| d.edited));
        let (gone, kept) = std::mem::take(&mut self.contacts)
            .into_iter()
            .partition(|c| c.id == id);
        self.contacts = kept;
        self.gone
            .contacts
            .extend(removed_at(gone, stamp, |c| &mut c.removed, |c| c.edited));
        Ok(Removed {
            deals: deals.len(),
            tasks: tasks.len(),
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

/// Records stamped as removed at `stamp` (after their last edit, so the removal stands).
pub(crate) fn removed_at<T>(
    records: Vec<T>,
    stamp: crate::model::Stamp,
    removed: impl Fn(&mut T) -> &mut crate::model::Stamp,
    edited: impl Fn(&T) -> crate::model::Stamp,
) -> Vec<T> {
    records
        .into_iter()
        .map(|mut r| {
            let at = stamp.max(edited(&r) + 1);
            *removed(&mut r) = at;
            r
        })
        .collect()
}
