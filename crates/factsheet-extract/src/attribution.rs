//! Who says what in a sentence: "X said", "X on Monday put the figure at", ", the Y news
//! agency said.", "according to A and B", "“…,” said X", with the speaker's words as printed.

use factsheet_model::date::WEEKDAYS;

use crate::figures::STOP;
use crate::introduced::person_noun;
use crate::tokens::{Span, Token};

/// Verbs that attribute what a sentence says to its subject.
const VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "reported",
    "reports",
    "estimated",
    "estimates",
    "estimate",
    "claimed",
    "claims",
    "announced",
    "announces",
    "stated",
    "states",
    "wrote",
    "writes",
    "added",
    "adds",
    "confirmed",
    "confirms",
    "believes",
    "noted",
    "warned",
    "insisted",
    "posted",
    "tweeted",
    "acknowledged",
    "admitted",
    "predicted",
    "counted",
    "recorded",
    "testified",
    "argued",
    "explained",
    "put",
    "puts",
    "asserted",
    "alleged",
    "according",
];

/// Words between a subject and its verb that do not belong to either: times and auxiliaries.
const BETWEEN: &[&str] = &[
    "also",
    "has",
    "have",
    "had",
    "later",
    "earlier",
    "previously",
    "recently",
    "again",
    "further",
    "then",
    "still",
    "on",
    "last",
    "this",
    "week",
    "month",
    "year",
    "yesterday",
    "today",
    "tonight",
    "jan.",
    "feb.",
    "aug.",
    "sept.",
    "oct.",
    "nov.",
    "dec.",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "late",
    "early",
    "separately",
    "however",
    "publicly",
    "privately",
    "once",
];

/// Lower-case words that may stand in a speaker's description.
const DESCRIPTORS: &[&str] = &[
    "agency",
    "news",
    "spy",
    "intelligence",
    "service",
    "ministry",
    "officials",
    "official",
    "lawmaker",
    "lawmakers",
    "president",
    "leader",
    "minister",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "police",
    "army",
    "military",
    "government",
    "man",
    "woman",
    "soldier",
    "captive",
    "prisoner",
    "authorities",
    "analysts",
    "experts",
    "source",
    "sources",
    "governor",
    "mayor",
    "commander",
    "chief",
    "prosecutor",
    "prosecutors",
    "court",
    "company",
    "firm",
    "department",
    "office",
    "council",
    "committee",
    "board",
    "union",
    "network",
    "group",
    "residents",
    "witnesses",
    "doctors",
    "report",
    "statement",
    "study",
    "survey",
    "census",
    "data",
    "staff",
    "general",
    "ambassador",
    "secretary",
    "senator",
    "director",
    "owner",
    "manager",
    "coach",
    "researchers",
    "scientists",
    "hospital",
    "newspaper",
    "broadcaster",
    "outlet",
    "agency's",
    "country's",
    "city's",
    "defense",
    "defence",
    "foreign",
    "interior",
    "health",
    "state",
    "federal",
    "local",
    "regional",
    "national",
    "top",
    "senior",
    "former",
    "deputy",
    "vice",
    "acting",
    "press",
    "fire",
    "rescue",
    "emergency",
    "chairman",
    "chairwoman",
    "executive",
    "ceo",
    "founder",
    "head",
    "mother",
    "father",
    "wife",
    "husband",
    "resident",
    "witness",
    "worker",
    "workers",
    "farmer",
    "teacher",
    "student",
    "doctor",
    "nurse",
    "engineer",
    "spokespeople",
    "monitor",
    "monitors",
    "observers",
    "inspector",
    "inspectors",
    "ministry's",
    "operator",
    "regulator",
    "watchdog",
    "people",
    "others",
    "organizers",
    "organisers",
    "volunteers",
    "force",
    "forces",
    "guard",
    "association",
    "economist",
    "institute",
    "operators",
    "crew",
    "master",
];

const PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "it"];

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Placement {
    /// "X said ...": the subject states what follows.
    Inline,
    /// "..., X said." or "“…,” he said": stated after what it attributes.
    Trailing,
    /// "according to X".
    AccordingTo,
}

