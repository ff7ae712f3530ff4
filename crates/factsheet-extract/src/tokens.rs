//! Words and marks of a sentence, each a byte range of the article, so that anything the
//! draft cites or names is cut from the text, never retyped.

/// A byte range of an article's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Span(pub usize, pub usize);

impl Span {
    pub fn of(self, text: &str) -> &str {
        text.get(self.0..self.1).unwrap_or("")
    }
    pub fn len(self) -> usize {
        self.1.saturating_sub(self.0)
    }
    pub fn is_empty(self) -> bool {
        self.len() == 0
    }
    pub fn contains(self, at: usize) -> bool {
        self.0 <= at && at < self.1
    }
}

/// A word (letters and digits, with inner apostrophes, hyphens, dots and digit groups) or
/// one mark of punctuation.
#[derive(Clone, Debug)]
pub struct Token {
    pub span: Span,
    /// Lower case, typographic apostrophes straightened, for matching.
    pub lower: String,
    pub is_word: bool,
    /// Starts with an upper-case letter.
    pub capital: bool,
}

impl Token {
    pub fn is(&self, word: &str) -> bool {
        self.lower == word
    }
    pub fn is_any(&self, words: &[&str]) -> bool {
        words.contains(&self.lower.as_str())
    }
    pub fn is_number(&self) -> bool {
        self.is_word
            && self
                .lower
                .bytes()
                .next()
                .is_some_and(|b| b.is_ascii_digit())
    }
}

/// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mr",
    "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "maj", "adm", "st",
    "prof", "jr", "sr", "no", "vs", "etc", "inc", "corp", "co", "ltd", "mt", "ft", "approx",
];

/// Whether `word` (the text before a full stop) is an abbreviation: a listed one, an initial
/// ("J"), or dotted letters ("U.S", "a.m").
pub fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_start_matches(['"', '\u{201C}', '(', '\'']);
    let lower = w.to_ascii_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    let mut chars = w.chars();
    let initial = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    let dotted = w.contains('.') && w.split('.').all(|part| part.chars().count() <= 2);
    initial || dotted
}

fn straighten(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' => '\'',
        c => c,
    }
}

/// The tokens of `span` in `text`.
pub fn tokenize(text: &str, span: Span) -> Vec<Token> {
    let s = span.of(text);
    let mut out = Vec::new();
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if d.is_alphanumeric() {
                    end = j + d.len_utf8();
                    chars.next();
                    continue;
                }
                // Inner marks stay in the word when a letter or digit follows: "Norland's",
                // "Min-ji", "14,500", "2.5", "U.S".
                let next = s[j + d.len_utf8()..].chars().next();
                // "Farmers' Union": a plural's possessive mark before a capitalised word.
                let plural_possessive = matches!(d, '\'' | '\u{2019}')
                    && s[..j].ends_with('s')
                    && s[j + d.len_utf8()..].starts_with(' ')
                    && s[j + d.len_utf8()..]
                        .trim_start()
                        .starts_with(char::is_uppercase);
                if plural_possessive {
                    chars.next();
                    end = j + d.len_utf8();
                    break;
                }
                let joins = match d {
                    '\'' | '\u{2019}' | '-' | '.' => next.is_some_and(char::is_alphanumeric),
                    ',' => {
                        let before_digit = s[..j].ends_with(|p: char| p.is_ascii_digit());
                        let three_digits = s[j + 1..]
                            .bytes()
                            .take(4)
                            .take_while(u8::is_ascii_digit)
                            .count()
                            == 3;
                        before_digit && three_digits
                    }
                    _ => false,
                };
                if joins {
                    chars.next();
                    end = j + d.len_utf8();
                } else {
                    break;
                }
            }
            // "U.S." and "Jan." keep their full stop.
            let word = &s[i..end];
            if s[end..].starts_with('.') && (word.contains('.') || is_abbreviation(word)) {
                chars.next();
                end += 1;
            }
            let word = &s[i..end];
            out.push(Token {
                span: Span(span.0 + i, span.0 + end),
                lower: word
                    .chars()
                    .map(straighten)
                    .collect::<String>()
                    .to_lowercase(),
                is_word: true,
                capital: c.is_uppercase(),
            });
        } else {
            out.push(Token {
                span: Span(span.0 + i, span.0 + i + c.len_utf8()),
                lower: c.to_string(),
                is_word: false,
                capital: false,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_numbers_names_and_abbreviations_whole() {
        let text = "The U.S. said 14,500 (or 2.5 million) of Norland\u{2019}s troops, Min-ji said.";
        let words: Vec<&str> = tokenize(text, Span(0, text.len()))
            .iter()
            .map(|t| t.span.of(text))
            .collect();
        assert_eq!(
            words,
            [
                "The",
                "U.S.",
                "said",
                "14,500",
                "(",
                "or",
                "2.5",
                "million",
                ")",
                "of",
                "Norland\u{2019}s",
                "troops",
                ",",
                "Min-ji",
                "said",
                "."
            ]
        );
    }
}
