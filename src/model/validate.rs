//! Validation: every rule a sheet must pass before it ships, each problem with its JSON path
//! and a hint. All problems are collected, never just the first.
//!
//! The same code runs at build time (`cargo xtask verify`) and in the widget for sheets loaded
//! by URL. Only the verbatim check needs the sources' full texts, so it is separate:
//! [`check_quotes`].

use std::collections::HashMap;

use super::date::{parse_moment, parse_offset, Moment, PartialDate, WEEKDAYS};
use super::locate::Path;
use super::sheet::{AsOf, Citation, ClaimKind, Dated, Sheet, Value};
use super::status::{assess, items, Item};
use super::text::{contains_normalised, is_invisible_or_bidi, normalise, number_text, read_number};

/// One thing wrong with a sheet.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub path: Path,
    pub message: String,
    pub hint: String,
}

struct Checker<'a> {
    sheet: &'a Sheet,
    now: Option<Moment>,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn report(&mut self, path: Path, message: impl Into<String>, hint: impl Into<String>) {
        self.problems.push(Problem {
            path,
            message: message.into(),
            hint: hint.into(),
        });
    }

    /// Text a reader sees: present, and free of control and invisible characters.
    fn text(&mut self, path: Path, value: &str) {
        if value.trim().is_empty() {
            self.report(
                path,
                "is empty",
                "Write the text, or remove the field if it is optional.",
            );
        } else if let Some(c) = value.chars().find(|c| c.is_control() && *c != '\n') {
            self.report(
                path,
                format!("contains the control character U+{:04X}", c as u32),
                "Delete the character; it is invisible and breaks display.",
            );
        } else if let Some(c) = value.chars().find(|c| is_invisible_or_bidi(*c)) {
            self.report(
                path,
                format!(
                    "contains the invisible or direction-changing character U+{:04X}",
                    c as u32
                ),
                "Delete the character; it can make text read differently from how it displays.",
            );
        }
    }

    fn number(&mut self, path: Path, value: f64) {
        if !value.is_finite() || value < 0.0 {
            self.report(
                path,
                format!("{} is not a count", number_text(value)),
                "Use a number of 0 or more.",
            );
        }
    }
}

/// Runs every rule except the verbatim check. `now` rejects dates in the future; pass `None`
/// where no clock is trusted.
pub fn check(sheet: &Sheet, now: Option<Moment>) -> Vec<Problem> {
    let mut c = Checker {
        sheet,
        now,
        problems: Vec::new(),
    };
    check_ids(&mut c);
    check_story_and_sources(&mut c);
    check_parties(&mut c);
    check_figures(&mut c);
    check_claims(&mut c);
    check_conflicts(&mut c);
    check_statuses(&mut c);
    c.problems
}

fn check_ids(c: &mut Checker) {
    let s = c.sheet;
    let mut all: Vec<(Path, &str)> = Vec::new();
    all.extend(s.sources.iter().enumerate().map(|(i, x)| {
        (
            Path::root().key("sources").index(i).key("id"),
            x.id.as_str(),
        )
    }));
    all.extend(s.parties.iter().enumerate().map(|(i, x)| {
        (
            Path::root().key("parties").index(i).key("id"),
            x.id.as_str(),
        )
    }));
    all.extend(s.figures.iter().enumerate().map(|(i, x)| {
        (
            Path::root().key("figures").index(i).key("id"),
            x.id.as_str(),
        )
    }));
    all.extend(
        s.claims
            .iter()
            .enumerate()
            .map(|(i, x)| (Path::root().key("claims").index(i).key("id"), x.id.as_str())),
    );
    all.extend(s.conflicts.iter().enumerate().map(|(i, x)| {
        (
            Path::root().key("conflicts").index(i).key("id"),
            x.id.as_str(),
        )
    }));
    let mut seen: HashMap<&str, Path> = HashMap::new();
    for (path, id) in all {
        let well_formed = !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !well_formed {
            c.report(
                path,
                format!("id {:?} is not made of a-z, 0-9 and -", id),
                "Ids become page anchors: use lower-case letters, digits and hyphens only, e.g. \"dead-per-nis\".",
            );
            continue;
        }
        if let Some(first) = seen.get(id) {
            let message = format!("id \"{id}\" is already used at {first}");
            c.report(
                path,
                message,
                "Give each source, party, figure, claim and conflict its own id.",
            );
        } else {
            seen.insert(id, path);
        }
    }
}

