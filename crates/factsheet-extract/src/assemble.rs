//! From articles to a draft sheet: each article's figures, quotes, statements, orders and
//! notices with who says them, then across articles one figure per quantity and value, one
//! claim per quote, one party per name, and proposed conflicts; statuses from the model's
//! own rules.

use std::collections::{BTreeSet, HashMap, HashSet};

use factsheet_model::date::{PartialDate, WEEKDAYS};
use factsheet_model::{
    assess, AsOf, Citation, Claim, ClaimKind, Conflict, Dated, Figure, Item, Party, PartyKind,
    Period, Sheet, Source, Story, Summary, Value,
};

use crate::article::{layout, Article, Layout, Role, NOTICE_UNVERIFIED};
use crate::attribution::{
    attributions, mention, noun_phrase_after, noun_phrase_before, Attribution, Mention, Placement,
};
use crate::dates::{self, Reference};
use crate::figures::{quantities, Amount, Quantity};
use crate::introduced::{introductions, person_noun, Introduction};
use crate::names::{self, Name};
use crate::quotes::{folded_words, quotations};
use crate::tokens::{tokenize, Span, Token};
use crate::{proposal, Draft};
use factsheet_model::text::{is_capitalised, is_number, normalise, words};

/// One party as the articles name it, with every spelling seen.
struct PartyDraft {
    names: Vec<Name>,
    kind: PartyKind,
    owner: Option<usize>,
    title: Option<String>,
    why_merged: Vec<String>,
    descriptor: bool,
    /// For a person or group the text brings in by description ("two men ..."): how they
    /// were brought in, for the proposal's reason.
    introduced: Option<String>,
    /// Descriptions as printed that stand for this party ("the country's spy agency"):
    /// aliases for the editor, never compared with other names (every country has one).
    printed_aliases: Vec<String>,
}

/// Figures and claims proposed from all articles at most: a sheet must stay readable (and
/// under the model's 1 MB).
const MAX_ITEMS: usize = 1000;

/// Spellings of one party compared with a new name.
const MAX_SPELLINGS: usize = 8;

/// Citations kept per item: more are repetition, not evidence.
const MAX_CITATIONS: usize = 20;

/// How many parties spelling variants are looked for among (see `Parties::named`).
const MAX_FUZZY_PARTIES: usize = 300;

#[derive(Default)]
struct Parties {
    list: Vec<PartyDraft>,
    by_name: HashMap<String, usize>,
    by_last_word: HashMap<String, usize>,
}

impl Parties {
    fn named(&mut self, words: &str) -> usize {
        let name = names::parse(words);
        // Spelling variants are looked for among a page's worth of parties; past that (a
        // dump, not an article) only the same name is one party, so time stays linear.
        let fuzzy = self.list.len() < MAX_FUZZY_PARTIES;
        let folded = names::fold(&name.name);
        if let Some(&i) = self.by_name.get(&folded) {
            let party = &mut self.list[i];
            if !party.descriptor {
                // "US" and "U.S.": one name, both spellings kept as aliases.
                if party.names.len() < MAX_SPELLINGS
                    && !party.names.iter().any(|n| n.name == name.name)
                {
                    party.names.push(name);
                }
                return i;
            }
        }
        for (i, party) in self.list.iter_mut().enumerate().filter(|_| fuzzy) {
            if party.descriptor {
                continue;
            }
            // A party's first spellings stand for it (a dump could give it thousands).
            if let Some(why) = party
                .names
                .iter()
                .take(MAX_SPELLINGS)
                .find_map(|n| names::same_party(n, &name))
            {
                if !party.names.iter().any(|n| n.name == name.name) {
                    party.why_merged.push(format!("\"{}\" ({why})", name.name));
                    if party.kind == PartyKind::Organisation
                        || party.kind == PartyKind::Person && name.kind != PartyKind::Organisation
                    {
                        party.kind = name.kind;
                    }
                    party.title = party.title.take().or(name.title.clone());
                    party.names.push(name);
                }
                return i;
            }
        }
        let owner = name.owner.clone();
        if let Some((_, last)) = folded.rsplit_once(' ') {
            self.by_last_word
                .entry(last.to_string())
                .or_insert(self.list.len());
        }
        self.by_name.entry(folded).or_insert(self.list.len());
        self.list.push(PartyDraft {
            kind: name.kind,
            title: name.title.clone(),
            names: vec![name],
            owner: None,
            why_merged: Vec::new(),
            descriptor: false,
            introduced: None,
            printed_aliases: Vec::new(),
        });
        let at = self.list.len() - 1;
        if let Some(owner) = owner {
            if !owner.to_lowercase().starts_with("the ") && !owner.to_lowercase().starts_with("its")
            {
                let o = self.named(&owner);
                if o != at {
                    self.list[at].owner = Some(o);
                }
            }
        }
        at
    }

    /// The party a name is already known as, without adding one.
    fn find(&self, words: &str) -> Option<usize> {
        // A name in passing is matched as printed or by its last word ("Brandvold"): cheap
        // enough for every capitalised run of a long text.
        let folded = names::fold(&names::parse(words).name);
        self.by_name
            .get(&folded)
            .or_else(|| {
                (!folded.contains(' '))
                    .then(|| self.by_last_word.get(&folded))
                    .flatten()
            })
            .copied()
            .filter(|i| !self.list[*i].descriptor)
    }

    fn descriptor(&mut self, words: &str) -> usize {
        self.described(format!("The {words}"), None)
    }

    /// The person or group a description brought in, named by its own words; never merged
    /// with a named party, since nothing in the text says who they are.
    fn introduced(&mut self, intro: &Introduction) -> usize {
        let why = format!(
            "brought in as \"{}\" and later called by a description",
            intro.as_printed
        );
        self.described(intro.name.clone(), Some(why))
    }

    /// The party called by the description `name`, added once.
    fn described(&mut self, name: String, introduced: Option<String>) -> usize {
        if let Some(i) = self
            .list
            .iter()
            .position(|p| p.descriptor && p.names[0].name == name)
        {
            return i;
        }
        self.list.push(PartyDraft {
            names: vec![Name {
                name,
                title: None,
                owner: None,
                kind: PartyKind::Person,
            }],
            kind: PartyKind::Person,
            owner: None,
            title: None,
            why_merged: Vec::new(),
            descriptor: true,
            introduced,
            printed_aliases: Vec::new(),
        });
        self.list.len() - 1
    }

    fn outlet(&mut self, outlet: &str) -> usize {
        let i = self.named(outlet);
        if matches!(
            self.list[i].kind,
            PartyKind::Organisation | PartyKind::Person
        ) {
            self.list[i].kind = PartyKind::NewsOutlet;
        }
        i
    }

    /// The party at the top of `i`'s `part_of` chain: one origin.
    fn origin(&self, mut i: usize) -> usize {
        for _ in 0..8 {
            match self.list.get(i).and_then(|p| p.owner) {
                Some(o) => i = o,
                None => break,
            }
        }
        i
    }

    fn is_person(&self, i: usize) -> bool {
        matches!(
            self.list[i].kind,
            PartyKind::Person | PartyKind::Leader | PartyKind::Lawmaker | PartyKind::Military
        )
    }
}

/// What the article has said so far, for "he said" and "the president said".
#[derive(Default)]
struct Context {
    last_person: Option<usize>,
    last_speaker: Option<usize>,
    last_country: Option<usize>,
    /// The last quote's speaker, for a quote paragraph without its own attribution.
    last_quoted: Option<usize>,
    titles: Vec<(String, usize)>,
    /// Who "he" and "she" last stood for, so that "she said" after a man's quote still finds
    /// the woman named before him.
    pronouns: Vec<(String, usize)>,
    /// Parties in the order the article names them, for "the office" and "the ministry".
    seen: Vec<usize>,
    /// People brought in by description ("a fisherman from Tarn", "two men"), with the
    /// paragraph that brings them in, for "the man said".
    introduced: Vec<(usize, Introduction)>,
    /// The paragraph being read, its span, and its article.
    paragraph: usize,
    paragraph_span: Span,
    article: usize,
    /// How the last description resolved was read, when it was read against the people
    /// brought in before it: what the proposal says, and its confidence.
    description_read: Option<(String, f64)>,
}

/// How far back (in paragraphs) "the man" looks for the man a story brought in: news names
/// someone and quotes them within a paragraph or two.
const INTRODUCTION_REACH: usize = 2;

/// How a reason says that "the man" was read as one of "two men".
const ONE_OF_THE_GROUP: &str = "one of the group";

#[derive(Clone, Copy, PartialEq)]
enum ItemRef {
    Figure(usize),
    Claim(usize),
}

struct FoundFigure {
    source: usize,
    quote: String,
    amount: Amount,
    written: String,
    hedge: Option<String>,
    unit: String,
    predicate: Vec<String>,
    claimants: Vec<usize>,
    via: Option<usize>,
    as_of: AsOf,
    rule: &'static str,
    how: &'static str,
    confidence: f64,
}

