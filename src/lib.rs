//! The fact sheet widget: wiring only. See ARCHITECTURE.md for the map.

pub mod data;
pub mod model;
pub mod view;

#[cfg(target_arch = "wasm32")]
mod embed;
