//! Evidence -> status: the rules that decide how far an item is verified, and the "why"
//! sentence that says so in the reader's words.
//!
//! Independence is counted by origin, never by outlet: two outlets repeating one claimant are
//! one confirmation, and a party that is `part_of` another (a spy agency of its government)
//! is the same origin as it. Each citation may say who its outlet attributes the item to and
//! when (`Citation::claimants`, `Citation::as_of`); without them it stands for the item's.
//!
//! The rules' wording is [`Status::rule`], shown by the card's legend and quoted by the README;
//! each sentence [`assess`] writes is built from the same facts the rule tests, so a badge and
//! its "why" cannot disagree.
//!
//! Here: the item, its origins and the lookups; `estimates.rs` groups a conflict's figures as
//! estimates and dates them; `assess.rs` applies the rules and writes each sentence.

mod assess;
mod estimates;

pub use assess::{assess, missing_evidence};
pub use estimates::{date_words, estimates, Estimate};

use super::sheet::{AsOf, Citation, Claim, ClaimKind, Figure, Party, Sheet, Source, Status};

impl Status {
    /// The rule that gives this status, in the words the card's legend and the README use.
    pub fn rule(self) -> &'static str {
        match self {
            Status::Disputed => "For a figure: another origin gives a different number for the same count, and both are dated in the same month; a date not stated never makes a dispute, and the same number attributed differently by two outlets is one figure, not a dispute. For a claim: another outlet's account of the same thing says something different.",
            Status::Unverified => "An outlet says it could not verify it.",
            Status::NotAcknowledged => "An outlet says a party that would know has not acknowledged it.",
            Status::Corroborated => "Two or more independent origins state it. A party and the parties that are part of it (a spy agency and its government) are one origin; outlets repeating an origin add nothing.",
            Status::SingleOrigin => "Exactly one origin states it, however many outlets repeat it. Not applied to a speaker's own words quoted verbatim, nor to an outlet's own notice that it could not verify something or that a party has not acknowledged it: those are shown as what they are.",
        }
    }
}

/// Every status's word, in order ("Corroborated, Not acknowledged"), for places with room for
/// one line, such as a ClaimReview's rating; for an item with none (a quote, an outlet's own
/// notice), what it is shown as.
pub fn status_words(statuses: &[Status]) -> String {
    if statuses.is_empty() {
        return "No status: shown as reported".into();
    }
    let words: Vec<&str> = statuses.iter().map(|s| s.label()).collect();
    words.join(", ")
}

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

    /// "figure" or "claim", for messages.
    pub fn noun(self) -> &'static str {
        match self {
            Item::Figure(_) => "figure",
            Item::Claim(_) => "claim",
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

    /// The statuses the editor declared.
    pub fn declared(self) -> &'a [Status] {
        match self {
            Item::Figure(f) => &f.status,
            Item::Claim(c) => &c.status,
        }
    }

    /// A speaker's own words quoted, or an outlet's own notice: shown as what they are, and
    /// never given an origin status that would read as a warning.
    fn speaks_for_itself(self) -> bool {
        matches!(
            self,
            Item::Claim(Claim {
                kind: ClaimKind::Quote | ClaimKind::CouldNotVerify | ClaimKind::NotAcknowledged,
                ..
            })
        )
    }
}

/// Who this citation's outlet says states the item: its own claimants, or the item's.
pub fn citation_claimants<'a>(item: Item<'a>, citation: &'a Citation) -> &'a [String] {
    if citation.claimants.is_empty() {
        item.claimants()
    } else {
        &citation.claimants
    }
}

/// When this citation's outlet dates the figure: its own date, or the figure's.
pub fn citation_as_of<'a>(figure: &'a Figure, citation: &'a Citation) -> &'a AsOf {
    citation.as_of.as_ref().unwrap_or(&figure.as_of)
}

/// What the evidence says about one item.
#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    /// Every status the evidence gives, in [`Status::ALL`] order; possibly none.
    pub statuses: Vec<Status>,
    /// One sentence per status, in the same order, saying what gives it.
    pub reasons: Vec<(Status, String)>,
    /// Who states it and which outlets report it ("Reported by 2 outlets (RFA; Bloomberg),
    /// both citing one origin: Ukraine."), or, for a quote or an outlet's notice, what it is.
    /// Always written, so an item with no status still says where it comes from.
    pub reported: String,
}

impl Assessment {
    /// All reasons as one paragraph, in status order; the `reported` sentence when there are
    /// none, or when no reason already says who reported it.
    pub fn why(&self) -> String {
        let mut sentences: Vec<&str> = self.reasons.iter().map(|(_, s)| s.as_str()).collect();
        let origin_said = self
            .statuses
            .iter()
            .any(|s| matches!(s, Status::Corroborated | Status::SingleOrigin));
        if !origin_said {
            sentences.push(&self.reported);
        }
        sentences.join(" ")
    }

    /// The sentence for one status, if the item has it.
    pub fn reason(&self, status: Status) -> Option<&str> {
        self.reasons
            .iter()
            .find(|(s, _)| *s == status)
            .map(|(_, why)| why.as_str())
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

/// The independent origins behind an item, over every citation's claimants, in the order
/// first named.
pub fn origins<'a>(sheet: &'a Sheet, item: Item<'a>) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for citation in item.citations() {
        for claimant in citation_claimants(item, citation) {
            push_unique(&mut out, origin(sheet, claimant));
        }
    }
    if item.citations().is_empty() {
        for claimant in item.claimants() {
            push_unique(&mut out, origin(sheet, claimant));
        }
    }
    out
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

fn names<'a>(sheet: &'a Sheet, ids: &'a [String]) -> Vec<&'a str> {
    ids.iter().map(|id| party_name(sheet, id)).collect()
}

/// Every figure and claim of the sheet, in sheet order.
pub fn items(sheet: &Sheet) -> impl Iterator<Item = Item<'_>> {
    sheet
        .figures
        .iter()
        .map(Item::Figure)
        .chain(sheet.claims.iter().map(Item::Claim))
}
