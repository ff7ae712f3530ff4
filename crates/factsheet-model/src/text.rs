//! Text rules shared by validation and the view: how quotes are compared with their sources,
//! and how a number as written is read.

/// Folds the typographic variants that copy and paste changes (curly quotes, apostrophes,
/// dashes, non-breaking and repeated whitespace) so that a quote typed with straight quotes
/// matches a source printed with curly ones. Nothing else is forgiven.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            '\u{2026}' => {
                out.push_str("...");
                continue;
            }
            c if c.is_whitespace() => {
                pending_space = !out.is_empty();
                continue;
            }
            c => c,
        };
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
    out
}

/// How a number that is not whole becomes text in a message. The widget passes the browser's
/// `Number#toString`, so Rust's float formatting (about 25 KB of wasm) stays out of it; build
/// time and tests use [`RustNumberText`]. Both print the shortest text that reads back as the
/// same number.
pub trait NumberText {
    fn fraction(&self, n: f64) -> String;
}

/// Rust's own float formatting, for native code.
pub struct RustNumberText;

impl NumberText for RustNumberText {
    fn fraction(&self, n: f64) -> String {
        n.to_string()
    }
}

/// A number for messages: whole numbers by integer formatting, anything else by `numbers`.
pub fn number_text(n: f64, numbers: &dyn NumberText) -> String {
    if n.is_finite() && n.fract() == 0.0 && n.abs() < 1e15 {
        return (n as i64).to_string();
    }
    numbers.fraction(n)
}

/// Whether `needle` appears in `haystack` once both are normalised.
pub fn contains_normalised(haystack: &str, needle: &str) -> bool {
    normalise(haystack).contains(&normalise(needle))
}

/// Byte range of `needle` in `haystack`, ignoring ASCII case; used to highlight a figure's
/// words inside its quote.
pub fn find_ignoring_case(haystack: &str, needle: &str) -> Option<(usize, usize)> {
    if needle.is_empty() {
        return None;
    }
    let hay = haystack.to_ascii_lowercase();
    let start = hay.find(&needle.to_ascii_lowercase())?;
    Some((start, start + needle.len()))
}

const SMALL_NUMBERS: [&str; 13] = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve",
];

/// Reads a number as a text prints it: digits with thousands commas ("12,000", "3.5") or a
/// small number word ("two", "none"). `None` for anything else, such as "several hundred".
pub fn read_number(written: &str) -> Option<f64> {
    let word = written.trim().to_ascii_lowercase();
    if word == "none" || word == "no" {
        return Some(0.0);
    }
    if let Some(n) = SMALL_NUMBERS.iter().position(|w| *w == word) {
        return Some(n as f64);
    }
    let mut groups = word.split(',');
    let first = groups.next()?;
    let mut digits = first.to_string();
    for group in groups {
        // A thousands group has exactly three digits ("12,000"); anything else is a typo.
        let whole = group.split('.').next().unwrap_or("");
        if whole.len() != 3 {
            return None;
        }
        digits.push_str(group);
    }
    let valid = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && digits.bytes().filter(|b| *b == b'.').count() <= 1
        && digits.as_bytes()[0].is_ascii_digit();
    if valid {
        digits.parse().ok()
    } else {
        None
    }
}

/// Characters that make two ids look alike while differing, or reorder text on screen.
pub fn is_invisible_or_bidi(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_without_a_needless_point() {
        let number_text = |n| number_text(n, &RustNumberText);
        assert_eq!(number_text(12_000.0), "12000");
        assert_eq!(number_text(-2.0), "-2");
        assert_eq!(number_text(2.5), "2.5");
        assert_eq!(number_text(1e20), "100000000000000000000");
    }

    #[test]
    fn typographic_variants_compare_equal() {
        assert!(contains_normalised(
            "Russia\u{2019}s Kursk   region \u{201C}several\u{201D}",
            "Russia's Kursk region \"several\""
        ));
        assert!(!contains_normalised("300 dead", "3,000 dead"));
    }

    #[test]
    fn numbers_are_read_as_written() {
        assert_eq!(read_number("12,000"), Some(12000.0));
        assert_eq!(read_number("3,800"), Some(3800.0));
        assert_eq!(read_number("two"), Some(2.0));
        assert_eq!(read_number("none"), Some(0.0));
        assert_eq!(read_number("1,20"), None);
        assert_eq!(read_number("several hundred"), None);
    }
}

