use yew::prelude::*;

use super::present::SourceNotes;

#[derive(Clone, PartialEq, Properties)]
pub struct PrintNotesProps {
    pub notes: Vec<SourceNotes>,
}

/// Paper only (the stylesheet shows it in print and nowhere else): the sources as numbered
/// notes, each with its quotes once and what each supports. Popovers are not printed, so
/// this is where a printed card's quotes are, each once.
#[function_component(PrintNotes)]
pub fn print_notes(props: &PrintNotesProps) -> Html {
    html! {
        <section class="fs-print-notes">
            <p class="fs-section-title">{ "Sources and their words" }</p>
            <ol class="fs-notes">
                { for props.notes.iter().map(|source| html! {
                    <li>
                        <p class="fs-note-source">
                            <strong>{ &source.outlet }</strong>{ ", \u{201C}" }{ &source.title }{ "\u{201D}, " }
                            { &source.dated }{ " " }{ &source.byline }{ ". " }
                            { source.url.clone().unwrap_or_else(|| "No link given.".into()) }
                        </p>
                        <ul class="fs-note-quotes">
                            { for source.quotes.iter().map(|q| html! {
                                <li>
                                    // As written, with any quotation marks the source has.
                                    <span class="fs-note-quote">{ &q.quote }</span>
                                    if let Some(via) = &q.via { { " (" }{ via }{ ")" } }
                                    <span class="fs-note-supports">{ " For: " }{ q.supports.join("; ") }</span>
                                </li>
                            }) }
                        </ul>
                    </li>
                }) }
            </ol>
        </section>
    }
}
