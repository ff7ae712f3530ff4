//! The card's ties to the page around it: deep links (`#fig-…` in the page's address opens
//! that figure's citations), Escape anywhere and clicks outside closing an open popover, and
//! links inside the card that never touch the host page's address or history.

use yew::prelude::*;

#[cfg(target_arch = "wasm32")]
use super::popover_state::Action;
use super::popover_state::Popovers;

/// Subscribes for as long as the card is mounted; `anchors` are the ids deep links may name.
#[hook]
pub fn use_page_events(
    dispatch: UseReducerDispatcher<Popovers>,
    anchors: Vec<String>,
    root: NodeRef,
) {
    use_effect_with((), move |_| {
        #[cfg(target_arch = "wasm32")]
        let listeners = subscribe(dispatch, anchors, root);
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (dispatch, anchors, root);
        move || {
            #[cfg(target_arch = "wasm32")]
            drop(listeners);
        }
    });
}

#[cfg(target_arch = "wasm32")]
fn subscribe(
    dispatch: UseReducerDispatcher<Popovers>,
    anchors: Vec<String>,
    root: NodeRef,
) -> Vec<gloo::events::EventListener> {
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
    // What a link to `#anchor` does: opens that item's citations and brings it into view.
    let follow = {
        let dispatch = dispatch.clone();
        let anchors = anchors.clone();
        move |anchor: &str, target: &web_sys::Element| {
            if anchors.iter().any(|a| a == anchor) {
                dispatch.dispatch(Action::DeepLink(anchor.to_string()));
            }
            // Inside a shadow root the browser cannot scroll to the anchor itself.
            target.scroll_into_view();
        }
    };
    // The page's address names an item (on load, or when the host page moves to it); any
    // other address (Back, Forward, the host's own navigation) closes what is open, so that
    // going back never leaves a popover behind.
    let open_from_address = {
        let dispatch = dispatch.clone();
        let window = window.clone();
        let in_card = in_card.clone();
        let follow = follow.clone();
        move |on_load: bool| {
            let hash = window.location().hash().unwrap_or_default();
            let anchor = hash.trim_start_matches('#');
            match in_card(anchor) {
                Some(target) if anchors.iter().any(|a| a == anchor) => follow(anchor, &target),
                _ if !on_load => dispatch.dispatch(Action::Dismiss),
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
    let on_restore = {
        let dispatch = dispatch.clone();
        EventListener::new(&window, "pageshow", move |e| {
            if e.dyn_ref::<web_sys::PageTransitionEvent>()
                .is_some_and(|p| p.persisted())
            {
                dispatch.dispatch(Action::Dismiss);
            }
        })
    };
    let on_key = {
        let dispatch = dispatch.clone();
        EventListener::new(&document, "keydown", move |e| {
            if e.dyn_ref::<web_sys::KeyboardEvent>()
                .is_some_and(|k| k.key() == "Escape")
            {
                dispatch.dispatch(Action::Dismiss);
            }
        })
    };
    // Not passive (gloo's default): it may have to keep the browser from following a link.
    let active = EventListenerOptions::enable_prevent_default();
    let on_click = EventListener::new_with_options(&document, "click", active, move |e| {
        // composedPath sees through shadow roots, where the target would be retargeted.
        let path: Vec<web_sys::Element> = e
            .composed_path()
            .iter()
            .filter_map(|node| node.dyn_into::<web_sys::Element>().ok())
            .collect();
        let inside = path.iter().any(|el| el.class_list().contains("fs-cited"));
        if !inside {
            dispatch.dispatch(Action::Dismiss);
        }
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
    vec![on_hash, on_history, on_restore, on_key, on_click]
}
