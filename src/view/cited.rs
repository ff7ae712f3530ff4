use yew::prelude::*;

use super::citation_popover::CitationPopover;
use super::place::{
    focus_moved_elsewhere, focus_moved_within, follow_viewport, heading_into, place_popover,
    reveal_above_sheet,
};
use super::popover_state::{Action, Opened, Popovers};
use super::present::ItemView;

#[derive(Clone, PartialEq, Properties)]
pub struct CitedProps {
    pub item: ItemView,
    /// What the citations are for, in words: names the dialog.
    pub subject: AttrValue,
    pub open: bool,
    pub dispatch: Callback<Action>,
    /// The button's visible content.
    pub children: Html,
}

/// How long the mouse must rest on an item before its citations open, in milliseconds: too
/// short to notice as a wait, longer than a pointer takes to cross an item on its way past.
const HOVER_REST_MS: u32 = 120;

/// How long a hover's popover outlives the pointer leaving the item towards it, in
/// milliseconds: a pointer on its way from the number into the popover may cut a corner
/// outside both, and should find the popover still there when it arrives. A pointer leaving
/// any other way closes it at once.
const LEAVE_GRACE_MS: u32 = 300;

/// A hover waiting for the pointer to rest, or a close waiting out the grace; dropping it
/// cancels it.
#[cfg(target_arch = "wasm32")]
type Pending = gloo::timers::callback::Timeout;

#[cfg(target_arch = "wasm32")]
fn after(ms: u32, then: impl FnOnce() + 'static) -> Pending {
    gloo::timers::callback::Timeout::new(ms, then)
}

/// Outside the browser there is no pointer: nothing ever waits.
#[cfg(not(target_arch = "wasm32"))]
struct Pending;

#[cfg(not(target_arch = "wasm32"))]
fn after(_ms: u32, _then: impl FnOnce() + 'static) -> Pending {
    let _ = (HOVER_REST_MS, LEAVE_GRACE_MS);
    Pending
}

