//! Quantities in a sentence: numbers in digits and words, vague amounts ("several thousand",
//! "dozens"), ranges, percentages and money, each with its hedge ("as many as", "about") and
//! the noun it counts. Dates, years, times, ages and ordinals are not quantities.

use crate::article::is_month;
use crate::tokens::{Span, Token};

#[derive(Clone, Debug, PartialEq)]
pub enum Amount {
    Exact(f64),
    Range(f64, f64),
    Vague,
}

#[derive(Clone, Debug)]
pub struct Quantity {
    /// The number as printed ("14,500", "several thousand", "$4.5 million").
    pub written: Span,
    pub amount: Amount,
    /// The hedge as printed ("As many as").
    pub hedge: Option<Span>,
    /// What is counted, from the words after the number ("fishing boats").
    pub unit: String,
    /// Up to four words after the unit ("were killed or injured"), which say what happened
    /// to what is counted.
    pub predicate: Vec<String>,
    /// Token index of the number's first word, and one past its unit.
    pub first: usize,
    pub after_unit: usize,
    /// Why it was taken, for the proposal.
    pub rule: &'static str,
}

const HEDGES: &[&str] = &[
    "as many as",
    "as much as",
    "as little as",
    "as few as",
    "up to",
    "at least",
    "at most",
    "more than",
    "less than",
    "fewer than",
    "no fewer than",
    "no more than",
    "not more than",
    "upwards of",
    "close to",
    "an estimated",
    "estimated",
    "about",
    "around",
    "roughly",
    "approximately",
    "nearly",
    "almost",
    "some",
    "possibly",
    "perhaps",
    "probably",
    "over",
    "under",
    "just over",
    "just under",
    "well over",
    "maybe",
    "reportedly",
    "an",
    "a",
];

/// Hedges written after the number or what it counts.
const AFTER_HEDGES: &[&str] = &[
    "at most", "at least", "or more", "or so", "or fewer", "or less",
];

const UNITS: &[(&str, u64)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

const SCALES: &[(&str, f64)] = &[
    ("hundred", 100.0),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
];

/// Words that begin a vague amount, and the words that may follow them.
const VAGUE_LEADS: &[&str] = &[
    "several",
    "a few",
    "few",
    "many",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "scores",
    "tens of thousands",
    "hundreds of thousands",
    "a handful",
];

const CURRENCIES: &[(&str, &str)] = &[
    ("$", "dollars"),
    ("\u{20AC}", "euros"),
    ("\u{A3}", "pounds"),
    ("\u{A5}", "yen"),
];

const CURRENCY_WORDS: &[&str] = &[
    "dollars", "euros", "pounds", "yen", "yuan", "rupees", "francs", "won", "rubles", "roubles",
    "hryvnias",
];

/// Words that end the counted noun: function words and common verbs.
pub const STOP: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "nor",
    "of",
    "in",
    "on",
    "at",
    "for",
    "from",
    "to",
    "with",
    "by",
    "among",
    "as",
    "than",
    "while",
    "after",
    "before",
    "since",
    "during",
    "into",
    "over",
    "under",
    "who",
    "whom",
    "that",
    "which",
    "where",
    "when",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "have",
    "has",
    "had",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "can",
    "must",
    "said",
    "say",
    "says",
    "told",
    "according",
    "this",
    "these",
    "those",
    "their",
    "its",
    "his",
    "her",
    "our",
    "your",
    "my",
    "it",
    "they",
    "he",
    "she",
    "we",
    "you",
    "i",
    "not",
    "no",
    "so",
    "if",
    "per",
    "each",
    "out",
    "up",
    "last",
    "this",
    "also",
    "now",
    "then",
    "there",
    "here",
    "since",
    "about",
    "around",
    "did",
    "do",
    "does",
    "reported",
    "estimated",
    "estimates",
    "put",
    "more",
    "other",
    "others",
    "such",
    "percent",
    "%",
];

const AUXILIARIES: &[&str] = &[
    "were", "was", "are", "is", "have", "has", "had", "been", "be", "got",
];

