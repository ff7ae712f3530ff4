//! `present`: what the card shows, worked out from a sheet. Run on the fixture sheet
//! (`tests/fixtures/sheet.json`), with every expectation taken from the sheet itself, so the
//! tests hold for any story; only the tests named `seed_story_…` check the shipped story.

// A test says what broke by failing loudly: unwrap, expect and panic! are allowed here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use factsheet::model::status::{
    citation_as_of, citation_claimants, estimates, origin, outlet_name, party_name, Item,
};
use factsheet::model::{load, AsOf, ClaimKind, Dated, Figure, Sheet, Status, Value};
use factsheet::view::format::format_day;
use factsheet::view::present::{notes, present, when_key, when_text, FigureView, SheetView};

const FIXTURE: &str = include_str!("fixtures/sheet.json");

fn fixture() -> Sheet {
    load("sheet.json", FIXTURE.as_bytes(), None).unwrap_or_else(|p| panic!("{p:#?}"))
}

fn shown<'a>(view: &'a SheetView, figure: &Figure) -> &'a FigureView {
    view.figures
        .iter()
        .find(|f| f.item.id == figure.id)
        .unwrap_or_else(|| panic!("figure {} is not shown", figure.id))
}

/// "as many as" from "As many as": hedges read mid-sentence on the card.
fn mid_sentence(hedge: &str) -> String {
    let mut chars = hedge.chars();
    chars
        .next()
        .map_or(String::new(), |c| c.to_lowercase().chain(chars).collect())
}

fn hedges(figure: &Figure) -> Vec<Option<&str>> {
    figure
        .citations
        .iter()
        .map(|c| c.qualifier.as_deref())
        .collect()
}

#[test]
fn every_figure_and_claim_is_shown_in_sheet_order_with_its_anchor_and_status() {
    let sheet = fixture();
    let view = present(&sheet, "en");
    let figures: Vec<&str> = view.figures.iter().map(|f| f.item.id.as_str()).collect();
    let want: Vec<&str> = sheet.figures.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(figures, want);
    let claims: Vec<&str> = view.claims.iter().map(|c| c.item.id.as_str()).collect();
    let want: Vec<&str> = sheet.claims.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(claims, want);
    for (shown, figure) in view.figures.iter().zip(&sheet.figures) {
        assert_eq!(shown.item.anchor, format!("fig-{}", figure.id));
        assert_eq!(shown.item.popover_id, format!("pop-fig-{}", figure.id));
        // A valid sheet's declared status is the one the evidence supports.
        assert_eq!(shown.item.statuses, figure.status);
        assert_eq!(shown.label, figure.label);
        assert_eq!(shown.unit, figure.unit);
        assert_eq!(shown.item.citations.len(), figure.citations.len());
    }
    for (shown, claim) in view.claims.iter().zip(&sheet.claims) {
        assert_eq!(shown.item.anchor, format!("claim-{}", claim.id));
        assert_eq!(shown.item.statuses, claim.status);
        assert_eq!(shown.summary, claim.summary);
    }
    // The fixture exercises every status.
    for &status in Status::ALL {
        let items = view.figures.iter().map(|f| &f.item);
        let mut items = items.chain(view.claims.iter().map(|c| &c.item));
        assert!(
            items.any(|i| i.statuses.contains(&status)),
            "no item is {status:?}"
        );
    }
}

