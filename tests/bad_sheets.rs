//! The bad-sheet catalogue (issue 7): every file in `tests/catalogue/` but `valid.json` is
//! `valid.json` broken one way, and must be rejected with exactly the problems listed here:
//! message, JSON path, line and column. Two more cases are made at run time because they are
//! too big to commit: a 10 MB file and JSON nested 10,000 deep. Each case runs under
//! `catch_unwind`, so a panic is reported by name (and fails the test) instead of hiding the
//! cases after it.
//!
//! JSON has no NaN or infinity: `NaN` is a syntax error ("expected value") and `1e999` is "number
//! out of range", both located. Negative counts parse and are rejected by the validator.
//!
//! The same messages reach the build (`cargo xtask verify`, tested in
//! `xtask/tests/verify_catalogue.rs`) and the widget's error card for a `data-src` sheet
//! (`tests/e2e_hostile.rs`).

use std::collections::BTreeSet;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use factsheet::model::date::Moment;
use factsheet::model::load::{diagnose, parse, MAX_BYTES};
use factsheet::model::validate::check_quotes;
use factsheet::model::{load, Diagnostic};

/// 2026-01-01T00:00Z, in minutes: the clock for the future-date case.
const NOW: Moment = Moment(20_454 * 1440);

/// One expected problem: JSON path, line, column, and a substring of the message.
type Want = (&'static str, usize, usize, &'static str);

/// Each catalogue file and every problem it must produce, no more and no fewer.
const CATALOGUE: &[(&str, &[Want])] = &[
    // Malformed JSON.
    ("trailing-comma", &[("story.dates", 8, 25, "trailing comma: JSON allows no comma before a closing bracket")]),
    ("truncated", &[("figures[1]", 92, 7, "the file ends inside an object: a `}` is missing")]),
    ("bom", &[("(top level)", 1, 1, "the file starts with a byte-order mark")]),
    ("non-utf8", &[("(top level)", 5, 16, "the file is not valid UTF-8 here")]),
    ("duplicate-key", &[("figures[0].unit", 66, 7, "duplicate field `unit`")]),
    // Wrong types, unknown and missing fields.
    ("wrong-type", &[("figures[0].value.number", 62, 19, "expected a number, found the string \"2\"")]),
    (
        "unknown-field",
        &[
            ("figures[0].units", 65, 7, "unknown field `units`, expected one of `id`, `label`"),
            ("figures[0]", 57, 5, "missing field `unit`"),
        ],
    ),
    ("missing-field", &[("figures[0]", 57, 5, "missing field `unit`")]),
    ("unknown-status", &[("figures[0].status", 82, 17, "unknown value `confirmed`, expected one of `contested`")]),
    // Counts: JSON has no NaN or infinity.
    ("nan-count", &[("figures[0].value.number", 62, 19, "NaN is not a JSON number")]),
    ("infinite-count", &[("figures[0].value.number", 62, 19, "number out of range")]),
    (
        "negative-count",
        &[
            ("figures[0].value.number", 62, 19, "-2 is not a count"),
            ("figures[0].value.number", 62, 19, "is -2, but the text writes \"two\", which is 2"),
        ],
    ),
    // Ids and references.
    ("duplicate-id", &[("figures[1].id", 85, 13, "id \"captured\" is already used at figures[0].id")]),
    ("dangling-claimant", &[("figures[0].claimants[0]", 67, 9, "refers to party \"ukrain\", which the sheet does not have")]),
    ("dangling-source", &[("figures[0].citations[1].source", 78, 21, "refers to source \"reuters\", which the sheet does not have")]),
    ("id-zero-width", &[("figures[0].id", 58, 13, "id \"capt\\u{200b}ured\" is not made of a-z, 0-9 and -")]),
    ("id-right-to-left-override", &[("figures[1].id", 85, 13, "id \"casualties\\u{202e}-ukraine\" is not made of a-z, 0-9 and -")]),
    // Quotes, figures and statuses against the evidence.
    ("figure-not-in-quote", &[("figures[1].value.written", 90, 20, "\"3,900\" appears in none of the figure's quotes")]),
    (
        "status-contradicted",
        &[("figures[0].status", 82, 17, "says \"corroborated\", but the evidence makes it \"single_origin\": Reported by 2 outlets (RFA; Bloomberg), both citing one origin: Ukraine.")],
    ),
    // Dates.
    ("impossible-date", &[("figures[1].as_of.date", 99, 17, "\"2025-02-30\" is not a day")]),
    ("future-date", &[("sources[0].dated.stated.at", 21, 17, "2031-01-12T23:08-05:00 is in the future")]),
    ("date-after-source", &[("figures[1].as_of.date", 99, 17, "is later than the date line of source \"rfa\"")]),
    ("story-ends-before-it-starts", &[("story.dates", 6, 14, "starts after it ends")]),
    // Links.
    ("link-javascript", &[("sources[1].url", 35, 14, "\"javascript:alert(document.cookie)\" is not an http(s) link")]),
    ("link-data", &[("sources[1].url", 35, 14, "\"data:text/html,<script>alert(1)</script>\" is not an http(s) link")]),
    ("link-vbscript", &[("sources[1].url", 35, 14, "\"VBScript:MsgBox(1)\" is not an http(s) link")]),
    ("link-protocol-relative", &[("sources[1].url", 35, 14, "\"//evil.example/x\" is not an http(s) link")]),
    ("link-control-character", &[("sources[1].url", 35, 14, "the link contains spaces or invisible characters")]),
    ("link-leading-space", &[("sources[1].url", 35, 14, "the link contains spaces or invisible characters")]),
    ("link-zero-width", &[("sources[1].url", 35, 14, "the link contains spaces or invisible characters")]),
    // Text a reader sees.
    ("empty-string", &[("story.headline", 3, 17, "is empty")]),
    (
        "blank-quote",
        &[
            ("figures[1].citations[0].quote", 105, 20, "is empty"),
            ("figures[1].value.written", 90, 20, "\"3,800\" appears in none of the figure's quotes"),
        ],
    ),
    ("text-right-to-left-override", &[("parties[1].name", 46, 15, "contains the invisible or direction-changing character U+202E")]),
];

