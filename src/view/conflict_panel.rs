use yew::prelude::*;

#[derive(Clone, PartialEq, Properties)]
pub struct ConflictPanelProps {
    /// The id of the title, for what it holds to be named by (the chart).
    pub title_id: AttrValue,
    pub title: AttrValue,
    /// The disagreeing estimates (a chart) or accounts (side by side).
    pub children: Html,
}

/// One disagreement under its title, inside its box (`PieceShell`).
#[function_component(ConflictPanel)]
pub fn conflict_panel(props: &ConflictPanelProps) -> Html {
    html! {
        <>
            <p class="fs-conflict-title" id={props.title_id.clone()}><span aria-hidden="true">{ "\u{21C4} " }</span>{ &props.title }</p>
            { props.children.clone() }
        </>
    }
}
