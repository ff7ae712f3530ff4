use yew::prelude::*;

#[derive(Clone, PartialEq, Properties)]
pub struct SkipLinkProps {
    /// The card's last element (focusable by script only): from there, Tab goes on to the
    /// host page after the card.
    pub end: NodeRef,
}

/// "Skip the fact sheet", the card's first stop for Tab, shown when focused. It moves focus
/// to the card's end by script: following its `href` would not reach into the shadow root,
/// and would write a fragment into the host page's URL and history.
#[function_component(SkipLink)]
pub fn skip_link(props: &SkipLinkProps) -> Html {
    let onclick = {
        let end = props.end.clone();
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            if let Some(end) = end.cast::<web_sys::HtmlElement>() {
                let _ = end.focus();
            }
        })
    };
    html! {
        <a class="fs-skip" href="#fs-end" {onclick}>{ "Skip the fact sheet" }</a>
    }
}
