//! The decoder reads back what serde's serialiser writes, for a sheet that uses every variant
//! of every enum and every optional field: the declarations' serde attributes (which also
//! generate `sheet.schema.json`) and the decoder derived from them agree, variant by variant.
//!
//! That the sheet really uses everything is checked against the committed schema (which
//! `cargo xtask schema --check` keeps equal to the declarations): every property, every
//! alternative and every name the schema allows appears in the written sheet. A field or
//! variant added to the model fails this test until the sheet below uses it.

// A test says what broke by failing loudly: unwrap, expect and panic! are allowed here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;

use factsheet_model::*;
use serde_json::Value as Json;

fn texts(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| w.to_string()).collect()
}

fn citation(source: &str, via: Option<&str>, qualifier: Option<&str>) -> Citation {
    Citation {
        source: source.into(),
        quote: "as many as 2.5 thousand, about 12,000".into(),
        via: via.map(Into::into),
        qualifier: qualifier.map(Into::into),
        claimants: Vec::new(),
        as_of: None,
    }
}

/// What the extractor sets on an item it proposes.
fn proposal() -> Proposal {
    Proposal {
        confidence: 0.75,
        reason: "a number after \"about\"".into(),
    }
}

fn every_kind_of_source() -> Vec<Source> {
    let dateds = [
        Dated::Stated(StatedDate {
            kind: DateKind::Published,
            as_written: "Jan. 12, 2025".into(),
            at: "2025-01-12".into(),
        }),
        Dated::Stated(StatedDate {
            kind: DateKind::Updated,
            as_written: "Updated Jan. 12, 2025, 11:08 p.m. ET.".into(),
            at: "2025-01-12T23:08-05:00".into(),
        }),
        Dated::NotStated {
            note: Some("the text says \u{a9}2025".into()),
        },
        Dated::NotStated { note: None },
    ];
    dateds
        .into_iter()
        .enumerate()
        .map(|(i, dated)| Source {
            id: format!("source-{i}"),
            outlet: format!("Outlet {i}"),
            short_name: (i % 2 == 0).then(|| format!("O{i}")),
            title: "A report".into(),
            dated,
            url: (i == 0).then(|| "https://example.org/report".into()),
            byline: (i == 1).then(|| "A. Reporter".into()),
            archive_file: format!("source-{i}.txt"),
            proposal: (i == 0).then(proposal),
        })
        .collect()
}

fn every_kind_of_figure() -> Vec<Figure> {
    let values = [
        Value::Exact {
            number: 2.0,
            written: "two".into(),
        },
        Value::Approximate {
            number: 4000.5,
            written: "about 4,000".into(),
        },
        Value::Range {
            min: 1.0,
            max: 3.5,
            written: "one to three and a half".into(),
        },
        Value::Vague {
            written: "several".into(),
            reading: None,
        },
        Value::Vague {
            written: "several hundred".into(),
            reading: Some(Reading {
                min: 200.0,
                max: 900.0,
                basis: "an editor's reading".into(),
            }),
        },
        Value::Exact {
            number: 1e20,
            written: "a hundred quintillion".into(),
        },
    ];
    let dates = [
        AsOf::Exact {
            as_written: "Jan. 4".into(),
            date: "2025-01-04".into(),
            basis: None,
        },
        AsOf::Exact {
            as_written: "Jan. 4".into(),
            date: "2025-01-04".into(),
            basis: Some("the dateline".into()),
        },
        AsOf::Approximate {
            as_written: "mid-December".into(),
            period: "2024-12".into(),
            basis: Some("b".into()),
        },
        AsOf::Relative {
            as_written: "on Monday".into(),
            resolved: None,
            utc_offset: None,
            basis: "b".into(),
        },
        AsOf::Relative {
            as_written: "on Monday".into(),
            resolved: Some("2025-01-13".into()),
            utc_offset: Some("+09:00".into()),
            basis: "counted from the date line in Seoul".into(),
        },
        AsOf::NotStated,
    ];
    values
        .into_iter()
        .zip(dates)
        .enumerate()
        .map(|(i, (value, as_of))| Figure {
            id: format!("figure-{i}"),
            label: "soldiers killed".into(),
            value,
            unit: "soldiers".into(),
            claimants: texts(&["party-0"]),
            as_of,
            citations: vec![
                citation("source-0", Some("party-1"), Some("as many as")),
                Citation {
                    claimants: texts(&["party-0"]),
                    as_of: Some(AsOf::NotStated),
                    ..citation("source-1", None, None)
                },
            ],
            // Every length of list, from none to all.
            status: Status::ALL[..i % (Status::ALL.len() + 1)].to_vec(),
            // With and without a review, and a review with and without its optional fields.
            review: match i % 3 {
                0 => None,
                1 => Some(Review {
                    verdict: "False".into(),
                    reviewer: "A desk".into(),
                    date: None,
                    url: None,
                }),
                _ => Some(Review {
                    verdict: "Misleading".into(),
                    reviewer: "A desk".into(),
                    date: Some("2025-01-14".into()),
                    url: Some("https://example.org/review".into()),
                }),
            },
            proposal: (i == 1).then(proposal),
        })
        .collect()
}

