//! `dist/` served over http on 127.0.0.1 by the project's own server (`serve.rs`), with a
//! test's pages and sheets beside it, with or without the strict policy headers.

use std::error::Error;
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

use super::{copy_dir, dist, serve, TempDir};

/// `Site::new`'s switch: pages carry `serve::STRICT_CSP` (Content-Security-Policy and Trusted
/// Types required, no policy allowed)...
pub const STRICT_POLICY: bool = true;
/// ... or no Content-Security-Policy at all, so that the policy cannot be what stops a
/// payload.
pub const NO_POLICY: bool = false;

/// `Site::with_cors`'s switch: every response carries `Access-Control-Allow-Origin: *`, as
/// the README asks of a host...
pub const CORS: bool = true;
/// ... or not, as a plain static server answers: the sandboxed iframe's wasm is blocked.
pub const NO_CORS: bool = false;

/// The host page's worst rules, for a page's stylesheet beside the card.
pub const HOSTILE_CSS: &str = include_str!("hostile.css");

/// `dist/` on 127.0.0.1, as is or as a temp copy with a test's files added.
pub struct Site {
    _copy: Option<TempDir>,
    pub addr: SocketAddr,
}

impl Site {
    /// A temp copy of `dist/` with `fixtures` (name, bytes) written into `fixtures/` (or under
    /// the site's root when the name holds a `/`, as `demo/other.html`), so no fixture ships
    /// in `dist/`. Pages carry the strict policy headers if `strict_policy`.
    pub fn new(fixtures: &[(&str, Vec<u8>)], strict_policy: bool) -> Site {
        Site::with_cors(fixtures, strict_policy, CORS)
    }

    /// `Site::new`, with or without the CORS header (`CORS`, `NO_CORS`).
    pub fn with_cors(fixtures: &[(&str, Vec<u8>)], strict_policy: bool, cors: bool) -> Site {
        let copy = TempDir::new("factsheet-e2e-site");
        copy_dir(&dist(), &copy.0).expect("a copy of dist/");
        for (name, bytes) in fixtures {
            let path = copy.0.join(fixture_path(name));
            std::fs::create_dir_all(path.parent().expect("a folder")).expect("a fixture folder");
            std::fs::write(&path, bytes).expect("a fixture");
        }
        let policy = strict_policy.then_some(serve::STRICT_CSP);
        let addr = serve::spawn_with_headers(copy.0.clone(), policy, cors)
            .expect("a static server on 127.0.0.1");
        Site {
            _copy: Some(copy),
            addr,
        }
    }

    /// `dist/` itself, as `cargo xtask serve` serves it (with the strict policy).
    pub fn dist() -> Site {
        let addr = serve::spawn(dist()).expect("a static server on 127.0.0.1");
        Site { _copy: None, addr }
    }

    /// `path` under `fixtures/`, or under the site's root when it holds a `/` (`demo/`).
    pub fn url(&self, path: &str) -> String {
        format!("http://{}/{}", self.addr, fixture_path(path))
    }

    /// The response head of a GET of `path` (from the site's root).
    pub fn response_head(&self, path: &str) -> Result<String, Box<dyn Error>> {
        use std::io::{Read, Write};
        let mut stream = TcpStream::connect(self.addr)?;
        write!(stream, "GET {path} HTTP/1.1\r\nHost: test\r\n\r\n")?;
        let mut answer = String::new();
        stream.read_to_string(&mut answer)?;
        Ok(answer.split("\r\n\r\n").next().unwrap_or("").to_string())
    }
}

fn fixture_path(name: &str) -> String {
    if name.contains('/') {
        name.to_string()
    } else {
        format!("fixtures/{name}")
    }
}

/// A page in `fixtures/` that loads the embed script from `../embed/`, with `head` (links,
/// scripts) added to its head and `body`. No inline script or style: clean under the strict
/// policy.
pub fn fixture_page(head: &str, body: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>fixture</title>\n{head}<script src=\"../embed/factsheet.js\" defer></script>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )
}

/// `<link>` elements for a page's head, one per stylesheet.
pub fn stylesheets(hrefs: &[&str]) -> String {
    hrefs
        .iter()
        .map(|s| format!("<link rel=\"stylesheet\" href=\"{s}\">\n"))
        .collect()
}

