//! `dist`: builds the widget to wasm and lays out `dist/`:
//!
//! - `index.html`: one self-contained page (CSS, glue and base64 wasm inlined) that works
//!   from `file://`, where browsers block `fetch` and ES modules;
//! - `embed/`: `factsheet.js` (glue + loader), `factsheet_bg.wasm`, `factsheet.css`; the
//!   iframe page `frame.html` with its scripts, and its oEmbed JSON (`oembed.rs`);
//! - `demo/index.html`: an example article page embedding the widget through `../embed/`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::oembed::{self, Publishing};
use crate::prerender;
use crate::serve::file_url;
use crate::setup::{target_dir, Tools};
use crate::{root, run};

const CRATE: &str = "factsheet";
const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Build everything and return the path of `dist/`, not knowing where it will be served.
pub fn build(tools: &Tools) -> Result<PathBuf, String> {
    build_for(tools, &Publishing::default())
}

/// Build everything, with the oEmbed's URLs and provider from `publishing`.
pub fn build_for(tools: &Tools, publishing: &Publishing) -> Result<PathBuf, String> {
    let root = root();
    println!("dist: compiling {CRATE} to wasm (release)");
    run(Command::new("cargo").args(["build", "--release", "--target", WASM_TARGET, "-p", CRATE]))?;

    let work = target_dir().join("dist-work");
    let raw_wasm = target_dir()
        .join(WASM_TARGET)
        .join("release")
        .join(format!("{CRATE}.wasm"));
    // Two glues for one wasm (wasm-bindgen writes the same wasm for both targets): a classic
    // script for the one-file page (no ES modules from file://), an ES module for the embed
    // bundle, which imports it with the wasm when the wasm is needed.
    println!("dist: generating the JavaScript glue (wasm-bindgen --target no-modules, web)");
    let module_work = work.join("module");
    for (target, out) in [("no-modules", &work), ("web", &module_work)] {
        run(Command::new(&tools.wasm_bindgen)
            .args([
                "--target",
                target,
                "--no-typescript",
                "--out-name",
                CRATE,
                "--out-dir",
            ])
            .arg(out)
            .arg(&raw_wasm))?;
    }

    let bindgen_wasm = work.join(format!("{CRATE}_bg.wasm"));
    let small_wasm = work.join(format!("{CRATE}_bg.opt.wasm"));
    println!("dist: shrinking the wasm (wasm-opt -Oz --converge)");
    run(Command::new(&tools.wasm_opt)
        .args(["-Oz", "--converge"])
        .arg(&bindgen_wasm)
        .arg("-o")
        .arg(&small_wasm))?;

    // Property names (the wasm's imports) and the top-level `wasm_bindgen` are kept; local
    // names are shortened and dead branches dropped.
    println!("dist: shrinking the glue and the loaders (terser --compress --mangle)");
    let glue = shrink(tools, &work.join(format!("{CRATE}.js")), "glue", &[])?;
    let module_glue = shrink(
        tools,
        &module_work.join(format!("{CRATE}.js")),
        "module-glue",
        &["--module"],
    )?;
    // The loaders' scripts, shrunk like the glue: their comments are for this repository.
    let popovers = shrink(
        tools,
        &root.join("xtask/pages/loader-popovers.js"),
        "popovers",
        &[],
    )?;
    let embed_loader = shrink(
        tools,
        &written(&work.join("loader-embed.js"), &loader(EMBED_LOADER))?,
        "loader-embed",
        &[],
    )?;
    let one_file_loader = shrink(
        tools,
        &written(&work.join("loader-one-file.js"), &loader(ONE_FILE_LOADER))?,
        "loader-one-file",
        &[],
    )?;
    let wasm =
        fs::read(&small_wasm).map_err(|e| format!("cannot read {}: {e}", small_wasm.display()))?;
    // The same stylesheet the wasm adopts: `assets/factsheet.css` without its comments.
    let css = factsheet::STYLESHEET;

    // The card as HTML, for readers without (or before) the wasm, and the sheet as JSON-LD.
    let card = prerender::card()?;
    let sheet = factsheet::data::builtin().map_err(|problems| crate::facts::listed(&problems))?;
    let json_ld = crate::structured_data::script_element(&sheet);
    if css.to_ascii_lowercase().contains("</style") {
        return Err(
            "assets/factsheet.css contains `</style`, which would end the inlined style early"
                .into(),
        );
    }
    let inline_style = format!("<style>{css}</style>");
    let linked_style = |href: &str| format!("<link rel=\"stylesheet\" href=\"{href}\">");

    let dist = root.join("dist");
    if dist.exists() {
        fs::remove_dir_all(&dist).map_err(|e| format!("cannot clear {}: {e}", dist.display()))?;
    }
    println!("dist: writing {}", dist.display());
    write(
        &dist.join("embed/factsheet.js"),
        format!("{popovers}\n{embed_loader}\n").as_bytes(),
    )?;
    write(
        &dist.join("embed").join(MODULE_GLUE),
        module_glue.as_bytes(),
    )?;
    write(&dist.join("embed/factsheet_bg.wasm"), &wasm)?;
    write(&dist.join("embed/factsheet.css"), css.as_bytes())?;
    let pages = root.join("xtask/pages");
    write(
        &dist.join("embed/frame.css"),
        read(&pages.join("frame.css"))?.as_bytes(),
    )?;
    // The frame's scripts ship shrunk like the glue: their comments are for this repository.
    for file in ["frame.js", "frame-host.js"] {
        let small = work.join(file);
        run(Command::new(&tools.terser)
            .arg(pages.join(file))
            .args(["--compress", "--mangle", "--output"])
            .arg(&small))?;
        write(&dist.join("embed").join(file), read(&small)?.as_bytes())?;
    }
    let headline = &sheet.story.headline;
    let frame = fill(
        "xtask/pages/frame.html",
        &read(&pages.join("frame.html"))?,
        &[
            (HEAD_MARKER, &oembed::discovery_link(publishing, headline)),
            (
                CARD_MARKER,
                &prerender::mount_point(&card, &linked_style("factsheet.css")),
            ),
        ],
    )?;
    write(&dist.join("embed/frame.html"), frame.as_bytes())?;
    let author = sheet
        .credits
        .as_ref()
        .and_then(|c| c.compiled_by.as_deref());
    let description = oembed::response(publishing, headline, author);
    write(
        &dist.join("embed").join(oembed::FILE),
        format!("{description:#}\n").as_bytes(),
    )?;

    let template = read(&root.join("index.html"))?;
    let one_file_card = prerender::mount_point(&card, &inline_style);
    write(
        &dist.join("index.html"),
        one_file_page(
            &template,
            &one_file_card,
            &json_ld,
            &glue,
            &popovers,
            &one_file_loader,
            &crate::sizes::gzip(&wasm)?,
        )?
        .as_bytes(),
    )?;
    let demo = fill(
        "xtask/pages/demo.html",
        &read(&pages.join("demo.html"))?,
        &[
            (HEAD_MARKER, &json_ld),
            (
                CARD_MARKER,
                &prerender::mount_point(&card, &linked_style("../embed/factsheet.css")),
            ),
        ],
    )?;
    write(&dist.join("demo/index.html"), demo.as_bytes())?;
    write(
        &dist.join("demo/demo.css"),
        read(&pages.join("demo.css"))?.as_bytes(),
    )?;

    for file in [
        "index.html",
        "embed/factsheet.js",
        "embed/factsheet_glue.js",
        "embed/factsheet_bg.wasm",
        "embed/factsheet.css",
        "embed/frame.html",
        "embed/frame.oembed.json",
        "demo/index.html",
    ] {
        let size = fs::metadata(dist.join(file)).map(|m| m.len()).unwrap_or(0);
        println!("  {file:<26} {size:>9} bytes");
    }
    println!("{}", publishing.note());
    Ok(dist)
}

