//! The card's ties to the page around it: deep links (`#fig-…` opens that figure's
//! citations), Escape anywhere and clicks outside closing an open popover.

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
    use gloo::events::EventListener;
    use wasm_bindgen::JsCast;

    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let Some(document) = window.document() else {
        return Vec::new();
    };
    let open_from_hash = {
        let dispatch = dispatch.clone();
        let window = window.clone();
        move || {
            let hash = window.location().hash().unwrap_or_default();
            let anchor = hash.trim_start_matches('#');
            if anchors.iter().any(|a| a == anchor) {
                dispatch.dispatch(Action::DeepLink(anchor.to_string()));
                // Inside a shadow root the browser cannot scroll to the anchor itself.
                let target = root
                    .cast::<web_sys::Element>()
                    .and_then(|r| r.query_selector(&format!("#{anchor}")).ok().flatten());
                if let Some(target) = target {
                    target.scroll_into_view();
                }
            }
        }
    };
    open_from_hash();
    let on_hash = EventListener::new(&window, "hashchange", move |_| open_from_hash());
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
    let on_click = EventListener::new(&document, "click", move |e| {
        // composedPath sees through shadow roots, where the target would be retargeted.
        let inside = e.composed_path().iter().any(|node| {
            node.dyn_ref::<web_sys::Element>()
                .is_some_and(|el| el.class_list().contains("fs-cited"))
        });
        if !inside {
            dispatch.dispatch(Action::Dismiss);
        }
    });
    vec![on_hash, on_key, on_click]
}
