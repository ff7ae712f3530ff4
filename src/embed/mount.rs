//! Mounting: one shadow root and one Yew app per `[data-factsheet]` element, for the elements
//! on the page at start and for any added later; and unmounting, when a host leaves the page.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, Document, Element, ShadowRoot, ShadowRootInit, ShadowRootMode};
use yew::prelude::*;
use yew::AppHandle;

use super::options::{read_options, Options};
use super::remote::{Remote, RemoteProps};
use crate::model::{Diagnostic, Sheet};
use crate::view::piece::{Piece, PieceProps};
use crate::view::present::{present, SheetView};
use crate::view::{App, AppProps, ErrorCard, ErrorCardProps, PieceKind, Pieces, View};

/// The card's stylesheet, built in: a shadow root needs its own copy, and a constructed
/// sheet is allowed under a strict `style-src` where an inline `<style>` is not.
const CSS: &str = crate::STYLESHEET;

/// The hosts: `<div data-factsheet data-src="…">`, or the custom element `<fact-sheet
/// src="…">` with the same options as plain attributes.
const HOSTS: &str = "[data-factsheet], fact-sheet";
/// The custom element's tag, as the DOM reports it.
const CUSTOM_TAG: &str = "FACT-SHEET";

/// Set on a host once it is mounted, so that no element is mounted twice.
const MOUNTED: &str = "data-factsheet-mounted";
/// Set on a host once its card is interactive; with it, a `factsheet:ready` event.
const LIVE: &str = "data-factsheet-live";
/// Set by the build on hosts it pre-rendered: the language, theme and headings it rendered
/// with (`en auto h2`).
pub const PRERENDERED: &str = "data-prerendered";

#[wasm_bindgen(start)]
pub fn start() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    mount_all(&document);
    watch_hosts(&document);
}

fn mount_all(document: &Document) {
    let Ok(hosts) = document.query_selector_all(HOSTS) else {
        return;
    };
    for i in 0..hosts.length() {
        if let Some(host) = hosts.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            mount(document, host);
        }
    }
}

/// Mounts hosts that are added to the page later (pages that load articles dynamically), and
/// unmounts those that are removed.
fn watch_hosts(document: &Document) {
    let Some(body) = document.body() else {
        return;
    };
    let observed = document.clone();
    let callback = Closure::<dyn FnMut()>::new(move || {
        unmount_removed();
        mount_all(&observed);
    });
    let Ok(observer) = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()) else {
        return;
    };
    let init = web_sys::MutationObserverInit::new();
    init.set_child_list(true);
    init.set_subtree(true);
    if observer.observe_with_options(&body, &init).is_ok() {
        // The observer lives as long as the page does.
        callback.forget();
    }
}

// ---------------------------------------------------------------------------------------
// The apps on the page, and the spare ones
// ---------------------------------------------------------------------------------------

/// What one instance shows. Every app rendered afresh has `Instance` as its root component,
/// so that an app whose host left the page can serve the next host: Yew never releases what
/// an app's root element registers for its event delegation, so a page that swaps cards in
/// and out would leak a little with every new app (about 3 KB of wasm memory and 1.6 KB of
/// JS heap, measured), but not when apps are reused.
#[derive(Clone, PartialEq)]
enum Content {
    /// Nothing: a spare app, waiting for a host.
    Nothing,
    Card(AppProps),
    Remote(RemoteProps),
    Error(ErrorCardProps),
}

#[derive(Clone, PartialEq, Properties)]
struct InstanceProps {
    content: Content,
    /// Different for every mounting. As the content's key it makes a reused app start the
    /// card afresh (new state, new effects, a new `factsheet:ready`) instead of updating the
    /// previous host's card.
    mounting: u64,
}

#[function_component(Instance)]
fn instance(props: &InstanceProps) -> Html {
    let key = props.mounting;
    match &props.content {
        Content::Nothing => html! {},
        Content::Card(card) => html! { <App key={key} ..card.clone() /> },
        Content::Remote(remote) => html! { <Remote key={key} ..remote.clone() /> },
        Content::Error(error) => html! { <ErrorCard key={key} ..error.clone() /> },
    }
}

