//! Figures and claims alike: who says it, how far it is verified and why, and the citations
//! a reader opens.

use crate::model::status::{assess, join_names, party_name, source};
use crate::model::{Citation, Claim, Dated, Item, Sheet, Status};

/// One citation as the popover shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct CitationView {
    pub outlet: String,
    pub title: String,
    /// The source's date line as written, or "Date not stated".
    pub dated: String,
    /// "via Yonhap", when the outlet names who passed it on.
    pub via: Option<String>,
    /// Only when the sheet has one; never made up.
    pub url: Option<String>,
    /// The quote split around the words to highlight: (before, marked, after).
    pub quote: (String, String, String),
}

/// A figure or a claim, ready to render.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemView {
    pub id: String,
    /// The page anchor, `fig-<id>` or `claim-<id>`.
    pub anchor: String,
    pub popover_id: String,
    /// Every status the evidence gives, in the model's order; possibly none.
    pub statuses: Vec<Status>,
    pub why: String,
    /// How many outlets and origins stand behind it: the sentence that separates one origin
    /// repeated from independent confirmation.
    pub origin_note: String,
    /// Who says it, with the kind of party where useful.
    pub claimant: String,
    pub citations: Vec<CitationView>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ClaimView {
    pub item: ItemView,
    pub summary: String,
    pub kind: &'static str,
    /// The outlets that report it and who passed it on, each once: "RFA via Yonhap".
    pub reported_by: String,
    /// Who says it, where the summary does not name them (by name or alias) itself.
    pub unnamed_claimant: Option<String>,
}

fn source_dated(sheet: &Sheet, id: &str) -> String {
    match source(sheet, id).map(|s| &s.dated) {
        Some(Dated::Stated(d)) => d.as_written.clone(),
        Some(Dated::NotStated { .. }) | None => "Date not stated".into(),
    }
}

fn citation_view(sheet: &Sheet, citation: &Citation, highlight: Option<&str>) -> CitationView {
    let src = source(sheet, &citation.source);
    let quote = &citation.quote;
    let marked = highlight.and_then(|words| crate::model::text::find_ignoring_case(quote, words));
    let quote = match marked {
        Some((a, b)) => (
            quote[..a].to_string(),
            quote[a..b].to_string(),
            quote[b..].to_string(),
        ),
        None => (quote.clone(), String::new(), String::new()),
    };
    CitationView {
        outlet: src.map_or(citation.source.clone(), |s| s.outlet.clone()),
        title: src.map_or(String::new(), |s| s.title.clone()),
        dated: source_dated(sheet, &citation.source),
        via: citation
            .via
            .as_ref()
            .map(|v| format!("via {}", party_name(sheet, v))),
        url: src.and_then(|s| s.url.clone()),
        quote,
    }
}

pub(super) fn item_view(
    sheet: &Sheet,
    item: Item<'_>,
    prefix: &str,
    highlight: Option<&str>,
) -> ItemView {
    let assessment = assess(sheet, item);
    let names: Vec<&str> = item
        .claimants()
        .iter()
        .map(|c| party_name(sheet, c))
        .collect();
    ItemView {
        id: item.id().to_string(),
        anchor: format!("{prefix}-{}", item.id()),
        popover_id: format!("pop-{prefix}-{}", item.id()),
        statuses: assessment.statuses.clone(),
        why: assessment.why(),
        origin_note: assessment.reported.clone(),
        claimant: join_names(&names),
        citations: item
            .citations()
            .iter()
            .map(|c| citation_view(sheet, c, highlight))
            .collect(),
    }
}

pub(super) fn claim_view(sheet: &Sheet, claim: &Claim) -> ClaimView {
    use crate::model::ClaimKind::*;
    let item = item_view(sheet, Item::Claim(claim), "claim", None);
    let mut outlets: Vec<String> = Vec::new();
    for cite in &claim.citations {
        let outlet = crate::model::status::outlet_name(sheet, &cite.source);
        let name = match &cite.via {
            Some(via) => format!("{outlet} via {}", party_name(sheet, via)),
            None => outlet.to_string(),
        };
        if !outlets.contains(&name) {
            outlets.push(name);
        }
    }
    let summary = claim.summary.to_lowercase();
    let named = claim.claimants.iter().any(|id| {
        crate::model::status::party(sheet, id).is_some_and(|p| {
            std::iter::once(&p.name)
                .chain(&p.aliases)
                .any(|n| summary.contains(&n.to_lowercase()))
        })
    });
    ClaimView {
        unnamed_claimant: (!named).then(|| item.claimant.clone()),
        reported_by: outlets.join("; "),
        item,
        summary: claim.summary.clone(),
        kind: match claim.kind {
            Quote => "Quote",
            Statement => "Statement",
            ReportedOrder => "Reported order",
            CouldNotVerify => "Could not verify",
            NotAcknowledged => "Not acknowledged",
        },
    }
}

/// The summary's citations as an item the card can open like a figure's: no status (the
/// summary is the sheet's own words, held to its quotes by the build), and a sentence naming
/// the outlets it rests on.
pub(super) fn summary_item(sheet: &Sheet) -> ItemView {
    let summary = &sheet.story.summary;
    let mut outlets: Vec<&str> = Vec::new();
    for c in &summary.citations {
        let name = crate::model::status::outlet_name(sheet, &c.source);
        if !outlets.contains(&name) {
            outlets.push(name);
        }
    }
    let why = format!(
        "The summary is this sheet's wording, checked against these quotes from {}: every number and name in it appears in them or is a party's name.",
        join_names(&outlets)
    );
    ItemView {
        id: "summary".into(),
        anchor: "summary".into(),
        popover_id: "pop-summary".into(),
        statuses: Vec::new(),
        why: why.clone(),
        origin_note: why,
        claimant: String::new(),
        citations: summary
            .citations
            .iter()
            .map(|c| citation_view(sheet, c, None))
            .collect(),
    }
}
