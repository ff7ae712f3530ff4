use yew::prelude::*;

#[derive(Clone, PartialEq, Properties)]
pub struct ErrorCardProps {
    /// One sentence: what could not be shown.
    pub title: AttrValue,
    /// Each problem, with where it is and how to fix it.
    pub problems: Vec<AttrValue>,
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
        </article>
    }
}
