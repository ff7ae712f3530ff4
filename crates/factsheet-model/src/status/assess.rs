//! The rules applied to one item: each status it has, the sentence saying why, and, for the
//! validator, what evidence a declared status lacks.

use super::estimates::{estimates, origin_names};
use super::*;
use crate::date::MONTHS;
use crate::sheet::{Claim, ClaimKind, Figure, Sheet, Status};

/// "Reported by 2 outlets (RFA via Yonhap; Bloomberg via Lee Seong-kweun)"; when the outlets
/// attribute the item differently, each outlet's attribution is named ("RFA, citing United
/// States and South Korea; Bloomberg, citing United States").
fn reported_by(sheet: &Sheet, item: Item<'_>) -> (usize, String) {
    let citations = item.citations();
    let mut outlets: Vec<&str> = Vec::new();
    for c in citations {
        push_unique(&mut outlets, &c.source);
    }
    let attributed_differently = citations
        .iter()
        .any(|c| citation_claimants(item, c) != item.claimants());
    let parts: Vec<String> = outlets
        .iter()
        .map(|outlet| {
            let mut vias: Vec<&str> = Vec::new();
            let mut claimants: Vec<&str> = Vec::new();
            for c in citations.iter().filter(|c| c.source == *outlet) {
                if let Some(via) = &c.via {
                    push_unique(&mut vias, party_name(sheet, via));
                }
                for id in citation_claimants(item, c) {
                    push_unique(&mut claimants, party_name(sheet, id));
                }
            }
            let mut part = outlet_name(sheet, outlet).to_string();
            if attributed_differently {
                part = format!("{part}, citing {}", join_names(&claimants));
            }
            if !vias.is_empty() {
                part = format!("{part} via {}", join_names(&vias));
            }
            part
        })
        .collect();
    let noun = if outlets.len() == 1 {
        "outlet"
    } else {
        "outlets"
    };
    (
        outlets.len(),
        format!(
            "Reported by {} {noun} ({})",
            outlets.len(),
            parts.join("; ")
        ),
    )
}

/// "Disputed: in January 2025, South Korea gives 300 dead and 2,700 wounded (January 13,
/// 2025), where Ukraine gives 3,800 casualties (January 4, 2025)."
fn figure_disputes(sheet: &Sheet, figure: &Figure) -> Vec<String> {
    let mut out = Vec::new();
    for conflict in sheet
        .conflicts
        .iter()
        .filter(|c| c.items.contains(&figure.id))
    {
        let all = estimates(sheet, conflict);
        let Some(own) = all
            .iter()
            .find(|e| e.figures.iter().any(|f| f.id == figure.id))
        else {
            continue;
        };
        let others: Vec<String> = all
            .iter()
            .filter(|other| own.disputes(other))
            .map(|other| {
                format!(
                    "{} gives {} ({})",
                    origin_names(sheet, &other.origins),
                    other.values(),
                    date_words(other.as_of).unwrap_or_default()
                )
            })
            .collect();
        if others.is_empty() {
            continue;
        }
        let month = own
            .month()
            .and_then(|(y, m)| MONTHS.get((m as usize).wrapping_sub(1)).map(|n| (y, n)))
            .map(|(y, n)| format!("{n} {y}"))
            .unwrap_or_default();
        out.push(format!(
            "Disputed ({}): in {month}, {}, where {} gives {} ({}).",
            conflict.title,
            others.join("; "),
            origin_names(sheet, &own.origins),
            own.values(),
            date_words(own.as_of).unwrap_or_default()
        ));
    }
    out
}

/// The outlets that cite an item.
fn outlets_of(item: Item<'_>) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for c in item.citations() {
        push_unique(&mut out, &c.source);
    }
    out
}

/// "Disputed (Who told the soldiers to kill themselves): Bloomberg's account differs:
/// “Lee also said Pyongyang has told …”"
fn claim_disputes(sheet: &Sheet, claim: &Claim) -> Vec<String> {
    let own_outlets = outlets_of(Item::Claim(claim));
    let mut out = Vec::new();
    for conflict in sheet
        .conflicts
        .iter()
        .filter(|c| c.items.contains(&claim.id))
    {
        let accounts: Vec<String> = conflict
            .items
            .iter()
            .filter(|id| **id != claim.id)
            .filter_map(|id| sheet.claims.iter().find(|c| &c.id == id))
            .filter_map(|other| {
                let citation = other
                    .citations
                    .iter()
                    .find(|c| !own_outlets.contains(&c.source.as_str()))?;
                let via = citation
                    .via
                    .as_deref()
                    .map(|v| format!(" via {}", party_name(sheet, v)))
                    .unwrap_or_default();
                Some(format!(
                    "{}{via} reports \u{201C}{}\u{201D}",
                    outlet_name(sheet, &citation.source),
                    citation.quote.trim()
                ))
            })
            .collect();
        if !accounts.is_empty() {
            out.push(end_sentence(format!(
                "Disputed ({}): another outlet's account differs: {}",
                conflict.title,
                accounts.join("; ")
            )));
        }
    }
    out
}

/// Ends a sentence with a full stop unless it already ends with one, before or inside a
/// closing quotation mark.
fn end_sentence(mut sentence: String) -> String {
    let tail = sentence.trim_end_matches(['\u{201D}', '"', '\'']);
    if !tail.ends_with(['.', '!', '?']) {
        sentence.push('.');
    }
    sentence
}

