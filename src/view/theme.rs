//! The card's colour theme: which one it shows, and the reader's choice of it.
//!
//! The theme shown is the first of these that applies:
//! 1. the reader's choice, made with the card's toggle and kept in the page's `localStorage`
//!    where the page may use it (not in a sandboxed frame, say: there it lasts until the
//!    page is left, and nothing breaks);
//! 2. the publisher's `data-theme="light"` or `"dark"`;
//! 3. the host page's `color-scheme`, when it declares one scheme only: the CSS property on
//!    an element around the card (or on the page's root), else `<meta name="color-scheme">`;
//! 4. the reader's system setting (`prefers-color-scheme`).
//!
//! The rules are pure and tested natively; `use_theme` feeds them from the browser and keeps
//! them fed as the system setting, the page or another card's toggle changes.

use std::rc::Rc;

use yew::prelude::*;

/// The publisher's setting (`data-theme`): the reader's system setting unless the page or
/// the publisher says otherwise.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn key(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// A theme the card can show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    Light,
    Dark,
}

impl Scheme {
    pub fn key(self) -> &'static str {
        match self {
            Scheme::Light => "light",
            Scheme::Dark => "dark",
        }
    }

    /// `key`'s inverse, for what was stored; anything else is no choice.
    pub fn from_key(key: &str) -> Option<Scheme> {
        match key {
            "light" => Some(Scheme::Light),
            "dark" => Some(Scheme::Dark),
            _ => None,
        }
    }

    fn other(self) -> Scheme {
        match self {
            Scheme::Light => Scheme::Dark,
            Scheme::Dark => Scheme::Light,
        }
    }
}

/// What the host page's `color-scheme` (a computed CSS value or a meta element's content)
/// says about the schemes it is made for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageScheme {
    /// Nothing: `normal`, empty, or neither `light` nor `dark`.
    Unsaid,
    /// Both: the page follows the system, and so does the card.
    Both,
    /// One only: a light-only article gets a light card whatever the system says.
    Only(Scheme),
}

/// Reads a `color-scheme` value such as `light`, `dark light`, `only light` or `normal`.
pub fn page_scheme(value: &str) -> PageScheme {
    let says = |word: &str| {
        value
            .split_whitespace()
            .any(|w| w.eq_ignore_ascii_case(word))
    };
    match (says("light"), says("dark")) {
        (true, false) => PageScheme::Only(Scheme::Light),
        (false, true) => PageScheme::Only(Scheme::Dark),
        (true, true) => PageScheme::Both,
        (false, false) => PageScheme::Unsaid,
    }
}

/// Everything the theme shown depends on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ThemeInputs {
    /// The publisher's `data-theme`.
    pub option: Theme,
    /// The host page's declared `color-scheme`.
    pub page: PageScheme,
    /// The reader's system setting.
    pub system: Scheme,
    /// The reader's choice, if they made one.
    pub reader: Option<Scheme>,
}

/// A change in one of the inputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThemeChange {
    Page(PageScheme),
    System(Scheme),
    Reader(Option<Scheme>),
}

impl ThemeInputs {
    /// What the card knows before it can ask the browser, and so what the build pre-renders:
    /// no choice, nothing declared, a light system. The stylesheet follows the system itself
    /// while the card's `data-theme` is `auto` (see `attribute`), so that pre-render shows
    /// the system's theme.
    pub fn new(option: Theme) -> Self {
        ThemeInputs {
            option,
            page: PageScheme::Unsaid,
            system: Scheme::Light,
            reader: None,
        }
    }

    /// The theme shown without the reader's choice.
    fn default_scheme(&self) -> Scheme {
        match (self.option, self.page) {
            (Theme::Light, _) => Scheme::Light,
            (Theme::Dark, _) => Scheme::Dark,
            (Theme::Auto, PageScheme::Only(scheme)) => scheme,
            (Theme::Auto, _) => self.system,
        }
    }

    /// The theme shown.
    pub fn shown(&self) -> Scheme {
        self.reader.unwrap_or_else(|| self.default_scheme())
    }

