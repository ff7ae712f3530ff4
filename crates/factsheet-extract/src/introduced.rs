//! People a story brings in by description rather than by name ("a fisherman from Tarn",
//! "two men Ukraine said were captured soldiers"), so that a later definite description
//! ("the man said", "the soldier said") can be read as the one person or group it refers
//! back to. News writes the indefinite first and the definite after; a description that fits
//! two people introduced before it is left as printed, for the editor.

use crate::figures::STOP;
use crate::tokens::Token;

/// Nouns for people that a story introduces without a name, singular first. A plural is
/// the singular with "s" unless listed.
const PEOPLE: &[(&str, &str)] = &[
    ("man", "men"),
    ("woman", "women"),
    ("person", "people"),
    ("child", "children"),
    ("boy", "boys"),
    ("girl", "girls"),
    ("soldier", "soldiers"),
    ("captive", "captives"),
    ("prisoner", "prisoners"),
    ("resident", "residents"),
    ("villager", "villagers"),
    ("worker", "workers"),
    ("miner", "miners"),
    ("fisherman", "fishermen"),
    ("farmer", "farmers"),
    ("survivor", "survivors"),
    ("witness", "witnesses"),
    ("officer", "officers"),
    ("guard", "guards"),
    ("student", "students"),
    ("teacher", "teachers"),
    ("driver", "drivers"),
    ("passenger", "passengers"),
    ("nurse", "nurses"),
    ("doctor", "doctors"),
    ("volunteer", "volunteers"),
    ("refugee", "refugees"),
    ("protester", "protesters"),
    ("pilot", "pilots"),
    ("sailor", "sailors"),
    ("neighbour", "neighbours"),
    ("neighbor", "neighbors"),
    ("shopkeeper", "shopkeepers"),
    ("official", "officials"),
    ("diplomat", "diplomats"),
    ("source", "sources"),
    ("operator", "operators"),
    ("engineer", "engineers"),
    ("rescuer", "rescuers"),
];

/// Counts that bring in a group whose members a story can single out ("two men"); larger
/// numbers count people, they do not introduce them.
const GROUP_COUNTS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several",
];

/// What a video or photo shows: "video of two men".
const MEDIA: &[&str] = &[
    "video",
    "videos",
    "footage",
    "photo",
    "photos",
    "photograph",
    "photographs",
    "picture",
    "pictures",
    "image",
    "images",
    "clip",
    "recording",
];

/// Verbs by which someone publishes a video or photo: "Zelenskyy released video of".
const PUBLISHING: &[&str] = &[
    "released",
    "releases",
    "posted",
    "posts",
    "shared",
    "shares",
    "published",
    "publishes",
    "included",
    "includes",
    "showed",
    "shows",
    "aired",
    "broadcast",
];

/// The singular of a noun for people, or `None` if it is not one.
pub fn person_noun(word: &str) -> Option<(&'static str, bool)> {
    PEOPLE.iter().find_map(|(one, many)| {
        if *one == word {
            Some((*one, false))
        } else if *many == word {
            Some((*one, true))
        } else {
            None
        }
    })
}

/// One person or group brought in by a description.
#[derive(Clone, Debug)]
pub struct Introduction {
    /// Byte offset of the description: only what comes after it can refer back to it.
    pub at: usize,
    /// The singular nouns it can later be called by: "man" and "soldier" for "two men
    /// Ukraine said were captured soldiers".
    pub heads: Vec<&'static str>,
    /// The description as printed, for the proposal's reason.
    pub as_printed: String,
    /// The party's name, built from the description's own words.
    pub name: String,
    /// A group ("two men"): a later "the man" is one of them, and the group speaks.
    pub group: bool,
}

