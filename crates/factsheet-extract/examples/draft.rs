//! `cargo run -p factsheet-extract --example draft -- ARTICLE…`: the draft as JSON on stdout
//! (`cargo xtask extract` is the editor's command; this is for working on the rules).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

fn main() {
    let mut articles = Vec::new();
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).unwrap();
        let name = std::path::Path::new(&path)
            .file_name()
            .unwrap()
            .to_string_lossy()
            .to_string();
        match factsheet_extract::read(&name, &bytes) {
            Ok(a) => articles.push(a),
            Err(e) => eprintln!("{e}"),
        }
    }
    let draft = factsheet_extract::extract(&articles);
    for n in &draft.notes {
        eprintln!("{n}");
    }
    println!("{}", serde_json::to_string_pretty(&draft.sheet).unwrap());
}