    /// The card's `data-theme`: `auto` while the theme is the system's by rule 4, so that the
    /// stylesheet follows the system by itself (before the wasm starts, and at once when the
    /// setting changes); else the theme shown.
    pub fn attribute(&self) -> &'static str {
        let follows_system = self.reader.is_none()
            && self.option == Theme::Auto
            && !matches!(self.page, PageScheme::Only(_));
        if follows_system {
            Theme::Auto.key()
        } else {
            self.shown().key()
        }
    }

    /// The reader's choice once they press the toggle: the other theme; or no choice when
    /// the other theme is what the card shows anyway, so that it follows the page and the
    /// system again instead of keeping a choice that changes nothing.
    pub fn after_toggle(&self) -> Option<Scheme> {
        let next = self.shown().other();
        (next != self.default_scheme()).then_some(next)
    }
}

impl Reducible for ThemeInputs {
    type Action = ThemeChange;

    fn reduce(self: Rc<Self>, change: ThemeChange) -> Rc<Self> {
        let mut next = *self;
        match change {
            ThemeChange::Page(page) => next.page = page,
            ThemeChange::System(system) => next.system = system,
            ThemeChange::Reader(reader) => next.reader = reader,
        }
        Rc::new(next)
    }
}

/// The theme's inputs, kept current while the card is mounted, and what the toggle does:
/// switch, remember the choice where the page allows, and tell the page's other cards.
/// `root` is the card's outermost element (its host page is found from it).
#[hook]
pub fn use_theme(option: Theme, root: NodeRef) -> (ThemeInputs, Callback<MouseEvent>) {
    let inputs = use_reducer_eq(|| ThemeInputs::new(option));
    {
        let dispatch = inputs.dispatcher();
        use_effect_with(option, move |_| {
            #[cfg(target_arch = "wasm32")]
            let watch = browser::watch(root, dispatch);
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (root, dispatch);
            move || {
                #[cfg(target_arch = "wasm32")]
                drop(watch);
            }
        });
    }
    let toggle = {
        let inputs = inputs.clone();
        Callback::from(move |_: MouseEvent| {
            let choice = inputs.after_toggle();
            inputs.dispatch(ThemeChange::Reader(choice));
            #[cfg(target_arch = "wasm32")]
            browser::remember(choice);
        })
    };
    (*inputs, toggle)
}

/// The browser's side: reading the inputs and following their changes.
#[cfg(target_arch = "wasm32")]
mod browser {
    use gloo::events::EventListener;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    use web_sys::{Document, Element, MediaQueryList, MutationObserver, ShadowRoot, Window};
    use yew::prelude::*;

    use super::{page_scheme, PageScheme, Scheme, ThemeChange, ThemeInputs};

    /// Where the reader's choice is kept: one per site, shared by its cards.
    const STORAGE_KEY: &str = "factsheet-theme";
    /// Told to the page's other cards when the reader presses a toggle: `detail` is the
    /// choice's key, or "" for none.
    const CHOICE_EVENT: &str = "factsheet:theme";

    /// Subscriptions that end when dropped (with the card).
    pub struct Watch {
        _listeners: Vec<EventListener>,
        observer: Option<(MutationObserver, Closure<dyn FnMut()>)>,
    }

    impl Drop for Watch {
        fn drop(&mut self) {
            if let Some((observer, _)) = &self.observer {
                observer.disconnect();
            }
        }
    }

