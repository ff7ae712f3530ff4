//! Putting text on the reader's clipboard, for a popover's "Copy link" and "Cite this".
//!
//! The Clipboard API is missing where the page is not a secure context (plain http), and
//! refuses in a sandboxed frame without clipboard permission or when the browser says no:
//! then the caller shows the text selected in a field, for the reader to copy by hand. Looked
//! up at run time rather than bound statically, so that a missing API is an answer (`false`),
//! not an exception that would stop every card on the page.

/// Whether `text` is now on the clipboard.
#[cfg(target_arch = "wasm32")]
pub async fn copy(text: &str) -> bool {
    use js_sys::{Function, Promise, Reflect};
    use wasm_bindgen::{JsCast, JsValue};

    let Some(window) = web_sys::window() else {
        return false;
    };
    let clipboard = Reflect::get(&window.navigator(), &JsValue::from_str("clipboard"))
        .ok()
        .filter(JsValue::is_object);
    let Some(clipboard) = clipboard else {
        return false;
    };
    let write = Reflect::get(&clipboard, &JsValue::from_str("writeText"))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok());
    let Some(write) = write else {
        return false;
    };
    let Ok(promise) = write
        .call1(&clipboard, &JsValue::from_str(text))
        .and_then(|p| p.dyn_into::<Promise>())
    else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Where a figure's link points: the page's address with the figure's fragment instead of
/// any other. The page is the one the card is in (in the sandboxed iframe embed, the frame's
/// own page, which opens the figure the same way).
#[cfg(target_arch = "wasm32")]
pub fn link_to(anchor: &str) -> Option<String> {
    let href = web_sys::window()?.location().href().ok()?;
    let page = href.split('#').next().unwrap_or(&href);
    Some(format!("{page}#{anchor}"))
}
