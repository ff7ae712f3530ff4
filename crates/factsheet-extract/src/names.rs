//! Parties: the speakers and claimants the articles name, told apart and merged across
//! articles (spelling variants, a surname alone, an acronym, a title), with their kind and
//! the party they belong to ("Norland's spy agency" is part of Norland).

use factsheet_model::PartyKind;

/// Titles before a name, or standing for one ("the Ukrainian president").
const TITLES: &[(&str, PartyKind)] = &[
    ("president", PartyKind::Leader),
    ("prime", PartyKind::Leader),
    ("premier", PartyKind::Leader),
    ("leader", PartyKind::Leader),
    ("chancellor", PartyKind::Leader),
    ("king", PartyKind::Leader),
    ("queen", PartyKind::Leader),
    ("minister", PartyKind::Leader),
    ("lawmaker", PartyKind::Lawmaker),
    ("legislator", PartyKind::Lawmaker),
    ("senator", PartyKind::Lawmaker),
    ("sen.", PartyKind::Lawmaker),
    ("rep.", PartyKind::Lawmaker),
    ("congressman", PartyKind::Lawmaker),
    ("congresswoman", PartyKind::Lawmaker),
    ("mp", PartyKind::Lawmaker),
    ("councillor", PartyKind::Lawmaker),
    ("councilor", PartyKind::Lawmaker),
    ("governor", PartyKind::Leader),
    ("gov.", PartyKind::Leader),
    ("mayor", PartyKind::Leader),
    ("general", PartyKind::Military),
    ("gen.", PartyKind::Military),
    ("commander", PartyKind::Military),
    ("colonel", PartyKind::Military),
    ("col.", PartyKind::Military),
    ("sergeant", PartyKind::Military),
    ("sgt.", PartyKind::Military),
    ("captain", PartyKind::Military),
    ("capt.", PartyKind::Military),
    ("admiral", PartyKind::Military),
    ("spokesman", PartyKind::Person),
    ("spokeswoman", PartyKind::Person),
    ("spokesperson", PartyKind::Person),
    ("ambassador", PartyKind::Person),
    ("secretary", PartyKind::Leader),
    ("director", PartyKind::Person),
    ("chief", PartyKind::Person),
    ("dr.", PartyKind::Person),
    ("mr.", PartyKind::Person),
    ("mrs.", PartyKind::Person),
    ("ms.", PartyKind::Person),
    ("prof.", PartyKind::Person),
    ("professor", PartyKind::Person),
    ("chairman", PartyKind::Person),
    ("chairwoman", PartyKind::Person),
    ("ceo", PartyKind::Person),
    ("analyst", PartyKind::Person),
    ("resident", PartyKind::Person),
    ("farmer", PartyKind::Person),
    ("teacher", PartyKind::Person),
    ("doctor", PartyKind::Person),
    ("nurse", PartyKind::Person),
    ("engineer", PartyKind::Person),
    ("inspector", PartyKind::Person),
    ("economist", PartyKind::Person),
    ("engineer", PartyKind::Person),
    ("baker", PartyKind::Person),
    ("official", PartyKind::Person),
];

/// Words that make a name an organisation's, and what kind.
const ORGANISATION_WORDS: &[(&str, PartyKind)] = &[
    ("ministry", PartyKind::Government),
    ("office", PartyKind::Government),
    ("department", PartyKind::Government),
    ("government", PartyKind::Government),
    ("council", PartyKind::Government),
    ("police", PartyKind::Government),
    ("army", PartyKind::Military),
    ("force", PartyKind::Military),
    ("forces", PartyKind::Military),
    ("navy", PartyKind::Military),
    ("guard", PartyKind::Military),
    ("courier", PartyKind::NewsOutlet),
    ("times", PartyKind::NewsOutlet),
    ("news", PartyKind::NewsOutlet),
    ("gazette", PartyKind::NewsOutlet),
    ("post", PartyKind::NewsOutlet),
    ("herald", PartyKind::NewsOutlet),
    ("tribune", PartyKind::NewsOutlet),
    ("journal", PartyKind::NewsOutlet),
    ("telegraph", PartyKind::NewsOutlet),
    ("chronicle", PartyKind::NewsOutlet),
    ("network", PartyKind::Organisation),
    ("union", PartyKind::Organisation),
    ("association", PartyKind::Organisation),
    ("company", PartyKind::Organisation),
    ("board", PartyKind::Organisation),
    ("agency", PartyKind::Organisation),
    ("service", PartyKind::Organisation),
    ("institute", PartyKind::Organisation),
    ("committee", PartyKind::Organisation),
    ("foundation", PartyKind::Organisation),
    ("bank", PartyKind::Organisation),
    ("group", PartyKind::Organisation),
    ("party", PartyKind::Organisation),
    ("court", PartyKind::Organisation),
    ("university", PartyKind::Organisation),
    ("hospital", PartyKind::Organisation),
];

