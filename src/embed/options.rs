//! A mount point's `data-` attributes, read and checked. Pure, so it is tested natively.

use crate::view::format::safe_lang;
use crate::view::{Headings, Theme, View};

/// What one `<div data-factsheet>` asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// `data-src`: a sheet to fetch instead of the built-in one.
    pub src: Option<String>,
    /// `data-theme`: light, dark or auto (the default).
    pub theme: Theme,
    /// `data-lang`, else the page's `lang`, else "en".
    pub lang: String,
    /// `data-headings`: the headline's level, `h2` (the default) to `h6`, or `none`.
    pub headings: Headings,
    /// `data-view`: `glance` (the default: the rest one tap away) or `full` (every
    /// disclosure open).
    pub view: View,
    /// `data-timeout`: how many seconds a `data-src` sheet may take before the card says it
    /// has not answered and offers to try again (`DEFAULT_TIMEOUT_S` by default).
    pub timeout_s: u32,
}

/// How long a `data-src` sheet may take by default, in seconds: long enough for a slow phone
/// connection, short enough that a reader is not left with a loading card.
pub const DEFAULT_TIMEOUT_S: u32 = 10;
/// The longest `data-timeout` accepted, in seconds.
pub const MAX_TIMEOUT_S: u32 = 120;

/// Reads the attributes through `get` (name without `data-`). Every bad value is reported,
/// each as one sentence naming the attribute, the value and the fix.
pub fn read_options(
    get: impl Fn(&str) -> Option<String>,
    page_lang: Option<String>,
) -> Result<Options, Vec<String>> {
    let mut problems = Vec::new();
    let theme = match get("theme").as_deref().map(str::trim) {
        None | Some("") | Some("auto") => Theme::Auto,
        Some("light") => Theme::Light,
        Some("dark") => Theme::Dark,
        Some(other) => {
            problems.push(format!(
                "data-theme=\"{other}\" is not a theme: use light, dark or auto."
            ));
            Theme::Auto
        }
    };
    let headings = match get("headings").as_deref().map(str::trim) {
        None | Some("") => Headings::default(),
        Some(value) => match value.to_ascii_lowercase().as_str() {
            "none" => Headings::None,
            "h2" => Headings::Level(2),
            "h3" => Headings::Level(3),
            "h4" => Headings::Level(4),
            "h5" => Headings::Level(5),
            "h6" => Headings::Level(6),
            _ => {
                problems.push(format!(
                    "data-headings=\"{value}\" is not a heading setting: use h2 to h6 (the headline's level in your page's outline; h2 by default) or none (no heading)."
                ));
                Headings::default()
            }
        },
    };
    let view = match get("view").as_deref().map(str::trim) {
        None | Some("") | Some("glance") => View::Glance,
        Some("full") => View::Full,
        Some(other) => {
            problems.push(format!(
                "data-view=\"{other}\" is not a view: use glance or full."
            ));
            View::Glance
        }
    };
    let timeout_s = match get("timeout").as_deref().map(str::trim) {
        None | Some("") => DEFAULT_TIMEOUT_S,
        Some(value) => match value.parse::<u32>() {
            Ok(n) if (1..=MAX_TIMEOUT_S).contains(&n) => n,
            _ => {
                problems.push(format!(
                    "data-timeout=\"{value}\" is not a number of seconds: use a whole number from 1 to {MAX_TIMEOUT_S} ({DEFAULT_TIMEOUT_S} by default)."
                ));
                DEFAULT_TIMEOUT_S
            }
        },
    };
    let lang = match get("lang").map(|l| l.trim().to_string()) {
        Some(l) if safe_lang(&l) == l => l,
        Some(l) => {
            problems.push(format!(
                "data-lang=\"{l}\" is not a language tag this widget accepts: use a form like \"en\", \"de-CH\" or \"zh-Hant-TW\"."
            ));
            "en".into()
        }
        None => page_lang
            .filter(|l| safe_lang(l) == l)
            .unwrap_or_else(|| "en".into()),
    };
    let src = match get("src").map(|s| s.trim().to_string()) {
        None => None,
        Some(s) if s.is_empty() => {
            problems.push("data-src is empty: give the sheet's URL, or remove the attribute to show the built-in sheet.".into());
            None
        }
        Some(s) => {
            let lower = s.to_ascii_lowercase();
            let scheme = lower.split_once(':').map(|(scheme, _)| scheme.to_string());
            let allowed = match scheme.as_deref() {
                // No scheme, or one of ours: a relative URL such as "sheets/story.json".
                None => true,
                Some(scheme)
                    if scheme.contains('/') || scheme.contains('?') || scheme.contains('#') =>
                {
                    true
                }
                Some("http") | Some("https") => true,
                Some(_) => false,
            };
            if allowed && !s.chars().any(char::is_control) {
                Some(s)
            } else {
                problems.push(format!(
                    "data-src=\"{s}\" is not an http(s) or relative URL."
                ));
                None
            }
        }
    };
    if problems.is_empty() {
        Ok(Options {
            src,
            theme,
            lang,
            headings,
            view,
            timeout_s,
        })
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(pairs: &[(&str, &str)]) -> Result<Options, Vec<String>> {
        let owned: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        read_options(
            |name| {
                owned
                    .iter()
                    .find(|(k, _)| k == name)
                    .map(|(_, v)| v.clone())
            },
            Some("de".into()),
        )
    }

    #[test]
    fn defaults_follow_the_page() {
        let o = read(&[]).unwrap();
        assert_eq!((o.src, o.theme, o.lang.as_str()), (None, Theme::Auto, "de"));
        assert_eq!(o.headings, Headings::Level(2));
        assert_eq!(o.view, View::Glance);
        assert_eq!(o.timeout_s, DEFAULT_TIMEOUT_S);
    }

    #[test]
    fn a_timeout_is_whole_seconds_within_bounds() {
        assert_eq!(read(&[("timeout", " 3 ")]).unwrap().timeout_s, 3);
        for bad in ["0", "1.5", "121", "soon", "-2"] {
            let errors = read(&[("timeout", bad)]).unwrap_err();
            assert_eq!(errors.len(), 1, "{bad}");
            assert!(
                errors[0].starts_with(&format!("data-timeout=\"{bad}\"")),
                "{errors:?}"
            );
        }
    }

    #[test]
    fn good_values_are_taken() {
        let o = read(&[
            ("src", "sheets/a.json"),
            ("theme", "dark"),
            ("lang", "fr-CA"),
            ("headings", "H4"),
            ("view", "full"),
        ])
        .unwrap();
        assert_eq!(o.headings, Headings::Level(4));
        assert_eq!(o.view, View::Full);
        assert_eq!(o.src.as_deref(), Some("sheets/a.json"));
        assert_eq!(o.theme, Theme::Dark);
        assert_eq!(o.lang, "fr-CA");
    }

    #[test]
    fn every_bad_value_is_named() {
        let errors = read(&[
            ("src", "javascript:alert(1)"),
            ("theme", "blue"),
            ("lang", "english please"),
            ("headings", "h1"),
            ("view", "everything"),
        ])
        .unwrap_err();
        assert_eq!(errors.len(), 5);
        assert!(errors[0].starts_with("data-theme=\"blue\""));
        assert!(errors[1].starts_with("data-headings=\"h1\""));
        assert!(errors[2].starts_with("data-view=\"everything\""));
        assert!(errors[3].starts_with("data-lang=\"english please\""));
        assert!(errors[4].starts_with("data-src=\"javascript:alert(1)\""));
    }

    #[test]
    fn no_headings_is_a_setting() {
        assert_eq!(
            read(&[("headings", " none ")]).unwrap().headings,
            Headings::None
        );
    }
}
