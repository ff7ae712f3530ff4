//! The bad-sheet catalogue: every way a sheet can break, each with the problems it must cause
//! (JSON path, line, column and message).
//!
//! Rule cases are edits of the fixture sheet (`tests/fixtures/sheet.json`), made at run time,
//! so a new required field is one edit to the fixture, not one per case. Each case's expected
//! line and column come from where its edit put a `‸` (or from a piece of the edited text with
//! a `‸` in it), counted here in characters, independently of the model's own locator.
//! Byte-level cases (a byte-order mark, bytes that are not UTF-8, a file cut short) cannot be
//! written as edits of text and stay as files beside this one.
//!
//! Shared by `tests/bad_sheets.rs` (the model), `tests/broken_sheets.rs` (the hints),
//! `xtask/tests/verify_catalogue.rs` (the build) and `tests/e2e_hostile.rs` (the widget's
//! error card). Standard library only, so every one of them can include it.
#![allow(dead_code)]

/// The fixture sheet: a made-up flood, valid under every rule.
pub const FIXTURE: &str = include_str!("../fixtures/sheet.json");

/// Marks the place a problem is expected, in an edit's new text or in a piece of text to find.
const MARK: char = '‸';

/// One broken sheet and every problem it must produce, no more and no fewer.
pub struct Case {
    pub name: &'static str,
    pub bytes: Vec<u8>,
    pub problems: Vec<Expected>,
}

/// One expected problem; `message` is the start of the message, or all of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Expected {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: &'static str,
}

impl Case {
    pub fn file_name(&self) -> String {
        format!("{}.json", self.name)
    }

    pub fn text(&self) -> &str {
        std::str::from_utf8(&self.bytes).expect("a rule case is text")
    }
}

