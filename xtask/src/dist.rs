//! `dist`: builds the widget to wasm and lays out `dist/`:
//!
//! - `index.html`: one self-contained page (CSS, glue and base64 wasm inlined) that works
//!   from `file://`, where browsers block `fetch` and ES modules;
//! - `embed/`: `factsheet.js` (glue + loader), `factsheet_bg.wasm`, `factsheet.css`;
//! - `demo/index.html`: an example article page embedding the widget through `../embed/`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::setup::{target_dir, Tools};
use crate::{root, run};

const CRATE: &str = "factsheet";
const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Build everything and return the path of `dist/`.
pub fn build(tools: &Tools) -> Result<PathBuf, String> {
    let root = root();
    println!("dist: compiling {CRATE} to wasm (release)");
    run(Command::new("cargo").args(["build", "--release", "--target", WASM_TARGET, "-p", CRATE]))?;

    let work = target_dir().join("dist-work");
    let raw_wasm = target_dir()
        .join(WASM_TARGET)
        .join("release")
        .join(format!("{CRATE}.wasm"));
    println!("dist: generating the JavaScript glue (wasm-bindgen --target no-modules)");
    run(Command::new(&tools.wasm_bindgen)
        .args([
            "--target",
            "no-modules",
            "--no-typescript",
            "--out-name",
            CRATE,
            "--out-dir",
        ])
        .arg(&work)
        .arg(&raw_wasm))?;

    let bindgen_wasm = work.join(format!("{CRATE}_bg.wasm"));
    let small_wasm = work.join(format!("{CRATE}_bg.opt.wasm"));
    println!("dist: shrinking the wasm (wasm-opt -Oz)");
    run(Command::new(&tools.wasm_opt)
        .arg("-Oz")
        .arg(&bindgen_wasm)
        .arg("-o")
        .arg(&small_wasm))?;

    let glue = read(&work.join(format!("{CRATE}.js")))?;
    let wasm =
        fs::read(&small_wasm).map_err(|e| format!("cannot read {}: {e}", small_wasm.display()))?;
    let css = stylesheet(&root)?;

    let dist = root.join("dist");
    if dist.exists() {
        fs::remove_dir_all(&dist).map_err(|e| format!("cannot clear {}: {e}", dist.display()))?;
    }
    println!("dist: writing {}", dist.display());
    write(
        &dist.join("embed/factsheet.js"),
        embed_script(&glue).as_bytes(),
    )?;
    write(&dist.join("embed/factsheet_bg.wasm"), &wasm)?;
    write(&dist.join("embed/factsheet.css"), css.as_bytes())?;
    let template = read(&root.join("index.html"))?;
    write(
        &dist.join("index.html"),
        one_file_page(&template, &css, &glue, &wasm)?.as_bytes(),
    )?;
    let demo = read(&root.join("xtask/pages/demo.html"))?;
    write(&dist.join("demo/index.html"), demo.as_bytes())?;

    for file in [
        "index.html",
        "embed/factsheet.js",
        "embed/factsheet_bg.wasm",
        "embed/factsheet.css",
        "demo/index.html",
    ] {
        let size = fs::metadata(dist.join(file)).map(|m| m.len()).unwrap_or(0);
        println!("  {file:<26} {size:>9} bytes");
    }
    Ok(dist)
}

/// What to do with `dist/`. When `serving`, the server prints the demo's address itself
/// (the port may be an ephemeral one).
pub fn print_usage(dist: &Path, serving: bool) {
    println!();
    println!("Open the fact sheet (works from disk):");
    println!("  {}", file_url(&dist.join("index.html")));
    println!("Embed it in a page (host dist/embed/ anywhere, then):");
    println!("  <script src=\"https://example.org/factsheet/embed/factsheet.js\" defer></script>");
    println!("  <div data-factsheet></div>");
    if !serving {
        println!(
            "Demo article: `cargo xtask dist --serve`, then http://127.0.0.1:{}/demo/",
            crate::serve::DEFAULT_PORT
        );
    }
}

/// The stylesheet the card ships with.
fn stylesheet(root: &Path) -> Result<String, String> {
    read(&root.join("assets/factsheet.css"))
}

/// `factsheet.js`: the glue, then a loader that fetches the wasm from beside the script
/// (not from the page's URL) and adds the stylesheet once. The block keeps the glue's
/// `let wasm_bindgen` out of the host page's global scope.
fn embed_script(glue: &str) -> String {
    format!("{{\n{glue}\n{EMBED_LOADER}}}\n")
}

