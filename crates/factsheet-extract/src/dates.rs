//! Dates: a source's date line as printed and as a moment, and when a figure applies ("on
//! Jan. 4", "on Monday", "last week", "mid-December"), resolved against the date line with
//! the basis stated, or left unresolved when there is none.

use factsheet_model::date::{PartialDate, MONTHS, WEEKDAYS};
use factsheet_model::{AsOf, DateKind, StatedDate};

use crate::article::is_month;
use crate::tokens::{Span, Token};

fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if !is_month(&w) {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.to_ascii_lowercase().starts_with(&w[..w.len().min(3)]))
        .map(|i| i as u32 + 1)
}

/// Time zones news prints, as minutes east of UTC; US zones follow daylight saving time.
fn zone(word: &str, year: i32, month: u32, day: u32) -> Option<i64> {
    let standard_us = |hours: i64| {
        let summer = us_summer_time(year, month, day);
        Some(-(hours - i64::from(summer)) * 60)
    };
    match word.trim_end_matches('.').to_ascii_uppercase().as_str() {
        "ET" | "EST" | "EDT" => standard_us(5),
        "CT" | "CST" | "CDT" => standard_us(6),
        "MT" | "MST" | "MDT" => standard_us(7),
        "PT" | "PST" | "PDT" => standard_us(8),
        "GMT" | "UTC" | "Z" => Some(0),
        "BST" | "CET" => Some(60),
        "CEST" | "EET" => Some(120),
        "MSK" => Some(180),
        "IST" => Some(330),
        "KST" | "JST" => Some(540),
        _ => None,
    }
}

/// US daylight saving time: from the second Sunday of March to the first Sunday of November.
fn us_summer_time(year: i32, month: u32, day: u32) -> bool {
    let sunday_on_or_after = |m: u32, d: u32| {
        let date = PartialDate {
            year,
            month: Some(m),
            day: Some(d),
        };
        let weekday = WEEKDAYS
            .iter()
            .position(|w| Some(*w) == date.weekday())
            .unwrap_or(6) as u32;
        d + (6 - weekday)
    };
    match month {
        4..=10 => true,
        3 => day >= sunday_on_or_after(3, 8),
        11 => day < sunday_on_or_after(11, 1),
        _ => false,
    }
}

/// A date line as printed, read: "Updated Jan. 12, 2025, 11:08 p.m. ET."
pub fn stated(line: &str) -> Option<(StatedDate, PartialDate)> {
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let kind = if line.to_ascii_lowercase().contains("updated") {
        DateKind::Updated
    } else {
        DateKind::Published
    };
    let m = words.iter().position(|w| month_number(w).is_some())?;
    let month = month_number(words[m])?;
    let day: u32 = words.get(m + 1)?.trim_end_matches('.').parse().ok()?;
    let year: i32 = words.get(m + 2)?.trim_end_matches('.').parse().ok()?;
    let date = PartialDate::parse(&format!("{year:04}-{month:02}-{day:02}"))?;
    let mut at = format!("{year:04}-{month:02}-{day:02}");
    // "11:08 p.m. ET"
    if let Some((hh, mm)) = words.get(m + 3).and_then(|w| w.split_once(':')) {
        if let (Ok(h), Ok(min)) = (
            hh.parse::<u32>(),
            mm.trim_end_matches(|c: char| !c.is_ascii_digit())
                .parse::<u32>(),
        ) {
            let meridiem = words
                .get(m + 4)
                .map(|w| w.to_ascii_lowercase())
                .unwrap_or_default();
            let h = match (meridiem.starts_with("p"), meridiem.starts_with("a"), h) {
                (true, _, h) if h < 12 => h + 12,
                (_, true, 12) => 0,
                (_, _, h) => h,
            };
            let zone_word = words.get(m + 5).or(words.get(m + 4)).copied().unwrap_or("");
            if let Some(offset) = zone(zone_word, year, month, day) {
                if h < 24 && min < 60 {
                    let sign = if offset < 0 { '-' } else { '+' };
                    at = format!(
                        "{at}T{h:02}:{min:02}{sign}{:02}:{:02}",
                        offset.abs() / 60,
                        offset.abs() % 60
                    );
                }
            }
        }
    }
    Some((
        StatedDate {
            kind,
            as_written: line.trim().to_string(),
            at,
        },
        date,
    ))
}

/// The reference a relative date is counted from: a date line, and whose it is.
#[derive(Clone, Debug)]
pub struct Reference {
    pub date: PartialDate,
    /// "the source's date line, Jan. 12, 2025" or "no date line".
    pub said: String,
    /// The date line's UTC offset ("-05:00" for "11:08 p.m. ET" in January), when it gives a
    /// time zone: "on Monday" is a day where the source was written, not in UTC.
    pub utc_offset: Option<String>,
}