enum Handle {
    /// Adopted a pre-rendered card: the app of its pieces (`Piece`), and the card's app
    /// around them. The pre-render's hydration markers name `App` and `Piece` as the root
    /// components, so these apps are not `Instance`s and cannot be reused; only hosts in the
    /// page's HTML are pre-rendered, so there are few.
    Hydrated(AppHandle<App>, Vec<AppHandle<Piece>>),
    Reusable(AppHandle<Instance>),
}

/// A card on the page: its host, the element inside the host's shadow root that the app
/// renders into, the app, and whether this mounting is still the host's (see
/// `ready_callback`).
struct Mounted {
    host: Element,
    root: Element,
    app: Handle,
    current: Rc<Cell<bool>>,
}

thread_local! {
    static MOUNTED_CARDS: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
    /// Apps whose host left the page, emptied, each with its root element (out of any page).
    static SPARE_APPS: RefCell<Vec<(Element, AppHandle<Instance>)>> = const { RefCell::new(Vec::new()) };
    static MOUNTINGS: Cell<u64> = const { Cell::new(0) };
    /// Hosts whose pre-rendered card is read and waits for its hydration (see
    /// `hydrate_in_tasks`).
    static PENDING: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
    /// The built-in sheet, read once: every card that shows it shares it (reading it takes a
    /// few milliseconds, a page may hold ten cards, and the sheet never changes).
    static BUILTIN: RefCell<Option<Rc<Sheet>>> = const { RefCell::new(None) };
}

fn builtin_sheet() -> Result<Rc<Sheet>, Vec<Diagnostic>> {
    if let Some(sheet) = BUILTIN.with(|b| b.borrow().clone()) {
        return Ok(sheet);
    }
    let sheet = Rc::new(crate::data::builtin()?);
    BUILTIN.with(|b| *b.borrow_mut() = Some(sheet.clone()));
    Ok(sheet)
}

/// The sheet a host carries itself (`<script type="application/json" data-factsheet-sheet>`,
/// as `dist --sheets` writes a story's card), read and checked by the same rules as a sheet by
/// URL; `None` when the host carries none.
fn inline_sheet(host: &Element) -> Option<Result<Rc<Sheet>, Vec<Diagnostic>>> {
    let script = host
        .query_selector(":scope > script[data-factsheet-sheet]")
        .ok()
        .flatten()?;
    let text = script.text_content().unwrap_or_default();
    let now = crate::model::date::Moment((js_sys::Date::now() / 60_000.0) as i64);
    Some(
        crate::model::load_with(
            &crate::numbers::BrowserNumberText,
            "the sheet in the page",
            text.as_bytes(),
            Some(now),
        )
        .map(Rc::new),
    )
}

fn next_mounting() -> u64 {
    MOUNTINGS.with(|n| {
        n.set(n.get().wrapping_add(1));
        n.get()
    })
}

/// Unmounts the cards whose hosts are no longer in the document: their components are
/// destroyed (effects cleaned up, listeners on the document removed) and their apps kept for
/// the next host. Checked when the observer runs, after the page's script has made its
/// changes: a host that was moved (taken out and put back in the same task) is still
/// connected and keeps its card.
fn unmount_removed() {
    let gone: Vec<Mounted> = MOUNTED_CARDS.with(|cards| {
        let (gone, kept) = cards
            .take()
            .into_iter()
            .partition(|c| !c.host.is_connected());
        cards.replace(kept);
        gone
    });
    for card in gone {
        card.current.set(false);
        // Out of the shadow root, the root element holds on to nothing of the old host:
        // not the host, its shadow root or its stylesheet.
        card.root.remove();
        match card.app {
            Handle::Hydrated(app, pieces) => {
                app.destroy();
                pieces.into_iter().for_each(AppHandle::destroy);
            }
            Handle::Reusable(mut app) => {
                app.update(InstanceProps {
                    content: Content::Nothing,
                    mounting: next_mounting(),
                });
                SPARE_APPS.with(|spare| spare.borrow_mut().push((card.root, app)));
            }
        }
        // Put back in the page later, the host is mounted afresh.
        let _ = card.host.remove_attribute(MOUNTED);
        let _ = card.host.remove_attribute(LIVE);
    }
}

// ---------------------------------------------------------------------------------------
// Mounting one host
// ---------------------------------------------------------------------------------------

