//! Dates as sheets write them: partial calendar dates (`2024`, `2024-12`, `2024-12-15`) and
//! moments with a UTC offset (`2025-01-12T23:08-05:00`).
//!
//! Hand-written rather than a date crate: the rules need only day counts and weekdays, and
//! every byte here ships in the wasm.

/// The months' names in English, January first: the words a date is shown in where the
/// browser's `Intl` is not at hand (build time, tests, the model's sentences).
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A calendar date with the precision the text gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

/// A moment, as minutes since 1970-01-01T00:00Z.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Moment(pub i64);

pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

fn number(text: &str, digits: usize) -> Option<u32> {
    if text.len() == digits && text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().ok()
    } else {
        None
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, rejecting days a calendar does not have.
    pub fn parse(text: &str) -> Option<PartialDate> {
        let mut parts = text.split('-');
        let year = number(parts.next()?, 4)? as i32;
        let month = match parts.next() {
            Some(m) => Some(number(m, 2).filter(|m| (1..=12).contains(m))?),
            None => None,
        };
        let day = match (month, parts.next()) {
            (Some(m), Some(d)) => {
                Some(number(d, 2).filter(|d| *d >= 1 && *d <= days_in_month(year, m))?)
            }
            (_, None) => None,
            (None, Some(_)) => return None,
        };
        if parts.next().is_some() {
            return None;
        }
        Some(PartialDate { year, month, day })
    }

    /// The first day the date covers (`2024-12` starts on 2024-12-01).
    pub fn first_day(self) -> i64 {
        days_from_civil(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The day after the last day the date covers.
    pub fn end_day(self) -> i64 {
        match (self.month, self.day) {
            (Some(m), Some(d)) => days_from_civil(self.year, m, d) + 1,
            (Some(m), None) => days_from_civil(self.year, m, days_in_month(self.year, m)) + 1,
            _ => days_from_civil(self.year + 1, 1, 1),
        }
    }

    /// The start of the date in a place `offset_minutes` east of UTC.
    pub fn start(self, offset_minutes: i64) -> Moment {
        Moment(self.first_day() * 1440 - offset_minutes)
    }

    /// Lower-case English weekday, for a full date.
    pub fn weekday(self) -> Option<&'static str> {
        self.day?;
        // 1970-01-01 was a Thursday (index 3 from Monday).
        let index = (self.first_day() + 3).rem_euclid(7) as usize;
        Some(WEEKDAYS[index])
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Parses a UTC offset such as `+09:00` or `-05:00` into minutes east of UTC.
pub fn parse_offset(text: &str) -> Option<i64> {
    let sign = match text.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let (h, m) = text[1..].split_once(':')?;
    let (h, m) = (number(h, 2)?, number(m, 2)?);
    if h > 14 || m > 59 {
        return None;
    }
    Some(sign * i64::from(h * 60 + m))
}

/// Parses a source's date line: `YYYY-MM-DD` (taken as the end of that day, since no time is
/// given) or `YYYY-MM-DDTHH:MM±HH:MM`. Returns the latest moment it may stand for.
pub fn parse_moment(text: &str) -> Option<Moment> {
    let Some((date, rest)) = text.split_once('T') else {
        let date = PartialDate::parse(text).filter(|d| d.day.is_some())?;
        // Without a time or zone, allow the whole day anywhere on Earth.
        return Some(Moment(date.end_day() * 1440 + 14 * 60));
    };
    let date = PartialDate::parse(date).filter(|d| d.day.is_some())?;
    // `HH:MM±HH:MM`; `get` rather than slicing, since the text may hold any character.
    if rest.len() != 11 {
        return None;
    }
    let (time, offset) = (rest.get(..5)?, rest.get(5..)?);
    let (h, m) = time.split_once(':')?;
    let (h, m) = (number(h, 2)?, number(m, 2)?);
    if h > 23 || m > 59 {
        return None;
    }
    let offset = parse_offset(offset)?;
    Some(Moment(
        date.first_day() * 1440 + i64::from(h * 60 + m) - offset,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_parse_with_their_precision() {
        assert_eq!(
            PartialDate::parse("2024-12"),
            Some(PartialDate {
                year: 2024,
                month: Some(12),
                day: None
            })
        );
        assert!(PartialDate::parse("2025-02-29").is_none());
        assert!(PartialDate::parse("2024-02-29").is_some());
        assert!(PartialDate::parse("2025-13").is_none());
        assert!(PartialDate::parse("25-01-01").is_none());
        assert!(PartialDate::parse("2025-01-01-01").is_none());
    }

    #[test]
    fn odd_characters_are_not_dates_and_do_not_panic() {
        assert_eq!(parse_moment("2025-01-12T2\u{20AC}:0+09:00"), None);
        assert_eq!(
            parse_moment("2025-01-12T23:08+09:00"),
            Some(Moment(20_100 * 1440 + 23 * 60 + 8 - 9 * 60))
        );
        assert_eq!(parse_offset("+\u{20AC}"), None);
        assert_eq!(PartialDate::parse("2\u{20AC}5"), None);
    }

    #[test]
    fn weekdays_match_the_calendar() {
        assert_eq!(
            PartialDate::parse("2025-01-12").unwrap().weekday(),
            Some("sunday")
        );
        assert_eq!(
            PartialDate::parse("2025-01-13").unwrap().weekday(),
            Some("monday")
        );
    }

    #[test]
    fn monday_in_seoul_began_before_sunday_night_in_new_york() {
        let rfa = parse_moment("2025-01-12T23:08-05:00").unwrap();
        let monday_seoul = PartialDate::parse("2025-01-13").unwrap().start(9 * 60);
        let monday_new_york = PartialDate::parse("2025-01-13").unwrap().start(-5 * 60);
        assert!(monday_seoul <= rfa);
        assert!(monday_new_york > rfa);
    }
}
