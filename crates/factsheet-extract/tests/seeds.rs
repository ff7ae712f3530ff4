//! The extractor on the seed story's two articles, measured against the hand-made
//! `assets/sheet.json` (issue 16's acceptance), printed as a table (`-- --nocapture`).
//!
//! What counts as right, per sheet item:
//! - a figure is found when a draft figure has its value (the number, or the words of a
//!   vague amount) and cites at least one of its sources; it is right when, as well, its
//!   kind (exact, approximate, vague) and every hedge of a source both cite match, its unit
//!   shares a word with the sheet's unit or label, it cites exactly the sheet's sources, and
//!   its claimants are the sheet's as origins (a party and what it is part of are one origin,
//!   as the status rules count them);
//! - a direct quote (a citation of a `quote` claim with quotation marks) is found when a
//!   draft quote cites the same source with the quoted words, and right when the draft's
//!   speaker is the sheet's claimant (by name or alias; a party the sheet describes rather
//!   than names, by a draft name holding every word of its description);
//! - a conflict is proposed when one draft conflict holds at least two of its items.
//!
//! The articles are read from `../shared/seeds`, never copied into the project.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::path::PathBuf;

use factsheet_extract::{extract, read};
use factsheet_model::text::normalise;
use factsheet_model::{AsOf, ClaimKind, Figure, Sheet, Value};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fold(name: &str) -> String {
    let n = normalise(name).to_lowercase().replace('.', "");
    n.strip_prefix("the ").map(str::to_string).unwrap_or(n)
}

fn names_of(sheet: &Sheet, id: &str) -> Vec<String> {
    sheet
        .parties
        .iter()
        .filter(|p| p.id == id)
        .flat_map(|p| std::iter::once(p.name.clone()).chain(p.aliases.clone()))
        .map(|n| fold(&n))
        .collect()
}

/// Whether a sheet party is described rather than named ("The captured soldiers in
/// Zelenskyy's video"): its name has words in lower case besides function words.
fn described(name: &str) -> bool {
    name.split_whitespace()
        .skip(1)
        .any(|w| w.len() > 3 && w.starts_with(|c: char| c.is_lowercase()))
}

/// The sheet party a draft party names, by name or alias; a party the sheet describes, by a
/// draft name that says all its description says (every word of it, as `words` folds them):
/// an editor's description and the draft's, built from the article's words, cannot be
/// expected to be the same string.
fn party_in_sheet(draft: &Sheet, sheet: &Sheet, draft_id: &str) -> Option<String> {
    let names = names_of(draft, draft_id);
    let by_name = sheet
        .parties
        .iter()
        .find(|p| names_of(sheet, &p.id).iter().any(|n| names.contains(n)));
    let by_description = || {
        let draft_words: Vec<BTreeSet<String>> = names.iter().map(|n| words(n)).collect();
        sheet
            .parties
            .iter()
            .find(|p| described(&p.name) && draft_words.iter().any(|w| words(&p.name).is_subset(w)))
    };
    by_name.or_else(by_description).map(|p| p.id.clone())
}

fn origin(sheet: &Sheet, id: &str) -> String {
    let mut id = id.to_string();
    for _ in 0..8 {
        match sheet
            .parties
            .iter()
            .find(|p| p.id == id)
            .and_then(|p| p.part_of.clone())
        {
            Some(o) => id = o,
            None => break,
        }
    }
    id
}

fn draft_origins(draft: &Sheet, sheet: &Sheet, ids: &[String]) -> BTreeSet<String> {
    ids.iter()
        .map(|id| match party_in_sheet(draft, sheet, id) {
            Some(p) => origin(sheet, &p),
            None => format!("(draft only) {id}"),
        })
        .collect()
}

/// The day or month an as-of date gives, and its kind.
fn day(as_of: &AsOf) -> (&'static str, Option<String>) {
    match as_of {
        AsOf::Exact { date, .. } => ("exact", Some(date.clone())),
        AsOf::Approximate { period, .. } => ("approximate", Some(period.clone())),
        AsOf::Relative { resolved, .. } => ("relative", resolved.clone()),
        AsOf::NotStated => ("not stated", None),
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Exact { .. } => "exact",
        Value::Approximate { .. } => "approximate",
        Value::Range { .. } => "range",
        Value::Vague { .. } => "vague",
    }
}

fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (
            Value::Exact { number: x, .. } | Value::Approximate { number: x, .. },
            Value::Exact { number: y, .. } | Value::Approximate { number: y, .. },
        ) => x == y,
        (
            Value::Range {
                min: a1, max: a2, ..
            },
            Value::Range {
                min: b1, max: b2, ..
            },
        ) => a1 == b1 && a2 == b2,
        (Value::Vague { written: x, .. }, Value::Vague { written: y, .. }) => {
            x.eq_ignore_ascii_case(y)
        }
        _ => false,
    }
}

fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 2)
        .map(|w| w.to_lowercase().trim_end_matches('s').to_string())
        .collect()
}

/// Draft source id -> sheet source id, by archive file.
fn source_in_sheet(draft: &Sheet, sheet: &Sheet, id: &str) -> String {
    let file = draft
        .sources
        .iter()
        .find(|s| s.id == id)
        .map(|s| s.archive_file.clone())
        .unwrap_or_default();
    sheet
        .sources
        .iter()
        .find(|s| s.archive_file == file)
        .map(|s| s.id.clone())
        .unwrap_or_default()
}

fn sources(figure: &Figure, map: impl Fn(&str) -> String) -> BTreeSet<String> {
    figure.citations.iter().map(|c| map(&c.source)).collect()
}

struct Measured {
    rows: Vec<(String, String, String)>,
    figures_right: usize,
    quotes_right: usize,
    quotes_total: usize,
    zelenskyy_grouped: bool,
    parties_whole: bool,
    conflicts_proposed: usize,
    precision: (usize, usize),
}

fn measure() -> Measured {
    let sheet = factsheet_model::parse(
        "assets/sheet.json",
        &std::fs::read(root().join("assets/sheet.json")).unwrap(),
    )
    .unwrap();
    let seeds = root().join("../shared/seeds");
    let articles: Vec<_> = sheet
        .sources
        .iter()
        .map(|s| {
            read(
                &s.archive_file,
                &std::fs::read(seeds.join(&s.archive_file)).unwrap(),
            )
            .unwrap()
        })
        .collect();
    let draft = extract(&articles).sheet;
    let to_sheet_source = |id: &str| source_in_sheet(&draft, &sheet, id);
    let mut rows = Vec::new();

    // Figures.
    let mut figures_right = 0;
    let mut dates_differ: Vec<String> = Vec::new();
    let mut matched_draft: Vec<(String, String)> = Vec::new();
    for f in &sheet.figures {
        let want_sources = sources(f, |s| s.to_string());
        let candidate = draft
            .figures
            .iter()
            .filter(|d| {
                same_value(&d.value, &f.value)
                    && !sources(d, to_sheet_source).is_disjoint(&want_sources)
            })
            .max_by_key(|d| {
                sources(d, to_sheet_source)
                    .intersection(&want_sources)
                    .count()
            });
        let Some(d) = candidate else {
            rows.push((format!("figure `{}`", f.id), "missed".into(), String::new()));
            continue;
        };
        matched_draft.push((d.id.clone(), f.id.clone()));
        let mut wrong = Vec::new();
        if kind(&d.value) != kind(&f.value) {
            wrong.push(format!(
                "kind {} (sheet: {})",
                kind(&d.value),
                kind(&f.value)
            ));
        }
        for c in &f.citations {
            if let Some(dc) = d
                .citations
                .iter()
                .find(|x| to_sheet_source(&x.source) == c.source)
            {
                let a = dc.qualifier.as_deref().map(str::to_lowercase);
                let b = c.qualifier.as_deref().map(str::to_lowercase);
                if a != b {
                    wrong.push(format!("hedge {a:?} in {} (sheet: {b:?})", c.source));
                }
            }
        }
        let unit_words = words(&d.unit);
        if unit_words.is_disjoint(&words(&format!("{} {}", f.unit, f.label))) {
            wrong.push(format!("unit \"{}\" (sheet: \"{}\")", d.unit, f.unit));
        }
        if sources(d, to_sheet_source) != want_sources {
            wrong.push(format!(
                "sources {:?} (sheet: {want_sources:?})",
                sources(d, to_sheet_source)
            ));
        }
        let got = draft_origins(&draft, &sheet, &d.claimants);
        let want: BTreeSet<String> = f.claimants.iter().map(|c| origin(&sheet, c)).collect();
        if got != want {
            wrong.push(format!("claimants {got:?} (sheet: {want:?})"));
        }
        if wrong.is_empty() {
            figures_right += 1;
        }
        // The as-of date is reported, not part of "right": the acceptance does not ask it.
        if day(&d.as_of) != day(&f.as_of) {
            dates_differ.push(format!(
                "`{}`: {:?} (sheet: {:?})",
                f.id,
                day(&d.as_of),
                day(&f.as_of)
            ));
        }
        rows.push((
            format!("figure `{}`", f.id),
            if wrong.is_empty() {
                "right".into()
            } else {
                "found, partly wrong".into()
            },
            if wrong.is_empty() {
                format!("`{}`", d.id)
            } else {
                wrong.join("; ")
            },
        ));
    }

    // Direct quotes.
    let (mut quotes_right, mut quotes_total) = (0, 0);
    for claim in sheet.claims.iter().filter(|c| c.kind == ClaimKind::Quote) {
        for c in &claim.citations {
            let quote = normalise(&c.quote);
            let Some(inner) = quote.split('"').nth(1) else {
                continue;
            };
            quotes_total += 1;
            let found = draft
                .claims
                .iter()
                .filter(|d| d.kind == ClaimKind::Quote)
                .find(|d| {
                    d.citations.iter().any(|x| {
                        to_sheet_source(&x.source) == c.source
                            && normalise(&x.quote).contains(inner)
                    })
                });
            let (verdict, note) = match found {
                None => ("missed".to_string(), String::new()),
                Some(d) => {
                    let speakers: Vec<Option<String>> = d
                        .claimants
                        .iter()
                        .map(|p| party_in_sheet(&draft, &sheet, p))
                        .collect();
                    let want: Vec<Option<String>> =
                        claim.claimants.iter().cloned().map(Some).collect();
                    if speakers == want {
                        quotes_right += 1;
                        ("right".into(), String::new())
                    } else {
                        let named: Vec<String> = d
                            .claimants
                            .iter()
                            .flat_map(|p| {
                                draft
                                    .parties
                                    .iter()
                                    .filter(move |x| &x.id == p)
                                    .map(|x| x.name.clone())
                            })
                            .collect();
                        (
                            "wrong speaker".into(),
                            format!("draft: {named:?}, sheet: {:?}", claim.claimants),
                        )
                    }
                }
            };
            rows.push((
                format!("quote `{}` in {}", claim.id, c.source),
                verdict,
                note,
            ));
        }
    }

    // The three spellings the issue names, in one party.
    let spellings = ["Zelenskyy", "Zelenskiy", "Volodymr Zelenskyy"];
    let zelenskyy_grouped = draft.parties.iter().any(|p| {
        let all: Vec<String> = std::iter::once(p.name.clone())
            .chain(p.aliases.clone())
            .collect();
        spellings.iter().all(|s| all.iter().any(|n| n == s))
    });
    rows.push((
        "Zelenskyy's three spellings in one party".into(),
        if zelenskyy_grouped {
            "yes".into()
        } else {
            "no".into()
        },
        String::new(),
    ));

    // One party per sheet party: a name split over two draft parties would be two origins.
    let mut split: Vec<String> = Vec::new();
    for p in &sheet.parties {
        let n = draft
            .parties
            .iter()
            .filter(|d| party_in_sheet(&draft, &sheet, &d.id).as_deref() == Some(p.id.as_str()))
            .count();
        if n > 1 {
            split.push(format!("`{}` ({n} draft parties)", p.id));
        }
    }
    let parties_whole = split.is_empty();
    rows.push((
        "sheet parties split over draft parties".into(),
        if parties_whole {
            "none".into()
        } else {
            split.join(", ")
        },
        String::new(),
    ));

    // Conflicts.
    let claim_in_sheet = |id: &str| -> Option<String> {
        let d = draft.claims.iter().find(|c| c.id == id)?;
        sheet
            .claims
            .iter()
            .find(|c| {
                c.citations.iter().any(|x| {
                    d.citations.iter().any(|y| {
                        to_sheet_source(&y.source) == x.source
                            && (normalise(&y.quote).contains(&normalise(&x.quote))
                                || normalise(&x.quote).contains(&normalise(&y.quote)))
                    })
                })
            })
            .map(|c| c.id.clone())
    };
    let mut conflicts_proposed = 0;
    for c in &sheet.conflicts {
        let best = draft
            .conflicts
            .iter()
            .map(|d| {
                let mapped: Vec<Option<String>> = d
                    .items
                    .iter()
                    .map(|i| {
                        matched_draft
                            .iter()
                            .find(|(di, _)| di == i)
                            .map(|(_, s)| s.clone())
                            .or_else(|| claim_in_sheet(i))
                    })
                    .collect();
                let hits = mapped
                    .iter()
                    .flatten()
                    .filter(|s| c.items.contains(s))
                    .count();
                (hits, mapped.len() - hits)
            })
            .max();
        let (hits, extra) = best.unwrap_or((0, 0));
        if hits >= 2 {
            conflicts_proposed += 1;
        }
        rows.push((
            format!("conflict `{}`", c.id),
            if hits >= 2 {
                "proposed".into()
            } else {
                "missed".into()
            },
            format!("{hits} of its {} items, {extra} other", c.items.len()),
        ));
    }

    rows.push((
        "figures' as-of dates as the sheet's".into(),
        format!(
            "{} of {}",
            matched_draft.len() - dates_differ.len(),
            sheet.figures.len()
        ),
        dates_differ.join("; "),
    ));
    let real = draft
        .figures
        .iter()
        .filter(|d| matched_draft.iter().any(|(i, _)| *i == d.id))
        .count();
    let precision = (real, draft.figures.len());
    rows.push((
        "proposed figures that are the sheet's".into(),
        format!("{real} of {}", draft.figures.len()),
        String::new(),
    ));
    Measured {
        rows,
        figures_right,
        quotes_right,
        quotes_total,
        zelenskyy_grouped,
        parties_whole,
        conflicts_proposed,
        precision,
    }
}

