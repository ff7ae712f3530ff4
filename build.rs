//! Writes the card's stylesheet without its comments to `OUT_DIR/factsheet.css`: the copy the
//! wasm adopts into every shadow root and the one `xtask dist` ships (`factsheet::STYLESHEET`).
//! The comments explain the rules to us; readers should not download them three times.

use std::{env, fs, path::Path};

/// A failed build script prints its error and stops the build, naming the file and the fix.
fn main() -> Result<(), String> {
    let source = "assets/factsheet.css";
    println!("cargo:rerun-if-changed={source}");
    let css = fs::read_to_string(source).map_err(|e| format!("cannot read {source}: {e}"))?;
    let mut out = String::with_capacity(css.len());
    let mut rest = css.as_str();
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        let Some(end) = rest[start + 2..].find("*/") else {
            return Err(format!(
                "{source}: a comment opened with /* is never closed; close it with */"
            ));
        };
        rest = &rest[start + 2 + end + 2..];
    }
    out.push_str(rest);
    // A comment on its own line leaves that line empty: drop blank lines.
    let lines: Vec<&str> = out.lines().filter(|l| !l.trim().is_empty()).collect();
    let out_dir = env::var("OUT_DIR").map_err(|e| format!("OUT_DIR (set by cargo): {e}"))?;
    let target = Path::new(&out_dir).join("factsheet.css");
    fs::write(&target, lines.join("\n") + "\n")
        .map_err(|e| format!("cannot write {}: {e}", target.display()))
}