struct FoundClaim {
    kind: ClaimKind,
    source: usize,
    /// Citation text, one per span of this source.
    quote: String,
    quote_span: Span,
    paragraph: usize,
    /// For quotes: the quoted words, folded, to find the same quote in another outlet.
    quoted: Option<String>,
    summary: String,
    claimants: Vec<usize>,
    via: Option<usize>,
    about: Vec<ItemRef>,
    silent: Vec<usize>,
    /// For reported orders: who gave it, and what it says to do.
    order: Option<(Option<usize>, String)>,
    confidence: f64,
    reason: String,
    /// The speaker is one of a group ("the man" of "two men"): the summary says "One of".
    one_of_group: bool,
}

/// Whitespace as one space: a quote that still matches its source under the verbatim check.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= 40 {
            break;
        }
    }
    out.trim_end_matches('-').to_string()
}

fn unique_id(base: &str, fallback: &str, used: &mut HashSet<String>) -> String {
    let base = if base.is_empty() {
        fallback.to_string()
    } else {
        base.to_string()
    };
    let mut id = base.clone();
    let mut n = 2;
    while used.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    used.insert(id.clone());
    id
}

const HARM: &[&str] = &[
    "dead",
    "killed",
    "died",
    "deaths",
    "death",
    "casualties",
    "casualty",
    "wounded",
    "injured",
    "injuries",
    "hurt",
    "fatalities",
    "toll",
    "lives",
];

const NOTICE_SILENT: &[&str] = &[
    "have not acknowledged",
    "has not acknowledged",
    "haven't acknowledged",
    "hasn't acknowledged",
    "did not acknowledge",
    "didn't acknowledge",
    "have not confirmed",
    "has not confirmed",
    "haven't confirmed",
    "hasn't confirmed",
    "did not confirm",
    "didn't confirm",
    "have not commented",
    "has not commented",
];
/// Verbs that say who speaks, rather than what they did.
const SPEECH: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "according",
    "added",
    "adds",
    "wrote",
    "writes",
    "stated",
    "states",
];

const ORDER_VERBS: &[&str] = &[
    "told",
    "telling",
    "tells",
    "ordered",
    "ordering",
    "orders",
    "instructed",
    "instructing",
    "instructs",
    "urged",
    "urging",
    "directed",
    "commanded",
];

struct Reader<'a> {
    parties: Parties,
    figures: Vec<FoundFigure>,
    claims: Vec<FoundClaim>,
    articles: &'a [Article],
    notes: Vec<String>,
}

/// A sentence of a body paragraph, read once.
struct Sentence<'t> {
    span: Span,
    tokens: Vec<Token>,
    attributions: Vec<Attribution>,
    text: &'t str,
}

