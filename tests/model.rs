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

// ---------------------------------------------------------------------------------------
// Every status rule, on the fixture sheet (a made-up flood; tests/fixtures/sheet.json).
// ---------------------------------------------------------------------------------------

const FIXTURE: &str = include_str!("fixtures/sheet.json");

fn fixture() -> Sheet {
    load("sheet.json", FIXTURE.as_bytes(), None).unwrap()
}

fn item<'a>(sheet: &'a Sheet, id: &str) -> Item<'a> {
    factsheet::model::status::items(sheet)
        .find(|i| i.id() == id)
        .unwrap_or_else(|| panic!("no item {id}"))
}

fn figure_mut<'a>(sheet: &'a mut Sheet, id: &str) -> &'a mut Figure {
    sheet.figures.iter_mut().find(|f| f.id == id).unwrap()
}

fn name<'a>(sheet: &'a Sheet, party: &'a str) -> &'a str {
    factsheet::model::status::party_name(sheet, party)
}

#[test]
fn the_fixture_exercises_every_status_and_declares_what_the_evidence_gives() {
    let sheet = fixture();
    for &status in Status::ALL {
        let items = factsheet::model::status::items(&sheet);
        let mut items = items.map(|i| assess(&sheet, i).statuses);
        assert!(items.any(|s| s.contains(&status)), "no item is {status:?}");
    }
    // Loading checked that every declared list equals the derived one; the fixture also has
    // items with more than one status and items with none.
    let counts: Vec<usize> = factsheet::model::status::items(&sheet)
        .map(|i| i.declared().len())
        .collect();
    assert!(counts.contains(&0) && counts.contains(&2), "{counts:?}");
}

#[test]
fn corroborated_two_origins_even_when_each_outlet_names_only_one() {
    let sheet = fixture();
    let homes = item(&sheet, "homes-flooded");
    let assessment = assess(&sheet, homes);
    // The Gazette attributes 214 to the council, the radio to the river authority: one
    // figure with two attributions, corroborated, and no dispute.
    assert_eq!(assessment.statuses, [Status::Corroborated]);
    let why = assessment.why();
    assert!(why.starts_with("Stated by 2 independent origins"), "{why}");
    for citation in homes.citations() {
        for claimant in citation_claimants(homes, citation) {
            assert!(why.contains(name(&sheet, claimant)), "{why}");
        }
    }
}

#[test]
fn single_origin_however_many_outlets_repeat_it() {
    let sheet = fixture();
    let left = item(&sheet, "left-home-per-authority");
    let outlets: std::collections::BTreeSet<&str> =
        left.citations().iter().map(|c| c.source.as_str()).collect();
    assert_eq!(outlets.len(), 2);
    let assessment = assess(&sheet, left);
    assert_eq!(assessment.statuses, [Status::SingleOrigin]);
    let why = assessment.why();
    assert!(why.contains("both citing one origin"), "{why}");
    assert!(why.contains(name(&sheet, &left.claimants()[0])), "{why}");
}

#[test]
fn a_party_and_the_party_it_is_part_of_are_one_origin() {
    let mut sheet = fixture();
    // The mayor is part of the council: naming both still makes one origin.
    let order = sheet
        .claims
        .iter_mut()
        .find(|c| c.id == "leave-mill-lane")
        .unwrap();
    order.claimants.push("marrowby-council".into());
    let statuses = assess(&sheet, item(&sheet, "leave-mill-lane")).statuses;
    assert!(statuses.contains(&Status::SingleOrigin), "{statuses:?}");
    assert!(!statuses.contains(&Status::Corroborated), "{statuses:?}");
}

#[test]
fn figures_dispute_when_another_origin_gives_another_number_in_the_same_month() {
    let sheet = fixture();
    for id in ["in-shelters", "with-relatives", "evacuated-per-rescue"] {
        let assessment = assess(&sheet, item(&sheet, id));
        assert!(
            assessment.statuses.contains(&Status::Disputed),
            "{id}: {assessment:?}"
        );
        // The sentence names the other origin's numbers and both dates.
        let why = assessment.reason(Status::Disputed).unwrap();
        assert!(why.contains("November 17, 2025") && why.contains("November 18, 2025"));
    }
    let why = assess(&sheet, item(&sheet, "in-shelters")).why();
    let rescue = sheet
        .figures
        .iter()
        .find(|f| f.id == "evacuated-per-rescue")
        .unwrap();
    assert!(why.contains(rescue.value.written()), "{why}");
    // The river authority's 2,000 is in the same conflict, but its date is not stated.
    let undated = assess(&sheet, item(&sheet, "left-home-per-authority"));
    assert!(!undated.statuses.contains(&Status::Disputed));
}

