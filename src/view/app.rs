use std::rc::Rc;

use yew::prelude::*;

use crate::model::Sheet;

#[derive(Clone, PartialEq, Properties)]
pub struct AppProps {
    pub sheet: Rc<Sheet>,
}

/// The whole card for one sheet.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let sheet = &props.sheet;
    html! {
        <article class="factsheet">
            <h2 class="fs-headline">{ &sheet.story.headline }</h2>
            <p class="fs-summary">{ &sheet.story.summary }</p>
            <ul class="fs-figures">
                { for sheet.figures.iter().map(|f| html! {
                    <li class="fs-figure" id={format!("fig-{}", f.id)}>
                        <span class="fs-number">{ f.value.written() }</span>
                        <span class="fs-label">{ &f.label }</span>
                    </li>
                }) }
            </ul>
        </article>
    }
}
