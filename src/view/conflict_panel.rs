use yew::prelude::*;

#[derive(Clone, PartialEq, Properties)]
pub struct ConflictPanelProps {
    pub title: AttrValue,
    /// The disagreeing accounts, shown side by side.
    pub children: Html,
}

/// Accounts that disagree, next to each other, under what they are about.
#[function_component(ConflictPanel)]
pub fn conflict_panel(props: &ConflictPanelProps) -> Html {
    html! {
        <section class="fs-conflict">
            <p class="fs-conflict-title"><span aria-hidden="true">{ "\u{21C4} " }</span>{ &props.title }</p>
            <div class="fs-conflict-sides">{ props.children.clone() }</div>
        </section>
    }
}
