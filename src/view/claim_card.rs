use yew::prelude::*;

use super::cited::Cited;
use super::popover_state::Action;
use super::present::ClaimView;
use super::status_badge::StatusBadge;

#[derive(Clone, PartialEq, Properties)]
pub struct ClaimCardProps {
    pub claim: ClaimView,
    pub open: bool,
    pub dispatch: Callback<Action>,
}

/// A quote or statement, with each outlet's wording side by side when they differ.
#[function_component(ClaimCard)]
pub fn claim_card(props: &ClaimCardProps) -> Html {
    let c = &props.claim;
    let count = c.item.citations.len();
    let button_text = if count == 1 {
        "1 source".to_string()
    } else {
        format!("{count} sources")
    };
    html! {
        <article class={format!("fs-claim fs-claim--{}", c.item.statuses.first().map_or("none", |s| s.key()))} id={c.item.anchor.clone()}>
            <p class="fs-claim-kind">{ c.kind }{ " \u{00B7} " }{ &c.item.claimant }</p>
            <p class="fs-claim-summary">{ &c.summary }</p>
            <div class={if count > 1 { "fs-wordings fs-wordings--side" } else { "fs-wordings" }}>
                { for c.item.citations.iter().map(|cite| html! {
                    <figure class="fs-wording">
                        <blockquote>{ &cite.quote.0 }{ &cite.quote.1 }{ &cite.quote.2 }</blockquote>
                        <figcaption>{ &cite.outlet }
                            if let Some(via) = &cite.via { { " " }{ via } }
                        </figcaption>
                    </figure>
                }) }
            </div>
            <div class="fs-claim-foot">
                { for c.item.statuses.iter().map(|s| html! { <StatusBadge status={*s} /> }) }
                <Cited item={c.item.clone()} subject={c.summary.clone()} open={props.open} dispatch={props.dispatch.clone()}>
                    <span class="fs-sources-count">{ button_text }</span>
                </Cited>
            </div>
            <p class="fs-origin">{ &c.item.origin_note }</p>
        </article>
    }
}
