use yew::prelude::*;

use super::present::SourceView;

#[derive(Clone, PartialEq, Properties)]
pub struct SourcesListProps {
    pub sources: Vec<SourceView>,
}

/// Every outlet the sheet cites, with what it gives and does not give, and the figures it
/// supports.
#[function_component(SourcesList)]
pub fn sources_list(props: &SourcesListProps) -> Html {
    html! {
        <ul class="fs-sources">
            { for props.sources.iter().map(|s| html! {
                <li class="fs-source" id={format!("source-{}", s.id)}>
                    <strong>{ &s.outlet }</strong>{ ": " }
                    if let Some(url) = &s.url {
                        <a href={url.clone()} rel="noopener noreferrer" target="_blank">{ &s.title }</a>
                    } else {
                        <cite>{ &s.title }</cite>
                    }
                    <span class="fs-source-meta">{ &s.dated }{ " " }{ &s.byline }{ ". " }
                        if s.url.is_none() { { "No link given." } }
                    </span>
                    if !s.supports.is_empty() {
                        <span class="fs-source-supports">{ "Supports: " }{ s.supports.join("; ") }</span>
                    }
                </li>
            }) }
        </ul>
    }
}