#[test]
fn the_seed_story_measured_against_the_hand_made_sheet() {
    let m = measure();
    println!("\n| item | result | detail |\n|---|---|---|");
    for (item, result, detail) in &m.rows {
        println!("| {item} | {result} | {detail} |");
    }
    let sheet = factsheet_model::parse(
        "assets/sheet.json",
        &std::fs::read(root().join("assets/sheet.json")).unwrap(),
    )
    .unwrap();
    println!(
        "\nfigures right: {} of {}; direct quotes with the right speaker: {} of {}; conflicts proposed: {} of {}; proposed figures that are the sheet's: {} of {}",
        m.figures_right,
        sheet.figures.len(),
        m.quotes_right,
        m.quotes_total,
        m.conflicts_proposed,
        sheet.conflicts.len(),
        m.precision.0,
        m.precision.1
    );
    // Issue 16's acceptance: all but one figure right, the conflicts proposed, the spellings
    // grouped, three in four proposed figures real.
    assert!(m.figures_right + 1 >= sheet.figures.len());
    assert!(m.zelenskyy_grouped);
    assert!(m.parties_whole);
    assert_eq!(m.conflicts_proposed, sheet.conflicts.len());
    assert!(m.precision.0 * 4 >= m.precision.1 * 3);
    // At least 90% of direct quotes with the right speaker.
    assert!(
        m.quotes_right * 10 >= m.quotes_total * 9,
        "{} of {}",
        m.quotes_right,
        m.quotes_total
    );
}

