//! schema.org structured data for every figure and claim, built into the pages' JSON-LD.
//!
//! A `ClaimReview` is a fact-check verdict, and readers of it (Google's Fact Check Explorer,
//! aggregators) expect one per claim by a named reviewer. So an item is a `ClaimReview` only
//! where its sheet gives a published verdict and its reviewer (`review`); every other item
//! is a schema.org `Claim` with its authors (the claimants) and appearances (the sources).
//! The sheet's statuses are checked against the evidence, but they are not verdicts, and are
//! not published as such. Only what the sheet states goes in: no review author, URL or date
//! is made up.
//!
//! Build time only, so serde_json stays out of the widget. `tests/fuzz_load.rs` and
//! `tests/e2e_hostile.rs` include this file with `#[path]` to exercise it on every sheet they
//! make.

use serde_json::{json, Value as Json};

use factsheet::model::status::{items, party, party_name, source, Item};
use factsheet::model::{Dated, PartyKind, Sheet, Value};

fn claimed_text(item: Item<'_>) -> String {
    match item {
        Item::Figure(f) => {
            let hedge = f.citations.iter().find_map(|c| c.qualifier.clone());
            let number = match &f.value {
                Value::Vague { written, .. } => written.clone(),
                v => v.written().to_string(),
            };
            match hedge {
                Some(h) => format!("{}: {} {} {}", f.label, h, number, f.unit),
                None => format!("{}: {} {}", f.label, number, f.unit),
            }
        }
        Item::Claim(c) => c.summary.clone(),
    }
}

/// The item as a schema.org `Claim`: what is claimed, by whom, and where it appeared.
fn claim(sheet: &Sheet, item: Item<'_>) -> Json {
    let authors: Vec<Json> = item
        .claimants()
        .iter()
        .map(|id| {
            let kind = match party(sheet, id).map(|p| p.kind) {
                Some(PartyKind::Person | PartyKind::Leader | PartyKind::Lawmaker) => "Person",
                _ => "Organization",
            };
            json!({ "@type": kind, "name": party_name(sheet, id) })
        })
        .collect();
    let appearances: Vec<Json> = item
        .citations()
        .iter()
        .filter_map(|c| source(sheet, &c.source))
        .map(|s| {
            let mut work = json!({
                "@type": "CreativeWork",
                "headline": s.title,
                "publisher": { "@type": "Organization", "name": s.outlet },
            });
            if let Dated::Stated(d) = &s.dated {
                work["dateModified"] = json!(d.at);
            }
            if let Some(url) = &s.url {
                work["url"] = json!(url);
            }
            work
        })
        .collect();
    json!({
        "@type": "Claim",
        "text": claimed_text(item),
        "author": authors,
        "appearance": appearances,
    })
}

/// The item's node: a `ClaimReview` of its `Claim` where the sheet gives a verdict and its
/// reviewer, else the `Claim` alone.
fn node(sheet: &Sheet, item: Item<'_>) -> Json {
    let review = match item {
        Item::Figure(f) => f.review.as_ref(),
        Item::Claim(c) => c.review.as_ref(),
    };
    let mut claim = claim(sheet, item);
    let Some(review) = review else {
        return claim;
    };
    let text = claim["text"].take();
    if let Some(fields) = claim.as_object_mut() {
        fields.remove("text");
    }
    let mut node = json!({
        "@type": "ClaimReview",
        "claimReviewed": text,
        "itemReviewed": claim,
        "author": { "@type": "Organization", "name": review.reviewer },
        "reviewRating": { "@type": "Rating", "alternateName": review.verdict },
    });
    if let Some(date) = &review.date {
        node["datePublished"] = json!(date);
    }
    if let Some(url) = &review.url {
        node["url"] = json!(url);
    }
    node
}

/// The sheet's JSON-LD: a graph of one node per figure and claim.
pub fn structured_data(sheet: &Sheet) -> Json {
    json!({
        "@context": "https://schema.org",
        "@graph": items(sheet).map(|item| node(sheet, item)).collect::<Vec<_>>(),
    })
}

/// A complete `<script type="application/ld+json">` element. `<`, `>` and `&` are written as
/// JSON escapes, so no text in the sheet can close the element or open a comment; U+2028 and
/// U+2029 likewise, for older script parsers.
pub fn script_element(sheet: &Sheet) -> String {
    let safe = script_safe(&structured_data(sheet).to_string());
    format!("<script type=\"application/ld+json\">{safe}</script>")
}

/// `json` fit to stand inside a `<script>` element: `<`, `>` and `&` (and U+2028, U+2029)
/// written as JSON escapes, so no text in it can end the element or open a comment.
pub fn script_safe(json: &str) -> String {
    let mut safe = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => safe.push_str("\\u003c"),
            '>' => safe.push_str("\\u003e"),
            '&' => safe.push_str("\\u0026"),
            '\u{2028}' => safe.push_str("\\u2028"),
            '\u{2029}' => safe.push_str("\\u2029"),
            c => safe.push(c),
        }
    }
    safe
}

#[cfg(test)]
mod tests {
    use super::*;
    use factsheet::model::Review;

    #[test]
    fn without_a_verdict_every_item_is_a_claim_with_its_authors_and_appearances() {
        let sheet = factsheet::data::builtin().unwrap();
        let graph = structured_data(&sheet);
        let nodes = graph["@graph"].as_array().unwrap();
        assert_eq!(nodes.len(), sheet.figures.len() + sheet.claims.len());
        assert!(nodes.iter().all(|n| n["@type"] == "Claim"));
        let first = &nodes[0];
        assert!(first["text"]
            .as_str()
            .unwrap()
            .starts_with(&sheet.figures[0].label));
        assert_eq!(first["appearance"][1]["publisher"]["name"], "Bloomberg");
        assert!(first["appearance"][1].get("dateModified").is_none());
        assert!(!graph.to_string().contains("reviewRating"));
    }

    #[test]
    fn a_published_verdict_makes_its_item_a_claim_review_by_its_reviewer() {
        let mut sheet = factsheet::data::builtin().unwrap();
        sheet.claims[0].review = Some(Review {
            verdict: "Misleading".into(),
            reviewer: "A desk".into(),
            date: Some("2025-01-14".into()),
            url: None,
        });
        let graph = structured_data(&sheet);
        let nodes = graph["@graph"].as_array().unwrap();
        let reviews: Vec<&Json> = nodes
            .iter()
            .filter(|n| n["@type"] == "ClaimReview")
            .collect();
        assert_eq!(reviews.len(), 1);
        let review = reviews[0];
        assert_eq!(review["claimReviewed"], json!(sheet.claims[0].summary));
        assert_eq!(review["author"]["name"], "A desk");
        assert_eq!(review["reviewRating"]["alternateName"], "Misleading");
        assert_eq!(review["datePublished"], "2025-01-14");
        assert!(review.get("url").is_none(), "no URL is made up");
        assert_eq!(review["itemReviewed"]["@type"], "Claim");
        assert!(review["itemReviewed"].get("text").is_none());
    }

    #[test]
    fn no_text_can_break_out_of_the_script_element() {
        let mut sheet = factsheet::data::builtin().unwrap();
        sheet.figures[0].label = "</script><script>alert(1)</script><!--".into();
        let element = script_element(&sheet);
        let body = &element
            ["<script type=\"application/ld+json\">".len()..element.len() - "</script>".len()];
        assert!(!body.contains('<') && !body.contains('>'));
        let parsed: Json = serde_json::from_str(body).unwrap();
        assert!(parsed["@graph"][0]["text"]
            .as_str()
            .unwrap()
            .starts_with("</script>"));
    }
}