/// A word that follows "one" when it is a pronoun, not a count ("one said", "one of").
const NOT_AFTER_ONE: &[&str] = &[
    "of",
    "said",
    "says",
    "who",
    "that",
    "another",
    "day",
    "time",
    "way",
    "thing",
    "side",
    "hand",
    "point",
    "way",
    "man",
    "woman",
    "another",
    "another's",
    "is",
    "was",
    "would",
    "could",
    "can",
    "will",
    "has",
    "had",
    "must",
    "might",
];

fn unit_value(word: &str) -> Option<u64> {
    if let Some((tens, ones)) = word.split_once('-') {
        let t = UNITS.iter().find(|(w, v)| *w == tens && *v >= 20)?.1;
        let o = UNITS
            .iter()
            .find(|(w, v)| *w == ones && *v < 10 && *v > 0)?
            .1;
        return Some(t + o);
    }
    UNITS.iter().find(|(w, _)| *w == word).map(|(_, v)| *v)
}

fn scale(word: &str) -> Option<f64> {
    SCALES.iter().find(|(w, _)| *w == word).map(|(_, v)| *v)
}

/// Digits as printed, with thousands groups ("14,500", "3.5"): `None` for anything else.
fn digits(word: &str) -> Option<f64> {
    factsheet_model::text::read_number(word)
        .filter(|_| word.bytes().next().is_some_and(|b| b.is_ascii_digit()))
}

fn matches_words(tokens: &[Token], at: usize, phrase: &str) -> bool {
    phrase
        .split(' ')
        .enumerate()
        .all(|(k, w)| tokens.get(at + k).is_some_and(|t| t.lower == w))
}

/// The longest hedge that ends right before token `end` (exclusive).
fn hedge_before(tokens: &[Token], end: usize) -> Option<(usize, &'static str)> {
    HEDGES
        .iter()
        .filter(|h| !matches!(**h, "a" | "an"))
        .filter_map(|h| {
            let n = h.split(' ').count();
            let start = end.checked_sub(n)?;
            matches_words(tokens, start, h).then_some((start, *h))
        })
        .max_by_key(|(start, _)| std::cmp::Reverse(*start))
}

/// A number at token `i`: its value and the index one past its last word.
fn number_at(tokens: &[Token], i: usize) -> Option<(f64, usize, bool)> {
    let t = tokens.get(i)?;
    if !t.is_word {
        return None;
    }
    if let Some(v) = digits(&t.lower) {
        let mut end = i + 1;
        let mut value = v;
        if let Some(s) = tokens.get(end).and_then(|n| scale(&n.lower)) {
            value *= s;
            end += 1;
        }
        return Some((value, end, true));
    }
    // Words: "twenty-five", "two hundred", "three million", "a dozen", "a hundred".
    let mut end = i;
    let mut total = 0.0;
    let mut group = 0.0;
    let mut any = false;
    if t.is("a")
        || t.is("one")
            && tokens
                .get(i + 1)
                .is_some_and(|n| n.is("dozen") || scale(&n.lower).is_some())
    {
        if tokens.get(i + 1).is_some_and(|n| n.is("dozen")) {
            return Some((12.0, i + 2, false));
        }
        if t.is("a") {
            group = 1.0;
            end = i + 1;
            any = tokens.get(i + 1).is_some_and(|n| scale(&n.lower).is_some());
            if !any {
                return None;
            }
        }
    }
    while let Some(w) = tokens.get(end) {
        if let Some(v) = unit_value(&w.lower) {
            group += v as f64;
            any = true;
        } else if let Some(s) = scale(&w.lower) {
            if !any {
                return None;
            }
            if s == 100.0 {
                group = group.max(1.0) * 100.0;
            } else {
                total += group.max(1.0) * s;
                group = 0.0;
            }
        } else if w.is("and")
            && any
            && tokens
                .get(end + 1)
                .is_some_and(|n| unit_value(&n.lower).is_some())
            && end > i
            && tokens
                .get(end - 1)
                .is_some_and(|p| scale(&p.lower).is_some())
        {
            // "two hundred and fifty"
        } else {
            break;
        }
        end += 1;
    }
    any.then_some((total + group, end, false))
}

