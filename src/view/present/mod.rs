//! What the card shows, worked out from a validated sheet before any component renders: the
//! words, the statuses and their reasons, the quotes with the figure's words marked.
//!
//! Pure Rust with no DOM, so it is tested natively (`tests/present.rs`) and the components only
//! wire it up. One file per part of the card: figures, claims and their citations
//! (`item.rs`, `figure.rs`), the estimates charts (`chart.rs`); the sheet as a whole here.

mod chart;
mod figure;
mod item;
mod notes;

pub use chart::{ChartView, EstimateView, KeyEntryView, OriginGroupView, PartView, SWATCHES};
pub use figure::{as_of_basis, when_key, when_text, AttributionView, FigureView};
pub use item::{CitationView, ClaimView, ItemView};
pub use notes::{notes, QuoteNote, SourceNotes, SUMMARY_NOTE};

use crate::model::{Dated, Sheet};

use super::format::format_day;

#[derive(Clone, Debug, PartialEq)]
pub struct ConflictView {
    pub id: String,
    pub title: String,
    /// Ids of the figures or claims in it, in sheet order.
    pub items: Vec<String>,
}

/// A disagreement as the glance shows it: the figures' estimates as a chart, or the
/// claims' accounts side by side.
#[derive(Clone, Debug, PartialEq)]
pub struct DisputeView {
    pub id: String,
    pub title: String,
    pub chart: Option<ChartView>,
    /// The claims in it, in sheet order, each outlet's account.
    pub accounts: Vec<ClaimView>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SourceView {
    pub id: String,
    pub outlet: String,
    pub title: String,
    pub dated: String,
    pub url: Option<String>,
    pub byline: String,
    /// Labels of the figures this source supports.
    pub supports: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PartyView {
    pub name: String,
    /// "also called Zelenskiy, Volodymr Zelenskyy": spellings and other names in the sources.
    pub aliases: String,
}

/// The story in brief, with the day it happened and the sources it rests on.
#[derive(Clone, Debug, PartialEq)]
pub struct SummaryView {
    pub text: String,
    /// The day of what it tells, formatted ("January 12, 2025"), where the sheet gives one.
    pub when: Option<String>,
    /// Its citations, opened like a figure's (`#summary`).
    pub item: ItemView,
}

/// The sheet's credits, each only where the sheet gives it.
#[derive(Clone, Debug, PartialEq)]
pub struct CreditsView {
    /// "Compiled by …".
    pub compiled_by: Option<String>,
    /// "Updated December 5, 2026".
    pub updated: Option<String>,
    /// Where corrections go: the words shown and the link (`mailto:` or `https:`).
    pub corrections: Option<(String, String)>,
}

/// The whole card's content.
#[derive(Clone, Debug, PartialEq)]
pub struct SheetView {
    pub headline: String,
    pub summary: SummaryView,
    /// Who made the sheet, as it says; `None` when it says nothing.
    pub credits: Option<CreditsView>,
    pub place: String,
    pub dateline: String,
    /// Every outlet the sheet cites, by its short name ("RFA"), in sheet order.
    pub outlets: Vec<String>,
    /// Every figure, in sheet order (deep links and the pre-render's anchors).
    pub figures: Vec<FigureView>,
    /// Every claim, in sheet order.
    pub claims: Vec<ClaimView>,
    pub conflicts: Vec<ConflictView>,
    /// The figures the glance shows as rows: every figure that no chart draws. A charted
    /// figure is shown once, as its bar.
    pub key_figures: Vec<FigureView>,
    /// "Where accounts disagree": conflicts with a chart or with claims.
    pub disputes: Vec<DisputeView>,
    /// The claims no dispute shows, for the "all claims and quotes" disclosure.
    pub more_claims: Vec<ClaimView>,
    pub sources: Vec<SourceView>,
    pub aliases: Vec<PartyView>,
    pub charts: Vec<ChartView>,
}

/// Builds everything the card shows from a validated sheet, for the page's language.
pub fn present(sheet: &Sheet, lang: &str) -> SheetView {
    let dateline = match (
        format_day(&sheet.story.dates.from, lang),
        format_day(&sheet.story.dates.to, lang),
    ) {
        (Some(a), Some(b)) => format!("{a} \u{2013} {b}"),
        _ => format!(
            "{} \u{2013} {}",
            sheet.story.dates.from, sheet.story.dates.to
        ),
    };
    let sources = sheet
        .sources
        .iter()
        .map(|s| SourceView {
            id: s.id.clone(),
            outlet: s.outlet.clone(),
            title: s.title.clone(),
            dated: match &s.dated {
                Dated::Stated(d) => d.as_written.clone(),
                Dated::NotStated { note: Some(n) } => format!("Date not stated. {n}"),
                Dated::NotStated { note: None } => "Date not stated.".into(),
            },
            url: s.url.clone(),
            byline: s
                .byline
                .clone()
                .unwrap_or_else(|| "Byline not stated".into()),
            supports: sheet
                .figures
                .iter()
                .filter(|f| f.citations.iter().any(|c| c.source == s.id))
                .map(|f| format!("{} {}", f.value.written(), f.unit))
                .collect(),
        })
        .collect();
    let aliases = sheet
        .parties
        .iter()
        .filter(|p| !p.aliases.is_empty())
        .map(|p| PartyView {
            name: p.name.clone(),
            aliases: format!("also called {}", p.aliases.join(", ")),
        })
        .collect();
    let figures: Vec<FigureView> = sheet
        .figures
        .iter()
        .map(|f| figure::figure_view(sheet, f, lang))
        .collect();
    let claims: Vec<ClaimView> = sheet
        .claims
        .iter()
        .map(|c| item::claim_view(sheet, c))
        .collect();
    let charts: Vec<ChartView> = sheet
        .conflicts
        .iter()
        .filter_map(|c| chart::chart_view(sheet, c, lang))
        .collect();
    let charted = |id: &str| {
        charts.iter().any(|c| {
            c.groups
                .iter()
                .flat_map(|g| &g.estimates)
                .flat_map(|e| &e.parts)
                .any(|p| p.figure.item.id == id)
        })
    };
    let disputes: Vec<DisputeView> = sheet
        .conflicts
        .iter()
        .map(|c| DisputeView {
            id: c.id.clone(),
            title: c.title.clone(),
            chart: charts.iter().find(|chart| chart.id == c.id).cloned(),
            accounts: claims
                .iter()
                .filter(|cl| c.items.contains(&cl.item.id))
                .cloned()
                .collect(),
        })
        .filter(|d| d.chart.is_some() || !d.accounts.is_empty())
        .collect();
    let disputed = |id: &str| {
        disputes
            .iter()
            .any(|d| d.accounts.iter().any(|a| a.item.id == id))
    };
    SheetView {
        key_figures: figures
            .iter()
            .filter(|f| !charted(&f.item.id))
            .cloned()
            .collect(),
        more_claims: claims
            .iter()
            .filter(|c| !disputed(&c.item.id))
            .cloned()
            .collect(),
        disputes,
        outlets: sheet
            .sources
            .iter()
            .map(|s| s.short_name.clone().unwrap_or_else(|| s.outlet.clone()))
            .collect(),
        headline: sheet.story.headline.clone(),
        summary: SummaryView {
            text: sheet.story.summary.text.clone(),
            when: sheet
                .story
                .summary
                .as_of
                .as_ref()
                .and_then(|a| figure::when_key(a).map(|_| figure::when_text(a, lang))),
            item: item::summary_item(sheet),
        },
        credits: sheet.credits.as_ref().and_then(|c| {
            let view = CreditsView {
                compiled_by: c
                    .compiled_by
                    .as_ref()
                    .map(|who| format!("Compiled by {who}")),
                updated: c.updated.as_ref().map(|d| {
                    format!(
                        "Updated {}",
                        format_day(d, lang).unwrap_or_else(|| d.clone())
                    )
                }),
                corrections: c.corrections.as_ref().map(|to| {
                    let href = if to.starts_with("https://") {
                        to.clone()
                    } else {
                        format!("mailto:{to}")
                    };
                    (format!("Corrections: {to}"), href)
                }),
            };
            (view.compiled_by.is_some() || view.updated.is_some() || view.corrections.is_some())
                .then_some(view)
        }),
        place: sheet.story.place.clone(),
        dateline,
        figures,
        claims,
        conflicts: sheet
            .conflicts
            .iter()
            .map(|c| ConflictView {
                id: c.id.clone(),
                title: c.title.clone(),
                items: c.items.clone(),
            })
            .collect(),
        sources,
        aliases,
        charts,
    }
}
