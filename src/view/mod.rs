//! The card: one Yew component per file, each with its props struct.

mod app;

pub use app::{App, AppProps};
