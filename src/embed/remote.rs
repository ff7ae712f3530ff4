//! A card whose sheet comes from `data-src`: fetched, parsed and checked by the same rules as
//! at build time (all but the verbatim check, which needs the sources' full texts).

use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;
use yew::prelude::*;

use crate::model::date::Moment;
use crate::model::{load_with, Sheet};
use crate::numbers::BrowserNumberText;
use crate::view::{App, ErrorCard, Headings, Theme, View};

#[derive(Clone, PartialEq, Properties)]
pub struct RemoteProps {
    pub url: AttrValue,
    pub lang: AttrValue,
    pub theme: Theme,
    pub headings: Headings,
    pub view: View,
    pub on_ready: Callback<()>,
}

enum Fetched {
    Loading,
    Sheet(Rc<Sheet>),
    Failed(String, Vec<AttrValue>),
}

/// Fetches the sheet, then shows the card or an error card naming the URL and what is wrong.
#[function_component(Remote)]
pub fn remote(props: &RemoteProps) -> Html {
    let fetched = use_state(|| Fetched::Loading);
    {
        let fetched = fetched.clone();
        let on_ready = props.on_ready.clone();
        use_effect_with(props.url.clone(), move |url| {
            let url = url.to_string();
            wasm_bindgen_futures::spawn_local(async move {
                let result = fetch_sheet(&url).await;
                fetched.set(match result {
                    Ok(sheet) => Fetched::Sheet(Rc::new(sheet)),
                    Err((title, problems)) => {
                        // The instance is settled, even if on an error.
                        on_ready.emit(());
                        Fetched::Failed(title, problems.into_iter().map(AttrValue::from).collect())
                    }
                });
            });
        });
    }
    match &*fetched {
        Fetched::Loading => html! {
            <article class="factsheet fs-loading" aria-busy="true" data-theme={props.theme.key()}>
                <p class="fs-kicker">{ "Fact sheet" }</p>
                <p>{ "Loading the fact sheet\u{2026}" }</p>
            </article>
        },
        Fetched::Sheet(sheet) => html! {
            <App sheet={sheet.clone()} lang={props.lang.clone()} theme={props.theme} headings={props.headings}
                 view={props.view} on_ready={props.on_ready.clone()} />
        },
        Fetched::Failed(title, problems) => html! {
            <ErrorCard title={title.clone()} problems={problems.clone()} />
        },
    }
}

async fn fetch_sheet(url: &str) -> Result<Sheet, (String, Vec<String>)> {
    let fail = |what: &str, detail: String| (format!("The sheet at {url} {what}."), vec![detail]);
    let response = fetch(url).await.map_err(|e| {
        fail(
            "could not be loaded",
            format!("Network error: {e}. Check the URL, and that the server allows this page to read it (CORS)."),
        )
    })?;
    if !response.ok() {
        return Err(fail(
            "could not be loaded",
            format!(
                "The server answered HTTP {} {}.",
                response.status(),
                response.status_text()
            ),
        ));
    }
    let bytes = body(&response).await.map_err(|e| {
        fail(
            "could not be read",
            format!("Reading the response failed: {e}."),
        )
    })?;
    let now = Moment((js_sys::Date::now() / 60_000.0) as i64);
    load_with(&BrowserNumberText, url, &bytes, Some(now)).map_err(|problems| {
        let n = problems.len();
        let noun = if n == 1 { "problem" } else { "problems" };
        (
            format!("The sheet at {url} has {n} {noun}."),
            problems.iter().map(|p| p.to_string()).collect(),
        )
    })
}

/// The browser's `fetch`, straight through web-sys: the response and its bytes are all this
/// needs, so no HTTP crate ships in the wasm.
async fn fetch(url: &str) -> Result<Response, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|e| js_message(&e))?;
    response.dyn_into().map_err(|e| js_message(&e))
}

async fn body(response: &Response) -> Result<Vec<u8>, String> {
    let buffer = response.array_buffer().map_err(|e| js_message(&e))?;
    let buffer = JsFuture::from(buffer).await.map_err(|e| js_message(&e))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The message of a JavaScript error ("Failed to fetch"), or the value as text.
fn js_message(value: &JsValue) -> String {
    match value.dyn_ref::<js_sys::Error>() {
        Some(error) => error.message().into(),
        None => value.as_string().unwrap_or_else(|| "unknown error".into()),
    }
}
