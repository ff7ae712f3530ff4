use yew::prelude::*;

use super::present::{CitationView, ItemView};
use super::status_badge::StatusBadge;

#[derive(Clone, PartialEq, Properties)]
pub struct CitationPopoverProps {
    pub item: ItemView,
    /// What the citations are for, e.g. "as many as 12,000 troops".
    pub subject: AttrValue,
}

/// What a "Copy link" or "Cite this" press offered the reader.
#[derive(Clone, Debug, PartialEq)]
struct Offered {
    kind: Offer,
    text: String,
    /// On the clipboard; otherwise shown selected, for the reader to copy.
    copied: bool,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Offer {
    Link,
    Citation,
}

impl Offered {
    fn message(&self) -> &'static str {
        match (self.kind, self.copied) {
            (Offer::Link, true) => "Link copied.",
            (Offer::Citation, true) => "Citation copied.",
            (Offer::Link, false) => "Copy the link below (Ctrl+C or \u{2318}C).",
            (Offer::Citation, false) => "Copy the citation below (Ctrl+C or \u{2318}C).",
        }
    }
}

/// The citations of one figure or claim: a labelled, non-modal dialog (not a tooltip,
/// because it holds buttons and can hold links) and a `popover`, with a close button, "Copy
/// link" and "Cite this". Rendered while closed too, so that print and no-script readers still
/// get every citation (the buttons, which need the script, are hidden there by the CSS).
/// Which of its buttons Tab reaches, and where it shows, is the loader's script's doing.
#[function_component(CitationPopover)]
pub fn citation_popover(props: &CitationPopoverProps) -> Html {
    let item = &props.item;
    let title_id = format!("{}-title", item.popover_id);
    let offered = use_state(|| None::<Offered>);
    let offered_text = use_node_ref();
    let node = use_node_ref();
    {
        // What was offered belongs to one opening: closing forgets it.
        let offered = offered.clone();
        let node = node.clone();
        use_effect_with((), move |_| {
            #[cfg(target_arch = "wasm32")]
            let closing = node.cast::<web_sys::Element>().map(|popover| {
                let watched = popover.clone();
                gloo::events::EventListener::new(&popover, "toggle", move |_| {
                    if !watched.matches(":popover-open").unwrap_or(false) {
                        offered.set(None);
                    }
                })
            });
            #[cfg(not(target_arch = "wasm32"))]
            let closing = Some((node, offered));
            move || drop(closing)
        });
    }
    {
        // Not on the clipboard: the text is selected in its field, ready for Ctrl+C.
        let field = offered_text.clone();
        use_effect_with((*offered).clone(), move |offered| {
            if offered.as_ref().is_some_and(|o| !o.copied) {
                if let Some(field) = field.cast::<web_sys::HtmlTextAreaElement>() {
                    let _ = field.focus();
                    field.select();
                }
            }
        });
    }
    let offer = |kind: Offer| {
        let offered = offered.clone();
        let anchor = item.anchor.clone();
        let citation = plain_citation(&item.citations);
        Callback::from(move |_: MouseEvent| {
            #[cfg(target_arch = "wasm32")]
            {
                let text = match kind {
                    Offer::Link => super::clipboard::link_to(&anchor).unwrap_or_default(),
                    Offer::Citation => citation.clone(),
                };
                let offered = offered.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let copied = super::clipboard::copy(&text).await;
                    offered.set(Some(Offered { kind, text, copied }));
                });
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (kind, &offered, &anchor, &citation);
        })
    };
    html! {
        // Focusable (not in the tab order) so that a click on its text keeps focus inside
        // the figure, which would otherwise close it: the reader can select and copy a quote.
        <div class="fs-popover" role="dialog" aria-modal="false" id={item.popover_id.clone()}
             aria-labelledby={title_id.clone()} popover="auto" tabindex="-1" ref={node}>
            <div class="fs-popover-head">
                <p class="fs-popover-title" id={title_id}>{ "Sources for " }{ &props.subject }</p>
                <button type="button" class="fs-popover-close"
                        popovertarget={item.popover_id.clone()} popovertargetaction="hide">
                    { "Close" }
                </button>
            </div>
            // The body scrolls, not the popover: a scrolling popover would clip its own
            // bridge over the gap to the button (`::before`), and the pointer crossing that
            // gap would close it.
            <div class="fs-popover-body">
                <ol class="fs-citations">
                    { for item.citations.iter().map(citation) }
                </ol>
                <div class="fs-popover-status">
                    { for item.statuses.iter().map(|s| html! { <StatusBadge status={*s} /> }) }
                    <p class="fs-why">{ &item.why }</p>
                </div>
            </div>
            <div class="fs-popover-actions">
                <button type="button" class="fs-action" onclick={offer(Offer::Link)}>
                    { "Copy link" }
                </button>
                <button type="button" class="fs-action" onclick={offer(Offer::Citation)}>
                    { "Cite this" }
                </button>
                <p class="fs-offered" role="status">
                    { offered.as_ref().map(Offered::message).unwrap_or_default() }
                </p>
                if let Some(o) = offered.as_ref() {
                    <textarea class="fs-offered-text" readonly=true ref={offered_text}
                              aria-label={if o.kind == Offer::Link { "Link" } else { "Citation" }}
                              rows={if o.kind == Offer::Link { "2" } else { "4" }}
                              value={o.text.clone()} />
                }
            </div>
        </div>
    }
}

/// The citations as plain text, one line per outlet: the outlet (and who passed it on), the
/// title, the date line as the source prints it ("Date not stated" when it prints none), the
/// quote, and the link when the sheet gives one. Only what the sheet says.
pub fn plain_citation(citations: &[CitationView]) -> String {
    citations
        .iter()
        .map(|c| {
            let (before, marked, after) = &c.quote;
            let via = c
                .via
                .as_ref()
                .map(|v| format!(" ({v})"))
                .unwrap_or_default();
            let url = c.url.as_ref().map(|u| format!(", {u}")).unwrap_or_default();
            format!(
                "{}{via}, \"{}\", {}: \"{before}{marked}{after}\"{url}",
                c.outlet, c.title, c.dated
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
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

#[cfg(test)]
mod tests {
    use super::plain_citation;
    use crate::model::load;
    use crate::view::present::present;

    const FIXTURE: &str = include_str!("../../tests/fixtures/sheet.json");

    #[test]
    fn a_citation_as_text_names_outlet_title_date_and_the_whole_quote_per_line() {
        let sheet = load("sheet.json", FIXTURE.as_bytes(), None).unwrap();
        let view = present(&sheet, "en");
        let items = view
            .figures
            .iter()
            .map(|f| &f.item)
            .chain(view.claims.iter().map(|c| &c.item));
        let mut seen_via = false;
        for item in items {
            let text = plain_citation(&item.citations);
            let lines: Vec<&str> = text.lines().collect();
            assert_eq!(lines.len(), item.citations.len(), "{text}");
            for (line, c) in lines.iter().zip(&item.citations) {
                let quote = format!("\"{}{}{}\"", c.quote.0, c.quote.1, c.quote.2);
                assert!(line.starts_with(&c.outlet), "{line}");
                for part in [&c.title, &c.dated, &quote] {
                    assert!(line.contains(part.as_str()), "{part:?} not in {line:?}");
                }
                if let Some(via) = &c.via {
                    seen_via = true;
                    assert!(line.contains(via.as_str()), "{via:?} not in {line:?}");
                }
                assert_eq!(c.url.is_some(), line.contains("http"), "{line}");
            }
        }
        assert!(seen_via, "the fixture has a citation passed on by someone");
    }
}
