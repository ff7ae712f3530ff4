//! Direct quotes: spans between quotation marks (curly or straight), found per paragraph
//! because a quote may run over several sentences.

use crate::tokens::Span;

#[derive(Clone, Debug)]
pub struct Quoted {
    /// The words between the marks.
    pub inner: Span,
    /// With the marks.
    pub outer: Span,
}

impl Quoted {
    /// Words inside the marks.
    pub fn words(&self, text: &str) -> usize {
        self.inner.of(text).split_whitespace().count()
    }
}

/// The quotations of a paragraph, in order. A quote left open at the paragraph's end runs to
/// it (news continues a quote over paragraphs by reopening it).
pub fn quotations(text: &str, paragraph: Span) -> Vec<Quoted> {
    let mut out = Vec::new();
    let p = paragraph.of(text);
    let mut open: Option<usize> = None;
    for (i, c) in p.char_indices() {
        let at = paragraph.0 + i;
        match (c, open) {
            ('\u{201C}', _) => open = Some(at),
            ('"', None) => open = Some(at),
            ('\u{201D}' | '"', Some(start)) => {
                let inner = Span(
                    start + 1 + usize::from(text[start..].starts_with('\u{201C}')) * 2,
                    at,
                );
                out.push(Quoted {
                    inner,
                    outer: Span(start, at + c.len_utf8()),
                });
                open = None;
            }
            _ => {}
        }
    }
    if let Some(start) = open {
        let inner = Span(
            start + text[start..].chars().next().map_or(1, char::len_utf8),
            paragraph.1,
        );
        if !inner.is_empty() {
            out.push(Quoted {
                inner,
                outer: Span(start, paragraph.1),
            });
        }
    }
    out
}

/// The quoted words folded for comparison across outlets: letters and digits, lower case.
pub fn folded_words(text: &str) -> String {
    let mut out = String::new();
    for word in text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}') {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(
            word.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curly_and_straight_quotes_and_an_open_one() {
        let text = "\u{201C}We stay,\u{201D} she said. \"Go\" he said. \u{201C}And more";
        let q = quotations(text, Span(0, text.len()));
        let inner: Vec<&str> = q.iter().map(|q| q.inner.of(text)).collect();
        assert_eq!(inner, ["We stay,", "Go", "And more"]);
        assert_eq!(folded_words("It\u{2019}s  only, TIME."), "its only time");
    }
}
