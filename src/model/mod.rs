//! The facts model: serde types for a sheet, its validation, and the evidence -> status rules.
//!
//! Knows nothing about the DOM or Yew, so the same code runs in the widget, in `xtask` at
//! build time, and in native tests.

pub mod claim_review;
pub mod date;
pub mod decode;
pub mod json;
pub mod load;
pub mod locate;
pub mod sheet;
pub mod status;
pub mod text;
pub mod validate;

pub use load::{load, parse, Diagnostic};
pub use sheet::*;
pub use status::{assess, Assessment, Item};
