//! The card: one Yew component per file, each with its props struct. `present` turns a
//! validated sheet into what the components show; they only wire it to the DOM.

mod account_card;
mod app;
mod citation_popover;
mod cited;
mod claim_card;
mod conflict_panel;
mod disclosure;
mod error_card;
mod estimates_chart;
mod figure_card;
mod footer;
pub mod format;
mod header;
mod legend;
mod page_events;
mod place;
pub mod popover_state;
pub mod present;
mod reveal;
mod sources_list;
mod status_badge;

pub use app::{App, AppProps, Theme, View};
pub use error_card::{ErrorCard, ErrorCardProps};