/// Whether the number at token `i` (ending before `end`) is a date, year, time, age or
/// ordinal rather than a count.
fn is_not_a_count(tokens: &[Token], i: usize, end: usize, text: &str) -> bool {
    let t = &tokens[i];
    let prev = i.checked_sub(1).map(|k| &tokens[k]);
    let next = tokens.get(end);
    let raw = t.span.of(text);
    let year = raw.len() == 4
        && raw.bytes().all(|b| b.is_ascii_digit())
        && (raw.starts_with("1") || raw.starts_with("20"));
    let month_before = prev.is_some_and(|p| is_month(p.span.of(text)));
    let month_after = next.is_some_and(|n| is_month(n.span.of(text)) && !n.is("may"));
    let time = next.is_some_and(|n| {
        n.is(":")
            || n.is_any(&[
                "a.m.", "p.m.", "am", "pm", "a.m", "p.m", "gmt", "utc", "et", "bst",
            ])
    });
    let age = prev.is_some_and(|p| p.is_any(&["aged", "age", "ages"]))
        || next.is_some_and(|n| {
            n.lower.starts_with("year-old")
                || n.is("years") && tokens.get(end + 1).is_some_and(|o| o.is("old"))
        })
        || raw.contains("-year-old")
        || (prev.is_some_and(|p| p.is(","))
            && next.is_some_and(|n| n.is(","))
            && i >= 2
            && tokens[i - 2].capital
            && t.is_number());
    let ordinal =
        raw.ends_with("st") || raw.ends_with("nd") || raw.ends_with("rd") || raw.ends_with("th");
    let numbered = prev.is_some_and(|p| {
        p.is_any(&[
            "no.",
            "number",
            "page",
            "paragraph",
            "section",
            "article",
            "chapter",
            "covid-19",
            "room",
            "flight",
            "route",
            "vol.",
        ])
    });
    let copyright = raw.contains('\u{a9}') || prev.is_some_and(|p| p.span.of(text) == "\u{a9}");
    let decade = raw.ends_with('s') && t.is_number();
    year || month_before
        || month_after
        || time
        || age
        || ordinal && t.is_number()
        || numbered
        || copyright
        || decade
}

/// The counted noun after token `from`: up to four words that are not function words.
fn unit_after(tokens: &[Token], from: usize, text: &str) -> (String, usize) {
    let mut end = from;
    let mut words: Vec<&str> = Vec::new();
    // "dozens of people", "14,500 of the residents".
    let mut k = from;
    // "“several thousand” homes": the closing mark of a quoted amount.
    if tokens
        .get(k)
        .is_some_and(|t| t.is("\u{201d}") || t.is("\""))
    {
        k += 1;
    }
    if tokens.get(k).is_some_and(|t| t.is("of")) {
        k += 1;
        while tokens.get(k).is_some_and(|t| {
            t.is_any(&["the", "its", "their", "his", "her", "our", "those", "these"])
        }) {
            k += 1;
        }
    }
    while let Some(t) = tokens.get(k) {
        if !t.is_word || t.is_any(STOP) || words.len() == 4 || t.is_number() && !words.is_empty() {
            break;
        }
        // A verb in the past ends the noun unless it is a name's part; so does a lower-case
        // word after a plural ("troops sent", "farms hold").
        let after_plural = words
            .last()
            .is_some_and(|w| w.len() > 3 && w.ends_with('s'));
        if !words.is_empty()
            && !t.capital
            && ((t.lower.ends_with("ed") && t.lower.len() > 4) || after_plural)
        {
            break;
        }
        words.push(t.span.of(text));
        k += 1;
        end = k;
    }
    if words.is_empty() {
        return (String::new(), from);
    }
    (words.join(" "), end)
}

/// Every quantity in the sentence `tokens` (cut from `text`).
pub fn quantities(tokens: &[Token], text: &str) -> Vec<Quantity> {
    let mut out: Vec<Quantity> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some(mut q) = quantity_at(tokens, i, text) {
            i = q.after_unit.max(i + 1);
            // "about 40 died and another 150 were hurt": a hedge carries over to a
            // number joined to a hedged one by "and" or "another".
            let joined = q.first >= 1 && tokens[q.first - 1].is_any(&["and", "another"]);
            if q.hedge.is_none() && joined {
                if let Some(previous) = out.last().filter(|p| p.hedge.is_some()) {
                    q.hedge = previous.hedge;
                }
            }
            out.push(q);
        } else {
            i += 1;
        }
    }
    out
}