fn words_of(tokens: &[Token], text: &str, from: usize, to: usize) -> String {
    tokens[from..to]
        .iter()
        .map(|t| t.span.of(text))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Up to three adjectives, then a noun for people: the index of the noun.
fn head_after(tokens: &[Token], from: usize) -> Option<(usize, &'static str, bool)> {
    for (k, t) in tokens.iter().enumerate().skip(from).take(4) {
        if !t.is_word {
            return None;
        }
        if let Some((one, plural)) = person_noun(&t.lower) {
            return Some((k, one, plural));
        }
        if t.is_any(STOP) || t.is_number() {
            return None;
        }
    }
    None
}

/// What the text says the people are: "captured soldiers" in "who were captured soldiers".
struct Predicate {
    /// Token range of the words.
    words: (usize, usize),
    /// Its noun, singular: another name the people can be called by.
    head: &'static str,
    /// Token range of who says so, when someone does ("Ukraine said were ...").
    sayer: Option<(usize, usize)>,
}

/// "who were captured soldiers", "Ukraine said were captured soldiers".
fn predicate_after(tokens: &[Token], from: usize) -> Option<Predicate> {
    let mut k = from;
    if tokens.get(k).is_some_and(|t| t.is_any(&["who", "that"])) {
        k += 1;
    }
    let mut sayer = None;
    let names = k;
    // "Ukraine said were", "the board said were": a name or a description, a few words.
    if tokens.get(k).is_some_and(|t| t.is("the")) {
        k += 1;
    }
    while tokens.get(k).is_some_and(|t| {
        t.is_word && !t.is_any(STOP) && !t.is_any(&["said", "says", "were", "are", "was", "is"])
    }) && k - names < 4
    {
        k += 1;
    }
    if k > names {
        if !tokens.get(k).is_some_and(|t| t.is_any(&["said", "says"])) {
            return None;
        }
        sayer = Some((names, k));
        k += 1;
    }
    if !tokens
        .get(k)
        .is_some_and(|t| t.is_any(&["were", "are", "was", "is"]))
    {
        return None;
    }
    let first = k + 1;
    // "captured North Korean soldiers": up to four words before the noun, none a function
    // word ("killed in the blast by soldiers" says what happened, not what they are).
    let (head, one) = (first..tokens.len().min(first + 5)).find_map(|h| {
        let t = &tokens[h];
        person_noun(&t.lower).map(|(one, _)| (h, one))
    })?;
    if tokens[first..head]
        .iter()
        .any(|t| !t.is_word || t.is_any(STOP) || t.is_number())
    {
        return None;
    }
    Some(Predicate {
        words: (first, head + 1),
        head: one,
        sayer,
    })
}

/// "the video Zelenskyy's X post included", "Ruiz's video", "the video": where the people
/// are seen, when the description follows "video of". `det` is the description's first token.
fn medium_before(tokens: &[Token], text: &str, det: usize) -> Option<String> {
    if det < 2 || !tokens[det - 1].is("of") || !tokens[det - 2].is_any(MEDIA) {
        return None;
    }
    let medium = det - 2;
    let noun = tokens[medium].span.of(text);
    let before = medium.checked_sub(1).map(|b| &tokens[b]);
    // "Ruiz's video of", "a video of".
    if let Some(b) = before {
        if b.lower.ends_with("'s") && b.capital {
            return Some(format!("{} {noun}", b.span.of(text)));
        }
    }
    let mut verb = medium.checked_sub(1)?;
    if tokens[verb].is_any(&["a", "an", "the"]) {
        verb = verb.checked_sub(1)?;
    }
    if !tokens[verb].is_any(PUBLISHING) {
        return Some(format!("the {noun}"));
    }
    // The verb's subject: from the clause's start, beginning with a name.
    let start = (0..verb)
        .rev()
        .take(5)
        .find(|&s| s == 0 || !tokens[s - 1].is_word || tokens[s - 1].is_any(&["and", "but"]))
        .filter(|&s| tokens[s].capital && tokens[s..verb].iter().all(|t| t.is_word));
    Some(match start {
        // "The Harbor Board released": "the" in lower case inside the name built.
        Some(s) if tokens[s].is("the") => {
            format!("the {noun} the {}", words_of(tokens, text, s + 1, verb + 1))
        }
        Some(s) => format!("the {noun} {}", words_of(tokens, text, s, verb + 1)),
        None => format!("the {noun}"),
    })
}

/// The people a sentence introduces by description. `quoted` says whether a byte is inside
/// a quotation: a speaker's own "a man came" is theirs, not the story's.
pub fn introductions(
    tokens: &[Token],
    text: &str,
    quoted: impl Fn(usize) -> bool,
) -> Vec<Introduction> {
    let mut out = Vec::new();
    for (det, t) in tokens.iter().enumerate() {
        if quoted(t.span.0) {
            continue;
        }
        let single = t.is_any(&["a", "an", "another"]);
        let count = t.is_any(GROUP_COUNTS)
            || (t.is_number() && t.lower.parse::<u32>().is_ok_and(|n| (2..=10).contains(&n)));
        if !(single || count) {
            continue;
        }
        // "one of the two men" names a member, not a new group.
        let after_media = det >= 2 && tokens[det - 1].is("of") && tokens[det - 2].is_any(MEDIA);
        let member_of_known = det > 0 && tokens[det - 1].is_any(&["the", "these", "those", "of"]);
        if count && member_of_known && !after_media {
            continue;
        }
        let Some((head, one, plural)) = head_after(tokens, det + 1) else {
            continue;
        };
        if plural != count {
            continue;
        }
        let mut heads = vec![one];
        let mut end = head + 1;
        let mut name = if single {
            // "a fisherman" is "the fisherman"; "another man" is "the other man".
            let rest = words_of(tokens, text, det + 1, head + 1);
            if t.is("another") {
                format!("The other {rest}")
            } else {
                format!("The {rest}")
            }
        } else {
            // "Two officials" at a sentence's start is "The two officials".
            let rest = words_of(tokens, text, det + 1, head + 1);
            format!("The {} {rest}", t.lower)
        };
        // "from Tarn", "of the Harbor Board": where the person is from, by name.
        if tokens
            .get(end)
            .is_some_and(|p| p.is_any(&["from", "of", "at", "in"]))
        {
            let mut k = end + 1;
            if tokens.get(k).is_some_and(|p| p.is("the")) {
                k += 1;
            }
            let names = k;
            while tokens.get(k).is_some_and(|p| p.capital && p.is_word) && k - names < 4 {
                k += 1;
            }
            if k > names {
                name = format!("{name} {}", words_of(tokens, text, end, k));
                end = k;
            }
        }
        if let Some(medium) = medium_before(tokens, text, det) {
            name = format!("{name} in {medium}");
        }
        let mut as_printed_end = end;
        if let Some(Predicate {
            words: (first, last),
            head: predicate_head,
            sayer,
        }) = predicate_after(tokens, end)
        {
            let what = words_of(tokens, text, first, last);
            name = match sayer {
                Some((a, b)) => format!("{name} ({what}, {} said)", words_of(tokens, text, a, b)),
                None => format!("{name} ({what})"),
            };
            if !heads.contains(&predicate_head) {
                heads.push(predicate_head);
            }
            as_printed_end = last;
        }
        out.push(Introduction {
            at: t.span.0,
            heads,
            as_printed: words_of(tokens, text, det, as_printed_end),
            name,
            group: count,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::{tokenize, Span};

    fn intro(text: &str) -> Vec<(String, Vec<&'static str>, bool)> {
        let tokens = tokenize(text, Span(0, text.len()));
        introductions(&tokens, text, |_| false)
            .into_iter()
            .map(|i| (i.name, i.heads, i.group))
            .collect()
    }

    #[test]
    fn people_brought_in_by_description() {
        assert_eq!(
            intro("Ruiz\u{2019}s post included video of two men Norland said were captured Vessian soldiers."),
            [(
                "The two men in the video Ruiz\u{2019}s post included (captured Vessian soldiers, Norland said)"
                    .to_string(),
                vec!["man", "soldier"],
                true
            )]
        );
        assert_eq!(
            intro("A fisherman from Tarn and another man waited."),
            [
                (
                    "The fisherman from Tarn".to_string(),
                    vec!["fisherman"],
                    false
                ),
                ("The other man".to_string(), vec!["man"], false)
            ]
        );
        // Counts that count, and members of a group already there, introduce nobody.
        assert!(intro("Some 300 soldiers and one of the two men left.").is_empty());
        assert!(intro("A day later the men left.").is_empty());
        assert_eq!(intro("Two officials spoke.")[0].0, "The two officials");
    }
}
