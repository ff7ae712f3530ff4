//! The fact sheet widget: wiring only. See ARCHITECTURE.md for the map.

pub mod data;
pub mod embed;
pub mod model;
pub mod view;
