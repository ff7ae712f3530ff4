use yew::prelude::*;

use super::citation_popover::CitationPopover;
use super::present::ItemView;

#[derive(Clone, PartialEq, Properties)]
pub struct CitedProps {
    pub item: ItemView,
    /// What the citations are for, in words: names the dialog.
    pub subject: AttrValue,
    /// The button's visible content.
    pub children: Html,
}

/// A button that opens the item's citations, with its popover. The browser opens and closes
/// it (`popovertarget`: click, tap, Enter, Escape, a click outside, one open at a time), with
/// or without the wasm; the loader's script (`xtask/pages/loader-popovers.js`) adds hover and
/// focus, its place in the viewport and `aria-expanded`, on this markup whoever rendered it.
#[function_component(Cited)]
pub fn cited(props: &CitedProps) -> Html {
    let id = props.item.popover_id.clone();
    html! {
        <div class="fs-cited">
            <button type="button" class="fs-figure-button" aria-controls={id.clone()}
                    popovertarget={id}>
                { props.children.clone() }
            </button>
            <CitationPopover item={props.item.clone()} subject={props.subject.clone()} />
        </div>
    }
}