impl Reference {
    /// A date line read by `stated`, with the offset its time zone gives.
    pub fn new(date: PartialDate, said: String, stated: &StatedDate) -> Reference {
        // `stated` writes "2025-01-12T23:08-05:00" when the line gives a zone.
        let utc_offset = stated
            .at
            .contains('T')
            .then(|| stated.at.get(stated.at.len().saturating_sub(6)..))
            .flatten()
            .filter(|o| o.starts_with(['+', '-']) && o.as_bytes().get(3) == Some(&b':'))
            .map(str::to_string);
        Reference {
            date,
            said,
            utc_offset,
        }
    }

    /// What a day counted from this date line is counted in, for the basis.
    fn counted_in(&self) -> String {
        match &self.utc_offset {
            Some(o) => format!(" The day is counted in the date line's time zone, UTC{o}."),
            None => String::new(),
        }
    }
}

fn days_before(date: PartialDate, days: i64) -> Option<PartialDate> {
    let mut d = date;
    for _ in 0..days {
        let (y, m, day) = (d.year, d.month?, d.day?);
        d = if day > 1 {
            PartialDate {
                year: y,
                month: Some(m),
                day: Some(day - 1),
            }
        } else if m > 1 {
            let last = (28..=31)
                .rev()
                .find(|n| PartialDate::parse(&format!("{y:04}-{:02}-{n:02}", m - 1)).is_some())?;
            PartialDate {
                year: y,
                month: Some(m - 1),
                day: Some(last),
            }
        } else {
            PartialDate {
                year: y - 1,
                month: Some(12),
                day: Some(31),
            }
        };
    }
    Some(d)
}

fn day_text(d: PartialDate) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        d.year,
        d.month.unwrap_or(1),
        d.day.unwrap_or(1)
    )
}

/// When the sentence says the figure applies, if it says: the first date expression.
pub fn as_of(tokens: &[Token], text: &str, reference: Option<&Reference>) -> Option<(AsOf, Span)> {
    for (i, t) in tokens.iter().enumerate() {
        // "Jan. 4", "January 4" (a day), "in December", "mid-December".
        if let Some(month) = month_number(t.span.of(text)).filter(|_| !t.is("may") || t.capital) {
            let day = tokens
                .get(i + 1)
                .and_then(|d| d.lower.parse::<u32>().ok())
                .filter(|d| (1..=31).contains(d));
            let year_given = tokens
                .get(i + 3)
                .filter(|_| tokens.get(i + 2).is_some_and(|c| c.is(",")))
                .and_then(|y| y.lower.parse::<i32>().ok())
                .filter(|y| (1900..2100).contains(y));
            let end = match (day, year_given) {
                (Some(_), Some(_)) => i + 4,
                (Some(_), None) => i + 2,
                _ => i + 1,
            };
            let span = Span(t.span.0, tokens[end - 1].span.1);
            let written = span.of(text).to_string();
            let (year, basis) = match (year_given, reference) {
                (Some(y), _) => (Some(y), None),
                (None, Some(r)) => {
                    let rm = r.date.month.unwrap_or(12);
                    let y = if month > rm {
                        r.date.year - 1
                    } else {
                        r.date.year
                    };
                    (
                        Some(y),
                        Some(format!("The year is the latest one before {}.", r.said)),
                    )
                }
                (None, None) => (None, None),
            };
            let Some(year) = year else {
                return Some((AsOf::Relative { as_written: written, resolved: None, utc_offset: None, basis: "The text gives no year and its source no date line, so the date cannot be placed.".into() }, span));
            };
            return Some(match day {
                Some(d) => match PartialDate::parse(&format!("{year:04}-{month:02}-{d:02}")) {
                    Some(date) => (
                        AsOf::Exact {
                            as_written: written,
                            date: day_text(date),
                            basis,
                        },
                        span,
                    ),
                    None => continue,
                },
                None => (
                    AsOf::Approximate {
                        as_written: written,
                        period: format!("{year:04}-{month:02}"),
                        basis,
                    },
                    span,
                ),
            });
        }
        if let Some(w) = WEEKDAYS.iter().position(|w| t.is(w)) {
            let on = i > 0 && tokens[i - 1].is("on");
            let start = if on { i - 1 } else { i };
            let span = Span(tokens[start].span.0, t.span.1);
            let written = span.of(text).to_string();
            let resolved = reference.and_then(|r| {
                let now = WEEKDAYS.iter().position(|x| Some(*x) == r.date.weekday())?;
                let back = (now + 7 - w) % 7;
                days_before(r.date, back as i64)
            });
            let basis = match (reference, resolved) {
                (Some(r), Some(_)) => format!(
                    "The last {} on or before {}.{}",
                    capitalised(WEEKDAYS[w]),
                    r.said,
                    r.counted_in()
                ),
                _ => "Its source has no date line, so the day cannot be placed.".into(),
            };
            return Some((
                AsOf::Relative {
                    as_written: written,
                    utc_offset: resolved.and(reference).and_then(|r| r.utc_offset.clone()),
                    resolved: resolved.map(day_text),
                    basis,
                },
                span,
            ));
        }
        let relative = [
            "last week",
            "last month",
            "this week",
            "earlier this week",
            "earlier this month",
            "last year",
            "yesterday",
            "today",
        ];
        if let Some(phrase) = relative.iter().find(|p| {
            p.split(' ')
                .enumerate()
                .all(|(k, w)| tokens.get(i + k).is_some_and(|x| x.is(w)))
        }) {
            let n = phrase.split(' ').count();
            let span = Span(t.span.0, tokens[i + n - 1].span.1);
            let resolved = match (*phrase, reference) {
                ("yesterday", Some(r)) => days_before(r.date, 1),
                ("today", Some(r)) => Some(r.date),
                _ => None,
            };
            let basis = match (reference, resolved) {
                (Some(r), Some(_)) => format!("Counted from {}.{}", r.said, r.counted_in()),
                (Some(r), None) => format!("A stretch, not a day: before {}.", r.said),
                (None, _) => "Its source has no date line, so it cannot be pinned to dates.".into(),
            };
            return Some((
                AsOf::Relative {
                    as_written: span.of(text).to_string(),
                    utc_offset: resolved.and(reference).and_then(|r| r.utc_offset.clone()),
                    resolved: resolved.map(day_text),
                    basis,
                },
                span,
            ));
        }
        if t.lower.starts_with("mid-")
            || t.lower.starts_with("early-")
            || t.lower.starts_with("late-")
        {
            if let Some(month) = t.lower.split_once('-').and_then(|(_, m)| month_number(m)) {
                let written = t.span.of(text).to_string();
                return Some(match reference {
                    Some(r) => {
                        let y = if month > r.date.month.unwrap_or(12) { r.date.year - 1 } else { r.date.year };
                        (AsOf::Approximate { as_written: written, period: format!("{y:04}-{month:02}"), basis: Some(format!("The year is the latest one before {}.", r.said)) }, t.span)
                    }
                    None => (AsOf::Relative { as_written: written, resolved: None, utc_offset: None, basis: "The text gives no year and its source no date line, so the month cannot be placed.".into() }, t.span),
                });
            }
        }
    }
    None
}

