//! One broken copy of the shipped sheet per validation rule: each must be rejected with a
//! message that names the place (JSON path, line, column) and the fix.

use factsheet::data::BUILTIN_JSON;
use factsheet::model::date::Moment;
use factsheet::model::load::diagnose;
use factsheet::model::validate::check_quotes;
use factsheet::model::{load, Diagnostic};
use serde_json::{json, Value};

const FILE: &str = "broken.json";

fn sheet_value() -> Value {
    serde_json::from_str(BUILTIN_JSON).unwrap()
}

/// Breaks a copy of the sheet and returns (its text, the problems found).
fn broken(mutate: impl FnOnce(&mut Value)) -> (String, Vec<Diagnostic>) {
    let mut value = sheet_value();
    mutate(&mut value);
    let text = serde_json::to_string_pretty(&value).unwrap();
    match load(FILE, text.as_bytes(), None) {
        Ok(_) => panic!("the broken sheet was accepted"),
        Err(problems) => (text, problems),
    }
}

/// The one problem at `path`; fails listing all problems when there is not exactly one there.
fn problem_at<'a>(problems: &'a [Diagnostic], path: &str) -> &'a Diagnostic {
    let at: Vec<&Diagnostic> = problems.iter().filter(|p| p.path == path).collect();
    assert_eq!(
        at.len(),
        1,
        "expected one problem at {path}, got: {problems:#?}"
    );
    at[0]
}

/// 1-based line of the first occurrence of `needle` in `text`.
fn line_of(text: &str, needle: &str) -> usize {
    let offset = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in text"));
    text[..offset].matches('\n').count() + 1
}

fn figure_index(value: &Value, id: &str) -> usize {
    value["figures"]
        .as_array()
        .unwrap()
        .iter()
        .position(|f| f["id"] == id)
        .unwrap()
}

#[test]
fn duplicate_ids_are_rejected_at_the_second_one() {
    let (text, problems) = broken(|v| v["figures"][1]["id"] = json!("captured"));
    let p = problem_at(&problems, "figures[1].id");
    assert!(
        p.message
            .contains("\"captured\" is already used at figures[0].id"),
        "{p}"
    );
    assert_eq!(
        p.line,
        line_of(
            &text,
            "\"id\": \"captured\",\n      \"label\": \"North Korean troops"
        )
    );
    assert_eq!(p.file, FILE);
}

#[test]
fn a_dangling_claimant_is_rejected() {
    let (_, problems) = broken(|v| v["figures"][0]["claimants"] = json!(["ukrain"]));
    let p = problem_at(&problems, "figures[0].claimants[0]");
    assert!(
        p.message
            .contains("party \"ukrain\", which the sheet does not have"),
        "{p}"
    );
    assert!(p.hint.contains("parties"), "{p}");
}

#[test]
fn a_dangling_source_and_conflict_item_are_rejected() {
    let (_, problems) = broken(|v| {
        v["figures"][0]["citations"][0]["source"] = json!("reuters");
        v["conflicts"][0]["items"][0] = json!("nowhere");
    });
    assert!(problem_at(&problems, "figures[0].citations[0].source")
        .message
        .contains("source \"reuters\""));
    assert!(problem_at(&problems, "conflicts[0].items[0]")
        .message
        .contains("\"nowhere\""));
}

#[test]
fn a_quote_not_in_its_source_is_rejected() {
    let sheet = load(FILE, BUILTIN_JSON.as_bytes(), None).unwrap();
    // An archive made of the sheet's own quotes, with curly typography, stands in for the
    // articles: the rule under test is the comparison, not the seeds.
    let archive: String = sheet
        .figures
        .iter()
        .flat_map(|f| &f.citations)
        .chain(sheet.claims.iter().flat_map(|c| &c.citations))
        .map(|c| c.quote.replace('\'', "\u{2019}") + "\n")
        .collect();
    assert!(check_quotes(&sheet, &|_| Ok(archive.clone())).is_empty());

    let mut value = sheet_value();
    value["figures"][3]["citations"][0]["quote"] =
        json!("Ukraine on Jan. 4 reported 8,300 casualties among the North Koreans.");
    let text = serde_json::to_string_pretty(&value).unwrap();
    let sheet = factsheet::model::parse(FILE, text.as_bytes()).unwrap();
    let problems = diagnose(FILE, &text, check_quotes(&sheet, &|_| Ok(archive.clone())));
    let p = problem_at(&problems, "figures[3].citations[0].quote");
    assert!(
        p.message.contains("is not in the text of source \"rfa\""),
        "{p}"
    );
    assert_eq!(p.line, line_of(&text, "8,300"));
}

#[test]
fn a_missing_source_text_is_reported_not_skipped() {
    let sheet = load(FILE, BUILTIN_JSON.as_bytes(), None).unwrap();
    let problems = check_quotes(&sheet, &|name| Err(format!("{name}: no such file")));
    assert_eq!(problems.len(), sheet.sources.len());
    assert!(problems[0].message.contains("cannot be read"));
}