impl Reader<'_> {
    /// The party a mention names, or `None` for a pronoun with nobody before it.
    fn resolve(&mut self, m: &Mention, ctx: &mut Context) -> Option<usize> {
        ctx.description_read = None;
        if m.pronoun {
            let lower = m.words.to_lowercase();
            let found = match lower.as_str() {
                "he" | "she" => {
                    // The last person, unless the text last called them by the other pronoun.
                    let other = ctx
                        .last_person
                        .and_then(|p| ctx.pronouns.iter().rev().find(|(_, q)| *q == p))
                        .is_some_and(|(w, _)| *w != lower);
                    if other {
                        ctx.pronouns
                            .iter()
                            .rev()
                            .find(|(w, _)| *w == lower)
                            .map(|(_, p)| *p)
                            .or(ctx.last_person)
                    } else {
                        ctx.last_person
                    }
                }
                "i" | "we" => ctx.last_quoted.or(ctx.last_speaker),
                _ => ctx.last_speaker,
            };
            if let (Some(p), "he" | "she") = (found, lower.as_str()) {
                ctx.pronouns.push((lower.clone(), p));
            }
            return found;
        }
        // "the country's spy agency": the country named last, and the words as printed an
        // alias of what they name.
        if let Some(c) = ctx.last_country {
            for lead in ["country\u{2019}s ", "country's "] {
                // "the country's president" is a person its title finds, below.
                let body = |rest: &str| {
                    rest.split_whitespace()
                        .last()
                        .is_some_and(|w| !names::is_title(&w.to_lowercase()))
                };
                if let Some(rest) = m.words.strip_prefix(lead).filter(|r| body(r)) {
                    let owner = self.parties.list[c].names[0].name.clone();
                    let p = self.parties.named(&format!("{owner}'s {rest}"));
                    let printed = format!("the {}", m.words);
                    let party = &mut self.parties.list[p];
                    if !party.printed_aliases.contains(&printed) {
                        party.printed_aliases.push(printed);
                        party.why_merged.push(format!(
                            "\"the {}\" (\"the country\" read as {owner}, the country named last)",
                            m.words
                        ));
                    }
                    return Some(p);
                }
            }
        }
        if m.descriptor {
            let lower = m.words.to_lowercase();
            let head = lower.split_whitespace().last().unwrap_or("").to_string();
            if let Some((_, p)) = ctx.titles.iter().rev().find(|(t, _)| *t == head) {
                return Some(*p);
            }
            if let Some(p) = self.introduced_as(m, &head, ctx) {
                return Some(p);
            }
            // "one said" with no group before it names nobody.
            if head == "one" {
                return None;
            }
            // "the office": the last party named whose name ends with that word.
            let singular = head.trim_end_matches('s').to_string();
            let named = ctx.seen.iter().rev().copied().find(|p| {
                let party = &self.parties.list[*p];
                !party.descriptor
                    && party.names.iter().any(|n| {
                        let last = n
                            .name
                            .split_whitespace()
                            .last()
                            .unwrap_or("")
                            .to_lowercase();
                        last.trim_end_matches('s') == singular
                    })
            });
            if let Some(p) = named {
                return Some(p);
            }
            if let Some(p) = self.named_before_in_paragraph(m, &singular, ctx) {
                return Some(p);
            }
            ctx.description_read = Some((
                format!(
                    "a description (\"{}{}\") that fits nobody named, titled or brought in before it: kept as printed",
                    if m.definite { "the " } else { "" },
                    m.words
                ),
                0.4,
            ));
            let p = self.parties.descriptor(&m.words);
            return Some(p);
        }
        let p = self.parties.named(&m.words);
        if let Some(t) = self.parties.list[p].title.clone() {
            ctx.titles.push((t, p));
        }
        Some(p)
    }

    /// "The Harbor Board released a video ... the board said": a body named earlier in the
    /// paragraph, though not yet as a speaker, whose name of two or more words ends with the
    /// description's noun. People are left to `introduced_as` and titles.
    fn named_before_in_paragraph(
        &mut self,
        m: &Mention,
        singular: &str,
        ctx: &Context,
    ) -> Option<usize> {
        if person_noun(singular).is_some() || !m.definite || m.at <= ctx.paragraph_span.0 {
            return None;
        }
        let text = self.articles.get(ctx.article)?.text.as_str();
        let tokens = tokenize(text, Span(ctx.paragraph_span.0, m.at));
        let mut found = None;
        let mut k = 0;
        while k < tokens.len() {
            if !(tokens[k].capital && tokens[k].is_word) {
                k += 1;
                continue;
            }
            let start = k;
            while k < tokens.len() && tokens[k].capital && tokens[k].is_word {
                k += 1;
            }
            let last = tokens[k - 1].lower.trim_end_matches("'s");
            // A sentence's first "The" is no part of the name.
            let first = start + usize::from(tokens[start].is("the"));
            if k - first >= 2 && last.trim_end_matches('s') == singular {
                found = Some(Span(tokens[first].span.0, tokens[k - 1].span.1));
            }
        }
        let words = found?
            .of(text)
            .trim_end_matches("\u{2019}s")
            .trim_end_matches("'s");
        Some(self.parties.named(words))
    }

    /// "the man" or "the soldiers": the one person or group brought in by description in
    /// this paragraph or the two before it that the noun fits. Two that fit leave the
    /// description as printed (`None` after noting why); none that fit, `None` silently.
    fn introduced_as(&mut self, m: &Mention, head: &str, ctx: &mut Context) -> Option<usize> {
        // "one said": one of a group, whatever its noun.
        let (one, plural) = if head == "one" {
            ("one", false)
        } else {
            person_noun(head)?
        };
        if !m.definite {
            return None;
        }
        let fits: Vec<&Introduction> = ctx
            .introduced
            .iter()
            .filter(|(paragraph, intro)| {
                paragraph + INTRODUCTION_REACH >= ctx.paragraph
                    && intro.at < m.at
                    && (intro.heads.contains(&one) || one == "one" && intro.group)
                    && (intro.group || !plural)
            })
            .map(|(_, intro)| intro)
            .collect();
        match fits.as_slice() {
            [] => None,
            [intro] => {
                let intro = (*intro).clone();
                let p = self.parties.introduced(&intro);
                let read = if intro.group {
                    if plural {
                        "the group"
                    } else {
                        ONE_OF_THE_GROUP
                    }
                } else {
                    "the one person"
                };
                let called = if one == "one" {
                    m.words.clone()
                } else {
                    format!("the {}", m.words)
                };
                ctx.description_read = Some((
                    format!(
                        "a description (\"{called}\"), read as {read} brought in before it (\"{}\")",
                        intro.as_printed
                    ),
                    0.55,
                ));
                Some(p)
            }
            several => {
                let listed: Vec<String> = several
                    .iter()
                    .map(|i| format!("\"{}\"", i.as_printed))
                    .collect();
                ctx.description_read = Some((
                    format!(
                        "a description (\"the {}\") that fits {} people or groups brought in before it ({}): left as printed for the editor to name",
                        m.words,
                        several.len(),
                        listed.join(", ")
                    ),
                    0.3,
                ));
                let p = self.parties.descriptor(&m.words);
                Some(p)
            }
        }
    }

    fn note_speaker(&mut self, p: usize, ctx: &mut Context) {
        ctx.last_speaker = Some(p);
        ctx.seen.push(p);
        if self.parties.is_person(p) && !self.parties.list[p].descriptor {
            ctx.last_person = Some(p);
        }
        if self.parties.list[p].kind == PartyKind::Government
            && self.parties.list[p].owner.is_none()
        {
            ctx.last_country = Some(p);
        }
    }

    /// Known parties named in passing ("Brandvold defended ...") become the last named.
    fn note_mentions(&mut self, tokens: &[Token], text: &str, ctx: &mut Context) {
        let mut k = 0;
        while k < tokens.len() {
            if !(tokens[k].capital && tokens[k].is_word) {
                k += 1;
                continue;
            }
            let start = k;
            while k < tokens.len() && tokens[k].capital && tokens[k].is_word {
                k += 1;
            }
            let words = Span(tokens[start].span.0, tokens[k - 1].span.1).of(text);
            let words = words.trim_end_matches("\u{2019}s").trim_end_matches("'s");
            if let Some(p) = self.parties.find(words) {
                ctx.seen.push(p);
                if self.parties.is_person(p) {
                    ctx.last_person = Some(p);
                }
            }
        }
    }

    fn read_article(
        &mut self,
        a: usize,
        layout: &Layout,
        own: Option<&Reference>,
        year: Option<&Reference>,
    ) {
        let text = self.articles[a].text.as_str();
        let mut ctx = Context::default();
        let mut items_by_paragraph: Vec<Vec<ItemRef>> = Vec::new();
        for (pi, paragraph) in layout.paragraphs.iter().enumerate() {
            if self.figures.len() + self.claims.len() >= MAX_ITEMS {
                self.notes.push(format!(
                    "{}: stopped at byte {} after {MAX_ITEMS} items: a sheet is an editor's page of facts, not an archive",
                    self.articles[a].file, paragraph.span.0
                ));
                break;
            }
            let mut items: Vec<ItemRef> = Vec::new();
            if paragraph.role != Role::Body {
                items_by_paragraph.push(items);
                continue;
            }
            let quoted = quotations(text, paragraph.span);
            let inside_quote = |at: usize| quoted.iter().any(|q| q.outer.contains(at));
            let sentences: Vec<Sentence> = paragraph
                .sentences
                .iter()
                .map(|s| {
                    let tokens = tokenize(text, *s);
                    let mut attributions = attributions(&tokens, text);
                    attributions.retain(|x| {
                        !inside_quote(tokens[x.verb].span.0) && !is_order(&tokens, x.verb)
                    });
                    Sentence {
                        span: *s,
                        tokens,
                        attributions,
                        text,
                    }
                })
                .collect();
            // People brought in by description, for a later "the man said".
            ctx.paragraph = pi;
            ctx.paragraph_span = paragraph.span;
            ctx.article = a;
            // Out of reach, out of the list: a long text stays linear.
            ctx.introduced.retain(|(p, _)| p + INTRODUCTION_REACH >= pi);
            for s in &sentences {
                for intro in introductions(&s.tokens, text, inside_quote) {
                    ctx.introduced.push((pi, intro));
                }
            }
            // Countries and named people seen in passing keep "the country's" and "he" right.
            for s in &sentences {
                for at in &s.attributions {
                    for m in &at.speakers {
                        if m.pronoun || m.descriptor {
                            continue;
                        }
                        let name = names::parse(&m.words);
                        if names::is_country(&name.name) {
                            let p = self.parties.named(&m.words);
                            ctx.last_country = Some(p);
                        }
                    }
                }
            }
            // Quotes first: a number inside a quote is its speaker's.
            let mut quote_speakers: Vec<(Span, Option<usize>)> = Vec::new();
            let mut last_quote_claim: Option<usize> = None;
            for q in &quoted {
                let full = q.words(text) >= 5
                    || q.inner.of(text).trim_end().ends_with([',', '.', '?', '!']);
                if !full {
                    continue;
                }
                let first = sentences.iter().position(|s| s.span.contains(q.outer.0));
                let last = sentences
                    .iter()
                    .position(|s| s.span.contains(q.outer.1.saturating_sub(1)));
                let (Some(first), Some(last)) =
                    (first, last.or(Some(sentences.len().saturating_sub(1))))
                else {
                    continue;
                };
                let last = last.max(first);
                let span = Span(sentences[first].span.0, sentences[last].span.1);
                // The attribution outside the quote, nearest to it.
                let candidates: Vec<&Attribution> = sentences[first..=last]
                    .iter()
                    .flat_map(|s| s.attributions.iter().map(move |x| (s, x)))
                    .filter(|(s, x)| {
                        let at = s.tokens[x.verb].span.0;
                        !quoted.iter().any(|o| o.outer.contains(at))
                    })
                    .map(|(_, x)| x)
                    .collect();
                let chosen = candidates
                    .iter()
                    .find(|x| x.placement == Placement::Trailing)
                    .or(candidates.first())
                    .copied();
                let mut how = "the attribution beside the quote";
                let described: String;
                let mut one_of_group = false;
                let mut confidence = 0.8;
                let speaker = match chosen.and_then(|x| x.speakers.first()) {
                    Some(m) => {
                        if m.pronoun {
                            how = "a pronoun, read as the last person named";
                            confidence = 0.65;
                        }
                        if m.descriptor {
                            how = "a description, read as the person it last titled";
                            confidence = 0.6;
                        }
                        let p = self.resolve(m, &mut ctx);
                        if let Some((read, c)) = ctx.description_read.take() {
                            one_of_group = read.contains(ONE_OF_THE_GROUP);
                            described = read;
                            how = described.as_str();
                            confidence = c;
                        }
                        p
                    }
                    None => {
                        how = "no attribution: the speaker of the quote before it";
                        confidence = 0.55;
                        ctx.last_quoted
                    }
                };
                quote_speakers.push((q.outer, speaker));
                let Some(speaker) = speaker else {
                    continue;
                };
                self.note_speaker(speaker, &mut ctx);
                ctx.last_quoted = Some(speaker);
                let inner = collapse(q.inner.of(text));
                // A quote continued in the next sentence of the same paragraph, without an
                // attribution of its own, joins the citation before it.
                if chosen.is_none() {
                    if let Some(c) = last_quote_claim {
                        let claim = &mut self.claims[c];
                        if claim.claimants == [speaker] && claim.paragraph == pi {
                            let joined = Span(claim.quote_span.0, span.1.max(claim.quote_span.1));
                            claim.quote_span = joined;
                            claim.quote = collapse(joined.of(text));
                            claim.summary = format!(
                                "{} {}",
                                claim.summary,
                                inner.trim_matches(|c: char| c == ',' || c.is_whitespace())
                            );
                            claim.quoted = Some(format!(
                                "{} {}",
                                claim.quoted.clone().unwrap_or_default(),
                                folded_words(&inner)
                            ));
                            continue;
                        }
                    }
                }
                self.claims.push(FoundClaim {
                    kind: ClaimKind::Quote,
                    source: a,
                    quote: collapse(span.of(text)),
                    quote_span: span,
                    paragraph: pi,
                    quoted: Some(folded_words(&inner)),
                    // The quoted words; the speaker's name goes before them once parties
                    // have their final names.
                    summary: inner.trim_end_matches([',', ' ']).to_string(),
                    claimants: vec![speaker],
                    via: None,
                    about: Vec::new(),
                    silent: Vec::new(),
                    order: None,
                    confidence,
                    reason: format!(
                        "a direct quote of {} words; speaker from {how}",
                        q.words(text)
                    ),
                    one_of_group,
                });
                last_quote_claim = Some(self.claims.len() - 1);
                items.push(ItemRef::Claim(self.claims.len() - 1));
            }
            for s in &sentences {
                let sentence_text = s.span.of(text);
                if s.attributions.is_empty() {
                    self.note_mentions(&s.tokens, text, &mut ctx);
                }
                let lower = sentence_text.to_lowercase().replace('\u{2019}', "'");
                let date = dates::as_of(&s.tokens, s.text, own.or(year)).map(|(d, _)| d);
                let date = date.map(|d| match (d, own) {
                    // Weekdays and "last week" count from the source's own date line only.
                    (AsOf::Relative { as_written, .. }, None) => AsOf::Relative {
                        as_written,
                        resolved: None,
                        utc_offset: None,
                        basis: "Its source has no date line, so it cannot be pinned to dates."
                            .into(),
                    },
                    (d, _) => d,
                });
                // Figures.
                let found = quantities(&s.tokens, text);
                let mut figure_refs = Vec::new();
                for q in &found {
                    let in_quote = quote_speakers
                        .iter()
                        .find(|(o, _)| o.contains(s.tokens[q.first].span.0))
                        .and_then(|(_, p)| *p);
                    let (claimants, via, how) = match in_quote {
                        Some(p) => (vec![p], None, "the quote it is in"),
                        None => self.claimants_of(q, s, &mut ctx),
                    };
                    let (claimants, how, confidence) = if claimants.is_empty() {
                        (
                            vec![self.outlet_party(a, layout)],
                            "no one named: the outlet's own statement",
                            0.4,
                        )
                    } else {
                        (claimants, how, 0.7)
                    };
                    let confidence = confidence
                        + if q.unit.split_whitespace().count() > 3 {
                            -0.1
                        } else {
                            0.0
                        }
                        + if matches!(q.amount, Amount::Vague) {
                            -0.05
                        } else {
                            0.05
                        };
                    self.figures.push(FoundFigure {
                        source: a,
                        quote: collapse(sentence_text),
                        amount: q.amount.clone(),
                        written: q.written.of(text).to_string(),
                        hedge: q.hedge.map(|h| h.of(text).to_string()),
                        unit: q.unit.clone(),
                        predicate: q.predicate.clone(),
                        claimants,
                        via,
                        as_of: date.clone().unwrap_or(AsOf::NotStated),
                        rule: q.rule,
                        how,
                        confidence,
                    });
                    figure_refs.push(ItemRef::Figure(self.figures.len() - 1));
                }
                items.extend(figure_refs.iter().copied());
                // Notices: an outlet could not verify; parties have not acknowledged.
                if NOTICE_UNVERIFIED.iter().any(|p| lower.contains(p)) {
                    let about: Vec<ItemRef> = if items.iter().any(|i| !figure_refs.contains(i)) {
                        items
                            .iter()
                            .copied()
                            .filter(|i| !figure_refs.contains(i))
                            .collect()
                    } else {
                        latest_paragraph_items(&items_by_paragraph)
                    };
                    if !about.is_empty() {
                        let outlet = self.outlet_party(a, layout);
                        self.claims.push(FoundClaim {
                            kind: ClaimKind::CouldNotVerify,
                            source: a,
                            quote: collapse(sentence_text),
                            quote_span: s.span,
                            paragraph: pi,
                            quoted: None,
                            summary: collapse(sentence_text),
                            claimants: vec![outlet],
                            via: None,
                            about,
                            silent: Vec::new(),
                            order: None,
                            confidence: 0.7,
                            reason:
                                "the outlet says it could not verify: about the items just before"
                                    .into(),
                            one_of_group: false,
                        });
                        items.push(ItemRef::Claim(self.claims.len() - 1));
                    }
                    continue;
                }
                if let Some(phrase) = NOTICE_SILENT.iter().find(|p| lower.contains(*p)) {
                    let silent = self.silent_parties(s, phrase, &mut ctx);
                    let about: Vec<ItemRef> = if !figure_refs.is_empty() {
                        figure_refs.clone()
                    } else if !items.is_empty() {
                        items.clone()
                    } else {
                        latest_paragraph_items(&items_by_paragraph)
                    };
                    if !silent.is_empty() && !about.is_empty() {
                        let outlet = self.outlet_party(a, layout);
                        self.claims.push(FoundClaim {
                            kind: ClaimKind::NotAcknowledged,
                            source: a,
                            quote: collapse(sentence_text),
                            quote_span: s.span,
                            paragraph: pi,
                            quoted: None,
                            summary: collapse(sentence_text),
                            claimants: vec![outlet],
                            via: None,
                            about,
                            silent,
                            order: None,
                            confidence: 0.6,
                            reason: format!("\"{phrase}\": the parties named before it are silent on the figures of the sentence"),
                            one_of_group: false,
                        });
                        items.push(ItemRef::Claim(self.claims.len() - 1));
                    }
                }
                // Statements and reported orders: an attributed sentence without a full quote
                // or a figure.
                let has_full_quote = quote_speakers
                    .iter()
                    .any(|(o, _)| o.0 < s.span.1 && s.span.0 < o.1);
                if has_full_quote || !found.is_empty() {
                    for x in &s.attributions {
                        if let Some(p) = x.speakers.first().and_then(|m| self.resolve(m, &mut ctx))
                        {
                            self.note_speaker(p, &mut ctx);
                        }
                    }
                    continue;
                }
                // The speaker is the subject of "said" (or "told", "according to"): the first
                // in the sentence, so that a trailing ", the agency reported." is the channel;
                // a verb such as "had warned" names no speaker when "said" is there too.
                let speech = |x: &&Attribution| s.tokens[x.verb].is_any(SPEECH);
                let Some(x) = s
                    .attributions
                    .iter()
                    .find(|x| speech(x) && x.placement != Placement::AccordingTo)
                    .or(s.attributions.iter().find(speech))
                    .or(s.attributions.first())
                else {
                    continue;
                };
                let channel = s
                    .attributions
                    .iter()
                    .filter(|o| !std::ptr::eq(*o, x) && o.placement != Placement::Inline)
                    .find_map(|o| o.speakers.first())
                    .cloned();
                let Some(m) = x.speakers.first() else {
                    continue;
                };
                let Some(speaker) = self.resolve(m, &mut ctx) else {
                    continue;
                };
                let described = ctx.description_read.take();
                self.note_speaker(speaker, &mut ctx);
                let via = channel
                    .and_then(|m| self.resolve(&m, &mut ctx))
                    .filter(|v| *v != speaker);
                let order = order_in(&s.tokens, text).map(|(giver, action)| {
                    let giver = giver.and_then(|g| self.resolve(&g, &mut ctx));
                    (giver, action)
                });
                let kind = if order.is_some() {
                    ClaimKind::ReportedOrder
                } else {
                    ClaimKind::Statement
                };
                self.claims.push(FoundClaim {
                    kind,
                    source: a,
                    quote: collapse(sentence_text),
                    quote_span: s.span,
                    paragraph: pi,
                    quoted: None,
                    summary: collapse(sentence_text),
                    claimants: vec![speaker],
                    via,
                    about: Vec::new(),
                    silent: Vec::new(),
                    order,
                    confidence: match &described {
                        Some((_, c)) => *c,
                        None if m.pronoun => 0.5,
                        None => 0.6,
                    },
                    reason: if kind == ClaimKind::ReportedOrder {
                        "an attributed sentence that reports an order (\"told ... to\", \"ordered\")".into()
                    } else {
                        format!(
                            "an attributed sentence without quotation marks (\"{}\"){}",
                            s.tokens[x.verb].span.of(text),
                            match &described {
                                Some((read, _)) => format!("; speaker from {read}"),
                                None if m.pronoun => "; speaker from a pronoun, read as the last person named".to_string(),
                                None => String::new(),
                            }
                        )
                    },
                    one_of_group: false,
                });
                items.push(ItemRef::Claim(self.claims.len() - 1));
            }
            items_by_paragraph.push(items);
        }
    }

    fn outlet_party(&mut self, a: usize, layout: &Layout) -> usize {
        let name = layout
            .outlet
            .clone()
            .unwrap_or_else(|| outlet_fallback(&self.articles[a].file));
        self.parties.outlet(&name)
    }

    /// Who states a figure, and through whom: see the module's rules in order.
    fn claimants_of(
        &mut self,
        q: &Quantity,
        s: &Sentence,
        ctx: &mut Context,
    ) -> (Vec<usize>, Option<usize>, &'static str) {
        let tokens = &s.tokens;
        // 1. "two boats that the coast guard said were lost": the clause on the counted noun.
        let relative = s.attributions.iter().find(|x| {
            x.first >= q.after_unit
                && x.first <= q.after_unit + 2
                && (x.first == q.after_unit
                    || tokens[q.after_unit].is_any(&["who", "that", "which"]))
        });
        let before = s
            .attributions
            .iter()
            .filter(|x| x.placement != Placement::AccordingTo && x.verb < q.first)
            .max_by_key(|x| x.verb);
        let trailing_after = s
            .attributions
            .iter()
            .find(|x| x.placement == Placement::Trailing && x.first >= q.after_unit);
        let according = s
            .attributions
            .iter()
            .find(|x| x.placement == Placement::AccordingTo);
        let inline_after = s
            .attributions
            .iter()
            .filter(|x| x.placement == Placement::Inline && x.verb > q.first)
            .min_by_key(|x| x.verb);
        let (chosen, how) = if let Some(x) = relative {
            (Some(x), "a clause on the counted noun (\"that X said\")")
        } else if let Some(x) = before {
            (Some(x), "the subject of an attribution verb before it")
        } else if let Some(x) = trailing_after.or(according) {
            (Some(x), "a trailing attribution or \"according to\"")
        } else if let Some(x) = inline_after {
            (Some(x), "the subject of an attribution verb after it")
        } else {
            (None, "")
        };
        let Some(chosen) = chosen else {
            return (Vec::new(), None, "");
        };
        let mut claimants = Vec::new();
        for m in &chosen.speakers {
            if let Some(p) = self.resolve(m, ctx) {
                if !claimants.contains(&p) {
                    claimants.push(p);
                }
                self.note_speaker(p, ctx);
            }
        }
        // A second, outer attribution names the channel: ", the Eskel Courier reported."
        let outer = [trailing_after, according]
            .into_iter()
            .flatten()
            .find(|x| !std::ptr::eq(*x, chosen));
        let via = outer
            .and_then(|x| x.speakers.first())
            .and_then(|m| self.resolve(m, ctx))
            .filter(|v| !claimants.contains(v));
        self.briefed_by(s, &mut claimants, ctx);
        (claimants, via, how)
    }

    /// "South Korea estimates ..., according to lawmaker Lee, who was briefed by the
    /// country's spy agency": the body that briefed the channel is where the claimant's
    /// figure comes from, when it is part of that claimant; it takes the claimant's place.
    fn briefed_by(&mut self, s: &Sentence, claimants: &mut [usize], ctx: &mut Context) {
        let tokens = &s.tokens;
        // "briefed by X", "informed by X", "citing X".
        let Some(from) = (1..tokens.len()).find_map(|k| {
            if tokens[k].is("by") && tokens[k - 1].is_any(&["briefed", "informed"]) {
                Some(k + 1)
            } else {
                tokens[k - 1].is_any(&["citing", "quoting"]).then_some(k)
            }
        }) else {
            return;
        };
        let Some(range) = noun_phrase_after(tokens, from) else {
            return;
        };
        let m = mention(tokens, s.text, range);
        let Some(body) = self.resolve(&m, ctx) else {
            return;
        };
        if let Some(owner) = self.parties.list[body].owner {
            for c in claimants.iter_mut().filter(|c| **c == owner) {
                *c = body;
            }
        }
    }

    fn silent_parties(&mut self, s: &Sentence, phrase: &str, ctx: &mut Context) -> Vec<usize> {
        let tokens = &s.tokens;
        // The phrase's first word where the whole phrase follows ("haven't" is one token).
        let words: Vec<&str> = phrase.split(' ').collect();
        let Some(at) = (0..tokens.len()).find(|&i| {
            let mut k = i;
            words.iter().all(|w| {
                let ok = tokens.get(k).is_some_and(|t| t.lower == *w);
                k += 1;
                ok
            })
        }) else {
            return Vec::new();
        };
        // "Norland and Vessia have not acknowledged", "The water board has not ...".
        let mut out = Vec::new();
        let mut k = at;
        while let Some((first, last)) = noun_phrase_before(tokens, k) {
            for m in mentions_in(tokens, s.text, first, last) {
                if let Some(p) = self.resolve(&m, ctx) {
                    out.push(p);
                }
            }
            if first >= 2 && (tokens[first - 1].is("and") || tokens[first - 1].is(",")) {
                k = first - 1;
            } else {
                break;
            }
        }
        out.reverse();
        out
    }
}

