//! The card: one Yew component per file, each with its props struct. `present` turns a
//! validated sheet into what the components show; they only wire it to the DOM.

mod app;
mod citation_popover;
mod cited;
mod claim_card;
mod clipboard;
mod conflict_panel;
mod error_card;
mod estimates_chart;
mod figure_card;
pub mod format;
mod header;
mod legend;
mod page_events;
mod place;
pub mod popover_state;
pub mod present;
mod sources_list;
mod status_badge;

pub use app::{App, AppProps, Theme};
pub use error_card::{ErrorCard, ErrorCardProps};
