use yew::prelude::*;

use super::cited::Cited;
use super::popover_state::Action;
use super::present::FigureView;
use super::status_badge::StatusBadge;

#[derive(Clone, PartialEq, Properties)]
pub struct FigureCardProps {
    pub figure: FigureView,
    pub open: bool,
    pub dispatch: Callback<Action>,
}

/// One key figure: the number with its hedge, what it counts, who says so and when, and how
/// far it is verified.
#[function_component(FigureCard)]
pub fn figure_card(props: &FigureCardProps) -> Html {
    let f = &props.figure;
    let subject = match &f.qualifier {
        Some(q) => format!("{q} {} {}", f.number, f.unit),
        None => format!("{} {}", f.number, f.unit),
    };
    html! {
        <article class={format!("fs-figure fs-figure--{}", f.item.statuses.first().map_or("none", |s| s.key()))} id={f.item.anchor.clone()}>
            <Cited item={f.item.clone()} subject={subject} open={props.open} dispatch={props.dispatch.clone()}>
                if let Some(q) = &f.qualifier { <span class="fs-qualifier">{ q }</span> }
                <span class="fs-number">{ &f.number }</span>
                <span class="fs-unit">{ &f.unit }</span>
            </Cited>
            <p class="fs-label">{ &f.label }</p>
            <p class="fs-meta">
                <span class="fs-claimant">{ "Claimed by " }{ &f.item.claimant }</span>
                <span class="fs-asof">{ &f.as_of }</span>
                if let Some(note) = &f.qualifier_note { <span class="fs-hedges">{ "Hedges: " }{ note }</span> }
            </p>
            { for f.item.statuses.iter().map(|s| html! { <StatusBadge status={*s} /> }) }
            <p class="fs-origin">{ &f.item.origin_note }</p>
        </article>
    }
}