#[test]
fn a_figure_whose_number_is_not_in_its_quotes_is_rejected() {
    let (_, problems) = broken(|v| {
        let i = figure_index(v, "casualties-ukraine");
        v["figures"][i]["value"] = json!({"kind": "exact", "number": 3900, "written": "3,900"});
    });
    let p = problem_at(&problems, "figures[3].value.written");
    assert!(
        p.message
            .contains("\"3,900\" appears in none of the figure's quotes"),
        "{p}"
    );
}

#[test]
fn a_number_that_disagrees_with_its_words_is_rejected() {
    let (_, problems) = broken(|v| v["figures"][3]["value"]["number"] = json!(38000));
    let p = problem_at(&problems, "figures[3].value.number");
    assert!(
        p.message
            .contains("is 38000, but the text writes \"3,800\""),
        "{p}"
    );
}

#[test]
fn a_qualifier_not_in_its_quote_is_rejected() {
    let (_, problems) =
        broken(|v| v["figures"][1]["citations"][0]["qualifier"] = json!("at least"));
    let p = problem_at(&problems, "figures[1].citations[0].qualifier");
    assert!(
        p.message.contains("\"at least\" is not in the quote"),
        "{p}"
    );
}

#[test]
fn impossible_dates_are_rejected() {
    let (_, problems) = broken(|v| v["figures"][3]["as_of"]["date"] = json!("2025-02-30"));
    let p = problem_at(&problems, "figures[3].as_of.date");
    assert!(p.message.contains("\"2025-02-30\" is not a day"), "{p}");
}

#[test]
fn a_date_after_the_source_is_rejected() {
    let (_, problems) = broken(|v| v["figures"][3]["as_of"]["date"] = json!("2025-01-14"));
    let p = problem_at(&problems, "figures[3].as_of.date");
    assert!(
        p.message
            .contains("later than the date line of source \"rfa\""),
        "{p}"
    );
}

#[test]
fn monday_in_new_york_is_after_the_rfa_update_but_monday_in_seoul_is_not() {
    let (_, problems) = broken(|v| {
        let i = figure_index(v, "dead-per-nis");
        // In New York it was still Sunday when RFA updated the story.
        v["figures"][i]["as_of"]["utc_offset"] = json!("-05:00");
    });
    let p = problem_at(&problems, "figures[5].as_of.resolved");
    assert!(p.message.contains("later than the date line"), "{p}");
}

#[test]
fn a_resolved_weekday_that_is_wrong_is_rejected() {
    let (_, problems) = broken(|v| v["figures"][5]["as_of"]["resolved"] = json!("2025-01-07"));
    let p = problem_at(&problems, "figures[5].as_of.resolved");
    assert!(
        p.message
            .contains("2025-01-07 is a tuesday, but the text says \"on Monday\""),
        "{p}"
    );
}

#[test]
fn future_dates_are_rejected_when_a_clock_is_given() {
    let mut value = sheet_value();
    value["sources"][0]["dated"]["stated"]["at"] = json!("2031-01-12T23:08-05:00");
    let text = serde_json::to_string_pretty(&value).unwrap();
    let jan_2026 = Moment(20_454 * 1440);
    let problems = load(FILE, text.as_bytes(), Some(jan_2026)).unwrap_err();
    let p = problem_at(&problems, "sources[0].dated.stated.at");
    assert!(p.message.contains("is in the future"), "{p}");
}

#[test]
fn only_http_links_are_allowed() {
    for url in [
        "javascript:alert(1)",
        "data:text/html,x",
        "vbscript:msgbox",
        " https://example.org/a",
        "https://exa\u{200B}mple.org/",
    ] {
        let (_, problems) = broken(|v| v["sources"][0]["url"] = json!(url));
        let p = problem_at(&problems, "sources[0].url");
        assert!(p.message.contains("link"), "{url:?}: {p}");
    }
    let mut value = sheet_value();
    value["sources"][0]["url"] = json!("https://www.example.org/story");
    let text = serde_json::to_string(&value).unwrap();
    assert!(load(FILE, text.as_bytes(), None).is_ok());
}

#[test]
fn empty_text_is_rejected() {
    let (_, problems) = broken(|v| v["story"]["headline"] = json!("   "));
    assert_eq!(problem_at(&problems, "story.headline").message, "is empty");
}

#[test]
fn a_status_its_evidence_contradicts_is_rejected() {
    let (_, problems) = broken(|v| v["figures"][0]["status"] = json!("corroborated"));
    let p = problem_at(&problems, "figures[0].status");
    assert!(
        p.message
            .contains("says \"corroborated\", but the evidence makes it \"single_origin\""),
        "{p}"
    );
    assert!(p.message.contains("both citing one origin: Ukraine"), "{p}");
    assert!(p.hint.contains("Set status to \"single_origin\""), "{p}");
}

