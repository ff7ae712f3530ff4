//! Native tests of the facts model against the shipped sheet.

// A test says what broke by failing loudly: unwrap, expect and panic! are allowed here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use factsheet::data::BUILTIN_JSON;
use factsheet::model::status::{citation_as_of, citation_claimants, date_words};
use factsheet::model::validate::check_quotes;
use factsheet::model::{assess, load, AsOf, ClaimKind, Figure, Item, Sheet, Status};

const FILE: &str = "assets/sheet.json";

#[test]
fn builtin_sheet_passes_every_rule() {
    match load(FILE, BUILTIN_JSON.as_bytes(), None) {
        Ok(sheet) => assert!(
            sheet.figures.len() >= 8,
            "the seed story has at least 8 figures"
        ),
        Err(problems) => {
            let list: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
            panic!("the shipped sheet has problems:\n{}", list.join("\n"));
        }
    }
}

#[test]
fn builtin_quotes_are_verbatim_in_the_seed_articles() {
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if !seeds.is_dir() {
        panic!(
            "{} is missing: the verbatim check needs the seed articles",
            seeds.display()
        );
    }
    let sheet = load(FILE, BUILTIN_JSON.as_bytes(), None).expect("valid sheet");
    let problems = check_quotes(&sheet, &|name| {
        std::fs::read_to_string(seeds.join(name)).map_err(|e| e.to_string())
    });
    assert!(problems.is_empty(), "{problems:#?}");
}

fn seed() -> Sheet {
    load(FILE, BUILTIN_JSON.as_bytes(), None).unwrap()
}

fn figure<'a>(sheet: &'a Sheet, written: &str, claimant: &str) -> &'a Figure {
    sheet
        .figures
        .iter()
        .find(|f| f.value.written() == written && f.claimants.iter().any(|c| c == claimant))
        .unwrap_or_else(|| panic!("no figure {written:?} claimed by {claimant}"))
}

fn statuses(sheet: &Sheet, item: Item<'_>) -> Vec<Status> {
    assess(sheet, item).statuses
}

#[test]
fn two_outlets_citing_one_origin_are_one_confirmation() {
    let sheet = seed();
    let captured = sheet.figures.iter().find(|f| f.id == "captured").unwrap();
    let assessment = assess(&sheet, Item::Figure(captured));
    assert_eq!(assessment.statuses, [Status::SingleOrigin]);
    assert_eq!(
        assessment.why(),
        "Reported by 2 outlets (RFA; Bloomberg), both citing one origin: Ukraine."
    );
}

#[test]
fn the_12000_troops_are_one_figure_with_two_attributions_and_both_hedges() {
    let sheet = seed();
    let twelve: Vec<&Figure> = sheet
        .figures
        .iter()
        .filter(|f| f.value.written() == "12,000")
        .collect();
    let [troops] = twelve[..] else {
        panic!("12,000 is {} figures, not one", twelve.len());
    };
    let hedges: Vec<Option<&str>> = troops
        .citations
        .iter()
        .map(|c| c.qualifier.as_deref())
        .collect();
    assert_eq!(hedges, [Some("As many as"), Some("possibly")]);
    let item = Item::Figure(troops);
    let attributed: Vec<(&str, Vec<&str>)> = troops
        .citations
        .iter()
        .map(|c| {
            let who = citation_claimants(item, c).iter().map(String::as_str);
            (c.source.as_str(), who.collect())
        })
        .collect();
    assert_eq!(
        attributed,
        [
            ("rfa", vec!["united-states", "south-korea"]),
            ("bloomberg", vec!["united-states"])
        ]
    );
    // RFA gives no date; Bloomberg dates the US estimate mid-December.
    let dates: Vec<Option<String>> = troops
        .citations
        .iter()
        .map(|c| date_words(citation_as_of(troops, c)))
        .collect();
    assert_eq!(dates, [None, Some("December 2024".to_string())]);
    // Two origins state it; Russia and North Korea have not acknowledged it; the two
    // attributions are not a dispute.
    assert_eq!(
        statuses(&sheet, item),
        [Status::NotAcknowledged, Status::Corroborated]
    );
    assert!(!troops.label.contains("attributes"), "{}", troops.label);
    assert!(sheet
        .conflicts
        .iter()
        .all(|c| !c.items.contains(&troops.id)));
}

