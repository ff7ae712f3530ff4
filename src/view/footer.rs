use yew::prelude::*;

#[derive(Clone, PartialEq, Properties)]
pub struct FooterProps {
    /// Who compiled the sheet, when it was last updated and where corrections go, as the
    /// sheet gives them (each line "Compiled by …"); empty when it gives none.
    #[prop_or_default]
    pub credits: Vec<AttrValue>,
    /// The theme toggle.
    pub children: Html,
}

/// Who made the sheet, and the card's controls.
#[function_component(Footer)]
pub fn footer(props: &FooterProps) -> Html {
    html! {
        <footer class="fs-footer">
            if !props.credits.is_empty() {
                <p class="fs-credits">
                    { for props.credits.iter().map(|c| html! { <span>{ c }</span> }) }
                </p>
            }
            { props.children.clone() }
        </footer>
    }
}
