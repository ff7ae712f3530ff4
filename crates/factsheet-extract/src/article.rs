//! An article as archived: checked bytes, then its parts (headline, date line, agency tag,
//! copyright line, byline, body paragraphs and sentences), all as byte ranges of its text, so
//! that every quote the draft cites is a span of what the outlet printed.

use crate::tokens::{is_abbreviation, Span};

/// Articles are pages of news; anything larger is a mistake (a whole archive, a binary).
pub const MAX_BYTES: usize = 1 << 20;

/// A sentence longer than this is not one a reader reads: a missing full stop, a table or a
/// dump. It is left out rather than mined for quotes and numbers.
pub const MAX_SENTENCE: usize = 3000;

/// An article's text, checked to be text.
#[derive(Clone, Debug)]
pub struct Article {
    /// The file's name, as the draft's `archive_file` and in messages.
    pub file: String,
    pub text: String,
}

/// Reads an article's bytes: refuses what is not an article's text with a one-line message
/// naming the file.
pub fn read(file: &str, bytes: &[u8]) -> Result<Article, String> {
    if bytes.len() > MAX_BYTES {
        return Err(format!(
            "{file}: is {} bytes; an article may be at most {MAX_BYTES} (split archives into one file per article)",
            bytes.len()
        ));
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if let Some(at) = bytes.iter().position(|b| *b == 0) {
        return Err(format!(
            "{file}: is binary, not text (a NUL byte at offset {at}); give the article as plain text or Markdown"
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        format!(
            "{file}: is not valid UTF-8 (byte {} is from another encoding); save the article as UTF-8",
            e.valid_up_to()
        )
    })?;
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        .count();
    if controls * 20 > text.chars().count().max(1) {
        return Err(format!(
            "{file}: is binary, not text ({controls} control characters); give the article as plain text or Markdown"
        ));
    }
    if text.trim().is_empty() {
        return Err(format!(
            "{file}: is empty; an article needs its headline and its text"
        ));
    }
    Ok(Article {
        file: file.to_string(),
        text: text.to_string(),
    })
}

/// An outlet saying it could not verify something.
pub const NOTICE_UNVERIFIED: &[&str] = &[
    "unable to verify",
    "unable to independently verify",
    "could not verify",
    "couldn't verify",
    "could not independently verify",
    "cannot verify",
    "can't verify",
    "cannot independently verify",
    "not been verified",
    "not been independently verified",
    "haven't been verified",
    "hasn't been verified",
    "could not be verified",
    "could not be independently verified",
    "not independently verified",
];

/// What a paragraph is to the draft.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Role {
    /// The story's text: mined for figures, quotes and claims.
    Body,
    /// Headlines of other stories, "Most Read" lists, editors' notes, credits: never mined.
    Furniture,
}

#[derive(Clone, Debug)]
pub struct Paragraph {
    pub span: Span,
    pub role: Role,
    pub sentences: Vec<Span>,
}

/// An article taken apart.
#[derive(Debug)]
pub struct Layout {
    pub title: Span,
    /// "Updated Jan. 12, 2025, 11:08 p.m. ET." as printed.
    pub date_line: Option<Span>,
    /// The agency tag's outlet ("(Northline News) --"), or the copyright line's.
    pub outlet: Option<String>,
    /// How the outlet was found, for the source's proposal.
    pub outlet_from: &'static str,
    /// "©2025 ..." as printed.
    pub copyright: Option<Span>,
    pub byline: Option<String>,
    pub paragraphs: Vec<Paragraph>,
    /// Lines for the editor: overlong sentences, foreign scripts.
    pub notes: Vec<String>,
}

const MONTH_WORDS: [&str; 24] = [
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
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
];

pub fn is_month(word: &str) -> bool {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    MONTH_WORDS.contains(&w.as_str())
}

/// Lines as byte ranges, without their line break, Markdown heading and quote markers.
fn lines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), '\n')))
    {
        if c == '\n' {
            let mut s = start;
            let mut e = i;
            let line = &text[s..e];
            let trimmed_start = line.len() - line.trim_start().len();
            s += trimmed_start;
            e = s + text[s..e].trim_end().len();
            // Markdown: "# Headline", "> quote", "* item" keep only their words.
            while s < e && matches!(text.as_bytes()[s], b'#' | b'>') {
                s += 1;
            }
            if ["* ", "- ", "+ "].iter().any(|m| text[s..e].starts_with(m)) {
                s += 2;
            }
            s += text[s..e].len() - text[s..e].trim_start().len();
            out.push(Span(s, e));
            start = i + 1;
        }
    }
    out
}