/// An edit: `(anchor, old, new)` replaces the first `old` after `anchor` (which must occur
/// once; an empty anchor means `old` itself must occur once) with `new`.
type Edit = (&'static str, &'static str, &'static str);

/// A problem: `(path, at, message)`. `at` is empty for the one `‸` in the case's edits, or a
/// piece of the edited text with a `‸` at the place, written `anchor…piece` when the piece is
/// the first one after `anchor`.
type Problem = (&'static str, &'static str, &'static str);

struct Rule {
    name: &'static str,
    edits: &'static [Edit],
    problems: &'static [Problem],
}

/// The first figure's opening brace, where a missing field of it is reported.
const FIRST_FIGURE: &str = "‸{\n      \"id\": \"homes-flooded\"";
/// The summary's citations, as the fixture writes them.
const SUMMARY_CITATIONS: &str = "\"citations\": [\n        {\n          \"source\": \"gazette\",\n          \"quote\": \"The river Tallow began to fall overnight, two days after it broke its banks above Marrowby.\"\n        },\n        {\n          \"source\": \"gazette\",\n          \"quote\": \"The council said at least 214 homes were flooded by the evening of Nov. 17\"\n        },\n        {\n          \"source\": \"river-radio\",\n          \"quote\": \"Mayor Brannock told listeners: \\\"The north levee held, and that is why the old town stayed dry.\\\"\"\n        }\n      ]";
const URL: &str = "\"url\": \"https://valley-gazette.example/marrowby-flood\"";
/// How a figure taken out of its conflict's dispute is refused, after its id.
macro_rules! NO_LONGER_DISPUTED {
    () => {
        "declares [\"disputed\", \"single_origin\"], but the evidence gives [\"single_origin\"]; not \"disputed\": "
    };
}
/// A status list as the fixture writes it, and the place a problem with it is reported.
const DISPUTED_SINGLE: &str =
    "\"status\": [\n        \"disputed\",\n        \"single_origin\"\n      ]";

#[rustfmt::skip]
const RULES: &[Rule] = &[
    // Malformed JSON.
    Rule { name: "trailing-comma",
        edits: &[("", "\"to\": \"2025-11-18\"", "\"to\": \"2025-11-18\"‸,")],
        problems: &[("story.dates", "", "trailing comma: JSON allows no comma before a closing bracket")] },
    Rule { name: "duplicate-key",
        edits: &[("", "\"unit\": \"homes\",", "\"unit\": \"homes\",\n      ‸\"unit\": \"homes\",")],
        problems: &[("figures[0].unit", "", "duplicate field `unit`")] },
    // Wrong types, unknown and missing fields.
    Rule { name: "wrong-type",
        edits: &[("", "\"number\": 214,", "\"number\": ‸\"214\",")],
        problems: &[("figures[0].value.number", "", "expected a number, found the string \"214\"")] },
    Rule { name: "unknown-field",
        edits: &[("", "\"unit\": \"homes\"", "‸\"units\": \"homes\"")],
        problems: &[
            ("figures[0].units", "", "unknown field `units`, expected one of `id`, `label`"),
            ("figures[0]", FIRST_FIGURE, "missing field `unit`"),
        ] },
    Rule { name: "missing-field",
        edits: &[("", "\n      \"unit\": \"homes\",", "")],
        problems: &[("figures[0]", FIRST_FIGURE, "missing field `unit`")] },
    Rule { name: "unknown-status",
        edits: &[("\"id\": \"homes-flooded\"", "\"corroborated\"", "‸\"confirmed\"")],
        problems: &[("figures[0].status[0]", "", "unknown value `confirmed`, expected one of `disputed`")] },
    // Counts: JSON has no NaN or infinity; negative counts parse and the validator refuses them.
    Rule { name: "nan-count",
        edits: &[("", "\"number\": 214,", "\"number\": ‸NaN,")],
        problems: &[("figures[0].value.number", "", "NaN is not a JSON number")] },
    Rule { name: "infinite-count",
        edits: &[("", "\"number\": 214,", "\"number\": ‸1e999,")],
        problems: &[("figures[0].value.number", "", "number out of range")] },
    Rule { name: "negative-count",
        edits: &[("", "\"number\": 214,", "\"number\": ‸-214,")],
        problems: &[
            ("figures[0].value.number", "", "-214 is not a count"),
            ("figures[0].value.number", "", "is -214, but the text writes \"214\", which is 214"),
        ] },
    Rule { name: "number-disagrees-with-its-words",
        edits: &[("", "\"number\": 214,", "\"number\": ‸2140,")],
        problems: &[("figures[0].value.number", "", "is 2140, but the text writes \"214\", which is 214")] },
    // Ids and references.
    Rule { name: "duplicate-id",
        edits: &[("", "\"id\": \"levee-held\"", "\"id\": ‸\"homes-flooded\"")],
        problems: &[("claims[0].id", "", "id \"homes-flooded\" is already used at figures[0].id")] },
    Rule { name: "dangling-claimant",
        edits: &[("\"id\": \"in-shelters\"", "\"marrowby-council\"", "‸\"marrowby-counsil\"")],
        problems: &[("figures[1].claimants[0]", "", "refers to party \"marrowby-counsil\", which the sheet does not have")] },
    Rule { name: "dangling-source",
        edits: &[("\"id\": \"homes-flooded\"", "\"source\": \"river-radio\"", "\"source\": ‸\"county-herald\"")],
        problems: &[("figures[0].citations[1].source", "", "refers to source \"county-herald\", which the sheet does not have")] },
    Rule { name: "dangling-conflict-item",
        edits: &[("", "\"items\": [\n        \"in-shelters\"", "\"items\": [\n        ‸\"nowhere\"")],
        problems: &[
            ("conflicts[0].items[0]", "", "refers to figure or claim \"nowhere\", which the sheet does not have"),
            // Out of the conflict, the figure is no longer disputed.
            ("figures[1].status", "\"id\": \"in-shelters\"…\"status\": ‸", concat!("figure \"in-shelters\" ", NO_LONGER_DISPUTED!())),
        ] },
    Rule { name: "conflict-of-one",
        edits: &[("", "\"in-shelters\",\n        \"with-relatives\",\n        \"evacuated-per-rescue\",\n        \"left-home-per-authority\"\n      ]", "\"in-shelters\"\n      ]")],
        problems: &[
            ("conflicts[0].items", "\"id\": \"how-many-left-home\"…\"items\": ‸[", "needs at least two items to disagree"),
            ("figures[1].status", "\"id\": \"in-shelters\"…\"status\": ‸", concat!("figure \"in-shelters\" ", NO_LONGER_DISPUTED!())),
            ("figures[2].status", "\"id\": \"with-relatives\"…\"status\": ‸", concat!("figure \"with-relatives\" ", NO_LONGER_DISPUTED!())),
            ("figures[3].status", "\"id\": \"evacuated-per-rescue\"…\"status\": ‸", concat!("figure \"evacuated-per-rescue\" ", NO_LONGER_DISPUTED!())),
        ] },
    Rule { name: "part-of-cycle",
        edits: &[("\"id\": \"marrowby-council\"", "\"kind\": \"government\",", "\"kind\": \"government\",\n      \"part_of\": ‸\"mayor\",")],
        problems: &[
            ("parties[0].part_of", "", "\"marrowby-council\" is part of itself through `part_of`"),
            ("parties[1].part_of", "\"part_of\": ‸\"marrowby-council\"", "\"mayor\" is part of itself through `part_of`"),
        ] },
    Rule { name: "id-zero-width",
        edits: &[("", "\"id\": \"homes-flooded\"", "\"id\": ‸\"homes\u{200b}-flooded\"")],
        problems: &[("figures[0].id", "", "id \"homes\\u{200b}-flooded\" is not made of a-z, 0-9 and -")] },
    Rule { name: "id-right-to-left-override",
        edits: &[("", "\"id\": \"levee-held\"", "\"id\": ‸\"levee\u{202e}-held\"")],
        problems: &[("claims[0].id", "", "id \"levee\\u{202e}-held\" is not made of a-z, 0-9 and -")] },
    // Quotes, figures and statuses against the evidence.
    Rule { name: "figure-not-in-quote",
        edits: &[("", "\"number\": 214,\n        \"written\": \"214\"", "\"number\": 241,\n        \"written\": ‸\"241\"")],
        problems: &[("figures[0].value.written", "", "\"241\" appears in none of the figure's quotes")] },
    Rule { name: "qualifier-not-in-quote",
        edits: &[("\"id\": \"pumps\"", "\"source\": \"river-radio\",", "\"source\": \"river-radio\",\n          \"qualifier\": ‸\"at most\",")],
        problems: &[("figures[4].citations[0].qualifier", "", "\"at most\" is not in the quote")] },
    // A speaker's own words, quoted, are shown as a quote, not flagged as single-origin.
    Rule { name: "status-contradicted",
        edits: &[("\"id\": \"levee-held\"", "\"status\": []", "\"status\": ‸[\"single_origin\"]")],
        problems: &[("claims[0].status", "", "claim \"levee-held\" declares [\"single_origin\"], but the evidence gives []; not \"single_origin\": it is a speaker's own words, quoted: it is shown as a quote, not flagged")] },
    // The mayor is part of the council: the two are one origin, not two.
    Rule { name: "part-of-its-own-government-does-not-corroborate",
        edits: &[
            ("\"id\": \"leave-mill-lane\"", "\"mayor\"", "\"mayor\",\n        \"marrowby-council\""),
            ("\"id\": \"leave-mill-lane\"", DISPUTED_SINGLE, "\"status\": ‸[\"disputed\", \"corroborated\"]"),
        ],
        problems: &[("claims[2].status", "", "claim \"leave-mill-lane\" declares [\"disputed\", \"corroborated\"], but the evidence gives [\"disputed\", \"single_origin\"]; not \"corroborated\": only one independent origin states it (Marrowby Town Council); \"single_origin\": Reported by 1 outlet (Tallow River Radio via County Wire), citing one origin: Mayor Ilse Brannock and Marrowby Town Council.")] },
    // Declared statuses must be exactly the ones the evidence gives.
    Rule { name: "status-missing",
        edits: &[("\"id\": \"homes-flooded\"", "\"status\": [\n        \"corroborated\"\n      ]", "\"status\": ‸[]")],
        problems: &[("figures[0].status", "", "figure \"homes-flooded\" declares [], but the evidence gives [\"corroborated\"]; \"corroborated\": Stated by 2 independent origins (Marrowby Town Council; Tallow River Authority).")] },
    Rule { name: "status-listed-twice",
        edits: &[("\"id\": \"pumps\"", "\"status\": [\n        \"unverified\",", "\"status\": [\n        \"unverified\",\n        ‸\"unverified\",")],
        problems: &[("figures[4].status[1]", "", "lists \"unverified\" twice")] },
    // The river authority's 2,000 has no date: a date not stated never makes a dispute.
    Rule { name: "undated-figure-declared-disputed",
        edits: &[("\"id\": \"left-home-per-authority\"", "\"status\": [\n        \"single_origin\"", "\"status\": ‸[\n        \"disputed\",\n        \"single_origin\"")],
        problems: &[("figures[5].status", "", "figure \"left-home-per-authority\" declares [\"disputed\", \"single_origin\"], but the evidence gives [\"single_origin\"]; not \"disputed\": no estimate from another origin in its conflict gives a different number dated in the same month")] },
    // Each outlet's attribution is among the item's claimants, and each claimant is someone's.
    Rule { name: "attribution-not-among-claimants",
        edits: &[("\"id\": \"homes-flooded\"", "\"claimants\": [\n            \"river-authority\"", "\"claimants\": [\n            ‸\"rescue-team\"")],
        problems: &[
            ("figures[0].citations[1].claimants[0]", "", "attributes it to \"rescue-team\", who is not among the figure's claimants"),
            ("figures[0].claimants[1]", "\"id\": \"homes-flooded\"…‸\"river-authority\"", "names \"river-authority\", but no citation attributes it to them"),
        ] },
    Rule { name: "conflict-mixes-figures-and-claims",
        edits: &[("", "\"fire-service-ordered\"\n      ]", "\"fire-service-ordered\",\n        ‸\"pumps\"\n      ]")],
        problems: &[("conflicts[1].items[2]", "", "mixes figures and claims: \"pumps\" is not a claim")] },
    // The summary is held to its citations like a claim.
    Rule { name: "summary-uncited",
        edits: &[("\"summary\": {", SUMMARY_CITATIONS, "\"citations\": ‸[]")],
        problems: &[("story.summary.citations", "", "has no citation")] },
    Rule { name: "summary-unsupported-word",
        edits: &[("", "\"text\": \"The river Tallow broke its banks above Marrowby", "\"text\": ‸\"The river Tallow broke its banks above Oakford")],
        problems: &[("story.summary.text", "", "the word \"Oakford\" appears in none of the summary's quotes and in no party's name or alias")] },
    Rule { name: "summary-unsupported-number",
        edits: &[("", "\"text\": \"The river Tallow broke its banks above Marrowby and flooded at least 214", "\"text\": ‸\"The river Tallow broke its banks above Marrowby and flooded at least 241")],
        problems: &[("story.summary.text", "", "the number \"241\" appears in none of the summary's quotes and in no party's name or alias")] },
    Rule { name: "summary-citation-attributed",
        edits: &[("\"summary\": {", "\"source\": \"gazette\",", "\"source\": \"gazette\",\n          \"claimants\": ‸[\"mayor\"],")],
        problems: &[("story.summary.citations[0].claimants", "", "attributes the summary to someone")] },
    // The headline rests on the summary's quotes.
    Rule { name: "headline-unsupported-word",
        edits: &[("", "\"headline\": \"Marrowby's flood: homes, shelters and a levee that held\"", "\"headline\": ‸\"Marrowby's flood: homes, shelters and the Oakford levee\"")],
        problems: &[("story.headline", "", "the word \"Oakford\" appears in none of the summary's quotes and in no party's name or alias")] },
    // A claim's summary is the editor's words too, held to the claim's quotes.
    Rule { name: "claim-summary-unsupported-word",
        edits: &[("", "\"summary\": \"The mayor says the north levee held and kept the old town dry.\"", "\"summary\": ‸\"The mayor says the north levee held and kept Oakford dry.\"")],
        problems: &[("claims[0].summary", "", "the word \"Oakford\" appears in none of the claim's quotes and in no party's name or alias")] },
    Rule { name: "claim-summary-unsupported-number",
        edits: &[("", "raised the river by almost a metre.\",\n      \"claimants\"", "raised the river by 2 metres.\",\n      \"claimants\"")],
        problems: &[("claims[1].summary", "\"id\": \"reservoir-release\"…\"summary\": ‸", "the number \"2\" appears in none of the claim's quotes and in no party's name or alias")] },
    // A label names what is counted; a number in it that no quote has is invented.
    Rule { name: "figure-label-invented-number",
        edits: &[("", "\"label\": \"Homes flooded in Marrowby\"", "\"label\": ‸\"Homes flooded in Marrowby's 3 wards\"")],
        problems: &[("figures[0].label", "", "the number \"3\" appears in none of the figure's quotes")] },
    Rule { name: "figure-unit-invented-number",
        edits: &[("", "\"unit\": \"people in shelters\"", "\"unit\": ‸\"people in 12 shelters\"")],
        problems: &[("figures[1].unit", "", "the number \"12\" appears in none of the figure's quotes")] },
    Rule { name: "conflict-title-invented-number",
        edits: &[("", "\"title\": \"How many people left their homes\"", "\"title\": ‸\"How many of Marrowby's 4,000 people left their homes\"")],
        problems: &[("conflicts[0].title", "", "the number \"4,000\" appears in none of the quotes of its items")] },
    // Credits: a real day, not in the future; a contact a reader can use.
    Rule { name: "credits-not-a-day",
        edits: &[("", "\"updated\": \"2025-11-18\"", "\"updated\": ‸\"2025-11-31\"")],
        problems: &[("credits.updated", "", "\"2025-11-31\" is not a day")] },
    Rule { name: "credits-updated-in-the-future",
        edits: &[("", "\"updated\": \"2025-11-18\"", "\"updated\": ‸\"2031-11-18\"")],
        problems: &[("credits.updated", "", "2031-11-18 is in the future")] },
    Rule { name: "credits-corrections-not-a-contact",
        edits: &[("", "\"corrections\": \"corrections@valley-gazette.example\"", "\"corrections\": ‸\"http://valley-gazette.example/corrections\"")],
        problems: &[("credits.corrections", "", "\"http://valley-gazette.example/corrections\" is neither an email address nor an https:// link")] },
    Rule { name: "credits-corrections-disguised",
        edits: &[("", "\"corrections\": \"corrections@valley-gazette.example\"", "\"corrections\": ‸\"corrections@valley\u{200b}-gazette.example\"")],
        problems: &[("credits.corrections", "", "the contact contains spaces or invisible characters")] },
    Rule { name: "credits-compiled-by-empty",
        edits: &[("", "\"compiled_by\": \"The Valley Gazette data desk\"", "\"compiled_by\": ‸\" \"")],
        problems: &[("credits.compiled_by", "", "is empty")] },
    // Fact-check verdicts: a verdict and reviewer a reader can read, a real day, a real link.
    Rule { name: "review-verdict-empty",
        edits: &[("\"id\": \"homes-flooded\"", "\"corroborated\"\n      ]", "\"corroborated\"\n      ],\n      \"review\": {\"verdict\": ‸\"\", \"reviewer\": \"The Valley Gazette data desk\"}")],
        problems: &[("figures[0].review.verdict", "", "is empty")] },
    Rule { name: "review-date-not-a-day",
        edits: &[("\"id\": \"homes-flooded\"", "\"corroborated\"\n      ]", "\"corroborated\"\n      ],\n      \"review\": {\"verdict\": \"Accurate\", \"reviewer\": \"The Valley Gazette data desk\", \"date\": ‸\"last week\"}")],
        problems: &[("figures[0].review.date", "", "\"last week\" is not a day")] },
    Rule { name: "review-url-not-a-link",
        edits: &[("\"id\": \"homes-flooded\"", "\"corroborated\"\n      ]", "\"corroborated\"\n      ],\n      \"review\": {\"verdict\": \"Accurate\", \"reviewer\": \"The Valley Gazette data desk\", \"url\": ‸\"valley-gazette.example/checks/1\"}")],
        problems: &[("figures[0].review.url", "", "\"valley-gazette.example/checks/1\" is not an http(s) link")] },
    // Dates.
    Rule { name: "impossible-date",
        edits: &[("\"id\": \"homes-flooded\"", "\"date\": \"2025-11-17\"", "\"date\": ‸\"2025-02-30\"")],
        problems: &[("figures[0].as_of.date", "", "\"2025-02-30\" is not a day")] },
    Rule { name: "future-date",
        edits: &[("", "\"at\": \"2025-11-18T06:15+01:00\"", "\"at\": ‸\"2031-11-18T06:15+01:00\"")],
        problems: &[("sources[0].dated.stated.at", "", "2031-11-18T06:15+01:00 is in the future")] },
    Rule { name: "date-after-source",
        edits: &[("\"id\": \"homes-flooded\"", "\"date\": \"2025-11-17\"", "\"date\": ‸\"2025-11-19\"")],
        problems: &[("figures[0].as_of.date", "", "is later than the date line of source \"gazette\"")] },
    // Tuesday began in Marrowby before the Gazette's 6:15 a.m. update, but eight hours west of
    // Greenwich it had not.
    Rule { name: "a-day-counted-in-another-time-zone",
        edits: &[("\"id\": \"in-shelters\"", "\"resolved\": \"2025-11-18\",\n        \"utc_offset\": \"+01:00\"", "\"resolved\": ‸\"2025-11-18\",\n        \"utc_offset\": \"-08:00\"")],
        problems: &[("figures[1].as_of.resolved", "", "is later than the date line of source \"gazette\"")] },
    Rule { name: "wrong-weekday",
        edits: &[("\"id\": \"in-shelters\"", "\"resolved\": \"2025-11-18\"", "\"resolved\": ‸\"2025-11-17\"")],
        problems: &[("figures[1].as_of.resolved", "", "2025-11-17 is a monday, but the text says \"early on Tuesday\"")] },
    Rule { name: "story-ends-before-it-starts",
        edits: &[("", "\"to\": \"2025-11-18\"", "\"to\": \"2025-10-31\"")],
        problems: &[("story.dates", "\"dates\": ‸{", "starts after it ends")] },
    // Text a reader sees.
    Rule { name: "empty-string",
        edits: &[("", "\"headline\": \"Marrowby's flood: homes, shelters and a levee that held\"", "\"headline\": ‸\"\"")],
        problems: &[("story.headline", "", "is empty")] },
    Rule { name: "blank-quote",
        edits: &[("\"id\": \"with-relatives\"", "\"quote\": \"The council said several hundred more are staying with relatives.\"", "\"quote\": ‸\" \\n \"")],
        problems: &[
            ("figures[2].citations[0].quote", "", "is empty"),
            ("figures[2].value.written", "\"written\": ‸\"several hundred\"", "\"several hundred\" appears in none of the figure's quotes"),
        ] },
    Rule { name: "text-right-to-left-override",
        edits: &[("", "\"name\": \"Mayor Ilse Brannock\"", "\"name\": ‸\"Mayor Ilse Bran\u{202e}nock\"")],
        problems: &[("parties[1].name", "", "contains the invisible or direction-changing character U+202E")] },
    // Every problem at once, not the first alone.
    Rule { name: "three-problems-at-once",
        edits: &[
            ("", "\"text\": \"The river Tallow broke its banks above Marrowby and flooded at least 214 homes; the north levee held, the mayor said.\"", "\"text\": \"\""),
            ("\"id\": \"in-shelters\"", "\"marrowby-council\"", "\"nobody\""),
            ("", URL, "\"url\": \"ftp://valley-gazette.example/x\""),
        ],
        problems: &[
            ("story.summary.text", "\"text\": ‸\"\"", "is empty"),
            ("figures[1].claimants[0]", "‸\"nobody\"", "refers to party \"nobody\", which the sheet does not have"),
            ("sources[0].url", "\"url\": ‸", "\"ftp://valley-gazette.example/x\" is not an http(s) link"),
        ] },
];

/// Links in the first source, as `(case, the link as JSON, message)`: schemes that run code,
/// links that leave the scheme out, and links disguised with spaces or invisible characters.
#[rustfmt::skip]
const LINKS: &[(&str, &str, &str)] = &[
    ("link-javascript", "\"javascript:alert(document.cookie)\"", "\"javascript:alert(document.cookie)\" is not an http(s) link"),
    ("link-data", "\"data:text/html,<script>alert(1)</script>\"", "\"data:text/html,<script>alert(1)</script>\" is not an http(s) link"),
    ("link-vbscript", "\"VBScript:MsgBox(1)\"", "\"VBScript:MsgBox(1)\" is not an http(s) link"),
    ("link-protocol-relative", "\"//evil.example/x\"", "\"//evil.example/x\" is not an http(s) link"),
    ("link-control-character", "\"https://valley-gazette.example/marrowby\\u0007-flood\"", "the link contains spaces or invisible characters"),
    ("link-leading-space", "\" https://valley-gazette.example/marrowby-flood\"", "the link contains spaces or invisible characters"),
    ("link-zero-width", "\"https://valley\u{200b}-gazette.example/marrowby-flood\"", "the link contains spaces or invisible characters"),
];

/// Valid under every rule but the verbatim one, which needs the sources' texts: one word of a
/// quote changed.
#[rustfmt::skip]
const QUOTE_NOT_IN_SOURCE: Rule = Rule { name: "quote-not-in-source",
    edits: &[("", "\"quote\": \"\\\"The north levee held, and that is why the old town is dry", "\"quote\": ‸\"\\\"The north levee held, and that is why the old town was dry")],
    problems: &[("claims[0].citations[0].quote", "", "is not in the text of source \"gazette\"")] };

/// A problem at a fixed place: `(path, line, column, message)`.
type Placed = (&'static str, usize, usize, &'static str);

/// The byte-level cases, committed beside this file, with where each fails.
#[rustfmt::skip]
const BYTE_CASES: &[(&str, &[Placed])] = &[
    ("truncated", &[("figures[1]", 92, 7, "the file ends inside an object: a `}` is missing")]),
    ("bom", &[("(top level)", 1, 1, "the file starts with a byte-order mark")]),
    ("non-utf8", &[("(top level)", 5, 16, "the file is not valid UTF-8 here")]),
];

/// Every rule case: the fixture edited, with its expected problems.
pub fn rule_cases() -> Vec<Case> {
    let rules = RULES.iter().map(|r| apply(r.name, r.edits, r.problems));
    let links = LINKS.iter().map(|&(name, link, message)| {
        let edit = format!("\"url\": {MARK}{link}");
        apply(
            name,
            &[("", URL, &edit)],
            &[("sources[0].url", "", message)],
        )
    });
    rules.chain(links).collect()
}

/// The case that only the verbatim check can catch.
pub fn quote_case() -> Case {
    let rule = QUOTE_NOT_IN_SOURCE;
    apply(rule.name, rule.edits, rule.problems)
}

/// The committed byte-level cases, read from beside this file.
pub fn byte_cases() -> Vec<Case> {
    BYTE_CASES
        .iter()
        .map(|(name, problems)| Case {
            name,
            bytes: std::fs::read(folder().join(format!("{name}.json")))
                .unwrap_or_else(|e| panic!("{name}.json: {e}")),
            problems: problems
                .iter()
                .map(|&(path, line, column, message)| Expected {
                    path: path.to_string(),
                    line,
                    column,
                    message,
                })
                .collect(),
        })
        .collect()
}

/// Every sheet of the catalogue as a file: `valid.json` (the fixture), each rule case, the
/// verbatim case and the byte-level cases, for a server or a folder.
pub fn files() -> Vec<(String, Vec<u8>)> {
    let mut files = vec![("valid.json".to_string(), FIXTURE.as_bytes().to_vec())];
    let cases = rule_cases()
        .into_iter()
        .chain([quote_case()])
        .chain(byte_cases());
    files.extend(cases.map(|c| (c.file_name(), c.bytes)));
    files
}

/// The folder of the byte-level files (this file's own), found from the crate running the
/// tests: the widget's at the workspace root, or `xtask` one below.
pub fn folder() -> std::path::PathBuf {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let here = root.join("tests/catalogue");
    if here.is_dir() {
        here
    } else {
        root.join("../tests/catalogue")
    }
}

/// Line and column (1-based, in characters) of a byte offset.
pub fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

fn apply(name: &'static str, edits: &[(&str, &str, &str)], problems: &[Problem]) -> Case {
    let mut text = FIXTURE.to_string();
    for &(anchor, old, new) in edits {
        let from = if anchor.is_empty() {
            assert_eq!(
                text.matches(old).count(),
                1,
                "{name}: {old:?} must occur once in the fixture"
            );
            0
        } else {
            once(&text, anchor, name)
        };
        let at = from
            + text[from..]
                .find(old)
                .unwrap_or_else(|| panic!("{name}: no {old:?} after {anchor:?}"));
        text.replace_range(at..at + old.len(), new);
    }
    let marks: Vec<usize> = text.match_indices(MARK).map(|(i, _)| i).collect();
    assert!(
        marks.len() <= 1,
        "{name}: more than one {MARK} in its edits"
    );
    let mark = marks.first().copied();
    let text = text.replace(MARK, "");
    let problems = problems
        .iter()
        .map(|&(path, at, message)| {
            let offset = if at.is_empty() {
                mark.unwrap_or_else(|| panic!("{name}: {path} has no {MARK} in the edits"))
            } else {
                place_of(&text, at, name)
            };
            let (line, column) = line_and_column(&text, offset);
            Expected {
                path: path.to_string(),
                line,
                column,
                message,
            }
        })
        .collect();
    Case {
        name,
        bytes: text.into_bytes(),
        problems,
    }
}

/// The byte offset of the only occurrence of `needle` in `text`.
fn once(text: &str, needle: &str, case: &str) -> usize {
    let found: Vec<usize> = text.match_indices(needle).map(|(i, _)| i).collect();
    match found[..] {
        [one] => one,
        _ => panic!("{case}: {needle:?} occurs {} times, not once", found.len()),
    }
}

/// Where the `‸` of `at` falls in `text`: `at` is a piece of text with a `‸` in it, alone
/// (it must occur once) or after `anchor…` (its first occurrence after the anchor).
fn place_of(text: &str, at: &str, case: &str) -> usize {
    let (anchor, piece) = match at.split_once('…') {
        Some((anchor, piece)) => (Some(once(text, anchor, case)), piece),
        None => (None, at),
    };
    let (before, _) = piece
        .split_once(MARK)
        .unwrap_or_else(|| panic!("{case}: no {MARK} in {at:?}"));
    let plain = piece.replace(MARK, "");
    let start = match anchor {
        None => once(text, &plain, case),
        Some(from) => {
            from + text[from..]
                .find(&plain)
                .unwrap_or_else(|| panic!("{case}: no {plain:?} after {at:?}"))
        }
    };
    start + before.len()
}
