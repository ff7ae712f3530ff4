//! Keeps an open popover fully inside the viewport: narrows it to the viewport, shifts it
//! sideways near the edges, and puts it below or above its button, whichever has room, capping
//! its height to that room (it scrolls inside). Measured after each opening, so it holds in
//! scrolled pages, on phones and at 320 px.
//!
//! On a viewport narrower than `SHEET_BELOW`, a popover the reader opened (a click, a tap,
//! Enter, a link) is a sheet along the viewport's bottom instead (`fs-popover--sheet`, laid
//! out by the CSS): beside a number on a phone there is no room for a quote worth reading.
//! A preview (hover, focus) stays by its button.

use yew::prelude::*;

/// Gap kept between a popover and the viewport's edges, in CSS pixels.
#[cfg(target_arch = "wasm32")]
const MARGIN: f64 = 8.0;
/// Gap between the button and its popover (the CSS `calc(100% + 6px)`).
#[cfg(target_arch = "wasm32")]
const GAP: f64 = 6.0;

/// Below this viewport width (CSS pixels) a popover opens as a bottom sheet.
#[cfg(target_arch = "wasm32")]
const SHEET_BELOW: i32 = 480;

/// A sheet's height at most, as a share of the viewport's (the stylesheet's `70dvh`), and the
/// least it is made to stay clear of its button.
#[cfg(target_arch = "wasm32")]
const SHEET_HEIGHT: f64 = 0.7;
#[cfg(target_arch = "wasm32")]
const SHEET_LEAST: f64 = 0.35;