#[test]
fn the_why_sentence_names_the_origins_and_ends_with_the_origin_note() {
    let sheet = fixture();
    let view = present(&sheet, "en");
    let items = view.figures.iter().map(|f| &f.item);
    for item in items.chain(view.claims.iter().map(|c| &c.item)) {
        // A disputed, unverified or unacknowledged item says so first; every "why" ends with
        // how many outlets and origins stand behind it.
        let first = item.statuses.first().copied();
        if let Some(first) =
            first.filter(|s| !matches!(s, Status::Corroborated | Status::SingleOrigin))
        {
            assert!(
                item.why.starts_with(first.label()),
                "{}: {}",
                item.id,
                item.why
            );
        }
        assert!(item.why.ends_with(&item.origin_note), "{}", item.id);
        assert!(item.origin_note.contains("Reported by"), "{}", item.id);
    }
    let corroborated = view
        .figures
        .iter()
        .find(|f| f.item.statuses.contains(&Status::Corroborated))
        .expect("a corroborated figure");
    let figure = sheet
        .figures
        .iter()
        .find(|f| f.id == corroborated.item.id)
        .unwrap();
    let origins = format!("Stated by {} independent origins", figure.claimants.len());
    assert!(
        corroborated.item.why.starts_with(&origins),
        "{}",
        corroborated.item.why
    );
    for claimant in &figure.claimants {
        let name = &sheet
            .parties
            .iter()
            .find(|p| &p.id == claimant)
            .unwrap()
            .name;
        assert!(
            corroborated.item.why.contains(name.as_str()),
            "{name} not in {}",
            corroborated.item.why
        );
        assert!(corroborated.item.claimant.contains(name.as_str()));
    }
}

#[test]
fn in_english_a_number_reads_as_the_source_writes_it() {
    let sheet = fixture();
    let view = present(&sheet, "en");
    let mut kinds = Vec::new();
    for figure in &sheet.figures {
        let number = &shown(&view, figure).number;
        match &figure.value {
            Value::Exact { written, .. } | Value::Approximate { written, .. } => {
                assert_eq!(number, written, "{}", figure.id);
                kinds.push("number");
            }
            Value::Range { min, max, .. } => {
                let want = format!("{}\u{2013}{}", english(*min), english(*max));
                assert_eq!(number, &want, "{}", figure.id);
                kinds.push("range");
            }
            Value::Vague { written, .. } => {
                assert_eq!(number, written, "{}", figure.id);
                kinds.push("vague");
            }
        }
    }
    for kind in ["number", "range", "vague"] {
        assert!(kinds.contains(&kind), "the fixture has no {kind} figure");
    }
}

/// A whole number with thousands separated by commas, as English writes it.
fn english(number: f64) -> String {
    let digits = format!("{number:.0}");
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(d);
    }
    out
}

#[test]
fn a_hedge_every_outlet_shares_goes_before_the_number_and_differing_ones_with_their_outlet() {
    let sheet = fixture();
    let view = present(&sheet, "en");
    let (mut shared, mut differing, mut none) = (0, 0, 0);
    for figure in &sheet.figures {
        let f = shown(&view, figure);
        let hedges = hedges(figure);
        if hedges.iter().all(|h| *h == hedges[0]) {
            assert_eq!(f.qualifier, hedges[0].map(mid_sentence), "{}", figure.id);
            assert!(f.attributions.iter().all(|a| a.hedge.is_none()));
            if hedges[0].is_some() {
                shared += 1;
            } else {
                none += 1;
            }
        } else {
            differing += 1;
            assert_eq!(f.qualifier, None, "{}", figure.id);
            // Each outlet's own wording, beside that outlet's name.
            for c in &figure.citations {
                let outlet = outlet_name(&sheet, &c.source);
                let line = f
                    .attributions
                    .iter()
                    .find(|a| a.outlet.split(" and ").any(|o| o == outlet))
                    .unwrap_or_else(|| panic!("{}: no line for {outlet}", figure.id));
                assert_eq!(
                    line.hedge,
                    c.qualifier.as_deref().map(mid_sentence),
                    "{}",
                    figure.id
                );
            }
        }
        // The words a screen reader announces: hedge (where shared), number, what it counts.
        let want = match &f.qualifier {
            Some(q) => format!("{q} {} {}", f.number, f.unit),
            None => format!("{} {}", f.number, f.unit),
        };
        assert_eq!(f.subject, want);
    }
    assert!(
        shared > 0 && differing > 0 && none > 0,
        "the fixture lacks a kind of hedge"
    );
}

