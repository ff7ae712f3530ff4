use yew::prelude::*;

use super::status_badge::StatusBadge;
use crate::model::Status;

#[derive(Clone, PartialEq, Properties)]
pub struct LegendProps {
    /// "Volodymyr Zelenskyy: also called Zelenskiy, …" lines.
    pub aliases: Vec<(AttrValue, AttrValue)>,
}

/// What each status means, how the sheet is checked, and the names' other spellings.
#[function_component(Legend)]
pub fn legend(props: &LegendProps) -> Html {
    html! {
        <div class="fs-legend">
            <dl class="fs-legend-list">
                { for Status::ALL.iter().map(|s| html! {
                    <div><dt><StatusBadge status={*s} /></dt><dd>{ s.rule() }</dd></div>
                }) }
            </dl>
            <p class="fs-how">{ "Every quote is checked word for word against the full text of its source before the sheet is published. Every number appears in its quote as written. Statuses are worked out from the evidence, not typed: two outlets that repeat one origin count as one confirmation, and a spy agency counts as the same origin as its government. Where a source gives no date, link or byline, the sheet says so instead of filling one in." }</p>
            if !props.aliases.is_empty() {
                <p class="fs-aliases-title">{ "Names as the sources spell them" }</p>
                <ul class="fs-aliases">
                    { for props.aliases.iter().map(|(name, also)| html! {
                        <li>{ name }{ ": " }{ also }</li>
                    }) }
                </ul>
            }
        </div>
    }
}
