//! Evidence -> status: the rules that decide how far an item is verified, and the "why"
//! sentence that says so in the reader's words.
//!
//! Independence is counted by origin, never by outlet: two outlets repeating one claimant are
//! one confirmation, and a party that is `part_of` another (a spy agency of its government)
//! is the same origin as it.

use super::sheet::{Citation, Claim, ClaimKind, Figure, Party, Sheet, Source, Status};

/// A figure or a claim: the things that carry a status.
#[derive(Clone, Copy)]
pub enum Item<'a> {
    Figure(&'a Figure),
    Claim(&'a Claim),
}

impl<'a> Item<'a> {
    pub fn id(self) -> &'a str {
        match self {
            Item::Figure(f) => &f.id,
            Item::Claim(c) => &c.id,
        }
    }

    pub fn claimants(self) -> &'a [String] {
        match self {
            Item::Figure(f) => &f.claimants,
            Item::Claim(c) => &c.claimants,
        }
    }

    pub fn citations(self) -> &'a [Citation] {
        match self {
            Item::Figure(f) => &f.citations,
            Item::Claim(c) => &c.citations,
        }
    }

    pub fn declared(self) -> Status {
        match self {
            Item::Figure(f) => f.status,
            Item::Claim(c) => c.status,
        }
    }
}

/// What the evidence says about one item.
#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    /// The status the evidence supports: the first in [`Status::ALL`] order that applies.
    pub status: Status,
    /// Every status that applies, in that order, each with its sentence.
    pub reasons: Vec<(Status, String)>,
}

impl Assessment {
    /// All reasons as one paragraph, the winning one first.
    pub fn why(&self) -> String {
        let sentences: Vec<&str> = self.reasons.iter().map(|(_, s)| s.as_str()).collect();
        sentences.join(" ")
    }
}

pub fn party<'a>(sheet: &'a Sheet, id: &str) -> Option<&'a Party> {
    sheet.parties.iter().find(|p| p.id == id)
}

pub fn source<'a>(sheet: &'a Sheet, id: &str) -> Option<&'a Source> {
    sheet.sources.iter().find(|s| s.id == id)
}

/// The party's display name, or its id when the reference is dangling (validation reports
/// that separately).
pub fn party_name<'a>(sheet: &'a Sheet, id: &'a str) -> &'a str {
    party(sheet, id).map_or(id, |p| p.name.as_str())
}

/// The short name of a source for tight spaces ("RFA"), falling back to the outlet.
pub fn outlet_name<'a>(sheet: &'a Sheet, id: &'a str) -> &'a str {
    source(sheet, id).map_or(id, |s| s.short_name.as_deref().unwrap_or(&s.outlet))
}

/// The independent origin a party speaks for: follows `part_of` to the top. Cycles (rejected
/// by validation) stop after as many steps as there are parties.
pub fn origin<'a>(sheet: &'a Sheet, id: &'a str) -> &'a str {
    let mut current = id;
    for _ in 0..sheet.parties.len() {
        match party(sheet, current).and_then(|p| p.part_of.as_deref()) {
            Some(parent) => current = parent,
            None => break,
        }
    }
    current
}

fn push_unique<'a>(list: &mut Vec<&'a str>, value: &'a str) {
    if !list.contains(&value) {
        list.push(value);
    }
}

/// "A", "A and B", "A, B and C".
pub fn join_names(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} and {}", rest.join(", "), last),
    }
}

/// "Reported by 2 outlets (RFA via Yonhap; Bloomberg via Lee Seong-kweun)".
fn reported_by(sheet: &Sheet, citations: &[Citation]) -> (usize, String) {
    let mut outlets: Vec<&str> = Vec::new();
    for c in citations {
        push_unique(&mut outlets, &c.source);
    }
    let parts: Vec<String> = outlets
        .iter()
        .map(|outlet| {
            let mut vias: Vec<&str> = Vec::new();
            for c in citations.iter().filter(|c| c.source == *outlet) {
                if let Some(via) = &c.via {
                    push_unique(&mut vias, party_name(sheet, via));
                }
            }
            let name = outlet_name(sheet, outlet);
            if vias.is_empty() {
                name.to_string()
            } else {
                format!("{name} via {}", join_names(&vias))
            }
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

/// Works out the status of `item` from the sheet's evidence.
pub fn assess(sheet: &Sheet, item: Item<'_>) -> Assessment {
    let id = item.id();
    let mut reasons = Vec::new();

    for conflict in sheet
        .conflicts
        .iter()
        .filter(|c| c.items.iter().any(|i| i == id))
    {
        reasons.push((
            Status::Contested,
            format!("Contested ({}): {}", conflict.title, conflict.explanation),
        ));
    }

    let notices = |kind: ClaimKind| {
        sheet
            .claims
            .iter()
            .filter(move |c| c.kind == kind && c.about.iter().any(|a| a == id))
    };
    for notice in notices(ClaimKind::CouldNotVerify) {
        let mut outlets: Vec<&str> = Vec::new();
        for c in &notice.citations {
            push_unique(&mut outlets, outlet_name(sheet, &c.source));
        }
        let words = notice.citations.first().map_or("", |c| c.quote.as_str());
        reasons.push((
            Status::Unverified,
            format!(
                "Unverified: {} says \u{201C}{}\u{201D}",
                join_names(&outlets),
                words.trim()
            ),
        ));
    }
    for notice in notices(ClaimKind::NotAcknowledged) {
        let names: Vec<&str> = notice
            .silent_parties
            .iter()
            .map(|p| party_name(sheet, p))
            .collect();
        let mut outlets: Vec<&str> = Vec::new();
        for c in &notice.citations {
            push_unique(&mut outlets, outlet_name(sheet, &c.source));
        }
        reasons.push((
            Status::NotAcknowledged,
            format!(
                "Not acknowledged by {}, according to {}.",
                join_names(&names),
                join_names(&outlets)
            ),
        ));
    }

    let mut origins: Vec<&str> = Vec::new();
    for claimant in item.claimants() {
        push_unique(&mut origins, origin(sheet, claimant));
    }
    let claimant_names: Vec<&str> = item
        .claimants()
        .iter()
        .map(|c| party_name(sheet, c))
        .collect();
    let (outlets, reported) = reported_by(sheet, item.citations());
    if origins.len() >= 2 {
        let names: Vec<&str> = origins.iter().map(|o| party_name(sheet, o)).collect();
        reasons.push((
            Status::Corroborated,
            format!(
                "Stated by {} independent origins ({}). {reported}.",
                origins.len(),
                names.join("; ")
            ),
        ));
    } else {
        let citing = match outlets {
            0 | 1 => "citing",
            2 => "both citing",
            _ => "all citing",
        };
        reasons.push((
            Status::SingleOrigin,
            format!(
                "{reported}, {citing} one origin: {}.",
                join_names(&claimant_names)
            ),
        ));
    }

    let status = reasons.first().map_or(Status::SingleOrigin, |(s, _)| *s);
    Assessment { status, reasons }
}

/// Every figure and claim of the sheet, in sheet order.
pub fn items(sheet: &Sheet) -> impl Iterator<Item = Item<'_>> {
    sheet
        .figures
        .iter()
        .map(Item::Figure)
        .chain(sheet.claims.iter().map(Item::Claim))
}
