//! A figure: its number for the reader's language, the hedges the outlets use and the day it
//! applies to.

use crate::model::status::outlet_name;
use crate::model::{AsOf, Figure, Item, Sheet, Value};

use super::super::format::{format_day, format_number};
use super::item::{item_view, ItemView};

#[derive(Clone, Debug, PartialEq)]
pub struct FigureView {
    pub item: ItemView,
    /// The number for the page's language, or the words for vague values.
    pub number: String,
    /// The hedge shared by every outlet ("as many as"), shown before the number.
    pub qualifier: Option<String>,
    /// Hedges that differ by outlet, e.g. "Bloomberg: around".
    pub qualifier_note: Option<String>,
    pub label: String,
    pub unit: String,
    pub as_of: String,
}

/// "as many as" from "As many as": a hedge reads mid-sentence on the card.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn qualifiers(sheet: &Sheet, figure: &Figure) -> (Option<String>, Option<String>) {
    let hedges: Vec<Option<&str>> = figure
        .citations
        .iter()
        .map(|c| c.qualifier.as_deref())
        .collect();
    let first = hedges.first().copied().flatten();
    if hedges.iter().all(|h| *h == first) {
        return (first.map(lower_first), None);
    }
    let notes: Vec<String> = figure
        .citations
        .iter()
        .map(|c| {
            let outlet = outlet_name(sheet, &c.source);
            match &c.qualifier {
                Some(q) => format!("{outlet}: \u{201C}{}\u{201D}", lower_first(q)),
                None => format!("{outlet}: no hedge"),
            }
        })
        .collect();
    (None, Some(notes.join("; ")))
}

/// The as-of line: the words as written, and the day they resolve to where known.
pub fn as_of_text(as_of: &AsOf, lang: &str) -> String {
    match as_of {
        AsOf::Exact {
            as_written, date, ..
        } => match format_day(date, lang) {
            Some(day) => format!("As of {day}"),
            None => format!("As of {as_written}"),
        },
        AsOf::Approximate {
            as_written, period, ..
        } => format!("As of {as_written} ({period})"),
        AsOf::Relative {
            as_written,
            resolved: Some(day),
            ..
        } => match format_day(day, lang) {
            Some(formatted) => format!("As of \u{201C}{as_written}\u{201D}: {formatted}"),
            None => format!("As of \u{201C}{as_written}\u{201D}"),
        },
        AsOf::Relative {
            as_written,
            resolved: None,
            ..
        } => {
            format!("As of \u{201C}{as_written}\u{201D} (date not stated)")
        }
        AsOf::NotStated => "Date not stated".into(),
    }
}

/// Why the as-of date reads as it does, when it was worked out rather than printed.
pub fn as_of_basis(as_of: &AsOf) -> Option<&str> {
    match as_of {
        AsOf::Exact { basis, .. } | AsOf::Approximate { basis, .. } => basis.as_deref(),
        AsOf::Relative { basis, .. } => Some(basis),
        AsOf::NotStated => None,
    }
}

pub(super) fn number_text(value: &Value, lang: &str) -> String {
    match value {
        // Where the source wrote words ("two", "none"), the card shows them as written;
        // numerals are formatted for the reader's language.
        Value::Exact { written, .. } | Value::Approximate { written, .. }
            if !written.bytes().any(|b| b.is_ascii_digit()) =>
        {
            written.clone()
        }
        Value::Exact { number, written } | Value::Approximate { number, written } => {
            format_number(*number, lang).unwrap_or_else(|| written.clone())
        }
        Value::Range { min, max, written } => {
            match (format_number(*min, lang), format_number(*max, lang)) {
                (Some(a), Some(b)) => format!("{a}\u{2013}{b}"),
                _ => written.clone(),
            }
        }
        Value::Vague { written, .. } => written.clone(),
    }
}

pub(super) fn figure_view(sheet: &Sheet, figure: &Figure, lang: &str) -> FigureView {
    let (qualifier, qualifier_note) = qualifiers(sheet, figure);
    FigureView {
        item: item_view(
            sheet,
            Item::Figure(figure),
            "fig",
            Some(figure.value.written()),
        ),
        number: number_text(&figure.value, lang),
        qualifier,
        qualifier_note,
        label: figure.label.clone(),
        unit: figure.unit.clone(),
        as_of: as_of_text(&figure.as_of, lang),
    }
}
