//! A small static file server for `dist/` on 127.0.0.1, std only. It serves the embed demo
//! over http, where the loader may fetch `factsheet_bg.wasm` (browsers refuse that on
//! `file://`). The end-to-end tests (`tests/support/`) include this file too, so it uses
//! nothing from the crate.

use std::fs;
use std::io::{self, BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::thread;
use std::time::Duration;

pub const DEFAULT_PORT: u16 = 8000;

/// The policy every page is served with: the strictest a newsroom is likely to run, so the
/// demo proves the widget works under it (no inline script or style, no eval but wasm's; no
/// string into an HTML, script or script-URL sink, and no Trusted Types policy to launder one).
pub const STRICT_CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; require-trusted-types-for 'script'; trusted-types 'none'";

/// `policy` as served to a page requested from `host`: the page's own origin named beside each
/// `'self'`. WebKit matches `'self'` in a sandboxed frame (an opaque origin) against nothing,
/// so without the name the iframe embed's own scripts and its wasm would be blocked there.
pub fn policy_for(policy: &str, host: &str) -> String {
    policy.replace("'self'", &format!("'self' http://{host}"))
}

/// A `Host` header's value fit to go into a policy: a name or address and a port, nothing
/// that could end the source or the directive.
fn plain_host(host: &str) -> Option<&str> {
    let host = host.trim();
    let plain = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | ':' | '-' | '[' | ']'));
    plain.then_some(host)
}

/// Serves `root` on 127.0.0.1:`port` until the process is stopped (Ctrl-C).
pub fn run(root: &Path, port: u16) -> Result<(), String> {
    let listener = TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e} (try `--port N`)"))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    println!(
        "serve: {} on http://{addr}/ (demo: http://{addr}/demo/); Ctrl-C stops",
        root.display()
    );
    accept_forever(listener, root.to_path_buf(), Some(STRICT_CSP), true);
    Ok(())
}

/// Serves `root` on an ephemeral 127.0.0.1 port from a background thread, with `STRICT_CSP`
/// on every page; returns the address.
pub fn spawn(root: PathBuf) -> io::Result<SocketAddr> {
    spawn_with_policy(root, Some(STRICT_CSP))
}

/// Like `spawn`, with `policy` as every page's Content-Security-Policy, or none at all: the
/// tests show that a sheet's text runs nothing even on a page that has no policy to stop it.
pub fn spawn_with_policy(root: PathBuf, policy: Option<&'static str>) -> io::Result<SocketAddr> {
    spawn_with_headers(root, policy, true)
}

/// Like `spawn_with_policy`, and with `cors` false, no `Access-Control-Allow-Origin`: a plain
/// static server as a newsroom may have, where the sandboxed iframe cannot load the wasm and
/// shows its pre-rendered card.
pub fn spawn_with_headers(
    root: PathBuf,
    policy: Option<&'static str>,
    cors: bool,
) -> io::Result<SocketAddr> {
    let listener = TcpListener::bind(("127.0.0.1", 0))?;
    let addr = listener.local_addr()?;
    thread::spawn(move || accept_forever(listener, root, policy, cors));
    Ok(addr)
}

fn accept_forever(listener: TcpListener, root: PathBuf, policy: Option<&'static str>, cors: bool) {
    for stream in listener.incoming().flatten() {
        let root = root.clone();
        thread::spawn(move || {
            // A client that hangs up early is its own business.
            let _ = respond(stream, &root, policy, cors);
        });
    }
}

