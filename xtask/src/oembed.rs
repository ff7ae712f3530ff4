//! The frame page's oEmbed description (oEmbed 1.0, a `rich` type): a static JSON beside
//! `embed/frame.html` holding the iframe snippet, and the `<link>` in the frame page by which
//! a CMS given the frame's URL discovers it.
//!
//! A consumer pastes `html` into pages of another site, so its URLs must be absolute, and a
//! static build does not know where it will be hosted. `dist --base-url URL` (the address at
//! which `dist/` will be served) makes them absolute; without it they are relative to
//! `embed/`, which only a page in that folder can use, and `dist` says so. Everything else
//! comes from the sheet or the build: the title is the headline, the author the sheet's
//! `credits.compiled_by`, the provider the `--provider-name` given (else the base URL's host,
//! else none: the field is optional).

use serde_json::{json, Map, Value as Json};

/// Where the build's files will be served, and by whom, as `dist`'s options say.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Publishing {
    /// `dist/`'s address, ending in `/`: `https://example.org/factsheet/`.
    pub base_url: Option<String>,
    pub provider_name: Option<String>,
}

/// The JSON's name, beside the frame page.
pub const FILE: &str = "frame.oembed.json";

/// The snippet's starting height: the frame sizes itself from there (see frame.js), so this is
/// a place held while it loads, not the card's height, which only a browser knows.
pub const START_HEIGHT: u32 = 600;

/// The card's widest (`max-width` of `.factsheet` in `assets/factsheet.css`; a test holds the
/// two together). The snippet itself is as wide as its column.
pub const CARD_WIDTH: u32 = 768;

impl Publishing {
    /// Reads `--base-url` and `--provider-name`. The base must be an absolute http(s) URL
    /// with nothing that would end an HTML attribute; a missing final `/` is added, since it
    /// names a folder.
    pub fn new(base_url: Option<&str>, provider_name: Option<&str>) -> Result<Self, String> {
        let base_url = base_url
            .map(|url| {
                let rest = url
                    .strip_prefix("https://")
                    .or_else(|| url.strip_prefix("http://"))
                    .filter(|rest| !rest.is_empty() && !rest.starts_with('/'))
                    .ok_or_else(|| {
                        format!("`--base-url {url}` is not an absolute http(s) URL (https://example.org/factsheet/)")
                    })?;
                if rest
                    .chars()
                    .any(|c| c.is_whitespace() || c.is_control() || "\"'<>`\\?#".contains(c))
                {
                    return Err(format!(
                        "`--base-url {url}` holds a character a folder's URL does not (space, quote, <, >, ?, #)"
                    ));
                }
                Ok(if url.ends_with('/') {
                    url.to_string()
                } else {
                    format!("{url}/")
                })
            })
            .transpose()?;
        let provider_name = provider_name
            .map(str::trim)
            .filter(|name| !name.is_empty())
            .map(str::to_owned);
        Ok(Publishing {
            base_url,
            provider_name,
        })
    }

    /// The URL of `name` in `embed/`: absolute under the base URL, else relative to `embed/`.
    fn embed_url(&self, name: &str) -> String {
        match &self.base_url {
            Some(base) => format!("{base}embed/{name}"),
            None => name.to_string(),
        }
    }

    /// The provider: as given, else the base URL's host.
    fn provider(&self) -> Option<String> {
        self.provider_name.clone().or_else(|| {
            let base = self.base_url.as_deref()?;
            let rest = base.split_once("://")?.1;
            Some(rest.split('/').next()?.to_string())
        })
    }

    /// What `dist` prints about the URLs it wrote.
    pub fn note(&self) -> String {
        match &self.base_url {
            Some(base) => format!("oEmbed: embed/{FILE} names the frame at {base}embed/frame.html"),
            None => format!(
                "oEmbed: embed/{FILE} has URLs relative to embed/ (a static build does not know \
                 its address): pass `--base-url https://your.site/path/` for a CMS to embed it"
            ),
        }
    }
}

/// The iframe snippet: the sandboxed frame, sized by frame-host.js (or by a host that speaks
/// Pym.js's, AMP's or Datawrapper's messages).
/// `frame` is the frame page in `embed/`: `frame.html`, or a story's own (`dist --sheets`).
pub fn snippet_for(publishing: &Publishing, title: &str, frame: &str) -> String {
    format!(
        "<iframe data-factsheet-frame sandbox=\"allow-scripts\" title=\"{}\" src=\"{}\" width=\"{CARD_WIDTH}\" height=\"{START_HEIGHT}\" style=\"width:100%;border:0\"></iframe>\n<script src=\"{}\" defer></script>",
        attribute(&format!("Fact sheet: {title}")),
        attribute(&publishing.embed_url(frame)),
        attribute(&publishing.embed_url("frame-host.js")),
    )
}

