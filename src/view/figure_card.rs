use yew::prelude::*;

use super::cited::Cited;
use super::present::FigureView;
use super::status_badge::StatusBadge;

#[derive(Clone, PartialEq, Properties)]
pub struct FigureCardProps {
    pub figure: FigureView,
}

/// One key figure as a compact row, inside its list item (`PieceShell`): the number with its
/// hedge (the button that opens its sources), what it counts, who says so in each outlet and
/// when, and its statuses.
#[function_component(FigureCard)]
pub fn figure_card(props: &FigureCardProps) -> Html {
    let f = &props.figure;
    html! {
        <>
            <Cited item={f.item.clone()} subject={f.subject.clone()}>
                <span class="fs-sr">{ "Sources for " }</span>
                if let Some(q) = &f.qualifier { <span class="fs-qualifier">{ q }{ " " }</span> }
                <span class="fs-number">{ &f.number }</span>{ " " }
                <span class="fs-unit">{ &f.unit }</span>
            </Cited>
            <p class="fs-label">{ &f.label }</p>
            <p class="fs-row-meta">
                { for f.attributions.iter().map(|a| html! {
                    <span class="fs-attribution">
                        <span class="fs-outlet">{ &a.outlet }</span>{ ": " }
                        if let Some(h) = &a.hedge { { "\u{201C}" }{ h }{ "\u{201D}, " } }
                        { &a.claimants }
                        if let Some(via) = &a.via { { " " }{ via } }
                        if let Some(when) = &a.when { { ", " }{ when } }
                    </span>
                }) }
                if let Some(when) = &f.when { <span class="fs-attribution">{ when }</span> }
                { for f.item.statuses.iter().map(|s| html! { <StatusBadge status={*s} /> }) }
            </p>
        </>
    }
}