/// The speakers in tokens `first..last`, a list split at "and".
fn mentions_in(tokens: &[Token], text: &str, first: usize, last: usize) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut start = first;
    for k in first..=last {
        if k == last || tokens[k].is("and") {
            if start < k {
                out.push(mention(tokens, text, (start, k)));
            }
            start = k + 1;
        }
    }
    out
}

/// "told its soldiers to": an order, not an attribution.
fn is_order(tokens: &[Token], verb: usize) -> bool {
    tokens[verb].is_any(ORDER_VERBS)
        && tokens.iter().skip(verb + 1).take(7).any(|t| t.is("to"))
        && !tokens.get(verb + 1).is_some_and(|t| {
            t.is_any(&["reporters", "the", "a"])
                && tokens.get(verb + 2).is_some_and(|t| t.is("that"))
        })
}

/// An order in the sentence: who gave it (when named before the verb) and what it says to do.
fn order_in(tokens: &[Token], text: &str) -> Option<(Option<Mention>, String)> {
    let v = tokens.iter().position(|t| t.is_any(ORDER_VERBS))?;
    let to = tokens.iter().skip(v + 1).take(7).position(|t| t.is("to"))? + v + 1;
    let action: Vec<String> = tokens
        .iter()
        .skip(to + 1)
        .take_while(|t| t.is_word)
        .take(6)
        .map(|t| t.lower.clone())
        .collect();
    if action.is_empty() {
        return None;
    }
    let mut k = v;
    while k > 0
        && tokens[k - 1].is_any(&[
            "has",
            "have",
            "had",
            "been",
            "was",
            "were",
            "is",
            "are",
            "also",
            "reportedly",
            "allegedly",
        ])
    {
        k -= 1;
    }
    let giver = noun_phrase_before(tokens, k)
        .and_then(|(a, b)| mentions_in(tokens, text, a, b).into_iter().next());
    Some((giver, action.join(" ")))
}