/// A button that opens the item's citations on hover, focus, click, tap or Enter, with its
/// popover. A click, tap or Enter moves focus into the popover, which then offers its buttons
/// to Tab; Escape or its close button closes it and puts focus back on the button; focus
/// moving on elsewhere closes it.
///
/// How the popover was opened comes from the card's `Popovers` context when there is one
/// (`App` provides it); without it, an open popover counts as opened by the reader.
#[function_component(Cited)]
pub fn cited(props: &CitedProps) -> Html {
    let group = use_node_ref();
    let button = use_node_ref();
    let popover = use_node_ref();
    let anchor = props.item.anchor.clone();
    let popovers = use_context::<Popovers>();
    let how = match popovers {
        Some(p) if props.open => p.how(&anchor).or(Some(Opened::Pinned)),
        _ => props.open.then_some(Opened::Pinned),
    };
    let interactive = how == Some(Opened::Pinned);
    // Only a popover the reader opened may be a phone's sheet. A preview stays by its button:
    // a hover's, where the pointer can travel into it; focus's, which comes with the mouse
    // button's press, before its click: a sheet appearing in between would move the page
    // under the pointer, and the click would miss the button.
    let sheet_allowed = interactive;
    let send = |make: fn(String) -> Action| {
        let dispatch = props.dispatch.clone();
        let anchor = anchor.clone();
        move || dispatch.emit(make(anchor.clone()))
    };
    // Set by a press that opens the popover: once it is shown, focus goes into it.
    let focus_when_open = use_mut_ref(|| false);

    {
        let popover = popover.clone();
        let focus_when_open = focus_when_open.clone();
        use_effect_with(
            (props.open, sheet_allowed, interactive),
            move |&(open, sheet_allowed, interactive)| {
                let following = open.then(|| {
                    place_popover(&popover, sheet_allowed);
                    reveal_above_sheet(&popover);
                    if interactive && focus_when_open.replace(false) {
                        focus_without_scrolling(&popover);
                    }
                    follow_viewport(&popover, sheet_allowed)
                });
                move || drop(following)
            },
        );
    }

    // A hover opens only once the pointer rests on the item: a pointer crossing the card on
    // its way elsewhere would otherwise open each figure it passes, and that figure's popover
    // would cover the one the reader was heading for.
    let hover_pending = use_mut_ref(|| None::<Pending>);
    let on_enter = {
        let open = send(Action::PointerEnter);
        let pending = hover_pending.clone();
        // Touch and pen taps arrive as clicks; only a mouse hovers.
        Callback::from(move |e: PointerEvent| {
            if e.pointer_type() == "mouse" {
                // Back within the grace: the close waiting for it is dropped, so cancelled.
                *pending.borrow_mut() = Some(after(HOVER_REST_MS, open.clone()));
            }
        })
    };
    let on_leave = {
        let close = send(Action::PointerLeave);
        let pending = hover_pending.clone();
        let popover = popover.clone();
        Callback::from(move |e: PointerEvent| {
            if e.pointer_type() != "mouse" {
                return;
            }
            // Replacing (or dropping) a pending hover cancels it.
            let (x, y) = (f64::from(e.client_x()), f64::from(e.client_y()));
            if heading_into(&popover, x, y) {
                *pending.borrow_mut() = Some(after(LEAVE_GRACE_MS, close.clone()));
            } else {
                pending.borrow_mut().take();
                close()
            }
        })
    };
    // A finger or pen on the button: the focus its touch gives is not a reader arriving by
    // keyboard, and the tap's click opens the popover as a panel. Opening it on that focus
    // too would lay it out by the button first, and near the end of a short page that grows
    // the page and moves it under the finger before the click lands.
    let tapping = use_mut_ref(|| false);
    let on_touch = {
        let tapping = tapping.clone();
        Callback::from(move |e: PointerEvent| *tapping.borrow_mut() = e.pointer_type() != "mouse")
    };
    let on_touch_cancelled = {
        let tapping = tapping.clone();
        Callback::from(move |_: PointerEvent| *tapping.borrow_mut() = false)
    };
    let on_focus = {
        let open = send(Action::Focus);
        let group = group.clone();
        let tapping = tapping.clone();
        Callback::from(move |e: FocusEvent| {
            // Focus moving within the item (back to the button from its popover, on Escape
            // or the close button) is not the reader arriving: it must not open it again.
            if !focus_moved_within(&group, &e) && !*tapping.borrow() {
                open()
            }
        })
    };
    let on_blur = {
        let close = send(Action::Blur);
        let group = group.clone();
        Callback::from(move |e: FocusEvent| {
            if focus_moved_elsewhere(&group, &e) {
                close()
            }
        })
    };
    let on_press = {
        let press = send(Action::Press);
        let focus_when_open = focus_when_open.clone();
        let pending = hover_pending.clone();
        let tapping = tapping.clone();
        Callback::from(move |_: MouseEvent| {
            *tapping.borrow_mut() = false;
            // The reader decided: a hover still waiting for the pointer to rest must not
            // open it again once they close it.
            pending.borrow_mut().take();
            // A press on an open, pinned popover closes it; any other press pins it open.
            *focus_when_open.borrow_mut() = !interactive;
            press()
        })
    };
    let close_and_return = {
        let dismiss = send(|_| Action::Dismiss);
        let button = button.clone();
        let pending = hover_pending.clone();
        move || {
            pending.borrow_mut().take();
            dismiss();
            if let Some(b) = button.cast::<web_sys::HtmlElement>() {
                let _ = b.focus();
            }
        }
    };
    let on_key = {
        let close = close_and_return.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.stop_propagation();
                close();
            }
        })
    };
    let on_close = Callback::from(move |()| close_and_return());

    html! {
        <div class="fs-cited" ref={group} onpointerenter={on_enter} onpointerleave={on_leave}
             onpointerdown={on_touch} onpointercancel={on_touch_cancelled} onfocusin={on_focus} onfocusout={on_blur} onkeydown={on_key}>
            <button type="button" class="fs-figure-button" ref={button}
                    aria-expanded={props.open.to_string()}
                    aria-controls={props.item.popover_id.clone()}
                    onclick={on_press}>
                { props.children.clone() }
            </button>
            <CitationPopover item={props.item.clone()} subject={props.subject.clone()}
                             open={props.open} {interactive} on_close={on_close}
                             node={popover} />
        </div>
    }
}

/// Focus into the popover without the browser scrolling the page to it: it is already placed
/// in view.
fn focus_without_scrolling(node: &NodeRef) {
    if let Some(popover) = node.cast::<web_sys::HtmlElement>() {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = popover.focus_with_options(&options);
    }
}