/// A sheet using every variant and every optional field (not a valid story: only its shape
/// matters here).
fn everything() -> Sheet {
    Sheet {
        schema: Some("sheet.schema.json".into()),
        story: Story {
            headline: "A headline".into(),
            summary: Summary {
                text: "A summary".into(),
                as_of: Some(AsOf::NotStated),
                citations: vec![citation("source-0", None, None)],
            },
            place: "A place".into(),
            dates: Period {
                from: "2024-12".into(),
                to: "2025-01-13".into(),
            },
            proposal: Some(proposal()),
        },
        sources: every_kind_of_source(),
        parties: PartyKind::ALL
            .iter()
            .enumerate()
            .map(|(i, kind)| Party {
                id: format!("party-{i}"),
                name: format!("Party {i}"),
                kind: *kind,
                aliases: if i == 0 {
                    texts(&["P0", "Party Zero"])
                } else {
                    Vec::new()
                },
                part_of: (i > 0).then(|| "party-0".into()),
                proposal: (i == 2).then(proposal),
            })
            .collect(),
        figures: every_kind_of_figure(),
        claims: ClaimKind::ALL
            .iter()
            .enumerate()
            .map(|(i, kind)| Claim {
                id: format!("claim-{i}"),
                kind: *kind,
                summary: "Someone said something".into(),
                claimants: texts(&["party-2"]),
                about: texts(&["figure-0"]),
                silent_parties: texts(&["party-3"]),
                citations: vec![citation("source-2", None, Some("about"))],
                status: vec![Status::ALL[(i + 2) % Status::ALL.len()]],
                review: (i == 0).then(|| Review {
                    verdict: "False".into(),
                    reviewer: "A desk".into(),
                    date: Some("2025-01-15".into()),
                    url: None,
                }),
                proposal: (i == 0).then(proposal),
            })
            .collect(),
        conflicts: vec![Conflict {
            id: "conflict-0".into(),
            title: "Counts differ".into(),
            items: texts(&["figure-0", "figure-1"]),
            proposal: Some(proposal()),
        }],
        credits: Some(Credits {
            compiled_by: Some("A desk".into()),
            updated: Some("2025-01-14".into()),
            corrections: Some("corrections@example.org".into()),
        }),
    }
}

#[test]
fn the_decoder_reads_back_what_the_serialiser_writes() {
    let sheet = everything();
    for written in [
        serde_json::to_string_pretty(&sheet).unwrap(),
        serde_json::to_string(&sheet).unwrap(),
    ] {
        let read = parse("written.json", written.as_bytes())
            .unwrap_or_else(|problems| panic!("{problems:#?}\n{written}"));
        assert_eq!(read, sheet);
    }
}

