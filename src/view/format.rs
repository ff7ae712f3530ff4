//! Numbers and dates for the reader's language. In the browser this is the browser's own
//! `Intl`, so no locale data ships in the wasm; natively (tests, pre-rendering) it is a small
//! English rendering that matches what `Intl` gives for "en".

use crate::model::date::PartialDate;

/// A language tag safe to hand to `Intl`: `ll`, `ll-Ssss`, `ll-RR` or `ll-Ssss-RR` (also
/// three-letter languages and three-digit regions). `Intl` throws on malformed tags, and a
/// throw in wasm would take every widget on the page down, so anything else becomes "en".
pub fn safe_lang(tag: &str) -> &str {
    let mut parts = tag.split('-');
    let lang_ok = parts
        .next()
        .is_some_and(|l| (2..=3).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_alphabetic()));
    let mut rest_ok = true;
    let mut seen = 0;
    for part in parts {
        seen += 1;
        let script = part.len() == 4 && part.bytes().all(|b| b.is_ascii_alphabetic());
        let region = (part.len() == 2 && part.bytes().all(|b| b.is_ascii_alphabetic()))
            || (part.len() == 3 && part.bytes().all(|b| b.is_ascii_digit()));
        rest_ok &= seen <= 2 && (script || region);
    }
    if lang_ok && rest_ok {
        tag
    } else {
        "en"
    }
}

#[cfg(not(target_arch = "wasm32"))]
use crate::model::date::MONTHS;

#[cfg(target_arch = "wasm32")]
mod intl {
    use std::cell::RefCell;

    use js_sys::{Array, Function, Intl, Object, Reflect};
    use wasm_bindgen::JsValue;

    fn options(pairs: &[(&str, &str)]) -> Object {
        let object = Object::new();
        for (key, value) in pairs {
            // Setting a property on a fresh plain object cannot fail.
            let _ = Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value));
        }
        object
    }

    thread_local! {
        /// Formatters by kind and language. Building an `Intl` formatter costs far more than
        /// using one, and a card formats dozens of numbers and dates in one language.
        static FORMATTERS: RefCell<Vec<(String, Function)>> = const { RefCell::new(Vec::new()) };
    }

    fn formatter(key: String, make: impl FnOnce() -> Function) -> Function {
        FORMATTERS.with(|cache| {
            let mut cache = cache.borrow_mut();
            if let Some((_, f)) = cache.iter().find(|(k, _)| *k == key) {
                return f.clone();
            }
            let f = make();
            cache.push((key, f.clone()));
            f
        })
    }

    pub fn number(n: f64, lang: &str) -> Option<String> {
        let format = formatter(format!("number {lang}"), || {
            let locales = Array::of1(&JsValue::from_str(lang));
            Intl::NumberFormat::new(&locales, &Object::new()).format()
        });
        format
            .call1(&JsValue::NULL, &JsValue::from_f64(n))
            .ok()?
            .as_string()
    }

    pub fn day(year: i32, month: u32, day: Option<u32>, lang: &str) -> Option<String> {
        let format = formatter(format!("day {} {lang}", day.is_some()), || {
            let locales = Array::of1(&JsValue::from_str(lang));
            let mut pairs = vec![("year", "numeric"), ("month", "long"), ("timeZone", "UTC")];
            if day.is_some() {
                pairs.push(("day", "numeric"));
            }
            Intl::DateTimeFormat::new(&locales, &options(&pairs)).format()
        });
        let millis = js_sys::Date::utc(f64::from(year), f64::from(month - 1))
            + f64::from(day.unwrap_or(1) - 1) * 86_400_000.0;
        let date = js_sys::Date::new(&JsValue::from_f64(millis));
        format.call1(&JsValue::NULL, &date).ok()?.as_string()
    }
}

/// "12,000" in English, "12.000" in German.
pub fn format_number(n: f64, lang: &str) -> Option<String> {
    if !n.is_finite() {
        return None;
    }
    #[cfg(target_arch = "wasm32")]
    {
        intl::number(n, safe_lang(lang))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = lang;
        let whole = n.trunc() as u64;
        let digits = whole.to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        let fraction = n - n.trunc();
        if fraction > 0.0 {
            let f = format!("{fraction:.3}");
            out.push_str(f.trim_start_matches('0').trim_end_matches('0'));
        }
        Some(out)
    }
}

/// "January 4, 2025" for `2025-01-04`, "December 2024" for `2024-12`, "2024" for `2024`.
pub fn format_day(date: &str, lang: &str) -> Option<String> {
    let d = PartialDate::parse(date)?;
    let Some(month) = d.month else {
        return Some(d.year.to_string());
    };
    #[cfg(target_arch = "wasm32")]
    {
        intl::day(d.year, month, d.day, safe_lang(lang))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = lang;
        let name = MONTHS[(month - 1) as usize];
        Some(match d.day {
            Some(day) => format!("{name} {day}, {}", d.year),
            None => format!("{name} {}", d.year),
        })
    }
}

/// Builds the number and date formatters a card in `lang` uses, so that the card's first
/// render does not pay for them: the first `Intl` formatter of a page loads its language's
/// data (about 20 ms measured), which a pre-rendered card's hydration does in a step of its
/// own (`hydrate_in_tasks`).
pub fn warm_formatters(lang: &str) {
    let _ = format_number(1.0, lang);
    let _ = format_day("2025-01-01", lang);
    let _ = format_day("2025-01", lang);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_well_formed_language_tags_reach_intl() {
        assert_eq!(safe_lang("de"), "de");
        assert_eq!(safe_lang("en-GB"), "en-GB");
        assert_eq!(safe_lang("zh-Hant-TW"), "zh-Hant-TW");
        assert_eq!(safe_lang("es-419"), "es-419");
        assert_eq!(safe_lang("en-x"), "en");
        assert_eq!(safe_lang("'); alert(1)"), "en");
        assert_eq!(safe_lang(""), "en");
    }

    #[test]
    fn english_numbers_and_days() {
        assert_eq!(format_number(12000.0, "en").as_deref(), Some("12,000"));
        assert_eq!(format_number(300.0, "en").as_deref(), Some("300"));
        assert_eq!(
            format_day("2025-01-04", "en").as_deref(),
            Some("January 4, 2025")
        );
        assert_eq!(
            format_day("2024-12", "en").as_deref(),
            Some("December 2024")
        );
    }
}
