//! The facts model: serde types for a sheet, its validation, and the evidence -> status rules.
//!
//! Knows nothing about the DOM or Yew, so the same code runs in the widget, in `xtask` at
//! build time, and in native tests.

pub mod sheet;

pub use sheet::*;
