//! Never panic on an article: a mutation fuzzer in the style of the widget's
//! (`tests/fuzz_load.rs`), on stable Rust with no extra crates. It breaks the corpus
//! articles (and the seed articles, when `../shared/seeds` is there) with byte flips,
//! truncations, deletions, duplications and insertions of what the extractor reads
//! closely (quotation marks, numbers, hedges, "said", "according to", date lines, agency
//! tags, scripts other than Latin, control characters, endless runs), feeds one to three of
//! them to `read` and `extract`, and runs each draft through the model's validation and
//! verbatim check. A panic fails the test, with the inputs saved under
//! `target/fuzz-failures/`.
//!
//! `cargo test -p factsheet-extract --test fuzz` runs 2,000 inputs; the long run:
//!
//! ```sh
//! FUZZ_INPUTS=200000 cargo test --release -p factsheet-extract --test fuzz -- --nocapture
//! ```
//!
//! `FUZZ_SEED=N` changes the inputs (the default is fixed, so failures reproduce).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

use factsheet_extract::{extract, read};

const FRAGMENTS: &[&str] = &[
    "\u{201C}",
    "\u{201D}",
    "\"",
    "'",
    "\u{2019}",
    "\u{2018}",
    ".",
    ",",
    "?",
    "!",
    " -- ",
    "(Wire) -- ",
    "\u{a9}2024 Outlet L.P.",
    "Updated Feb. 3, 2023, 7:45 a.m. PT.",
    "Published March 9, 2024",
    " said ",
    " said, ",
    ", he said.",
    " according to the ",
    " told reporters ",
    " put the figure at ",
    " as many as ",
    " about ",
    " up to ",
    " between ",
    " and ",
    " to ",
    " 12,000 ",
    " 1,20 ",
    " 3.5 ",
    " $4.5 million ",
    " 70% ",
    " 40 percent ",
    " several hundred ",
    " dozens of ",
    " a dozen ",
    " forty-two ",
    " none have ",
    " one of ",
    " 2025 ",
    " on Monday ",
    " last week ",
    " mid-December ",
    " Jan. 4 ",
    " 11:08 ",
    " the country\u{2019}s ",
    " Norland\u{2019}s ",
    " U.S. ",
    " Dr. ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "\u{0}",
    "\u{7}",
    "\u{202E}",
    "\u{200B}",
    "\u{FEFF}",
    "\u{0301}",
    "\u{1F600}",
    "\u{4E2D}\u{6587}",
    "\u{0420}\u{0443}\u{0441}\u{0441}",
    "\u{0627}\u{0644}\u{0639}\u{0631}\u{0628}",
    "# ",
    "> ",
    "* ",
    "By Someone\n",
    " has been unable to verify ",
    " have not acknowledged ",
    " told its soldiers to ",
    " the man said ",
    " she said. ",
    " who ",
    " that ",
    "-",
    "--",
    "\u{2014}",
];

/// xorshift64*: reproducible without a crate.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn mutate(rng: &mut Rng, bytes: &mut Vec<u8>) {
    let len = bytes.len();
    let at = rng.below(len + 1);
    match rng.below(8) {
        0 if len > 0 => bytes[at.min(len - 1)] ^= 1 << rng.below(8),
        1 => bytes.truncate(at),
        2 if len > 0 => {
            let end = (at + rng.below(200)).min(len);
            bytes.drain(at..end);
        }
        3 => {
            let end = (at + rng.below(300)).min(len);
            let copy = bytes[at..end].to_vec();
            let to = rng.below(bytes.len() + 1);
            bytes.splice(to..to, copy);
        }
        4 => {
            // An endless run: a sentence without its full stop, or one word many times.
            let word = FRAGMENTS[rng.below(FRAGMENTS.len())].as_bytes().to_vec();
            let times = rng.below(400);
            let run: Vec<u8> = word
                .iter()
                .copied()
                .cycle()
                .take(word.len() * times)
                .collect();
            bytes.splice(at..at, run);
        }
        _ => {
            let f = FRAGMENTS[rng.below(FRAGMENTS.len())].as_bytes();
            bytes.splice(at..at, f.iter().copied());
        }
    }
}

fn bases() -> Vec<Vec<u8>> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in [
        root.join("tests/corpus"),
        root.join("../../../shared/seeds"),
    ] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md"))
            .collect();
        paths.sort();
        out.extend(
            paths
                .iter()
                .filter(|p| !p.ends_with("README.md"))
                .map(|p| std::fs::read(p).unwrap()),
        );
    }
    out
}

fn exercise(inputs: &[Vec<u8>]) {
    let articles: Vec<_> = inputs
        .iter()
        .enumerate()
        .filter_map(|(i, b)| read(&format!("a{i}.txt"), b).ok())
        .collect();
    let draft = extract(&articles);
    let _ = factsheet_model::validate::check(&draft.sheet, None, &factsheet_model::RustNumberText);
    let texts: Vec<(String, String)> = articles
        .iter()
        .map(|a| (a.file.clone(), a.text.clone()))
        .collect();
    let problems = factsheet_model::validate::check_quotes(&draft.sheet, &|name| {
        texts
            .iter()
            .find(|(f, _)| f == name)
            .map(|(_, t)| t.clone())
            .ok_or_else(|| "missing".to_string())
    });
    // Whatever else breaks, a quote is always cut from its article.
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn no_article_makes_the_extractor_panic() {
    let inputs: usize = std::env::var("FUZZ_INPUTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2_000);
    let seed: u64 = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x5EED_0016);
    let bases = bases();
    assert!(bases.len() >= 6, "the corpus is missing");
    let mut rng = Rng(seed | 1);
    let started = std::time::Instant::now();
    for n in 0..inputs {
        let count = 1 + rng.below(3);
        let batch: Vec<Vec<u8>> = (0..count)
            .map(|_| {
                let mut bytes = bases[rng.below(bases.len())].clone();
                for _ in 0..1 + rng.below(6) {
                    mutate(&mut rng, &mut bytes);
                }
                bytes
            })
            .collect();
        if catch_unwind(AssertUnwindSafe(|| exercise(&batch))).is_err() {
            let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/fuzz-failures");
            std::fs::create_dir_all(&dir).unwrap();
            for (i, b) in batch.iter().enumerate() {
                std::fs::write(dir.join(format!("extract-{n}-{i}.txt")), b).unwrap();
            }
            panic!(
                "input {n} panicked (seed {seed}); saved under {}",
                dir.display()
            );
        }
    }
    println!(
        "{inputs} inputs in {:.1} s, no panic",
        started.elapsed().as_secs_f64()
    );
}
