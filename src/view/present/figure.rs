//! A figure: its number for the reader's language, who says so in each outlet and with which
//! hedge, and the day it applies to.

use crate::model::status::{
    citation_as_of, citation_claimants, join_names, outlet_name, party_name,
};
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
    pub label: String,
    pub unit: String,
    /// When it applies, in words ("January 4, 2025", "mid-December 2024", "date not
    /// stated"), where every outlet dates it alike; otherwise each attribution says.
    pub when: Option<String>,
    /// What the number and unit say, hedge included where every outlet shares it: the words
    /// a screen reader announces and the popover is titled with ("as many as 12,000 troops").
    pub subject: String,
    /// Who says so, one line per outlet, in the order the citations first name them.
    pub attributions: Vec<AttributionView>,
}

/// One outlet's attribution of a figure: its hedge, the parties it names and who passed it on.
#[derive(Clone, Debug, PartialEq)]
pub struct AttributionView {
    /// The outlet's short name ("RFA").
    pub outlet: String,
    /// The outlet's hedge, mid-sentence ("as many as"), when the outlets' hedges differ.
    pub hedge: Option<String>,
    /// "U.S. and South Korea": the parties the outlet says state it.
    pub claimants: String,
    /// "via Yonhap".
    pub via: Option<String>,
    /// When this outlet dates it, where the outlets differ.
    pub when: Option<String>,
}

/// "as many as" from "As many as": a hedge reads mid-sentence on the card.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The hedge every citation shares, if they all share one.
fn shared_hedge(figure: &Figure) -> Option<Option<&str>> {
    let first = figure.citations.first()?.qualifier.as_deref();
    figure
        .citations
        .iter()
        .all(|c| c.qualifier.as_deref() == first)
        .then_some(first)
}

/// One line per outlet: its hedge where hedges differ, the parties it names, who passed it
/// on, and its date where the outlets' dates differ.
fn attributions(
    sheet: &Sheet,
    figure: &Figure,
    hedges_differ: bool,
    dates_differ: bool,
    lang: &str,
) -> Vec<AttributionView> {
    let mut outlets: Vec<&str> = Vec::new();
    for c in &figure.citations {
        if !outlets.contains(&c.source.as_str()) {
            outlets.push(&c.source);
        }
    }
    let lines: Vec<AttributionView> = outlets
        .into_iter()
        .map(|source| {
            let cited: Vec<_> = figure
                .citations
                .iter()
                .filter(|c| c.source == source)
                .collect();
            let mut vias: Vec<&str> = Vec::new();
            let mut claimants: Vec<&str> = Vec::new();
            for c in &cited {
                if let Some(v) = &c.via {
                    let name = party_name(sheet, v);
                    if !vias.contains(&name) {
                        vias.push(name);
                    }
                }
                for id in citation_claimants(Item::Figure(figure), c) {
                    let name = party_name(sheet, id);
                    if !claimants.contains(&name) {
                        claimants.push(name);
                    }
                }
            }
            AttributionView {
                outlet: outlet_name(sheet, source).to_string(),
                hedge: if hedges_differ {
                    cited
                        .iter()
                        .find_map(|c| c.qualifier.as_deref())
                        .map(lower_first)
                } else {
                    None
                },
                claimants: join_names(&claimants),
                via: (!vias.is_empty()).then(|| format!("via {}", join_names(&vias))),
                when: match (dates_differ, cited.first()) {
                    (true, Some(c)) => Some(when_text(citation_as_of(figure, c), lang)),
                    _ => None,
                },
            }
        })
        .collect();
    // Outlets that say the same (same parties, no hedge or date of their own) share a line:
    // "RFA and Bloomberg: Ukraine".
    let mut merged: Vec<(Vec<String>, AttributionView)> = Vec::new();
    for line in lines {
        let same = merged.iter_mut().find(|(_, m)| {
            m.hedge.is_none()
                && line.hedge.is_none()
                && m.when.is_none()
                && line.when.is_none()
                && m.claimants == line.claimants
                && m.via == line.via
        });
        match same {
            Some((names, m)) => {
                names.push(line.outlet);
                let refs: Vec<&str> = names.iter().map(String::as_str).collect();
                m.outlet = join_names(&refs);
            }
            None => merged.push((vec![line.outlet.clone()], line)),
        }
    }
    merged.into_iter().map(|(_, line)| line).collect()
}

/// When a figure applies, in words: the day where the sheet knows it, else the words the
/// source wrote, marked as such.
pub fn when_text(as_of: &AsOf, lang: &str) -> String {
    match as_of {
        AsOf::Exact {
            as_written, date, ..
        } => format_day(date, lang).unwrap_or_else(|| as_written.clone()),
        AsOf::Approximate {
            as_written, period, ..
        } => match format_day(period, lang) {
            // "mid-December" in December 2024 reads "mid-December 2024": the words name the
            // month already, so only the year is added.
            Some(p)
                if p.starts_with(month_word(as_written)) && !month_word(as_written).is_empty() =>
            {
                let year = p.rsplit(' ').next().unwrap_or_default();
                format!("{as_written} {year}")
            }
            Some(p) => format!("{as_written} ({p})"),
            None => as_written.clone(),
        },
        AsOf::Relative {
            resolved: Some(day),
            as_written,
            ..
        } => format_day(day, lang).unwrap_or_else(|| as_written.clone()),
        AsOf::Relative {
            as_written,
            resolved: None,
            ..
        } => format!("\u{201C}{as_written}\u{201D} (date not stated)"),
        AsOf::NotStated => "date not stated".into(),
    }
}

/// The month named at the end of loose words ("mid-December" -> "December"), or "".
fn month_word(words: &str) -> &str {
    let last = words.rsplit([' ', '-']).next().unwrap_or_default();
    if last.chars().next().is_some_and(char::is_uppercase) && last.chars().all(char::is_alphabetic)
    {
        last
    } else {
        ""
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

/// A date to put figures in time order by: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, compared as
/// text (a month sorts before the days in it); `None` when the sheet does not know it.
pub fn when_key(as_of: &AsOf) -> Option<&str> {
    match as_of {
        AsOf::Exact { date, .. } => Some(date),
        AsOf::Approximate { period, .. } => Some(period),
        AsOf::Relative {
            resolved: Some(day),
            ..
        } => Some(day),
        AsOf::Relative { resolved: None, .. } | AsOf::NotStated => None,
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
    let shared = shared_hedge(figure);
    let dates: Vec<String> = figure
        .citations
        .iter()
        .map(|c| when_text(citation_as_of(figure, c), lang))
        .collect();
    let dates_agree = dates.windows(2).all(|w| w[0] == w[1]);
    let qualifier = shared.flatten().map(lower_first);
    let number = number_text(&figure.value, lang);
    let subject = match &qualifier {
        Some(q) => format!("{q} {number} {}", figure.unit),
        None => format!("{number} {}", figure.unit),
    };
    FigureView {
        item: item_view(
            sheet,
            Item::Figure(figure),
            "fig",
            Some(figure.value.written()),
        ),
        attributions: attributions(sheet, figure, shared.is_none(), !dates_agree, lang),
        number,
        qualifier,
        label: figure.label.clone(),
        unit: figure.unit.clone(),
        when: dates_agree.then(|| {
            dates
                .first()
                .cloned()
                .unwrap_or_else(|| when_text(&figure.as_of, lang))
        }),
        subject,
    }
}
