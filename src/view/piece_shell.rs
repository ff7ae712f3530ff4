use std::rc::Rc;

use yew::prelude::*;

use super::piece::PieceKind;
use super::present::SheetView;

#[derive(Clone, Properties)]
pub struct PieceShellProps {
    pub kind: PieceKind,
    pub view: Rc<SheetView>,
    /// The piece: its component, or (the build) its pre-rendered HTML.
    pub children: Html,
}

/// The same view, by pointer (as `PieceProps`).
impl PartialEq for PieceShellProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.view, &other.view)
            && self.kind == other.kind
            && self.children == other.children
    }
}

/// The element a piece of the card (`Piece`) is rendered in, and an app of its own hydrates: a
/// key figure's or a claim's list item, a disagreement's box. It says which piece it holds
/// (`data-piece`).
#[function_component(PieceShell)]
pub fn piece_shell(props: &PieceShellProps) -> Html {
    let key = props.kind.key();
    let view = &props.view;
    match props.kind {
        PieceKind::Figure(at) => html! {
            <li class="fs-figure" id={view.key_figures.get(at).map(|f| f.item.anchor.clone())} data-piece={key}>
                { props.children.clone() }
            </li>
        },
        PieceKind::Dispute(_) => html! {
            <div class="fs-conflict" data-piece={key}>{ props.children.clone() }</div>
        },
        PieceKind::Claim(at) => html! {
            <li class="fs-claim" id={view.more_claims.get(at).map(|c| c.item.anchor.clone())} data-piece={key}>
                { props.children.clone() }
            </li>
        },
    }
}
