//! Keeps an open popover fully inside the viewport: narrows it to the viewport, shifts it
//! sideways near the edges, and puts it below or above its button, whichever has room, capping
//! its height to that room (it scrolls inside). Measured after each opening, so it holds in
//! scrolled pages, on phones and at 320 px.

use yew::prelude::*;

/// Gap kept between a popover and the viewport's edges, in CSS pixels.
#[cfg(target_arch = "wasm32")]
const MARGIN: f64 = 8.0;
/// Gap between the button and its popover (the CSS `calc(100% + 6px)`).
#[cfg(target_arch = "wasm32")]
const GAP: f64 = 6.0;

#[cfg(target_arch = "wasm32")]
pub fn place_popover(node: &NodeRef) {
    use web_sys::HtmlElement;
    let Some(popover) = node.cast::<HtmlElement>() else {
        return;
    };
    let Some(anchor) = popover.parent_element() else {
        return;
    };
    // The layout viewport without scrollbars. `innerWidth`/`innerHeight` include scrollbars
    // and, in mobile emulation, grow with content that sticks out, so they are not used.
    let Some(viewport) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let (width, height) = (
        f64::from(viewport.client_width()),
        f64::from(viewport.client_height()),
    );
    let style = popover.style();
    // Start from the CSS defaults (below, left-aligned) so earlier adjustments do not add up.
    for property in ["left", "width", "max-height"] {
        let _ = style.remove_property(property);
    }
    let _ = popover.class_list().remove_1("fs-popover--above");

    let room_across = width - 2.0 * MARGIN;
    if popover.get_bounding_client_rect().width() > room_across {
        let _ = style.set_property("width", &px(room_across));
    }
    let rect = popover.get_bounding_client_rect();
    let mut shift = 0.0;
    if rect.right() > width - MARGIN {
        shift = width - MARGIN - rect.right();
    }
    if rect.left() + shift < MARGIN {
        shift = MARGIN - rect.left();
    }
    if shift != 0.0 {
        let _ = style.set_property("left", &px(shift));
    }

    let button = anchor.get_bounding_client_rect();
    let below = height - MARGIN - (button.bottom() + GAP);
    let above = button.top() - GAP - MARGIN;
    let needed = rect.height();
    let (go_above, room) = if needed <= below {
        (false, below)
    } else if needed <= above {
        (true, above)
    } else {
        (above > below, above.max(below))
    };
    if go_above {
        let _ = popover.class_list().add_1("fs-popover--above");
    }
    if needed > room {
        let _ = style.set_property("max-height", &px(room.max(48.0)));
    }
}

/// A CSS length in whole pixels, rounded towards zero so that a popover never ends up a
/// fraction wider or lower than the room it was given.
#[cfg(target_arch = "wasm32")]
fn px(length: f64) -> String {
    format!("{}px", length.trunc() as i32)
}

#[cfg(not(target_arch = "wasm32"))]
pub fn place_popover(_node: &NodeRef) {}

/// While a popover is open, places it again whenever its button moves in the viewport: the
/// page scrolls (the reader's doing, or the browser's own scrolling of a focused button into
/// view, which WebKit does after the focus that opened it) or the viewport is resized.
/// Dropping what it returns stops that.
#[cfg(target_arch = "wasm32")]
pub fn follow_viewport(node: &NodeRef) -> Vec<gloo::events::EventListener> {
    use gloo::events::{EventListener, EventListenerOptions};
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let Some(document) = window.document() else {
        return Vec::new();
    };
    let place = |node: &NodeRef| {
        let node = node.clone();
        move |_: &web_sys::Event| place_popover(&node)
    };
    // Scrolls of any scrolling box (they do not bubble; the capture phase sees them all).
    let options = EventListenerOptions::run_in_capture_phase();
    vec![
        EventListener::new_with_options(&document, "scroll", options, place(node)),
        EventListener::new(&window, "resize", place(node)),
    ]
}

/// Outside the browser nothing moves: no listeners.
#[cfg(not(target_arch = "wasm32"))]
pub fn follow_viewport(_node: &NodeRef) -> Vec<()> {
    Vec::new()
}

/// Whether focus is moving to another element inside the same figure (its popover's link,
/// say), in which case the popover stays open.
#[cfg(target_arch = "wasm32")]
pub fn focus_stays_inside(event: &FocusEvent) -> bool {
    use wasm_bindgen::JsCast;
    let current = event
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
    let next = event
        .related_target()
        .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
    match (current, next) {
        (Some(current), Some(next)) => current.contains(Some(&next)),
        _ => false,
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn focus_stays_inside(_event: &FocusEvent) -> bool {
    false
}