/// A speaker as the sentence names them.
#[derive(Clone, Debug)]
pub struct Mention {
    /// The words as printed, without a leading "the" (for a pronoun, the pronoun).
    pub words: String,
    pub pronoun: bool,
    /// A description with no name ("the Ukrainian president", "the man").
    pub descriptor: bool,
    /// Written with "the": it refers back to someone ("the man"), where "a man" brings
    /// someone in.
    pub definite: bool,
    /// Byte offset of its first word.
    pub at: usize,
}

#[derive(Clone, Debug)]
pub struct Attribution {
    pub speakers: Vec<Mention>,
    /// Token index of the verb ("said", "according").
    pub verb: usize,
    pub placement: Placement,
    /// Token index of the speaker's first word.
    pub first: usize,
}

fn is_time_word(t: &Token) -> bool {
    t.is_any(BETWEEN)
        || t.is_any(&WEEKDAYS)
        || t.lower.starts_with("mid-")
        || (t.is_number() && t.lower.len() <= 2)
}

fn np_word(t: &Token) -> bool {
    t.is_word
        && (t.capital || t.is_any(DESCRIPTORS) || person_noun(&t.lower).is_some())
        && !t.is_any(&WEEKDAYS)
}

/// The speaker's words ending just before token `end` (exclusive), going back.
pub(crate) fn noun_phrase_before(tokens: &[Token], end: usize) -> Option<(usize, usize)> {
    let mut k = end;
    while k > 0 && np_word(&tokens[k - 1]) && end - k < 7 {
        k -= 1;
        // "Ministry of Defence": "of" between two parts of a name.
        if k >= 2 && tokens[k - 1].is("of") && tokens[k - 2].capital && tokens[k].capital {
            k -= 1;
        }
    }
    // "the town council", "the air force": lower-case words before a description's head,
    // when an article or a name comes before them.
    if k < end && !tokens[k].capital {
        let mut m = k;
        while m > 0
            && k - m < 2
            && tokens[m - 1].is_word
            && !tokens[m - 1].capital
            && !tokens[m - 1].is_any(STOP)
        {
            m -= 1;
        }
        if m < k && m > 0 && (tokens[m - 1].is("the") || tokens[m - 1].capital) {
            k = m;
            while k > 0 && tokens[k - 1].capital && end - k < 7 {
                k -= 1;
            }
        }
    }
    if k > 0 && tokens[k - 1].is("the") && k < end {
        k -= 1;
    }
    // A lone sentence-initial "The" is no speaker.
    let real = tokens[k..end].iter().any(|t| !t.is("the"));
    (k < end && real).then_some((k, end))
}

/// The speaker's words starting at token `from`, going forward ("according to the U.S.").
pub(crate) fn noun_phrase_after(tokens: &[Token], from: usize) -> Option<(usize, usize)> {
    let mut k = from;
    if tokens.get(k).is_some_and(|t| t.is("the")) {
        k += 1;
    }
    let start = from;
    while tokens.get(k).is_some_and(np_word) && k - start < 8 {
        k += 1;
        if tokens.get(k).is_some_and(|t| t.is("of")) && tokens.get(k + 1).is_some_and(|t| t.capital)
        {
            k += 1;
        }
    }
    (k > start && tokens[start..k].iter().any(|t| !t.is("the"))).then_some((start, k))
}

pub(crate) fn mention(tokens: &[Token], text: &str, (first, last): (usize, usize)) -> Mention {
    let mut from = first;
    while tokens.get(from).is_some_and(|t| t.is("the")) && from + 1 < last {
        from += 1;
    }
    let span = Span(tokens[from].span.0, tokens[last - 1].span.1);
    let words = span.of(text).to_string();
    let descriptor = !tokens[from..last].iter().any(|t| t.capital) || {
        // "the Ukrainian president": capitals only as adjectives before a title.
        let last_word = &tokens[last - 1];
        !last_word.capital
            && tokens[first].is("the")
            && !tokens[from..last].iter().any(|t| t.lower.ends_with("'s"))
            && tokens[from..last - 1]
                .iter()
                .all(|t| t.capital && !t.lower.ends_with('.'))
            && tokens[from..last].iter().filter(|t| t.capital).count() <= 2
            && crate::names::is_title(&last_word.lower)
    };
    Mention {
        words,
        pronoun: false,
        descriptor,
        definite: tokens[first].is("the"),
        at: tokens[first].span.0,
    }
}

