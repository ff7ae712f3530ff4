//! Browser tests of the card's components: real DOM, real events, in headless Chromium.
//! Each test mounts its own card into a fresh element.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;

use factsheet::view::{App, AppProps, Theme};
use gloo_timers::future::sleep;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{
    Element, HtmlElement, KeyboardEvent, KeyboardEventInit, PointerEvent, PointerEventInit,
};

wasm_bindgen_test_configure!(run_in_browser);

async fn mount() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let sheet = Rc::new(factsheet::data::builtin().unwrap());
    let props = yew::props!(AppProps {
        sheet,
        lang: "en",
        theme: Theme::Light,
    });
    yew::Renderer::<App>::with_root_and_props(host.clone(), props).render();
    assert!(
        settle(|| host.query_selector(".fs-figure").ok().flatten().is_some()).await,
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

fn pointer(target: &Element, kind: &str, pointer_type: &str) {
    let init = PointerEventInit::new();
    init.set_pointer_type(pointer_type);
    let event = PointerEvent::new_with_event_init_dict(kind, &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

fn key(target: &Element, name: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(name);
    init.set_bubbles(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

fn popover_of(host: &Element, figure: &str) -> HtmlElement {
    find(host, &format!("#pop-fig-{figure}"))
}

fn is_open(host: &Element, figure: &str) -> bool {
    !popover_of(host, figure).hidden()
}

fn button_of(host: &Element, figure: &str) -> HtmlElement {
    find(host, &format!("#fig-{figure} .fs-figure-button"))
}

#[wasm_bindgen_test]
async fn every_figure_shows_its_number_and_status_in_words() {
    let host = mount().await;
    let expected = [
        ("sent-per-rfa", "as many as", "12,000", "Contested"),
        ("casualties-ukraine", "", "3,800", "Contested"),
        ("dead-per-nis", "", "300", "Contested"),
        ("casualties-us", "", "several hundred", "Contested"),
        ("captured", "", "two", "Single origin"),
    ];
    for (id, hedge, number, status) in expected {
        let card = find(&host, &format!("#fig-{id}"));
        assert_eq!(
            find(&card, ".fs-number").text_content().unwrap(),
            number,
            "{id}"
        );
        assert!(
            find(&card, ".fs-status")
                .inner_text()
                .trim()
                .ends_with(status),
            "{id}"
        );
        if !hedge.is_empty() {
            assert_eq!(
                find(&card, ".fs-qualifier").text_content().unwrap(),
                hedge,
                "{id}"
            );
        }
    }
    let count = host.query_selector_all(".fs-figure").unwrap().length();
    assert_eq!(count, 9);
}

#[wasm_bindgen_test]
async fn mouse_hover_opens_and_leaving_closes() {
    let host = mount().await;
    let wrapper = find(&host, "#fig-casualties-ukraine .fs-cited");
    assert!(!is_open(&host, "casualties-ukraine"));
    pointer(&wrapper, "pointerenter", "mouse");
    assert!(
        settle(|| is_open(&host, "casualties-ukraine")).await,
        "hover did not open"
    );
    let popover = popover_of(&host, "casualties-ukraine");
    assert_eq!(popover.get_attribute("role").as_deref(), Some("dialog"));
    assert_eq!(find(&popover, "mark").text_content().unwrap(), "3,800");
    assert_eq!(
        button_of(&host, "casualties-ukraine")
            .get_attribute("aria-expanded")
            .as_deref(),
        Some("true")
    );
    pointer(&wrapper, "pointerleave", "mouse");
    assert!(
        settle(|| !is_open(&host, "casualties-ukraine")).await,
        "leaving did not close"
    );
    assert_eq!(
        button_of(&host, "casualties-ukraine")
            .get_attribute("aria-expanded")
            .as_deref(),
        Some("false")
    );
}

#[wasm_bindgen_test]
async fn keyboard_focus_opens_and_escape_closes_returning_focus() {
    let host = mount().await;
    let button = button_of(&host, "dead-per-nis");
    button.focus().unwrap();
    assert!(
        settle(|| is_open(&host, "dead-per-nis")).await,
        "focus did not open"
    );
    let quotes = popover_of(&host, "dead-per-nis")
        .query_selector_all("blockquote")
        .unwrap()
        .length();
    assert_eq!(quotes, 2, "both outlets' quotes are in the popover");
    key(&button, "Escape");
    assert!(
        settle(|| !is_open(&host, "dead-per-nis")).await,
        "Escape did not close"
    );
    let active = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .unwrap();
    assert_eq!(
        active,
        Element::from(button),
        "focus went back to the figure"
    );
}

#[wasm_bindgen_test]
async fn a_tap_opens_and_a_second_tap_closes() {
    let host = mount().await;
    let wrapper = find(&host, "#fig-captured .fs-cited");
    // A touch pointer entering is not a hover: nothing opens until the tap's click.
    pointer(&wrapper, "pointerenter", "touch");
    sleep(Duration::from_millis(60)).await;
    assert!(!is_open(&host, "captured"));
    button_of(&host, "captured").click();
    assert!(
        settle(|| is_open(&host, "captured")).await,
        "tap did not open"
    );
    button_of(&host, "captured").click();
    assert!(
        settle(|| !is_open(&host, "captured")).await,
        "second tap did not close"
    );
}

#[wasm_bindgen_test]
async fn only_one_popover_is_open_at_a_time() {
    let host = mount().await;
    button_of(&host, "captured").click();
    assert!(settle(|| is_open(&host, "captured")).await);
    button_of(&host, "casualties-us").click();
    assert!(settle(|| is_open(&host, "casualties-us") && !is_open(&host, "captured")).await);
    let open = host
        .query_selector_all(".fs-popover:not([hidden])")
        .unwrap()
        .length();
    assert_eq!(open, 1);
}

#[wasm_bindgen_test]
async fn the_button_controls_a_labelled_dialog() {
    let host = mount().await;
    let button = button_of(&host, "sent-per-rfa");
    let controls = button.get_attribute("aria-controls").unwrap();
    let dialog = find(&host, &format!("#{controls}"));
    let label_id = dialog.get_attribute("aria-labelledby").unwrap();
    let label = find(&host, &format!("#{label_id}")).text_content().unwrap();
    assert_eq!(label, "Sources for as many as 12,000 troops");
}

#[wasm_bindgen_test]
async fn the_theme_can_be_overridden() {
    let host = mount().await;
    let card = find(&host, ".factsheet");
    assert_eq!(card.get_attribute("data-theme").as_deref(), Some("light"));
    find(&host, ".fs-theme").click();
    assert!(settle(|| card.get_attribute("data-theme").as_deref() == Some("dark")).await);
}

#[wasm_bindgen_test]
async fn a_deep_link_opens_that_figures_citations() {
    let window = web_sys::window().unwrap();
    window.location().set_hash("fig-wounded-per-nis").unwrap();
    let host = mount().await;
    let opened = settle(|| is_open(&host, "wounded-per-nis")).await;
    window.location().set_hash("").unwrap();
    assert!(opened, "#fig-wounded-per-nis did not open its popover");
    assert_eq!(
        button_of(&host, "wounded-per-nis")
            .get_attribute("aria-expanded")
            .as_deref(),
        Some("true")
    );
}

#[wasm_bindgen_test]
async fn a_claim_quoted_by_two_outlets_shows_both_wordings_side_by_side() {
    let host = mount().await;
    let claim = find(&host, "#claim-more-captures");
    let wordings = claim
        .query_selector_all(".fs-wordings--side .fs-wording")
        .unwrap();
    assert_eq!(wordings.length(), 2);
    let text = claim.text_content().unwrap();
    assert!(
        text.contains("undoubtedly be more") && text.contains("likely just the beginning"),
        "{text}"
    );
}

#[wasm_bindgen_test]
async fn every_conflict_links_to_its_figures_whose_citations_open() {
    let host = mount().await;
    let panels = host.query_selector_all(".fs-conflict").unwrap();
    assert_eq!(panels.length(), 4, "one panel per conflict");
    let links = host
        .query_selector_all(".fs-conflict a.fs-conflict-figure")
        .unwrap();
    // 5 casualty estimates and the two 12,000 figures.
    assert_eq!(links.length(), 7);
    let link: HtmlElement = links.item(2).unwrap().dyn_into().unwrap();
    let target = link.get_attribute("href").unwrap();
    assert_eq!(target, "#fig-dead-per-nis");
    link.click();
    let opened = settle(|| is_open(&host, "dead-per-nis")).await;
    web_sys::window().unwrap().location().set_hash("").unwrap();
    assert!(
        opened,
        "following {target} did not open that figure's citations"
    );
}
