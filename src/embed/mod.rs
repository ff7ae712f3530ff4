//! The embedding layer: finds every `<div data-factsheet>` on the page, now and later, and
//! mounts one card in each, inside its own shadow root. Nothing global is shared between
//! instances but the wasm module itself, so one instance's bad sheet or attribute shows an
//! error in that instance only.

pub mod options;

#[cfg(target_arch = "wasm32")]
mod mount;
#[cfg(target_arch = "wasm32")]
mod remote;
