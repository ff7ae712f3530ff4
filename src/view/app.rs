use std::rc::Rc;

use yew::prelude::*;

use super::claim_card::ClaimCard;
use super::conflict_panel::ConflictPanel;
use super::estimates_chart::EstimatesChart;
use super::figure_card::FigureCard;
use super::header::{Header, Headings, HEADLINE_ID};
use super::legend::Legend;
use super::page_events::use_page_events;
use super::popover_state::{Action, Popovers};
use super::present::{notes, present, SheetView, SourceNotes};
use super::print_notes::PrintNotes;
use super::skip_link::SkipLink;
use super::sources_list::SourcesList;
use super::theme::{use_theme, Scheme, Theme};
use super::theme_toggle::ThemeToggle;
use crate::model::Sheet;

#[derive(Clone, PartialEq, Properties)]
pub struct AppProps {
    pub sheet: Rc<Sheet>,
    /// Language for numbers and dates (a BCP 47 tag such as "en" or "de-CH").
    #[prop_or(AttrValue::Static("en"))]
    pub lang: AttrValue,
    #[prop_or_default]
    pub theme: Theme,
    /// The headline's level in the host's outline, or no heading (`data-headings`).
    #[prop_or_default]
    pub headings: Headings,
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
    // Host page: the theme shown, the skip link's target.
    let (theme, toggle_theme) = use_theme(props.theme, root.clone());
    let end = use_node_ref();
    // The skip link makes the end a Tab stop while it has focus (see `SkipLink`).
    let end_left = Callback::from(|event: FocusEvent| {
        if let Some(end) = event.target_dyn_into::<web_sys::HtmlElement>() {
            end.set_tab_index(-1);
        }
    });
    // Paper only; cheap to work out again (a few dozen quotes), dearer to memoise in bytes.
    let print_notes: Vec<SourceNotes> = notes(&view.sources, &view.figures, &view.claims);
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

    html! {
        // One landmark (a region named by the headline); the skip link first, its target last.
        <section class="factsheet" data-theme={theme.attribute()} lang="en" aria-labelledby={HEADLINE_ID} ref={root}>
            <SkipLink end={end.clone()} />
            <Header headline={view.headline.clone()} summary={view.summary.clone()} place={view.place.clone()}
                    dateline={view.dateline.clone()} outlets={outlets} headings={props.headings} />

            <section class="fs-section">
                <p class="fs-section-title">{ "Key figures" }</p>
                <p class="fs-hint">{ "Hover, focus or tap a number to see who reported it and their exact words." }</p>
                <div class="fs-figures">
                    { for view.figures.iter().map(|f| html! {
                        <FigureCard key={f.item.id.clone()} figure={f.clone()}
                                    open={popovers.is_open(&f.item.anchor)} dispatch={dispatch.clone()} />
                    }) }
                </div>
            </section>

            if !view.conflicts.is_empty() {
                <section class="fs-section">
                    <p class="fs-section-title">{ "Where accounts disagree" }</p>
                    { for view.conflicts.iter().map(|c| html! {
                        <ConflictPanel key={c.id.clone()} title={c.title.clone()}>
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

            <section class="fs-section">
                <p class="fs-section-title">{ "Claims and quotes" }</p>
                <div class="fs-claims">
                    { for view.claims.iter().filter(|c| !in_conflict(&c.item.id)).map(|c| html! {
                        <ClaimCard key={c.item.id.clone()} claim={c.clone()}
                                   open={popovers.is_open(&c.item.anchor)} dispatch={dispatch.clone()} />
                    }) }
                </div>
            </section>

            <section class="fs-section">
                <p class="fs-section-title">{ "Sources" }</p>
                <SourcesList sources={view.sources.clone()} />
            </section>
            <PrintNotes notes={print_notes} />

            <Legend aliases={aliases} />
            <ThemeToggle dark={theme.shown() == Scheme::Dark} on_toggle={toggle_theme} />
            <p class="fs-end" id="fs-end" tabindex="-1" ref={end} onblur={end_left}>{ "End of the fact sheet" }</p>
        </section>
    }
}
