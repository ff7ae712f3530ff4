//! What is not an article gets one line naming the file; what is an odd article (one endless
//! sentence, a megabyte of numbers or names, scripts other than Latin, Windows line ends)
//! gets a draft and, where it matters, a note, and never a panic.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use factsheet_extract::{extract, read, MAX_BYTES};

fn one_line(message: &str, file: &str, says: &str) {
    assert!(message.starts_with(&format!("{file}: ")), "{message}");
    assert!(message.contains(says), "{message}");
    assert!(!message.contains('\n'), "{message}");
}

#[test]
fn files_that_are_not_articles_are_refused_in_one_line() {
    one_line(
        &read("empty.txt", b"").unwrap_err(),
        "empty.txt",
        "is empty",
    );
    one_line(
        &read("blank.txt", b" \n\r\n\t ").unwrap_err(),
        "blank.txt",
        "is empty",
    );
    let png = [
        0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D,
    ];
    one_line(
        &read("photo.png", &png).unwrap_err(),
        "photo.png",
        "is binary",
    );
    one_line(
        &read("latin1.txt", b"Caf\xe9 owners said 12 shops closed.").unwrap_err(),
        "latin1.txt",
        "is not valid UTF-8",
    );
    let ten_megabytes = "The council said 12 roads closed. ".repeat(10 * 1024 * 1024 / 34);
    one_line(
        &read("huge.txt", ten_megabytes.as_bytes()).unwrap_err(),
        "huge.txt",
        "at most",
    );
    // A byte-order mark is not text: it goes, the article stays.
    let bom = read(
        "bom.txt",
        b"\xEF\xBB\xBFTitle\n\nThe council said 12 roads closed.\n",
    )
    .unwrap();
    assert!(bom.text.starts_with("Title"));
}

#[test]
fn an_endless_sentence_is_left_out_with_a_note() {
    let mut text = String::from("Title\n\nThe council said 12 roads closed.\n\n");
    text.push_str(&"and the water rose over 3 fields ".repeat(20_000));
    assert!(text.len() < MAX_BYTES);
    let article = read("endless.txt", text.as_bytes()).unwrap();
    let draft = extract(&[article]);
    assert!(
        draft
            .notes
            .iter()
            .any(|n| n.starts_with("endless.txt: a sentence of") && n.contains("has no end")),
        "{:?}",
        draft.notes
    );
    assert_eq!(
        draft.sheet.figures.len(),
        1,
        "only the sentence that ends is read"
    );
}

#[test]
fn a_megabyte_of_numbers_names_and_quotes_extracts() {
    let mut text = String::from("Title\n\n");
    let mut n = 0;
    while text.len() < MAX_BYTES - 200 {
        n += 1;
        text.push_str(&format!("Mayor Name{n} Surname{n} said {n},{:03} people left. \u{201C}We stay {n},\u{201D} Surname{n} said.\n", n % 1000));
    }
    let text = &text[..text.len().min(MAX_BYTES - 1)];
    let cut = text.rfind('\n').unwrap_or(text.len());
    let article = read("dump.txt", &text.as_bytes()[..cut]).unwrap();
    let draft = extract(&[article]);
    let items = draft.sheet.figures.len() + draft.sheet.claims.len();
    assert!(items > 100 && items <= 1000, "{items}");
    assert!(
        draft
            .notes
            .iter()
            .any(|n| n.starts_with("dump.txt: stopped at byte")),
        "{:?}",
        draft.notes
    );
}

#[test]
fn other_scripts_and_line_ends_draft_without_panic() {
    let text = "\u{0417}\u{0430}\u{0433}\u{043e}\u{043b}\u{043e}\u{0432}\u{043e}\u{043a}\r\n\r\n\u{041c}\u{044d}\u{0440} \u{0441}\u{043a}\u{0430}\u{0437}\u{0430}\u{043b}, 12 \u{0434}\u{043e}\u{043c}\u{043e}\u{0432}.\r\n\u{6c34}\u{4f4d}\u{4e0a}\u{5347}\u{4e86}\u{3002}\u{0627}\u{0644}\u{0645}\u{064a}\u{0627}\u{0647} \u{1F30A} e\u{0301}\r\nThe council said 40 homes flooded.\r\n";
    let article = read("mixed.txt", text.as_bytes()).unwrap();
    let draft = extract(&[article]);
    assert!(
        draft
            .notes
            .iter()
            .any(|n| n.starts_with("mixed.txt: ") && n.contains("not in the Latin script")),
        "{:?}",
        draft.notes
    );
    assert!(draft
        .sheet
        .figures
        .iter()
        .any(|f| f.value.written() == "40"));
}