fn check_story_and_sources(c: &mut Checker) {
    let story = &c.sheet.story;
    let at = Path::root().key("story");
    c.text(at.key("headline"), &story.headline);
    c.text(at.key("summary"), &story.summary);
    c.text(at.key("place"), &story.place);
    let from = partial_date(c, at.key("dates").key("from"), &story.dates.from);
    let to = partial_date(c, at.key("dates").key("to"), &story.dates.to);
    if let (Some(from), Some(to)) = (from, to) {
        if from.first_day() > to.first_day() {
            c.report(
                at.key("dates"),
                "starts after it ends",
                "Swap `from` and `to`.",
            );
        }
    }

    for (i, source) in c.sheet.sources.iter().enumerate() {
        let at = Path::root().key("sources").index(i);
        c.text(at.key("outlet"), &source.outlet);
        c.text(at.key("title"), &source.title);
        c.text(at.key("archive_file"), &source.archive_file);
        if let Some(short) = &source.short_name {
            c.text(at.key("short_name"), short);
        }
        if let Some(byline) = &source.byline {
            c.text(at.key("byline"), byline);
        }
        if let Some(url) = &source.url {
            check_url(c, at.key("url"), url);
        }
        match &source.dated {
            Dated::Stated(date) => {
                c.text(
                    at.key("dated").key("stated").key("as_written"),
                    &date.as_written,
                );
                let path = at.key("dated").key("stated").key("at");
                match parse_moment(&date.at) {
                    None => c.report(
                        path,
                        format!("{:?} is not a date", date.at),
                        "Write YYYY-MM-DD or YYYY-MM-DDTHH:MM±HH:MM, e.g. \"2025-01-12T23:08-05:00\".",
                    ),
                    Some(moment) if c.now.is_some_and(|now| moment.0 > now.0 + 24 * 60) => c.report(
                        path,
                        format!("{} is in the future", date.at),
                        "A report cannot be dated after today: check the year.",
                    ),
                    Some(_) => {}
                }
            }
            Dated::NotStated { note: Some(note) } => {
                c.text(at.key("dated").key("not_stated").key("note"), note);
            }
            Dated::NotStated { note: None } => {}
        }
    }
}

fn partial_date(c: &mut Checker, path: Path, text: &str) -> Option<PartialDate> {
    let date = PartialDate::parse(text);
    if date.is_none() {
        c.report(
            path,
            format!("{text:?} is not a calendar date"),
            "Write YYYY, YYYY-MM or YYYY-MM-DD, with a day the month has.",
        );
    }
    date
}

fn check_url(c: &mut Checker, path: Path, url: &str) {
    let lower = url.to_ascii_lowercase();
    let tricky = url
        .chars()
        .any(|ch| ch.is_whitespace() || ch.is_control() || is_invisible_or_bidi(ch));
    if tricky {
        c.report(
            path,
            "the link contains spaces or invisible characters",
            "Paste the link again from the address bar.",
        );
    } else if !(lower.starts_with("https://") || lower.starts_with("http://")) || url.len() < 10 {
        c.report(
            path,
            format!("{url:?} is not an http(s) link"),
            "Only http:// and https:// links are allowed; leave `url` out if the source gives none.",
        );
    }
}

fn check_parties(c: &mut Checker) {
    let sheet = c.sheet;
    for (i, party) in sheet.parties.iter().enumerate() {
        let at = Path::root().key("parties").index(i);
        c.text(at.key("name"), &party.name);
        for (j, alias) in party.aliases.iter().enumerate() {
            c.text(at.key("aliases").index(j), alias);
        }
        if let Some(parent) = &party.part_of {
            if !sheet.parties.iter().any(|p| &p.id == parent) {
                dangling(c, at.key("part_of"), parent, "party", "parties");
            }
        }
        // Walking up `part_of` must reach a top within as many steps as there are parties.
        let mut current = party;
        for _ in 0..=sheet.parties.len() {
            match current
                .part_of
                .as_ref()
                .and_then(|p| sheet.parties.iter().find(|x| &x.id == p))
            {
                Some(parent) if parent.id == party.id => {
                    c.report(
                        at.key("part_of"),
                        format!("\"{}\" is part of itself through `part_of`", party.id),
                        "Remove one `part_of` so that the chain ends at a party with none.",
                    );
                    break;
                }
                Some(parent) => current = parent,
                None => break,
            }
        }
    }
}