#[test]
fn no_dispute_across_months_for_the_same_number_or_within_one_origin() {
    let disputed = |sheet: &Sheet| -> Vec<String> {
        sheet
            .figures
            .iter()
            .filter(|f| {
                assess(sheet, Item::Figure(f))
                    .statuses
                    .contains(&Status::Disputed)
            })
            .map(|f| f.id.clone())
            .collect()
    };
    // The rescue team's count moved to October: a different month, no dispute.
    let mut sheet = fixture();
    figure_mut(&mut sheet, "evacuated-per-rescue").as_of = AsOf::Approximate {
        as_written: "in October".into(),
        period: "2025-10".into(),
        basis: None,
    };
    assert_eq!(disputed(&sheet), Vec::<String>::new());
    // The same total as the council's (1,500 plus several hundred, read as 200 to 900).
    let mut sheet = fixture();
    figure_mut(&mut sheet, "evacuated-per-rescue").value = factsheet::model::Value::Range {
        min: 1700.0,
        max: 2400.0,
        written: "1,700 to 2,400".into(),
    };
    assert_eq!(disputed(&sheet), Vec::<String>::new());
    // The council's own earlier count: one origin does not dispute itself.
    let mut sheet = fixture();
    figure_mut(&mut sheet, "evacuated-per-rescue").claimants = vec!["marrowby-council".into()];
    assert_eq!(disputed(&sheet), Vec::<String>::new());
}

#[test]
fn claims_dispute_when_another_outlets_account_differs() {
    let sheet = fixture();
    for (id, other) in [
        ("leave-mill-lane", "fire-service-ordered"),
        ("fire-service-ordered", "leave-mill-lane"),
    ] {
        let assessment = assess(&sheet, item(&sheet, id));
        assert!(assessment.statuses.contains(&Status::Disputed), "{id}");
        let why = assessment.reason(Status::Disputed).unwrap();
        let quote = &item(&sheet, other).citations()[0].quote;
        assert!(why.contains(quote.as_str()), "{why}");
    }
    // Two accounts from one outlet are not another outlet's account.
    let mut sheet = fixture();
    let fire = sheet
        .claims
        .iter_mut()
        .find(|c| c.id == "fire-service-ordered")
        .unwrap();
    fire.citations[0].source = "river-radio".into();
    let statuses = assess(&sheet, item(&sheet, "leave-mill-lane")).statuses;
    assert!(!statuses.contains(&Status::Disputed), "{statuses:?}");
}

#[test]
fn unverified_and_not_acknowledged_come_from_the_outlets_notices() {
    let sheet = fixture();
    for (kind, status) in [
        (ClaimKind::CouldNotVerify, Status::Unverified),
        (ClaimKind::NotAcknowledged, Status::NotAcknowledged),
    ] {
        let notice = sheet.claims.iter().find(|c| c.kind == kind).unwrap();
        for about in &notice.about {
            let assessment = assess(&sheet, item(&sheet, about));
            assert!(assessment.statuses.contains(&status), "{about}");
            let why = assessment.reason(status).unwrap();
            assert!(why.starts_with(status.label()), "{why}");
            for silent in &notice.silent_parties {
                assert!(why.contains(name(&sheet, silent)), "{why}");
            }
        }
        // The notice itself is shown as what it is, not flagged.
        assert_eq!(assess(&sheet, Item::Claim(notice)).statuses, []);
    }
    let pumps = assess(&sheet, item(&sheet, "pumps"));
    assert_eq!(pumps.statuses, [Status::Unverified, Status::SingleOrigin]);
}

#[test]
fn a_speakers_own_words_quoted_are_not_flagged() {
    let sheet = fixture();
    let levee = assess(&sheet, item(&sheet, "levee-held"));
    assert_eq!(levee.statuses, []);
    assert!(levee.why().contains("own words, quoted"), "{}", levee.why());
}

/// No "why" says what its badges deny: each sentence belongs to a status the item has, and
/// the origin count it states is the one the rule counted.
fn check_why_agrees_with_badges(sheet: &Sheet) {
    for item in factsheet::model::status::items(sheet) {
        let a = assess(sheet, item);
        let why = a.why();
        let has = |s: Status| a.statuses.contains(&s);
        assert_eq!(
            why.contains("independent origins"),
            has(Status::Corroborated),
            "{}: {why}",
            item.id()
        );
        assert_eq!(
            why.contains("one origin:"),
            has(Status::SingleOrigin),
            "{}: {why}",
            item.id()
        );
        assert_eq!(
            why.contains("Disputed ("),
            has(Status::Disputed),
            "{}: {why}",
            item.id()
        );
        assert_eq!(
            why.contains("Unverified:"),
            has(Status::Unverified),
            "{}: {why}",
            item.id()
        );
        assert_eq!(
            why.contains("Not acknowledged by"),
            has(Status::NotAcknowledged),
            "{}: {why}",
            item.id()
        );
        if has(Status::Corroborated) {
            let origins = factsheet::model::status::origins(sheet, item).len();
            assert!(origins >= 2 && why.contains(&format!("Stated by {origins} independent")));
        }
        assert_eq!(a.reasons.len(), a.statuses.len());
    }
}