#[test]
fn a_spy_agency_does_not_corroborate_its_own_government() {
    // South Korea plus its spy agency is still one origin.
    let (_, problems) = broken(|v| {
        v["figures"][0]["claimants"] = json!(["south-korea", "nis"]);
        v["figures"][0]["status"] = json!("corroborated");
    });
    let p = problem_at(&problems, "figures[0].status");
    assert!(p.message.contains("makes it \"single_origin\""), "{p}");
}

#[test]
fn a_part_of_cycle_is_rejected() {
    let (_, problems) = broken(|v| v["parties"][0]["part_of"] = json!("zelenskyy"));
    let p = problem_at(&problems, "parties[0].part_of");
    assert!(p.message.contains("part of itself"), "{p}");
}

#[test]
fn ids_with_invisible_characters_are_rejected() {
    let (_, problems) = broken(|v| v["figures"][0]["id"] = json!("capt\u{200B}ured"));
    let p = problem_at(&problems, "figures[0].id");
    assert!(p.message.contains("is not made of a-z, 0-9 and -"), "{p}");
    let (_, problems) = broken(|v| v["parties"][1]["name"] = json!("Zelensk\u{202E}yy"));
    assert!(problem_at(&problems, "parties[1].name")
        .message
        .contains("U+202E"));
}

#[test]
fn a_conflict_needs_two_items() {
    let (_, problems) = broken(|v| v["conflicts"][1]["items"] = json!(["sent-per-rfa"]));
    assert!(problem_at(&problems, "conflicts[1].items")
        .message
        .contains("at least two"));
}

#[test]
fn negative_counts_are_rejected() {
    let (_, problems) = broken(|v| v["figures"][0]["value"]["number"] = json!(-2));
    let at: Vec<&Diagnostic> = problems
        .iter()
        .filter(|p| p.path == "figures[0].value.number")
        .collect();
    assert!(
        at.iter().any(|p| p.message == "-2 is not a count"),
        "{problems:#?}"
    );
    assert!(
        at.iter()
            .any(|p| p.message.contains("but the text writes \"two\"")),
        "{problems:#?}"
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let (_, problems) = broken(|v| {
        v["story"]["summary"] = json!("");
        v["figures"][0]["claimants"] = json!(["nobody"]);
        v["sources"][1]["url"] = json!("ftp://example.org/x");
    });
    assert!(problems.len() >= 3, "{problems:#?}");
}

#[test]
fn a_misspelt_field_names_its_path_and_place() {
    let text = BUILTIN_JSON.replacen("\"unit\": \"soldiers\"", "\"units\": \"soldiers\"", 1);
    let problems = load(FILE, text.as_bytes(), None).unwrap_err();
    // The misspelt key, with a suggestion, and the field it leaves missing.
    assert_eq!(problems.len(), 2, "{problems:#?}");
    let p = &problems[0];
    assert!(p.message.contains("unknown field `units`"), "{p}");
    assert_eq!(p.path, "figures[0].units");
    assert_eq!(p.line, line_of(&text, "\"units\""));
    assert!(p.hint.starts_with("Did you mean `unit`?"), "{p}");
    assert!(p.hint.contains("sheet.schema.json"), "{p}");
    assert_eq!(problems[1].message, "missing field `unit`");
    assert_eq!(problems[1].path, "figures[0]");
}

#[test]
fn a_trailing_comma_gives_line_and_column() {
    let text = BUILTIN_JSON.replacen(
        "\"place\": \"Kursk region, Russia\",",
        "\"place\": \"Kursk region, Russia\",,",
        1,
    );
    let p = &load(FILE, text.as_bytes(), None).unwrap_err()[0];
    assert_eq!(p.line, line_of(&text, ",,"));
    assert!(p.hint.contains("comma"), "{p}");
    assert_eq!(p.path, "story", "no `?` step in the path");
    assert_eq!(
        p.to_string().lines().next().unwrap().split(':').next(),
        Some(FILE)
    );
}

#[test]
fn truncated_bom_and_non_utf8_files_are_explained() {
    let cut = &BUILTIN_JSON[..BUILTIN_JSON.len() / 2];
    assert!(load(FILE, cut.as_bytes(), None).unwrap_err()[0]
        .hint
        .contains("ends too early"));
    let bom = [&[0xEF, 0xBB, 0xBF][..], BUILTIN_JSON.as_bytes()].concat();
    assert!(load(FILE, &bom, None).unwrap_err()[0]
        .message
        .contains("byte-order mark"));
    let mut latin1 = BUILTIN_JSON.as_bytes().to_vec();
    let at = BUILTIN_JSON.find("Kursk region, Russia").unwrap();
    latin1[at] = 0xE9;
    let p = &load(FILE, &latin1, None).unwrap_err()[0];
    assert!(p.message.contains("not valid UTF-8"), "{p}");
    assert_eq!(p.line, line_of(BUILTIN_JSON, "Kursk region, Russia"));
}
