//! The fact sheet widget: wiring only. See ARCHITECTURE.md for the map.

/// The facts model, its own crate so that it cannot reach the DOM or Yew; `factsheet::model`
/// keeps the paths the view, the embed layer, tests and `xtask` use.
pub use factsheet_model as model;

pub mod data;
pub mod embed;
pub mod numbers;
pub mod view;

/// The card's stylesheet (`assets/factsheet.css` without its comments, see `build.rs`): the
/// one the wasm adopts into each card's shadow root and the one `xtask dist` ships.
pub const STYLESHEET: &str = include_str!(concat!(env!("OUT_DIR"), "/factsheet.css"));
