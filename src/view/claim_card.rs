use yew::prelude::*;

use super::cited::Cited;
use super::present::ClaimView;
use super::status_badge::StatusBadge;

#[derive(Clone, PartialEq, Properties)]
pub struct ClaimCardProps {
    pub claim: ClaimView,
}

/// A quote or statement in the full list, inside its list item (`PieceShell`): what kind it
/// is and who says it, the sheet's summary (the button that opens its sources), each outlet's
/// wording side by side, and its statuses.
#[function_component(ClaimCard)]
pub fn claim_card(props: &ClaimCardProps) -> Html {
    let c = &props.claim;
    let count = c.item.citations.len();
    html! {
        <>
            <p class="fs-claim-kind">{ c.kind }{ " \u{00B7} " }{ &c.item.claimant }</p>
            <Cited item={c.item.clone()} subject={c.summary.clone()}>
                <span class="fs-sr">{ "Sources for " }</span>
                <span class="fs-claim-summary">{ &c.summary }</span>
            </Cited>
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
            <p class="fs-badges">
                { for c.item.statuses.iter().map(|s| html! { <StatusBadge status={*s} /> }) }
            </p>
        </>
    }
}
