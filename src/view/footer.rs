use yew::prelude::*;

use super::present::CreditsView;

#[derive(Clone, PartialEq, Properties)]
pub struct FooterProps {
    /// Who compiled the sheet, when it was last updated and where corrections go, as far
    /// as the sheet says.
    #[prop_or_default]
    pub credits: Option<CreditsView>,
    /// The theme toggle.
    pub children: Html,
}

/// Who made the sheet, and the card's controls.
#[function_component(Footer)]
pub fn footer(props: &FooterProps) -> Html {
    html! {
        <footer class="fs-footer">
            if let Some(c) = &props.credits {
                <p class="fs-credits">
                    if let Some(who) = &c.compiled_by { <span>{ who }</span> }
                    if let Some(updated) = &c.updated { <span>{ updated }</span> }
                    if let Some((words, href)) = &c.corrections {
                        <span><a href={href.clone()} rel="noopener noreferrer" target="_blank">{ words }</a></span>
                    }
                </p>
            }
            { props.children.clone() }
        </footer>
    }
}
