//! Browser tests: Yew components rendered into a real DOM in headless Chromium.
//!
//! Run by `cargo xtask test`, or by hand:
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p factsheet --target wasm32-unknown-unknown --test browser`
//! (cargo's wasm32 runner is `wasm-bindgen-test-runner`; `webdriver.json` holds Chromium's flags).
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;

use factsheet::view::{App, AppProps};
use gloo_timers::future::sleep;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// A new, empty element at the end of the page's body: each test mounts into its own.
fn fresh_host() -> web_sys::Element {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let host = document.create_element("div").expect("a div");
    document
        .body()
        .expect("a body")
        .append_child(&host)
        .expect("appended");
    host
}

/// Yew renders asynchronously: polls `ready` every 20 ms for at most 2 s.
async fn eventually(ready: impl Fn() -> bool) -> bool {
    for _ in 0..100 {
        if ready() {
            return true;
        }
        sleep(Duration::from_millis(20)).await;
    }
    ready()
}

fn text_of(host: &web_sys::Element) -> String {
    host.text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_card_shows_every_figure_as_written() {
    let sheet = factsheet::data::builtin().expect("the built-in sheet parses");
    let first = sheet
        .figures
        .first()
        .expect("the built-in sheet has figures")
        .value
        .written()
        .to_owned();
    let host = fresh_host();
    yew::Renderer::<App>::with_root_and_props(
        host.clone(),
        // `props!` fills every optional prop with its default.
        yew::props!(AppProps {
            sheet: Rc::new(sheet.clone())
        }),
    )
    .render();

    assert!(
        eventually(|| text_of(&host).contains(&first)).await,
        "the first figure's number {first:?} never appeared; the card shows: {:?}",
        text_of(&host)
    );
    let shown = text_of(&host);
    for figure in &sheet.figures {
        let written = figure.value.written();
        assert!(
            shown.contains(written),
            "figure `{}` ({written:?}) is missing from the card",
            figure.id
        );
    }
}
