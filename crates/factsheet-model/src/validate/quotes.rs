//! The verbatim check: it needs the sources' full texts, so it runs apart from the other rules
//! (at build time, with the archive of sources).

use std::collections::HashMap;

use crate::path::Path;
use crate::problem::Problem;
use crate::sheet::{Citation, Sheet};
use crate::text::contains_normalised;

/// The verbatim check: every quote must appear in its source's full text, after folding
/// typographic quotes, dashes and whitespace. `full_text` returns a source's text by its
/// `archive_file`, or an error saying why it cannot.
pub fn check_quotes(
    sheet: &Sheet,
    full_text: &dyn Fn(&str) -> Result<String, String>,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut texts: HashMap<&str, Result<String, String>> = HashMap::new();
    for (i, source) in sheet.sources.iter().enumerate() {
        let text = full_text(&source.archive_file);
        if let Err(why) = &text {
            problems.push(Problem::new(
                Path::root().key("sources").index(i).key("archive_file"),
                format!("the full text of \"{}\" cannot be read: {why}", source.id),
                "Put the source's text in the sources folder under this file name.".into(),
            ));
        }
        texts.insert(source.id.as_str(), text);
    }
    // Every list of citations, with the path of the object that holds it.
    let mut lists: Vec<(Path, &[Citation])> = vec![(
        Path::root().key("story").key("summary"),
        &sheet.story.summary.citations,
    )];
    for (i, f) in sheet.figures.iter().enumerate() {
        lists.push((Path::root().key("figures").index(i), &f.citations));
    }
    for (i, claim) in sheet.claims.iter().enumerate() {
        lists.push((Path::root().key("claims").index(i), &claim.citations));
    }
    for (at, citations) in lists {
        for (j, citation) in citations.iter().enumerate() {
            let Some(Ok(text)) = texts.get(citation.source.as_str()) else {
                continue;
            };
            if !contains_normalised(text, &citation.quote) {
                problems.push(Problem::new(
                    at.key("citations").index(j).key("quote"),
                    format!("is not in the text of source \"{}\"", citation.source),
                    "Copy the excerpt exactly from the source (quotes, dashes and spacing may differ; words may not).".into(),
                ));
            }
        }
    }
    problems
}
