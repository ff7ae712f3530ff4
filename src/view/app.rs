use std::rc::Rc;

use yew::prelude::*;

use super::claim_card::ClaimCard;
use super::conflict_panel::ConflictPanel;
use super::estimates_chart::EstimatesChart;
use super::figure_card::FigureCard;
use super::header::Header;
use super::legend::Legend;
use super::page_events::use_page_events;
use super::popover_state::{Action, Popovers};
use super::present::{present, SheetView};
use super::sources_list::SourcesList;
use crate::model::Sheet;

/// The colour theme: the reader's system setting unless the page or the reader overrides it.
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

#[derive(Clone, PartialEq, Properties)]
pub struct AppProps {
    pub sheet: Rc<Sheet>,
    /// Language for numbers and dates (a BCP 47 tag such as "en" or "de-CH").
    #[prop_or(AttrValue::Static("en"))]
    pub lang: AttrValue,
    #[prop_or_default]
    pub theme: Theme,
    /// Called once the card is in the DOM and interactive.
    #[prop_or_default]
    pub on_ready: Callback<()>,
}

/// The whole card for one sheet.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let view: Rc<SheetView> = {
        let sheet = props.sheet.clone();
        let lang = props.lang.clone();
        use_memo((sheet, lang), |(sheet, lang)| present(sheet, lang))
    };
    let popovers = use_reducer(Popovers::default);
    let root = use_node_ref();
    let theme = use_state(|| props.theme);
    let anchors: Vec<String> = view
        .figures
        .iter()
        .map(|f| f.item.anchor.clone())
        .chain(view.claims.iter().map(|c| c.item.anchor.clone()))
        .collect();
    // First tell the embed the card is live (it drops the pre-render's footnotes), then act on
    // a deep link: scrolling before the footnotes collapse would land in the wrong place.
    {
        let on_ready = props.on_ready.clone();
        use_effect_with((), move |_| on_ready.emit(()));
    }
    use_page_events(popovers.dispatcher(), anchors, root.clone());

    let dispatch = {
        let popovers = popovers.dispatcher();
        Callback::from(move |action: Action| popovers.dispatch(action))
    };
    let toggle_theme = {
        let theme = theme.clone();
        Callback::from(move |_: MouseEvent| {
            theme.set(if *theme == Theme::Dark {
                Theme::Light
            } else {
                Theme::Dark
            })
        })
    };

    let in_conflict = |id: &str| {
        view.conflicts
            .iter()
            .any(|c| c.items.iter().any(|i| i == id))
    };
    let chart = |id: &str| view.charts.iter().find(|c| c.id == id);
    let claim = |id: &str| view.claims.iter().find(|c| c.item.id == id);
    let figure = |id: &str| view.figures.iter().find(|f| f.item.id == id);
    let outlets: Vec<AttrValue> = view
        .sources
        .iter()
        .map(|s| AttrValue::from(s.outlet.clone()))
        .collect();
    let aliases: Vec<(AttrValue, AttrValue)> = view
        .aliases
        .iter()
        .map(|p| {
            (
                AttrValue::from(p.name.clone()),
                AttrValue::from(p.aliases.clone()),
            )
        })
        .collect();

    // How each popover was opened (a hover's or focus's preview, or the reader's own
    // opening), which every `Cited` reads: keep this around all of them.
    html! {
        <ContextProvider<Popovers> context={(*popovers).clone()}>
        <article class="factsheet" data-theme={theme.key()} lang="en" ref={root}>
            <Header headline={view.headline.clone()} summary={view.summary.clone()} place={view.place.clone()}
                    dateline={view.dateline.clone()} outlets={outlets} />

            <section class="fs-section" aria-labelledby="fs-figures-h">
                <h3 id="fs-figures-h">{ "Key figures" }</h3>
                <p class="fs-hint">{ "Hover, focus or tap a number to see who reported it and their exact words." }</p>
                <div class="fs-figures">
                    { for view.figures.iter().map(|f| html! {
                        <FigureCard key={f.item.id.clone()} figure={f.clone()}
                                    open={popovers.is_open(&f.item.anchor)} dispatch={dispatch.clone()} />
                    }) }
                </div>
            </section>

            if !view.conflicts.is_empty() {
                <section class="fs-section" aria-labelledby="fs-conflicts-h">
                    <h3 id="fs-conflicts-h">{ "Where accounts disagree" }</h3>
                    { for view.conflicts.iter().map(|c| html! {
                        <ConflictPanel key={c.id.clone()} title={c.title.clone()} explanation={c.explanation.clone()}>
                            if let Some(chart) = chart(&c.id) {
                                <EstimatesChart chart={chart.clone()} />
                            }
                            { for c.items.iter().filter_map(|id| claim(id)).map(|cl| html! {
                                <ClaimCard key={cl.item.id.clone()} claim={cl.clone()}
                                           open={popovers.is_open(&cl.item.anchor)} dispatch={dispatch.clone()} />
                            }) }
                            // Each figure links to its card, where its citations open.
                            { for c.items.iter().filter_map(|id| figure(id)).map(|f| html! {
                                <a class="fs-conflict-figure" href={format!("#{}", f.item.anchor)}>
                                    { f.qualifier.clone().unwrap_or_default() }{ " " }<strong>{ &f.number }</strong>{ " " }{ &f.unit }
                                    { ": " }{ &f.item.claimant }{ ". " }{ &f.as_of }
                                </a>
                            }) }
                        </ConflictPanel>
                    }) }
                </section>
            }

            <section class="fs-section" aria-labelledby="fs-claims-h">
                <h3 id="fs-claims-h">{ "Claims and quotes" }</h3>
                <div class="fs-claims">
                    { for view.claims.iter().filter(|c| !in_conflict(&c.item.id)).map(|c| html! {
                        <ClaimCard key={c.item.id.clone()} claim={c.clone()}
                                   open={popovers.is_open(&c.item.anchor)} dispatch={dispatch.clone()} />
                    }) }
                </div>
            </section>

            <section class="fs-section" aria-labelledby="fs-sources-h">
                <h3 id="fs-sources-h">{ "Sources" }</h3>
                <SourcesList sources={view.sources.clone()} />
            </section>

            <Legend aliases={aliases} />
            <button type="button" class="fs-theme" aria-pressed={(*theme == Theme::Dark).to_string()} onclick={toggle_theme}>
                { "Dark theme" }
            </button>
        </article>
        </ContextProvider<Popovers>>
    }
}