fn capitalised(word: &str) -> String {
    let mut c = word.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    #[test]
    fn a_date_line_is_read_with_its_zone() {
        let (stated, _) = stated("Updated March 9, 2024, 4:05 p.m. ET.").unwrap();
        assert_eq!(stated.at, "2024-03-09T16:05-05:00");
        assert_eq!(stated.kind, DateKind::Updated);
        let (stated, _) = stated_summer();
        assert_eq!(stated.at, "2024-07-01T09:30-04:00");
    }

    fn stated_summer() -> (StatedDate, PartialDate) {
        stated("Published July 1, 2024 9:30 a.m. EDT").unwrap()
    }

    #[test]
    fn days_are_counted_from_the_date_line() {
        let reference = Reference {
            date: PartialDate::parse("2024-03-09").unwrap(),
            said: "the date line".into(),
            utc_offset: None,
        };
        let text = "The council on Tuesday said so.";
        let tokens = tokenize(text, Span(0, text.len()));
        let (as_of, _) = as_of(&tokens, text, Some(&reference)).unwrap();
        assert!(
            matches!(as_of, AsOf::Relative { resolved: Some(ref d), .. } if d == "2024-03-05"),
            "{as_of:?}"
        );
        let text = "In mid-December it rose.";
        let tokens = tokenize(text, Span(0, text.len()));
        let (as_of, _) = as_of_fn(&tokens, text, &reference);
        assert!(
            matches!(as_of, AsOf::Approximate { ref period, .. } if period == "2023-12"),
            "{as_of:?}"
        );
    }

    #[test]
    fn days_are_counted_in_the_date_lines_time_zone() {
        let line = "Updated Jan. 12, 2025, 11:08 p.m. ET.";
        let (s, date) = stated(line).unwrap();
        let reference = Reference::new(date, "the date line".into(), &s);
        assert_eq!(reference.utc_offset.as_deref(), Some("-05:00"));
        let text = "The agency on Monday put the figure at 300.";
        let tokens = tokenize(text, Span(0, text.len()));
        let (as_of, _) = as_of_fn(&tokens, text, &reference);
        match as_of {
            AsOf::Relative {
                resolved,
                utc_offset,
                basis,
                ..
            } => {
                assert_eq!(resolved.as_deref(), Some("2025-01-06"));
                assert_eq!(utc_offset.as_deref(), Some("-05:00"));
                assert!(basis.ends_with("time zone, UTC-05:00."), "{basis}");
            }
            other => panic!("{other:?}"),
        }
        // No zone on the line: no offset claimed.
        let (s, date) = stated("March 9, 2024").unwrap();
        assert_eq!(Reference::new(date, String::new(), &s).utc_offset, None);
    }

    fn as_of_fn(tokens: &[Token], text: &str, r: &Reference) -> (AsOf, Span) {
        as_of(tokens, text, Some(r)).unwrap()
    }
}