#[test]
fn each_outlet_line_names_who_that_outlet_says_states_it() {
    let sheet = fixture();
    let view = present(&sheet, "en");
    let mut own = 0;
    for figure in &sheet.figures {
        let f = shown(&view, figure);
        let mut outlets: Vec<&str> = Vec::new();
        for c in &figure.citations {
            if !outlets.contains(&c.source.as_str()) {
                outlets.push(&c.source);
            }
        }
        // Outlets that say the same share a line; each outlet is on exactly one.
        assert!(f.attributions.len() <= outlets.len(), "{}", figure.id);
        for c in &figure.citations {
            let name = outlet_name(&sheet, &c.source);
            let lines: Vec<_> = f
                .attributions
                .iter()
                .filter(|a| a.outlet.split(" and ").any(|o| o == name))
                .collect();
            assert_eq!(
                lines.len(),
                1,
                "{}: {name} on {} lines",
                figure.id,
                lines.len()
            );
            let line = lines[0];
            for id in citation_claimants(Item::Figure(figure), c) {
                assert!(
                    line.claimants.contains(party_name(&sheet, id)),
                    "{}: {:?} lacks {id}",
                    figure.id,
                    line.claimants
                );
            }
            own += usize::from(!c.claimants.is_empty());
        }
    }
    assert!(
        own > 0,
        "the fixture has no citation with its own claimants"
    );
}

#[test]
fn quotes_mark_the_figures_words_and_name_who_passed_them_on() {
    let sheet = fixture();
    let view = present(&sheet, "en");
    let mut vias = 0;
    for figure in &sheet.figures {
        let f = shown(&view, figure);
        for (shown, cited) in f.item.citations.iter().zip(&figure.citations) {
            let (before, marked, after) = &shown.quote;
            assert_eq!(format!("{before}{marked}{after}"), cited.quote);
            if cited
                .quote
                .to_lowercase()
                .contains(&figure.value.written().to_lowercase())
            {
                assert!(
                    marked.eq_ignore_ascii_case(figure.value.written()),
                    "{}: marked {marked:?}",
                    figure.id
                );
            }
            let party = |id: &str| &sheet.parties.iter().find(|p| p.id == id).unwrap().name;
            assert_eq!(
                shown.via,
                cited.via.as_deref().map(|v| format!("via {}", party(v)))
            );
            vias += usize::from(cited.via.is_some());
            let source = sheet.sources.iter().find(|s| s.id == cited.source).unwrap();
            assert_eq!(shown.outlet, source.outlet);
            assert_eq!(shown.title, source.title);
            assert_eq!(shown.url, source.url);
            match &source.dated {
                Dated::Stated(d) => assert_eq!(shown.dated, d.as_written),
                Dated::NotStated { .. } => assert_eq!(shown.dated, "Date not stated"),
            }
        }
    }
    assert!(vias > 0, "the fixture has no citation with a `via`");
}

#[test]
fn when_gives_the_day_where_known_and_the_words_where_not() {
    let sheet = fixture();
    let view = present(&sheet, "en");
    let day = |date: &str| format_day(date, "en").expect("a day in English");
    let mut kinds = Vec::new();
    for figure in &sheet.figures {
        for c in &figure.citations {
            let as_of = citation_as_of(figure, c);
            let text = when_text(as_of, "en");
            match as_of {
                AsOf::Exact { date, .. } => assert_eq!(text, day(date)),
                AsOf::Approximate {
                    as_written, period, ..
                } => {
                    // The words as written, and the period's year (or the period) with them.
                    assert!(text.starts_with(as_written.as_str()), "{text}");
                    let year = &period[..4];
                    assert!(text.contains(year), "{text}");
                }
                AsOf::Relative {
                    resolved: Some(r), ..
                } => assert_eq!(text, day(r)),
                AsOf::Relative {
                    as_written,
                    resolved: None,
                    ..
                } => assert_eq!(
                    text,
                    format!("\u{201C}{as_written}\u{201D} (date not stated)")
                ),
                AsOf::NotStated => assert_eq!(text, "date not stated"),
            }
            assert_eq!(
                when_key(as_of).is_some(),
                !matches!(
                    as_of,
                    AsOf::NotStated | AsOf::Relative { resolved: None, .. }
                )
            );
            kinds.push(std::mem::discriminant(as_of));
        }
        // One date for the figure where its outlets agree, else one per outlet.
        let f = shown(&view, figure);
        let dates: Vec<String> = figure
            .citations
            .iter()
            .map(|c| when_text(citation_as_of(figure, c), "en"))
            .collect();
        if dates.windows(2).all(|w| w[0] == w[1]) {
            assert_eq!(f.when.as_ref(), dates.first(), "{}", figure.id);
            assert!(f.attributions.iter().all(|a| a.when.is_none()));
        } else {
            assert_eq!(f.when, None, "{}", figure.id);
            for c in &figure.citations {
                let name = outlet_name(&sheet, &c.source);
                let line = f
                    .attributions
                    .iter()
                    .find(|a| a.outlet.split(" and ").any(|o| o == name))
                    .unwrap();
                assert_eq!(line.when, Some(when_text(citation_as_of(figure, c), "en")));
            }
        }
    }
    kinds.sort_by_key(|k| format!("{k:?}"));
    kinds.dedup();
    assert!(kinds.len() >= 4, "the fixture lacks a kind of as-of");
}