fn quantity_at(tokens: &[Token], i: usize, text: &str) -> Option<Quantity> {
    let t = &tokens[i];
    // Money: "$4.5 million".
    let currency = CURRENCIES.iter().find(|(sign, _)| t.span.of(text) == *sign);
    let number_start = if currency.is_some() { i + 1 } else { i };
    // "none have expressed interest": a count of zero.
    if t.is("none")
        && tokens
            .get(i + 1)
            .is_some_and(|n| n.is_any(&["have", "has", "had", "were", "was", "of", "are", "is"]))
    {
        let (unit, end) = if tokens.get(i + 1).is_some_and(|n| n.is("of")) {
            unit_after(tokens, i + 1, text)
        } else {
            let words: Vec<&str> = tokens[i + 1..]
                .iter()
                .take_while(|t| t.is_word)
                .take(3)
                .map(|t| t.span.of(text))
                .collect();
            (words.join(" "), i + 1 + words.len())
        };
        return Some(Quantity {
            written: t.span,
            amount: Amount::Exact(0.0),
            hedge: None,
            unit,
            predicate: Vec::new(),
            first: i,
            after_unit: end,
            rule: "\"none\" as the subject of a verb: a count of zero",
        });
    }
    // Vague amounts.
    if let Some(lead) = VAGUE_LEADS.iter().find(|v| matches_words(tokens, i, v)) {
        let n = lead.split(' ').count();
        let mut end = i + n;
        if matches!(*lead, "several" | "a few" | "few" | "many" | "a handful") {
            // Only with a scale word: "several thousand", "a few hundred"; "a handful of".
            if let Some(s) = tokens
                .get(end)
                .filter(|t| scale(&t.lower).is_some() || t.is("dozen"))
            {
                let _ = s;
                end += 1;
            } else if *lead != "a handful" {
                return None;
            }
        }
        // "hundreds" alone must count something: "hundreds of people".
        let next = tokens
            .get(end)
            .filter(|t| !(t.is("\u{201d}") || t.is("\"")))
            .or(tokens.get(end + 1));
        if !next.is_some_and(|t| t.is("of") || t.is_word && !t.is_any(STOP)) {
            return None;
        }
        let written = Span(tokens[i].span.0, tokens[end - 1].span.1);
        let (unit, after) = unit_after(tokens, end, text);
        if unit.is_empty() && !tokens.get(end).is_some_and(|t| t.is_any(AUXILIARIES)) {
            return None;
        }
        let (unit, after) = if unit.is_empty() {
            participle(tokens, end, text)
        } else {
            (unit, after)
        };
        let hedge =
            hedge_before(tokens, i).map(|(s, _)| Span(tokens[s].span.0, tokens[i - 1].span.1));
        return Some(Quantity {
            written,
            amount: Amount::Vague,
            hedge,
            unit,
            predicate: predicate(tokens, after),
            first: hedge_before(tokens, i).map_or(i, |(s, _)| s),
            after_unit: after,
            rule: "words for an amount without a number",
        });
    }
    let (value, mut end, in_digits) = number_at(tokens, number_start)?;
    if is_not_a_count(tokens, number_start, end, text) {
        return None;
    }
    let word = &tokens[number_start];
    if word.is("one")
        && tokens
            .get(end)
            .is_none_or(|n| !n.is_word || n.is_any(NOT_AFTER_ONE) || n.lower.ends_with("ed"))
    {
        return None;
    }
    // Words that are only a number's part without a noun ("the two", "two of them" keep).
    let mut amount = Amount::Exact(value);
    let mut rule = if in_digits {
        "a number in digits"
    } else {
        "a number in words"
    };
    let first_number = number_start;
    // Ranges: "between 300 and 400", "300 to 400", "300-400".
    let lead = if currency.is_some() { i } else { first_number };
    let between = lead >= 1 && tokens[lead - 1].is_any(&["between", "from"]);
    if let Some(joiner) = tokens.get(end) {
        let joins = joiner.is("to")
            || joiner.is("-")
            || joiner.is("\u{2013}")
            || (between && joiner.is("and"));
        let sign_again = tokens
            .get(end + 1)
            .is_some_and(|t| currency.is_some_and(|(sign, _)| t.span.of(text) == *sign));
        let second_at = end + 1 + usize::from(sign_again);
        if joins {
            if let Some((high, e2, _)) = number_at(tokens, second_at) {
                if high > value && !is_not_a_count(tokens, second_at, e2, text) {
                    // "3 to 4 million": the scale of the second applies to the first.
                    let low = if value < 1000.0
                        && high >= 1e6
                        && !tokens[first_number + 1..end]
                            .iter()
                            .any(|t| scale(&t.lower).is_some())
                    {
                        value
                            * (high / tokens[second_at].lower.parse::<f64>().unwrap_or(high))
                                .max(1.0)
                    } else {
                        value
                    };
                    amount = Amount::Range(low, high);
                    end = e2;
                    rule = "a range of two numbers";
                }
            }
        }
    }
    let start_of_written = if between { lead - 1 } else { lead };
    let mut written = Span(tokens[start_of_written].span.0, tokens[end - 1].span.1);
    // A hyphenated range in one word: "300-400".
    if let Some((a, b)) = word.lower.split_once('-') {
        if let (Some(a), Some(b)) = (digits(a), digits(b)) {
            if b > a {
                amount = Amount::Range(a, b);
                rule = "a range of two numbers";
            }
        }
    }
    let mut unit_from = end;
    let mut unit = String::new();
    if let Some((_, name)) = currency {
        unit = name.to_string();
    } else if tokens
        .get(end)
        .is_some_and(|t| t.is("%") || t.is("percent"))
    {
        unit = "percent".into();
        written.1 = tokens[end].span.1;
        unit_from = end + 1;
    } else if tokens.get(end).is_some_and(|t| t.is("per"))
        && tokens.get(end + 1).is_some_and(|t| t.is("cent"))
    {
        unit = "percent".into();
        written.1 = tokens[end + 1].span.1;
        unit_from = end + 2;
    } else if tokens.get(end).is_some_and(|t| t.is_any(CURRENCY_WORDS)) {
        unit = tokens[end].span.of(text).to_string();
        unit_from = end + 1;
    }
    // "40 or more boats": the counted noun comes after the hedge.
    if let Some(h) = AFTER_HEDGES
        .iter()
        .find(|h| matches_words(tokens, unit_from, h))
    {
        unit_from += h.split(' ').count();
    }
    let (noun, after) = unit_after(tokens, unit_from, text);
    let (noun, after) =
        if noun.is_empty() && tokens.get(unit_from).is_some_and(|t| t.is_any(AUXILIARIES)) {
            participle(tokens, unit_from, text)
        } else {
            (noun, after)
        };
    let unit = match (unit.is_empty(), noun.is_empty()) {
        (true, _) => noun,
        (false, true) => unit,
        (false, false) if unit == "percent" => {
            format!("percent of {noun}").replace("percent of of ", "percent of ")
        }
        (false, false) => format!("{unit} ({noun})"),
    };
    // "The death toll ... rose to 19": what is counted is the sentence's subject.
    let unit = if unit.is_empty()
        && start_of_written >= 1
        && tokens[start_of_written - 1].is_any(&["to", "at", "reached", "hit"])
    {
        subject(tokens, text, start_of_written)
    } else {
        unit
    };
    // A bare number with nothing counted is too often furniture or a score: leave it. A
    // duration ("two days", "twenty minutes") says how long, not how many.
    let first_unit_word = unit.split_whitespace().next().unwrap_or("").to_lowercase();
    if unit.is_empty() || DURATIONS.contains(&first_unit_word.as_str()) {
        return None;
    }
    let hedge_at = hedge_before(tokens, start_of_written);
    // A hedge may also follow what is counted: "a dozen people at most", "40 or more".
    let hedge_after = AFTER_HEDGES.iter().find_map(|h| {
        let n = h.split(' ').count();
        [end, after]
            .into_iter()
            .find(|at| matches_words(tokens, *at, h))
            .map(|at| Span(tokens[at].span.0, tokens[at + n - 1].span.1))
    });
    let hedge = hedge_at
        .map(|(s, _)| Span(tokens[s].span.0, tokens[start_of_written - 1].span.1))
        .or(hedge_after);
    Some(Quantity {
        written,
        amount,
        hedge,
        unit,
        predicate: predicate(tokens, after),
        first: hedge_at.map_or(start_of_written, |(s, _)| s),
        after_unit: after,
        rule,
    })
}

