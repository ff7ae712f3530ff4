//! Native tests of the facts model against the shipped sheet.

// A test says what broke by failing loudly: unwrap, expect and panic! are allowed here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use factsheet::data::BUILTIN_JSON;
use factsheet::model::validate::check_quotes;
use factsheet::model::{load, Status};

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

#[test]
fn two_outlets_citing_one_origin_are_one_confirmation() {
    let sheet = load(FILE, BUILTIN_JSON.as_bytes(), None).unwrap();
    let captured = sheet.figures.iter().find(|f| f.id == "captured").unwrap();
    let assessment = factsheet::model::assess(&sheet, factsheet::model::Item::Figure(captured));
    assert_eq!(assessment.status, Status::SingleOrigin);
    assert_eq!(
        assessment.why(),
        "Reported by 2 outlets (RFA; Bloomberg), both citing one origin: Ukraine."
    );
}

#[test]
fn the_seed_story_has_every_named_figure_and_conflict() {
    let sheet = load(FILE, BUILTIN_JSON.as_bytes(), None).unwrap();
    let figure = |written: &str, claimant: &str| {
        sheet
            .figures
            .iter()
            .find(|f| f.value.written() == written && f.claimants.iter().any(|c| c == claimant))
            .unwrap_or_else(|| panic!("no figure {written:?} claimed by {claimant}"))
    };
    let qualifiers = |f: &factsheet::model::Figure| -> Vec<String> {
        f.citations
            .iter()
            .filter_map(|c| c.qualifier.clone())
            .collect()
    };
    assert_eq!(qualifiers(figure("12,000", "south-korea")), ["As many as"]);
    let us_only = sheet
        .figures
        .iter()
        .find(|f| f.value.written() == "12,000" && f.claimants == ["united-states"]);
    assert_eq!(
        qualifiers(us_only.expect("Bloomberg's 12,000, from the US alone")),
        ["possibly"]
    );
    assert_eq!(qualifiers(figure("4,000", "zelenskyy")), ["about"]);
    assert_eq!(qualifiers(figure("300", "nis")), ["around"]);
    for (written, claimant) in [
        ("3,800", "ukraine"),
        ("2,700", "nis"),
        ("several hundred", "united-states"),
        ("two", "ukraine"),
    ] {
        figure(written, claimant);
    }
    let dead = figure("300", "nis");
    let outlets: Vec<&str> = dead.citations.iter().map(|c| c.source.as_str()).collect();
    assert_eq!(outlets, ["rfa", "bloomberg"]);

    let conflict = |id: &str| {
        sheet
            .conflicts
            .iter()
            .find(|c| c.id == id)
            .unwrap_or_else(|| panic!("no conflict {id}"))
    };
    assert_eq!(conflict("casualty-estimates").items.len(), 5);
    assert_eq!(
        conflict("who-estimated-troops").items,
        ["sent-per-rfa", "sent-per-bloomberg"]
    );
    assert_eq!(conflict("who-ordered-suicide").items.len(), 2);
    assert_eq!(conflict("captives-on-returning").items.len(), 2);
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
