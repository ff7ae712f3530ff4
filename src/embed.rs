//! The embedding layer: finds every `[data-factsheet]` element on the page and mounts a card
//! in it. Nothing global: each element gets its own Yew app.

use std::rc::Rc;

use wasm_bindgen::prelude::*;

use crate::view::{App, AppProps, Theme};

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
    // Numbers and dates follow the page's language unless the mount point sets its own.
    let page_lang = document
        .document_element()
        .map(|e| e.get_attribute("lang").unwrap_or_default())
        .filter(|l| !l.is_empty())
        .unwrap_or_else(|| "en".into());
    for i in 0..hosts.length() {
        let Some(host) = hosts
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let lang = host
            .get_attribute("data-lang")
            .unwrap_or_else(|| page_lang.clone());
        let theme = match host.get_attribute("data-theme").as_deref() {
            Some("light") => Theme::Light,
            Some("dark") => Theme::Dark,
            _ => Theme::Auto,
        };
        host.set_inner_html("");
        let props = AppProps {
            sheet: sheet.clone(),
            lang: lang.into(),
            theme,
        };
        yew::Renderer::<App>::with_root_and_props(host, props).render();
    }
}
