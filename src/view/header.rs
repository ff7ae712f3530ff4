use yew::prelude::*;

use super::cited::Cited;
use super::present::SummaryView;

/// How the card joins the host page's outline of headings (`data-headings`). The card has one
/// heading, its headline, so it adds at most one level to the host's outline; its parts are
/// not headings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Headings {
    /// The headline is a heading of this level, 2 to 6 (the reader's `h2`..`h6`).
    Level(u8),
    /// No heading at all: for hosts whose outline the card must not touch.
    None,
}

impl Default for Headings {
    /// Level 2: the card sits in an article whose title is the page's `h1`.
    fn default() -> Self {
        Headings::Level(2)
    }
}

impl Headings {
    /// The headline's element: a heading, or a paragraph styled the same.
    pub fn tag(self) -> &'static str {
        match self {
            Headings::Level(3) => "h3",
            Headings::Level(4) => "h4",
            Headings::Level(5) => "h5",
            Headings::Level(6) => "h6",
            Headings::Level(_) => "h2",
            Headings::None => "p",
        }
    }

    /// The setting as `data-headings` spells it (and the pre-render records it).
    pub fn key(self) -> &'static str {
        match self {
            Headings::None => "none",
            level => level.tag(),
        }
    }
}

#[derive(Clone, PartialEq, Properties)]
pub struct HeaderProps {
    pub headline: AttrValue,
    pub summary: SummaryView,
    pub place: AttrValue,
    pub dateline: AttrValue,
    #[prop_or_default]
    pub headings: Headings,
}

/// The id of the headline, which names the card's landmark.
pub const HEADLINE_ID: &str = "fs-headline";

/// The kicker (place and dates; the sources are named by their disclosure), the headline, and the summary with its day and the
/// button that opens the quotes it rests on.
#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let summary = &props.summary;
    html! {
        <header class="fs-header">
            <p class="fs-kicker">
                <span>{ &props.place }</span>
                <span>{ &props.dateline }</span>
            </p>
            <@{props.headings.tag()} class="fs-headline" id={HEADLINE_ID}>{ &props.headline }</@>
            // A div, not a p: the button's popover is a div, which would end a p early in
            // the pre-rendered HTML, and the wasm would not find the card it rendered.
            <div class="fs-summary" id={summary.item.anchor.clone()}>
                if let Some(when) = &summary.when { <strong class="fs-summary-when">{ when }{ ": " }</strong> }
                { &summary.text }{ " " }
                <Cited item={summary.item.clone()} subject="the summary">
                    <span class="fs-sources-link">{ "Sources" }</span><span class="fs-sr">{ " for the summary" }</span>
                </Cited>
            </div>
        </header>
    }
}
