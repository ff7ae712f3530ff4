//! The fact sheet widget: wiring only. See ARCHITECTURE.md for the map.

pub mod data;
pub mod embed;
pub mod model;
pub mod view;

/// The card's stylesheet (`assets/factsheet.css` without its comments, see `build.rs`): the
/// one the wasm adopts into each card's shadow root and the one `xtask dist` ships.
pub const STYLESHEET: &str = include_str!(concat!(env!("OUT_DIR"), "/factsheet.css"));