#[test]
fn no_why_contradicts_its_badges() {
    check_why_agrees_with_badges(&fixture());
    check_why_agrees_with_badges(&seed());
}

#[test]
fn the_readme_states_each_rule_in_the_models_words() {
    let readme = include_str!("../README.md");
    for &status in Status::ALL {
        let line = format!("- **{}**: {}", status.label(), status.rule());
        assert!(readme.contains(&line), "README lacks {line:?}");
    }
    for rule in [factsheet::model::Summary::RULE, Figure::LABEL_RULE] {
        assert!(readme.contains(rule), "README lacks {rule:?}");
    }
}

#[test]
fn the_summary_the_issue_found_unsupported_is_refused() {
    // The summary the card used to show: "Kursk" and "Ukrainians" are in neither of the
    // summary's quotes.
    let mut sheet: serde_json::Value = serde_json::from_str(BUILTIN_JSON).unwrap();
    sheet["story"]["summary"]["text"] = "President Zelenskyy says Ukraine will hand two North Korean soldiers captured in Russia's Kursk region back to Kim Jong Un in exchange for Ukrainians held by Russia.".into();
    let problems = load(FILE, sheet.to_string().as_bytes(), None).unwrap_err();
    let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
    assert!(
        problems.iter().all(|p| p.path == "story.summary.text"),
        "{messages:#?}"
    );
    for word in ["\"Kursk\"", "\"Ukrainians\"", "\"two\""] {
        assert!(
            messages.iter().any(|m| m.contains(word)),
            "{word}: {messages:#?}"
        );
    }
}

/// The card shows the story's summary at the top and each claim's summary below it: a claim
/// that repeats the summary (or that the summary repeats) says the same thing twice.
fn check_no_claim_repeats_the_summary(sheet: &Sheet) {
    let words = |text: &str| {
        let text = factsheet::model::text::normalise(text).to_lowercase();
        let words: Vec<String> = factsheet::model::text::words(&text)
            .iter()
            .map(|w| w.text.to_string())
            .collect();
        words.join(" ")
    };
    let story = words(&sheet.story.summary.text);
    for claim in &sheet.claims {
        let claim_words = words(&claim.summary);
        assert!(
            !story.contains(&claim_words) && !claim_words.contains(&story),
            "claim {:?} repeats the story's summary: {:?}",
            claim.id,
            claim.summary
        );
    }
}

#[test]
fn no_claim_summary_repeats_the_story_summary() {
    check_no_claim_repeats_the_summary(&seed());
    check_no_claim_repeats_the_summary(&fixture());
}

#[test]
fn the_offer_and_the_suicide_orders_say_who_says_them() {
    // The issue: "Ukraine will hand …" where both sources quote Zelenskyy saying Ukraine "is
    // ready to hand over" the soldiers "if" Kim organizes an exchange; and the two accounts of
    // the suicide order stated as fact, without the agency and the lawmaker they come from.
    let sheet = seed();
    let claim = |id: &str| {
        sheet
            .claims
            .iter()
            .find(|c| c.id == id)
            .unwrap_or_else(|| panic!("no claim {id}"))
    };
    let offer = &claim("swap-offer").summary;
    assert!(
        offer.contains("is ready to") && offer.contains(" if ") && !offer.contains(" will "),
        "{offer}"
    );
    for id in ["suicide-order-per-rfa", "suicide-order-per-bloomberg"] {
        let c = claim(id);
        let says = c.summary.split(" says ").next().unwrap_or("");
        let by_claimant = c.claimants.iter().all(|id| {
            let party = sheet.parties.iter().find(|p| &p.id == id).unwrap();
            std::iter::once(&party.name)
                .chain(&party.aliases)
                .any(|name| says.contains(name.as_str()))
        });
        assert!(
            c.summary.contains(" says ") && by_claimant,
            "{id} does not say who says it: {:?}",
            c.summary
        );
    }
}

#[test]
fn a_label_may_carry_a_number_its_quotes_have() {
    // The Gazette's quote for the homes flooded says "by the evening of Nov. 17": a label that
    // dates the count with it brings nothing of its own. The same label on a figure whose
    // quotes lack the 17 is refused.
    let mut sheet: serde_json::Value = serde_json::from_str(FIXTURE).unwrap();
    let label = "Homes flooded by Nov. 17";
    sheet["figures"][0]["label"] = label.into();
    assert!(load("sheet.json", sheet.to_string().as_bytes(), None).is_ok());
    sheet["figures"][1]["label"] = label.into();
    let problems = load("sheet.json", sheet.to_string().as_bytes(), None).unwrap_err();
    let found: Vec<(&str, &str)> = problems
        .iter()
        .map(|p| (p.path.as_str(), p.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [(
            "figures[1].label",
            "the number \"17\" appears in none of the figure's quotes"
        )]
    );
}
