use yew::prelude::*;

#[derive(Clone, PartialEq, Properties)]
pub struct DisclosureProps {
    /// What opening it shows, in words ("All claims and quotes (12)").
    pub summary: AttrValue,
    /// Open from the start: the `data-view="full"` embed option.
    #[prop_or_default]
    pub open: bool,
    pub children: Html,
}

/// A part of the card one tap away: `<details>`, so it opens and closes without the wasm,
/// with scripts off, and in find-in-page.
#[function_component(Disclosure)]
pub fn disclosure(props: &DisclosureProps) -> Html {
    html! {
        <details class="fs-more" open={props.open}>
            <summary>{ &props.summary }</summary>
            <div class="fs-more-body">{ props.children.clone() }</div>
        </details>
    }
}
