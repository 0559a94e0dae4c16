//! The user's own settings kept with the data: their name (the default owner of new
//! records) and the currency of new deals and report totals.

use super::rules::{currency, required};
use super::BookError;
use crate::model::Book;

impl Book {
    /// Sets who uses this browser and the default currency. Both are checked before
    /// either changes: the name is required, the currency a three-letter code
    /// (uppercased here).
    pub fn set_settings(&mut self, me: &str, currency_code: &str) -> Result<(), BookError> {
        let me = required("Your name", me)?;
        let currency = currency(currency_code)?;
        self.settings.me = me;
        self.settings.currency = currency;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::book::BookError;
    use crate::model::{Book, Settings};

    #[test]
    fn settings_are_trimmed_and_the_currency_uppercased() {
        let mut book = Book::default();
        book.set_settings("  Dana Reyes ", "eur").unwrap();
        assert_eq!(
            book.settings,
            Settings {
                me: "Dana Reyes".into(),
                currency: "EUR".into()
            }
        );
    }

    #[test]
    fn an_empty_name_is_refused_and_nothing_changes() {
        let mut book = Book::default();
        assert_eq!(
            book.set_settings("   ", "EUR"),
            Err(BookError::Required("Your name"))
        );
        assert_eq!(book.settings, Settings::default());
        assert_eq!(
            BookError::Required("Your name").to_string(),
            "Your name is required"
        );
    }

    #[test]
    fn a_currency_must_be_three_letters() {
        let mut book = Book::default();
        for bad in ["", "EU", "EURO", "E1R", "€€€"] {
            assert!(
                matches!(
                    book.set_settings("Dana", bad),
                    Err(BookError::BadCurrency(_))
                ),
                "{bad:?} should be refused"
            );
        }
        assert_eq!(book.settings, Settings::default());
    }
}
