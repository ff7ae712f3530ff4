//! The estimates chart of a conflict between figures: one bar per origin and date.

use crate::model::status::{join_names, outlet_name, party_name};
use crate::model::{AsOf, Conflict, Figure, Sheet, Value};

use super::figure::{as_of_text, number_text};

/// One bar of an estimates chart: one origin's estimate, split into parts where the origin
/// gives them (dead and wounded).
#[derive(Clone, Debug, PartialEq)]
pub struct BarView {
    pub origin: String,
    pub as_of: String,
    pub segments: Vec<SegmentView>,
    /// "RFA and Bloomberg both report this from one origin".
    pub shared_origin_note: Option<String>,
    /// Anchor of the first figure, to link the bar to its card.
    pub anchor: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SegmentView {
    pub label: String,
    pub number: String,
    /// Bounds in the figure's unit; equal for an exact value.
    pub low: f64,
    pub high: f64,
    /// Words rather than a number: drawn as an uncertain range.
    pub vague: bool,
    pub basis: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChartView {
    pub id: String,
    pub title: String,
    pub bars: Vec<BarView>,
    /// The largest value drawn, for the scale.
    pub max: f64,
}

fn segment(figure: &Figure, lang: &str) -> SegmentView {
    let number = number_text(&figure.value, lang);
    let (low, high, vague, basis) = match &figure.value {
        Value::Exact { number, .. } | Value::Approximate { number, .. } => {
            (*number, *number, false, None)
        }
        Value::Range { min, max, .. } => (*min, *max, false, None),
        Value::Vague {
            reading: Some(r), ..
        } => (r.min, r.max, true, Some(r.basis.clone())),
        Value::Vague { reading: None, .. } => (0.0, 0.0, true, None),
    };
    SegmentView {
        label: figure.unit.clone(),
        number,
        low,
        high,
        vague,
        basis,
    }
}

/// A chart for a conflict whose items are all figures with differing values: one bar per
/// origin and date, parts of one estimate (dead, wounded) stacked.
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
    let mut bars: Vec<(Vec<String>, AsOf, BarView)> = Vec::new();
    for figure in &figures {
        let seg = segment(figure, lang);
        if let Some((_, _, bar)) = bars
            .iter_mut()
            .find(|(claimants, as_of, _)| *claimants == figure.claimants && *as_of == figure.as_of)
        {
            bar.segments.push(seg);
            continue;
        }
        let outlets = outlets_citing(sheet, figure);
        let shared_origin_note = (outlets.len() > 1)
            .then(|| format!("{} both report this from one origin", join_names(&outlets)));
        let claimant_names: Vec<&str> = figure
            .claimants
            .iter()
            .map(|c| party_name(sheet, c))
            .collect();
        bars.push((
            figure.claimants.clone(),
            figure.as_of.clone(),
            BarView {
                origin: join_names(&claimant_names),
                as_of: as_of_text(&figure.as_of, lang),
                segments: vec![seg],
                shared_origin_note,
                anchor: format!("fig-{}", figure.id),
            },
        ));
    }
    let bars: Vec<BarView> = bars.into_iter().map(|(_, _, bar)| bar).collect();
    let max = bars
        .iter()
        .map(|b| b.segments.iter().map(|s| s.high).sum::<f64>())
        .fold(0.0, f64::max);
    Some(ChartView {
        id: conflict.id.clone(),
        title: conflict.title.clone(),
        bars,
        max,
    })
}

/// The outlets that report a figure, each once, in the order the citations first name them.
fn outlets_citing<'a>(sheet: &'a Sheet, figure: &'a Figure) -> Vec<&'a str> {
    let mut outlets: Vec<&str> = Vec::new();
    for c in &figure.citations {
        let name = outlet_name(sheet, &c.source);
        if !outlets.contains(&name) {
            outlets.push(name);
        }
    }
    outlets
}
