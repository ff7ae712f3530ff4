//! `present`: what the card shows, worked out from a sheet. Run on the fixture sheet
//! (`tests/fixtures/sheet.json`), with every expectation taken from the sheet itself, so the
//! tests hold for any story; only the tests named `seed_story_…` check the shipped story.

// A test says what broke by failing loudly: unwrap, expect and panic! are allowed here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use factsheet::model::status::outlet_name;
use factsheet::model::{load, AsOf, ClaimKind, Dated, Figure, Sheet, Status, Value};
use factsheet::view::format::format_day;
use factsheet::view::present::{as_of_text, present, FigureView, SheetView};

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
        // A contested, unverified or unacknowledged item says so first; every "why" ends with
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
fn a_hedge_every_outlet_shares_goes_before_the_number_and_differing_ones_are_listed() {
    let sheet = fixture();
    let view = present(&sheet, "en");
    let (mut shared, mut differing, mut none) = (0, 0, 0);
    for figure in &sheet.figures {
        let f = shown(&view, figure);
        let hedges = hedges(figure);
        if hedges.iter().all(|h| *h == hedges[0]) {
            assert_eq!(f.qualifier, hedges[0].map(mid_sentence), "{}", figure.id);
            assert_eq!(f.qualifier_note, None, "{}", figure.id);
            if hedges[0].is_some() {
                shared += 1;
            } else {
                none += 1;
            }
        } else {
            differing += 1;
            assert_eq!(f.qualifier, None, "{}", figure.id);
            let note = f.qualifier_note.as_deref().expect("the hedges listed");
            for c in &figure.citations {
                let outlet = outlet_name(&sheet, &c.source);
                let entry = match &c.qualifier {
                    Some(q) => format!("{outlet}: \u{201C}{}\u{201D}", mid_sentence(q)),
                    None => format!("{outlet}: no hedge"),
                };
                assert!(note.contains(&entry), "{entry:?} not in {note:?}");
            }
        }
    }
    assert!(
        shared > 0 && differing > 0 && none > 0,
        "the fixture lacks a kind of hedge"
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
fn as_of_gives_the_words_and_the_day_they_resolve_to() {
    let sheet = fixture();
    let view = present(&sheet, "en");
    let day = |date: &str| format_day(date, "en").expect("a day in English");
    let mut kinds = Vec::new();
    for figure in &sheet.figures {
        let as_of = &shown(&view, figure).as_of;
        let want = match &figure.as_of {
            AsOf::Exact { date, .. } => format!("As of {}", day(date)),
            AsOf::Approximate {
                as_written, period, ..
            } => {
                format!("As of {as_written} ({period})")
            }
            AsOf::Relative {
                as_written,
                resolved: Some(r),
                ..
            } => {
                format!("As of \u{201C}{as_written}\u{201D}: {}", day(r))
            }
            AsOf::Relative {
                as_written,
                resolved: None,
                ..
            } => {
                format!("As of \u{201C}{as_written}\u{201D} (date not stated)")
            }
            AsOf::NotStated => "Date not stated".to_string(),
        };
        assert_eq!(as_of, &want, "{}", figure.id);
        kinds.push(std::mem::discriminant(&figure.as_of));
    }
    kinds.dedup();
    assert!(kinds.len() >= 4, "the fixture lacks a kind of as-of");
}

#[test]
fn as_of_says_when_a_date_cannot_be_resolved() {
    let unresolved = AsOf::Relative {
        as_written: "last night".into(),
        resolved: None,
        utc_offset: None,
        basis: "The report has no date line.".into(),
    };
    assert_eq!(
        as_of_text(&unresolved, "en"),
        "As of \u{201C}last night\u{201D} (date not stated)"
    );
}

#[test]
fn a_conflict_of_differing_figures_gets_a_chart_one_bar_per_origin_and_date() {
    let sheet = fixture();
    let view = present(&sheet, "en");
    let conflict = &sheet.conflicts[0];
    let chart = view
        .charts
        .iter()
        .find(|c| c.id == conflict.id)
        .expect("a chart for the conflict");
    let figures: Vec<&Figure> = conflict
        .items
        .iter()
        .map(|id| sheet.figures.iter().find(|f| &f.id == id).unwrap())
        .collect();
    // Figures with the same claimants and date are parts of one estimate: one bar, stacked,
    // linked to the first of them.
    let mut heads: Vec<&Figure> = Vec::new();
    for f in &figures {
        if !heads
            .iter()
            .any(|h| h.claimants == f.claimants && h.as_of == f.as_of)
        {
            heads.push(f);
        }
    }
    assert_eq!(chart.bars.len(), heads.len());
    for (bar, head) in chart.bars.iter().zip(&heads) {
        assert_eq!(bar.anchor, format!("fig-{}", head.id));
        assert_eq!(bar.as_of, as_of_text(&head.as_of, "en"));
        let parts: Vec<&&Figure> = figures
            .iter()
            .filter(|f| f.claimants == head.claimants && f.as_of == head.as_of)
            .collect();
        assert_eq!(bar.segments.len(), parts.len(), "{}", head.id);
        for (segment, figure) in bar.segments.iter().zip(&parts) {
            assert_eq!(segment.label, figure.unit);
            let (low, high) = match &figure.value {
                Value::Exact { number, .. } | Value::Approximate { number, .. } => {
                    (*number, *number)
                }
                Value::Range { min, max, .. } => (*min, *max),
                Value::Vague {
                    reading: Some(r), ..
                } => (r.min, r.max),
                Value::Vague { reading: None, .. } => (0.0, 0.0),
            };
            assert_eq!((segment.low, segment.high), (low, high), "{}", figure.id);
            assert_eq!(segment.vague, matches!(figure.value, Value::Vague { .. }));
        }
        let mut outlets: Vec<&str> = Vec::new();
        for c in &head.citations {
            let name = outlet_name(&sheet, &c.source);
            if !outlets.contains(&name) {
                outlets.push(name);
            }
        }
        let note = match outlets[..] {
            [a, b] => Some(format!("{a} and {b} both report this from one origin")),
            [_] => None,
            _ => panic!("{}: write the expected note for {outlets:?}", head.id),
        };
        assert_eq!(bar.shared_origin_note, note, "{}", head.id);
    }
    assert!(
        chart.bars.iter().any(|b| b.segments.len() > 1),
        "the fixture has a stacked bar"
    );
    assert!(
        chart.bars.iter().any(|b| b.shared_origin_note.is_some()),
        "the fixture has a bar two outlets report"
    );
    let tallest = chart
        .bars
        .iter()
        .map(|b| b.segments.iter().map(|s| s.high).sum::<f64>())
        .fold(0.0, f64::max);
    assert_eq!(chart.max, tallest);
}

#[test]
fn a_conflict_of_equal_figures_is_about_attribution_and_has_no_chart() {
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
    assert_eq!(
        view.conflicts.len(),
        sheet.conflicts.len(),
        "the panel stays"
    );
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
fn seed_story_casualty_chart_stacks_dead_and_wounded_and_notes_one_origin() {
    let v = present(&factsheet::data::builtin().unwrap(), "en");
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
