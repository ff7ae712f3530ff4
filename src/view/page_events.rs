//! The card's ties to the page around it: deep links (`#fig-…` in the page's address opens
//! that figure's citations, and its disclosure if it is in a closed one), and links inside
//! the card that never touch the host page's address or history. Escape and clicks outside
//! are the browser's (the citations are `popover`s).

use yew::prelude::*;

/// Subscribes for as long as the card is mounted; `anchors` are the ids deep links may name.
#[hook]
pub fn use_page_events(anchors: Vec<String>, root: NodeRef) {
    use_effect_with((), move |_| {
        #[cfg(target_arch = "wasm32")]
        let listeners = subscribe(anchors, root);
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (anchors, root);
        move || {
            #[cfg(target_arch = "wasm32")]
            drop(listeners);
        }
    });
}

#[cfg(target_arch = "wasm32")]
fn subscribe(anchors: Vec<String>, root: NodeRef) -> Vec<gloo::events::EventListener> {
    use std::rc::Rc;

    use gloo::events::{EventListener, EventListenerOptions};
    use wasm_bindgen::JsCast;

    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let Some(document) = window.document() else {
        return Vec::new();
    };
    let anchors = Rc::new(anchors);
    // The element `#id` inside this card (a shadow root keeps it from `document`'s lookups).
    let in_card = {
        let root = root.clone();
        move |id: &str| {
            let root = root.cast::<web_sys::Element>()?;
            let target = root
                .query_selector(&format!("[id=\"{id}\"]"))
                .ok()
                .flatten()?;
            Some(target)
        }
    };
    // What a link to `#anchor` does: opens the closed disclosure it is in, brings it into
    // view (inside a shadow root the browser cannot scroll to an anchor itself) and opens its
    // citations. The disclosure's `open` is set on the element, not rendered: the reader may
    // close it again, and nothing re-renders it behind their back.
    let follow = {
        let anchors = anchors.clone();
        move |anchor: &str, target: &web_sys::Element| {
            if let Ok(Some(details)) = target.closest("details") {
                let _ = details.set_attribute("open", "");
            }
            target.scroll_into_view();
            if anchors.iter().any(|a| a == anchor) {
                let popover = target
                    .query_selector(".fs-popover")
                    .ok()
                    .flatten()
                    .and_then(|p| p.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(popover) = popover {
                    if !popover.matches(":popover-open").unwrap_or(true) {
                        let _ = popover.show_popover();
                    }
                }
            }
        }
    };
    // Closes whatever popover of this card is open.
    let close = {
        let root = root.clone();
        move || {
            let open = root
                .cast::<web_sys::Element>()
                .and_then(|r| r.query_selector(".fs-popover:popover-open").ok().flatten())
                .and_then(|p| p.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(popover) = open {
                let _ = popover.hide_popover();
            }
        }
    };
    // The page's address names an item (on load, or when the host page moves to it); any
    // other address (Back, Forward, the host's own navigation) closes what is open, so that
    // going back never leaves a popover behind.
    let open_from_address = {
        let close = close.clone();
        let window = window.clone();
        let in_card = in_card.clone();
        let follow = follow.clone();
        move |on_load: bool| {
            let hash = window.location().hash().unwrap_or_default();
            let anchor = hash.trim_start_matches('#');
            match in_card(anchor) {
                Some(target) if anchors.iter().any(|a| a == anchor) => follow(anchor, &target),
                _ if !on_load => close(),
                _ => {}
            }
        }
    };
    open_from_address(true);
    let on_hash = {
        let open = open_from_address.clone();
        EventListener::new(&window, "hashchange", move |_| open(false))
    };
    let on_history = {
        let open = open_from_address.clone();
        EventListener::new(&window, "popstate", move |_| open(false))
    };
    // A page restored from the back-forward cache comes back as it was left: closed.
    let on_restore = EventListener::new(&window, "pageshow", move |e| {
        if e.dyn_ref::<web_sys::PageTransitionEvent>()
            .is_some_and(|p| p.persisted())
        {
            close();
        }
    });
    // Not passive (gloo's default): it may have to keep the browser from following a link.
    let active = EventListenerOptions::enable_prevent_default();
    let on_click = EventListener::new_with_options(&document, "click", active, move |e| {
        // composedPath sees through shadow roots, where the target would be retargeted.
        let path: Vec<web_sys::Element> = e
            .composed_path()
            .iter()
            .filter_map(|node| node.dyn_into::<web_sys::Element>().ok())
            .collect();
        // A link to a place in this card is followed here, not by the browser: the browser
        // would write `#…` into the host page's address and add a history entry.
        let link = path
            .iter()
            .find(|el| el.tag_name().eq_ignore_ascii_case("a"));
        let fragment = link
            .and_then(|a| a.get_attribute("href"))
            .and_then(|href| href.strip_prefix('#').map(str::to_owned));
        if let (Some(link), Some(id)) = (link, fragment) {
            let ours = root
                .cast::<web_sys::Node>()
                .is_some_and(|r| r.contains(Some(link)));
            if let (true, Some(target)) = (ours, in_card(&id)) {
                e.prevent_default();
                follow(&id, &target);
                // Where a keyboard user lands: the item's button, else the place itself.
                let button = target
                    .query_selector(".fs-figure-button")
                    .ok()
                    .flatten()
                    .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(button) = button {
                    let _ = button.focus();
                }
            }
        }
    });
    vec![on_hash, on_history, on_restore, on_click]
}