/// Every quote of the draft is a verbatim span of its article, and the draft breaks no rule
/// of the sheet format but the one that keeps proposals from shipping: one problem per item.
#[test]
fn the_seed_draft_is_verbatim_and_refused_only_for_its_proposals() {
    let seeds = root().join("../shared/seeds");
    let files = ["000_b755dfdeaf3b8a75.txt", "001_5e6639b0d8469737.txt"];
    let articles: Vec<_> = files
        .iter()
        .map(|f| read(f, &std::fs::read(seeds.join(f)).unwrap()).unwrap())
        .collect();
    let mut draft = extract(&articles).sheet;
    let problems = factsheet_model::validate::check_quotes(&draft, &|file| {
        std::fs::read_to_string(seeds.join(file)).map_err(|e| e.to_string())
    });
    assert!(problems.is_empty(), "{problems:?}");
    let problems = factsheet_model::validate::check(&draft, None, &factsheet_model::RustNumberText);
    let items = 1
        + draft.sources.len()
        + draft.parties.len()
        + draft.figures.len()
        + draft.claims.len()
        + draft.conflicts.len();
    let proposals = problems
        .iter()
        .filter(|p| p.message.contains("is still a proposal"))
        .count();
    assert_eq!(proposals, items, "one problem per proposed item");
    let others: Vec<String> = problems
        .iter()
        .map(|p| format!("{}: {}", p.path, p.message))
        .filter(|p| !p.contains("is still a proposal"))
        .collect();
    assert!(others.is_empty(), "{others:#?}");
    // Accepted by an editor (every proposal removed), it is a valid sheet.
    draft.story.proposal = None;
    draft.sources.iter_mut().for_each(|x| x.proposal = None);
    draft.parties.iter_mut().for_each(|x| x.proposal = None);
    draft.figures.iter_mut().for_each(|x| x.proposal = None);
    draft.claims.iter_mut().for_each(|x| x.proposal = None);
    draft.conflicts.iter_mut().for_each(|x| x.proposal = None);
    assert!(
        factsheet_model::validate::check(&draft, None, &factsheet_model::RustNumberText).is_empty()
    );
}

/// The measure itself: a described party is matched only by a name that says all its
/// description says; a named party only by its name.
#[test]
fn a_described_party_is_matched_by_every_word_of_its_description() {
    let sheet_name = "The captured soldiers in Zelenskyy's video";
    assert!(described(sheet_name));
    assert!(!described("South Korea's National Intelligence Service"));
    let holds = |draft: &str| words(sheet_name).is_subset(&words(draft));
    assert!(holds(
        "The two men in the video Zelenskyy\u{2019}s X post included (captured North Korean soldiers, Ukraine said)"
    ));
    assert!(!holds("The man"));
    assert!(!holds("The captured soldiers"));
    assert!(!holds("The two men in Zelenskyy's video"));
}
