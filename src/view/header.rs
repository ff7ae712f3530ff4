use yew::prelude::*;

#[derive(Clone, PartialEq, Properties)]
pub struct HeaderProps {
    pub headline: AttrValue,
    pub summary: AttrValue,
    pub place: AttrValue,
    pub dateline: AttrValue,
    pub outlets: AttrValue,
}

/// The kicker (place, dates, sources), the headline and the summary.
#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    html! {
        <header class="fs-header">
            <p class="fs-kicker">
                <span>{ &props.place }</span>
                <span>{ &props.dateline }</span>
                <span>{ &props.outlets }</span>
            </p>
            <h2 class="fs-headline">{ &props.headline }</h2>
            <p class="fs-summary">{ &props.summary }</p>
        </header>
    }
}