#[test]
fn loose_words_naming_a_month_get_its_year() {
    let mid = AsOf::Approximate {
        as_written: "mid-December".into(),
        period: "2024-12".into(),
        basis: None,
    };
    assert_eq!(when_text(&mid, "en"), "mid-December 2024");
    let unresolved = AsOf::Relative {
        as_written: "last night".into(),
        resolved: None,
        utc_offset: None,
        basis: "The report has no date line.".into(),
    };
    assert_eq!(
        when_text(&unresolved, "en"),
        "\u{201C}last night\u{201D} (date not stated)"
    );
}

#[test]
fn a_conflict_of_differing_figures_is_a_chart_by_origin_in_time_order_each_figure_once() {
    let sheet = fixture();
    let view = present(&sheet, "en");
    let conflict = &sheet.conflicts[0];
    let chart = view
        .charts
        .iter()
        .find(|c| c.id == conflict.id)
        .expect("a chart for the conflict");
    let model = estimates(&sheet, conflict);
    let shown: Vec<_> = chart.groups.iter().flat_map(|g| &g.estimates).collect();
    assert_eq!(shown.len(), model.len(), "one line per estimate");
    // Every figure of the conflict is drawn exactly once, as a part of its estimate.
    let mut parts: Vec<&str> = shown
        .iter()
        .flat_map(|e| &e.parts)
        .map(|p| p.figure.item.id.as_str())
        .collect();
    parts.sort_unstable();
    let mut want: Vec<&str> = conflict.items.iter().map(String::as_str).collect();
    want.sort_unstable();
    assert_eq!(parts, want);
    // One group per origin; a party part of another (a leader and their government) is in
    // the group of the top one.
    for group in &chart.groups {
        for e in &group.estimates {
            for p in &e.parts {
                let figure = sheet
                    .figures
                    .iter()
                    .find(|f| f.id == p.figure.item.id)
                    .unwrap();
                for c in &figure.claimants {
                    assert!(
                        group.origin.contains(party_name(&sheet, origin(&sheet, c))),
                        "{} is not under {}",
                        figure.id,
                        group.origin
                    );
                }
            }
        }
    }
    let mut names: Vec<&str> = chart.groups.iter().map(|g| g.origin.as_str()).collect();
    names.dedup();
    assert_eq!(names.len(), chart.groups.len(), "an origin is grouped once");
    // Within a group, known dates in order; each group stands where its first date does.
    let first_key = |g: &factsheet::view::present::OriginGroupView| {
        let e = &g.estimates[0];
        let f = sheet
            .figures
            .iter()
            .find(|f| f.id == e.parts[0].figure.item.id)
            .unwrap();
        when_key(&f.as_of).map(str::to_string)
    };
    let keys: Vec<Option<String>> = chart.groups.iter().map(first_key).collect();
    let known: Vec<&String> = keys.iter().flatten().collect();
    assert!(known.windows(2).all(|w| w[0] <= w[1]), "{keys:?}");
    // Parts stack on one scale; a range spans its bounds; every colour is in the key.
    for e in &shown {
        let mut end = 0;
        for p in e.parts.iter().filter(|p| !p.vague) {
            assert!(p.from >= end && p.to >= p.from && p.to <= 1000);
            end = p.to;
        }
        for p in &e.parts {
            assert!(chart
                .key
                .iter()
                .any(|k| k.swatch == p.swatch && k.vague == p.vague));
            assert_eq!(
                p.reading.is_some(),
                p.vague
                    && matches!(
                        sheet
                            .figures
                            .iter()
                            .find(|f| f.id == p.figure.item.id)
                            .unwrap()
                            .value,
                        Value::Vague {
                            reading: Some(_),
                            ..
                        }
                    )
            );
        }
    }
    assert!(
        shown.iter().any(|e| e.parts.len() > 1),
        "the fixture has a stacked bar"
    );
    assert!(
        shown.iter().flat_map(|e| &e.parts).any(|p| p.to == 1000),
        "the largest fills the scale"
    );
    // Charted figures are not key figures too: the glance shows each figure once.
    for f in &view.key_figures {
        assert!(!parts.contains(&f.item.id.as_str()), "{} twice", f.item.id);
    }
    assert_eq!(view.key_figures.len() + parts.len(), sheet.figures.len());
}