/// A word of running text, and whether it begins a sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Word<'a> {
    pub text: &'a str,
    pub starts_sentence: bool,
}

/// The words of `text`: runs of letters and digits, a number keeping its separators
/// ("12,000", "2.5"). A word begins a sentence when it is the first, or follows `.`, `!` or
/// `?` (so "Nov. 17" makes "17" a sentence's first word: a number is checked wherever it is).
pub fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut at_sentence_start = true;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_is_digit = chars.peek().is_some_and(|(_, n)| n.is_ascii_digit());
        let inside_number =
            start.is_some_and(|s| text[s..i].ends_with(|p: char| p.is_ascii_digit()));
        if is_word_char(c) || ((c == ',' || c == '.') && inside_number && next_is_digit) {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            out.push(Word {
                text: &text[s..i],
                starts_sentence: at_sentence_start,
            });
            at_sentence_start = false;
        }
        if matches!(c, '.' | '!' | '?') {
            at_sentence_start = true;
        }
    }
    if let Some(s) = start {
        out.push(Word {
            text: &text[s..],
            starts_sentence: at_sentence_start,
        });
    }
    out
}

/// Part of a word: anything but spaces, control characters and punctuation (ASCII, Latin-1's,
/// and the general punctuation block's dashes, quotes and dots). Told apart this way rather
/// than by `char::is_alphanumeric`, whose Unicode tables would add kilobytes to the wasm.
fn is_word_char(c: char) -> bool {
    !(c.is_whitespace()
        || c.is_control()
        || c.is_ascii_punctuation()
        || matches!(c, '\u{A1}'..='\u{BF}' | '\u{2010}'..='\u{205E}' | '\u{3000}'..='\u{303F}'))
}

/// Whether a word starts with a capital letter: its first letter has a lower-case form other
/// than itself (the lower-case tables are in the wasm already; `is_uppercase`'s are not).
pub fn is_capitalised(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.to_lowercase().next() != Some(c))
}

/// Numbers written as words, which the summary rule treats as numbers. "One" is left out: it
/// is as often a pronoun ("one captive") as a count.
pub const NUMBER_WORDS: &[&str] = &[
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "dozen",
    "dozens",
];

/// Whether a word is a number: it has a digit, or is one of [`NUMBER_WORDS`].
pub fn is_number(word: &str) -> bool {
    word.bytes().any(|b| b.is_ascii_digit())
        || NUMBER_WORDS.iter().any(|n| n.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod word_tests {
    use super::*;

    #[test]
    fn words_keep_numbers_whole_and_know_where_sentences_start() {
        let found: Vec<(&str, bool)> =
            words("As many as 12,000 (or 2.5 thousand). Kim Jong Un's soldiers, \"Kursk\"-bound.")
                .iter()
                .map(|w| (w.text, w.starts_sentence))
                .collect();
        assert_eq!(
            found,
            [
                ("As", true),
                ("many", false),
                ("as", false),
                ("12,000", false),
                ("or", false),
                ("2.5", false),
                ("thousand", false),
                ("Kim", true),
                ("Jong", false),
                ("Un", false),
                ("s", false),
                ("soldiers", false),
                ("Kursk", false),
                ("bound", false),
            ]
        );
        assert!(is_capitalised("Élysée") && is_capitalised("Kim") && !is_capitalised("kim"));
        assert!(!is_capitalised("12,000") && !is_capitalised(""));
        assert!(is_number("12,000") && is_number("Hundred") && !is_number("one"));
    }
}
