//! A conflict's figures as estimates (one origin's figures with one date) and their dates in
//! words: what the dispute rule compares.

use super::{join_names, origins, party_name, Item};
use crate::date::{PartialDate, MONTHS};
use crate::sheet::{AsOf, Conflict, Figure, Sheet, Value};

/// The date an item gives, when the sources state one: the day, the month or the year.
fn known_date(as_of: &AsOf) -> Option<PartialDate> {
    let text = match as_of {
        AsOf::Exact { date, .. } => date,
        AsOf::Approximate { period, .. } => period,
        AsOf::Relative {
            resolved: Some(day),
            ..
        } => day,
        AsOf::Relative { resolved: None, .. } | AsOf::NotStated => return None,
    };
    PartialDate::parse(text)
}

/// A month as `(year, month)`, when the date is known to the month.
pub(super) fn known_month(as_of: &AsOf) -> Option<(i32, u32)> {
    let date = known_date(as_of)?;
    Some((date.year, date.month?))
}

/// A known date in plain English ("January 13, 2025", "December 2024", "2024"), or `None`
/// when the sources do not state it.
pub fn date_words(as_of: &AsOf) -> Option<String> {
    let date = known_date(as_of)?;
    let month = date
        .month
        .and_then(|m| MONTHS.get((m as usize).wrapping_sub(1)));
    Some(match (month, date.day) {
        (Some(month), Some(day)) => format!("{month} {day}, {}", date.year),
        (Some(month), None) => format!("{month} {}", date.year),
        _ => date.year.to_string(),
    })
}

/// One origin's figures with one date, in a conflict of figures: 300 dead and 2,700 wounded
/// from South Korea on January 13 are one estimate.
#[derive(Clone, Debug, PartialEq)]
pub struct Estimate<'a> {
    /// The independent origins behind it (usually one).
    pub origins: Vec<&'a str>,
    /// Its date: the figures' own `as_of`.
    pub as_of: &'a AsOf,
    /// Its figures, in the conflict's order.
    pub figures: Vec<&'a Figure>,
}

impl Estimate<'_> {
    /// Lowest and highest total, where every part has bounds (a vague value with no reading
    /// has none).
    fn bounds(&self) -> Option<(f64, f64)> {
        let mut low = 0.0;
        let mut high = 0.0;
        for figure in &self.figures {
            let (a, b) = match &figure.value {
                Value::Exact { number, .. } | Value::Approximate { number, .. } => {
                    (*number, *number)
                }
                Value::Range { min, max, .. } => (*min, *max),
                Value::Vague {
                    reading: Some(r), ..
                } => (r.min, r.max),
                Value::Vague { reading: None, .. } => return None,
            };
            low += a;
            high += b;
        }
        Some((low, high))
    }

    /// Whether the two give different numbers.
    fn differs_from(&self, other: &Estimate<'_>) -> bool {
        match (self.bounds(), other.bounds()) {
            (Some(a), Some(b)) => a != b,
            _ => {
                let words = |e: &Estimate<'_>| -> Vec<String> {
                    e.figures
                        .iter()
                        .map(|f| f.value.written().to_lowercase())
                        .collect()
                };
                words(self) != words(other)
            }
        }
    }

    /// "300 dead and 2,700 wounded".
    pub fn values(&self) -> String {
        let parts: Vec<String> = self
            .figures
            .iter()
            .map(|f| format!("{} {}", f.value.written(), f.unit))
            .collect();
        let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
        join_names(&parts)
    }

    /// The month both sides of a dispute must share.
    pub fn month(&self) -> Option<(i32, u32)> {
        known_month(self.as_of)
    }

    /// Whether the two estimates dispute each other: no origin in common, different numbers,
    /// and both dated in the same month.
    pub fn disputes(&self, other: &Estimate<'_>) -> bool {
        let shared_origin = self.origins.iter().any(|o| other.origins.contains(o));
        let same_month = matches!((self.month(), other.month()), (Some(a), Some(b)) if a == b);
        !shared_origin && same_month && self.differs_from(other)
    }
}

/// The figures of a conflict, grouped as estimates: one per origin and date, in the order
/// the conflict first names them. Claims in the conflict are left out.
pub fn estimates<'a>(sheet: &'a Sheet, conflict: &'a Conflict) -> Vec<Estimate<'a>> {
    let mut out: Vec<Estimate<'a>> = Vec::new();
    for id in &conflict.items {
        let Some(figure) = sheet.figures.iter().find(|f| &f.id == id) else {
            continue;
        };
        let figure_origins = origins(sheet, Item::Figure(figure));
        let date = date_words(&figure.as_of);
        let same = out.iter_mut().find(|e| {
            same_members(&e.origins, &figure_origins)
                && match &date {
                    Some(d) => date_words(e.as_of).as_ref() == Some(d),
                    None => e.as_of == &figure.as_of,
                }
        });
        match same {
            Some(estimate) => estimate.figures.push(figure),
            None => out.push(Estimate {
                origins: figure_origins,
                as_of: &figure.as_of,
                figures: vec![figure],
            }),
        }
    }
    out
}

/// The same origins, in any order (each list holds each origin once).
fn same_members(a: &[&str], b: &[&str]) -> bool {
    a.len() == b.len() && a.iter().all(|x| b.contains(x))
}

pub(super) fn origin_names(sheet: &Sheet, origins: &[&str]) -> String {
    let names: Vec<&str> = origins.iter().map(|o| party_name(sheet, o)).collect();
    join_names(&names)
}
