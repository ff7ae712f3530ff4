use std::rc::Rc;

use yew::prelude::*;

use super::account_card::AccountCard;
use super::claim_card::ClaimCard;
use super::conflict_panel::ConflictPanel;
use super::disclosure::Disclosure;
use super::estimates_chart::EstimatesChart;
use super::figure_card::FigureCard;
use super::footer::Footer;
use super::header::Header;
use super::legend::Legend;
use super::page_events::use_page_events;
use super::popover_state::{Action, Popovers};
use super::present::{present, SheetView};
use super::reveal::use_reveal_open_item;
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

/// How much of the card shows at first: the glance, with the rest in disclosures one tap
/// away, or everything (`data-view="full"`, for pages that want the whole sheet open).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    #[default]
    Glance,
    Full,
}

impl View {
    pub fn key(self) -> &'static str {
        match self {
            View::Glance => "glance",
            View::Full => "full",
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
    #[prop_or_default]
    pub view: View,
    /// Called once the card is in the DOM and interactive.
    #[prop_or_default]
    pub on_ready: Callback<()>,
}

/// The whole card for one sheet: the glance (what happened, the key figures, where accounts
/// disagree), then the rest in disclosures, then who made it.
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
    use_reveal_open_item(
        popovers.open.as_ref().map(|(anchor, _)| anchor.clone()),
        root.clone(),
    );

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
    let full = props.view == View::Full;

    html! {
        <article class="factsheet" data-theme={theme.key()} lang="en" ref={root}>
          <div class={if full { "fs-layout fs-layout--full" } else { "fs-layout" }}>
            <Header headline={view.headline.clone()} summary={view.summary.clone()} place={view.place.clone()}
                    dateline={view.dateline.clone()}
                    open={popovers.is_open(&view.summary.item.anchor)} dispatch={dispatch.clone()} />

                if !view.key_figures.is_empty() {
                    <section class="fs-section fs-key-figures" aria-labelledby="fs-figures-h">
                        <h3 id="fs-figures-h">{ "Key figures" }</h3>
                        <ul class="fs-figures">
                            { for view.key_figures.iter().map(|f| html! {
                                <FigureCard key={f.item.id.clone()} figure={f.clone()}
                                            open={popovers.is_open(&f.item.anchor)} dispatch={dispatch.clone()} />
                            }) }
                        </ul>
                    </section>
                }
                if !view.disputes.is_empty() {
                    <section class="fs-section fs-disputes" aria-labelledby="fs-conflicts-h">
                        <h3 id="fs-conflicts-h">{ "Where accounts disagree" }</h3>
                        { for view.disputes.iter().map(|d| html! {
                            <ConflictPanel key={d.id.clone()} title_id={format!("conflict-{}-title", d.id)} title={d.title.clone()}>
                                if let Some(chart) = &d.chart {
                                    <EstimatesChart chart={chart.clone()} popovers={(*popovers).clone()} dispatch={dispatch.clone()} />
                                }
                                if !d.accounts.is_empty() {
                                    <ul class="fs-accounts">
                                        { for d.accounts.iter().map(|c| html! {
                                            <AccountCard key={c.item.id.clone()} claim={c.clone()}
                                                         open={popovers.is_open(&c.item.anchor)} dispatch={dispatch.clone()} full={full} />
                                        }) }
                                    </ul>
                                }
                            </ConflictPanel>
                        }) }
                    </section>
                }

            if !view.more_claims.is_empty() {
                <Disclosure summary={format!("All claims and quotes ({})", view.more_claims.len())} open={full}>
                    <ul class="fs-claims">
                        { for view.more_claims.iter().map(|c| html! {
                            <ClaimCard key={c.item.id.clone()} claim={c.clone()}
                                       open={popovers.is_open(&c.item.anchor)} dispatch={dispatch.clone()} />
                        }) }
                    </ul>
                </Disclosure>
            }
            <Disclosure summary={format!("Sources: {}", view.outlets.join(", "))} open={full}>
                <SourcesList sources={view.sources.clone()} />
            </Disclosure>
            <Disclosure summary="How statuses are decided" open={full}>
                <Legend aliases={aliases} />
            </Disclosure>
            <Footer credits={view.credits.clone()}>
                <button type="button" class="fs-theme" aria-pressed={(*theme == Theme::Dark).to_string()} onclick={toggle_theme}>
                    { "Dark theme" }
                </button>
            </Footer>
          </div>
        </article>
    }
}
