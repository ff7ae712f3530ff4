use yew::prelude::*;

#[derive(Clone, PartialEq, Properties)]
pub struct ErrorCardProps {
    /// One sentence: what could not be shown.
    pub title: AttrValue,
    /// Each problem, with where it is and how to fix it.
    pub problems: Vec<AttrValue>,
    /// Offered as a "Try again" button where trying again could help (the sheet's server
    /// did not answer or failed).
    #[prop_or_default]
    pub on_retry: Option<Callback<()>>,
}

/// Shown in place of the card when its sheet or its attributes are wrong, in that instance
/// only.
#[function_component(ErrorCard)]
pub fn error_card(props: &ErrorCardProps) -> Html {
    html! {
        <article class="factsheet fs-error" role="alert" data-theme="auto">
            <p class="fs-kicker">{ "Fact sheet unavailable" }</p>
            <h2 class="fs-headline">{ &props.title }</h2>
            <ul class="fs-problems">
                { for props.problems.iter().map(|p| html! { <li><pre>{ p }</pre></li> }) }
            </ul>
            if let Some(retry) = &props.on_retry {
                <button type="button" class="fs-retry" onclick={retry.reform(|_: MouseEvent| ())}>
                    { "Try again" }
                </button>
            }
        </article>
    }
}
