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

use super::date::PartialDate;
use super::sheet::{
    AsOf, Citation, Claim, ClaimKind, Conflict, Figure, Party, Sheet, Source, Status, Value,
};

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

/// A month as `(year, month)`, when the date is known to the month.
fn known_month(as_of: &AsOf) -> Option<(i32, u32)> {
    let text = match as_of {
        AsOf::Exact { date, .. } => date,
        AsOf::Approximate { period, .. } => period,
        AsOf::Relative {
            resolved: Some(day),
            ..
        } => day,
        AsOf::Relative { resolved: None, .. } | AsOf::NotStated => return None,
    };
    let date = PartialDate::parse(text)?;
    Some((date.year, date.month?))
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A known date in plain English ("January 13, 2025", "December 2024", "2024"), or `None`
/// when the sources do not state it.
pub fn date_words(as_of: &AsOf) -> Option<String> {
    let text = match as_of {
        AsOf::Exact { date, .. } => date,
        AsOf::Approximate { period, .. } => period,
        AsOf::Relative {
            resolved: Some(day),
            ..
        } => day,
        AsOf::Relative { resolved: None, .. } | AsOf::NotStated => return None,
    };
    let date = PartialDate::parse(text)?;
    let month = date
        .month
        .and_then(|m| MONTHS.get((m as usize).wrapping_sub(1)));
    Some(match (month, date.day) {
        (Some(month), Some(day)) => format!("{month} {day}, {}", date.year),
        (Some(month), None) => format!("{month} {}", date.year),
        _ => date.year.to_string(),
    })
}

/// One origin's figures with one date, in a conflict of figures: 300 dead and 2,700 wounded
/// from South Korea on January 13 are one estimate.
#[derive(Clone, Debug, PartialEq)]
pub struct Estimate<'a> {
    /// The independent origins behind it (usually one).
    pub origins: Vec<&'a str>,
    /// Its date: the figures' own `as_of`.
    pub as_of: &'a AsOf,
    /// Its figures, in the conflict's order.
    pub figures: Vec<&'a Figure>,
}

impl Estimate<'_> {
    /// Lowest and highest total, where every part has bounds (a vague value with no reading
    /// has none).
    fn bounds(&self) -> Option<(f64, f64)> {
        let mut low = 0.0;
        let mut high = 0.0;
        for figure in &self.figures {
            let (a, b) = match &figure.value {
                Value::Exact { number, .. } | Value::Approximate { number, .. } => {
                    (*number, *number)
                }
                Value::Range { min, max, .. } => (*min, *max),
                Value::Vague {
                    reading: Some(r), ..
                } => (r.min, r.max),
                Value::Vague { reading: None, .. } => return None,
            };
            low += a;
            high += b;
        }
        Some((low, high))
    }

    /// Whether the two give different numbers.
    fn differs_from(&self, other: &Estimate<'_>) -> bool {
        match (self.bounds(), other.bounds()) {
            (Some(a), Some(b)) => a != b,
            _ => {
                let words = |e: &Estimate<'_>| -> Vec<String> {
                    e.figures
                        .iter()
                        .map(|f| f.value.written().to_lowercase())
                        .collect()
                };
                words(self) != words(other)
            }
        }
    }

    /// "300 dead and 2,700 wounded".
    pub fn values(&self) -> String {
        let parts: Vec<String> = self
            .figures
            .iter()
            .map(|f| format!("{} {}", f.value.written(), f.unit))
            .collect();
        let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
        join_names(&parts)
    }

    /// The month both sides of a dispute must share.
    pub fn month(&self) -> Option<(i32, u32)> {
        known_month(self.as_of)
    }

    /// Whether the two estimates dispute each other: no origin in common, different numbers,
    /// and both dated in the same month.
    pub fn disputes(&self, other: &Estimate<'_>) -> bool {
        let shared_origin = self.origins.iter().any(|o| other.origins.contains(o));
        let same_month = matches!((self.month(), other.month()), (Some(a), Some(b)) if a == b);
        !shared_origin && same_month && self.differs_from(other)
    }
}

/// The figures of a conflict, grouped as estimates: one per origin and date, in the order
/// the conflict first names them. Claims in the conflict are left out.
pub fn estimates<'a>(sheet: &'a Sheet, conflict: &'a Conflict) -> Vec<Estimate<'a>> {
    let mut out: Vec<Estimate<'a>> = Vec::new();
    for id in &conflict.items {
        let Some(figure) = sheet.figures.iter().find(|f| &f.id == id) else {
            continue;
        };
        let figure_origins = origins(sheet, Item::Figure(figure));
        let date = date_words(&figure.as_of);
        let same = out.iter_mut().find(|e| {
            same_members(&e.origins, &figure_origins)
                && match &date {
                    Some(d) => date_words(e.as_of).as_ref() == Some(d),
                    None => e.as_of == &figure.as_of,
                }
        });
        match same {
            Some(estimate) => estimate.figures.push(figure),
            None => out.push(Estimate {
                origins: figure_origins,
                as_of: &figure.as_of,
                figures: vec![figure],
            }),
        }
    }
    out
}

/// The same origins, in any order (each list holds each origin once).
fn same_members(a: &[&str], b: &[&str]) -> bool {
    a.len() == b.len() && a.iter().all(|x| b.contains(x))
}

fn origin_names(sheet: &Sheet, origins: &[&str]) -> String {
    let names: Vec<&str> = origins.iter().map(|o| party_name(sheet, o)).collect();
    join_names(&names)
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

/// Every figure and claim of the sheet, in sheet order.
pub fn items(sheet: &Sheet) -> impl Iterator<Item = Item<'_>> {
    sheet
        .figures
        .iter()
        .map(Item::Figure)
        .chain(sheet.claims.iter().map(Item::Claim))
}