#[test]
fn a_conflict_of_equal_figures_has_no_chart_and_its_figures_stay_key_figures() {
    let mut sheet = fixture();
    let items = sheet.conflicts[0].items.clone();
    let value = Value::Exact {
        number: 1500.0,
        written: "1,500".into(),
    };
    for f in sheet.figures.iter_mut().filter(|f| items.contains(&f.id)) {
        f.value = value.clone();
    }
    let view = present(&sheet, "en");
    assert!(view.charts.iter().all(|c| c.id != sheet.conflicts[0].id));
    for id in &items {
        assert!(
            view.key_figures.iter().any(|f| &f.item.id == id),
            "{id} not shown"
        );
    }
}

#[test]
fn a_conflict_of_claims_shows_its_accounts_and_the_disclosure_the_others() {
    let sheet = fixture();
    let view = present(&sheet, "en");
    let of_claims: Vec<_> = sheet
        .conflicts
        .iter()
        .filter(|c| {
            c.items
                .iter()
                .all(|i| sheet.claims.iter().any(|cl| &cl.id == i))
        })
        .collect();
    assert!(
        !of_claims.is_empty(),
        "the fixture has a conflict of claims"
    );
    for conflict in of_claims {
        let dispute = view.disputes.iter().find(|d| d.id == conflict.id).unwrap();
        let ids: Vec<&str> = dispute
            .accounts
            .iter()
            .map(|a| a.item.id.as_str())
            .collect();
        assert_eq!(
            ids,
            conflict
                .items
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
        );
        for id in ids {
            assert!(
                view.more_claims.iter().all(|c| c.item.id != id),
                "{id} twice"
            );
        }
    }
    assert_eq!(
        view.more_claims.len()
            + view
                .disputes
                .iter()
                .map(|d| d.accounts.len())
                .sum::<usize>(),
        sheet.claims.len(),
        "every claim is shown once"
    );
}

#[test]
fn the_summary_opens_its_quotes_and_carries_its_day() {
    let sheet = fixture();
    let view = present(&sheet, "en");
    let summary = &sheet.story.summary;
    assert_eq!(view.summary.text, summary.text);
    let quotes: Vec<String> = view
        .summary
        .item
        .citations
        .iter()
        .map(|c| format!("{}{}{}", c.quote.0, c.quote.1, c.quote.2))
        .collect();
    let want: Vec<&String> = summary.citations.iter().map(|c| &c.quote).collect();
    assert_eq!(quotes.iter().collect::<Vec<_>>(), want);
    assert!(view.summary.item.statuses.is_empty());
    match &summary.as_of {
        Some(a) if when_key(a).is_some() => {
            assert_eq!(view.summary.when, Some(when_text(a, "en")))
        }
        _ => assert_eq!(view.summary.when, None),
    }
}

