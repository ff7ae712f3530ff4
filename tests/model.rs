//! Native tests of the facts model.

#[test]
fn builtin_sheet_parses() {
    let sheet = factsheet::data::builtin().expect("assets/sheet.json parses");
    assert!(!sheet.figures.is_empty(), "the built-in sheet has figures");
}