/// Whether a line reads as a dateline: a month, a day and a four-digit year, in a short line.
pub fn looks_like_date_line(line: &str) -> bool {
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let has_month = words.iter().any(|w| is_month(w));
    let has_year = words.iter().any(|w| {
        let w = w.trim_end_matches('.');
        w.len() == 4
            && w.bytes().all(|b| b.is_ascii_digit())
            && (w.starts_with("19") || w.starts_with("20"))
    });
    has_month && has_year && line.len() < 120 && words.len() <= 14
}

/// A paragraph that ends as running text does: a full stop, question or exclamation mark,
/// possibly inside closing quotes or brackets.
fn ends_as_prose(text: &str) -> bool {
    let t = text.trim_end_matches(['"', '\u{201D}', '\u{2019}', '\'', ')', ']', '*', '_']);
    t.ends_with(['.', '!', '?', ':'])
}

fn is_furniture(text: &str) -> bool {
    let t = text.trim();
    let lower = t.to_lowercase();
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    let shouting = letters.len() > 3 && letters.iter().all(|c| !c.is_lowercase());
    let bracketed =
        (t.starts_with('(') && t.ends_with(')')) || (t.starts_with('[') && t.ends_with(']'));
    let credit = [
        "edited by",
        "reporting by",
        "writing by",
        "additional reporting",
        "updated to ",
        "this story has been",
        "this article has been",
        "correction:",
        "read more",
        "related",
        "most read",
        "sign up",
        "follow us",
        "copyright",
        "all rights reserved",
    ]
    .iter()
    .any(|p| lower.starts_with(p));
    shouting
        || bracketed
        || credit
        || t.starts_with('\u{a9}')
        || lower.starts_with("(c)")
        || !ends_as_prose(t)
}