#[test]
fn credits_show_what_the_sheet_gives_and_nothing_else() {
    let sheet = fixture();
    let credits = sheet.credits.clone().expect("the fixture has credits");
    let view = present(&sheet, "en");
    let shown = view.credits.expect("credits shown");
    assert_eq!(
        shown.compiled_by,
        credits
            .compiled_by
            .as_ref()
            .map(|c| format!("Compiled by {c}"))
    );
    assert_eq!(
        shown.updated,
        credits
            .updated
            .as_ref()
            .map(|d| format!("Updated {}", format_day(d, "en").unwrap()))
    );
    let to = credits.corrections.unwrap();
    let (words, href) = shown.corrections.unwrap();
    assert!(words.contains(&to));
    assert!(href == to || href == format!("mailto:{to}"));
    let mut none = fixture();
    none.credits = None;
    assert_eq!(present(&none, "en").credits, None);
}

#[test]
fn every_spelling_the_sources_use_is_listed() {
    let sheet = fixture();
    let view = present(&sheet, "en");
    let with_aliases: Vec<_> = sheet
        .parties
        .iter()
        .filter(|p| !p.aliases.is_empty())
        .collect();
    assert!(!with_aliases.is_empty());
    assert_eq!(view.aliases.len(), with_aliases.len());
    for (shown, party) in view.aliases.iter().zip(with_aliases) {
        assert_eq!(shown.name, party.name);
        assert_eq!(
            shown.aliases,
            format!("also called {}", party.aliases.join(", "))
        );
    }
}

#[test]
fn sources_say_when_their_date_or_byline_is_not_stated() {
    let sheet = fixture();
    let view = present(&sheet, "en");
    assert_eq!(view.sources.len(), sheet.sources.len());
    for (shown, source) in view.sources.iter().zip(&sheet.sources) {
        let dated = match &source.dated {
            Dated::Stated(d) => d.as_written.clone(),
            Dated::NotStated { note: Some(n) } => format!("Date not stated. {n}"),
            Dated::NotStated { note: None } => "Date not stated.".into(),
        };
        assert_eq!(shown.dated, dated);
        assert_eq!(
            shown.byline,
            source.byline.as_deref().unwrap_or("Byline not stated")
        );
        assert_eq!(shown.url, source.url);
        let supports: Vec<String> = sheet
            .figures
            .iter()
            .filter(|f| f.citations.iter().any(|c| c.source == source.id))
            .map(|f| format!("{} {}", f.value.written(), f.unit))
            .collect();
        assert_eq!(shown.supports, supports);
    }
    assert!(sheet.sources.iter().any(|s| s.byline.is_none()));
    assert!(sheet.sources.iter().any(|s| s.byline.is_some()));
}

#[test]
fn claims_say_what_kind_of_statement_they_are() {
    let sheet = fixture();
    let view = present(&sheet, "en");
    for (shown, claim) in view.claims.iter().zip(&sheet.claims) {
        let kind = match claim.kind {
            ClaimKind::Quote => "Quote",
            ClaimKind::Statement => "Statement",
            ClaimKind::ReportedOrder => "Reported order",
            ClaimKind::CouldNotVerify => "Could not verify",
            ClaimKind::NotAcknowledged => "Not acknowledged",
        };
        assert_eq!(shown.kind, kind, "{}", claim.id);
    }
    assert_eq!(
        view.claims
            .iter()
            .map(|c| c.kind)
            .collect::<std::collections::BTreeSet<_>>()
            .len(),
        5,
        "the fixture has every kind of claim"
    );
}

#[test]
fn the_dateline_spans_the_storys_dates() {
    let sheet = fixture();
    let view = present(&sheet, "en");
    let (from, to) = (&sheet.story.dates.from, &sheet.story.dates.to);
    let want = format!(
        "{} \u{2013} {}",
        format_day(from, "en").unwrap(),
        format_day(to, "en").unwrap()
    );
    assert_eq!(view.dateline, want);
    assert_eq!(view.headline, sheet.story.headline);
    assert_eq!(view.conflicts.len(), sheet.conflicts.len());
}

