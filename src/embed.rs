//! The embedding layer: finds every `[data-factsheet]` element on the page and mounts a card
//! in it. Nothing global: each element gets its own Yew app.

use std::rc::Rc;

use wasm_bindgen::prelude::*;

use crate::view::{App, AppProps};

#[wasm_bindgen(start)]
pub fn start() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(hosts) = document.query_selector_all("[data-factsheet]") else {
        return;
    };
    let sheet = match crate::data::builtin() {
        Ok(sheet) => Rc::new(sheet),
        Err(_) => return,
    };
    for i in 0..hosts.length() {
        let Some(host) = hosts
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        host.set_inner_html("");
        yew::Renderer::<App>::with_root_and_props(
            host,
            AppProps {
                sheet: sheet.clone(),
            },
        )
        .render();
    }
}