const DURATIONS: &[&str] = &[
    "second",
    "seconds",
    "minute",
    "minutes",
    "hour",
    "hours",
    "day",
    "days",
    "night",
    "nights",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "centuries",
];

/// The noun phrase a sentence opens with ("The death toll from the collapse"), up to its
/// first function word, for a number that says what it rose or fell to.
fn subject(tokens: &[Token], text: &str, before: usize) -> String {
    let words: Vec<&str> = tokens[..before]
        .iter()
        .skip_while(|t| t.is_any(&["the", "a", "an"]))
        .take_while(|t| t.is_word && !t.is_any(STOP))
        .take(4)
        .map(|t| t.span.of(text))
        .collect();
    words.join(" ")
}

/// "150 were hurt": the participle after an auxiliary says what is counted.
fn participle(tokens: &[Token], from: usize, text: &str) -> (String, usize) {
    let mut k = from;
    while tokens.get(k).is_some_and(|t| t.is_any(AUXILIARIES)) {
        k += 1;
    }
    match tokens.get(k) {
        Some(t) if t.is_word && !t.is_any(STOP) => (t.span.of(text).to_string(), k + 1),
        _ => (String::new(), from),
    }
}

/// Up to four words after the unit, lower case, for telling what happened to it.
fn predicate(tokens: &[Token], from: usize) -> Vec<String> {
    tokens
        .iter()
        .skip(from)
        .take_while(|t| t.is_word)
        .take(4)
        .map(|t| t.lower.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn found(text: &str) -> Vec<(String, Amount, Option<String>, String)> {
        let tokens = tokenize(text, Span(0, text.len()));
        quantities(&tokens, text)
            .into_iter()
            .map(|q| {
                (
                    q.written.of(text).to_string(),
                    q.amount,
                    q.hedge.map(|h| h.of(text).to_string()),
                    q.unit,
                )
            })
            .collect()
    }

    #[test]
    fn numbers_hedges_and_units() {
        let got = found(
            "As many as 14,500 troops arrived on Jan. 4, 2025, and about forty-two boats left.",
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].0, "14,500");
        assert_eq!(got[0].1, Amount::Exact(14500.0));
        assert_eq!(got[0].2.as_deref(), Some("As many as"));
        assert_eq!(got[0].3, "troops");
        assert_eq!(got[1].1, Amount::Exact(42.0));
        assert_eq!(got[1].3, "boats");
    }

    #[test]
    fn ranges_money_percentages_and_vague_amounts() {
        let got = found("Between 300 and 400 families lost $4.5 million, or 12% of savings, and several thousand homes.");
        let written: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(
            written,
            [
                "Between 300 and 400",
                "$4.5 million",
                "12%",
                "several thousand"
            ]
        );
        assert_eq!(got[0].1, Amount::Range(300.0, 400.0));
        assert_eq!(got[1].1, Amount::Exact(4_500_000.0));
        assert_eq!(got[2].3, "percent of savings");
        assert_eq!(got[3].1, Amount::Vague);
    }

    #[test]
    fn a_hedge_may_follow_the_count() {
        let got = found("Each raft held a dozen people at most, and 40 or more boats waited.");
        let hedges: Vec<Option<&str>> = got.iter().map(|g| g.2.as_deref()).collect();
        assert_eq!(hedges, [Some("at most"), Some("or more")], "{got:?}");
    }

    #[test]
    fn dates_years_times_ages_and_pronouns_are_not_counts() {
        assert!(
            found("On March 3, 2024, at 11:08 p.m., Ruiz, 34, said one of them was the 2nd.")
                .is_empty()
        );
    }
}