/// Works out the statuses of `item` from the sheet's evidence.
pub fn assess(sheet: &Sheet, item: Item<'_>) -> Assessment {
    let id = item.id();
    let mut reasons: Vec<(Status, String)> = Vec::new();

    let disputes = match item {
        Item::Figure(f) => figure_disputes(sheet, f),
        Item::Claim(c) => claim_disputes(sheet, c),
    };
    if !disputes.is_empty() {
        reasons.push((Status::Disputed, disputes.join(" ")));
    }

    let notices = |kind: ClaimKind| {
        sheet
            .claims
            .iter()
            .filter(move |c| c.kind == kind && c.about.iter().any(|a| a == id))
    };
    let unverified: Vec<String> = notices(ClaimKind::CouldNotVerify)
        .map(|notice| {
            let mut outlets: Vec<&str> = Vec::new();
            for c in &notice.citations {
                push_unique(&mut outlets, outlet_name(sheet, &c.source));
            }
            let words = notice.citations.first().map_or("", |c| c.quote.as_str());
            end_sentence(format!(
                "Unverified: {} says \u{201C}{}\u{201D}",
                join_names(&outlets),
                words.trim()
            ))
        })
        .collect();
    if !unverified.is_empty() {
        reasons.push((Status::Unverified, unverified.join(" ")));
    }
    let silent: Vec<String> = notices(ClaimKind::NotAcknowledged)
        .map(|notice| {
            let mut outlets: Vec<&str> = Vec::new();
            for c in &notice.citations {
                push_unique(&mut outlets, outlet_name(sheet, &c.source));
            }
            format!(
                "Not acknowledged by {}, according to {}.",
                join_names(&names(sheet, &notice.silent_parties)),
                join_names(&outlets)
            )
        })
        .collect();
    if !silent.is_empty() {
        reasons.push((Status::NotAcknowledged, silent.join(" ")));
    }

    let origins = origins(sheet, item);
    let (outlets, reported) = reported_by(sheet, item);
    let claimant_names = join_names(&names(sheet, item.claimants()));
    if origins.len() >= 2 {
        reasons.push((
            Status::Corroborated,
            format!(
                "Stated by {} independent origins ({}). {reported}.",
                origins.len(),
                origins
                    .iter()
                    .map(|o| party_name(sheet, o))
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
        ));
    }
    let single = if item.speaks_for_itself() || origins.len() >= 2 {
        None
    } else {
        let citing = match outlets {
            0 | 1 => "citing",
            2 => "both citing",
            _ => "all citing",
        };
        Some(format!(
            "{reported}, {citing} one origin: {claimant_names}."
        ))
    };
    let reported_sentence = match (item, &single) {
        (_, Some(sentence)) => sentence.clone(),
        (
            Item::Claim(Claim {
                kind: ClaimKind::Quote,
                ..
            }),
            None,
        ) if origins.len() < 2 => {
            format!("A speaker's own words, quoted: {claimant_names}. {reported}.")
        }
        (
            Item::Claim(Claim {
                kind: ClaimKind::CouldNotVerify | ClaimKind::NotAcknowledged,
                ..
            }),
            _,
        ) => format!("The outlet's own notice. {reported}."),
        _ => format!("{reported}."),
    };
    if let Some(sentence) = single {
        reasons.push((Status::SingleOrigin, sentence));
    }

    // Pushed in `Status::ALL` order above, so no sort (and no sort code in the wasm).
    Assessment {
        statuses: reasons.iter().map(|(s, _)| *s).collect(),
        reasons,
        reported: reported_sentence,
    }
}

/// Why an item does not have `status`: the evidence that rule looked for and did not find.
/// Used by the validator when a declared status is not derived.
pub fn missing_evidence(sheet: &Sheet, item: Item<'_>, status: Status) -> String {
    let origins = origins(sheet, item);
    match status {
        Status::Corroborated => format!(
            "only one independent origin states it ({})",
            origin_names(sheet, &origins)
        ),
        Status::SingleOrigin if item.speaks_for_itself() => match item {
            Item::Claim(Claim {
                kind: ClaimKind::Quote,
                ..
            }) => "it is a speaker's own words, quoted: it is shown as a quote, not flagged".into(),
            _ => "it is an outlet's own notice: it is shown as what it is, not flagged".into(),
        },
        Status::SingleOrigin => format!(
            "{} independent origins state it ({})",
            origins.len(),
            origin_names(sheet, &origins)
        ),
        Status::Disputed => {
            let in_conflict = sheet
                .conflicts
                .iter()
                .any(|c| c.items.iter().any(|i| i == item.id()));
            match (in_conflict, item) {
                (false, _) => "it is in no conflict with anything else".into(),
                (true, Item::Figure(_)) => "no estimate from another origin in its conflict gives a different number dated in the same month".into(),
                (true, Item::Claim(_)) => "no other outlet gives an account in its conflict".into(),
            }
        }
        Status::Unverified => "no `could_not_verify` claim lists it in `about`".into(),
        Status::NotAcknowledged => "no `not_acknowledged` claim lists it in `about`".into(),
    }
}