#[test]
fn the_round_trip_sheet_uses_everything_the_schema_allows() {
    let schema: Json = serde_json::from_str(include_str!("../../../assets/sheet.schema.json"))
        .expect("the committed schema is JSON");
    let defs = &schema["$defs"];
    let mut allowed = BTreeSet::new();
    allowed_places(&schema, "Sheet", &mut allowed);
    for (name, def) in defs.as_object().expect("$defs") {
        allowed_places(def, name, &mut allowed);
    }
    let written = serde_json::to_value(everything()).unwrap();
    let mut used = BTreeSet::new();
    used_places(defs, &schema, &written, "Sheet", &mut used);
    let unused: Vec<&String> = allowed.difference(&used).collect();
    assert!(
        unused.is_empty(),
        "the round-trip sheet leaves out {unused:#?}"
    );
}

/// Every property (`Type.field`), alternative (`Type#i`) and name (`Type=name`) a schema has.
fn allowed_places(schema: &Json, place: &str, out: &mut BTreeSet<String>) {
    for (i, alternative) in list(schema, "oneOf").iter().enumerate() {
        let alt = format!("{place}#{i}");
        allowed_places(alternative, &alt, out);
        out.insert(alt);
    }
    for name in list(schema, "enum") {
        out.insert(format!("{place}={}", name.as_str().unwrap_or_default()));
    }
    if let Some(properties) = schema["properties"].as_object() {
        for (key, property) in properties {
            let at = format!("{place}.{key}");
            allowed_places(property, &at, out);
            out.insert(at);
        }
    }
    allowed_places_in_items(schema, place, out);
}

fn allowed_places_in_items(schema: &Json, place: &str, out: &mut BTreeSet<String>) {
    if schema["items"].is_object() {
        allowed_places(&schema["items"], place, out);
    }
}

/// The places of `schema` that `value` uses, following `$ref`s into `defs`.
fn used_places(defs: &Json, schema: &Json, value: &Json, place: &str, out: &mut BTreeSet<String>) {
    if let Some(name) = schema["$ref"]
        .as_str()
        .and_then(|r| r.strip_prefix("#/$defs/"))
    {
        return used_places(defs, &defs[name], value, name, out);
    }
    // `Option<T>` is "T or null": no place of its own.
    for alternative in list(schema, "anyOf") {
        used_places(defs, alternative, value, place, out);
    }
    for (i, alternative) in list(schema, "oneOf").iter().enumerate() {
        if fits(alternative, value) {
            let alt = format!("{place}#{i}");
            used_places(defs, alternative, value, &alt, out);
            out.insert(alt);
        }
    }
    if let Some(name) = value.as_str() {
        if list(schema, "enum").iter().any(|n| n == value) {
            out.insert(format!("{place}={name}"));
        }
    }
    if let (Some(properties), Some(object)) = (schema["properties"].as_object(), value.as_object())
    {
        for (key, property) in properties {
            if let Some(member) = object.get(key).filter(|m| !m.is_null()) {
                let at = format!("{place}.{key}");
                used_places(defs, property, member, &at, out);
                out.insert(at);
            }
        }
    }
    if let Some(items) = value.as_array() {
        for item in items {
            used_places(defs, &schema["items"], item, place, out);
        }
    }
}

/// Whether `value` is of this alternative: its constant or one of its names, or an object
/// with its required keys and its tag.
fn fits(alternative: &Json, value: &Json) -> bool {
    if let Some(constant) = alternative.get("const") {
        return constant == value;
    }
    if alternative.get("enum").is_some() {
        return list(alternative, "enum").contains(value);
    }
    let Some(object) = value.as_object() else {
        return false;
    };
    let required = list(alternative, "required")
        .iter()
        .all(|key| key.as_str().is_some_and(|k| object.contains_key(k)));
    let tagged = alternative["properties"]
        .as_object()
        .into_iter()
        .flatten()
        .all(|(key, property)| {
            property
                .get("const")
                .is_none_or(|constant| object.get(key) == Some(constant))
        });
    required && tagged
}

fn list<'a>(schema: &'a Json, key: &str) -> &'a [Json] {
    schema[key].as_array().map_or(&[], Vec::as_slice)
}
