//! Values and dates shown in the browser's locale (Intl), so a rep in Berlin sees
//! "41.200 €" and "29.11.2026" where one in Boston sees "$41,200" and "11/29/2026".

use pipewise_core::{Cents, Day};
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::JsValue;

thread_local! {
    static MONEY: RefCell<HashMap<String, js_sys::Intl::NumberFormat>> = RefCell::new(HashMap::new());
}

fn locales() -> js_sys::Array {
    let language = web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_else(|| "en-US".into());
    js_sys::Array::of1(&JsValue::from_str(&language))
}

fn set(options: &js_sys::Object, key: &str, value: JsValue) {
    let _ = js_sys::Reflect::set(options, &key.into(), &value);
}

/// Money in whole units of its currency, e.g. "$41,200".
pub fn money(cents: Cents, currency: &str) -> String {
    let units = cents as f64 / 100.0;
    MONEY.with(|cache| {
        let mut cache = cache.borrow_mut();
        let formatter = cache.entry(currency.to_string()).or_insert_with(|| {
            let options = js_sys::Object::new();
            set(&options, "style", "currency".into());
            set(&options, "currency", currency.into());
            set(&options, "maximumFractionDigits", 0.into());
            set(&options, "minimumFractionDigits", 0.into());
            js_sys::Intl::NumberFormat::new(&locales(), &options)
        });
        formatter
            .format()
            .call1(&JsValue::NULL, &JsValue::from_f64(units))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| format!("{units:.0} {currency}"))
    })
}

/// A plain number in the locale, e.g. "1,234".
pub fn number(value: f64, decimals: u32) -> String {
    let text = js_sys::Number::from(value)
        .to_locale_string(&locales().get(0).as_string().unwrap_or_default());
    if decimals == 0 {
        return js_sys::Number::from(value.round())
            .to_locale_string(&locales().get(0).as_string().unwrap_or_default())
            .into();
    }
    text.into()
}

fn js_date(day: Day) -> js_sys::Date {
    js_sys::Date::new_with_year_month_day(
        day.year() as u32,
        day.month() as i32 - 1,
        day.day_of_month() as i32,
    )
}

/// A short date, e.g. "Nov 29, 2026" / "29 Nov 2026".
pub fn date(day: Day) -> String {
    let options = js_sys::Object::new();
    set(&options, "year", "numeric".into());
    set(&options, "month", "short".into());
    set(&options, "day", "numeric".into());
    js_date(day)
        .to_locale_date_string(&locales().get(0).as_string().unwrap_or_default(), &options)
        .into()
}

/// A day and month without the year, e.g. "Nov 29".
pub fn day_month(day: Day) -> String {
    let options = js_sys::Object::new();
    set(&options, "month", "short".into());
    set(&options, "day", "numeric".into());
    js_date(day)
        .to_locale_date_string(&locales().get(0).as_string().unwrap_or_default(), &options)
        .into()
}

/// The month and year, e.g. "November 2026".
pub fn month_year(day: Day) -> String {
    let options = js_sys::Object::new();
    set(&options, "year", "numeric".into());
    set(&options, "month", "long".into());
    js_date(day)
        .to_locale_date_string(&locales().get(0).as_string().unwrap_or_default(), &options)
        .into()
}

/// A weekday name, e.g. "Mon".
pub fn weekday(day: Day) -> String {
    let options = js_sys::Object::new();
    set(&options, "weekday", "short".into());
    js_date(day)
        .to_locale_date_string(&locales().get(0).as_string().unwrap_or_default(), &options)
        .into()
}

/// "09:30" from minutes after midnight.
pub fn time(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// "1 day" / "12 days".
pub fn days(n: i32) -> String {
    if n == 1 {
        "1 day".into()
    } else {
        format!("{n} days")
    }
}
