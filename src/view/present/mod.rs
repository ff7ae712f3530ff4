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

pub use chart::{BarView, ChartView, SegmentView};
pub use figure::{as_of_basis, as_of_text, FigureView};
pub use item::{CitationView, ClaimView, ItemView};
pub use notes::{notes, QuoteNote, SourceNotes};

use crate::model::{Dated, Sheet};

use super::format::format_day;

#[derive(Clone, Debug, PartialEq)]
pub struct ConflictView {
    pub id: String,
    pub title: String,
    /// Ids of the figures or claims in it, in sheet order.
    pub items: Vec<String>,
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

/// The whole card's content.
#[derive(Clone, Debug, PartialEq)]
pub struct SheetView {
    pub headline: String,
    pub summary: String,
    pub place: String,
    pub dateline: String,
    pub figures: Vec<FigureView>,
    pub claims: Vec<ClaimView>,
    pub conflicts: Vec<ConflictView>,
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
    SheetView {
        headline: sheet.story.headline.clone(),
        summary: sheet.story.summary.text.clone(),
        place: sheet.story.place.clone(),
        dateline,
        figures: sheet
            .figures
            .iter()
            .map(|f| figure::figure_view(sheet, f, lang))
            .collect(),
        claims: sheet
            .claims
            .iter()
            .map(|c| item::claim_view(sheet, c))
            .collect(),
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
        charts: sheet
            .conflicts
            .iter()
            .filter_map(|c| chart::chart_view(sheet, c, lang))
            .collect(),
    }
}