pub fn is_title(word: &str) -> bool {
    TITLES.iter().any(|(t, _)| *t == word)
}

fn title_kind(word: &str) -> Option<PartyKind> {
    TITLES.iter().find(|(t, _)| *t == word).map(|(_, k)| *k)
}

/// Words in a body's description that say what it is.
const BODIES: &[(&str, PartyKind)] = &[
    ("news agency", PartyKind::NewsAgency),
    ("spy agency", PartyKind::IntelligenceAgency),
    ("intelligence", PartyKind::IntelligenceAgency),
    ("army", PartyKind::Military),
    ("military", PartyKind::Military),
    ("armed forces", PartyKind::Military),
    ("navy", PartyKind::Military),
    ("air force", PartyKind::Military),
    ("general staff", PartyKind::Military),
    ("ministry", PartyKind::Government),
    ("government", PartyKind::Government),
    ("department", PartyKind::Government),
    ("police", PartyKind::Government),
    ("authorities", PartyKind::Government),
    ("council", PartyKind::Government),
    ("newspaper", PartyKind::NewsOutlet),
    ("broadcaster", PartyKind::NewsOutlet),
    ("times", PartyKind::NewsOutlet),
    ("post", PartyKind::NewsOutlet),
    ("tribune", PartyKind::NewsOutlet),
    ("herald", PartyKind::NewsOutlet),
];

/// Countries and unions as news writes them: a speaker so named is its government.
const COUNTRIES: &str = "afghanistan albania algeria angola argentina armenia australia austria azerbaijan bahrain bangladesh belarus belgium bolivia bosnia brazil britain bulgaria cambodia cameroon canada chad chile china colombia congo croatia cuba cyprus czechia denmark ecuador egypt eritrea estonia ethiopia finland france georgia germany ghana greece guatemala haiti honduras hungary iceland india indonesia iran iraq ireland israel italy japan jordan kazakhstan kenya kosovo kuwait kyrgyzstan laos latvia lebanon libya lithuania luxembourg madagascar malaysia mali malta mexico moldova mongolia montenegro morocco mozambique myanmar namibia nepal netherlands nicaragua niger nigeria norway oman pakistan palestine panama paraguay peru philippines poland portugal qatar romania russia rwanda senegal serbia singapore slovakia slovenia somalia spain sudan sweden switzerland syria taiwan tajikistan tanzania thailand tunisia turkey turkmenistan uganda ukraine uruguay uzbekistan venezuela vietnam yemen zambia zimbabwe us usa uk eu un nato";
const TWO_WORD_COUNTRIES: &[&str] = &[
    "north korea",
    "south korea",
    "south africa",
    "south sudan",
    "saudi arabia",
    "sri lanka",
    "new zealand",
    "united states",
    "united kingdom",
    "united nations",
    "european union",
    "costa rica",
    "el salvador",
    "ivory coast",
    "czech republic",
    "dominican republic",
    "united arab emirates",
    "gaza strip",
    "west bank",
    "hong kong",
];

