use std::rc::Rc;

use yew::prelude::*;

use super::account_card::AccountCard;
use super::claim_card::ClaimCard;
use super::conflict_panel::ConflictPanel;
use super::estimates_chart::EstimatesChart;
use super::figure_card::FigureCard;
use super::piece_shell::PieceShell;
use super::present::SheetView;

/// The parts of the card that are hydrated one per task (in the seed card, 24 of them hold
/// about 1,000 of its 1,200 elements): each key figure, each dispute, each claim. A
/// pre-rendered card is hydrated a piece per task and then the rest, so that no task of the
/// start is long (see `hydrate_in_tasks` in `src/embed/mount.rs`); each piece is then an app of
/// its own. Each is named by its place in its list of the card's view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PieceKind {
    /// A key figure's row.
    Figure(usize),
    /// A disagreement: its chart and accounts.
    Dispute(usize),
    /// One of the claims no dispute shows.
    Claim(usize),
}

impl PieceKind {
    /// The pieces of a card showing `view`, in the card's order.
    pub fn all(view: &SheetView) -> Vec<PieceKind> {
        let figures = (0..view.key_figures.len()).map(PieceKind::Figure);
        let disputes = (0..view.disputes.len()).map(PieceKind::Dispute);
        let claims = (0..view.more_claims.len()).map(PieceKind::Claim);
        figures.chain(disputes).chain(claims).collect()
    }

    /// Its name in the page (`data-piece`).
    pub fn key(self) -> String {
        match self {
            PieceKind::Figure(at) => format!("figure-{at}"),
            PieceKind::Dispute(at) => format!("dispute-{at}"),
            PieceKind::Claim(at) => format!("claim-{at}"),
        }
    }

    pub fn from_key(key: &str) -> Option<PieceKind> {
        let (list, at) = key.rsplit_once('-')?;
        let at = at.parse().ok()?;
        match list {
            "figure" => Some(PieceKind::Figure(at)),
            "dispute" => Some(PieceKind::Dispute(at)),
            "claim" => Some(PieceKind::Claim(at)),
            _ => None,
        }
    }
}

#[derive(Clone, Properties)]
pub struct PieceProps {
    pub view: Rc<SheetView>,
    pub kind: PieceKind,
    /// The whole sheet shown open (`data-view="full"`).
    #[prop_or_default]
    pub full: bool,
}

/// The same view (one `present` serves the card and its pieces): a deep comparison would
/// cost bytes and time to find what a pointer says.
impl PartialEq for PieceProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.view, &other.view) && self.kind == other.kind && self.full == other.full
    }
}

/// One piece of the card, inside its shell (`PieceShell`).
#[function_component(Piece)]
pub fn piece(props: &PieceProps) -> Html {
    let view = &props.view;
    match props.kind {
        PieceKind::Figure(at) => match view.key_figures.get(at) {
            Some(figure) => html! { <FigureCard figure={figure.clone()} /> },
            None => html! {},
        },
        PieceKind::Dispute(at) => match view.disputes.get(at) {
            Some(d) => html! {
                <ConflictPanel title_id={format!("conflict-{}-title", d.id)} title={d.title.clone()}>
                    if let Some(chart) = &d.chart {
                        <EstimatesChart chart={chart.clone()} />
                    }
                    if !d.accounts.is_empty() {
                        <ul class="fs-accounts">
                            { for d.accounts.iter().map(|c| html! {
                                <AccountCard key={c.item.id.clone()} claim={c.clone()} full={props.full} />
                            }) }
                        </ul>
                    }
                </ConflictPanel>
            },
            None => html! {},
        },
        PieceKind::Claim(at) => match view.more_claims.get(at) {
            Some(claim) => html! { <ClaimCard claim={claim.clone()} /> },
            None => html! {},
        },
    }
}

/// How an `App` shows its pieces.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Pieces {
    /// As its own components: a card rendered in the browser.
    #[default]
    Inline,
    /// As the build pre-rendered each, shell and all, for an app of its own: written into
    /// the card's HTML as they are.
    Prerendered(Rc<Vec<(PieceKind, AttrValue)>>),
    /// As they are in the page: the pre-rendered card's pieces, each hydrated by an app of its
    /// own. The app hydrating the rest of the card takes them over without a look inside.
    Apart,
}

/// A piece where the card shows it, in its shell: the element an app of its own hydrates.
pub fn piece_in_place(kind: PieceKind, pieces: &Pieces, view: &Rc<SheetView>, full: bool) -> Html {
    match pieces {
        Pieces::Inline => html! {
            <PieceShell kind={kind} view={view.clone()}>
                <Piece view={view.clone()} kind={kind} full={full} />
            </PieceShell>
        },
        Pieces::Prerendered(html) => html
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, html)| Html::from_html_unchecked(html.clone()))
            .unwrap_or_default(),
        // Hydration takes what the page holds; the text is only compared with a later
        // render's, which is `Apart` too, so nothing is ever written from it.
        Pieces::Apart => Html::from_html_unchecked(AttrValue::Static("")),
    }
}
