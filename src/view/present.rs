//! What the card shows, worked out from a validated sheet before any component renders: the
//! words, the statuses and their reasons, the quotes with the figure's words marked.
//!
//! Pure Rust with no DOM, so it is tested natively and the components only wire it up.

use crate::model::status::{assess, join_names, outlet_name, party_name, source};
use crate::model::{AsOf, Citation, Claim, Conflict, Dated, Figure, Item, Sheet, Status, Value};

use super::format::{format_day, format_number};

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
    pub status: Status,
    pub why: String,
    /// How many outlets and origins stand behind it: the sentence that separates one origin
    /// repeated from independent confirmation.
    pub origin_note: String,
    /// Who says it, with the kind of party where useful.
    pub claimant: String,
    pub citations: Vec<CitationView>,
}

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

#[derive(Clone, Debug, PartialEq)]
pub struct ClaimView {
    pub item: ItemView,
    pub summary: String,
    pub kind: &'static str,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ConflictView {
    pub id: String,
    pub title: String,
    pub explanation: String,
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
    pub explanation: String,
    pub bars: Vec<BarView>,
    /// The largest value drawn, for the scale.
    pub max: f64,
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

fn item_view(sheet: &Sheet, item: Item<'_>, prefix: &str, highlight: Option<&str>) -> ItemView {
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
        status: assessment.status,
        why: assessment.why(),
        origin_note: assessment
            .reasons
            .last()
            .map(|(_, s)| s.clone())
            .unwrap_or_default(),
        claimant: join_names(&names),
        citations: item
            .citations()
            .iter()
            .map(|c| citation_view(sheet, c, highlight))
            .collect(),
    }
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

fn number_text(value: &Value, lang: &str) -> String {
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

fn figure_view(sheet: &Sheet, figure: &Figure, lang: &str) -> FigureView {
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

fn claim_view(sheet: &Sheet, claim: &Claim) -> ClaimView {
    use crate::model::ClaimKind::*;
    ClaimView {
        item: item_view(sheet, Item::Claim(claim), "claim", None),
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
fn chart_view(sheet: &Sheet, conflict: &Conflict, lang: &str) -> Option<ChartView> {
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
        let names: Vec<&str> = figure
            .claimants
            .iter()
            .map(|c| party_name(sheet, c))
            .collect();
        let mut outlets: Vec<&str> = Vec::new();
        for c in &figure.citations {
            let name = outlet_name(sheet, &c.source);
            if !outlets.contains(&name) {
                outlets.push(name);
            }
        }
        let shared_origin_note = (outlets.len() > 1)
            .then(|| format!("{} both report this from one origin", join_names(&outlets)));
        bars.push((
            figure.claimants.clone(),
            figure.as_of.clone(),
            BarView {
                origin: join_names(&names),
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
        explanation: conflict.explanation.clone(),
        bars,
        max,
    })
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
        summary: sheet.story.summary.clone(),
        place: sheet.story.place.clone(),
        dateline,
        figures: sheet
            .figures
            .iter()
            .map(|f| figure_view(sheet, f, lang))
            .collect(),
        claims: sheet.claims.iter().map(|c| claim_view(sheet, c)).collect(),
        conflicts: sheet
            .conflicts
            .iter()
            .map(|c| ConflictView {
                id: c.id.clone(),
                title: c.title.clone(),
                explanation: c.explanation.clone(),
                items: c.items.clone(),
            })
            .collect(),
        sources,
        aliases,
        charts: sheet
            .conflicts
            .iter()
            .filter_map(|c| chart_view(sheet, c, lang))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view() -> SheetView {
        present(&crate::data::builtin().unwrap(), "en")
    }

    #[test]
    fn figures_carry_their_hedges_as_written() {
        let v = view();
        let sent = v
            .figures
            .iter()
            .find(|f| f.item.id == "sent-per-rfa")
            .unwrap();
        assert_eq!(sent.qualifier.as_deref(), Some("as many as"));
        assert_eq!(sent.number, "12,000");
        let dead = v
            .figures
            .iter()
            .find(|f| f.item.id == "dead-per-nis")
            .unwrap();
        assert_eq!(dead.qualifier, None);
        assert_eq!(
            dead.qualifier_note.as_deref(),
            Some("RFA: no hedge; Bloomberg: \u{201C}around\u{201D}")
        );
    }

    #[test]
    fn quotes_mark_the_figures_words() {
        let v = view();
        let fig = v
            .figures
            .iter()
            .find(|f| f.item.id == "casualties-ukraine")
            .unwrap();
        assert_eq!(fig.item.citations[0].quote.1, "3,800");
        assert_eq!(fig.item.citations[0].via, None);
        let dead = v
            .figures
            .iter()
            .find(|f| f.item.id == "dead-per-nis")
            .unwrap();
        assert_eq!(
            dead.item.citations[1].via.as_deref(),
            Some("via Lee Seong-kweun")
        );
        assert_eq!(dead.item.citations[1].dated, "Date not stated");
    }

    #[test]
    fn the_casualty_chart_stacks_dead_and_wounded_and_notes_one_origin() {
        let v = view();
        let chart = v
            .charts
            .iter()
            .find(|c| c.id == "casualty-estimates")
            .unwrap();
        assert_eq!(chart.bars.len(), 4);
        let nis = chart.bars.iter().find(|b| b.segments.len() == 2).unwrap();
        assert_eq!(nis.origin, "South Korea's National Intelligence Service");
        assert_eq!(
            nis.shared_origin_note.as_deref(),
            Some("RFA and Bloomberg both report this from one origin")
        );
        let us = chart.bars.iter().find(|b| b.segments[0].vague).unwrap();
        assert_eq!((us.segments[0].low, us.segments[0].high), (200.0, 900.0));
        assert_eq!(chart.max, 4000.0);
        // Both 12,000 figures are equal: that conflict is about attribution, not a chart.
        assert!(v.charts.iter().all(|c| c.id != "who-estimated-troops"));
    }

    #[test]
    fn every_spelling_the_sources_use_is_listed() {
        let v = view();
        let z = v
            .aliases
            .iter()
            .find(|p| p.name == "Volodymyr Zelenskyy")
            .unwrap();
        assert_eq!(
            z.aliases,
            "also called Zelenskiy, Volodymyr Zelenskiy, Volodymr Zelenskyy"
        );
    }

    #[test]
    fn as_of_says_when_a_date_cannot_be_resolved() {
        let v = view();
        let z = v
            .figures
            .iter()
            .find(|f| f.item.id == "casualties-zelenskyy")
            .unwrap();
        assert_eq!(z.as_of, "As of \u{201C}last week\u{201D} (date not stated)");
        let u = v
            .figures
            .iter()
            .find(|f| f.item.id == "casualties-ukraine")
            .unwrap();
        assert_eq!(u.as_of, "As of January 4, 2025");
    }
}
