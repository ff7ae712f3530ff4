//! Native tests of the facts model against the shipped sheet.

use factsheet::data::BUILTIN_JSON;
use factsheet::model::validate::check_quotes;
use factsheet::model::{load, Status};

const FILE: &str = "assets/sheet.json";

#[test]
fn builtin_sheet_passes_every_rule() {
    match load(FILE, BUILTIN_JSON.as_bytes(), None) {
        Ok(sheet) => assert!(
            sheet.figures.len() >= 8,
            "the seed story has at least 8 figures"
        ),
        Err(problems) => {
            let list: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
            panic!("the shipped sheet has problems:\n{}", list.join("\n"));
        }
    }
}

#[test]
fn builtin_quotes_are_verbatim_in_the_seed_articles() {
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if !seeds.is_dir() {
        panic!(
            "{} is missing: the verbatim check needs the seed articles",
            seeds.display()
        );
    }
    let sheet = load(FILE, BUILTIN_JSON.as_bytes(), None).expect("valid sheet");
    let problems = check_quotes(&sheet, &|name| {
        std::fs::read_to_string(seeds.join(name)).map_err(|e| e.to_string())
    });
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn two_outlets_citing_one_origin_are_one_confirmation() {
    let sheet = load(FILE, BUILTIN_JSON.as_bytes(), None).unwrap();
    let captured = sheet.figures.iter().find(|f| f.id == "captured").unwrap();
    let assessment = factsheet::model::assess(&sheet, factsheet::model::Item::Figure(captured));
    assert_eq!(assessment.status, Status::SingleOrigin);
    assert_eq!(
        assessment.why(),
        "Reported by 2 outlets (RFA; Bloomberg), both citing one origin: Ukraine."
    );
}
