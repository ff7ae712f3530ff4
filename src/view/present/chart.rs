//! The estimates chart of a disagreement between figures: estimates grouped by origin, in
//! time order, each part (dead, wounded) a bar on one shared scale.

use crate::model::status::{join_names, origin, outlet_name, party_name};
use crate::model::{Conflict, Figure, Sheet, Value};

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
    /// The scale every bar shares, in words ("Bars on one scale, 0 to 4,000").
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
    /// The outlets that report it ("RFA and Bloomberg").
    pub outlets: String,
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
    /// "read as 200–900 by this sheet: the source gives no number", for words drawn as a
    /// range.
    pub reading: Option<String>,
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

/// The origins of a figure's claimants, each once, in the order they are named.
fn origins<'a>(sheet: &'a Sheet, figure: &'a Figure) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for c in &figure.claimants {
        let o = origin(sheet, c);
        if !out.contains(&o) {
            out.push(o);
        }
    }
    out
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

    // Parts of one estimate: the same claimants at the same date.
    let mut estimates: Vec<Vec<&Figure>> = Vec::new();
    for f in &figures {
        match estimates
            .iter_mut()
            .find(|e| e[0].claimants == f.claimants && e[0].as_of == f.as_of)
        {
            Some(e) => e.push(f),
            None => estimates.push(vec![f]),
        }
    }
    let max = estimates
        .iter()
        .map(|parts| {
            let stacked: f64 = parts
                .iter()
                .filter(|f| !matches!(f.value, Value::Vague { .. }))
                .map(|f| bounds(&f.value).1)
                .sum();
            let ranges = parts
                .iter()
                .filter(|f| matches!(f.value, Value::Vague { .. }))
                .map(|f| bounds(&f.value).1)
                .fold(0.0, f64::max);
            stacked.max(ranges)
        })
        .fold(0.0, f64::max);

    let mut groups: Vec<(Vec<&str>, OriginGroupView, Option<&str>)> = Vec::new();
    let mut sorted = estimates;
    // Time order; an estimate whose date the sheet does not know goes last.
    sorted.sort_by(|a, b| order(when_key(&a[0].as_of), when_key(&b[0].as_of)));
    for parts in sorted {
        let head = parts[0];
        let origin_ids = origins(sheet, head);
        let origin_names: Vec<&str> = origin_ids.iter().map(|o| party_name(sheet, o)).collect();
        let claimant_names: Vec<&str> = head
            .claimants
            .iter()
            .map(|c| party_name(sheet, c))
            .collect();
        let mut outlets: Vec<&str> = Vec::new();
        for f in &parts {
            for c in &f.citations {
                let name = outlet_name(sheet, &c.source);
                if !outlets.contains(&name) {
                    outlets.push(name);
                }
            }
        }
        let mut start = 0.0;
        let parts_view = parts
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
                        (Some(a), Some(b)) => Some(format!(
                            "drawn as {a}\u{2013}{b}, this sheet's reading: the source gives no number"
                        )),
                        _ => None,
                    },
                    _ => None,
                };
                PartView {
                    figure: figure_view(sheet, f, lang),
                    swatch: swatch(&f.unit),
                    vague,
                    from: thousandths(from, max),
                    to: thousandths(to, max),
                    reading,
                }
            })
            .collect();
        let estimate = EstimateView {
            when: when_text(&head.as_of, lang),
            claimant: (claimant_names != origin_names).then(|| join_names(&claimant_names)),
            outlets: join_names(&outlets),
            parts: parts_view,
        };
        let key = when_key(&head.as_of);
        match groups.iter_mut().find(|(ids, _, _)| *ids == origin_ids) {
            Some((_, group, _)) => group.estimates.push(estimate),
            None => groups.push((
                origin_ids,
                OriginGroupView {
                    origin: join_names(&origin_names),
                    estimates: vec![estimate],
                },
                key,
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
            label: format!(
                "{} in words (\u{201C}{}\u{201D}): a range, no number given",
                f.unit,
                f.value.written()
            ),
        });
    }
    Some(ChartView {
        id: conflict.id.clone(),
        title: conflict.title.clone(),
        groups: groups.into_iter().map(|(_, g, _)| g).collect(),
        key,
        scale: format!(
            "One scale for every bar, 0 to {}",
            format_number(max, lang).unwrap_or_default()
        ),
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
