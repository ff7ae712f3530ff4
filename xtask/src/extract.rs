//! `extract`: a draft sheet from articles, for an editor to review (issue 16). Every item of
//! the draft carries a `proposal`, which `verify` and `dist` refuse until the editor deletes
//! it; `--bench` times the extractor on 100 KB of text.

use std::path::Path;
use std::time::Instant;

use factsheet_extract::{extract, read, Article};

use crate::options::Spec;
use crate::root;

pub const SPEC: Spec = Spec {
    task: "extract",
    flags: &["--bench"],
    valued: &[("--out", "FILE")],
    operand: Some("ARTICLE…"),
};

const SCHEMA_FILE: &str = "assets/sheet.schema.json";

/// `cargo xtask extract ARTICLE… [--out FILE]`, or `--bench`.
pub fn task(args: &[String]) -> Result<(), String> {
    let opts = SPEC.parse(args)?;
    if opts.flag("--bench") {
        return bench();
    }
    let files = opts.operands();
    if files.is_empty() {
        return Err(format!(
            "name at least one article (usage: cargo xtask {})",
            SPEC.synopsis()
        ));
    }
    let mut articles: Vec<Article> = Vec::new();
    for path in files {
        let path = Path::new(path);
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        let bytes =
            std::fs::read(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        let article = read(&name, &bytes)?;
        // The draft names each article by its file name, which `verify --sources DIR` looks
        // up: two articles of one name would be one source.
        if articles.iter().any(|a| a.file == name) {
            return Err(format!(
                "{}: another article has the file name {name}; rename one (the draft's `archive_file`)",
                path.display()
            ));
        }
        articles.push(article);
    }
    let mut draft = extract(&articles);
    // Editors review the draft against the schema; it sits in this checkout.
    draft.sheet.schema = Some(root().join(SCHEMA_FILE).display().to_string());
    for note in &draft.notes {
        eprintln!("extract: {note}");
    }
    let json = serde_json::to_string_pretty(&draft.sheet).map_err(|e| e.to_string())? + "\n";
    let sheet = &draft.sheet;
    let summary = format!(
        "extract: {} article(s) -> {} figures, {} claims, {} parties, {} conflicts, each a proposal",
        articles.len(),
        sheet.figures.len(),
        sheet.claims.len(),
        sheet.parties.len(),
        sheet.conflicts.len()
    );
    match opts.value("--out") {
        Some(out) => {
            std::fs::write(out, &json).map_err(|e| format!("{out}: cannot write: {e}"))?;
            eprintln!("{summary}; wrote {out}");
            eprintln!("extract: review it (schema: {SCHEMA_FILE}), delete the `proposal` of each item you accept, then `cargo xtask verify {out} --sources DIR` (DIR holds the articles)");
        }
        None => {
            print!("{json}");
            eprintln!("{summary}");
        }
    }
    Ok(())
}

/// The test corpus, repeated to `bytes`, as articles of its own size and as one article.
fn corpus_text(bytes: usize) -> Result<(Vec<Article>, Article), String> {
    let dir = root().join("crates/factsheet-extract/tests/corpus");
    let mut texts: Vec<(String, String)> = Vec::new();
    let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut paths: Vec<_> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md"))
        .collect();
    paths.sort();
    for p in paths {
        let text = std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        texts.push((name, text));
    }
    if texts.is_empty() {
        return Err(format!("{}: no articles", dir.display()));
    }
    let mut many = Vec::new();
    let mut one = String::from("One long article made of the test corpus\n\n");
    let mut total = 0;
    let mut n = 0;
    while total < bytes {
        let (name, text) = &texts[n % texts.len()];
        many.push(read(&format!("{n}-{name}"), text.as_bytes())?);
        one.push_str(text);
        one.push_str("\n\n");
        total += text.len();
        n += 1;
    }
    Ok((many, read("one.txt", one.as_bytes())?))
}

/// Times `extract` on about 100 KB of text: the median and range of several runs.
fn bench() -> Result<(), String> {
    let (many, one) = corpus_text(100 * 1024)?;
    let profile = if cfg!(debug_assertions) {
        "debug build (as `cargo xtask` runs)"
    } else {
        "release build"
    };
    println!("extract --bench: {profile}, 7 runs each");
    println!("| input | bytes | figures | claims | parties | median ms | min-max ms |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    let inputs: [(&str, Vec<Article>); 2] = [
        ("the corpus as separate articles", many),
        ("the corpus as one article", vec![one]),
    ];
    for (what, articles) in inputs {
        let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
        let mut times = Vec::new();
        let mut last = None;
        for _ in 0..7 {
            let started = Instant::now();
            let draft = extract(&articles);
            times.push(started.elapsed().as_secs_f64() * 1000.0);
            last = Some(draft);
        }
        times.sort_by(f64::total_cmp);
        let (f, c, p) = last.map_or((0, 0, 0), |d| {
            (
                d.sheet.figures.len(),
                d.sheet.claims.len(),
                d.sheet.parties.len(),
            )
        });
        println!(
            "| {what} ({} file(s)) | {bytes} | {f} | {c} | {p} | {:.0} | {:.0}-{:.0} |",
            articles.len(),
            times[times.len() / 2],
            times[0],
            times[times.len() - 1]
        );
    }
    if cfg!(debug_assertions) {
        println!("(release: `cargo run --release -p xtask -- extract --bench`)");
    }
    Ok(())
}