fn outlet_fallback(file: &str) -> String {
    format!("Outlet not named in {file}")
}

/// The value as a key: only figures with equal keys may be one figure.
fn value_key(f: &FoundFigure) -> String {
    match &f.amount {
        Amount::Exact(x) => format!("e{x}"),
        Amount::Range(a, b) => format!("r{a}-{b}"),
        Amount::Vague => format!("v{}", f.written.to_lowercase()),
    }
}

/// Whether two found figures count the same thing with the same number, as one figure.
fn same_figure(a: &FoundFigure, b: &FoundFigure, parties: &Parties) -> bool {
    let same_value = match (&a.amount, &b.amount) {
        (Amount::Exact(x), Amount::Exact(y)) => (x - y).abs() < 1e-9,
        (Amount::Range(a1, a2), Amount::Range(b1, b2)) => {
            (a1 - b1).abs() < 1e-9 && (a2 - b2).abs() < 1e-9
        }
        (Amount::Vague, Amount::Vague) => a.written.to_lowercase() == b.written.to_lowercase(),
        _ => false,
    };
    if !same_value {
        return false;
    }
    let origins = |f: &FoundFigure| {
        f.claimants
            .iter()
            .map(|c| parties.origin(*c))
            .collect::<Vec<_>>()
    };
    let (oa, ob) = (origins(a), origins(b));
    let shared_origin = oa.iter().any(|o| ob.contains(o));
    let heads = |f: &FoundFigure| {
        f.unit
            .split_whitespace()
            .map(|w| w.to_lowercase().trim_end_matches('s').to_string())
            .collect::<Vec<_>>()
    };
    let shared_word = heads(a).iter().any(|w| w.len() > 2 && heads(b).contains(w));
    let percent = a.unit.starts_with("percent") || b.unit.starts_with("percent");
    shared_origin && (shared_word || !percent) || shared_word && a.claimants.is_empty()
}

/// What a figure counts, for grouping figures that may disagree: harm to people, or its
/// noun and what happened to it.
fn quantity_key(f: &FoundFigure) -> String {
    let words: Vec<String> = f
        .unit
        .split_whitespace()
        .map(str::to_lowercase)
        .chain(f.predicate.iter().take(3).cloned())
        .collect();
    if words.iter().any(|w| HARM.contains(&w.as_str())) {
        return "harm".into();
    }
    let head = f
        .unit
        .split_whitespace()
        .last()
        .unwrap_or("")
        .to_lowercase();
    let head = head.trim_end_matches('s').to_string();
    let verb = f
        .predicate
        .iter()
        .find(|w| {
            !matches!(
                w.as_str(),
                "were" | "was" | "have" | "has" | "had" | "been" | "are" | "is"
            )
        })
        .cloned()
        .unwrap_or_default();
    format!("{head}/{verb}")
}

fn value_of(figures: &[&FoundFigure]) -> Value {
    let plain = figures
        .iter()
        .find(|f| f.hedge.is_none())
        .unwrap_or(&figures[0]);
    match plain.amount {
        Amount::Exact(n) if plain.hedge.is_none() => Value::Exact {
            number: n,
            written: plain.written.clone(),
        },
        Amount::Exact(n) => Value::Approximate {
            number: n,
            written: plain.written.clone(),
        },
        Amount::Range(lo, hi) => Value::Range {
            min: lo,
            max: hi,
            written: plain.written.clone(),
        },
        Amount::Vague => Value::Vague {
            written: plain.written.clone(),
            reading: None,
        },
    }
}

