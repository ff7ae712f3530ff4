//! The card: one Yew component per file, each with its props struct. `present` turns a
//! validated sheet into what the components show; they only wire it to the DOM.

mod account_card;
mod app;
mod citation_popover;
mod cited;
mod claim_card;
mod clipboard;
mod conflict_panel;
mod disclosure;
mod error_card;
mod estimates_chart;
mod figure_card;
mod footer;
pub mod format;
mod header;
mod legend;
pub mod piece;
pub mod piece_shell;
pub mod present;
mod print_notes;
mod skip_link;
mod sources_list;
mod status_badge;
pub mod theme;
mod theme_toggle;

pub use app::{App, AppProps, View};
pub use error_card::{ErrorCard, ErrorCardProps};
pub use format::warm_formatters;
pub use header::Headings;
pub use piece::{PieceKind, Pieces};
pub use theme::Theme;