/// Folds what spelling leaves to the writer: case, dots, apostrophes, a leading "the".
pub fn fold(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        match c {
            '.' => {}
            '\u{2019}' | '\u{2018}' => out.push('\''),
            '-' => out.push(' '),
            c => out.extend(c.to_lowercase()),
        }
    }
    let out = out.split_whitespace().collect::<Vec<_>>().join(" ");
    out.strip_prefix("the ").map(str::to_string).unwrap_or(out)
}

pub fn is_country(name: &str) -> bool {
    let f = fold(name);
    TWO_WORD_COUNTRIES.contains(&f.as_str())
        || (!f.contains(' ') && COUNTRIES.split(' ').any(|c| c == f))
}

/// A mention taken apart: the name, its title, and the owner of a possessive.
#[derive(Clone, Debug)]
pub struct Name {
    pub name: String,
    pub title: Option<String>,
    pub owner: Option<String>,
    pub kind: PartyKind,
}

/// Splits a speaker's words into title, name and owner, and guesses the kind.
pub fn parse(words: &str) -> Name {
    let words = words
        .trim()
        .trim_start_matches("the ")
        .trim_start_matches("The ");
    let parts: Vec<&str> = words.split_whitespace().collect();
    let lower: Vec<String> = parts.iter().map(|p| p.to_lowercase()).collect();
    // A possessive before more words: "Norland's spy agency".
    let possessive = parts
        .iter()
        .position(|p| p.ends_with("'s") || p.ends_with("\u{2019}s"));
    let owner = possessive.filter(|i| i + 1 < parts.len()).map(|i| {
        let mut owner = parts[..=i].join(" ");
        owner.truncate(owner.len() - if owner.ends_with("'s") { 2 } else { 4 });
        owner
    });
    // The last title word followed only by capitalised words: "Marovian President Ana Ruiz".
    let title_at = lower.iter().rposition(|w| is_title(w)).filter(|i| {
        parts[i + 1..]
            .iter()
            .all(|p| p.chars().next().is_some_and(char::is_uppercase))
            && *i + 1 < parts.len()
    });
    let (title, name) = match title_at {
        Some(i) if owner.is_none() => (Some(lower[i].clone()), parts[i + 1..].join(" ")),
        _ => (None, words.to_string()),
    };
    // "the Harbor news agency": the description after the name goes.
    let folded = fold(&name);
    let mut kind = title.as_deref().and_then(title_kind);
    let mut name = name;
    for (body, body_kind) in BODIES {
        if folded.contains(body) {
            kind = kind.or(Some(*body_kind));
            if owner.is_none() && folded.ends_with(body) && *body == "news agency" {
                let keep = name.len().saturating_sub(body.len()).min(name.len());
                name = name[..keep].trim().to_string();
            }
        }
    }
    // Lower-case words before a name describe it: "union economist Lena Varga".
    if owner.is_none() {
        let words: Vec<&str> = name.split_whitespace().collect();
        if let Some(first_capital) = words
            .iter()
            .position(|w| w.chars().next().is_some_and(char::is_uppercase))
        {
            if first_capital > 0 {
                name = words[first_capital..].join(" ");
            }
        }
    }
    let org = name.split_whitespace().rev().find_map(|w| {
        let w = w.to_lowercase().replace('\u{2019}', "'");
        let w = w.trim_end_matches("'s").trim_end_matches('\'');
        ORGANISATION_WORDS
            .iter()
            .find(|(o, _)| *o == w)
            .map(|(_, k)| *k)
    });
    let kind = kind.or(org).unwrap_or_else(|| {
        // Two or more capitalised words that are not an acronym read as a person's name;
        // so does a description in lower case ("the man").
        let full_name = name.split_whitespace().count() >= 2
            && name
                .split_whitespace()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
            && !name
                .split_whitespace()
                .any(|w| w.chars().all(|c| c.is_uppercase() || c == '.'));
        if is_country(&name) {
            PartyKind::Government
        } else if full_name || name.chars().next().is_some_and(char::is_lowercase) {
            PartyKind::Person
        } else {
            PartyKind::Organisation
        }
    });
    Name {
        name,
        title,
        owner,
        kind,
    }
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// Two spellings of one word: "Wierzbickyy" and "Wierzbickiy", "Tomas" and "Tomasz".
fn same_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    // Digits are not spelling: "Unit 4" and "Unit 5" differ.
    if a.bytes().chain(b.bytes()).any(|c| c.is_ascii_digit()) {
        return false;
    }
    let short = a.chars().count().min(b.chars().count());
    let allowed = if short >= 8 {
        2
    } else if short >= 5 {
        1
    } else {
        0
    };
    a.chars().next() == b.chars().next() && allowed > 0 && edit_distance(a, b) <= allowed
}