/// The oEmbed 1.0 response for the frame page: the required fields of a `rich` embed
/// (`type`, `version`, `html`, `width`, `height`) and what the sheet and the options give.
pub fn response(publishing: &Publishing, title: &str, author: Option<&str>) -> Json {
    response_for(publishing, title, author, "frame.html")
}

/// The response for the frame page `frame` in `embed/`.
pub fn response_for(
    publishing: &Publishing,
    title: &str,
    author: Option<&str>,
    frame: &str,
) -> Json {
    let mut fields = Map::new();
    fields.insert("type".into(), json!("rich"));
    fields.insert("version".into(), json!("1.0"));
    fields.insert("title".into(), json!(title));
    if let Some(author) = author {
        fields.insert("author_name".into(), json!(author));
    }
    if let Some(provider) = publishing.provider() {
        fields.insert("provider_name".into(), json!(provider));
    }
    fields.insert("html".into(), json!(snippet_for(publishing, title, frame)));
    fields.insert("width".into(), json!(CARD_WIDTH));
    fields.insert("height".into(), json!(START_HEIGHT));
    Json::Object(fields)
}

/// The discovery `<link>` for the frame page's head.
pub fn discovery_link(publishing: &Publishing, title: &str) -> String {
    discovery_link_for(publishing, title, FILE)
}

/// The discovery `<link>` to the oEmbed JSON `json` in `embed/`.
pub fn discovery_link_for(publishing: &Publishing, title: &str, json: &str) -> String {
    format!(
        "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}\" title=\"{}\">",
        attribute(&publishing.embed_url(json)),
        attribute(title),
    )
}

/// `text` fit for a double-quoted HTML attribute (or for HTML text).
pub fn attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_a_base_url_the_urls_are_relative_to_embed_and_no_provider_is_made_up() {
        let publishing = Publishing::new(None, None).unwrap();
        let json = response(&publishing, "A & B", None);
        assert_eq!(json["type"], "rich");
        assert_eq!(json["version"], "1.0");
        assert!(json.get("provider_name").is_none() && json.get("author_name").is_none());
        let html = json["html"].as_str().unwrap();
        assert!(html.contains("src=\"frame.html\""), "{html}");
        assert!(html.contains("src=\"frame-host.js\""), "{html}");
        assert!(html.contains("title=\"Fact sheet: A &amp; B\""), "{html}");
        assert!(discovery_link(&publishing, "A").contains("href=\"frame.oembed.json\""));
        assert!(publishing.note().contains("--base-url"));
    }

    #[test]
    fn a_base_url_makes_every_url_absolute_and_names_the_provider() {
        let publishing = Publishing::new(Some("https://example.org/factsheet"), None).unwrap();
        assert_eq!(
            publishing.base_url.as_deref(),
            Some("https://example.org/factsheet/")
        );
        let json = response(&publishing, "T", Some("Data desk"));
        assert_eq!(json["provider_name"], "example.org");
        assert_eq!(json["author_name"], "Data desk");
        let html = json["html"].as_str().unwrap();
        assert!(html.contains("src=\"https://example.org/factsheet/embed/frame.html\""));
        assert!(html.contains("src=\"https://example.org/factsheet/embed/frame-host.js\""));
        assert!(discovery_link(&publishing, "T")
            .contains("href=\"https://example.org/factsheet/embed/frame.oembed.json\""));
        let named = Publishing::new(Some("http://a.test/"), Some(" The Herald ")).unwrap();
        assert_eq!(response(&named, "T", None)["provider_name"], "The Herald");
    }

    #[test]
    fn a_base_url_that_is_not_an_absolute_http_folder_is_refused() {
        for bad in [
            "example.org/factsheet",
            "/factsheet/",
            "https://",
            "https:///x",
            "javascript:alert(1)",
            "https://example.org/a b/",
            "https://example.org/\"><script>",
            "https://example.org/?q=1",
        ] {
            assert!(Publishing::new(Some(bad), None).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_width_is_the_cards_widest_in_its_stylesheet() {
        let css = factsheet::STYLESHEET;
        let rule = css
            .split("\n.factsheet {")
            .nth(1)
            .and_then(|rest| rest.split('}').next())
            .expect("the .factsheet rule");
        assert!(
            rule.contains(&format!("max-width: {CARD_WIDTH}px;")),
            "the card's max-width differs from oembed::CARD_WIDTH"
        );
    }
}
