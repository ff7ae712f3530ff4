use yew::prelude::*;

use super::cited::Cited;
use super::present::{ChartView, EstimateView, PartView};
use super::status_badge::StatusBadge;

#[derive(Clone, PartialEq, Properties)]
pub struct EstimatesChartProps {
    pub chart: ChartView,
}

/// The gap between stacked parts of one bar, in thousandths of the scale: enough to tell two
/// parts apart without telling them by colour.
const GAP: u32 = 8;

/// Estimates that disagree, as HTML text at the card's body size beside bars drawn on one
/// scale: grouped by origin, in time order, every part its figure's button, every colour and
/// the hatching in the key. The bars are drawings only (hidden from screen readers): the
/// text says everything they show.
#[function_component(EstimatesChart)]
pub fn estimates_chart(props: &EstimatesChartProps) -> Html {
    let chart = &props.chart;
    html! {
        <figure class="fs-chart" aria-labelledby={format!("conflict-{}-title", chart.id)}>
            <ul class="fs-chart-groups">
                { for chart.groups.iter().map(|group| html! {
                    <li class="fs-chart-group">
                        <p class="fs-chart-origin">
                            { &group.origin }
                            // One estimate: its date beside its origin, a line saved. Who in
                            // the origin said it is in its popover.
                            if let [only] = group.estimates.as_slice() {
                                <span class="fs-estimate-when">{ " \u{00B7} " }{ &only.when }</span>
                            }
                        </p>
                        <ul class="fs-estimates">
                            { for group.estimates.iter().map(|e| estimate(e, group.estimates.len() > 1)) }
                        </ul>
                    </li>
                }) }
            </ul>
            <figcaption class="fs-key">
                <ul class="fs-key-list">
                    { for chart.key.iter().map(|k| html! {
                        <li>
                            <span class={swatch_class(k.swatch, k.vague)} aria-hidden="true"></span>
                            { &k.label }
                        </li>
                    }) }
                </ul>
                <p>{ &chart.scale }</p>
            </figcaption>
        </figure>
    }
}

fn swatch_class(swatch: usize, vague: bool) -> String {
    if vague {
        format!("fs-swatch fs-swatch--{swatch} fs-swatch--vague")
    } else {
        format!("fs-swatch fs-swatch--{swatch}")
    }
}

/// "January 4, 2025", or "“last week” (date not stated), Volodymyr Zelenskyy".
fn when(e: &EstimateView) -> String {
    match &e.claimant {
        Some(who) => format!("{}, {who}", e.when),
        None => e.when.clone(),
    }
}

fn estimate(e: &EstimateView, dated: bool) -> Html {
    html! {
        <li class="fs-estimate">
            if dated {
                <p class="fs-estimate-when">{ when(e) }{ ":" }</p>
            }
            <ul class="fs-parts">
                { for e.parts.iter().map(part) }
            </ul>
            { bar(e) }
        </li>
    }
}

fn part(p: &PartView) -> Html {
    let f = &p.figure;
    html! {
        <li class="fs-part" id={f.item.anchor.clone()}>
            <Cited item={f.item.clone()} subject={f.subject.clone()}>
                <span class={swatch_class(p.swatch, p.vague)} aria-hidden="true"></span>
                <span class="fs-sr">{ "Sources for " }</span>
                if let Some(q) = &f.qualifier { <span class="fs-qualifier">{ q }{ " " }</span> }
                <span class="fs-number">{ &f.number }</span>{ " " }<span class="fs-unit">{ &f.unit }</span>
            </Cited>
            { for p.badges.iter().map(|s| html! { <StatusBadge status={*s} /> }) }
            if let Some(reading) = &p.reading { <span class="fs-reading">{ reading }</span> }
        </li>
    }
}

/// One estimate's bar: its parts stacked, a range hatched between its bounds.
fn bar(e: &EstimateView) -> Html {
    let pattern = e
        .parts
        .first()
        .map(|p| format!("hatch-{}", p.figure.item.anchor))
        .unwrap_or_default();
    let hatch = e.parts.iter().find(|p| p.vague).map_or(0, |p| p.swatch);
    let last = e.parts.len().saturating_sub(1);
    html! {
        <svg class="fs-track" viewBox="0 0 1000 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
            if e.parts.iter().any(|p| p.vague) {
                <defs>
                    <pattern id={pattern.clone()} width="12" height="10" patternUnits="userSpaceOnUse">
                        <rect width="12" height="10" class="fs-hatch-bg" />
                        <rect width="5" height="10" class={format!("fs-seg--{hatch}")} />
                    </pattern>
                </defs>
            }
            { for e.parts.iter().enumerate().map(|(i, p)| {
                let gap = if i < last && !p.vague { GAP } else { 0 };
                let width = p.to.saturating_sub(p.from).saturating_sub(gap).max(4);
                let class = if p.vague {
                    "fs-seg fs-seg--range".to_string()
                } else {
                    format!("fs-seg fs-seg--{}", p.swatch)
                };
                html! {
                    <rect class={class} x={p.from.to_string()} y="0" width={width.to_string()} height="10"
                          fill={p.vague.then(|| AttrValue::from(format!("url(#{pattern})")))} />
                }
            }) }
        </svg>
    }
}
