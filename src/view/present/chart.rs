//! The estimates chart of a disagreement between figures: estimates grouped by origin, in
//! time order, each part (dead, wounded) a bar on one shared scale.

use crate::model::status::{estimates, join_names, party_name, Estimate};
use crate::model::{Conflict, Figure, Sheet, Status, Value};

use super::super::format::format_number;
use super::figure::{figure_view, when_key, when_text, FigureView};

/// How many colours the chart's key cycles through (`.fs-swatch--0` to `--3` in the CSS).
pub const SWATCHES: usize = 4;

#[derive(Clone, Debug, PartialEq)]
pub struct ChartView {
    pub id: String,
    pub title: String,
    /// One group per origin: parties that are part of one another (a leader and the
    /// government, a spy agency and its country) are one origin, however many estimates.
    pub groups: Vec<OriginGroupView>,
    /// What each colour and the hatching mean.
    pub key: Vec<KeyEntryView>,
    /// The scale every bar shares, and what every estimate is, in words.
    pub scale: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct OriginGroupView {
    /// "Ukraine", "South Korea".
    pub origin: String,
    /// In time order; estimates whose date is not known last.
    pub estimates: Vec<EstimateView>,
}

/// One origin's estimate at one date: one or more parts (300 dead and 2,700 wounded).
#[derive(Clone, Debug, PartialEq)]
pub struct EstimateView {
    pub when: String,
    /// Who states it, when not the origin itself ("Volodymyr Zelenskyy").
    pub claimant: Option<String>,
    pub parts: Vec<PartView>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PartView {
    pub figure: FigureView,
    /// The key entry (colour) of what it counts.
    pub swatch: usize,
    /// Words rather than a number: drawn as a hatched range.
    pub vague: bool,
    /// Where its bar starts and ends, in thousandths of the scale: parts of one estimate
    /// stack; a range spans its bounds.
    pub from: u32,
    pub to: u32,
    /// "read as 200–900 by this sheet", for words drawn as a range.
    pub reading: Option<String>,
    /// The statuses shown beside it: all but "single origin" where the chart says once that
    /// every line is one origin's (the popover still gives every status).
    pub badges: Vec<Status>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct KeyEntryView {
    pub swatch: usize,
    pub vague: bool,
    pub label: String,
}

fn bounds(value: &Value) -> (f64, f64) {
    match value {
        Value::Exact { number, .. } | Value::Approximate { number, .. } => (*number, *number),
        Value::Range { min, max, .. } => (*min, *max),
        Value::Vague {
            reading: Some(r), ..
        } => (r.min, r.max),
        Value::Vague { reading: None, .. } => (0.0, 0.0),
    }
}

fn thousandths(value: f64, max: f64) -> u32 {
    if max <= 0.0 || !value.is_finite() {
        0
    } else {
        (value / max * 1000.0).round().clamp(0.0, 1000.0) as u32
    }
}

/// A chart for a conflict whose items are all figures with differing values; `None` for any
/// other conflict.
pub(super) fn chart_view(sheet: &Sheet, conflict: &Conflict, lang: &str) -> Option<ChartView> {
    let figures: Vec<&Figure> = conflict
        .items
        .iter()
        .map(|id| sheet.figures.iter().find(|f| &f.id == id))
        .collect::<Option<_>>()?;
    let first = figures.first()?;
    if figures.iter().all(|f| f.value == first.value) {
        return None;
    }

    // What each colour counts, in the order the units first appear.
    let mut units: Vec<&str> = Vec::new();
    for f in &figures {
        if !units.contains(&f.unit.as_str()) {
            units.push(&f.unit);
        }
    }
    let swatch = |unit: &str| units.iter().position(|u| *u == unit).unwrap_or(0) % SWATCHES;

    // Parts of one estimate (one origin, one date) stack in one bar; the model groups them
    // as its dispute rule does.
    let mut sorted: Vec<Estimate<'_>> = estimates(sheet, conflict);
    let total = |e: &Estimate<'_>| {
        let stacked: f64 = e
            .figures
            .iter()
            .filter(|f| !matches!(f.value, Value::Vague { .. }))
            .map(|f| bounds(&f.value).1)
            .sum();
        let ranges = e
            .figures
            .iter()
            .filter(|f| matches!(f.value, Value::Vague { .. }))
            .map(|f| bounds(&f.value).1)
            .fold(0.0, f64::max);
        stacked.max(ranges)
    };
    let max = sorted.iter().map(total).fold(0.0, f64::max);
    // Time order; an estimate whose date the sheet does not know goes last. Each origin's
    // group then stands where its earliest estimate does.
    sorted.sort_by(|a, b| order(when_key(a.as_of), when_key(b.as_of)));
    // Where every line is one origin's, the chart says so once instead of a "single origin"
    // badge on every bar.
    let one_origin_each = sorted.iter().all(|e| e.origins.len() == 1);
    let mut groups: Vec<(Vec<&str>, OriginGroupView)> = Vec::new();
    for estimate in &sorted {
        let Some(head) = estimate.figures.first() else {
            continue;
        };
        let origin_names: Vec<&str> = estimate
            .origins
            .iter()
            .map(|o| party_name(sheet, o))
            .collect();
        let claimant_names: Vec<&str> = head
            .claimants
            .iter()
            .map(|c| party_name(sheet, c))
            .collect();
        let mut start = 0.0;
        let parts = estimate
            .figures
            .iter()
            .map(|f| {
                let (low, high) = bounds(&f.value);
                let vague = matches!(f.value, Value::Vague { .. });
                let (from, to) = if vague {
                    (low, high)
                } else {
                    start += high;
                    (start - high, start)
                };
                let reading = match &f.value {
                    Value::Vague {
                        reading: Some(r), ..
                    } => match (format_number(r.min, lang), format_number(r.max, lang)) {
                        (Some(a), Some(b)) => Some(format!("read as {a}\u{2013}{b} by this sheet")),
                        _ => None,
                    },
                    _ => None,
                };
                let figure = figure_view(sheet, f, lang);
                PartView {
                    badges: figure
                        .item
                        .statuses
                        .iter()
                        .copied()
                        .filter(|s| !(one_origin_each && *s == Status::SingleOrigin))
                        .collect(),
                    figure,
                    swatch: swatch(&f.unit),
                    vague,
                    from: thousandths(from, max),
                    to: thousandths(to, max),
                    reading,
                }
            })
            .collect();
        let view = EstimateView {
            when: when_text(estimate.as_of, lang),
            claimant: (claimant_names != origin_names).then(|| join_names(&claimant_names)),
            parts,
        };
        match groups.iter_mut().find(|(o, _)| *o == estimate.origins) {
            Some((_, group)) => group.estimates.push(view),
            None => groups.push((
                estimate.origins.clone(),
                OriginGroupView {
                    origin: join_names(&origin_names),
                    estimates: vec![view],
                },
            )),
        }
    }

    let mut key: Vec<KeyEntryView> = units
        .iter()
        .enumerate()
        .filter(|(_, unit)| {
            figures
                .iter()
                .any(|f| f.unit == **unit && !matches!(f.value, Value::Vague { .. }))
        })
        .map(|(i, unit)| KeyEntryView {
            swatch: i % SWATCHES,
            vague: false,
            label: (*unit).to_string(),
        })
        .collect();
    for f in figures
        .iter()
        .filter(|f| matches!(f.value, Value::Vague { .. }))
    {
        key.push(KeyEntryView {
            swatch: swatch(&f.unit),
            vague: true,
            label: format!("\u{201C}{}\u{201D}: words", f.value.written()),
        });
    }
    Some(ChartView {
        id: conflict.id.clone(),
        title: conflict.title.clone(),
        groups: groups.into_iter().map(|(_, g)| g).collect(),
        key,
        scale: {
            let scale = format!(
                "One scale, 0 to {}",
                format_number(max, lang).unwrap_or_default()
            );
            if one_origin_each {
                format!("{scale}; one origin per line.")
            } else {
                format!("{scale}.")
            }
        },
    })
}

/// Known dates in order, unknown ones after them.
fn order(a: Option<&str>, b: Option<&str>) -> std::cmp::Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.cmp(b),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    }
}