fn dangling(c: &mut Checker, path: Path, id: &str, what: &str, list: &str) {
    c.report(
        path,
        format!("refers to {what} \"{id}\", which the sheet does not have"),
        format!("Use the id of one of the sheet's {list}, or add it there."),
    );
}

fn check_party_refs(c: &mut Checker, at: &Path, key: &'static str, ids: &[String]) {
    for (j, id) in ids.iter().enumerate() {
        if !c.sheet.parties.iter().any(|p| &p.id == id) {
            dangling(c, at.key(key).index(j), id, "party", "parties");
        }
    }
}

fn check_citations(c: &mut Checker, at: &Path, citations: &[Citation]) {
    if citations.is_empty() {
        c.report(
            at.key("citations"),
            "has no citation",
            "Cite at least one source's words.",
        );
    }
    for (j, citation) in citations.iter().enumerate() {
        let at = at.key("citations").index(j);
        c.text(at.key("quote"), &citation.quote);
        if !c.sheet.sources.iter().any(|s| s.id == citation.source) {
            dangling(c, at.key("source"), &citation.source, "source", "sources");
        }
        if let Some(via) = &citation.via {
            if !c.sheet.parties.iter().any(|p| &p.id == via) {
                dangling(c, at.key("via"), via, "party", "parties");
            }
        }
        if let Some(qualifier) = &citation.qualifier {
            c.text(at.key("qualifier"), qualifier);
            if !normalise(&citation.quote)
                .to_lowercase()
                .contains(&normalise(qualifier).to_lowercase())
            {
                c.report(
                    at.key("qualifier"),
                    format!("{qualifier:?} is not in the quote"),
                    "Copy the qualifier exactly as the quote words it, or widen the quote.",
                );
            }
        }
    }
}

fn check_figures(c: &mut Checker) {
    for (i, figure) in c.sheet.figures.iter().enumerate() {
        let at = Path::root().key("figures").index(i);
        c.text(at.key("label"), &figure.label);
        c.text(at.key("unit"), &figure.unit);
        if figure.claimants.is_empty() {
            c.report(
                at.key("claimants"),
                "names nobody",
                "Name the party who states the figure.",
            );
        }
        check_party_refs(c, &at, "claimants", &figure.claimants);
        check_citations(c, &at, &figure.citations);
        check_value(c, &at.key("value"), &figure.value, &figure.citations);
        check_as_of(c, &at, &figure.as_of, &figure.citations);
    }
}

fn check_value(c: &mut Checker, at: &Path, value: &Value, citations: &[Citation]) {
    let written = value.written();
    c.text(at.key("written"), written);
    let expected = match value {
        Value::Exact { number, .. } | Value::Approximate { number, .. } => {
            c.number(at.key("number"), *number);
            Some(*number)
        }
        Value::Range { min, max, .. } => {
            c.number(at.key("min"), *min);
            c.number(at.key("max"), *max);
            if min > max {
                c.report(at.key("min"), "is larger than max", "Swap min and max.");
            }
            None
        }
        Value::Vague { reading, .. } => {
            if let Some(r) = reading {
                let r_at = at.key("reading");
                c.number(r_at.key("min"), r.min);
                c.number(r_at.key("max"), r.max);
                if r.min > r.max {
                    c.report(r_at.key("min"), "is larger than max", "Swap min and max.");
                }
                c.text(r_at.key("basis"), &r.basis);
            }
            None
        }
    };
    if let (Some(expected), Some(read)) = (expected, read_number(written)) {
        if (expected - read).abs() > f64::EPSILON {
            c.report(
                at.key("number"),
                format!(
                    "is {}, but the text writes {written:?}, which is {}",
                    number_text(expected),
                    number_text(read)
                ),
                "Make `number` match the words as written, or fix `written`.",
            );
        }
    }
    let lower = normalise(written).to_lowercase();
    let in_a_quote = citations
        .iter()
        .any(|q| normalise(&q.quote).to_lowercase().contains(&lower));
    if !written.trim().is_empty() && !citations.is_empty() && !in_a_quote {
        c.report(
            at.key("written"),
            format!("{written:?} appears in none of the figure's quotes"),
            "Write the number exactly as the source prints it (\"12,000\", \"several hundred\"), or cite the sentence that has it.",
        );
    }
}

