//! The story, its sources and the parties: text a reader sees, dates, links, and `part_of`.

use super::{dangling, each, items, partial_date, Checker};
use crate::date::parse_moment;
use crate::path::Path;
use crate::sheet::Dated;
use crate::text::is_invisible_or_bidi;

pub(super) fn check_story_and_sources(c: &mut Checker) {
    let story = &c.sheet.story;
    let at = Path::root().key("story");
    c.text(at.key("headline"), &story.headline);
    check_summary(c, &at.key("summary"));
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

    for (at, source) in each("sources", &c.sheet.sources) {
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

/// The summary is the editor's prose, so it is held to citations like a claim.
fn check_summary(c: &mut Checker, at: &Path) {
    let summary = &c.sheet.story.summary;
    c.text(at.key("text"), &summary.text);
    items::check_citations(c, at, &summary.citations);
    for (j, citation) in summary.citations.iter().enumerate() {
        let at = at.key("citations").index(j);
        if !citation.claimants.is_empty() {
            c.report(
                at.key("claimants"),
                "attributes the summary to someone",
                "Leave `claimants` out: a summary is the sheet's own words, backed by its quotes.",
            );
        }
        if citation.as_of.is_some() {
            c.report(
                at.key("as_of"),
                "dates a citation of the summary",
                "Give the date once, as the summary's `as_of`.",
            );
        }
    }
    if let Some(as_of) = &summary.as_of {
        items::check_as_of(c, at, as_of, &summary.citations);
    }
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

pub(super) fn check_parties(c: &mut Checker) {
    let sheet = c.sheet;
    for (at, party) in each("parties", &sheet.parties) {
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
