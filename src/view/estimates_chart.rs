use yew::prelude::*;

use super::present::{BarView, ChartView};

#[derive(Clone, PartialEq, Properties)]
pub struct EstimatesChartProps {
    pub chart: ChartView,
}

/// Drawing area of the chart, in SVG user units. Coordinates are whole units (a 600-unit
/// width draws to a pixel or better on any screen), which keeps float formatting out of the
/// wasm.
const WIDTH: i32 = 600;
const ROW: i32 = 64;
const BAR: i32 = 18;
const LEFT: i32 = 4;
const VALUE_ROOM: i32 = 12;

fn x(value: f64, max: f64) -> i32 {
    if max <= 0.0 {
        LEFT
    } else {
        LEFT + (value / max * f64::from(WIDTH - LEFT - VALUE_ROOM)).round() as i32
    }
}

/// The estimates of one conflict side by side: one bar per origin and date, parts (dead,
/// wounded) stacked, and words such as "several hundred" drawn as a hatched range with no
/// hard edge, so they cannot be read as a precise number.
#[function_component(EstimatesChart)]
pub fn estimates_chart(props: &EstimatesChartProps) -> Html {
    let chart = &props.chart;
    let height = ROW * chart.bars.len() as i32 + 8;
    let title_id = format!("chart-{}-title", chart.id);
    let desc_id = format!("chart-{}-desc", chart.id);
    let pattern_id = format!("chart-{}-vague", chart.id);
    let description: Vec<String> = chart.bars.iter().map(describe).collect();
    html! {
        <figure class="fs-chart">
            <svg viewBox={format!("0 0 {WIDTH} {height}")} role="img"
                 aria-labelledby={format!("{title_id} {desc_id}")} preserveAspectRatio="xMinYMin meet">
                <title id={title_id}>{ &chart.title }</title>
                <desc id={desc_id}>{ description.join(" ") }</desc>
                <defs>
                    <pattern id={pattern_id.clone()} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <rect width="6" height="6" class="fs-vague-bg" />
                        <line x1="0" y1="0" x2="0" y2="6" class="fs-vague-line" />
                    </pattern>
                </defs>
                { for chart.bars.iter().enumerate().map(|(i, bar)| row(bar, i, chart.max, &pattern_id)) }
            </svg>
            { for vague_notes(chart) }
        </figure>
    }
}

/// Says how vague words were drawn, so a reader knows the range is the sheet's reading.
fn vague_notes(chart: &ChartView) -> impl Iterator<Item = Html> + '_ {
    chart.bars.iter().flat_map(|bar| {
        bar.segments.iter().filter(|s| s.vague).map(move |s| {
            let basis = s.basis.clone().unwrap_or_default();
            html! {
                <figcaption>{ "Hatched: " }{ &bar.origin }{ ", \u{201C}" }{ &s.number }{ "\u{201D}. " }{ basis }</figcaption>
            }
        })
    })
}

fn describe(bar: &BarView) -> String {
    let parts: Vec<String> = bar
        .segments
        .iter()
        .map(|s| format!("{} {}", s.number, s.label))
        .collect();
    format!("{}, {}: {}.", bar.origin, bar.as_of, parts.join(", "))
}

fn row(bar: &BarView, index: usize, max: f64, pattern: &str) -> Html {
    let top = index as i32 * ROW + 4;
    let bar_y = top + 24;
    let mut start = 0.0;
    let mut shapes = Vec::new();
    for (i, seg) in bar.segments.iter().enumerate() {
        let class = if seg.vague {
            "fs-seg fs-seg--vague".to_string()
        } else {
            format!("fs-seg fs-seg--{}", i % 2)
        };
        let (from, to) = if seg.vague {
            (seg.low, seg.high)
        } else {
            (start, start + seg.high)
        };
        let fill = if seg.vague {
            format!("url(#{pattern})")
        } else {
            String::new()
        };
        shapes.push(html! {
            <rect class={class} x={x(from, max).to_string()} y={bar_y.to_string()}
                  width={(x(to, max) - x(from, max)).max(2).to_string()} height={BAR.to_string()}
                  fill={if fill.is_empty() { None } else { Some(AttrValue::from(fill)) }} />
        });
        if !seg.vague {
            start += seg.high;
        }
    }
    let values: Vec<String> = bar
        .segments
        .iter()
        .map(|s| format!("{} {}", s.number, s.label))
        .collect();
    html! {
        <g class="fs-bar">
            <text x={LEFT.to_string()} y={(top + 16).to_string()} class="fs-bar-label">
                { &bar.origin }<tspan class="fs-bar-value">{ ": " }{ values.join(" + ") }</tspan>
            </text>
            { for shapes }
            <text x={LEFT.to_string()} y={(bar_y + BAR + 14).to_string()} class="fs-bar-note">
                { &bar.as_of }
                if let Some(note) = &bar.shared_origin_note { { ". " }{ note } }
            </text>
        </g>
    }
}
