//! Figures, claims and conflicts: their citations, values, dates and references.

use super::{check_party_refs, dangling, each, partial_date, support, Checker};
use crate::date::{parse_moment, parse_offset, Moment, PartialDate, WEEKDAYS};
use crate::path::Path;
use crate::sheet::{AsOf, Citation, ClaimKind, Dated, Sheet, Value};
use crate::status::Item;
use crate::text::{normalise, number_text, read_number};

pub(super) fn check_citations(c: &mut Checker, at: &Path, citations: &[Citation]) {
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
        check_party_refs(c, &at, "claimants", &citation.claimants);
        if let Some(as_of) = &citation.as_of {
            check_as_of(c, &at, as_of, std::slice::from_ref(citation));
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

/// Someone states the item, and every claimant is one of the sheet's parties.
fn check_claimants(c: &mut Checker, at: &Path, claimants: &[String], hint: &str) {
    if claimants.is_empty() {
        c.report(at.key("claimants"), "names nobody", hint);
    }
    check_party_refs(c, at, "claimants", claimants);
}

/// The item's claimants are exactly those its citations attribute it to: each citation's own
/// `claimants`, or, where it names none, the item's.
fn check_attributions(c: &mut Checker, at: &Path, item: Item<'_>) {
    let claimants = item.claimants();
    for (j, citation) in item.citations().iter().enumerate() {
        for (k, id) in citation.claimants.iter().enumerate() {
            if !claimants.contains(id) {
                c.report(
                    at.key("citations").index(j).key("claimants").index(k),
                    format!("attributes it to \"{id}\", who is not among the {}'s claimants", item.noun()),
                    format!("Add \"{id}\" to the {}'s `claimants`: they list everyone any outlet attributes it to.", item.noun()),
                );
            }
        }
    }
    let every_citation_narrows =
        !item.citations().is_empty() && item.citations().iter().all(|x| !x.claimants.is_empty());
    if every_citation_narrows {
        for (k, id) in claimants.iter().enumerate() {
            let named = item.citations().iter().any(|x| x.claimants.contains(id));
            // A claimant who is not a party is reported as such; once is enough.
            let known = c.sheet.parties.iter().any(|p| &p.id == id);
            if known && !named {
                c.report(
                    at.key("claimants").index(k),
                    format!("names \"{id}\", but no citation attributes it to them"),
                    "Remove the claimant, or cite the outlet that attributes it to them.",
                );
            }
        }
    }
}

pub(super) fn check_figures(c: &mut Checker) {
    for (at, figure) in each("figures", &c.sheet.figures) {
        c.text(at.key("label"), &figure.label);
        c.text(at.key("unit"), &figure.unit);
        check_claimants(
            c,
            &at,
            &figure.claimants,
            "Name the party who states the figure.",
        );
        check_citations(c, &at, &figure.citations);
        let mut quoted = Vec::new();
        support::add_quoted_words(&mut quoted, &figure.citations);
        let quotes = "the figure's quotes";
        support::check_label_numbers(c, at.key("label"), &figure.label, quotes, &quoted);
        support::check_label_numbers(c, at.key("unit"), &figure.unit, quotes, &quoted);
        check_attributions(c, &at, Item::Figure(figure));
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
                    number_text(expected, c.numbers),
                    number_text(read, c.numbers)
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

/// The date as the text words it, and how the editor read it, when they say.
fn words_and_basis(c: &mut Checker, at: &Path, as_written: &str, basis: Option<&str>) {
    c.text(at.key("as_written"), as_written);
    if let Some(basis) = basis {
        c.text(at.key("basis"), basis);
    }
}

pub(super) fn check_as_of(c: &mut Checker, at: &Path, as_of: &AsOf, citations: &[Citation]) {
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
            words_and_basis(c, &at, as_written, basis.as_deref());
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
            words_and_basis(c, &at, as_written, basis.as_deref());
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
            words_and_basis(c, &at, as_written, Some(basis));
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

pub(super) fn check_claims(c: &mut Checker) {
    let sheet = c.sheet;
    let is_item = |id: &str| {
        sheet.figures.iter().any(|f| f.id == id) || sheet.claims.iter().any(|c| c.id == id)
    };
    for (at, claim) in each("claims", &sheet.claims) {
        c.text(at.key("summary"), &claim.summary);
        check_claimants(
            c,
            &at,
            &claim.claimants,
            "Name the party who makes the claim.",
        );
        check_party_refs(c, &at, "silent_parties", &claim.silent_parties);
        check_citations(c, &at, &claim.citations);
        let (summary, citations) = (&claim.summary, &claim.citations);
        let words = ("summary", summary.as_str());
        support::check_summary_words(c, at.key("summary"), words, "the claim's", citations);
        check_attributions(c, &at, Item::Claim(claim));
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

/// `Some(true)` for a figure's id, `Some(false)` for a claim's, `None` for neither.
fn is_figure(sheet: &Sheet, id: &str) -> Option<bool> {
    if sheet.figures.iter().any(|f| f.id == id) {
        Some(true)
    } else if sheet.claims.iter().any(|c| c.id == id) {
        Some(false)
    } else {
        None
    }
}

pub(super) fn check_conflicts(c: &mut Checker) {
    let sheet = c.sheet;
    for (at, conflict) in each("conflicts", &sheet.conflicts) {
        c.text(at.key("title"), &conflict.title);
        if conflict.items.len() < 2 {
            c.report(
                at.key("items"),
                "needs at least two items to disagree",
                "List every figure or claim in the disagreement.",
            );
        }
        let mut quoted = Vec::new();
        for id in &conflict.items {
            let figure = sheet.figures.iter().find(|f| &f.id == id);
            let claim = sheet.claims.iter().find(|x| &x.id == id);
            let citations = figure.map(|f| &f.citations).or(claim.map(|x| &x.citations));
            support::add_quoted_words(&mut quoted, citations.map_or(&[], |x| x));
        }
        let quotes = "the quotes of its items";
        support::check_label_numbers(c, at.key("title"), &conflict.title, quotes, &quoted);
        let first_is_figure = conflict.items.iter().find_map(|id| is_figure(sheet, id));
        for (j, id) in conflict.items.iter().enumerate() {
            let figure = is_figure(sheet, id);
            if figure.is_some() && first_is_figure.is_some() && figure != first_is_figure {
                c.report(
                    at.key("items").index(j),
                    format!("mixes figures and claims: \"{id}\" is not a {}", if first_is_figure == Some(true) { "figure" } else { "claim" }),
                    "A conflict groups figures that count the same thing, or claims about the same event: put the others in a conflict of their own.",
                );
            }
            if figure.is_none() {
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
