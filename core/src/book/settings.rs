//! The user's own settings kept with the data: their name (the default owner of new
//! records) and the currency of new deals and report totals.

use super::rules::{currency, required, set};
use super::{BookError, Now};
use crate::model::Book;

impl Book {
    /// Sets who uses this browser and the default currency. Both are checked before
    /// either changes: the name is required, the currency a three-letter code
    /// (uppercased here).
    pub fn set_settings(
        &mut self,
        me: &str,
        currency_code: &str,
        now: Now,
    ) -> Result<(), BookError> {
        let me = required("Your name", me)?;
        let currency = currency(currency_code)?;
        let s = &mut self.settings;
        set(&mut s.currency, &mut s.stamps[0], currency, now.stamp);
        set(&mut s.me, &mut s.stamps[1], me, now.stamp);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::book::{BookError, Now};
    use crate::model::{Book, Settings};

    const NOW: Now = Now {
        today: crate::day::Day(20_000),
        stamp: 5,
    };

    #[test]
    fn settings_are_trimmed_and_the_currency_uppercased() {
        let mut book = Book::default();
        book.set_settings("  Dana Reyes ", "eur", NOW).unwrap();
        assert_eq!(
            book.settings,
            Settings {
                me: "Dana Reyes".into(),
                currency: "EUR".into(),
                stamps: [5, 5],
            }
        );
    }

    #[test]
    fn an_empty_name_is_refused_and_nothing_changes() {
        let mut book = Book::default();
        assert_eq!(
            book.set_settings("   ", "EUR", NOW),
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
                    book.set_settings("Dana", bad, NOW),
                    Err(BookError::BadCurrency(_))
                ),
                "{bad:?} should be refused"
            );
        }
        assert_eq!(book.settings, Settings::default());
    }
}
