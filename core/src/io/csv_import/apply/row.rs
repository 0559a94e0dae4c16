//! One row's cells read by field.

use super::super::fields::{Field, MAX_CELL_CHARS};
use super::super::values::cell_text;
use crate::model::StepId;

/// One row's cells with the mapping, for reading fields by name.
pub(super) struct Row<'a> {
    pub cells: &'a [String],
    pub mapping: &'a [Field],
    pub headers: &'a [String],
}

impl Row<'_> {
    /// The first non-empty cell mapped to `field`, or "".
    pub fn get(&self, field: Field) -> &str {
        self.mapping
            .iter()
            .zip(self.cells)
            .filter(|(f, _)| **f == field)
            .map(|(_, cell)| cell_text(cell))
            .find(|text| !text.is_empty())
            .unwrap_or("")
    }

    pub fn check_sizes(&self) -> Result<(), String> {
        for (i, cell) in self.cells.iter().enumerate() {
            let chars = cell.chars().count();
            if chars > MAX_CELL_CHARS {
                let column = self.headers.get(i).map_or("a", String::as_str);
                return Err(format!(
                    "the “{column}” cell is {chars} characters long; the most is {MAX_CELL_CHARS}"
                ));
            }
        }
        Ok(())
    }

    /// The non-empty cells of step-date columns.
    pub fn step_dates(&self) -> impl Iterator<Item = (StepId, &str)> {
        self.mapping
            .iter()
            .zip(self.cells)
            .filter_map(|(field, cell)| match field {
                Field::StepDate(id) => Some((*id, cell_text(cell))),
                _ => None,
            })
            .filter(|(_, text)| !text.is_empty())
    }

    /// The person's name, from one column or from first and last names.
    pub fn person_name(&self) -> String {
        let name = self.get(Field::Name);
        if !name.is_empty() {
            return name.to_string();
        }
        let parts = [self.get(Field::FirstName), self.get(Field::LastName)];
        parts
            .iter()
            .filter(|p| !p.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Whether the row names a person at all (a name, a company or an email).
    pub fn names_someone(&self) -> bool {
        !(self.person_name().is_empty()
            && self.get(Field::Company).is_empty()
            && self.get(Field::Email).is_empty())
    }
}
