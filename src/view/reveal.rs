//! An item opened inside a closed disclosure (by a deep link, say) opens that disclosure, so
//! the item and its popover can be seen.

use yew::prelude::*;

/// Whenever `open` names an item inside a closed `<details>` of the card, opens it and brings
/// the item into view. The `open` attribute is set on the element, not rendered: the reader
/// may close the disclosure again, and nothing re-renders it shut or open behind their back.
#[hook]
pub fn use_reveal_open_item(open: Option<String>, root: NodeRef) {
    use_effect_with(open, move |open| {
        #[cfg(target_arch = "wasm32")]
        if let Some(anchor) = open {
            reveal(anchor, &root);
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (open, root);
    });
}

#[cfg(target_arch = "wasm32")]
fn reveal(anchor: &str, root: &NodeRef) {
    let Some(item) = root
        .cast::<web_sys::Element>()
        .and_then(|r| r.query_selector(&format!("#{anchor}")).ok().flatten())
    else {
        return;
    };
    let Ok(Some(details)) = item.closest("details") else {
        return;
    };
    if details.has_attribute("open") {
        return;
    }
    let _ = details.set_attribute("open", "");
    item.scroll_into_view();
}