/// Takes an article apart.
pub fn layout(article: &Article) -> Layout {
    let text = article.text.as_str();
    let all = lines(text);
    let mut notes = Vec::new();
    let mut nonblank = all.iter().copied().filter(|s| !s.is_empty());
    let title = nonblank.next().unwrap_or(Span(0, 0));
    // The date line: among the first lines, before the body starts.
    let head: Vec<Span> = all
        .iter()
        .copied()
        .filter(|s| !s.is_empty())
        .take(6)
        .collect();
    let date_line = head
        .iter()
        .skip(1)
        .copied()
        .find(|s| looks_like_date_line(s.of(text)));
    let mut byline = None;
    let mut copyright = None;
    let mut outlet = None;
    let mut outlet_from = "";
    // Paragraphs: blank lines separate them; inside a block, a line ending as prose ends one
    // (plain-text archives often put each paragraph on one line, Markdown wraps them).
    let mut paragraphs: Vec<Paragraph> = Vec::new();
    let mut current: Option<Span> = None;
    let body_start = date_line.map_or(title.1, |d| d.1.max(title.1));
    let close = |current: &mut Option<Span>, paragraphs: &mut Vec<Paragraph>| {
        if let Some(p) = current.take() {
            let role = if is_furniture(p.of(text)) {
                Role::Furniture
            } else {
                Role::Body
            };
            paragraphs.push(Paragraph {
                span: p,
                role,
                sentences: Vec::new(),
            });
        }
    };
    for line in &all {
        if line.0 < body_start.max(1) && line.1 <= body_start {
            continue;
        }
        if line.is_empty() {
            close(&mut current, &mut paragraphs);
            continue;
        }
        let words = line.of(text);
        if let Some(rest) = words
            .strip_prefix('\u{a9}')
            .or_else(|| words.strip_prefix("(c)"))
            .or_else(|| words.strip_prefix("Copyright "))
        {
            copyright = Some(*line);
            if outlet.is_none() {
                let name = rest
                    .trim_start_matches(|c: char| {
                        c.is_ascii_digit() || c.is_whitespace() || c == '-' || c == ','
                    })
                    .trim_end_matches('.')
                    .trim();
                let name = strip_company_suffix(name);
                if !name.is_empty() && name.len() < 60 {
                    outlet = Some(name.to_string());
                    outlet_from = "the copyright line";
                }
            }
            close(&mut current, &mut paragraphs);
            continue;
        }
        if byline.is_none() && words.starts_with("By ") && words.len() < 80 && !ends_as_prose(words)
        {
            byline = Some(words.get(3..).unwrap_or("").trim().to_string());
            close(&mut current, &mut paragraphs);
            continue;
        }
        if let Some(s) = current {
            let previous = Span(s.0, s.1).of(text);
            // A wrapped line continues a long line; a short line that does not end as prose
            // is a title of its own ("Most Read from ...").
            let wrapped = previous.len() >= 60 && !ends_as_prose(previous);
            if !wrapped {
                close(&mut current, &mut paragraphs);
                current = Some(*line);
            } else {
                current = Some(Span(s.0, line.1));
            }
        } else {
            current = Some(*line);
        }
    }
    close(&mut current, &mut paragraphs);
    // The agency tag opens the first body paragraph: "(Harbor Wire) --", "ESKEL, Marovia (Northline News) -".
    if let Some(first) = paragraphs.iter().find(|p| p.role == Role::Body).cloned() {
        let start = first.span.of(text);
        if let Some(open) = start.find('(') {
            if open < 40 {
                if let Some(close) = start[open..].find(')') {
                    let name = &start[open + 1..open + close];
                    let after = start[open + close + 1..].trim_start();
                    let dashed = after.starts_with('-')
                        || after.starts_with('\u{2014}')
                        || after.starts_with('\u{2013}');
                    if dashed && !name.is_empty() && name.len() < 40 {
                        outlet = Some(name.to_string());
                        outlet_from = "the agency tag";
                        // The tag is not the story's words: the first sentence starts after it.
                        let rest = after
                            .trim_start_matches(['-', '\u{2014}', '\u{2013}'])
                            .trim_start();
                        let cut = start.len() - rest.len();
                        if let Some(p) = paragraphs.iter_mut().find(|p| p.role == Role::Body) {
                            p.span.0 += cut;
                        }
                    }
                }
            }
        }
    }
    for p in &mut paragraphs {
        p.sentences = sentences(text, p.span);
        if let Some(long) = p.sentences.iter().find(|s| s.len() > MAX_SENTENCE) {
            notes.push(format!(
                "{}: a sentence of {} bytes at byte {} has no end; nothing in it is proposed",
                article.file,
                long.len(),
                long.0
            ));
            p.sentences.retain(|s| s.len() <= MAX_SENTENCE);
        }
    }
    // Outlets speak of themselves by name when they could not verify something: "Radio X has
    // been unable to verify ..."; the name before such a phrase is the outlet.
    if outlet.is_none() {
        let found = paragraphs
            .iter()
            .filter(|p| p.role == Role::Body)
            .flat_map(|p| p.sentences.iter())
            .find_map(|s| {
                let sentence = s.of(text);
                let lower = sentence.to_lowercase().replace('\u{2019}', "'");
                NOTICE_UNVERIFIED
                    .iter()
                    .any(|n| lower.contains(n))
                    .then_some(())?;
                let name: Vec<&str> = sentence
                    .split_whitespace()
                    .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
                    .collect();
                let pronoun = name.first().is_some_and(|w| {
                    matches!(
                        *w,
                        "The" | "We" | "It" | "They" | "He" | "She" | "This" | "That"
                    )
                });
                (!name.is_empty() && name.len() <= 5 && !pronoun).then(|| name.join(" "))
            });
        if let Some(name) = found {
            outlet = Some(name);
            outlet_from = "its own notice that it could not verify something";
        }
    }
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let latin = text
        .chars()
        .filter(|c| c.is_ascii_alphabetic() || ('\u{C0}'..='\u{24F}').contains(c))
        .count();
    if letters > 0 && (letters - latin) * 5 > letters {
        notes.push(format!(
            "{}: {}% of its letters are not in the Latin script; the extractor reads English, so expect few proposals",
            article.file,
            (letters - latin) * 100 / letters
        ));
    }
    Layout {
        title,
        date_line,
        outlet,
        outlet_from,
        copyright,
        byline,
        paragraphs,
        notes,
    }
}

