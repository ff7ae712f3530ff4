//! Mounting: one shadow root and one Yew app per `[data-factsheet]` element, for the elements
//! on the page at start and for any added later.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, Document, Element, ShadowRoot, ShadowRootInit, ShadowRootMode};
use yew::prelude::*;

use super::options::{read_options, Options};
use super::remote::{Remote, RemoteProps};
use crate::view::{App, AppProps, ErrorCard, ErrorCardProps};

/// The card's stylesheet, built in: a shadow root needs its own copy, and a constructed
/// sheet is allowed under a strict `style-src` where an inline `<style>` is not.
const CSS: &str = include_str!("../../assets/factsheet.css");

/// Set on a host once it is mounted, so that no element is mounted twice.
const MOUNTED: &str = "data-factsheet-mounted";
/// Set on a host once its card is interactive; with it, a `factsheet:ready` event.
const LIVE: &str = "data-factsheet-live";
/// Set by the build on hosts it pre-rendered: the language and theme it rendered with.
pub const PRERENDERED: &str = "data-prerendered";

#[wasm_bindgen(start)]
pub fn start() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    mount_all(&document);
    watch_for_new_hosts(&document);
}

fn mount_all(document: &Document) {
    let Ok(hosts) = document.query_selector_all("[data-factsheet]") else {
        return;
    };
    for i in 0..hosts.length() {
        if let Some(host) = hosts.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            mount(document, host);
        }
    }
}

/// Mounts hosts that are added to the page later (pages that load articles dynamically).
fn watch_for_new_hosts(document: &Document) {
    let Some(body) = document.body() else {
        return;
    };
    let observed = document.clone();
    let callback = Closure::<dyn FnMut()>::new(move || mount_all(&observed));
    let Ok(observer) = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()) else {
        return;
    };
    let init = web_sys::MutationObserverInit::new();
    init.set_child_list(true);
    init.set_subtree(true);
    if observer.observe_with_options(&body, &init).is_ok() {
        // The observer lives as long as the page does.
        callback.forget();
    }
}

fn mount(document: &Document, host: Element) {
    if host.has_attribute(MOUNTED) {
        return;
    }
    let _ = host.set_attribute(MOUNTED, "");
    let Some(root) = card_root(document, &host) else {
        return;
    };
    let page_lang = document
        .document_element()
        .and_then(|e| e.get_attribute("lang"))
        .filter(|l| !l.is_empty());
    let options = read_options(
        |name| host.get_attribute(&format!("data-{name}")),
        page_lang,
    );
    let on_ready = ready_callback(host.clone());
    match options {
        Err(problems) => {
            let props = ErrorCardProps {
                title: "This fact sheet's settings are wrong.".into(),
                problems: problems.into_iter().map(AttrValue::from).collect(),
            };
            yew::Renderer::<ErrorCard>::with_root_and_props(root, props).render();
            on_ready.emit(());
        }
        Ok(Options {
            src: Some(url),
            theme,
            lang,
        }) => {
            root.set_inner_html("");
            let props = RemoteProps {
                url: url.into(),
                lang: lang.into(),
                theme,
                on_ready,
            };
            yew::Renderer::<Remote>::with_root_and_props(root, props).render();
        }
        Ok(Options {
            src: None,
            theme,
            lang,
        }) => match crate::data::builtin() {
            Ok(sheet) => {
                // The build pre-renders the built-in sheet for one language and theme and
                // says which (`data-prerendered="en auto"`). With the same settings the wasm
                // adopts that HTML in place (hydration), so nothing moves; otherwise it
                // renders afresh.
                let wanted = format!("{lang} {}", theme.key());
                let hydrate = host.get_attribute(PRERENDERED).as_deref() == Some(wanted.as_str())
                    && root.child_element_count() > 0;
                let props = AppProps {
                    sheet: Rc::new(sheet),
                    lang: lang.into(),
                    theme,
                    on_ready,
                };
                let renderer = yew::Renderer::<App>::with_root_and_props(root.clone(), props);
                if hydrate {
                    renderer.hydrate();
                } else {
                    root.set_inner_html("");
                    renderer.render();
                }
            }
            Err(e) => {
                let props = ErrorCardProps {
                    title: "The built-in sheet could not be read.".into(),
                    problems: e.iter().map(|d| AttrValue::from(d.to_string())).collect(),
                };
                yew::Renderer::<ErrorCard>::with_root_and_props(root, props).render();
                on_ready.emit(());
            }
        },
    }
}

/// The element inside the host's shadow root that the card renders into, creating the shadow
/// root and adopting the stylesheet on first use.
fn card_root(document: &Document, host: &Element) -> Option<Element> {
    let shadow: ShadowRoot = match host.shadow_root() {
        Some(existing) => existing,
        None => host
            .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
            .ok()?,
    };
    if let Ok(sheet) = CssStyleSheet::new() {
        if sheet.replace_sync(CSS).is_ok() {
            shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
        }
    }
    if let Ok(Some(existing)) = shadow.query_selector(".fs-root") {
        return Some(existing);
    }
    let root = document.create_element("div").ok()?;
    root.set_class_name("fs-root");
    shadow.append_child(&root).ok()?;
    Some(root)
}

/// Marks the host live and tells the page, once.
fn ready_callback(host: Element) -> Callback<()> {
    Callback::from(move |()| {
        if host.has_attribute(LIVE) {
            return;
        }
        let _ = host.set_attribute(LIVE, "");
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("factsheet:ready", &init)
        {
            let _ = host.dispatch_event(&event);
        }
    })
}