#[cfg(target_arch = "wasm32")]
pub fn place_popover(node: &NodeRef, sheet_allowed: bool) {
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
    let _ = popover
        .class_list()
        .remove_2("fs-popover--above", "fs-popover--sheet");
    if sheet_allowed && is_phone_sized(&viewport) {
        let _ = popover.class_list().add_1("fs-popover--sheet");
        // Near the end of a short page the page cannot scroll the button up above a sheet of
        // its full height (`reveal_above_sheet`): the sheet then stops below the button, down
        // to a third of the screen, and its text scrolls inside.
        let below_button = height - anchor.get_bounding_client_rect().bottom() - MARGIN;
        if below_button < height * SHEET_HEIGHT {
            let _ = style.set_property("max-height", &px(below_button.max(height * SHEET_LEAST)));
        }
        return;
    }

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

/// A narrow viewport the reader sees whole. A frame sized to hold all its content (the
/// sandboxed iframe embed, which grows with the card) is only partly in the reader's view: a
/// sheet along its bottom could be far below what they see, so there the popover stays by its
/// button.
#[cfg(target_arch = "wasm32")]
fn is_phone_sized(viewport: &web_sys::Element) -> bool {
    use wasm_bindgen::JsValue;
    let framed = web_sys::window().is_some_and(|w| {
        let parent = w.parent().ok().flatten().map(JsValue::from);
        parent.is_some_and(|p| p != JsValue::from(w))
    });
    let holds_all = viewport.scroll_height() <= viewport.client_height();
    viewport.client_width() < SHEET_BELOW && !(framed && holds_all)
}

/// Whether a pointer leaving a figure at (`x`, `y`) is on its way into the figure's open
/// popover: between the button and the popover, across the popover's width (a pointer cutting
/// the corner from a narrow number to a wide popover passes there, outside both).
#[cfg(target_arch = "wasm32")]
pub fn heading_into(node: &NodeRef, x: f64, y: f64) -> bool {
    use web_sys::HtmlElement;
    let Some(popover) = node.cast::<HtmlElement>() else {
        return false;
    };
    let Some(group) = popover.parent_element() else {
        return false;
    };
    if popover.hidden() || popover.class_list().contains("fs-popover--sheet") {
        return false;
    }
    let (pop, button) = (
        popover.get_bounding_client_rect(),
        group.get_bounding_client_rect(),
    );
    let across = x >= pop.left() && x <= pop.right();
    let between = if popover.class_list().contains("fs-popover--above") {
        y >= pop.bottom() && y <= button.bottom()
    } else {
        y >= button.top() && y <= pop.top()
    };
    across && between
}

#[cfg(not(target_arch = "wasm32"))]
pub fn heading_into(_node: &NodeRef, _x: f64, _y: f64) -> bool {
    false
}

/// A CSS length in whole pixels, rounded towards zero so that a popover never ends up a
/// fraction wider or lower than the room it was given.
#[cfg(target_arch = "wasm32")]
fn px(length: f64) -> String {
    format!("{}px", length.trunc() as i32)
}

#[cfg(not(target_arch = "wasm32"))]
pub fn place_popover(_node: &NodeRef, _sheet_allowed: bool) {}

/// When a sheet has just opened over its own button, scrolls the page just enough to show the
/// button above it (as far as the button can go without leaving the viewport's top), so the
/// reader still sees what the sheet is about and can tap the button again to close it. Only
/// on opening: later, the reader's own scrolling is left alone.
#[cfg(target_arch = "wasm32")]
pub fn reveal_above_sheet(node: &NodeRef) {
    use web_sys::HtmlElement;
    let Some(popover) = node.cast::<HtmlElement>() else {
        return;
    };
    if !popover.class_list().contains("fs-popover--sheet") {
        return;
    }
    let Some(button) = popover.parent_element() else {
        return;
    };
    let sheet = popover.get_bounding_client_rect();
    let button = button.get_bounding_client_rect();
    let covered = button.bottom() + MARGIN - sheet.top();
    let room_above = button.top() - MARGIN;
    let by = covered.min(room_above).trunc();
    if by > 0.0 {
        if let Some(window) = web_sys::window() {
            window.scroll_by_with_x_and_y(0.0, by);
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn reveal_above_sheet(_node: &NodeRef) {}

/// While a popover is open, places it again whenever its button moves in the viewport: the
/// page scrolls (the reader's doing, or the browser's own scrolling of a focused button into
/// view, which WebKit does after the focus that opened it) or the viewport is resized.
/// Dropping what it returns stops that.
#[cfg(target_arch = "wasm32")]
pub fn follow_viewport(node: &NodeRef, sheet_allowed: bool) -> Vec<gloo::events::EventListener> {
    use gloo::events::{EventListener, EventListenerOptions};
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let Some(document) = window.document() else {
        return Vec::new();
    };
    let place = |node: &NodeRef| {
        let node = node.clone();
        move |_: &web_sys::Event| place_popover(&node, sheet_allowed)
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
pub fn follow_viewport(_node: &NodeRef, _sheet_allowed: bool) -> Vec<()> {
    Vec::new()
}

/// Whether focus, leaving an element of `group` (a figure's button and popover), has moved on
/// to something outside it: then the popover closes. Focus moving within (to its close
/// button, say) is not leaving. Nor is the window losing focus (the reader switched to
/// another window or tab): they come back to the card as they left it. (The group is passed
/// in: Yew delegates events, so the event's `currentTarget` is not the group.)
#[cfg(target_arch = "wasm32")]
pub fn focus_moved_elsewhere(group: &NodeRef, event: &FocusEvent) -> bool {
    match (group.cast::<web_sys::Node>(), other_end(event)) {
        (Some(group), Some(next)) => !group.contains(Some(&next)),
        // Focus went to no element: a click on plain text of the page (closing it there is
        // what a click outside does anyway), or out of the window.
        _ => web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.has_focus().ok())
            .unwrap_or(false),
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn focus_moved_elsewhere(_group: &NodeRef, _event: &FocusEvent) -> bool {
    false
}

/// Whether focus, arriving at an element of `group`, came from another element of it.
#[cfg(target_arch = "wasm32")]
pub fn focus_moved_within(group: &NodeRef, event: &FocusEvent) -> bool {
    match (group.cast::<web_sys::Node>(), other_end(event)) {
        (Some(group), Some(previous)) => group.contains(Some(&previous)),
        _ => false,
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn focus_moved_within(_group: &NodeRef, _event: &FocusEvent) -> bool {
    false
}

/// The element focus is going to (for a focusout) or coming from (for a focusin).
#[cfg(target_arch = "wasm32")]
fn other_end(event: &FocusEvent) -> Option<web_sys::Node> {
    use wasm_bindgen::JsCast;
    event
        .related_target()
        .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
}
