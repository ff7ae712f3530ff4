//! The printed card's notes: each source once, numbered, with each of its quotes once and
//! what the quote supports. On screen a quote lives in the popover of every item it supports,
//! so two figures taken from one sentence show it twice; on paper, where popovers cannot
//! open, the quotes are printed here instead, once each.

use super::{ClaimView, FigureView, SourceView, SummaryView};

/// One source and the words the card takes from it.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceNotes {
    pub outlet: String,
    pub title: String,
    pub dated: String,
    pub byline: String,
    pub url: Option<String>,
    pub quotes: Vec<QuoteNote>,
}

/// One quote, once, with every item it supports ("12,000 troops", a claim's summary).
#[derive(Clone, Debug, PartialEq)]
pub struct QuoteNote {
    pub quote: String,
    pub via: Option<String>,
    pub supports: Vec<String>,
}

/// What the notes call the summary among the items a quote supports.
pub const SUMMARY_NOTE: &str = "the summary";

/// The notes, sources in the sheet's order, quotes in the order the card first shows them
/// (the summary, figures, then claims). A source that no item quotes keeps its entry,
/// without quotes.
pub fn notes(
    sources: &[SourceView],
    summary: &SummaryView,
    figures: &[FigureView],
    claims: &[ClaimView],
) -> Vec<SourceNotes> {
    // The summary's quotes too: on paper its popover cannot open either.
    let items = std::iter::once((SUMMARY_NOTE.to_string(), &summary.item.citations))
        .chain(figures.iter().map(|f| {
            let name = match &f.qualifier {
                Some(q) => format!("{q} {} {}", f.number, f.unit),
                None => format!("{} {}", f.number, f.unit),
            };
            (name, &f.item.citations)
        }))
        .chain(
            claims
                .iter()
                .map(|c| (c.summary.clone(), &c.item.citations)),
        );
    let mut notes: Vec<SourceNotes> = sources
        .iter()
        .map(|s| SourceNotes {
            outlet: s.outlet.clone(),
            title: s.title.clone(),
            dated: s.dated.clone(),
            byline: s.byline.clone(),
            url: s.url.clone(),
            quotes: Vec::new(),
        })
        .collect();
    for (name, citations) in items {
        for citation in citations {
            let Some(source) = notes
                .iter_mut()
                .find(|n| n.outlet == citation.outlet && n.title == citation.title)
            else {
                continue;
            };
            let (before, marked, after) = &citation.quote;
            let quote = format!("{before}{marked}{after}");
            match source.quotes.iter_mut().find(|q| q.quote == quote) {
                Some(note) if note.supports.contains(&name) => {}
                Some(note) => note.supports.push(name.clone()),
                None => source.quotes.push(QuoteNote {
                    quote,
                    via: citation.via.clone(),
                    supports: vec![name.clone()],
                }),
            }
        }
    }
    notes
}