#[test]
fn casualty_estimates_dispute_each_other_only_within_one_month() {
    let sheet = seed();
    let status_of = |written: &str, claimant: &str| {
        statuses(&sheet, Item::Figure(figure(&sheet, written, claimant)))
    };
    use Status::*;
    // Ukraine on January 4 and South Korea on January 13: two origins, one month.
    assert_eq!(status_of("3,800", "ukraine"), [Disputed, SingleOrigin]);
    assert_eq!(status_of("300", "nis"), [Disputed, SingleOrigin]);
    assert_eq!(status_of("2,700", "nis"), [Disputed, SingleOrigin]);
    // "Last week" in an undated text: no date, no dispute; Bloomberg says it is unverified.
    assert_eq!(status_of("4,000", "zelenskyy"), [Unverified, SingleOrigin]);
    // The US's mid-December estimate is from an earlier month.
    assert_eq!(
        status_of("several hundred", "united-states"),
        [SingleOrigin]
    );
    // South Korea's dead and wounded are one estimate, with Bloomberg's "around" on both.
    let conflict = sheet
        .conflicts
        .iter()
        .find(|c| c.id == "casualty-estimates")
        .unwrap();
    let estimates = factsheet::model::status::estimates(&sheet, conflict);
    assert_eq!(estimates.len(), 4, "{estimates:#?}");
    let south_korea = estimates.iter().find(|e| e.figures.len() == 2).unwrap();
    assert_eq!(south_korea.values(), "300 dead and 2,700 wounded");
    for f in &south_korea.figures {
        let bloomberg = f
            .citations
            .iter()
            .find(|c| c.source == "bloomberg")
            .unwrap();
        assert_eq!(bloomberg.qualifier.as_deref(), Some("around"), "{}", f.id);
    }
}

#[test]
fn quotes_and_notices_carry_no_origin_flag() {
    let sheet = seed();
    for claim in &sheet.claims {
        let derived = statuses(&sheet, Item::Claim(claim));
        if matches!(
            claim.kind,
            ClaimKind::Quote | ClaimKind::CouldNotVerify | ClaimKind::NotAcknowledged
        ) {
            assert!(!derived.contains(&Status::SingleOrigin), "{}", claim.id);
        }
    }
    let offer = sheet.claims.iter().find(|c| c.id == "swap-offer").unwrap();
    assert_eq!(statuses(&sheet, Item::Claim(offer)), []);
}

#[test]
fn the_suicide_order_is_a_disagreement_and_the_captives_answers_are_not() {
    let sheet = seed();
    let conflicts: Vec<&str> = sheet.conflicts.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(conflicts, ["casualty-estimates", "who-ordered-suicide"]);
    let order = sheet
        .conflicts
        .iter()
        .find(|c| c.id == "who-ordered-suicide")
        .unwrap();
    for id in &order.items {
        let claim = sheet.claims.iter().find(|c| &c.id == id).unwrap();
        assert_eq!(
            statuses(&sheet, Item::Claim(claim)),
            [Status::Disputed, Status::SingleOrigin],
            "{id}"
        );
    }
    // RFA's nod and Bloomberg's "do as he's told" may be two different men: not a conflict.
    for claim in sheet.claims.iter().filter(|c| c.claimants == ["captives"]) {
        let derived = statuses(&sheet, Item::Claim(claim));
        assert!(!derived.contains(&Status::Disputed), "{}", claim.id);
    }
}

#[test]
fn wording_slips_are_gone() {
    let sheet = seed();
    let defection = figure(&sheet, "none", "lee-seong-kweun");
    assert!(defection.citations[0]
        .quote
        .contains("none have expressed interest"));
    let shown = format!("{} {}", defection.value.written(), defection.unit);
    assert!(shown.contains("expressed interest"), "{shown}");
    assert!(!shown.contains("none soldiers") && !defection.label.contains("asked"));
    // RFA's misspelling is the source's typo, not another name for him.
    let zelenskyy = sheet.parties.iter().find(|p| p.id == "zelenskyy").unwrap();
    assert!(!zelenskyy.aliases.iter().any(|a| a == "Volodymr Zelenskyy"));
}

#[test]
fn the_summary_cites_both_sources_and_dates_the_offer() {
    let sheet = seed();
    let summary = &sheet.story.summary;
    let sources: Vec<&str> = summary
        .citations
        .iter()
        .map(|c| c.source.as_str())
        .collect();
    assert_eq!(sources, ["rfa", "bloomberg"]);
    let when = summary.as_of.as_ref().expect("the offer's date");
    assert_eq!(date_words(when).as_deref(), Some("January 12, 2025"));
    assert!(matches!(when, AsOf::Relative { as_written, .. } if as_written == "on Sunday"));
}

#[test]
fn bloomberg_has_no_date_and_no_source_has_an_invented_url() {
    let sheet = load(FILE, BUILTIN_JSON.as_bytes(), None).unwrap();
    let bloomberg = sheet.sources.iter().find(|s| s.id == "bloomberg").unwrap();
    assert!(matches!(
        bloomberg.dated,
        factsheet::model::Dated::NotStated { .. }
    ));
    assert!(sheet
        .sources
        .iter()
        .all(|s| s.url.is_none() && s.byline.is_none()));
}

// The round trip through serde's serialiser and the decoder, on a sheet using every variant
// and optional field, is `crates/factsheet-model/tests/round_trip.rs`.