#[test]
fn seed_story_chart_groups_ukraine_once_and_reads_several_hundred_as_a_range() {
    let v = present(&factsheet::data::builtin().unwrap(), "en");
    let chart = v
        .charts
        .iter()
        .find(|c| c.id == "casualty-estimates")
        .unwrap();
    let origins: Vec<&str> = chart.groups.iter().map(|g| g.origin.as_str()).collect();
    // Mid-December first, then January.
    assert_eq!(origins, ["United States", "Ukraine", "South Korea"]);
    assert_eq!(
        chart.groups[1].estimates.len(),
        2,
        "Zelenskyy's count is Ukraine's"
    );
    let us = &chart.groups[0].estimates[0].parts[0];
    assert_eq!(
        us.reading.as_deref(),
        Some("read as 200\u{2013}900 by this sheet")
    );
    assert_eq!(
        chart.groups[2].estimates[0].parts.len(),
        2,
        "300 dead + 2,700 wounded"
    );
    // 12,000 is one figure, a key figure, with both outlets' wordings.
    let troops: Vec<_> = v
        .key_figures
        .iter()
        .filter(|f| f.number == "12,000")
        .collect();
    assert_eq!(troops.len(), 1);
    let hedges: Vec<Option<&str>> = troops[0]
        .attributions
        .iter()
        .map(|a| a.hedge.as_deref())
        .collect();
    assert_eq!(hedges, [Some("as many as"), Some("possibly")]);
    assert!(
        chart.scale.ends_with("one origin per line."),
        "{}",
        chart.scale
    );
    for part in chart
        .groups
        .iter()
        .flat_map(|g| &g.estimates)
        .flat_map(|e| &e.parts)
    {
        assert!(
            !part.badges.contains(&Status::SingleOrigin),
            "{}",
            part.figure.item.id
        );
    }
    // The other conflict is between accounts (claims): no chart.
    let ids: Vec<&str> = v.charts.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["casualty-estimates"]);
}

/// The printed notes: each source once, in the sheet's order, and under it each quote the
/// card cites from it (the summary's included) exactly once, naming every item that cites it.
#[test]
fn print_notes_list_each_sources_quotes_once_with_every_item_they_support() {
    for (name, sheet) in [
        ("fixture", fixture()),
        (
            "seed",
            load("sheet.json", include_bytes!("../assets/sheet.json"), None)
                .unwrap_or_else(|p| panic!("{p:#?}")),
        ),
    ] {
        let view = present(&sheet, "en");
        let notes = notes(&view.sources, &view.summary, &view.figures, &view.claims);
        let outlets: Vec<&str> = notes.iter().map(|n| n.outlet.as_str()).collect();
        let expected: Vec<&str> = sheet.sources.iter().map(|s| s.outlet.as_str()).collect();
        assert_eq!(outlets, expected, "{name}: one note per source, in order");
        for source in &sheet.sources {
            let note = notes.iter().find(|n| n.outlet == source.outlet).unwrap();
            let citing: Vec<(&str, &str)> = sheet
                .story
                .summary
                .citations
                .iter()
                .map(|c| ("summary", c))
                .chain(
                    sheet
                        .figures
                        .iter()
                        .flat_map(|f| f.citations.iter().map(move |c| (f.id.as_str(), c))),
                )
                .chain(
                    sheet
                        .claims
                        .iter()
                        .flat_map(|c| c.citations.iter().map(move |ci| (c.id.as_str(), ci))),
                )
                .filter(|(_, c)| c.source == source.id)
                .map(|(id, c)| (id, c.quote.as_str()))
                .collect();
            let mut quotes: Vec<&str> = citing.iter().map(|(_, q)| *q).collect();
            quotes.dedup();
            quotes.sort();
            quotes.dedup();
            let mut listed: Vec<&str> = note.quotes.iter().map(|q| q.quote.as_str()).collect();
            listed.sort();
            assert_eq!(
                listed, quotes,
                "{name}: {}'s quotes, each once",
                source.outlet
            );
            for q in &note.quotes {
                let items = citing.iter().filter(|(_, quote)| *quote == q.quote).count();
                assert_eq!(
                    q.supports.len(),
                    items,
                    "{name}: {:?} supports {:?}",
                    q.quote,
                    q.supports
                );
            }
        }
    }
}