/// The frame page's template (`xtask/pages/frame.html`) with `head` and `card` filled in.
pub fn frame_page(head: &str, card: &str) -> Result<String, String> {
    let template = read(&root().join("xtask/pages/frame.html"))?;
    fill(
        "xtask/pages/frame.html",
        &template,
        &[(HEAD_MARKER, head), (CARD_MARKER, card)],
    )
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

/// `factsheet.js` is the popovers' script (`loader-popovers.js`, shrunk), which makes the
/// pre-rendered cards answer at once, then the embed loader, which imports this module (the
/// glue) and fetches the wasm, both from beside the script, when the wasm is needed. The card
/// brings its own stylesheet into its shadow root.
pub const MODULE_GLUE: &str = "factsheet_glue.js";

/// When the wasm cannot start (a policy blocks it, say), the pre-rendered cards stay: this
/// tells their stylesheet to show the citations as footnotes, since no popover will open.
/// It also defines the `<fact-sheet>` element, which both loaders need.
const MARK_FAILED: &str = include_str!("../pages/loader-mark-failed.js");

/// When the wasm starts (`startWhenNeeded`): both loaders hand it their way of starting.
const START_WHEN_NEEDED: &str = include_str!("../pages/loader-start.js");

/// The embed bundle's start: the glue and the wasm from beside the script.
const EMBED_LOADER: &str = include_str!("../pages/loader-embed.js");

/// The one-file page's start: the wasm from the page itself, at [`WASM_MARKER`].
const ONE_FILE_LOADER: &str = include_str!("../pages/loader-one-file.js");

/// A loader with what both share, in a block that keeps their `let`s out of the page's
/// global scope (the one-file page's block also holds the glue's `let wasm_bindgen`).
fn loader(start: &str) -> String {
    format!("{{\n{MARK_FAILED}\n{START_WHEN_NEEDED}\n{start}}}\n")
}

/// `source` shrunk by terser (`extra`: `--module` for an ES module), by way of
/// `target/dist-work/<name>.min.js`.
fn shrink(tools: &Tools, source: &Path, name: &str, extra: &[&str]) -> Result<String, String> {
    let small = target_dir()
        .join("dist-work")
        .join(format!("{name}.min.js"));
    run(Command::new(&tools.terser)
        .arg(source)
        .args(extra)
        .args(["--compress", "--mangle", "--output"])
        .arg(&small))?;
    read(&small)
}

/// Writes `text` to `path` and returns the path.
fn written(path: &Path, text: &str) -> Result<PathBuf, String> {
    write(path, text.as_bytes())?;
    Ok(path.to_path_buf())
}

/// Where the one-file loader takes the gzipped wasm, as base64 (inside a JS string).
const WASM_MARKER: &str = "WASM_GZIP_BASE64";

/// Markers in the page templates (`index.html`, `xtask/pages/*.html`).
const HEAD_MARKER: &str = "<!-- factsheet:head -->";
const CARD_MARKER: &str = "<!-- factsheet:card -->";
const SCRIPT_MARKER: &str = "<!-- factsheet:script -->";
const UNBUILT_START: &str = "<!-- factsheet:unbuilt -->";
const UNBUILT_END: &str = "<!-- /factsheet:unbuilt -->";

/// Replaces each marker, which must stand in `template` exactly once.
fn fill(name: &str, template: &str, parts: &[(&str, &str)]) -> Result<String, String> {
    let mut page = template.to_string();
    for (marker, value) in parts {
        if page.matches(marker).count() != 1 {
            return Err(format!("{name} must contain `{marker}` exactly once"));
        }
        page = page.replacen(marker, value, 1);
    }
    Ok(page)
}

/// The one-file page: the template with its "not built" note removed, the JSON-LD in the
/// head, the pre-rendered card (with its CSS inline), the glue in a classic `<script>`, and
/// the gzipped wasm as base64, unpacked in the page and handed to the glue when the wasm is
/// needed (`loader`, the one-file loader shrunk, with [`WASM_MARKER`] in it), so nothing is
/// fetched. The popovers' script comes first, in a script of its own: it runs without
/// waiting for the one holding the wasm.
pub fn one_file_page(
    template: &str,
    card: &str,
    head: &str,
    glue: &str,
    popovers: &str,
    loader: &str,
    gzipped_wasm: &[u8],
) -> Result<String, String> {
    for marker in [UNBUILT_START, UNBUILT_END] {
        if template.matches(marker).count() != 1 {
            return Err(format!("index.html must contain `{marker}` exactly once"));
        }
    }
    for (name, script) in [
        ("the wasm-bindgen glue", glue),
        ("loader-popovers.js", popovers),
        ("the one-file loader", loader),
    ] {
        if script.to_ascii_lowercase().contains("</script") {
            return Err(format!(
                "{name} contains `</script`, which would end the inlined script early"
            ));
        }
    }
    // The markers were counted above; a template that still fails to split is named, not a panic.
    let page = template
        .split_once(UNBUILT_START)
        .and_then(|(before, rest)| Some((before, rest.split_once(UNBUILT_END)?.1)))
        .map(|(before, after)| format!("{before}{after}"))
        .ok_or_else(|| format!("index.html: `{UNBUILT_END}` must follow `{UNBUILT_START}`"))?;
    let loader = fill(
        "the one-file loader",
        loader,
        &[(WASM_MARKER, &base64(gzipped_wasm))],
    )?;
    // One classic script; the block keeps the glue's `let wasm_bindgen` out of the global scope.
    let script =
        format!("<script>\n{popovers}\n</script>\n<script>\n{{\n{glue}\n{loader}}}\n</script>");
    fill(
        "index.html",
        &page,
        &[
            (HEAD_MARKER, head),
            (CARD_MARKER, card),
            (SCRIPT_MARKER, &script),
        ],
    )
}

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
        let template = "<head><!-- factsheet:head --></head><body>\
            <!-- factsheet:unbuilt --><p>run cargo xtask dist</p><!-- /factsheet:unbuilt -->\
            <!-- factsheet:card --><!-- factsheet:script --></body>";
        let card = "<div data-factsheet><style>.x{}\n</style></div>";
        let page = one_file_page(
            template,
            card,
            "<script type=\"application/ld+json\">{}</script>",
            "let wasm_bindgen;\n",
            "showPopover();",
            &loader(ONE_FILE_LOADER),
            b"\0asm",
        )
        .unwrap();
        assert!(!page.contains("cargo xtask dist"));
        assert!(
            !page.contains("<!-- factsheet:") && !page.contains("<!-- /factsheet:"),
            "no marker is left: {page}"
        );
        assert!(page.contains("<style>.x{}\n</style>"));
        assert!(page.contains("application/ld+json"));
        assert!(page.contains("let wasm_bindgen;"));
        let popovers = page.find("<script>\nshowPopover();\n</script>").unwrap();
        assert!(
            popovers < page.find("let wasm_bindgen;").unwrap(),
            "the popovers' script comes first, in its own script: {page}"
        );
        assert!(page.contains("AGFzbQ=="), "the wasm is inlined as base64");
        assert!(!page.contains(WASM_MARKER));
        assert!(page.contains("new DecompressionStream(\"gzip\")"));
        assert!(!page.contains("fetch(") && !page.contains("import("));
        assert!(
            page.contains("startWhenNeeded(function"),
            "the wasm is unpacked when needed, not when the script runs"
        );
    }

    #[test]
    fn a_template_without_its_markers_is_an_error() {
        assert!(one_file_page("<html></html>", "", "", "", "", "", b"").is_err());
    }
}
