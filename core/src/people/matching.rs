//! Is this person one of our contacts? One rule, for every place a person is typed or
//! imported: the same email (case aside) is the same person; else the same name (case
//! and outer spaces aside) at the same company — where an asker who gives no company
//! takes the first contact of that name at any company.

use crate::model::Contact;
use std::collections::HashMap;

/// Our contacts indexed for matching; positions are indexes into the list given.
#[derive(Default)]
pub struct ContactIndex {
    by_email: HashMap<String, usize>,
    /// Name → (company, position), in the order added.
    by_name: HashMap<String, Vec<(String, usize)>>,
}

fn key(text: &str) -> String {
    text.trim().to_lowercase()
}

impl ContactIndex {
    pub fn new(contacts: &[Contact]) -> ContactIndex {
        let mut index = ContactIndex::default();
        for (i, c) in contacts.iter().enumerate() {
            index.add(c, i);
        }
        index
    }

    /// Adds a contact at `position` (the first one added wins a tie).
    pub fn add(&mut self, contact: &Contact, position: usize) {
        let email = key(&contact.email);
        if !email.is_empty() {
            self.by_email.entry(email).or_insert(position);
        }
        self.by_name
            .entry(key(&contact.name))
            .or_default()
            .push((key(&contact.company), position));
    }

    /// The contact a person is, by the rule above. A person known by a company alone
    /// (no name) is matched by the company's name, as contacts made from a company are.
    pub fn find(&self, name: &str, company: &str, email: &str) -> Option<usize> {
        let email = key(email);
        if let Some(&i) = (!email.is_empty())
            .then(|| self.by_email.get(&email))
            .flatten()
        {
            return Some(i);
        }
        let name = if name.trim().is_empty() {
            company
        } else {
            name
        };
        let (name, company) = (key(name), key(company));
        if name.is_empty() {
            return None;
        }
        let named = self.by_name.get(&name)?;
        named
            .iter()
            .find(|(c, _)| *c == company)
            .or_else(|| named.first().filter(|_| company.is_empty()))
            .map(|(_, i)| *i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{ContactId, Id};

    fn person(n: u128, name: &str, company: &str, email: &str) -> Contact {
        Contact {
            id: ContactId(Id(n)),
            name: name.into(),
            company: company.into(),
            email: email.into(),
            phone: String::new(),
            owner: String::new(),
            source: String::new(),
            notes: String::new(),
            types: Vec::new(),
            hidden_types: Vec::new(),
            stamps: [0; 7],
            edited: 0,
            removed: 0,
        }
    }

    #[test]
    fn email_first_then_name_at_the_company() {
        let list = [
            person(1, "Ann Lee", "Acme", "ann@acme.example"),
            person(2, "Ann Lee", "Globex", ""),
            person(3, "Initech", "Initech", ""),
        ];
        let index = ContactIndex::new(&list);
        // The email decides, whatever the name says.
        assert_eq!(index.find("A. Lee", "", "ANN@acme.example "), Some(0));
        // Name and company, case and spaces aside.
        assert_eq!(index.find(" ann lee", "GLOBEX", ""), Some(1));
        // No company given: the first Ann Lee; another company: nobody.
        assert_eq!(index.find("Ann Lee", "", ""), Some(0));
        assert_eq!(index.find("Ann Lee", "Hooli", ""), None);
        // Known by a company alone.
        assert_eq!(index.find("", "initech", ""), Some(2));
        assert_eq!(index.find("", "", ""), None);
    }
}
