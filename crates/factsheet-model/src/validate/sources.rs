//! The story, its sources and the parties: text a reader sees, dates, links, and `part_of`.

use super::{dangling, each, items, partial_date, support, Checker};
use crate::date::{parse_moment, PartialDate};
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
    let citations = &summary.citations;
    let whose = "the summary's";
    let words = ("summary", summary.text.as_str());
    support::check_summary_words(c, at.key("text"), words, whose, citations);
    // The headline tells the story in fewer words: the summary's quotes must back it too.
    let headline = ("headline", c.sheet.story.headline.as_str());
    let headline_at = Path::root().key("story").key("headline");
    support::check_summary_words(c, headline_at, headline, whose, citations);
}

/// Who made the sheet: text a reader sees, a real day not in the future, and a corrections
/// contact a reader can use.
pub(super) fn check_credits(c: &mut Checker) {
    let Some(credits) = &c.sheet.credits else {
        return;
    };
    let at = Path::root().key("credits");
    if let Some(by) = &credits.compiled_by {
        c.text(at.key("compiled_by"), by);
    }
    if let Some(updated) = &credits.updated {
        let path = at.key("updated");
        match PartialDate::parse(updated).filter(|d| d.day.is_some()) {
            None => c.report(
                path,
                format!("{updated:?} is not a day"),
                "Write the day the sheet was last checked as YYYY-MM-DD.",
            ),
            // The earliest time zone: a day that has begun anywhere is not in the future.
            Some(day) if c.now.is_some_and(|now| day.start(14 * 60) > now) => c.report(
                path,
                format!("{updated} is in the future"),
                "Write the day the sheet was last checked, not a later one: check the year.",
            ),
            Some(_) => {}
        }
    }
    if let Some(contact) = &credits.corrections {
        let path = at.key("corrections");
        let tricky = contact
            .chars()
            .any(|ch| ch.is_whitespace() || ch.is_control() || is_invisible_or_bidi(ch));
        if tricky {
            c.report(
                path,
                "the contact contains spaces or invisible characters",
                "Paste the address or link again.",
            );
        } else if !(is_email(contact) || is_https_link(contact)) {
            c.report(
                path,
                format!("{contact:?} is neither an email address nor an https:// link"),
                "Give an address such as corrections@example.org, or a page starting with https://.",
            );
        }
    }
}

/// Fact-check verdicts: a verdict and a reviewer a reader can read, a real day not in the
/// future, a real link.
pub(super) fn check_reviews(c: &mut Checker) {
    let sheet = c.sheet;
    let figures = each("figures", &sheet.figures).map(|(at, f)| (at, f.review.as_ref()));
    let claims = each("claims", &sheet.claims).map(|(at, cl)| (at, cl.review.as_ref()));
    for (at, review) in figures.chain(claims) {
        let Some(review) = review else {
            continue;
        };
        let at = at.key("review");
        c.text(at.key("verdict"), &review.verdict);
        c.text(at.key("reviewer"), &review.reviewer);
        if let Some(date) = &review.date {
            let path = at.key("date");
            match PartialDate::parse(date).filter(|d| d.day.is_some()) {
                None => c.report(
                    path,
                    format!("{date:?} is not a day"),
                    "Write the day the review was published as YYYY-MM-DD, or leave `date` out.",
                ),
                Some(day) if c.now.is_some_and(|now| day.start(14 * 60) > now) => c.report(
                    path,
                    format!("{date} is in the future"),
                    "Write the day the review was published, not a later one: check the year.",
                ),
                Some(_) => {}
            }
        }
        if let Some(url) = &review.url {
            check_url(c, at.key("url"), url);
        }
    }
}

/// `name@host.tld`: one `@`, something before it, a dotted host after it.
fn is_email(text: &str) -> bool {
    let Some((name, host)) = text.split_once('@') else {
        return false;
    };
    let host_ok = host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host
            .chars()
            .all(|ch| ch.is_ascii_alphanumeric() || !ch.is_ascii() || ch == '.' || ch == '-');
    !name.is_empty() && !host.contains('@') && host_ok
}

/// A secure link with a host: readers are sent to it.
fn is_https_link(text: &str) -> bool {
    let secure = text
        .get(..8)
        .is_some_and(|scheme| scheme.eq_ignore_ascii_case("https://"));
    let host = text.get(8..).and_then(|rest| rest.split('/').next());
    secure && host.is_some_and(|h| h.contains('.') && !h.starts_with('.') && !h.ends_with('.'))
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

#[cfg(test)]
mod tests {
    use super::{is_email, is_https_link};

    #[test]
    fn a_corrections_contact_is_an_address_or_a_secure_link() {
        for ok in [
            "corrections@example.org",
            "desk.corrections@news.example.co.uk",
        ] {
            assert!(is_email(ok), "{ok}");
        }
        for ok in ["https://example.org/corrections", "HTTPS://example.org"] {
            assert!(is_https_link(ok), "{ok}");
        }
        for bad in [
            "corrections",
            "@example.org",
            "a@b",
            "a@b@example.org",
            "a@.example.org",
            "mailto:",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
        for bad in [
            "http://example.org",
            "https://",
            "https://localhost",
            "javascript:alert(1)",
            "https:/example.org",
        ] {
            assert!(!is_https_link(bad), "{bad}");
        }
    }
}
