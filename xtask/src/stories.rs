//! `dist --sheets DIR`: many stories in one build. Every `*.json` in DIR is a sheet; each gets
//! its page (`dist/stories/<name>.html`: its card pre-rendered, its JSON-LD in the head), its
//! frame page (`dist/embed/<name>.frame.html`) with its oEmbed JSON beside it, and a line in
//! `dist/stories/index.html`. They share the one wasm, script and stylesheet of `dist/embed/`.
//!
//! A story's card carries its sheet inline (`prerender::inline_sheet`), so the wasm adopts the
//! pre-rendered card in place, as it does the built-in sheet's.
//!
//! Every sheet is read and checked before anything is built: one broken sheet fails the build
//! with its messages under its file's name, and no story is written.

use std::fs;
use std::path::{Path, PathBuf};

use factsheet::model::date::Moment;
use factsheet::model::{load, Sheet};

use crate::oembed::{self, Publishing};
use crate::prerender;

/// One sheet to publish: its name (the file's stem, as the pages are named) and the sheet.
pub struct Story {
    pub name: String,
    pub sheet: Sheet,
}

/// Reads and checks every `*.json` in `dir`, in name order. All problems of all sheets are
/// reported at once, each under its file.
pub fn read(dir: &Path, now: Option<Moment>) -> Result<Vec<Story>, String> {
    let entries = fs::read_dir(dir)
        .map_err(|e| format!("--sheets {}: cannot read the folder: {e}", dir.display()))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!(
            "--sheets {}: no .json sheet in the folder",
            dir.display()
        ));
    }
    let mut stories = Vec::new();
    let mut problems = Vec::new();
    for file in &files {
        let shown = file.display().to_string();
        let name = match story_name(file) {
            Ok(name) => name,
            Err(e) => {
                problems.push(e);
                continue;
            }
        };
        let bytes = match fs::read(file) {
            Ok(bytes) => bytes,
            Err(e) => {
                problems.push(format!("{shown}: cannot read it: {e}"));
                continue;
            }
        };
        match load(&shown, &bytes, now) {
            Ok(sheet) => stories.push(Story { name, sheet }),
            Err(found) => problems.extend(found.iter().map(|p| p.to_string())),
        }
    }
    if problems.is_empty() {
        Ok(stories)
    } else {
        Err(format!(
            "--sheets {}: no story was written, because:\n{}",
            dir.display(),
            problems.join("\n")
        ))
    }
}

/// The file's stem, which names its pages: letters, digits, `-` and `_` only, so it is safe
/// in a URL and a file name as it is.
fn story_name(file: &Path) -> Result<String, String> {
    let stem = file
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    let plain = !stem.is_empty()
        && stem
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if plain {
        Ok(stem.to_string())
    } else {
        Err(format!(
            "{}: rename it with letters, digits, - and _ only: its name becomes its pages' URLs",
            file.display()
        ))
    }
}

/// Writes every story's pages into `dist` (which holds the built `embed/`), and the index.
/// `frame_page(head, card)` is the frame page's template filled with them.
pub fn write(
    dist: &Path,
    stories: Vec<Story>,
    publishing: &Publishing,
    frame_page: impl Fn(&str, &str) -> Result<String, String>,
) -> Result<(), String> {
    let dir = dist.join("stories");
    fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let mut lines = Vec::new();
    for Story { name, sheet } in stories {
        let headline = sheet.story.headline.clone();
        let author = sheet.credits.as_ref().and_then(|c| c.compiled_by.clone());
        let json_ld = crate::structured_data::script_element(&sheet);
        let inline = prerender::inline_sheet(&sheet)?;
        let card = prerender::card_for(sheet);
        let style = |href: &str| format!("<link rel=\"stylesheet\" href=\"{href}\">");

        let page = story_page(
            &headline,
            &json_ld,
            &prerender::mount_point_with_sheet(&card, &style("../embed/factsheet.css"), &inline),
        );
        write_file(&dir.join(format!("{name}.html")), &page)?;

        let frame_name = format!("{name}.frame.html");
        let json_name = format!("{name}.frame.oembed.json");
        let frame = frame_page(
            &oembed::discovery_link_for(publishing, &headline, &json_name),
            &prerender::mount_point_with_sheet(&card, &style("factsheet.css"), &inline),
        )?;
        write_file(&dist.join("embed").join(&frame_name), &frame)?;
        let description =
            oembed::response_for(publishing, &headline, author.as_deref(), &frame_name);
        write_file(
            &dist.join("embed").join(&json_name),
            &format!("{description:#}\n"),
        )?;
        lines.push(format!(
            "<li><a href=\"{name}.html\">{}</a> · <a href=\"../embed/{frame_name}\">frame</a> · <a href=\"../embed/{json_name}\">oEmbed</a></li>",
            oembed::attribute(&headline)
        ));
    }
    let index = format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Fact sheets</title></head>\n<body>\n<h1>Fact sheets</h1>\n<ul>\n{}\n</ul>\n</body></html>\n",
        lines.join("\n")
    );
    write_file(&dir.join("index.html"), &index)?;
    println!("dist: {} stories in {}", lines.len(), dir.display());
    Ok(())
}

/// A story's page: its structured data in the head, its card, the shared script.
fn story_page(headline: &str, json_ld: &str, host: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{}</title>\n{json_ld}\n<script src=\"../embed/factsheet.js\" defer></script>\n</head>\n\
         <body>\n<main>\n{host}\n</main>\n</body></html>\n",
        oembed::attribute(headline)
    )
}

fn write_file(path: &Path, text: &str) -> Result<(), String> {
    fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(files: &[(&str, &str)]) -> PathBuf {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let dir =
            std::env::temp_dir().join(format!("xtask-stories-{}-{nanos}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        for (name, text) in files {
            fs::write(dir.join(name), text).unwrap();
        }
        dir
    }

    const FIXTURE: &str = include_str!("../../tests/fixtures/sheet.json");

    #[test]
    fn every_sheet_is_read_in_name_order() {
        let dir = folder(&[
            ("b-story.json", FIXTURE),
            ("a-story.json", FIXTURE),
            ("notes.txt", "x"),
        ]);
        let names: Vec<String> = read(&dir, None)
            .unwrap()
            .into_iter()
            .map(|s| s.name)
            .collect();
        assert_eq!(names, ["a-story", "b-story"]);
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_broken_sheet_fails_all_naming_its_file_and_place() {
        let broken = FIXTURE.replacen("\"headline\":", "\"headline\" ", 1);
        let dir = folder(&[("good.json", FIXTURE), ("broken.json", &broken)]);
        let error = read(&dir, None).err().unwrap();
        assert!(error.contains("no story was written"), "{error}");
        assert!(error.contains("broken.json:"), "{error}");
        assert!(!error.contains("good.json"), "{error}");
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_name_that_is_not_url_safe_is_refused() {
        let dir = folder(&[("my story.json", FIXTURE)]);
        let error = read(&dir, None).err().unwrap();
        assert!(error.contains("my story.json: rename it"), "{error}");
        fs::remove_dir_all(dir).unwrap();
    }
}
