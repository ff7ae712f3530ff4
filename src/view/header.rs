use yew::prelude::*;

use super::cited::Cited;
use super::popover_state::Action;
use super::present::SummaryView;

#[derive(Clone, PartialEq, Properties)]
pub struct HeaderProps {
    pub headline: AttrValue,
    pub summary: SummaryView,
    pub place: AttrValue,
    pub dateline: AttrValue,
    /// Whether the summary's sources are open.
    pub open: bool,
    pub dispatch: Callback<Action>,
}

/// The kicker (place and dates; the sources are named by their disclosure), the headline, and the summary with its day and the
/// button that opens the quotes it rests on.
#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let summary = &props.summary;
    html! {
        <header class="fs-header">
            <p class="fs-kicker">
                <span>{ &props.place }</span>
                <span>{ &props.dateline }</span>
            </p>
            <h2 class="fs-headline">{ &props.headline }</h2>
            // A div, not a p: the button's popover is a div, which would end a p early in
            // the pre-rendered HTML, and the wasm would not find the card it rendered.
            <div class="fs-summary" id={summary.item.anchor.clone()}>
                if let Some(when) = &summary.when { <strong class="fs-summary-when">{ when }{ ": " }</strong> }
                { &summary.text }{ " " }
                <Cited item={summary.item.clone()} subject="the summary" open={props.open} dispatch={props.dispatch.clone()}>
                    <span class="fs-sources-link">{ "Sources" }</span><span class="fs-sr">{ " for the summary" }</span>
                </Cited>
            </div>
        </header>
    }
}
