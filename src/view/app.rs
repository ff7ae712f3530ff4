use std::rc::Rc;

use yew::prelude::*;

use super::disclosure::Disclosure;
use super::footer::Footer;
use super::header::{Header, Headings, HEADLINE_ID};
use super::legend::Legend;
use super::piece::{piece_in_place, PieceKind, Pieces};
use super::present::{notes, present, SheetView, SourceNotes};
use super::print_notes::PrintNotes;
use super::skip_link::SkipLink;
use super::sources_list::SourcesList;
use super::theme::{use_theme, Scheme, Theme};
use super::theme_toggle::ThemeToggle;
use crate::model::Sheet;

/// How much of the card shows at first: the glance, with the rest in disclosures one tap
/// away, or everything (`data-view="full"`, for pages that want the whole sheet open).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    #[default]
    Glance,
    Full,
}

impl View {
    pub fn key(self) -> &'static str {
        match self {
            View::Glance => "glance",
            View::Full => "full",
        }
    }
}

#[derive(Clone, PartialEq, Properties)]
pub struct AppProps {
    pub sheet: Rc<Sheet>,
    /// Language for numbers and dates (a BCP 47 tag such as "en" or "de-CH").
    #[prop_or(AttrValue::Static("en"))]
    pub lang: AttrValue,
    #[prop_or_default]
    pub theme: Theme,
    #[prop_or_default]
    pub view: View,
    /// The headline's level in the host's outline, or no heading (`data-headings`).
    #[prop_or_default]
    pub headings: Headings,
    /// Called once the card is in the DOM and interactive.
    #[prop_or_default]
    pub on_ready: Callback<()>,
    /// How its pieces (each key figure, dispute and claim) are rendered: by this app, or by
    /// apps of their own.
    #[prop_or_default]
    pub pieces: Pieces,
}

/// The whole card for one sheet: the glance (what happened, the key figures, where accounts
/// disagree), then the rest in disclosures, then who made it.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let view: Rc<SheetView> = {
        let sheet = props.sheet.clone();
        let lang = props.lang.clone();
        use_memo((sheet, lang), |(sheet, lang)| present(sheet, lang))
    };
    let root = use_node_ref();
    // Host page: the theme shown, the skip link's target.
    let (theme, toggle_theme) = use_theme(props.theme, root.clone());
    let end = use_node_ref();
    // The skip link makes the end a Tab stop while it has focus (see `SkipLink`).
    let end_left = Callback::from(|event: FocusEvent| {
        if let Some(end) = event.target_dyn_into::<web_sys::HtmlElement>() {
            end.set_tab_index(-1);
        }
    });
    // Paper only; cheap to work out again (a few dozen quotes), dearer to memoise in bytes.
    let print_notes: Vec<SourceNotes> =
        notes(&view.sources, &view.summary, &view.figures, &view.claims);
    // Tell the embed the card is live. Deep links and links within the card are the loader's
    // script's (`xtask/pages/loader-popovers.js`), which acts on them once it is.
    {
        let on_ready = props.on_ready.clone();
        use_effect_with((), move |_| on_ready.emit(()));
    }
    let aliases: Vec<(AttrValue, AttrValue)> = view
        .aliases
        .iter()
        .map(|p| {
            (
                AttrValue::from(p.name.clone()),
                AttrValue::from(p.aliases.clone()),
            )
        })
        .collect();
    let full = props.view == View::Full;

    html! {
        // One landmark (a region named by the headline); the skip link first, its target last.
        <section class="factsheet" data-theme={theme.attribute()} lang="en" aria-labelledby={HEADLINE_ID} ref={root}>
          <SkipLink end={end.clone()} />
          <div class={if full { "fs-layout fs-layout--full" } else { "fs-layout" }}>
            <Header headline={view.headline.clone()} summary={view.summary.clone()} place={view.place.clone()}
                    dateline={view.dateline.clone()} headings={props.headings} />

                if !view.key_figures.is_empty() {
                    <div class="fs-section fs-key-figures">
                        <p class="fs-section-title">{ "Key figures" }</p>
                        <ul class="fs-figures">
                            { for (0..view.key_figures.len()).map(|at| piece_in_place(PieceKind::Figure(at), &props.pieces, &view, full)) }
                        </ul>
                    </div>
                }
                if !view.disputes.is_empty() {
                    <div class="fs-section fs-disputes">
                        <p class="fs-section-title">{ "Where accounts disagree" }</p>
                        { for (0..view.disputes.len()).map(|at| piece_in_place(PieceKind::Dispute(at), &props.pieces, &view, full)) }
                    </div>
                }

            if !view.more_claims.is_empty() {
                <Disclosure summary={format!("All claims and quotes ({})", view.more_claims.len())} open={full}>
                    <ul class="fs-claims">
                        { for (0..view.more_claims.len()).map(|at| piece_in_place(PieceKind::Claim(at), &props.pieces, &view, full)) }
                    </ul>
                </Disclosure>
            }
            <Disclosure summary={format!("Sources: {}", view.outlets.join(", "))} open={full}>
                <SourcesList sources={view.sources.clone()} />
            </Disclosure>
            <Disclosure summary="How statuses are decided" open={full}>
                <Legend aliases={aliases} />
            </Disclosure>
            <PrintNotes notes={print_notes} />
            <Footer credits={view.credits.clone()}>
                <ThemeToggle dark={theme.shown() == Scheme::Dark} on_toggle={toggle_theme} />
            </Footer>
          </div>
          <p class="fs-end" id="fs-end" tabindex="-1" ref={end} onblur={end_left}>{ "End of the fact sheet" }</p>
        </section>
    }
}