/// The pre-rendered host element (`<div data-factsheet data-prerendered ...>` with its
/// declarative shadow root) of a page the build wrote, such as `dist/demo/index.html`.
pub fn prerendered_host(html: &str) -> String {
    let start = html
        .find("<div data-factsheet data-prerendered")
        .expect("a pre-rendered host in the page");
    let end = html[start..]
        .find("</template></div>")
        .expect("the end of the pre-rendered host")
        + start
        + "</template></div>".len();
    html[start..end].to_string()
}

/// The pre-rendered host of `dist/demo/index.html`, with `attributes` (an id, a theme) added.
pub fn demo_prerendered_host(attributes: &str) -> String {
    let demo = std::fs::read_to_string(dist().join("demo/index.html")).expect("the demo page");
    prerendered_host(&demo).replacen(
        "<div data-factsheet",
        &format!("<div {attributes} data-factsheet"),
        1,
    )
}

/// One page served on 127.0.0.1 the way a slow connection delivers it: `page` cut at `cuts`
/// (byte offsets, ascending), each piece sent after a `pause`, so the browser paints what it
/// has parsed before the rest arrives. Any other path is a 404. Serves until the test ends.
pub fn serve_in_pieces(page: Vec<u8>, cuts: Vec<usize>, pause: Duration) -> SocketAddr {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    let addr = listener.local_addr().expect("the listener's address");
    let page = std::sync::Arc::new(page);
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let (page, cuts) = (page.clone(), cuts.clone());
            std::thread::spawn(move || {
                let Some(request) = read_request(&mut stream) else {
                    return;
                };
                if !request.starts_with(b"GET / ") {
                    let _ = stream.write_all(
                        b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                    );
                    return;
                }
                let _ = stream.write_all(
                    b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nConnection: close\r\n\r\n",
                );
                let mut from = 0;
                for cut in cuts.into_iter().chain([page.len()]) {
                    if stream.write_all(&page[from..cut]).is_err() || stream.flush().is_err() {
                        return;
                    }
                    from = cut;
                    std::thread::sleep(pause);
                }
            });
        }
    });
    addr
}

/// A sheet on its own 127.0.0.1 server that holds every request: a server that is slow, or
/// down. `answer` answers the held requests and every later one (a slow server's late
/// answer); `come_back` answers only requests made from then on (the held ones stay lost, as
/// after an outage). Answers carry CORS allowing any page.
pub struct HeldSheet {
    pub addr: SocketAddr,
    release_held: std::sync::Arc<std::sync::atomic::AtomicBool>,
    answer_new: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl HeldSheet {
    pub fn new(body: Vec<u8>) -> HeldSheet {
        use std::io::{Read, Write};
        use std::sync::atomic::{AtomicBool, Ordering};
        use std::sync::Arc;
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
        let addr = listener.local_addr().expect("the listener's address");
        let release_held = Arc::new(AtomicBool::new(false));
        let answer_new = Arc::new(AtomicBool::new(false));
        let body = Arc::new(body);
        let (release, new) = (release_held.clone(), answer_new.clone());
        std::thread::spawn(move || {
            for mut stream in listener.incoming().flatten() {
                let (body, release) = (body.clone(), release.clone());
                let answered_at_once = new.load(Ordering::SeqCst);
                std::thread::spawn(move || {
                    if read_request(&mut stream).is_none() {
                        return;
                    }
                    while !answered_at_once && !release.load(Ordering::SeqCst) {
                        std::thread::sleep(Duration::from_millis(20));
                    }
                    let head = format!(
                        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                        body.len()
                    );
                    let _ = stream.write_all(head.as_bytes());
                    let _ = stream.write_all(&body);
                });
            }
        });
        HeldSheet {
            addr,
            release_held,
            answer_new,
        }
    }

    pub fn url(&self) -> String {
        format!("http://{}/sheet.json", self.addr)
    }

    /// The held requests are answered now, and every later one at once.
    pub fn answer(&self) {
        self.answer_new
            .store(true, std::sync::atomic::Ordering::SeqCst);
        self.release_held
            .store(true, std::sync::atomic::Ordering::SeqCst);
    }

    /// Requests made from now on are answered at once; the held ones never are.
    pub fn come_back(&self) {
        self.answer_new
            .store(true, std::sync::atomic::Ordering::SeqCst);
    }
}

/// `dist/` and one page (`fixtures/page.html`) on their own 127.0.0.1 server that holds every
/// request for the wasm (`embed/factsheet_bg.wasm`) until `release`: the page, its stylesheet
/// and its script arrive at once, the wasm as late as the test likes (a slow connection, or a
/// reader who acts before a big bundle arrives). A request for [`HeldWasm::STALLED`] is
/// answered only once the server is dropped: an image there keeps the page's load event from
/// coming. Serves until the test ends.
pub struct HeldWasm {
    pub addr: SocketAddr,
    release: std::sync::Arc<std::sync::atomic::AtomicBool>,
    ended: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl Drop for HeldWasm {
    fn drop(&mut self) {
        self.ended.store(true, std::sync::atomic::Ordering::SeqCst);
    }
}

impl HeldWasm {
    pub const WASM: &'static str = "/embed/factsheet_bg.wasm";
    pub const STALLED: &'static str = "/stalled.png";