fn capitalise(text: &str) -> String {
    let mut c = text.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

pub fn draft(articles: &[Article]) -> Draft {
    let layouts: Vec<Layout> = articles.iter().map(layout).collect();
    let mut notes: Vec<String> = layouts.iter().flat_map(|l| l.notes.clone()).collect();
    let mut used_ids: HashSet<String> = HashSet::new();
    // Sources, and the dates relative words count from.
    let mut sources = Vec::new();
    let mut references: Vec<Option<Reference>> = Vec::new();
    for (article, l) in articles.iter().zip(&layouts) {
        let text = article.text.as_str();
        let stated = l.date_line.and_then(|d| dates::stated(d.of(text)));
        let outlet = l.outlet.clone();
        let (dated, confidence_date) = match &stated {
            Some((s, _)) => (Dated::Stated(s.clone()), 0.8),
            None => (
                Dated::NotStated {
                    note: Some(match l.copyright {
                        Some(c) => {
                            format!(
                                "The text has no date line; it says {}",
                                collapse(c.of(text)).trim_end_matches('.')
                            )
                            .to_string()
                                + "."
                        }
                        None => "The text has no date line.".into(),
                    }),
                },
                0.7,
            ),
        };
        references.push(stated.as_ref().map(|(s, d)| {
            Reference::new(
                *d,
                format!(
                    "{}'s date line, {}",
                    outlet.as_deref().unwrap_or(&article.file),
                    s.as_written.trim_end_matches('.')
                ),
                s,
            )
        }));
        let outlet_name = outlet
            .clone()
            .unwrap_or_else(|| outlet_fallback(&article.file));
        let id = unique_id(&slug(&outlet_name), "source", &mut used_ids);
        let reason = match &outlet {
            Some(_) => format!(
                "outlet from {}; title is the first line; date line {}",
                l.outlet_from,
                if stated.is_some() {
                    "read from the text"
                } else {
                    "not found"
                }
            ),
            None => "no agency tag or copyright line names the outlet: write it in".into(),
        };
        sources.push(Source {
            id,
            outlet: outlet_name,
            short_name: None,
            title: collapse(l.title.of(text)),
            dated,
            url: None,
            byline: l.byline.clone(),
            archive_file: article.file.clone(),
            proposal: proposal(
                if outlet.is_some() {
                    confidence_date
                } else {
                    0.2
                },
                reason,
            ),
        });
    }
    let mut reader = Reader {
        parties: Parties::default(),
        figures: Vec::new(),
        claims: Vec::new(),
        articles,
        notes: Vec::new(),
    };
    for (a, l) in layouts.iter().enumerate() {
        let own = references[a].clone();
        // A month without a year takes it from another article's date line, saying so.
        let other = references
            .iter()
            .flatten()
            .max_by_key(|r| r.date.first_day())
            .cloned();
        reader.read_article(a, l, own.as_ref(), own.as_ref().or(other.as_ref()));
    }
    let Reader {
        parties,
        figures: found,
        claims: found_claims,
        notes: reading_notes,
        ..
    } = reader;
    notes.extend(reading_notes);

    // Figures: one per value and quantity across articles.
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of: Vec<usize> = vec![0; found.len()];
    // Only groups with the same value can take a figure: found by the value's key.
    let mut by_value: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, f) in found.iter().enumerate() {
        let key = value_key(f);
        let candidates = by_value.entry(key).or_default();
        match candidates.iter().copied().find(|g| {
            groups[*g]
                .iter()
                .take(50)
                .any(|j| same_figure(&found[*j], f, &parties))
        }) {
            Some(g) => {
                groups[g].push(i);
                group_of[i] = g;
            }
            None => {
                groups.push(vec![i]);
                group_of[i] = groups.len() - 1;
                candidates.push(groups.len() - 1);
            }
        }
    }
    // The parties the items name, each once (a set: a dump may name thousands).
    let mut referenced: BTreeSet<usize> = BTreeSet::new();
    let refer = |p: usize, referenced: &mut BTreeSet<usize>| {
        if !referenced.contains(&p) {
            referenced.insert(p);
        }
    };
    let mut figure_ids = Vec::new();
    let mut figures_out: Vec<Figure> = Vec::new();
    for g in &groups {
        let members: Vec<&FoundFigure> = g.iter().take(MAX_CITATIONS).map(|i| &found[*i]).collect();
        let first = members[0];
        let value = value_of(&members);
        let mut claimants: Vec<usize> = Vec::new();
        for m in &members {
            for c in &m.claimants {
                if !claimants.contains(c) {
                    claimants.push(*c);
                }
            }
        }
        let differ = members.iter().any(|m| m.claimants != first.claimants);
        let as_of = first.as_of.clone();
        let citations: Vec<Citation> = members
            .iter()
            .map(|m| Citation {
                source: sources[m.source].id.clone(),
                quote: m.quote.clone(),
                via: m.via.map(|v| format!("#{v}")),
                qualifier: m.hedge.clone(),
                claimants: if differ {
                    m.claimants.iter().map(|c| format!("#{c}")).collect()
                } else {
                    Vec::new()
                },
                as_of: (m.as_of != as_of).then(|| m.as_of.clone()),
            })
            .collect();
        for c in &claimants {
            refer(*c, &mut referenced);
        }
        for m in &members {
            if let Some(v) = m.via {
                refer(v, &mut referenced);
            }
        }
        let predicate: Vec<&str> = first
            .predicate
            .iter()
            .map(String::as_str)
            .skip_while(|w| {
                matches!(
                    *w,
                    "were" | "was" | "have" | "has" | "had" | "been" | "are" | "is" | "be"
                )
            })
            .take_while(|w| !crate::figures::STOP.contains(w) || matches!(*w, "or" | "and"))
            .take(3)
            .collect();
        let label = capitalise(
            format!("{} {}", first.unit, predicate.join(" "))
                .trim()
                .trim_end_matches(" or")
                .trim_end_matches(" and"),
        );
        let id = unique_id(
            &slug(&format!("{} {}", first.unit, first.written)),
            "figure",
            &mut used_ids,
        );
        let outlets = members
            .iter()
            .map(|m| m.source)
            .collect::<BTreeSet<_>>()
            .len();
        let confidence = members.iter().map(|m| m.confidence).fold(0.0, f64::max)
            + if outlets > 1 { 0.1 } else { 0.0 };
        let reason = format!(
            "{} \"{}\"{}, counting \"{}\"; claimant from {}{}",
            first.rule,
            first.written,
            first
                .hedge
                .as_ref()
                .map(|h| format!(" hedged \"{h}\""))
                .unwrap_or_default(),
            first.unit,
            first.how,
            if outlets > 1 {
                format!("; the same value in {outlets} outlets")
            } else {
                String::new()
            }
        );
        figure_ids.push(id.clone());
        figures_out.push(Figure {
            id,
            label,
            value,
            unit: first.unit.clone(),
            claimants: claimants.iter().map(|c| format!("#{c}")).collect(),
            as_of,
            citations,
            status: Vec::new(),
            // A fact-check verdict is a newsroom's, never an extractor's.
            review: None,
            proposal: proposal(confidence, reason),
        });
    }

    // Claims: one per quote across outlets.
    let mut claim_groups: Vec<Vec<usize>> = Vec::new();
    // The same words in another outlet are looked for among a page's worth of quotes; past
    // that only identical words are one claim, so time stays linear.
    let mut by_words: HashMap<String, usize> = HashMap::new();
    let fuzzy_quotes = found_claims.len() <= 400;
    for (i, c) in found_claims.iter().enumerate() {
        if !fuzzy_quotes {
            match c.quoted.as_ref().and_then(|q| by_words.get(q)) {
                Some(&g) => claim_groups[g].push(i),
                None => {
                    if let Some(q) = &c.quoted {
                        by_words.insert(q.clone(), claim_groups.len());
                    }
                    claim_groups.push(vec![i]);
                }
            }
            continue;
        }
        let same = |g: &Vec<usize>| {
            let other = &found_claims[g[0]];
            match (&c.quoted, &other.quoted) {
                (Some(x), Some(y)) if x.len() >= 20 && y.len() >= 20 => {
                    x.contains(y.as_str()) || y.contains(x.as_str())
                }
                _ => false,
            }
        };
        match claim_groups.iter().position(same) {
            Some(g) => claim_groups[g].push(i),
            None => claim_groups.push(vec![i]),
        }
    }
    let mut claim_ids: Vec<String> = Vec::new();
    let mut claim_group_of: Vec<usize> = vec![0; found_claims.len()];
    for (g, members) in claim_groups.iter().enumerate() {
        for m in members {
            claim_group_of[*m] = g;
        }
        let first = &found_claims[members[0]];
        let kind = match first.kind {
            ClaimKind::Quote => "quote",
            ClaimKind::Statement => "says",
            ClaimKind::ReportedOrder => "order",
            ClaimKind::CouldNotVerify => "unverified",
            ClaimKind::NotAcknowledged => "not-acknowledged",
        };
        let words: String = first
            .summary
            .split_whitespace()
            .take(5)
            .collect::<Vec<_>>()
            .join(" ");
        claim_ids.push(unique_id(
            &format!("{kind}-{}", slug(&words)),
            "claim",
            &mut used_ids,
        ));
    }
    let item_id = |r: &ItemRef| match r {
        ItemRef::Figure(i) => figure_ids[group_of[*i]].clone(),
        ItemRef::Claim(i) => claim_ids[claim_group_of[*i]].clone(),
    };
    let mut claims_out: Vec<Claim> = Vec::new();
    // Claims whose speaker is one of a group, for "One of ...:" in the summary.
    let mut spoken_by_one_of: HashSet<String> = HashSet::new();
    for (g, members) in claim_groups.iter().enumerate() {
        let first = &found_claims[members[0]];
        let mut claimants: Vec<usize> = Vec::new();
        let mut about: Vec<String> = Vec::new();
        let mut silent: Vec<usize> = Vec::new();
        let mut citations: Vec<Citation> = Vec::new();
        // A claim cited more than a page's worth of times is a dump: its first citations do.
        for m in members.iter().take(MAX_CITATIONS) {
            let c = &found_claims[*m];
            for p in &c.claimants {
                if !claimants.contains(p) {
                    claimants.push(*p);
                }
            }
            for r in &c.about {
                let id = item_id(r);
                if !about.contains(&id) && id != claim_ids[g] {
                    about.push(id);
                }
            }
            for p in &c.silent {
                if !silent.contains(p) {
                    silent.push(*p);
                }
            }
            // One citation per outlet: a second span of the same outlet joins it when it is
            // in the same paragraph (a quote split by "he added").
            if let Some(existing) = citations
                .iter_mut()
                .find(|x| x.source == sources[c.source].id)
            {
                if !existing.quote.contains(&c.quote) {
                    let other = found_claims
                        .iter()
                        .find(|o| o.source == c.source && collapse(&o.quote) == existing.quote);
                    if let Some(o) = other.filter(|o| o.paragraph == c.paragraph) {
                        let text = &articles[c.source].text;
                        let span = Span(
                            o.quote_span.0.min(c.quote_span.0),
                            o.quote_span.1.max(c.quote_span.1),
                        );
                        existing.quote = collapse(span.of(text));
                    } else {
                        citations.push(Citation {
                            source: sources[c.source].id.clone(),
                            quote: c.quote.clone(),
                            via: None,
                            qualifier: None,
                            claimants: Vec::new(),
                            as_of: None,
                        });
                    }
                }
                continue;
            }
            citations.push(Citation {
                source: sources[c.source].id.clone(),
                quote: c.quote.clone(),
                via: c.via.map(|v| format!("#{v}")),
                qualifier: None,
                claimants: Vec::new(),
                as_of: None,
            });
        }
        let notice = matches!(
            first.kind,
            ClaimKind::CouldNotVerify | ClaimKind::NotAcknowledged
        );
        if notice && about.is_empty() {
            continue;
        }
        for p in claimants.iter().chain(&silent) {
            refer(*p, &mut referenced);
        }
        let outlets = members
            .iter()
            .map(|m| found_claims[*m].source)
            .collect::<BTreeSet<_>>()
            .len();
        let confidence = members
            .iter()
            .map(|m| found_claims[*m].confidence)
            .fold(0.0, f64::max)
            + if outlets > 1 { 0.1 } else { 0.0 };
        let reason = if outlets > 1 {
            format!("{}; the same words in {outlets} outlets", first.reason)
        } else {
            first.reason.clone()
        };
        if members.iter().all(|m| found_claims[*m].one_of_group) {
            spoken_by_one_of.insert(claim_ids[g].clone());
        }
        claims_out.push(Claim {
            id: claim_ids[g].clone(),
            kind: first.kind,
            summary: first.summary.clone(),
            claimants: claimants.iter().map(|c| format!("#{c}")).collect(),
            about,
            silent_parties: silent.iter().map(|c| format!("#{c}")).collect(),
            citations,
            status: Vec::new(),
            // A fact-check verdict is a newsroom's, never an extractor's.
            review: None,
            proposal: proposal(confidence, reason),
        });
    }

    // Conflicts: figures of one quantity with different values from different origins, and
    // reported orders to do the same thing given by different parties.
    let mut conflicts: Vec<Conflict> = Vec::new();
    let mut by_key: Vec<(String, Vec<usize>)> = Vec::new();
    for (g, members) in groups.iter().enumerate() {
        let key = quantity_key(&found[members[0]]);
        match by_key.iter_mut().find(|(k, _)| *k == key) {
            Some((_, list)) => list.push(g),
            None => by_key.push((key, vec![g])),
        }
    }
    for (key, list) in &by_key {
        let origins: BTreeSet<usize> = list
            .iter()
            .flat_map(|g| {
                groups[*g]
                    .iter()
                    .flat_map(|i| found[*i].claimants.iter().map(|c| parties.origin(*c)))
            })
            .collect();
        if list.len() < 2 || origins.len() < 2 {
            continue;
        }
        let first = &found[groups[list[0]][0]];
        let title = if key == "harm" {
            "How many were killed or wounded: the counts differ".to_string()
        } else {
            format!("How many {}: the counts differ", first.unit)
        };
        let id = unique_id(
            &slug(&format!(
                "{} counts",
                if key == "harm" {
                    "casualty"
                } else {
                    &first.unit
                }
            )),
            "conflict",
            &mut used_ids,
        );
        conflicts.push(Conflict {
            id,
            title,
            items: list.iter().map(|g| figure_ids[*g].clone()).collect(),
            proposal: proposal(
                0.5,
                format!(
                    "{} figures count {} with different values from {} origins",
                    list.len(),
                    if key == "harm" {
                        "people killed or wounded"
                    } else {
                        "the same thing"
                    },
                    origins.len()
                ),
            ),
        });
    }
    let orders: Vec<(usize, &FoundClaim)> = claim_groups
        .iter()
        .enumerate()
        .map(|(g, m)| (g, &found_claims[m[0]]))
        .filter(|(_, c)| c.kind == ClaimKind::ReportedOrder)
        .take(MAX_CITATIONS * 10)
        .collect();
    let mut in_order_conflict: Vec<usize> = Vec::new();
    for (i, (g, c)) in orders.iter().enumerate() {
        if in_order_conflict.contains(g) {
            continue;
        }
        let Some((giver, action)) = &c.order else {
            continue;
        };
        let head: Vec<&str> = action.split(' ').take(3).collect();
        let mut items = vec![*g];
        for (g2, c2) in orders.iter().skip(i + 1) {
            let Some((giver2, action2)) = &c2.order else {
                continue;
            };
            let head2: Vec<&str> = action2.split(' ').take(3).collect();
            let different_giver = match (giver, giver2) {
                (Some(a), Some(b)) => parties.origin(*a) != parties.origin(*b),
                _ => true,
            };
            if head == head2 && different_giver && c2.source != c.source {
                items.push(*g2);
            }
        }
        if items.len() >= 2 && claims_out.iter().any(|x| x.id == claim_ids[*g]) {
            in_order_conflict.extend(items.iter().copied());
            let id = unique_id(
                &slug(&format!("who ordered {}", head.join(" "))),
                "conflict",
                &mut used_ids,
            );
            conflicts.push(Conflict {
                id,
                title: format!("Who gave the order to {action}"),
                items: items.iter().map(|g| claim_ids[*g].clone()).collect(),
                proposal: proposal(0.5, "reported orders to do the same thing, given by different parties in different outlets"),
            });
        }
    }

    // Parties: those the items name, with the parties they belong to.
    let mut pending: Vec<usize> = referenced.iter().copied().collect();
    while let Some(p) = pending.pop() {
        if let Some(o) = parties.list[p].owner {
            if referenced.insert(o) {
                pending.push(o);
            }
        }
    }
    let mut party_ids: HashMap<usize, String> = HashMap::new();
    let mut parties_out: Vec<Party> = Vec::new();
    for p in &referenced {
        let d = &parties.list[*p];
        // The fullest spelling is the name; the others are aliases.
        let best = d
            .names
            .iter()
            .max_by_key(|n| (n.name.split_whitespace().count(), n.name.len()))
            .map(|n| n.name.clone())
            .unwrap_or_default();
        let mut aliases: Vec<String> = Vec::new();
        for n in d.names.iter().map(|n| &n.name).chain(&d.printed_aliases) {
            if *n != best && !aliases.contains(n) {
                aliases.push(n.clone());
            }
        }
        let id = unique_id(&slug(&best), "party", &mut used_ids);
        party_ids.insert(*p, id.clone());
        let reason = if let Some(introduced) = &d.introduced {
            format!("a speaker or claimant {introduced}")
        } else if d.descriptor {
            "a speaker or claimant called only by a description, as printed: who it is, is for the editor to say".to_string()
        } else if d.why_merged.is_empty() {
            "named as a speaker or claimant".to_string()
        } else {
            format!(
                "named as a speaker or claimant; merged {}",
                d.why_merged.join(", ")
            )
        };
        // Named by description, it is the editor's to name.
        let confidence = if d.introduced.is_some() {
            0.5
        } else if d.descriptor {
            0.3
        } else if d.why_merged.is_empty() {
            0.7
        } else {
            0.6
        };
        parties_out.push(Party {
            id,
            name: best,
            kind: d.kind,
            aliases,
            part_of: None,
            proposal: proposal(confidence, reason),
        });
    }
    for (p, out) in referenced.iter().zip(parties_out.iter_mut()) {
        out.part_of = parties.list[*p]
            .owner
            .and_then(|o| party_ids.get(&o).cloned());
    }
    // Party references were written as "#index" while ids were unknown.
    let fix = |s: &mut String| {
        if let Some(i) = s.strip_prefix('#').and_then(|n| n.parse::<usize>().ok()) {
            if let Some(id) = party_ids.get(&i) {
                *s = id.clone();
            }
        }
    };
    for f in &mut figures_out {
        f.claimants.iter_mut().for_each(fix);
        for c in &mut f.citations {
            c.claimants.iter_mut().for_each(fix);
            if let Some(v) = &mut c.via {
                fix(v);
            }
        }
    }
    for c in &mut claims_out {
        c.claimants.iter_mut().for_each(fix);
        c.silent_parties.iter_mut().for_each(fix);
        for x in &mut c.citations {
            if let Some(v) = &mut x.via {
                fix(v);
            }
        }
        // "Name: “the quoted words”", with the name the party is shown by.
        if c.kind == ClaimKind::Quote {
            let speaker = c
                .claimants
                .first()
                .and_then(|id| parties_out.iter().find(|p| &p.id == id));
            if let Some(p) = speaker {
                // "One of the two men in the video ...": the group is the party, one spoke.
                let name = match p.name.strip_prefix("The ") {
                    Some(rest) if spoken_by_one_of.contains(&c.id) => format!("One of the {rest}"),
                    _ => p.name.clone(),
                };
                c.summary = format!(
                    "{name}: \u{201C}{}\u{201D}",
                    c.summary.trim_end_matches([',', ' '])
                );
            }
        }
    }

    let story = story(articles, &layouts, &sources, &figures_out, &parties_out);
    let mut sheet = Sheet {
        schema: Some("sheet.schema.json".into()),
        story,
        sources,
        parties: parties_out,
        figures: figures_out,
        claims: claims_out,
        conflicts,
        credits: None,
    };
    let figure_statuses: Vec<_> = sheet
        .figures
        .iter()
        .map(|f| assess(&sheet, Item::Figure(f)).statuses)
        .collect();
    let claim_statuses: Vec<_> = sheet
        .claims
        .iter()
        .map(|c| assess(&sheet, Item::Claim(c)).statuses)
        .collect();
    for (f, s) in sheet.figures.iter_mut().zip(figure_statuses) {
        f.status = s;
    }
    for (c, s) in sheet.claims.iter_mut().zip(claim_statuses) {
        c.status = s;
    }
    if sheet.figures.is_empty() && sheet.claims.is_empty() {
        notes.push("no figure or claim found: is this an English news article?".into());
    }
    Draft { sheet, notes }
}