fn strip_company_suffix(name: &str) -> &str {
    let mut name = name.trim();
    for suffix in [
        " L.P", " LP", " Inc", " Ltd", " LLC", " plc", " Co", " Corp", " GmbH",
    ] {
        if let Some(rest) = name.strip_suffix(suffix) {
            name = rest.trim_end_matches(',').trim();
        }
    }
    name
}

/// The sentences of a paragraph: a full stop, question or exclamation mark (and any closing
/// quotes) followed by a space and a capital, a digit or an opening quote, unless the word
/// before the stop is an abbreviation ("Jan.", "U.S.", an initial).
pub fn sentences(text: &str, paragraph: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let p = paragraph.of(text);
    let bytes = p.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < p.len() {
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?') {
            let mut end = i + 1;
            // Closing quotes and brackets belong to the sentence they end.
            loop {
                let rest = &p[end..];
                let c = rest.chars().next();
                match c {
                    Some(c @ ('"' | '\'' | ')' | '\u{201D}' | '\u{2019}')) => end += c.len_utf8(),
                    _ => break,
                }
            }
            let rest = &p[end..];
            let after_space = rest.trim_start();
            let spaced = after_space.len() < rest.len();
            let next = after_space.chars().next();
            let opens = next.is_some_and(|c| {
                c.is_uppercase()
                    || c.is_ascii_digit()
                    || matches!(c, '"' | '\u{201C}' | '\u{2018}' | '(')
            });
            let word_before = p[start..i]
                .rsplit(|c: char| c.is_whitespace() || c == '(')
                .next()
                .unwrap_or("");
            let abbreviation = b == b'.' && is_abbreviation(word_before);
            if (spaced && opens && !abbreviation) || after_space.is_empty() {
                let s = Span(paragraph.0 + start, paragraph.0 + end);
                if !s.of(text).trim().is_empty() {
                    out.push(s);
                }
                start = end + (rest.len() - after_space.len());
                i = start;
                continue;
            }
            i = end;
            continue;
        }
        i += 1;
    }
    if start < p.len() {
        let s = Span(paragraph.0 + start, paragraph.1);
        if !s.of(text).trim().is_empty() {
            out.push(s);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_end_at_stops_but_not_after_abbreviations() {
        let text = "The U.S. Army said on Jan. 4 that 12 were hurt. \u{201C}We are ready,\u{201D} he said. Dr. Ruiz agreed.";
        let found: Vec<&str> = sentences(text, Span(0, text.len()))
            .iter()
            .map(|s| s.of(text))
            .collect();
        assert_eq!(
            found,
            [
                "The U.S. Army said on Jan. 4 that 12 were hurt.",
                "\u{201C}We are ready,\u{201D} he said.",
                "Dr. Ruiz agreed."
            ]
        );
    }

    #[test]
    fn bad_bytes_get_one_line_naming_the_file() {
        for (bytes, says) in [
            (&b""[..], "is empty"),
            (&b"  \n\n "[..], "is empty"),
            (&b"PK\x03\x04\x00\x00"[..], "is binary"),
            (&b"caf\xe9 au lait"[..], "is not valid UTF-8"),
        ] {
            let message = read("a.txt", bytes).unwrap_err();
            assert!(
                message.starts_with("a.txt: ") && message.contains(says),
                "{message}"
            );
            assert!(!message.contains('\n'));
        }
        let big = vec![b'a'; MAX_BYTES + 1];
        assert!(read("big.txt", &big).unwrap_err().contains("at most"));
    }
}