    pub fn new(page: Vec<u8>) -> HeldWasm {
        use std::io::{Read, Write};
        use std::sync::atomic::{AtomicBool, Ordering};
        use std::sync::Arc;
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
        let addr = listener.local_addr().expect("the listener's address");
        let release = Arc::new(AtomicBool::new(false));
        let ended = Arc::new(AtomicBool::new(false));
        let (page, released, over) = (Arc::new(page), release.clone(), ended.clone());
        let root = dist();
        std::thread::spawn(move || {
            for mut stream in listener.incoming().flatten() {
                let (page, released, root, over) =
                    (page.clone(), released.clone(), root.clone(), over.clone());
                std::thread::spawn(move || {
                    let Some(request) = read_request(&mut stream) else {
                        return;
                    };
                    let line = String::from_utf8_lossy(&request).to_string();
                    let path = line
                        .split_whitespace()
                        .nth(1)
                        .unwrap_or("/")
                        .split(['?', '#'])
                        .next()
                        .unwrap_or("/")
                        .to_string();
                    if path == Self::WASM {
                        while !released.load(Ordering::SeqCst) {
                            std::thread::sleep(Duration::from_millis(20));
                        }
                    }
                    if path == Self::STALLED {
                        while !over.load(Ordering::SeqCst) {
                            std::thread::sleep(Duration::from_millis(20));
                        }
                    }
                    let body = if path == "/fixtures/page.html" {
                        Some(page.to_vec())
                    } else if path.split('/').any(|part| part == "..") {
                        None
                    } else {
                        std::fs::read(root.join(path.trim_start_matches('/'))).ok()
                    };
                    let Some(body) = body else {
                        let _ = stream.write_all(
                            b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                        );
                        return;
                    };
                    let kind = match path.rsplit('.').next() {
                        Some("html") => "text/html; charset=utf-8",
                        Some("js") => "text/javascript",
                        Some("css") => "text/css",
                        Some("wasm") => "application/wasm",
                        Some("json") => "application/json",
                        _ => "application/octet-stream",
                    };
                    let head = format!(
                        "HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\nCache-Control: no-store\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                        body.len()
                    );
                    let _ = stream.write_all(head.as_bytes());
                    let _ = stream.write_all(&body);
                });
            }
        });
        HeldWasm {
            addr,
            release,
            ended,
        }
    }

    pub fn url(&self) -> String {
        format!("http://{}/fixtures/page.html", self.addr)
    }

    /// The wasm is answered now (the held requests and every later one).
    pub fn release(&self) {
        self.release
            .store(true, std::sync::atomic::Ordering::SeqCst);
    }
}

/// An HTTP request's head, read from `stream` up to its blank line; `None` when the browser
/// closed the connection first.
fn read_request(stream: &mut std::net::TcpStream) -> Option<Vec<u8>> {
    use std::io::Read;
    let mut request = Vec::new();
    let mut buffer = [0; 4096];
    while !request.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buffer) {
            Ok(0) | Err(_) => return None,
            Ok(n) => request.extend_from_slice(&buffer[..n]),
        }
    }
    Some(request)
}