fn mount(document: &Document, host: Element) {
    if host.has_attribute(MOUNTED) || PENDING.with(|p| p.borrow().contains(&host)) {
        return;
    }
    let _ = host.set_attribute(MOUNTED, "");
    let Some(shadow) = shadow_root(&host) else {
        return;
    };
    let page_lang = document
        .document_element()
        .and_then(|e| e.get_attribute("lang"))
        .filter(|l| !l.is_empty());
    // `<fact-sheet theme="dark">` says as a plain attribute what a div says with `data-`.
    let custom = host.tag_name() == CUSTOM_TAG;
    let options = read_options(
        |name| {
            if custom {
                host.get_attribute(name)
            } else {
                host.get_attribute(&format!("data-{name}"))
            }
        },
        page_lang,
    );
    let current = Rc::new(Cell::new(true));
    let on_ready = ready_callback(host.clone(), current.clone());
    let mut settled = false;
    let content = match options {
        Err(problems) => {
            settled = true;
            Content::Error(ErrorCardProps {
                title: "This fact sheet's settings are wrong.".into(),
                problems: problems.into_iter().map(AttrValue::from).collect(),
                on_retry: None,
            })
        }
        Ok(Options {
            src: Some(url),
            theme,
            lang,
            headings,
            view,
            timeout_s,
        }) => Content::Remote(RemoteProps {
            url: url.into(),
            lang: lang.into(),
            theme,
            headings,
            view,
            timeout_s,
            on_ready: on_ready.clone(),
        }),
        Ok(Options {
            src: None,
            theme,
            lang,
            headings,
            view,
            ..
        }) => match inline_sheet(&host)
            .map(|read| (read, "The sheet in this page could not be read."))
            .unwrap_or_else(|| (builtin_sheet(), "The built-in sheet could not be read."))
        {
            (Ok(sheet), _) => Content::Card(AppProps {
                sheet,
                lang: lang.into(),
                theme,
                headings,
                view,
                on_ready: on_ready.clone(),
                pieces: Pieces::Inline,
            }),
            (Err(e), title) => {
                settled = true;
                Content::Error(ErrorCardProps {
                    title: title.into(),
                    problems: e.iter().map(|d| AttrValue::from(d.to_string())).collect(),
                    on_retry: None,
                })
            }
        },
    };

    let prerendered = shadow.query_selector(".fs-root").ok().flatten();
    let mounted = match (content, prerendered) {
        // The build pre-renders the built-in sheet for one language, theme, heading level and
        // view and says which (`data-prerendered="en auto h2 glance"`). With the same settings
        // the wasm adopts that HTML in place (hydration), so nothing moves; otherwise it renders
        // afresh: Yew's hydration panics on a DOM that differs from its render (the full view
        // shows more).
        (Content::Card(props), Some(root))
            if root.child_element_count() > 0
                && host.get_attribute(PRERENDERED).as_deref()
                    == Some(
                        format!(
                            "{} {} {} {}",
                            props.lang,
                            props.theme.key(),
                            props.headings.key(),
                            props.view.key()
                        )
                        .as_str(),
                    ) =>
        {
            hydrate_in_tasks(host, root, props, current);
            return;
        }
        (content, prerendered) => {
            if let Some(stale) = prerendered {
                stale.remove();
            }
            let Some((root, app)) = render_afresh(document, &shadow, content) else {
                return;
            };
            Mounted {
                host,
                root,
                app: Handle::Reusable(app),
                current,
            }
        }
    };
    MOUNTED_CARDS.with(|cards| cards.borrow_mut().push(mounted));
    if settled {
        on_ready.emit(());
    }
}

/// Hydrates a pre-rendered card a part at a time, each in a task of its own, so that the page
/// (and a reader's input) gets a turn between them. Starting the card is long work: reading
/// and checking its sheet (in the task that mounts it), building the browser's number and date
/// formatters (the first `Intl` formatter loads the language's data) and what the card shows,
/// and Yew's hydration, which walks everything it hydrates at once: done as one, they made one
/// task of 54-92 ms. So each key figure, dispute and claim is a piece (`Piece`), the root of
/// an app of its own, hydrated in turn (each then marked `data-piece-live`), and the card's
/// app last, taking the pieces over as they are. Until then the host is `PENDING`, not `MOUNTED`:
/// the loader takes a click on the card's controls as Yew's only once it is mounted (or, in a
/// piece, once the piece is live), so a click in between is made again once the card is live,
/// not lost.
fn hydrate_in_tasks(host: Element, root: Element, props: AppProps, current: Rc<Cell<bool>>) {
    let _ = host.remove_attribute(MOUNTED);
    PENDING.with(|p| p.borrow_mut().push(host.clone()));
    let steps = [Step::Formatters, Step::Present]
        .into_iter()
        .chain(
            pieces_in(&root)
                .into_iter()
                .map(|(e, kind)| Step::Piece(e, kind)),
        )
        .chain(std::iter::once(Step::Card))
        .collect();
    next_task(Hydration {
        host,
        root,
        props,
        current,
        shown: None,
        pieces: Vec::new(),
        steps,
    });
}

