//! The facts model: a sheet's types, reading them with every problem located, validation,
//! and the evidence -> status rules.
//!
//! Knows nothing about the DOM or Yew (this crate cannot depend on them), so the same code
//! runs in the widget, in `xtask` at build time, and in native tests. What must differ in the
//! browser, the formatting of non-whole numbers, comes in through [`NumberText`].

mod describe;

pub mod date;
pub mod decode;
pub mod json;
pub mod load;
pub mod path;
pub mod problem;
pub mod sheet;
pub mod status;
pub mod text;
pub mod validate;

pub use load::{load, load_with, parse, parse_with};
pub use problem::{Diagnostic, Problem};
pub use sheet::*;
pub use status::{assess, Assessment, Estimate, Item};
pub use text::{NumberText, RustNumberText};
