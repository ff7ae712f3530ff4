use yew::prelude::*;

#[derive(Clone, PartialEq, Properties)]
pub struct SkipLinkProps {
    /// The card's last element (focusable by script only): from there, Tab goes on to the
    /// host page after the card.
    pub end: NodeRef,
}

/// "Skip the fact sheet", the card's first stop for Tab, shown when focused. It moves focus
/// to the card's end by script: following its `href` would not reach into the shadow root,
/// and would write a fragment into the host page's URL and history. The end is a Tab stop
/// only while it has that focus (Chromium's next Tab from an element outside the Tab order
/// inside a shadow root goes back to the root's first stop, not on past the card); the card
/// takes it out of the order again when it loses focus.
#[function_component(SkipLink)]
pub fn skip_link(props: &SkipLinkProps) -> Html {
    let onclick = {
        let end = props.end.clone();
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            if let Some(end) = end.cast::<web_sys::HtmlElement>() {
                end.set_tab_index(0);
                let _ = end.focus();
            }
        })
    };
    html! {
        <a class="fs-skip" href="#fs-end" {onclick}>{ "Skip the fact sheet" }</a>
    }
}