/// A pre-rendered card being hydrated (`hydrate_in_tasks`).
struct Hydration {
    host: Element,
    root: Element,
    props: AppProps,
    current: Rc<Cell<bool>>,
    /// What the card shows, for its pieces: the same as `App` works out for itself.
    shown: Option<Rc<SheetView>>,
    /// The pieces' apps so far.
    pieces: Vec<AppHandle<Piece>>,
    steps: std::collections::VecDeque<Step>,
}

enum Step {
    /// The browser's number and date formatters (the first loads the language's data).
    Formatters,
    /// What the card shows, for its pieces.
    Present,
    Piece(Element, PieceKind),
    /// The card's app around its pieces.
    Card,
}

/// The hydration's next step, in a task of its own once Yew has done what this one gave it.
/// Yew runs its work in a microtask at the end of the task that gave it, and when that takes
/// over 16 ms it may leave the rest for a timer task of its own (and take no new work until
/// then): a step run before that task would only add its work to it, making one long task of
/// several steps. So the step waits for a timer queued after Yew's, from a microtask after
/// Yew's run. That timer is set from a message task, not from this one: a timer set from a
/// timer's task is nested, and browsers hold the fifth nested timer and every one after it
/// back by at least 4 ms, which over a card's two dozen steps would delay a reader's click
/// on the card's controls by a tenth of a second.
fn next_task(hydration: Hydration) {
    wasm_bindgen_futures::spawn_local(async move {
        WAITING_STEPS.with(|steps| steps.borrow_mut().push_back(hydration));
        let posted = STEP_CHANNEL.with(|channel| {
            channel
                .borrow_mut()
                .get_or_insert_with(step_channel)
                .as_ref()
                .is_some_and(|channel| channel.port2().post_message(&JsValue::NULL).is_ok())
        });
        if !posted {
            Timeout::new(0, run_waiting_step).forget();
        }
    });
}

thread_local! {
    /// Hydrations whose next step waits for its task, in order (several cards may be
    /// hydrating at once: their steps take turns).
    static WAITING_STEPS: RefCell<std::collections::VecDeque<Hydration>> = RefCell::default();
    /// Where a message sets the timer of the next waiting step (`next_task`), kept (both its
    /// ports) for as long as the page lives; `None` inside when the browser gave no channel.
    static STEP_CHANNEL: RefCell<Option<Option<web_sys::MessageChannel>>> = const { RefCell::new(None) };
}

/// A channel whose every message (sent to its second port) sets a timer for the next waiting
/// step.
fn step_channel() -> Option<web_sys::MessageChannel> {
    let channel = web_sys::MessageChannel::new().ok()?;
    let on_message = Closure::<dyn FnMut()>::new(|| {
        Timeout::new(0, run_waiting_step).forget();
    });
    channel
        .port1()
        .set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The channel serves every card for as long as the page lives.
    on_message.forget();
    Some(channel)
}

fn run_waiting_step() {
    if let Some(hydration) = WAITING_STEPS.with(|steps| steps.borrow_mut().pop_front()) {
        run_step(hydration);
    }
}

