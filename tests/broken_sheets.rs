//! What an editor reads besides the message: each problem of a broken sheet says how to fix
//! it (its hint) and prints as `file:line:column: path: message`. The sheets are the cases of
//! the bad-sheet catalogue (`tests/catalogue/`), whose messages and places
//! `tests/bad_sheets.rs` checks.

// A test says what broke by failing loudly: unwrap, expect and panic! are allowed here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod catalogue;

use catalogue::{Case, FIXTURE};
use factsheet::model::validate::check_quotes;
use factsheet::model::{load, Diagnostic};

fn case(name: &str) -> Case {
    catalogue::rule_cases()
        .into_iter()
        .chain(catalogue::byte_cases())
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no catalogue case {name:?}"))
}

/// The problems of the named case, which must be refused.
fn problems(name: &str) -> Vec<Diagnostic> {
    let case = case(name);
    match load(&case.file_name(), &case.bytes, None) {
        Ok(_) => panic!("{name}: accepted"),
        Err(problems) => problems,
    }
}

/// The one problem at `path`; fails listing all problems when there is not exactly one there.
fn problem_at(name: &str, path: &str) -> Diagnostic {
    let problems = problems(name);
    let at: Vec<&Diagnostic> = problems.iter().filter(|p| p.path == path).collect();
    assert_eq!(at.len(), 1, "{name}: one problem at {path}? {problems:#?}");
    at[0].clone()
}

/// (case, path, words its hint must hold): one per kind of fix.
const HINTS: &[(&str, &str, &str)] = &[
    (
        "dangling-claimant",
        "figures[1].claimants[0]",
        "Use the id of one of the sheet's parties",
    ),
    (
        "dangling-source",
        "figures[0].citations[1].source",
        "sources",
    ),
    ("duplicate-id", "claims[0].id", "its own id"),
    (
        "id-zero-width",
        "figures[0].id",
        "lower-case letters, digits and hyphens",
    ),
    (
        "qualifier-not-in-quote",
        "figures[4].citations[0].qualifier",
        "Copy the qualifier exactly",
    ),
    (
        "number-disagrees-with-its-words",
        "figures[0].value.number",
        "Make `number` match the words",
    ),
    (
        "figure-not-in-quote",
        "figures[0].value.written",
        "exactly as the source prints it",
    ),
    (
        "wrong-weekday",
        "figures[1].as_of.resolved",
        "Count the days again",
    ),
    (
        "a-day-counted-in-another-time-zone",
        "figures[1].as_of.resolved",
        "check the date and the year",
    ),
    (
        "part-of-cycle",
        "parties[0].part_of",
        "Remove one `part_of`",
    ),
    (
        "conflict-of-one",
        "conflicts[0].items",
        "List every figure or claim",
    ),
    (
        "status-contradicted",
        "claims[0].status",
        "Set \"status\": []",
    ),
    (
        "link-javascript",
        "sources[0].url",
        "Only http:// and https:// links",
    ),
    ("link-zero-width", "sources[0].url", "Paste the link again"),
    ("empty-string", "story.headline", "Write the text"),
    (
        "text-right-to-left-override",
        "parties[1].name",
        "Delete the character",
    ),
    (
        "status-missing",
        "figures[0].status",
        "declare `corroborated`",
    ),
    (
        "status-listed-twice",
        "figures[4].status[1]",
        "List each status once",
    ),
    (
        "undated-figure-declared-disputed",
        "figures[5].status",
        "Set \"status\": [\"single_origin\"] (remove `disputed`)",
    ),
    (
        "attribution-not-among-claimants",
        "figures[0].citations[1].claimants[0]",
        "Add \"rescue-team\" to the figure's `claimants`",
    ),
    (
        "conflict-mixes-figures-and-claims",
        "conflicts[1].items[2]",
        "put the others in a conflict of their own",
    ),
    (
        "summary-uncited",
        "story.summary.citations",
        "Cite at least one",
    ),
    (
        "summary-unsupported-word",
        "story.summary.text",
        "Cite the source's words that say it, or reword the summary",
    ),
    (
        "summary-citation-attributed",
        "story.summary.citations[0].claimants",
        "Leave `claimants` out",
    ),
    (
        "headline-unsupported-word",
        "story.headline",
        "or reword the headline",
    ),
    (
        "claim-summary-unsupported-word",
        "claims[0].summary",
        "Cite the source's words that say it, or reword the summary",
    ),
    (
        "figure-label-invented-number",
        "figures[0].label",
        "take it out of the label",
    ),
    (
        "credits-corrections-not-a-contact",
        "credits.corrections",
        "corrections@example.org",
    ),
    ("trailing-comma", "story.dates", "comma"),
    ("truncated", "figures[1]", "ends too early"),
];

#[test]
fn every_kind_of_problem_says_how_to_fix_it() {
    let mut errors = Vec::new();
    for (name, path, hint) in HINTS {
        let p = problem_at(name, path);
        if !p.hint.contains(hint) {
            errors.push(format!("{name}: the hint lacks {hint:?}: {p}"));
        }
    }
    assert!(errors.is_empty(), "\n{}", errors.join("\n"));
}

#[test]
fn a_misspelt_field_suggests_the_right_one_and_the_schema() {
    let p = problem_at("unknown-field", "figures[0].units");
    assert!(p.hint.starts_with("Did you mean `unit`?"), "{p}");
    assert!(p.hint.contains("sheet.schema.json"), "{p}");
}

#[test]
fn a_problem_prints_as_file_line_column_path_and_message_then_its_hint() {
    let case = case("trailing-comma");
    let p = problem_at("trailing-comma", "story.dates");
    let want = &case.problems[0];
    let mut lines = p.to_string().lines().map(str::to_owned).collect::<Vec<_>>();
    assert_eq!(
        lines.remove(0),
        format!(
            "trailing-comma.json:{}:{}: story.dates: {}",
            want.line, want.column, p.message
        )
    );
    assert_eq!(lines, [format!("    hint: {}", p.hint)]);
    assert!(!p.path.contains('?'), "no `?` step in the path: {p}");
}

#[test]
fn a_missing_source_text_is_reported_not_skipped() {
    let sheet = load("sheet.json", FIXTURE.as_bytes(), None).unwrap();
    let problems = check_quotes(&sheet, &|name| Err(format!("{name}: no such file")));
    assert_eq!(problems.len(), sheet.sources.len());
    for (i, (problem, source)) in problems.iter().zip(&sheet.sources).enumerate() {
        assert_eq!(
            problem.path.to_string(),
            format!("sources[{i}].archive_file")
        );
        assert_eq!(
            problem.message,
            format!(
                "the full text of \"{}\" cannot be read: {}: no such file",
                source.id, source.archive_file
            )
        );
    }
}