    /// Reads every input now, and again whenever it changes.
    pub fn watch(root: NodeRef, dispatch: UseReducerDispatcher<ThemeInputs>) -> Option<Watch> {
        let window = web_sys::window()?;
        let document = window.document()?;
        dispatch.dispatch(ThemeChange::Reader(stored(&window)));

        let mut listeners = Vec::new();
        let dark = window
            .match_media("(prefers-color-scheme: dark)")
            .ok()
            .flatten();
        if let Some(dark) = dark {
            dispatch.dispatch(ThemeChange::System(system(&dark)));
            let dispatch = dispatch.clone();
            let query = dark.clone();
            listeners.push(EventListener::new(&dark, "change", move |_| {
                dispatch.dispatch(ThemeChange::System(system(&query)))
            }));
        }
        {
            let dispatch = dispatch.clone();
            listeners.push(EventListener::new(&window, CHOICE_EVENT, move |event| {
                let choice = event
                    .dyn_ref::<web_sys::CustomEvent>()
                    .and_then(|e| e.detail().as_string());
                dispatch.dispatch(ThemeChange::Reader(
                    choice.as_deref().and_then(Scheme::from_key),
                ));
            }));
        }

        let read_page = {
            let window = window.clone();
            let document = document.clone();
            move || ThemeChange::Page(page_around(&window, &document, &root))
        };
        dispatch.dispatch(read_page());
        // A site's own theme switch changes a class or attribute on <html> or <body>, or
        // the meta element, so the page's scheme is read again when those change.
        let on_change = {
            let dispatch = dispatch.clone();
            Closure::<dyn FnMut()>::new(move || dispatch.dispatch(read_page()))
        };
        let observer = MutationObserver::new(on_change.as_ref().unchecked_ref())
            .ok()
            .map(|observer| {
                let attributes = web_sys::MutationObserverInit::new();
                attributes.set_attributes(true);
                for element in [document.document_element(), document.body().map(Into::into)]
                    .into_iter()
                    .flatten()
                {
                    let _ = observer.observe_with_options(&element, &attributes);
                }
                if let Some(head) = document.head() {
                    let meta = web_sys::MutationObserverInit::new();
                    meta.set_child_list(true);
                    meta.set_subtree(true);
                    meta.set_attribute_filter(&js_sys::Array::of1(&"content".into()));
                    let _ = observer.observe_with_options(&head, &meta);
                }
                (observer, on_change)
            });
        Some(Watch {
            _listeners: listeners,
            observer,
        })
    }

    fn system(dark: &MediaQueryList) -> Scheme {
        if dark.matches() {
            Scheme::Dark
        } else {
            Scheme::Light
        }
    }

    /// The host page's scheme around the card. The computed `color-scheme` of the element
    /// around the card's host (not the host's own: the card's stylesheet resets it), which
    /// inherits what the page's root or any ancestor declares; else the meta element.
    fn page_around(window: &Window, document: &Document, root: &NodeRef) -> PageScheme {
        let card = root.cast::<Element>();
        let host = card.as_ref().and_then(|card| {
            card.get_root_node()
                .dyn_into::<ShadowRoot>()
                .ok()
                .map(|shadow| shadow.host())
                .or_else(|| Some(card.clone()))
        });
        let around = host
            .and_then(|host| host.parent_element())
            .or_else(|| document.document_element());
        let css = around
            .and_then(|el| window.get_computed_style(&el).ok().flatten())
            .and_then(|style| style.get_property_value("color-scheme").ok())
            .unwrap_or_default();
        match page_scheme(&css) {
            PageScheme::Unsaid => document
                .query_selector("meta[name=\"color-scheme\" i]")
                .ok()
                .flatten()
                .and_then(|meta| meta.get_attribute("content"))
                .map_or(PageScheme::Unsaid, |content| page_scheme(&content)),
            declared => declared,
        }
    }

    /// The page's storage, if it may be used: reading `localStorage` throws in a sandboxed
    /// frame and where the reader blocks site data.
    fn storage(window: &Window) -> Option<web_sys::Storage> {
        window.local_storage().ok().flatten()
    }

    fn stored(window: &Window) -> Option<Scheme> {
        let value = storage(window)?.get_item(STORAGE_KEY).ok().flatten()?;
        Scheme::from_key(&value)
    }

