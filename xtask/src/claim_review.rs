//! schema.org `ClaimReview` for every figure and claim, so search engines and fact-check
//! aggregators can read the sheet's verdicts. Built at build time into the pages' JSON-LD.
//!
//! Only what the sheet states goes in: no review author, URL or date is made up.
//!
//! Build time only, so serde_json stays out of the widget. `tests/fuzz_load.rs` and
//! `tests/e2e_hostile.rs` include this file with `#[path]` to exercise it on every sheet they
//! make.

use serde_json::{json, Value as Json};

use factsheet::model::status::{assess, items, party, party_name, source, status_words, Item};
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

fn review(sheet: &Sheet, item: Item<'_>) -> Json {
    let assessment = assess(sheet, item);
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
        "@type": "ClaimReview",
        "claimReviewed": claimed_text(item),
        "itemReviewed": {
            "@type": "Claim",
            "author": authors,
            "appearance": appearances,
        },
        "reviewRating": {
            "@type": "Rating",
            "alternateName": status_words(&assessment.statuses),
            "ratingExplanation": assessment.why(),
        },
    })
}

/// The sheet's JSON-LD: a graph of one `ClaimReview` per figure and claim.
pub fn claim_reviews(sheet: &Sheet) -> Json {
    json!({
        "@context": "https://schema.org",
        "@graph": items(sheet).map(|item| review(sheet, item)).collect::<Vec<_>>(),
    })
}

/// A complete `<script type="application/ld+json">` element. `<`, `>` and `&` are written as
/// JSON escapes, so no text in the sheet can close the element or open a comment; U+2028 and
/// U+2029 likewise, for older script parsers.
pub fn script_element(sheet: &Sheet) -> String {
    let json = claim_reviews(sheet).to_string();
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
    format!("<script type=\"application/ld+json\">{safe}</script>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_item_has_a_review_with_its_status_and_why() {
        let sheet = factsheet::data::builtin().unwrap();
        let graph = claim_reviews(&sheet);
        let reviews = graph["@graph"].as_array().unwrap();
        assert_eq!(reviews.len(), sheet.figures.len() + sheet.claims.len());
        let first = &reviews[0];
        assert_eq!(first["reviewRating"]["alternateName"], "Single origin");
        assert_eq!(
            first["reviewRating"]["ratingExplanation"],
            "Reported by 2 outlets (RFA; Bloomberg), both citing one origin: Ukraine."
        );
        assert_eq!(
            first["itemReviewed"]["appearance"][1]["publisher"]["name"],
            "Bloomberg"
        );
        assert!(first["itemReviewed"]["appearance"][1]
            .get("dateModified")
            .is_none());
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
        assert!(parsed["@graph"][0]["claimReviewed"]
            .as_str()
            .unwrap()
            .starts_with("</script>"));
    }
}
