//! Pre-rendering: the built-in sheet's card rendered to HTML natively, by the same Yew
//! components the wasm runs, so readers see the facts before (or without) the wasm, and the
//! wasm adopts the HTML in place instead of drawing it again.

use std::rc::Rc;

use factsheet::view::piece::{Piece, PieceProps};
use factsheet::view::piece_shell::{PieceShell, PieceShellProps};
use factsheet::view::{App, AppProps, Headings, PieceKind, Pieces, Theme, View};
use yew::Html;

/// The language the build pre-renders for; a mount point asking for another renders afresh.
pub const LANG: &str = "en";

/// The card's HTML for the built-in sheet, with Yew's hydration markers.
pub fn card() -> Result<String, String> {
    let sheet = factsheet::data::builtin().map_err(|problems| crate::facts::listed(&problems))?;
    Ok(card_for(sheet))
}

/// The card's HTML for `sheet`, with Yew's hydration markers: its pieces (`Piece`) each
/// rendered as the root of an app of its own, the rest as `App`'s, so that the browser can
/// hydrate them one task at a time.
pub fn card_for(sheet: factsheet::model::Sheet) -> String {
    let view = Rc::new(factsheet::view::present::present(&sheet, LANG));
    let pieces = PieceKind::all(&view)
        .into_iter()
        .map(|kind| {
            let props = PieceProps {
                view: view.clone(),
                kind,
                full: false,
            };
            let piece = yew::LocalServerRenderer::<Piece>::with_props(props).hydratable(true);
            let piece = futures::executor::block_on(piece.render());
            // The shell is the hydrating app's root, not part of what it hydrates: no markers.
            let props = PieceShellProps {
                kind,
                view: view.clone(),
                children: Html::from_html_unchecked(piece.into()),
            };
            let shell = yew::LocalServerRenderer::<PieceShell>::with_props(props).hydratable(false);
            (kind, futures::executor::block_on(shell.render()).into())
        })
        .collect();
    let props = AppProps {
        sheet: Rc::new(sheet),
        lang: LANG.into(),
        theme: Theme::Auto,
        headings: Headings::default(),
        view: View::Glance,
        on_ready: Default::default(),
        pieces: Pieces::Prerendered(Rc::new(pieces)),
    };
    let renderer = yew::LocalServerRenderer::<App>::with_props(props).hydratable(true);
    futures::executor::block_on(renderer.render())
}

/// A complete mount point holding the pre-rendered card in a declarative shadow root, saying
/// what it was rendered for (a host asking for other settings is rendered afresh).
/// `style` is what styles it before the wasm adopts its own sheet: an inline `<style>` for
/// the one-file page, a `<link>` where a Content-Security-Policy forbids inline styles.
pub fn mount_point(card: &str, style: &str) -> String {
    mount_point_with_sheet(card, style, "")
}

/// A mount point whose card shows a sheet other than the built-in one: `sheet_script` is the
/// sheet in a `<script type="application/json" data-factsheet-sheet>` (`inline_sheet`), which
/// the wasm reads to adopt the card in place.
pub fn mount_point_with_sheet(card: &str, style: &str, sheet_script: &str) -> String {
    format!(
        "<div data-factsheet data-prerendered=\"{LANG} {theme} {headings} {view}\">\
         <template shadowrootmode=\"open\">{style}<div class=\"fs-root\">{card}</div></template>{sheet_script}</div>",
        theme = Theme::Auto.key(),
        headings = Headings::default().key(),
        view = View::Glance.key()
    )
}

/// `sheet` as the script element a mount point carries it in, escaped like the JSON-LD so
/// no text in it can end the element.
pub fn inline_sheet(sheet: &factsheet::model::Sheet) -> Result<String, String> {
    let json = serde_json::to_string(sheet).map_err(|e| format!("the sheet as JSON: {e}"))?;
    Ok(format!(
        "<script type=\"application/json\" data-factsheet-sheet>{}</script>",
        crate::structured_data::script_safe(&json)
    ))
}
