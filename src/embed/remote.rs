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
    /// Seconds before a sheet that has not arrived is reported as not answering.
    pub timeout_s: u32,
    pub on_ready: Callback<()>,
}

enum Fetched {
    Loading,
    /// The deadline passed with no answer; the request goes on, and a late sheet still shows.
    TimedOut,
    Sheet(Rc<Sheet>),
    /// What went wrong, each problem, and whether trying again could help (the network or the
    /// server failed, not the sheet).
    Failed(String, Vec<AttrValue>, bool),
}

/// Fetches the sheet, then shows the card or an error card naming the URL and what is wrong.
/// While it loads, a loading card holds the card's place; after `timeout_s` it says the URL
/// has not answered and offers to try again, and a sheet arriving after that still shows.
#[function_component(Remote)]
pub fn remote(props: &RemoteProps) -> Html {
    let fetched = use_state(|| Fetched::Loading);
    // Each try has a number: an answer from a try the reader has since replaced may still
    // show a sheet (it is as good as any), but not an error over the newer try's state.
    let tries = use_state(|| 0_u32);
    let latest = use_mut_ref(|| 0_u32);
    {
        let fetched = fetched.clone();
        let on_ready = props.on_ready.clone();
        let latest = latest.clone();
        let timeout_ms = props.timeout_s.saturating_mul(1000);
        use_effect_with((props.url.clone(), *tries), move |(url, this_try)| {
            let this_try = *this_try;
            *latest.borrow_mut() = this_try;
            fetched.set(Fetched::Loading);
            let answered = Rc::new(std::cell::Cell::new(false));
            let deadline = {
                let fetched = fetched.clone();
                let answered = answered.clone();
                let latest = latest.clone();
                let on_ready = on_ready.clone();
                gloo::timers::callback::Timeout::new(timeout_ms, move || {
                    if !answered.get() && *latest.borrow() == this_try {
                        // Settled for now: the card in its place works (its retry).
                        on_ready.emit(());
                        fetched.set(Fetched::TimedOut);
                    }
                })
            };
            let url = url.to_string();
            // A try after the first skips the HTTP cache: Firefox makes a request for a URL
            // wait for an earlier one still in flight (its cache entry is locked), so a retry
            // of a request that never answered would never answer either.
            let fresh = this_try > 0;
            wasm_bindgen_futures::spawn_local(async move {
                let result = fetch_sheet(&url, fresh).await;
                answered.set(true);
                match result {
                    Ok(sheet) => fetched.set(Fetched::Sheet(Rc::new(sheet))),
                    Err(_) if *latest.borrow() != this_try => {}
                    Err(Failure {
                        title,
                        problems,
                        retry,
                    }) => {
                        // The instance is settled, even if on an error.
                        on_ready.emit(());
                        fetched.set(Fetched::Failed(
                            title,
                            problems.into_iter().map(AttrValue::from).collect(),
                            retry,
                        ));
                    }
                }
            });
            // A new try, another URL or the card leaving the page cancels the deadline.
            move || drop(deadline)
        });
    }
    let retry = {
        let tries = tries.clone();
        Callback::from(move |()| tries.set(tries.wrapping_add(1)))
    };
    match &*fetched {
        Fetched::Loading => html! {
            <article class="factsheet fs-loading" aria-busy="true" data-theme={props.theme.key()}>
                <p class="fs-kicker">{ "Fact sheet" }</p>
                <p>{ "Loading the fact sheet\u{2026}" }</p>
            </article>
        },
        Fetched::TimedOut => html! {
            <ErrorCard title={format!("The sheet at {} has not answered.", props.url)}
                       problems={vec![AttrValue::from(format!(
                           "No answer within {} seconds. The server may be slow or down; the card will still appear if the sheet arrives.",
                           props.timeout_s
                       ))]}
                       on_retry={retry} />
        },
        Fetched::Sheet(sheet) => html! {
            <App sheet={sheet.clone()} lang={props.lang.clone()} theme={props.theme} headings={props.headings}
                 view={props.view} on_ready={props.on_ready.clone()} />
        },
        Fetched::Failed(title, problems, can_retry) => html! {
            <ErrorCard title={title.clone()} problems={problems.clone()}
                       on_retry={can_retry.then_some(retry)} />
        },
    }
}

/// Why a sheet could not be shown: one sentence, each problem, and whether trying again
/// could help.
struct Failure {
    title: String,
    problems: Vec<String>,
    retry: bool,
}

async fn fetch_sheet(url: &str, fresh: bool) -> Result<Sheet, Failure> {
    let fail = |what: &str, detail: String| Failure {
        title: format!("The sheet at {url} {what}."),
        problems: vec![detail],
        retry: true,
    };
    let response = fetch(url, fresh).await.map_err(|e| {
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
        Failure {
            title: format!("The sheet at {url} has {n} {noun}."),
            problems: problems.iter().map(|p| p.to_string()).collect(),
            retry: false,
        }
    })
}

/// The browser's `fetch`, straight through web-sys: the response and its bytes are all this
/// needs, so no HTTP crate ships in the wasm. `fresh`: past the HTTP cache (`no-store`).
async fn fetch(url: &str, fresh: bool) -> Result<Response, String> {
    let window = web_sys::window().ok_or("no window")?;
    let init = web_sys::RequestInit::new();
    if fresh {
        init.set_cache(web_sys::RequestCache::NoStore);
    }
    let response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
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
