use yew::prelude::*;

use super::present::{CitationView, ItemView};
use super::status_badge::StatusBadge;

#[derive(Clone, PartialEq, Properties)]
pub struct CitationPopoverProps {
    pub item: ItemView,
    /// What the citations are for, e.g. "as many as 12,000 troops".
    pub subject: AttrValue,
    pub open: bool,
    pub node: NodeRef,
}

/// The citations of one figure or claim: a labelled, non-modal dialog (not a tooltip,
/// because it can hold links). Rendered while closed too, hidden, so that print and
/// no-script readers still get every citation.
#[function_component(CitationPopover)]
pub fn citation_popover(props: &CitationPopoverProps) -> Html {
    let item = &props.item;
    let title_id = format!("{}-title", item.popover_id);
    html! {
        <div class="fs-popover" role="dialog" aria-modal="false" id={item.popover_id.clone()}
             aria-labelledby={title_id.clone()} hidden={!props.open} ref={props.node.clone()}>
            // The body scrolls, not the popover: a scrolling popover would clip its own
            // bridge over the gap to the button (`::before`), and the pointer crossing that
            // gap would close it.
            <div class="fs-popover-body">
                <p class="fs-popover-title" id={title_id}>{ "Sources for " }{ &props.subject }</p>
                <ol class="fs-citations">
                    { for item.citations.iter().map(citation) }
                </ol>
                <div class="fs-popover-status">
                    { for item.statuses.iter().map(|s| html! { <StatusBadge status={*s} /> }) }
                    <p class="fs-why">{ &item.why }</p>
                </div>
            </div>
        </div>
    }
}

fn citation(c: &CitationView) -> Html {
    let (before, marked, after) = &c.quote;
    html! {
        <li class="fs-citation">
            <p class="fs-citation-source">
                <strong>{ &c.outlet }</strong>
                if let Some(via) = &c.via { { " " }<span class="fs-via">{ via }</span> }
                <br />
                if let Some(url) = &c.url {
                    <a href={url.clone()} rel="noopener noreferrer" target="_blank">{ &c.title }</a>
                } else {
                    <cite>{ &c.title }</cite>
                }
                <br />
                <span class="fs-dated">{ &c.dated }</span>
            </p>
            <blockquote class="fs-quote">
                { before }
                if !marked.is_empty() { <mark>{ marked }</mark> }
                { after }
            </blockquote>
        </li>
    }
}