/// The verbatim case: valid in every rule but one, which needs the sources' texts.
const QUOTE_CASE: &str = "quote-not-in-source";
const QUOTE_WANT: Want = (
    "claims[0].citations[0].quote",
    122,
    20,
    "is not in the text of source \"rfa\"",
);

fn catalogue() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/catalogue")
}

fn read(name: &str) -> Vec<u8> {
    let path = catalogue().join(format!("{name}.json"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Compares the problems found with the wanted ones; returns what differs, in words.
fn compare(case: &str, found: &[Diagnostic], want: &[Want]) -> Vec<String> {
    let mut errors = Vec::new();
    for &(path, line, column, message) in want {
        let hit = found.iter().any(|d| {
            d.path == path && d.line == line && d.column == column && d.message.contains(message)
        });
        if !hit {
            errors.push(format!(
                "{case}: no problem `{line}:{column}: {path}: …{message}…`"
            ));
        }
    }
    if found.len() != want.len() {
        errors.push(format!(
            "{case}: {} problem(s), {} expected",
            found.len(),
            want.len()
        ));
    }
    for d in found {
        if d.file != format!("{case}.json") || d.hint.trim().is_empty() {
            errors.push(format!("{case}: wrong file name or no hint in {d}"));
        }
    }
    if !errors.is_empty() {
        let list: Vec<String> = found.iter().map(|d| format!("    {d}")).collect();
        errors.push(format!("{case}: found:\n{}", list.join("\n")));
    }
    errors
}

/// Loads `bytes` as `case.json`, catching a panic; the problems, or why there are none.
fn rejected(case: &str, bytes: &[u8]) -> Result<Vec<Diagnostic>, String> {
    let file = format!("{case}.json");
    match catch_unwind(AssertUnwindSafe(|| load(&file, bytes, Some(NOW)))) {
        Err(_) => Err(format!("{case}: load PANICKED")),
        Ok(Ok(_)) => Err(format!("{case}: accepted")),
        Ok(Err(problems)) => Ok(problems),
    }
}

#[test]
fn the_valid_base_sheet_passes_every_rule() {
    let bytes = read("valid");
    let sheet = load("valid.json", &bytes, Some(NOW)).unwrap_or_else(|problems| {
        panic!("{problems:#?}");
    });
    assert!(check_quotes(&sheet, &|_| Ok(in_memory_archive())).is_empty());
}

#[test]
fn every_catalogue_sheet_fails_with_its_messages_paths_lines_and_columns() {
    let mut errors = Vec::new();
    for (case, want) in CATALOGUE {
        match rejected(case, &read(case)) {
            Err(e) => errors.push(e),
            Ok(found) => errors.extend(compare(case, &found, want)),
        }
    }
    assert!(errors.is_empty(), "\n{}", errors.join("\n"));
}

#[test]
fn every_file_in_the_catalogue_has_its_expected_problems_listed() {
    let listed: BTreeSet<String> = CATALOGUE
        .iter()
        .map(|(case, _)| case.to_string())
        .chain([QUOTE_CASE.to_string(), "valid".to_string()])
        .collect();
    let on_disk: BTreeSet<String> = std::fs::read_dir(catalogue())
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|name| name.strip_suffix(".json").map(str::to_owned))
        .collect();
    assert_eq!(listed, on_disk);
    // With the two generated cases, the issue asks for at least 25.
    assert!(CATALOGUE.len() + 1 + 2 >= 25);
}

/// The sources' texts, standing in for `../shared/seeds`: every quote of `valid.json`, with
/// curly apostrophes as articles print them.
fn in_memory_archive() -> String {
    let sheet = parse("valid.json", &read("valid")).unwrap();
    sheet
        .figures
        .iter()
        .flat_map(|f| &f.citations)
        .chain(sheet.claims.iter().flat_map(|c| &c.citations))
        .map(|c| c.quote.replace('\'', "\u{2019}") + "\n")
        .collect()
}

#[test]
fn a_quote_not_in_its_source_fails_the_verbatim_check() {
    let bytes = read(QUOTE_CASE);
    let file = format!("{QUOTE_CASE}.json");
    // Every other rule passes: only the sources' texts can tell.
    let sheet = load(&file, &bytes, Some(NOW)).expect("valid but for the verbatim check");
    let text = std::str::from_utf8(&bytes).unwrap();
    let archive = in_memory_archive();
    let found = diagnose(&file, text, check_quotes(&sheet, &|_| Ok(archive.clone())));
    let errors = compare(QUOTE_CASE, &found, &[QUOTE_WANT]);
    assert!(errors.is_empty(), "\n{}", errors.join("\n"));

    // The archived articles themselves, where CI has them beside the clone.
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if seeds.is_dir() {
        let found = diagnose(
            &file,
            text,
            check_quotes(&sheet, &|name| {
                std::fs::read_to_string(seeds.join(name)).map_err(|e| e.to_string())
            }),
        );
        let errors = compare(QUOTE_CASE, &found, &[QUOTE_WANT]);
        assert!(errors.is_empty(), "\n{}", errors.join("\n"));
    } else {
        eprintln!(
            "{}: absent, checked against the quotes only",
            seeds.display()
        );
    }
}

#[test]
fn a_10_mb_file_is_refused_before_parsing() {
    // A valid sheet padded with spaces to 10 MB: the size alone rejects it.
    let mut bytes = read("valid");
    bytes.resize(10 * 1024 * 1024, b' ');
    let found = rejected("ten-megabytes", &bytes).unwrap_or_else(|e| panic!("{e}"));
    let message = format!("the file is 10485760 bytes; a sheet may be at most {MAX_BYTES}");
    let want: &[Want] = &[("(top level)", 1, 1, "")];
    let errors = compare("ten-megabytes", &found, want);
    assert!(errors.is_empty(), "\n{}", errors.join("\n"));
    assert_eq!(found[0].message, message);
}

#[test]
fn json_nested_10_000_deep_is_refused_without_overflowing_the_stack() {
    const DEPTH: usize = 10_000;
    // The reader refuses the 129th level before anything looks at the shape, wherever it is.
    let arrays = format!("{}{}", "[".repeat(DEPTH), "]".repeat(DEPTH));
    let objects = format!("{}1{}", "{\"a\":".repeat(DEPTH), "}".repeat(DEPTH));
    let valid = String::from_utf8(read("valid")).unwrap();
    let in_value = valid.replacen("\"number\": 2,", &format!("\"number\": {arrays},"), 1);
    let in_as_of = valid.replacen(
        "\"kind\": \"not_stated\"",
        &format!("\"kind\": \"not_stated\", \"x\": {objects}"),
        1,
    );
    let cases = [
        (
            "deep-in-a-string",
            format!("{{\"story\": {{\"headline\": {arrays}}}}}"),
            (
                "story.headline[0][0][0][0][0][0]\u{2026}",
                1,
                150,
                "nested more than 128 levels deep",
            ),
        ),
        (
            "deep-in-a-value",
            in_value,
            (
                "figures[0].value.number[0][0][0][0]…",
                62,
                143,
                "nested more than 128 levels deep",
            ),
        ),
        (
            "deep-in-an-as-of",
            in_as_of,
            (
                "figures[0].as_of.x.a.a.a.a…",
                70,
                656,
                "nested more than 128 levels deep",
            ),
        ),
        (
            "deep-unclosed",
            "[".repeat(DEPTH),
            (
                "[0][0][0][0][0][0][0][0]\u{2026}",
                1,
                129,
                "nested more than 128 levels deep",
            ),
        ),
    ];
    let mut errors = Vec::new();
    for (case, text, want) in cases {
        match rejected(case, text.as_bytes()) {
            Err(e) => errors.push(e),
            Ok(found) => errors.extend(compare(case, &found, &[want])),
        }
    }
    assert!(errors.is_empty(), "\n{}", errors.join("\n"));
}