    /// Keeps the reader's choice where the page allows (a full or blocked storage is not an
    /// error the reader needs to hear of) and tells the page's other cards.
    pub fn remember(choice: Option<Scheme>) {
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Some(storage) = storage(&window) {
            let _ = match choice {
                Some(scheme) => storage.set_item(STORAGE_KEY, scheme.key()),
                None => storage.remove_item(STORAGE_KEY),
            };
        }
        let init = web_sys::CustomEventInit::new();
        init.set_detail(&choice.map_or("", Scheme::key).into());
        if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(CHOICE_EVENT, &init) {
            let _ = window.dispatch_event(&event);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inputs(option: Theme, page: PageScheme, system: Scheme) -> ThemeInputs {
        ThemeInputs {
            option,
            page,
            system,
            reader: None,
        }
    }

    #[test]
    fn a_declared_color_scheme_is_read_as_the_page_means_it() {
        use PageScheme::*;
        for (value, expected) in [
            ("normal", Unsaid),
            ("", Unsaid),
            ("light", Only(Scheme::Light)),
            ("only light", Only(Scheme::Light)),
            ("DARK", Only(Scheme::Dark)),
            ("light dark", Both),
            ("dark light", Both),
            ("my-brand", Unsaid),
        ] {
            assert_eq!(page_scheme(value), expected, "{value:?}");
        }
    }

    #[test]
    fn auto_follows_a_page_that_declares_one_scheme_else_the_system() {
        use PageScheme::*;
        for (page, system, shown) in [
            (Only(Scheme::Light), Scheme::Dark, Scheme::Light),
            (Only(Scheme::Dark), Scheme::Light, Scheme::Dark),
            (Both, Scheme::Dark, Scheme::Dark),
            (Unsaid, Scheme::Dark, Scheme::Dark),
            (Unsaid, Scheme::Light, Scheme::Light),
        ] {
            assert_eq!(
                inputs(Theme::Auto, page, system).shown(),
                shown,
                "{page:?}, {system:?}"
            );
        }
    }

    #[test]
    fn the_publishers_theme_beats_the_page_and_the_readers_beats_both() {
        let mut i = inputs(Theme::Dark, PageScheme::Only(Scheme::Light), Scheme::Light);
        assert_eq!(i.shown(), Scheme::Dark);
        i.reader = Some(Scheme::Light);
        assert_eq!(i.shown(), Scheme::Light);
    }

    #[test]
    fn with_the_system_dark_the_first_press_switches_to_light() {
        let i = inputs(Theme::Auto, PageScheme::Unsaid, Scheme::Dark);
        assert_eq!(i.shown(), Scheme::Dark);
        let choice = i.after_toggle();
        assert_eq!(choice, Some(Scheme::Light));
        let pressed = Rc::new(i).reduce(ThemeChange::Reader(choice));
        assert_eq!(pressed.shown(), Scheme::Light);
        // A second press gives back what the system asks for: no choice is kept.
        assert_eq!(pressed.after_toggle(), None);
        assert_eq!(
            pressed.reduce(ThemeChange::Reader(None)).shown(),
            Scheme::Dark
        );
    }

    #[test]
    fn the_attribute_leaves_the_system_to_the_stylesheet_only_when_rule_4_applies() {
        let mut i = inputs(Theme::Auto, PageScheme::Unsaid, Scheme::Dark);
        assert_eq!(i.attribute(), "auto");
        i.page = PageScheme::Both;
        assert_eq!(i.attribute(), "auto");
        i.page = PageScheme::Only(Scheme::Light);
        assert_eq!(i.attribute(), "light");
        i.page = PageScheme::Unsaid;
        i.reader = Some(Scheme::Dark);
        assert_eq!(i.attribute(), "dark");
        assert_eq!(
            inputs(Theme::Light, PageScheme::Unsaid, Scheme::Dark).attribute(),
            "light"
        );
    }

    #[test]
    fn what_is_pre_rendered_follows_the_system_in_the_stylesheet() {
        assert_eq!(ThemeInputs::new(Theme::Auto).attribute(), "auto");
        assert_eq!(ThemeInputs::new(Theme::Dark).attribute(), "dark");
    }
}