/// The latest moment each cited source could speak for, where it states its date.
fn source_moments(sheet: &Sheet, citations: &[Citation]) -> Vec<(String, Moment)> {
    let mut out: Vec<(String, Moment)> = Vec::new();
    for citation in citations {
        let Some(source) = sheet.sources.iter().find(|s| s.id == citation.source) else {
            continue;
        };
        if let Dated::Stated(date) = &source.dated {
            if let Some(m) = parse_moment(&date.at) {
                if !out.iter().any(|(id, _)| id == &source.id) {
                    out.push((source.id.clone(), m));
                }
            }
        }
    }
    out
}

fn check_as_of(c: &mut Checker, at: &Path, as_of: &AsOf, citations: &[Citation]) {
    let at = at.key("as_of");
    // The day the figure applies to, and the offset it is counted in (defaulting to the
    // earliest time zone, so an undated place is never wrongly rejected).
    let mut start: Option<(PartialDate, i64, Path)> = None;
    match as_of {
        AsOf::Exact {
            as_written,
            date,
            basis,
        } => {
            c.text(at.key("as_written"), as_written);
            if let Some(b) = basis {
                c.text(at.key("basis"), b);
            }
            match PartialDate::parse(date).filter(|d| d.day.is_some()) {
                Some(d) => start = Some((d, 14 * 60, at.key("date"))),
                None => c.report(
                    at.key("date"),
                    format!("{date:?} is not a day"),
                    "Write YYYY-MM-DD.",
                ),
            }
        }
        AsOf::Approximate {
            as_written,
            period,
            basis,
        } => {
            c.text(at.key("as_written"), as_written);
            if let Some(b) = basis {
                c.text(at.key("basis"), b);
            }
            if let Some(d) = partial_date(c, at.key("period"), period) {
                start = Some((d, 14 * 60, at.key("period")));
            }
        }
        AsOf::Relative {
            as_written,
            resolved,
            utc_offset,
            basis,
        } => {
            c.text(at.key("as_written"), as_written);
            c.text(at.key("basis"), basis);
            let offset = match utc_offset {
                Some(o) => parse_offset(o).or_else(|| {
                    c.report(
                        at.key("utc_offset"),
                        format!("{o:?} is not a UTC offset"),
                        "Write it as +HH:MM or -HH:MM, e.g. \"+09:00\".",
                    );
                    None
                }),
                None => Some(14 * 60),
            };
            if let Some(r) = resolved {
                match PartialDate::parse(r).filter(|d| d.day.is_some()) {
                    None => c.report(
                        at.key("resolved"),
                        format!("{r:?} is not a day"),
                        "Write YYYY-MM-DD.",
                    ),
                    Some(d) => {
                        let lower = as_written.to_lowercase();
                        let named = WEEKDAYS.iter().find(|w| lower.contains(*w));
                        if let (Some(named), Some(actual)) = (named, d.weekday()) {
                            if named != &actual {
                                c.report(
                                    at.key("resolved"),
                                    format!("{r} is a {actual}, but the text says {as_written:?}"),
                                    "Count the days again from the source's date line.",
                                );
                            }
                        }
                        if let Some(offset) = offset {
                            start = Some((d, offset, at.key("resolved")));
                        }
                    }
                }
            }
        }
        AsOf::NotStated => {}
    }
    let Some((date, offset, path)) = start else {
        return;
    };
    let begins = date.start(offset);
    for (source, moment) in source_moments(c.sheet, citations) {
        if begins > moment {
            c.report(
                path.clone(),
                format!("is later than the date line of source \"{source}\""),
                "A source cannot report a figure as of a day after it was published: check the date and the year.",
            );
        }
    }
    if c.now.is_some_and(|now| begins > now) {
        c.report(path, "is in the future", "Check the year.");
    }
}

