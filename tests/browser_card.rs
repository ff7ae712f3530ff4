//! Browser tests of the card's components: real DOM, real events, in headless Chromium.
//! Each test mounts its own card of the fixture sheet (`tests/fixtures/sheet.json`) into a
//! fresh element; what it expects (numbers, words, counts) comes from that sheet, through the
//! model and `present`, so the tests hold for any story.
//!
//! Run by `cargo xtask test`, or by hand:
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p factsheet --target wasm32-unknown-unknown --test browser_card`
//! (cargo's wasm32 runner is `wasm-bindgen-test-runner`; `webdriver.json` holds Chromium's flags).

// A test says what broke by failing loudly: unwrap, expect and panic! are allowed here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;

use factsheet::model::Status;
use factsheet::model::{load, Sheet};
use factsheet::view::present::{present, FigureView, SheetView};
use factsheet::view::{App, AppProps, Theme, View};
use gloo_timers::future::sleep;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement, PointerEvent, PointerEventInit};

wasm_bindgen_test_configure!(run_in_browser);

const FIXTURE: &str = include_str!("fixtures/sheet.json");

fn fixture() -> Sheet {
    load("sheet.json", FIXTURE.as_bytes(), None).expect("the fixture sheet is valid")
}

/// What the card shows for the fixture in English.
fn view() -> SheetView {
    present(&fixture(), "en")
}

/// A new, empty element in a shadow root of its own at the end of the page's body: each test
/// mounts into its own, and, as on a page, each card's ids (which its buttons' `popovertarget`
/// name) are its own.
fn fresh_host() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let outer = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&outer).unwrap();
    let shadow = outer
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .unwrap();
    let host = document.create_element("div").unwrap();
    shadow.append_child(&host).unwrap();
    host
}

/// Mounts the fixture's card in English and the light theme, once it has rendered.
async fn mount() -> Element {
    let host = fresh_host();
    let props = yew::props!(AppProps {
        sheet: Rc::new(fixture()),
        lang: "en",
        theme: Theme::Light,
    });
    yew::Renderer::<App>::with_root_and_props(host.clone(), props).render();
    assert!(
        settle(|| host
            .query_selector(".fs-figure-button")
            .ok()
            .flatten()
            .is_some())
        .await,
        "the card never rendered"
    );
    host
}

/// Yew renders asynchronously: waits until `ready` holds, at most 2 s.
async fn settle(ready: impl Fn() -> bool) -> bool {
    for _ in 0..100 {
        if ready() {
            return true;
        }
        sleep(Duration::from_millis(20)).await;
    }
    ready()
}

fn find(host: &Element, selector: &str) -> HtmlElement {
    host.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .dyn_into()
        .unwrap()
}

fn count(host: &Element, selector: &str) -> u32 {
    host.query_selector_all(selector).unwrap().length()
}

fn pointer(target: &Element, kind: &str, pointer_type: &str) {
    let init = PointerEventInit::new();
    init.set_pointer_type(pointer_type);
    let event = PointerEvent::new_with_event_init_dict(kind, &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

fn popover_of(host: &Element, figure: &str) -> HtmlElement {
    find(host, &format!("#pop-fig-{figure}"))
}

fn is_open(host: &Element, figure: &str) -> bool {
    popover_of(host, figure).matches(":popover-open").unwrap()
}

fn button_of(host: &Element, figure: &str) -> HtmlElement {
    find(host, &format!("#fig-{figure} .fs-figure-button"))
}

/// Mounts the fixture's card in English and the light theme, in `view`.
async fn mount_view(view: View) -> Element {
    let host = fresh_host();
    let props = yew::props!(AppProps {
        sheet: Rc::new(fixture()),
        lang: "en",
        theme: Theme::Light,
        view,
    });
    yew::Renderer::<App>::with_root_and_props(host.clone(), props).render();
    assert!(
        settle(|| host
            .query_selector(".fs-figure-button")
            .ok()
            .flatten()
            .is_some())
        .await,
        "the card never rendered"
    );
    host
}

/// The first figure `pick` accepts.
fn figure_where(view: &SheetView, what: &str, pick: impl Fn(&FigureView) -> bool) -> FigureView {
    view.figures
        .iter()
        .find(|f| pick(f))
        .unwrap_or_else(|| panic!("the fixture has no figure {what}"))
        .clone()
}

/// The status words shown beside an item, not those in its (hidden) popover.
fn badges(item: &Element) -> Vec<String> {
    let all = item.query_selector_all(".fs-status").unwrap();
    (0..all.length())
        .filter_map(|i| all.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .filter(|e| e.closest(".fs-popover").unwrap().is_none())
        .map(|e| e.text_content().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn every_figure_shows_its_number_hedge_and_statuses_in_words_once() {
    let host = mount().await;
    let view = view();
    let charted: Vec<&str> = view
        .charts
        .iter()
        .flat_map(|c| &c.groups)
        .flat_map(|g| &g.estimates)
        .flat_map(|e| &e.parts)
        .map(|p| p.figure.item.id.as_str())
        .collect();
    for f in &view.figures {
        let id = &f.item.id;
        assert_eq!(count(&host, &format!("#fig-{id}")), 1, "{id} shown once");
        let card = find(&host, &format!("#fig-{id}"));
        assert_eq!(
            find(&card, ".fs-number").text_content().unwrap(),
            f.number,
            "{id}"
        );
        assert_eq!(
            find(&card, ".fs-unit").text_content().unwrap(),
            f.unit,
            "{id}"
        );
        // A key figure shows every status; a bar every one but "single origin", which its
        // chart says once for all its lines.
        let want: Vec<Status> = f
            .item
            .statuses
            .iter()
            .copied()
            .filter(|s| !charted.contains(&id.as_str()) || *s != Status::SingleOrigin)
            .collect();
        let shown = badges(&card);
        assert_eq!(shown.len(), want.len(), "{id}: {shown:?}");
        for (text, status) in shown.iter().zip(&want) {
            assert!(text.trim().ends_with(status.label()), "{id}: {text:?}");
        }
        match &f.qualifier {
            Some(q) => assert_eq!(
                find(&card, ".fs-qualifier").text_content().unwrap().trim(),
                q
            ),
            None => assert_eq!(count(&card, ".fs-qualifier"), 0, "{id}"),
        }
        // The button says what it opens: "Sources for" and what the number counts.
        let name = button_of(&host, id).text_content().unwrap();
        assert_eq!(
            normalize(&name),
            format!("Sources for {}", f.subject),
            "{id}"
        );
    }
    assert!(!charted.is_empty(), "the fixture has a chart");
}

fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[wasm_bindgen_test]
async fn with_default_props_the_card_shows_every_figures_number() {
    let host = fresh_host();
    // `props!` fills every optional prop with its default: English, the light theme.
    yew::Renderer::<App>::with_root_and_props(
        host.clone(),
        yew::props!(AppProps {
            sheet: Rc::new(fixture())
        }),
    )
    .render();
    let view = view();
    let text = || host.text_content().unwrap_or_default();
    assert!(
        settle(|| text().contains(&view.figures[0].number)).await,
        "the first figure's number never appeared; the card shows: {:?}",
        text()
    );
    for f in &view.figures {
        assert!(
            text().contains(&f.number),
            "{} ({:?}) is missing",
            f.item.id,
            f.number
        );
    }
}

/// The markup the browser's popovers and the loader's script work on, whoever rendered it:
/// each citation button names its popover (`popovertarget`, `aria-controls`), a labelled
/// dialog that is an auto popover, holding every outlet's quote with the figure's words
/// marked, and a close button that hides it. Hover, focus, Escape and placement are the
/// loader's and the browser's, tested end to end in three engines (`tests/e2e_card.rs`).
#[wasm_bindgen_test]
async fn every_citation_button_names_its_popover_which_the_browser_opens_and_closes() {
    let host = mount().await;
    let f = figure_where(
        &view(),
        "with two citations whose quote holds its words",
        |f| f.item.citations.len() > 1 && !f.item.citations[0].quote.1.is_empty(),
    );
    let id = f.item.id.as_str();
    let button = button_of(&host, id);
    let popover = popover_of(&host, id);
    assert_eq!(
        button.get_attribute("popovertarget"),
        Some(popover.id()),
        "{id}"
    );
    assert_eq!(button.get_attribute("aria-controls"), Some(popover.id()));
    assert_eq!(popover.get_attribute("popover").as_deref(), Some("auto"));
    assert_eq!(popover.get_attribute("role").as_deref(), Some("dialog"));
    assert_eq!(
        find(&popover, "mark").text_content().unwrap(),
        f.item.citations[0].quote.1
    );
    let quotes = popover.query_selector_all("blockquote").unwrap().length();
    assert_eq!(
        quotes as usize,
        f.item.citations.len(),
        "every outlet's quote is in the popover"
    );
    assert!(!is_open(&host, id));
    button.click();
    assert!(settle(|| is_open(&host, id)).await, "a click did not open");
    let close = find(&popover, ".fs-popover-close");
    assert_eq!(
        close.get_attribute("popovertargetaction").as_deref(),
        Some("hide")
    );
    close.click();
    assert!(
        settle(|| !is_open(&host, id)).await,
        "the close button did not close"
    );
    // Every button of the card names a popover that is there.
    let buttons = host.query_selector_all(".fs-figure-button").unwrap();
    assert!(buttons.length() as usize >= view().figures.len());
    for i in 0..buttons.length() {
        let b: Element = buttons.item(i).unwrap().dyn_into().unwrap();
        let target = b.get_attribute("popovertarget").unwrap();
        assert_eq!(
            count(&host, &format!("[id='{target}'][popover]")),
            1,
            "{target}"
        );
    }
}

#[wasm_bindgen_test]
async fn a_tap_opens_and_a_second_tap_closes() {
    let host = mount().await;
    let id = view().figures[0].item.id.clone();
    let id = id.as_str();
    let wrapper = find(&host, &format!("#fig-{id} .fs-cited"));
    // A touch pointer entering is not a hover: nothing opens until the tap's click.
    pointer(&wrapper, "pointerenter", "touch");
    sleep(Duration::from_millis(60)).await;
    assert!(!is_open(&host, id));
    button_of(&host, id).click();
    assert!(settle(|| is_open(&host, id)).await, "tap did not open");
    button_of(&host, id).click();
    assert!(
        settle(|| !is_open(&host, id)).await,
        "second tap did not close"
    );
}

#[wasm_bindgen_test]
async fn only_one_popover_is_open_at_a_time() {
    let host = mount().await;
    let view = view();
    let first = view.figures.first().unwrap().item.id.as_str();
    let last = view.figures.last().unwrap().item.id.as_str();
    assert_ne!(first, last, "the fixture has two figures");
    button_of(&host, first).click();
    assert!(settle(|| is_open(&host, first)).await);
    button_of(&host, last).click();
    assert!(settle(|| is_open(&host, last) && !is_open(&host, first)).await);
    assert_eq!(count(&host, ".fs-popover:popover-open"), 1);
}

#[wasm_bindgen_test]
async fn the_button_controls_a_dialog_labelled_with_the_hedge_number_and_unit() {
    let host = mount().await;
    let f = figure_where(&view(), "with a hedge", |f| f.qualifier.is_some());
    let button = button_of(&host, &f.item.id);
    let controls = button.get_attribute("aria-controls").unwrap();
    let dialog = find(&host, &format!("#{controls}"));
    let label_id = dialog.get_attribute("aria-labelledby").unwrap();
    let label = find(&host, &format!("#{label_id}")).text_content().unwrap();
    let hedge = f.qualifier.as_deref().unwrap();
    assert_eq!(
        label,
        format!("Sources for {hedge} {} {}", f.number, f.unit)
    );
}

#[wasm_bindgen_test]
async fn the_theme_can_be_overridden() {
    let host = mount().await;
    let card = find(&host, ".factsheet");
    assert_eq!(card.get_attribute("data-theme").as_deref(), Some("light"));
    find(&host, ".fs-theme").click();
    let switched = settle(|| card.get_attribute("data-theme").as_deref() == Some("dark")).await;
    // The choice is kept for the page's later cards: forget it, for the other tests.
    if let Ok(Some(storage)) = web_sys::window().unwrap().local_storage() {
        storage.remove_item("factsheet-theme").unwrap();
    }
    assert!(switched);
}

#[wasm_bindgen_test]
async fn a_claim_quoted_by_two_outlets_shows_both_wordings_side_by_side() {
    let host = mount().await;
    let view = view();
    let quoted = view
        .more_claims
        .iter()
        .find(|c| c.item.citations.len() == 2)
        .expect("the fixture has a claim two outlets quote");
    let claim = find(&host, &format!("#{}", quoted.item.anchor));
    let wordings = claim
        .query_selector_all(".fs-wordings--side .fs-wording")
        .unwrap();
    assert_eq!(wordings.length(), 2);
    let text = claim.text_content().unwrap();
    for c in &quoted.item.citations {
        let quote = format!("{}{}{}", c.quote.0, c.quote.1, c.quote.2);
        assert!(text.contains(&quote), "{quote:?} not in {text:?}");
        assert!(text.contains(&c.outlet), "{:?} not in {text:?}", c.outlet);
    }
}

#[wasm_bindgen_test]
async fn every_disagreement_shows_its_chart_or_accounts_whose_citations_open() {
    let host = mount().await;
    let view = view();
    assert_eq!(
        count(&host, ".fs-conflict") as usize,
        view.disputes.len(),
        "one panel per disagreement"
    );
    for d in &view.disputes {
        for a in &d.accounts {
            let account = find(&host, &format!("#{}", a.item.anchor));
            assert!(
                account.closest(".fs-conflict").unwrap().is_some(),
                "{}",
                a.item.id
            );
            assert!(
                account.closest("details").unwrap().is_none(),
                "{} is hidden",
                a.item.id
            );
        }
    }
    // The last bar of the first chart opens its figure's citations on a click.
    let chart = view.charts.first().expect("the fixture has a chart");
    let part = chart
        .groups
        .last()
        .and_then(|g| g.estimates.last())
        .and_then(|e| e.parts.last())
        .unwrap();
    let id = part.figure.item.id.as_str();
    assert!(find(&host, &format!("#fig-{id}"))
        .closest(".fs-chart")
        .unwrap()
        .is_some());
    button_of(&host, id).click();
    assert!(
        settle(|| is_open(&host, id)).await,
        "a bar's button did not open"
    );
}

#[wasm_bindgen_test]
async fn the_rest_is_in_closed_disclosures_which_the_full_view_opens() {
    let glance = mount_view(View::Glance).await;
    let closed = count(&glance, "details:not([open])");
    assert!(
        closed >= 3,
        "claims, sources and statuses each one tap away: {closed}"
    );
    assert_eq!(count(&glance, "details[open]"), 0);
    let full = mount_view(View::Full).await;
    assert_eq!(count(&full, "details:not([open])"), 0);
    assert_eq!(count(&full, "details[open]"), closed);
}

// Deep links are the loader's script's (`xtask/pages/loader-popovers.js`), which these tests
// do not load: `tests/e2e_card.rs` opens a figure's and a claim's in a closed disclosure in
// three engines.