fn respond(mut stream: TcpStream, root: &Path, policy: Option<&str>, cors: bool) -> io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Drain the headers; only the host changes the answer (see `policy_for`).
    let mut header = String::new();
    let mut host = None;
    while reader.read_line(&mut header)? > 2 {
        if let Some((name, value)) = header.split_once(':') {
            if name.eq_ignore_ascii_case("host") {
                host = plain_host(value).map(str::to_owned);
            }
        }
        header.clear();
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let answer = match method {
        "GET" | "HEAD" => lookup(root, target),
        _ => Answer::status(405, "Method Not Allowed"),
    };
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nConnection: close\r\n",
        answer.code,
        answer.reason,
        answer.content_type,
        answer.body.len()
    );
    if let Some(policy) = policy.filter(|_| answer.content_type.starts_with("text/html")) {
        let policy = match &host {
            Some(host) => policy_for(policy, host),
            None => policy.to_owned(),
        };
        head.push_str(&format!("Content-Security-Policy: {policy}\r\n"));
    }
    // Sandboxed iframes (opaque origin) load the wasm and sheets with CORS.
    if cors {
        head.push_str("Access-Control-Allow-Origin: *\r\n");
    }
    if let Some(location) = &answer.location {
        head.push_str(&format!("Location: {location}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if method != "HEAD" {
        stream.write_all(&answer.body)?;
    }
    stream.flush()
}

struct Answer {
    code: u16,
    reason: &'static str,
    content_type: &'static str,
    body: Vec<u8>,
    location: Option<String>,
}

impl Answer {
    fn status(code: u16, reason: &'static str) -> Self {
        let body = format!("{code} {reason}\n").into_bytes();
        Answer {
            code,
            reason,
            content_type: "text/plain; charset=utf-8",
            body,
            location: None,
        }
    }
}

fn lookup(root: &Path, target: &str) -> Answer {
    let url_path = target.split(['?', '#']).next().unwrap_or("/");
    let Some(relative) = percent_decode(url_path) else {
        return Answer::status(400, "Bad Request");
    };
    let relative = Path::new(relative.trim_start_matches('/'));
    // Only plain names: no `..`, no absolute paths, nothing outside `root`.
    if !relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)))
    {
        return Answer::status(404, "Not Found");
    }
    let mut file = root.join(relative);
    if file.is_dir() {
        if !url_path.ends_with('/') {
            let mut redirect = Answer::status(301, "Moved Permanently");
            redirect.location = Some(format!("{url_path}/"));
            return redirect;
        }
        file.push("index.html");
    }
    match fs::read(&file) {
        Ok(body) => Answer {
            code: 200,
            reason: "OK",
            content_type: content_type(&file),
            body,
            location: None,
        },
        Err(_) => Answer::status(404, "Not Found"),
    }
}

pub fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
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

fn percent_decode(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok().filter(|s| !s.contains('\0'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn get(addr: SocketAddr, path: &str) -> String {
        let mut stream = TcpStream::connect(addr).unwrap();
        write!(stream, "GET {path} HTTP/1.1\r\nHost: test\r\n\r\n").unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        answer
    }

    #[test]
    fn serves_files_with_their_types_and_nothing_outside_the_root() {
        let root = std::env::temp_dir().join(format!("xtask-serve-test-{}", std::process::id()));
        fs::create_dir_all(root.join("demo")).unwrap();
        fs::write(root.join("demo/index.html"), "<p>demo</p>").unwrap();
        fs::write(root.join("w.wasm"), b"\0asm").unwrap();
        let addr = spawn(root.clone()).unwrap();

        let page = get(addr, "/demo/");
        assert!(
            page.starts_with("HTTP/1.1 200 OK") && page.ends_with("<p>demo</p>"),
            "{page}"
        );
        assert!(get(addr, "/w.wasm").contains("Content-Type: application/wasm"));
        let redirect = get(addr, "/demo?x=1");
        assert!(
            redirect.starts_with("HTTP/1.1 301") && redirect.contains("Location: /demo/"),
            "{redirect}"
        );
        assert!(get(addr, "/../etc/passwd").starts_with("HTTP/1.1 404"));
        assert!(get(addr, "/%2e%2e/etc/passwd").starts_with("HTTP/1.1 404"));
        assert!(page.contains(&format!(
            "Content-Security-Policy: {}\r\n",
            policy_for(STRICT_CSP, "test")
        )));
        assert!(policy_for(STRICT_CSP, "test").starts_with("default-src 'self' http://test;"));
        assert_eq!(plain_host(" 127.0.0.1:8000\r\n"), Some("127.0.0.1:8000"));
        assert_eq!(plain_host("evil; script-src *"), None);

        let without = spawn_with_policy(root.clone(), None).unwrap();
        let page = get(without, "/demo/");
        assert!(
            page.starts_with("HTTP/1.1 200 OK") && !page.contains("Content-Security-Policy"),
            "{page}"
        );
        assert!(get(without, "/w.wasm").contains("Access-Control-Allow-Origin: *\r\n"));
        let plain = spawn_with_headers(root.clone(), Some(STRICT_CSP), false).unwrap();
        let wasm = get(plain, "/w.wasm");
        assert!(
            wasm.starts_with("HTTP/1.1 200 OK") && !wasm.contains("Access-Control-Allow-Origin"),
            "{wasm}"
        );
        fs::remove_dir_all(root).unwrap();
    }

    #[test]
    fn file_urls_escape_spaces() {
        assert_eq!(
            file_url(Path::new("/a b/dist/index.html")),
            "file:///a%20b/dist/index.html"
        );
    }
}
