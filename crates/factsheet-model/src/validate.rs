//! Validation: every rule a sheet must pass before it ships, each problem with its JSON path
//! and a hint. All problems are collected, never just the first.
//!
//! The same code runs at build time (`cargo xtask verify`) and in the widget for sheets loaded
//! by URL. Only the verbatim check needs the sources' full texts, so it is separate:
//! [`check_quotes`].

mod items;
mod quotes;
mod sources;
mod support;

use std::collections::HashMap;

use crate::date::{Moment, PartialDate};
use crate::path::Path;
use crate::sheet::{Proposal, Sheet, Status};
use crate::status::{assess, items, join_names, missing_evidence, Item};
use crate::text::{is_invisible_or_bidi, number_text, NumberText};

pub use crate::problem::Problem;
pub use quotes::check_quotes;

struct Checker<'a> {
    sheet: &'a Sheet,
    now: Option<Moment>,
    numbers: &'a dyn NumberText,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn report(&mut self, path: Path, message: impl Into<String>, hint: impl Into<String>) {
        self.problems
            .push(Problem::new(path, message.into(), hint.into()));
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
                format!("{} is not a count", number_text(value, self.numbers)),
                "Use a number of 0 or more.",
            );
        }
    }
}

/// Each item of the sheet's list `name`, with its path.
fn each<'s, T>(name: &'static str, list: &'s [T]) -> impl Iterator<Item = (Path, &'s T)> {
    let at = Path::root().key(name);
    list.iter().enumerate().map(move |(i, x)| (at.index(i), x))
}

/// Runs every rule except the verbatim check. `now` rejects dates in the future; pass `None`
/// where no clock is trusted. `numbers` writes non-whole numbers in messages.
pub fn check(sheet: &Sheet, now: Option<Moment>, numbers: &dyn NumberText) -> Vec<Problem> {
    let mut c = Checker {
        sheet,
        now,
        numbers,
        problems: Vec::new(),
    };
    check_ids(&mut c);
    sources::check_story_and_sources(&mut c);
    sources::check_parties(&mut c);
    sources::check_credits(&mut c);
    sources::check_reviews(&mut c);
    items::check_figures(&mut c);
    items::check_claims(&mut c);
    items::check_conflicts(&mut c);
    check_statuses(&mut c);
    check_proposals(&mut c);
    c.problems
}

/// Nothing an extractor proposed reaches a reader before an editor accepts it: one problem
/// per item that still carries its `proposal`, saying why it was proposed.
fn check_proposals(c: &mut Checker) {
    let s = c.sheet;
    proposal(c, Path::root().key("story"), s.story.proposal.as_ref());
    for (at, x) in each("sources", &s.sources) {
        proposal(c, at, x.proposal.as_ref());
    }
    for (at, x) in each("parties", &s.parties) {
        proposal(c, at, x.proposal.as_ref());
    }
    for (at, x) in each("figures", &s.figures) {
        proposal(c, at, x.proposal.as_ref());
    }
    for (at, x) in each("claims", &s.claims) {
        proposal(c, at, x.proposal.as_ref());
    }
    for (at, x) in each("conflicts", &s.conflicts) {
        proposal(c, at, x.proposal.as_ref());
    }
}

fn proposal(c: &mut Checker, at: Path, proposal: Option<&Proposal>) {
    if let Some(p) = proposal {
        c.report(
            at.key("proposal"),
            format!(
                "is still a proposal (confidence {}: {})",
                number_text(p.confidence, c.numbers),
                p.reason
            ),
            "Check the item against its sources and correct it, then delete `proposal`: a sheet with proposals does not ship.",
        );
    }
}

fn check_ids(c: &mut Checker) {
    let s = c.sheet;
    let mut all: Vec<(Path, &str)> = Vec::new();
    all.extend(each("sources", &s.sources).map(|(at, x)| (at.key("id"), x.id.as_str())));
    all.extend(each("parties", &s.parties).map(|(at, x)| (at.key("id"), x.id.as_str())));
    all.extend(each("figures", &s.figures).map(|(at, x)| (at.key("id"), x.id.as_str())));
    all.extend(each("claims", &s.claims).map(|(at, x)| (at.key("id"), x.id.as_str())));
    all.extend(each("conflicts", &s.conflicts).map(|(at, x)| (at.key("id"), x.id.as_str())));
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

/// `["a", "b"]`, as the file writes a status list.
fn status_list(statuses: &[Status]) -> String {
    let keys: Vec<String> = statuses
        .iter()
        .map(|s| format!("\"{}\"", s.key()))
        .collect();
    format!("[{}]", keys.join(", "))
}

/// The declared statuses must be exactly the derived ones (in any order, each once).
fn check_statuses(c: &mut Checker) {
    let sheet = c.sheet;
    for item in items(sheet) {
        let declared = item.declared();
        let (list, index) = match item {
            Item::Figure(f) => ("figures", sheet.figures.iter().position(|x| x.id == f.id)),
            Item::Claim(cl) => ("claims", sheet.claims.iter().position(|x| x.id == cl.id)),
        };
        let path = Path::root()
            .key(list)
            .index(index.unwrap_or(0))
            .key("status");
        if let Some((j, twice)) = declared
            .iter()
            .enumerate()
            .find(|(j, s)| declared[..*j].contains(s))
        {
            c.report(
                path.index(j),
                format!("lists \"{}\" twice", twice.key()),
                "List each status once.",
            );
            continue;
        }
        let assessment = assess(sheet, item);
        let derived = &assessment.statuses;
        let missing: Vec<Status> = derived
            .iter()
            .filter(|s| !declared.contains(s))
            .copied()
            .collect();
        let extra: Vec<Status> = declared
            .iter()
            .filter(|s| !derived.contains(s))
            .copied()
            .collect();
        if missing.is_empty() && extra.is_empty() {
            continue;
        }
        let mut evidence: Vec<String> = Vec::new();
        for status in &extra {
            evidence.push(format!(
                "not \"{}\": {}",
                status.key(),
                missing_evidence(sheet, item, *status)
            ));
        }
        for status in &missing {
            if let Some(why) = assessment.reason(*status) {
                evidence.push(format!("\"{}\": {why}", status.key()));
            }
        }
        let mut fix: Vec<String> = Vec::new();
        if !missing.is_empty() {
            fix.push(format!("declare {}", quoted_keys(&missing)));
        }
        if !extra.is_empty() {
            fix.push(format!("remove {}", quoted_keys(&extra)));
        }
        c.report(
            path,
            format!(
                "{} \"{}\" declares {}, but the evidence gives {}; {}",
                item.noun(),
                item.id(),
                status_list(declared),
                status_list(derived),
                evidence.join("; ")
            ),
            format!(
                "Set \"status\": {} ({}), or add the evidence the rule asks for.",
                status_list(derived),
                fix.join(" and ")
            ),
        );
    }
}

/// "`corroborated` and `disputed`".
fn quoted_keys(statuses: &[Status]) -> String {
    let keys: Vec<String> = statuses.iter().map(|s| format!("`{}`", s.key())).collect();
    let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
    join_names(&keys)
}