/// The story: the first article's title and lead sentence, the place most named after "in",
/// and the dates the items and date lines span.
fn story(
    articles: &[Article],
    layouts: &[Layout],
    sources: &[Source],
    figures: &[Figure],
    parties: &[Party],
) -> Story {
    let text = articles.first().map(|a| a.text.as_str()).unwrap_or("");
    let first = layouts.first();
    let headline = first
        .map(|l| collapse(l.title.of(text)))
        .unwrap_or_default();
    let lead = first
        .and_then(|l| {
            l.paragraphs
                .iter()
                .filter(|p| p.role == Role::Body)
                .flat_map(|p| p.sentences.iter())
                .find(|s| s.of(text).split_whitespace().count() >= 8)
        })
        .map(|s| collapse(s.of(text)))
        .unwrap_or_default();
    let mut places: Vec<(String, usize)> = Vec::new();
    for (a, l) in articles.iter().zip(layouts) {
        for p in l.paragraphs.iter().filter(|p| p.role == Role::Body) {
            let tokens = tokenize(&a.text, p.span);
            for (i, t) in tokens.iter().enumerate() {
                if !t.is("in") {
                    continue;
                }
                let mut k = i + 1;
                if tokens.get(k).is_some_and(|t| t.is("the")) {
                    k += 1;
                }
                let start = k;
                while tokens.get(k).is_some_and(|t| {
                    t.capital && t.is_word && !crate::article::is_month(t.span.of(&a.text))
                }) && k - start < 4
                {
                    k += 1;
                }
                if k == start
                    || tokens[start].is_any(&WEEKDAYS)
                    || tokens[start].is_any(&["i", "he", "she", "we", "they"])
                {
                    continue;
                }
                if tokens.get(k).is_some_and(|t| {
                    t.is_any(&[
                        "region", "province", "city", "state", "county", "district", "oblast",
                        "valley", "bay", "river",
                    ])
                }) {
                    k += 1;
                }
                let place = collapse(Span(tokens[start].span.0, tokens[k - 1].span.1).of(&a.text));
                match places.iter_mut().find(|(p, _)| *p == place) {
                    Some((_, n)) => *n += 1,
                    None => places.push((place, 1)),
                }
            }
        }
    }
    let place = places
        .iter()
        .max_by_key(|(_, n)| *n)
        .map(|(p, _)| p.clone())
        .unwrap_or_else(|| "Not stated in the articles".into());
    let mut days: Vec<String> = Vec::new();
    for s in sources {
        if let Dated::Stated(d) = &s.dated {
            days.push(d.at.chars().take(10).collect());
        }
    }
    for f in figures {
        for as_of in
            std::iter::once(&f.as_of).chain(f.citations.iter().filter_map(|c| c.as_of.as_ref()))
        {
            match as_of {
                AsOf::Exact { date, .. } => days.push(date.clone()),
                AsOf::Approximate { period, .. } => days.push(period.clone()),
                AsOf::Relative {
                    resolved: Some(r), ..
                } => days.push(r.clone()),
                _ => {}
            }
        }
    }
    // Without any date, a copyright line's year says when at least ("©2024").
    if days.is_empty() {
        for (a, l) in articles.iter().zip(layouts) {
            let line = l.copyright.map(|c| c.of(&a.text)).unwrap_or("");
            let year = line
                .split(|c: char| !c.is_ascii_digit())
                .find(|w| w.len() == 4 && (w.starts_with("19") || w.starts_with("20")));
            days.extend(year.map(str::to_string));
        }
    }
    days.retain(|d| PartialDate::parse(d).is_some());
    days.sort();
    let from = days.first().cloned().unwrap_or_default();
    let to = days.last().cloned().unwrap_or_default();
    // The headline rests on the summary's quotes: each of its numbers and names must be in
    // one of them. The lead sentence is the first quote; a body sentence that has a word the
    // lead lacks is added; a title with words no sentence has gives way to the lead itself.
    let source = sources.first().map(|s| s.id.clone()).unwrap_or_default();
    let cite = |quote: String| Citation {
        source: source.clone(),
        quote,
        via: None,
        qualifier: None,
        claimants: Vec::new(),
        as_of: None,
    };
    let mut quotes: Vec<String> = Vec::new();
    if !lead.is_empty() {
        quotes.push(lead.clone());
    }
    let mut unbacked: Vec<String> = Vec::new();
    let body: Vec<String> = first
        .map(|l| {
            l.paragraphs
                .iter()
                .filter(|p| p.role == Role::Body)
                .flat_map(|p| p.sentences.iter())
                .take(200)
                .map(|s| collapse(s.of(text)))
                .collect()
        })
        .unwrap_or_default();
    for word in words(&normalise(&headline)) {
        let number = is_number(word.text);
        if !(number || is_capitalised(word.text) && !word.starts_sentence) {
            continue;
        }
        let has = |t: &str| {
            words(&normalise(t)).iter().any(|w| {
                if number {
                    w.text.eq_ignore_ascii_case(word.text)
                } else {
                    w.text == word.text
                }
            })
        };
        let named = parties
            .iter()
            .any(|p| has(&p.name) || p.aliases.iter().any(|a| has(a)));
        if named || quotes.iter().any(|q| has(q)) {
            continue;
        }
        match body.iter().find(|b| has(b)) {
            Some(b) if quotes.len() < 4 => quotes.push(b.clone()),
            _ => unbacked.push(word.text.to_string()),
        }
    }
    let (headline, how) = if unbacked.is_empty() || lead.is_empty() {
        (
            headline,
            "the headline is the first article's title".to_string(),
        )
    } else {
        quotes.truncate(1);
        (lead.clone(), format!("the first article's title has words no sentence of it has ({}), so the headline is its lead sentence", unbacked.join(", ")))
    };
    Story {
        headline,
        summary: Summary { text: lead, as_of: None, citations: quotes.into_iter().map(cite).collect() },
        place,
        dates: Period { from, to },
        proposal: proposal(0.3, format!("{how}, the summary its first sentence of eight words or more, the place the one most often after \"in\", the dates those of the items and date lines: rewrite them")),
    }
}

/// The items of the latest paragraph that has any: what a notice with none of its own is about.
fn latest_paragraph_items(by_paragraph: &[Vec<ItemRef>]) -> Vec<ItemRef> {
    by_paragraph
        .iter()
        .rev()
        .find(|v| !v.is_empty())
        .cloned()
        .unwrap_or_default()
}