fn check_claims(c: &mut Checker) {
    let sheet = c.sheet;
    let is_item = |id: &str| {
        sheet.figures.iter().any(|f| f.id == id) || sheet.claims.iter().any(|c| c.id == id)
    };
    for (i, claim) in sheet.claims.iter().enumerate() {
        let at = Path::root().key("claims").index(i);
        c.text(at.key("summary"), &claim.summary);
        if claim.claimants.is_empty() {
            c.report(
                at.key("claimants"),
                "names nobody",
                "Name the party who makes the claim.",
            );
        }
        check_party_refs(c, &at, "claimants", &claim.claimants);
        check_party_refs(c, &at, "silent_parties", &claim.silent_parties);
        check_citations(c, &at, &claim.citations);
        for (j, about) in claim.about.iter().enumerate() {
            if about == &claim.id {
                c.report(
                    at.key("about").index(j),
                    "points at the claim itself",
                    "List the figures or claims it is about.",
                );
            } else if !is_item(about) {
                dangling(
                    c,
                    at.key("about").index(j),
                    about,
                    "figure or claim",
                    "figures or claims",
                );
            }
        }
        let notice = matches!(
            claim.kind,
            ClaimKind::CouldNotVerify | ClaimKind::NotAcknowledged
        );
        if notice && claim.about.is_empty() {
            c.report(
                at.key("about"),
                "is empty",
                "Say which figures or claims the notice is about.",
            );
        }
        if claim.kind == ClaimKind::NotAcknowledged && claim.silent_parties.is_empty() {
            c.report(
                at.key("silent_parties"),
                "is empty",
                "Name the parties who have not acknowledged it.",
            );
        }
    }
}

fn check_conflicts(c: &mut Checker) {
    let sheet = c.sheet;
    for (i, conflict) in sheet.conflicts.iter().enumerate() {
        let at = Path::root().key("conflicts").index(i);
        c.text(at.key("title"), &conflict.title);
        c.text(at.key("explanation"), &conflict.explanation);
        if conflict.items.len() < 2 {
            c.report(
                at.key("items"),
                "needs at least two items to disagree",
                "List every figure or claim in the disagreement.",
            );
        }
        for (j, id) in conflict.items.iter().enumerate() {
            let known = sheet.figures.iter().any(|f| &f.id == id)
                || sheet.claims.iter().any(|c| &c.id == id);
            if !known {
                dangling(
                    c,
                    at.key("items").index(j),
                    id,
                    "figure or claim",
                    "figures or claims",
                );
            }
        }
    }
}

fn check_statuses(c: &mut Checker) {
    let sheet = c.sheet;
    for item in items(sheet) {
        let declared = item.declared();
        let assessment = assess(sheet, item);
        if assessment.status != declared {
            let (list, index) = match item {
                Item::Figure(f) => ("figures", sheet.figures.iter().position(|x| x.id == f.id)),
                Item::Claim(cl) => ("claims", sheet.claims.iter().position(|x| x.id == cl.id)),
            };
            let path = Path::root()
                .key(list)
                .index(index.unwrap_or(0))
                .key("status");
            c.report(
                path,
                format!(
                    "says \"{}\", but the evidence makes it \"{}\": {}",
                    declared.key(),
                    assessment.status.key(),
                    assessment.why()
                ),
                format!(
                    "Set status to \"{}\", or add the evidence that supports \"{}\".",
                    assessment.status.key(),
                    declared.key()
                ),
            );
        }
    }
}

/// The verbatim check: every quote must appear in its source's full text, after folding
/// typographic quotes, dashes and whitespace. `full_text` returns a source's text by its
/// `archive_file`, or an error saying why it cannot.
pub fn check_quotes(
    sheet: &Sheet,
    full_text: &dyn Fn(&str) -> Result<String, String>,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut texts: HashMap<&str, Result<String, String>> = HashMap::new();
    for (i, source) in sheet.sources.iter().enumerate() {
        let text = full_text(&source.archive_file);
        if let Err(why) = &text {
            problems.push(Problem {
                path: Path::root().key("sources").index(i).key("archive_file"),
                message: format!("the full text of \"{}\" cannot be read: {why}", source.id),
                hint: "Put the source's text in the sources folder under this file name.".into(),
            });
        }
        texts.insert(source.id.as_str(), text);
    }
    let lists = [
        (
            "figures",
            sheet
                .figures
                .iter()
                .map(|f| &f.citations)
                .collect::<Vec<_>>(),
        ),
        (
            "claims",
            sheet.claims.iter().map(|c| &c.citations).collect(),
        ),
    ];
    for (list, all) in lists {
        for (i, citations) in all.into_iter().enumerate() {
            for (j, citation) in citations.iter().enumerate() {
                let Some(Ok(text)) = texts.get(citation.source.as_str()) else {
                    continue;
                };
                if !contains_normalised(text, &citation.quote) {
                    problems.push(Problem {
                        path: Path::root().key(list).index(i).key("citations").index(j).key("quote"),
                        message: format!("is not in the text of source \"{}\"", citation.source),
                        hint: "Copy the excerpt exactly from the source (quotes, dashes and spacing may differ; words may not).".into(),
                    });
                }
            }
        }
    }
    problems
}