const EMBED_LOADER: &str = r#"// factsheet loader: everything is resolved against this script's own URL.
(function () {
  var script = document.currentScript;
  var base = script && script.src ? script.src : document.baseURI;
  function beside(name) { return new URL(name, base).href; }
  if (!document.querySelector("link[data-factsheet-css]")) {
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = beside("factsheet.css");
    link.setAttribute("data-factsheet-css", "");
    document.head.appendChild(link);
  }
  function start() {
    wasm_bindgen({ module_or_path: beside("factsheet_bg.wasm") }).catch(function (err) {
      console.error("factsheet: the widget could not start", err);
    });
  }
  // The wasm start function mounts into [data-factsheet] elements, so they must exist.
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
"#;

/// Markers in the root `index.html` template.
const CSS_MARKER: &str = "<!-- factsheet:css -->";
const SCRIPT_MARKER: &str = "<!-- factsheet:script -->";
const UNBUILT_START: &str = "<!-- factsheet:unbuilt -->";
const UNBUILT_END: &str = "<!-- /factsheet:unbuilt -->";

/// The one-file page: the template with its "not built" note removed, the CSS in a
/// `<style>`, the glue in a classic `<script>`, and the wasm as base64 handed to the glue as
/// bytes, so nothing is fetched.
pub fn one_file_page(template: &str, css: &str, glue: &str, wasm: &[u8]) -> Result<String, String> {
    for marker in [CSS_MARKER, SCRIPT_MARKER, UNBUILT_START, UNBUILT_END] {
        if template.matches(marker).count() != 1 {
            return Err(format!("index.html must contain `{marker}` exactly once"));
        }
    }
    if css.to_ascii_lowercase().contains("</style") {
        return Err(
            "assets/factsheet.css contains `</style`, which would end the inlined style early"
                .into(),
        );
    }
    if glue.to_ascii_lowercase().contains("</script") {
        return Err(
            "the wasm-bindgen glue contains `</script`, which would end the inlined script early"
                .into(),
        );
    }
    let (before, rest) = template.split_once(UNBUILT_START).expect("checked above");
    let (_, after) = rest.split_once(UNBUILT_END).expect("checked above");
    let page = format!("{before}{after}");
    let style = format!("<style>\n{css}</style>");
    // One classic script; the block keeps the glue's `let wasm_bindgen` out of the global scope.
    let script = format!(
        "<script>\n{{\n{glue}\n(function () {{\n  var text = atob(\"{}\");\n{INLINE_START}",
        base64(wasm)
    );
    Ok(page
        .replacen(CSS_MARKER, &style, 1)
        .replacen(SCRIPT_MARKER, &script, 1))
}

const INLINE_START: &str = r#"  var bytes = new Uint8Array(text.length);
  for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  wasm_bindgen({ module_or_path: bytes }).catch(function (err) {
    console.error("factsheet: the widget could not start", err);
  });
})();
}
</script>"#;

/// Standard base64 with padding.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | ((b as u32) << (16 - 8 * i)));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// A `file://` URL for an absolute path, percent-encoding what a URL path may not hold.
pub fn file_url(path: &Path) -> String {
    let mut url = String::from("file://");
    for byte in path.to_string_lossy().bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                url.push(byte as char)
            }
            _ => url.push_str(&format!("%{byte:02X}")),
        }
    }
    url
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_rfc_4648_examples() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in cases {
            assert_eq!(base64(plain.as_bytes()), encoded);
        }
        assert_eq!(base64(&[0xff, 0xfe, 0x00]), "//4A");
    }

    #[test]
    fn the_one_file_page_drops_the_note_and_inlines_everything() {
        let template = "<head><!-- factsheet:css --></head><body>\
            <!-- factsheet:unbuilt --><p>run cargo xtask dist</p><!-- /factsheet:unbuilt -->\
            <div data-factsheet></div><!-- factsheet:script --></body>";
        let page = one_file_page(template, ".x{}\n", "let wasm_bindgen;\n", b"\0asm").unwrap();
        assert!(!page.contains("cargo xtask dist"));
        assert!(
            !page.contains("<!-- factsheet:") && !page.contains("<!-- /factsheet:"),
            "no marker is left: {page}"
        );
        assert!(page.contains("<style>\n.x{}\n</style>"));
        assert!(page.contains("let wasm_bindgen;"));
        assert!(page.contains("AGFzbQ=="), "the wasm is inlined as base64");
        assert!(!page.contains("fetch("));
    }

    #[test]
    fn a_template_without_its_markers_is_an_error() {
        assert!(one_file_page("<html></html>", "", "", b"").is_err());
    }

    #[test]
    fn file_urls_escape_spaces() {
        assert_eq!(
            file_url(Path::new("/a b/dist/index.html")),
            "file:///a%20b/dist/index.html"
        );
    }
}
