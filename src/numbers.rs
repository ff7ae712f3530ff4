//! How the widget writes a number that is not whole in a problem message: with the browser's
//! `Number#toString`, so Rust's float formatting (about 25 KB) stays out of the wasm. Natively
//! (pre-rendering, tests) it is Rust's, which prints the same text.

use crate::model::NumberText;

pub struct BrowserNumberText;

impl NumberText for BrowserNumberText {
    fn fraction(&self, n: f64) -> String {
        #[cfg(target_arch = "wasm32")]
        {
            js_sys::Number::from(n)
                .to_string_with_radix(10)
                .map(String::from)
                .unwrap_or_default()
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            crate::model::RustNumberText.fraction(n)
        }
    }
}
