use yew::prelude::*;

use super::citation_popover::CitationPopover;
use super::place::{follow_viewport, place_popover};
use super::popover_state::Action;
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

/// A hover waiting for the pointer to rest; dropping it cancels it.
#[cfg(target_arch = "wasm32")]
type PendingHover = gloo::timers::callback::Timeout;

#[cfg(target_arch = "wasm32")]
fn after_rest(open: impl FnOnce() + 'static) -> PendingHover {
    gloo::timers::callback::Timeout::new(HOVER_REST_MS, open)
}

/// Outside the browser there is no pointer: nothing ever waits.
#[cfg(not(target_arch = "wasm32"))]
struct PendingHover;

#[cfg(not(target_arch = "wasm32"))]
fn after_rest(_open: impl FnOnce() + 'static) -> PendingHover {
    let _ = HOVER_REST_MS;
    PendingHover
}

/// A button that opens the item's citations on hover, focus, click, tap or Enter, with its
/// popover. Escape closes it and puts focus back on the button.
#[function_component(Cited)]
pub fn cited(props: &CitedProps) -> Html {
    let button = use_node_ref();
    let popover = use_node_ref();
    let anchor = props.item.anchor.clone();
    let send = |make: fn(String) -> Action| {
        let dispatch = props.dispatch.clone();
        let anchor = anchor.clone();
        move || dispatch.emit(make(anchor.clone()))
    };

    {
        let popover = popover.clone();
        use_effect_with(props.open, move |open| {
            let following = open.then(|| {
                place_popover(&popover);
                follow_viewport(&popover)
            });
            move || drop(following)
        });
    }

    // A hover opens only once the pointer rests on the item: a pointer crossing the card on
    // its way elsewhere would otherwise open each figure it passes, and that figure's popover
    // would cover the one the reader was heading for.
    let hover_pending = use_mut_ref(|| None::<PendingHover>);
    let on_enter = {
        let open = send(Action::PointerEnter);
        let pending = hover_pending.clone();
        // Touch and pen taps arrive as clicks; only a mouse hovers.
        Callback::from(move |e: PointerEvent| {
            if e.pointer_type() == "mouse" {
                let open = open.clone();
                *pending.borrow_mut() = Some(after_rest(open));
            }
        })
    };
    let on_leave = {
        let close = send(Action::PointerLeave);
        let pending = hover_pending.clone();
        Callback::from(move |e: PointerEvent| {
            if e.pointer_type() == "mouse" {
                // Dropping a pending hover cancels it.
                pending.borrow_mut().take();
                close()
            }
        })
    };
    let on_focus = {
        let open = send(Action::Focus);
        Callback::from(move |_: FocusEvent| open())
    };
    let on_blur = {
        let close = send(Action::Blur);
        Callback::from(move |e: FocusEvent| {
            if !super::place::focus_stays_inside(&e) {
                close()
            }
        })
    };
    let on_press = {
        let press = send(Action::Press);
        Callback::from(move |_: MouseEvent| press())
    };
    let on_key = {
        let dispatch = props.dispatch.clone();
        let button = button.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.stop_propagation();
                dispatch.emit(Action::Dismiss);
                if let Some(b) = button.cast::<web_sys::HtmlElement>() {
                    let _ = b.focus();
                }
            }
        })
    };

    html! {
        <div class="fs-cited" onpointerenter={on_enter} onpointerleave={on_leave}
             onfocusin={on_focus} onfocusout={on_blur} onkeydown={on_key}>
            <button type="button" class="fs-figure-button" ref={button}
                    aria-expanded={props.open.to_string()}
                    aria-controls={props.item.popover_id.clone()}
                    onclick={on_press}>
                { props.children.clone() }
            </button>
            <CitationPopover item={props.item.clone()} subject={props.subject.clone()}
                             open={props.open} node={popover} />
        </div>
    }
}
