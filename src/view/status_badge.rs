use yew::prelude::*;

use crate::model::Status;

#[derive(Clone, PartialEq, Properties)]
pub struct StatusBadgeProps {
    pub status: Status,
}

/// The icon for a status: a shape as well as a colour, so no status is told by colour alone.
pub fn icon(status: Status) -> &'static str {
    match status {
        Status::Disputed => "\u{21C4}",
        Status::Unverified => "?",
        Status::NotAcknowledged => "\u{2298}",
        Status::Corroborated => "\u{2713}",
        Status::SingleOrigin => "\u{2460}",
    }
}

/// A status as icon and word.
#[function_component(StatusBadge)]
pub fn status_badge(props: &StatusBadgeProps) -> Html {
    let class = format!("fs-status fs-status--{}", props.status.key());
    html! {
        <span class={class}>
            <span class="fs-status-icon" aria-hidden="true">{ icon(props.status) }</span>
            { props.status.label() }
        </span>
    }
}
