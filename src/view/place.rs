//! Keeps an open popover fully inside the viewport: shifts it sideways near the edges and
//! flips it above its button when there is no room below. Measured after each opening, so it
//! holds in scrolled pages and at 320 px too.

use yew::prelude::*;

/// Gap kept between a popover and the viewport's edges, in CSS pixels.
#[cfg(target_arch = "wasm32")]
const MARGIN: f64 = 8.0;

#[cfg(target_arch = "wasm32")]
pub fn place_popover(node: &NodeRef) {
    use web_sys::HtmlElement;
    let Some(popover) = node.cast::<HtmlElement>() else {
        return;
    };
    let Some(window) = web_sys::window() else {
        return;
    };
    let style = popover.style();
    // Start from the default place (below, left-aligned) so earlier shifts do not add up.
    let _ = style.remove_property("left");
    let _ = popover.class_list().remove_1("fs-popover--above");
    let width = window
        .document()
        .and_then(|d| d.document_element())
        .map_or(0.0, |e| f64::from(e.client_width()));
    let height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let rect = popover.get_bounding_client_rect();
    let mut shift = 0.0;
    if rect.right() > width - MARGIN {
        shift = width - MARGIN - rect.right();
    }
    if rect.left() + shift < MARGIN {
        shift = MARGIN - rect.left();
    }
    if shift != 0.0 {
        let _ = style.set_property("left", &format!("{shift}px"));
    }
    let below_overflows = rect.bottom() > height - MARGIN;
    let room_above = popover
        .parent_element()
        .map_or(0.0, |p| p.get_bounding_client_rect().top());
    if below_overflows && room_above > rect.height() + MARGIN {
        let _ = popover.class_list().add_1("fs-popover--above");
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn place_popover(_node: &NodeRef) {}

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
