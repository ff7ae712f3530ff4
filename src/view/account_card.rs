use yew::prelude::*;

use super::cited::Cited;
use super::present::ClaimView;
use super::status_badge::StatusBadge;

#[derive(Clone, PartialEq, Properties)]
pub struct AccountCardProps {
    pub claim: ClaimView,
    /// The full view: each outlet's words shown, not only one tap away.
    #[prop_or_default]
    pub full: bool,
}

/// One outlet's account in a disagreement of claims: which outlet, through whom, what it
/// says (and who, where its summary does not name them) (the button that opens the quote), and its statuses. The quote itself is one tap
/// away, so the two accounts fit side by side; the full view shows it.
#[function_component(AccountCard)]
pub fn account_card(props: &AccountCardProps) -> Html {
    let c = &props.claim;
    html! {
        <li class="fs-account" id={c.item.anchor.clone()}>
            <p class="fs-account-who">
                { &c.reported_by }
                if let Some(who) = &c.unnamed_claimant { { ": " }{ who } }
            </p>
            <Cited item={c.item.clone()} subject={c.summary.clone()}>
                <span class="fs-sr">{ "Sources for " }</span>
                <span class="fs-claim-summary">{ &c.summary }</span>
            </Cited>
            if props.full {
                { for c.item.citations.iter().map(|cite| html! {
                    <blockquote class="fs-account-quote">{ &cite.quote.0 }{ &cite.quote.1 }{ &cite.quote.2 }</blockquote>
                }) }
            }
            <p class="fs-badges">
                { for c.item.statuses.iter().map(|s| html! { <StatusBadge status={*s} /> }) }
            </p>
        </li>
    }
}