fn run_step(mut h: Hydration) {
    let Some(step) = h.steps.pop_front() else {
        return;
    };
    // Gone meanwhile: the host is let go; what was hydrated is no longer as the build wrote
    // it, so then the card is rendered afresh if the host comes back.
    if !h.host.is_connected() || h.host.has_attribute(MOUNTED) {
        PENDING.with(|p| p.borrow_mut().retain(|host| *host != h.host));
        if !h.pieces.is_empty() {
            h.pieces.into_iter().for_each(AppHandle::destroy);
            h.root.remove();
        }
        return;
    }
    match step {
        Step::Formatters => {
            crate::view::warm_formatters(&h.props.lang);
            next_task(h);
        }
        Step::Present => {
            h.shown = Some(Rc::new(present(&h.props.sheet, &h.props.lang)));
            next_task(h);
        }
        Step::Piece(element, kind) => {
            if let Some(view) = h.shown.clone() {
                let full = h.props.view == View::Full;
                let props = PieceProps { view, kind, full };
                let app =
                    yew::Renderer::<Piece>::with_root_and_props(element.clone(), props).hydrate();
                let _ = element.set_attribute(PIECE_LIVE, "");
                h.pieces.push(app);
            }
            next_task(h);
        }
        Step::Card => {
            PENDING.with(|p| p.borrow_mut().retain(|host| *host != h.host));
            let _ = h.host.set_attribute(MOUNTED, "");
            let props = AppProps {
                pieces: Pieces::Apart,
                ..h.props
            };
            let app = yew::Renderer::<App>::with_root_and_props(h.root.clone(), props).hydrate();
            MOUNTED_CARDS.with(|cards| {
                cards.borrow_mut().push(Mounted {
                    host: h.host,
                    root: h.root,
                    app: Handle::Hydrated(app, h.pieces),
                    current: h.current,
                })
            });
        }
    }
}

/// Set on a piece of a pre-rendered card once its app has hydrated it: the loader then
/// leaves a click on its controls to Yew.
const PIECE_LIVE: &str = "data-piece-live";

/// The pieces of a pre-rendered card, in the page's order, each with its kind.
fn pieces_in(root: &Element) -> Vec<(Element, PieceKind)> {
    let Ok(found) = root.query_selector_all("[data-piece]") else {
        return Vec::new();
    };
    (0..found.length())
        .filter_map(|i| found.item(i)?.dyn_into::<Element>().ok())
        .filter_map(|e| {
            let kind = PieceKind::from_key(&e.get_attribute("data-piece")?)?;
            Some((e, kind))
        })
        .collect()
}

/// Renders `content` into the shadow root with a spare app if there is one, else a new one.
fn render_afresh(
    document: &Document,
    shadow: &ShadowRoot,
    content: Content,
) -> Option<(Element, AppHandle<Instance>)> {
    let props = InstanceProps {
        content,
        mounting: next_mounting(),
    };
    if let Some((root, mut app)) = SPARE_APPS.with(|spare| spare.borrow_mut().pop()) {
        shadow.append_child(&root).ok()?;
        app.update(props);
        return Some((root, app));
    }
    let root = document.create_element("div").ok()?;
    root.set_class_name("fs-root");
    shadow.append_child(&root).ok()?;
    let app = yew::Renderer::<Instance>::with_root_and_props(root.clone(), props).render();
    Some((root, app))
}

/// The host's shadow root (the pre-rendered one, or a new one), with the card's stylesheet
/// adopted unless the pre-rendered root's own `<style>` or `<link>` already applies: a second
/// copy would cost parsing it and restyling the whole card, the longest part of the frame
/// after the start. A style that a policy blocked, or a link not loaded, has no sheet in
/// `styleSheets`, so such a card gets the built-in one.
fn shadow_root(host: &Element) -> Option<ShadowRoot> {
    let shadow: ShadowRoot = match host.shadow_root() {
        Some(existing) => existing,
        None => host
            .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
            .ok()?,
    };
    if shadow.style_sheets().length() > 0 {
        return Some(shadow);
    }
    if let Ok(sheet) = CssStyleSheet::new() {
        if sheet.replace_sync(CSS).is_ok() {
            shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
        }
    }
    Some(shadow)
}

/// Marks the host live and tells the page, once. Not after the card was unmounted: a sheet
/// by URL still loading when its host left the page must not mark the host (nor, put back,
/// its next card) live.
fn ready_callback(host: Element, current: Rc<Cell<bool>>) -> Callback<()> {
    Callback::from(move |()| {
        if !current.get() || host.has_attribute(LIVE) {
            return;
        }
        let _ = host.set_attribute(LIVE, "");
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("factsheet:ready", &init)
        {
            let _ = host.dispatch_event(&event);
        }
    })
}