/// Initials of a name's capitalised words: "United States" -> "us".
fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Why two names are one party, or `None`.
pub fn same_party(a: &Name, b: &Name) -> Option<&'static str> {
    let (fa, fb) = (fold(&a.name), fold(&b.name));
    if fa == fb {
        return Some("the same name");
    }
    if a.owner.is_some() || b.owner.is_some() {
        // Two bodies of one owner with the same kind: "Norland's spy agency" and
        // "Norland's National Intelligence Service".
        let owners = a.owner.as_deref().map(fold) == b.owner.as_deref().map(fold);
        return (owners && a.kind == b.kind && a.kind != PartyKind::Organisation)
            .then_some("one owner's body of the same kind");
    }
    let compact = |s: &str| s.replace(' ', "");
    let acronym = |short: &Name, long: &Name| {
        let s = compact(&fold(&short.name));
        let letters = short
            .name
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
        letters
            && s.len() >= 2
            && long.name.split_whitespace().count() >= 2
            && initials(&long.name) == s
    };
    if acronym(a, b) || acronym(b, a) {
        return Some("an acronym of the name");
    }
    let wa: Vec<&str> = fa.split(' ').collect();
    let wb: Vec<&str> = fb.split(' ').collect();
    let person = |n: &Name| {
        matches!(
            n.kind,
            PartyKind::Person | PartyKind::Leader | PartyKind::Lawmaker | PartyKind::Military
        )
    };
    if !(person(a) || person(b)) || is_country(&a.name) || is_country(&b.name) {
        return None;
    }
    let (la, lb) = (wa[wa.len() - 1], wb[wb.len() - 1]);
    match (wa.len(), wb.len()) {
        (1, 1) => same_word(la, lb).then_some("a spelling variant"),
        // A surname alone, or a family name first: "Okonkwo", "Lee" before "Lee Min-ji".
        (1, _) => (same_word(la, lb) || wa[0] == wb[0]).then_some("a name's last or first word"),
        (_, 1) => (same_word(la, lb) || wa[0] == wb[0]).then_some("a name's last or first word"),
        _ => (same_word(la, lb) && same_word(wa[0], wb[0])).then_some("a spelling variant"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_taken_apart() {
        let n = parse("Marovian President Ana Ruiz");
        assert_eq!(
            (n.name.as_str(), n.title.as_deref(), n.kind),
            ("Ana Ruiz", Some("president"), PartyKind::Leader)
        );
        let n = parse("the Harbor news agency");
        assert_eq!((n.name.as_str(), n.kind), ("Harbor", PartyKind::NewsAgency));
        let n = parse("Norland\u{2019}s spy agency");
        assert_eq!(
            (n.owner.as_deref(), n.kind),
            (Some("Norland"), PartyKind::IntelligenceAgency)
        );
    }

    #[test]
    fn variants_of_one_name_are_one_party() {
        let same = |a: &str, b: &str| same_party(&parse(a), &parse(b)).is_some();
        assert!(same("Mayor Ana Okonkwo", "Okonkwo"));
        assert!(same("Tomasz Wierzbickyy", "Tomas Wierzbickiy"));
        assert!(same("United States", "U.S."));
        assert!(same("the U.S.", "US"));
        assert!(!same("North Macedonia", "South Africa"));
        assert!(!same("South Sudan", "South Africa"));
        assert!(!same("Ana Okonkwo", "Ana Delgado"));
    }
}
