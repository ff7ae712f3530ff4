//! The editor's own words on the card, held to the quotes they rest on: a summary (the
//! story's or a claim's) and the headline may be worded freely but names no one and gives no number its quotes
//! and the parties' names do not; a label (a figure's label or unit, a conflict's title) says
//! what is counted and brings no number of its own. This is how a summary that says more than
//! its sources ("Ukraine will hand …" for "is ready to hand over … if") is caught.

use super::Checker;
use crate::path::Path;
use crate::sheet::{Citation, Figure, Summary};
use crate::text::{is_capitalised, is_number, normalise, words};

/// The words of `text` as the rules compare them, appended to `to`.
pub(super) fn add_words(to: &mut Vec<String>, text: &str) {
    to.extend(words(&normalise(text)).iter().map(|w| w.text.to_string()));
}

/// The words of every quote of `citations`, appended to `to`.
pub(super) fn add_quoted_words(to: &mut Vec<String>, citations: &[Citation]) {
    for citation in citations {
        add_words(to, &citation.quote);
    }
}

/// Whether `backing` has `word`: a number in any case ("Two", "two"), a name as written.
fn backed(backing: &[String], word: &str, number: bool) -> bool {
    backing.iter().any(|b| {
        if number {
            b.eq_ignore_ascii_case(word)
        } else {
            b == word
        }
    })
}

/// [`Summary::RULE`] for the `field` ("summary", "headline") `text` at `at`, backed by
/// `citations` (the quotes of `whose`, e.g. "the claim's") and the parties' names and aliases.
/// An uncited summary is reported as such elsewhere, not once per word here.
pub(super) fn check_summary_words(
    c: &mut Checker,
    at: Path,
    (field, text): (&str, &str),
    whose: &str,
    citations: &[Citation],
) {
    if citations.is_empty() {
        return;
    }
    let mut backing = Vec::new();
    add_quoted_words(&mut backing, citations);
    for party in &c.sheet.parties {
        add_words(&mut backing, &party.name);
        for alias in &party.aliases {
            add_words(&mut backing, alias);
        }
    }
    let text = normalise(text);
    let mut reported: Vec<&str> = Vec::new();
    for word in words(&text) {
        let number = is_number(word.text);
        let capitalised = is_capitalised(word.text) && !word.starts_sentence;
        if !(number || capitalised)
            || reported.contains(&word.text)
            || backed(&backing, word.text, number)
        {
            continue;
        }
        reported.push(word.text);
        let what = if number { "the number" } else { "the word" };
        c.report(
            at.clone(),
            format!(
                "{what} \"{}\" appears in none of {whose} quotes and in no party's name or alias",
                word.text
            ),
            format!(
                "Cite the source's words that say it, or reword the {field}. {}",
                Summary::RULE
            ),
        );
    }
}

/// [`Figure::LABEL_RULE`] for the label `text` at `at`: each word with a digit in it is one of
/// `backing`'s (the words of the quotes it labels, which `quotes` names for the message).
pub(super) fn check_label_numbers(
    c: &mut Checker,
    at: Path,
    text: &str,
    quotes: &str,
    backing: &[String],
) {
    let text = normalise(text);
    let mut reported: Vec<&str> = Vec::new();
    for word in words(&text) {
        let has_digit = word.text.bytes().any(|b| b.is_ascii_digit());
        if !has_digit || reported.contains(&word.text) || backed(backing, word.text, true) {
            continue;
        }
        reported.push(word.text);
        c.report(
            at.clone(),
            format!("the number \"{}\" appears in none of {quotes}", word.text),
            format!(
                "Give the number as a figure's value with the quote that has it, or take it out of the label. {}",
                Figure::LABEL_RULE
            ),
        );
    }
}