/// Splits "the U.N. and the Harbor Board" into its speakers.
fn mentions(tokens: &[Token], text: &str, (first, last): (usize, usize)) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut start = first;
    for k in first..=last {
        let split = k == last || tokens[k].is("and") || tokens[k].is(",");
        if split {
            if start < k {
                out.push(mention(tokens, text, (start, k)));
            }
            start = k + 1;
        }
    }
    out
}

/// Every attribution in the sentence.
pub fn attributions(tokens: &[Token], text: &str) -> Vec<Attribution> {
    let mut out = Vec::new();
    for (v, t) in tokens.iter().enumerate() {
        if !t.is_any(VERBS) {
            continue;
        }
        if t.is("according") {
            if !tokens.get(v + 1).is_some_and(|n| n.is("to")) {
                continue;
            }
            // "according to A and B", "according to lawmaker C".
            let mut k = v + 2;
            let mut last = k;
            while let Some((_, b)) = noun_phrase_after(tokens, k) {
                last = b;
                if tokens.get(b).is_some_and(|n| n.is("and")) {
                    k = b + 1;
                } else {
                    break;
                }
            }
            if last > v + 2 {
                out.push(Attribution {
                    speakers: mentions(tokens, text, (v + 2, last)),
                    verb: v,
                    placement: Placement::AccordingTo,
                    first: v + 2,
                });
            }
            continue;
        }
        // "put the figure at": only with its object.
        if t.is_any(&["put", "puts"]) {
            let object = tokens.get(v + 1).is_some_and(|n| n.is("the"))
                && tokens.get(v + 2).is_some_and(|n| {
                    n.is_any(&[
                        "figure", "number", "toll", "total", "count", "death", "tally", "estimate",
                    ])
                });
            if !object {
                continue;
            }
        }
        let mut k = v;
        while k > 0
            && is_time_word(&tokens[k - 1])
            && !(tokens[k - 1].capital
                && k >= 2
                && !is_time_word(&tokens[k - 2])
                && tokens[k - 2].capital)
        {
            k -= 1;
        }
        // A pronoun subject.
        if k > 0 && tokens[k - 1].is_any(PRONOUNS) {
            let p = &tokens[k - 1];
            let after_comma = k >= 2 && (tokens[k - 2].is(",") || !tokens[k - 2].is_word);
            out.push(Attribution {
                speakers: vec![Mention {
                    words: p.span.of(text).to_string(),
                    pronoun: true,
                    descriptor: false,
                    definite: false,
                    at: p.span.0,
                }],
                verb: v,
                placement: if after_comma || k == 1 && v + 2 >= tokens.len() {
                    Placement::Trailing
                } else {
                    Placement::Inline
                },
                first: k - 1,
            });
            continue;
        }
        // "Speaking through an interpreter, one said", "one of them said": one of a group
        // brought in before.
        let one_at = if k >= 3 && tokens[k - 1].is("them") && tokens[k - 2].is("of") {
            k - 3
        } else {
            k.saturating_sub(1)
        };
        if k > 0
            && tokens[one_at].is("one")
            && (one_at == 0 || tokens[one_at - 1].is(",") || !tokens[one_at - 1].is_word)
        {
            let one = &tokens[one_at];
            out.push(Attribution {
                speakers: vec![Mention {
                    words: one.span.of(text).to_string(),
                    pronoun: false,
                    descriptor: true,
                    definite: true,
                    at: one.span.0,
                }],
                verb: v,
                // As for a named subject: after a comma or a closing quote, it trails.
                placement: if one_at > 0
                    && (tokens[one_at - 1].is(",")
                        || tokens[one_at - 1].lower == "\u{201d}"
                        || tokens[one_at - 1].is("\""))
                {
                    Placement::Trailing
                } else {
                    Placement::Inline
                },
                first: one_at,
            });
            continue;
        }
        if let Some((a, b)) = noun_phrase_before(tokens, k) {
            // "X and Y said" keeps both.
            let mut a = a;
            if a >= 2 && tokens[a - 1].is("and") {
                if let Some((a2, _)) = noun_phrase_before(tokens, a - 1) {
                    a = a2;
                }
            }
            let after_comma = a > 0
                && (tokens[a - 1].is(",")
                    || tokens[a - 1].lower == "\u{201d}"
                    || tokens[a - 1].is("\""));
            let speakers: Vec<Mention> = mentions(tokens, text, (a, b))
                .into_iter()
                .filter(|m| !m.words.is_empty())
                .collect();
            if speakers.is_empty() {
                continue;
            }
            out.push(Attribution {
                speakers,
                verb: v,
                placement: if after_comma {
                    Placement::Trailing
                } else {
                    Placement::Inline
                },
                first: a,
            });
            continue;
        }
        // An apposition before the verb: "Ruiz, a spokesman for the board, said" or
        // "the harbour master, Aldo Ruun, said".
        if k > 0 && tokens[k - 1].is(",") {
            if let Some(c) = (0..k - 1).rev().take(12).find(|&c| tokens[c].is(",")) {
                let segment = &tokens[c + 1..k - 1];
                let described = segment
                    .first()
                    .is_some_and(|t| t.is_any(&["a", "an", "the", "one"]));
                let named = !segment.is_empty() && segment.iter().all(|t| t.capital && t.is_word);
                let speaker = if described {
                    noun_phrase_before(tokens, c)
                } else if named {
                    Some((c + 1, k - 1))
                } else {
                    None
                };
                if let Some((a, b)) = speaker {
                    out.push(Attribution {
                        speakers: mentions(tokens, text, (a, b)),
                        verb: v,
                        placement: Placement::Inline,
                        first: a,
                    });
                    continue;
                }
            }
        }
        // "“…,” said Ruiz."
        let after_quote = v > 0
            && (tokens[v - 1].is(",")
                || tokens[v - 1].lower == "\u{201d}"
                || tokens[v - 1].is("\""));
        if after_quote && t.is_any(&["said", "says", "added", "wrote", "told"]) {
            // The speaker ends the clause: "said Ruiz." or "said Ruiz, an engineer".
            let ends_clause = |b: usize| tokens.get(b).is_none_or(|n| !n.is_word);
            if let Some((a, b)) = noun_phrase_after(tokens, v + 1).filter(|(_, b)| ends_clause(*b))
            {
                out.push(Attribution {
                    speakers: mentions(tokens, text, (a, b)),
                    verb: v,
                    placement: Placement::Trailing,
                    first: a,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn who(text: &str) -> Vec<(Vec<String>, Placement)> {
        let tokens = tokenize(text, Span(0, text.len()));
        attributions(&tokens, text)
            .into_iter()
            .map(|a| {
                (
                    a.speakers.into_iter().map(|m| m.words).collect(),
                    a.placement,
                )
            })
            .collect()
    }

    #[test]
    fn speakers_before_after_and_according_to() {
        assert_eq!(
            who("The Harbor Board on Tuesday put the figure at 40, the Coastal Times said."),
            [
                (vec!["Harbor Board".to_string()], Placement::Inline),
                (vec!["Coastal Times".to_string()], Placement::Trailing)
            ]
        );
        assert_eq!(
            who("Some 300 left, according to the U.N. and Mayor Ana Ruiz."),
            [(
                vec!["U.N.".to_string(), "Mayor Ana Ruiz".to_string()],
                Placement::AccordingTo
            )]
        );
        assert_eq!(
            who("\u{201C}We will stay,\u{201D} said Ruiz."),
            [(vec!["Ruiz".to_string()], Placement::Trailing)]
        );
        assert_eq!(
            who("He said more would come."),
            [(vec!["He".to_string()], Placement::Inline)]
        );
        // "one" at a clause's start is a speaker (one of a group); inside a clause it is not.
        assert_eq!(
            who("Speaking slowly, one said it was cold."),
            [(vec!["one".to_string()], Placement::Trailing)]
        );
        assert!(who("No one said a word.").is_empty());
        assert_eq!(
            who("\u{201C}It is gone,\u{201D} one of them said."),
            [(vec!["one".to_string()], Placement::Trailing)]
        );
    }
}
