//! The preview's HTTP side: serves only files inside the build folder. Paths are decoded
//! once and refused (400) when they hold `..`, `.`, backslashes or NUL; symlinks are never
//! followed; folders serve their `index.html` (and `/x` redirects to `/x/`); anything else
//! is the site's `404.html` with status 404. HTML responses get the live-reload script.
//! While a rebuild runs, a request first waits for its file to be written fresh
//! ([`Demand`]).

use super::reload::{self, Status};
use crate::incremental::demand::Demand;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tokio::sync::watch;

/// Longer request paths are refused: no page of a site needs them.
const MAX_PATH: usize = 2048;

/// What the handlers share.
#[derive(Clone)]
pub struct Shared {
    /// The build folder, symlinks resolved.
    pub root: PathBuf,
    pub status: watch::Receiver<Arc<Status>>,
    /// Bound to loopback: answer only requests addressed to a loopback host name, so that
    /// a web page elsewhere cannot read the preview through DNS rebinding.
    pub loopback_only: bool,
    /// While a rebuild is under way, a request waits for its file to be written fresh.
    pub demand: Arc<Demand>,
}

/// The router: the event stream and every file of the build.
pub fn router(shared: Shared) -> axum::Router {
    let loopback_only = shared.loopback_only;
    axum::Router::new()
        .route(reload::EVENTS, axum::routing::get(events))
        .fallback(file)
        .layer(axum::middleware::from_fn(
            move |req: axum::extract::Request, next: axum::middleware::Next| async move {
                if loopback_only && !local_host(req.headers().get(header::HOST)) {
                    return (
                        StatusCode::FORBIDDEN,
                        "This preview answers only requests for localhost or 127.0.0.1.\n",
                    )
                        .into_response();
                }
                next.run(req).await
            },
        ))
        .layer(axum::middleware::map_response(forbid_framing))
        .with_state(shared)
}

/// No page of the preview may be shown inside another site's frame (clickjacking a
/// preview that holds drafts): every response says so, in the old header and the new.
async fn forbid_framing(mut r: Response) -> Response {
    let h = r.headers_mut();
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("frame-ancestors 'none'"),
    );
    r
}

/// Whether a `Host` header names this machine: `localhost` (or a name under it), a
/// loopback address, or nothing at all (HTTP/1.0).
pub fn local_host(host: Option<&HeaderValue>) -> bool {
    let Some(host) = host else {
        return true;
    };
    let Ok(host) = host.to_str() else {
        return false;
    };
    let name = if host.starts_with('[') {
        host.split(']').next().map(|h| &h[1..]).unwrap_or("")
    } else {
        host.rsplit_once(':').map_or(host, |(h, _)| h)
    };
    let name = name.to_ascii_lowercase();
    name == "localhost"
        || name.ends_with(".localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// Why a request path was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum Refused {
    /// Malformed or hostile: 400.
    Bad,
}

/// Decodes a request path into safe segments (no `..`, `.`, backslash, NUL or empty ones).
pub fn segments(raw: &str) -> Result<Vec<String>, Refused> {
    if raw.len() > MAX_PATH || !raw.starts_with('/') {
        return Err(Refused::Bad);
    }
    let bytes = raw.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = raw.get(i + 1..i + 3).ok_or(Refused::Bad)?;
            decoded.push(u8::from_str_radix(hex, 16).map_err(|_| Refused::Bad)?);
            i += 3;
        } else {
            decoded.push(bytes[i]);
            i += 1;
        }
    }
    let text = String::from_utf8(decoded).map_err(|_| Refused::Bad)?;
    if text.contains(['\0', '\\']) {
        return Err(Refused::Bad);
    }
    let mut out = Vec::new();
    for s in text.split('/') {
        match s {
            "" => {}
            "." | ".." => return Err(Refused::Bad),
            s if s.chars().any(char::is_control) => return Err(Refused::Bad),
            s => out.push(s.to_string()),
        }
    }
    Ok(out)
}

/// What a path names inside the build folder.
#[derive(Debug, PartialEq, Eq)]
pub enum Found {
    File(PathBuf),
    /// A folder asked for without its trailing slash.
    Folder,
    Missing,
}

/// Finds `segs` under `root` without following any symlink and without leaving `root`.
pub fn find(root: &Path, segs: &[String], trailing_slash: bool) -> Found {
    let mut path = root.to_path_buf();
    for s in segs {
        // Files of an unfinished write and the output marker are not part of the site.
        if s.ends_with(".dossier-part") || s == crate::output::MARKER {
            return Found::Missing;
        }
        path.push(s);
        match std::fs::symlink_metadata(&path) {
            Ok(m) if m.file_type().is_symlink() => return Found::Missing,
            Ok(_) => {}
            Err(_) => return Found::Missing,
        }
    }
    let is_dir = std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir());
    if is_dir {
        if !trailing_slash && !segs.is_empty() {
            return Found::Folder;
        }
        path.push("index.html");
    }
    match std::fs::symlink_metadata(&path) {
        Ok(m) if m.is_file() => {}
        _ => return Found::Missing,
    }
    // Belt and braces: the resolved file must still be inside the build folder.
    match path.canonicalize() {
        Ok(c) if c.starts_with(root) => Found::File(c),
        _ => Found::Missing,
    }
}

/// The content type of a file, by its name.
pub fn content_type(path: &Path) -> &'static str {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if name == "atom.xml" {
        return "application/atom+xml; charset=utf-8";
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("html" | "htm") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("xml") => "application/xml; charset=utf-8",
        Some("txt") => "text/plain; charset=utf-8",
        Some("csv") => "text/csv; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("webp") => "image/webp",
        Some("avif") => "image/avif",
        Some("ico") => "image/x-icon",
        Some("woff2") => "font/woff2",
        Some("woff") => "font/woff",
        Some("pdf") => "application/pdf",
        Some("webmanifest") => "application/manifest+json",
        _ => "application/octet-stream",
    }
}

fn respond(status: StatusCode, ctype: &'static str, body: Vec<u8>, head: bool) -> Response {
    let len = body.len();
    let mut r = if head {
        Response::new(Body::empty())
    } else {
        Response::new(Body::from(body))
    };
    *r.status_mut() = status;
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(ctype));
    h.insert(header::CONTENT_LENGTH, HeaderValue::from(len));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    r
}

fn plain(status: StatusCode, text: &str, head: bool) -> Response {
    respond(
        status,
        "text/plain; charset=utf-8",
        text.as_bytes().to_vec(),
        head,
    )
}

async fn page(shared: &Shared, path: &Path, status: StatusCode, head: bool) -> Response {
    let Ok(bytes) = tokio::fs::read(path).await else {
        return plain(StatusCode::NOT_FOUND, "404 Not Found\n", head);
    };
    let ctype = content_type(path);
    let bytes = if ctype.starts_with("text/html") {
        let errors = shared.status.borrow().errors.clone();
        reload::inject(&bytes, &errors)
    } else {
        bytes
    };
    respond(status, ctype, bytes, head)
}

/// The output paths a request for `segs` may be answered from: a folder's `index.html`,
/// and the file itself when the path has no trailing slash.
fn output_paths(segs: &[String], raw: &str) -> Vec<String> {
    let joined = segs.join("/");
    let index = match joined.is_empty() {
        true => "index.html".to_string(),
        false => format!("{joined}/index.html"),
    };
    match raw.ends_with('/') || joined.is_empty() {
        true => vec![index],
        false => vec![joined, index],
    }
}

fn encode(seg: &str) -> String {
    let mut out = String::new();
    for b in seg.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

async fn file(State(shared): State<Shared>, method: Method, uri: Uri) -> Response {
    let head = method == Method::HEAD;
    if method != Method::GET && !head {
        return plain(
            StatusCode::METHOD_NOT_ALLOWED,
            "405 Method Not Allowed\n",
            head,
        );
    }
    let raw = uri.path();
    let Ok(segs) = segments(raw) else {
        return plain(StatusCode::BAD_REQUEST, "400 Bad Request\n", head);
    };
    if shared.demand.busy() {
        shared.demand.wait_for(&output_paths(&segs, raw)).await;
    }
    match find(&shared.root, &segs, raw.ends_with('/')) {
        Found::File(p) => page(&shared, &p, StatusCode::OK, head).await,
        Found::Folder => {
            // Built from the decoded segments, never from the raw path (no open redirects).
            let mut to: String = segs.iter().map(|s| format!("/{}", encode(s))).collect();
            to.push('/');
            if let Some(q) = uri.query() {
                to.push('?');
                to.push_str(q);
            }
            let mut r = plain(StatusCode::PERMANENT_REDIRECT, "", head);
            if let Ok(v) = HeaderValue::from_str(&to) {
                r.headers_mut().insert(header::LOCATION, v);
            }
            r
        }
        Found::Missing => match find(&shared.root, &["404.html".to_string()], false) {
            Found::File(p) => page(&shared, &p, StatusCode::NOT_FOUND, head).await,
            // No build yet (the first one failed): a bare page that still shows the errors
            // and reloads once a build succeeds.
            _ => {
                let errors = shared.status.borrow().errors.clone();
                let html = b"<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Not found</title><body><h1>Not found</h1></body></html>";
                let body = reload::inject(html, &errors);
                respond(
                    StatusCode::NOT_FOUND,
                    "text/html; charset=utf-8",
                    body,
                    head,
                )
            }
        },
    }
}

async fn events(State(shared): State<Shared>) -> Response {
    let rx = shared.status.clone();
    let stream =
        futures_util::stream::unfold((rx, None::<Arc<Status>>), |(mut rx, last)| async move {
            if last.is_some() {
                // Wake at least every 15 s so that closed tabs are noticed.
                match tokio::time::timeout(std::time::Duration::from_secs(15), rx.changed()).await {
                    Ok(Ok(())) => {}
                    Ok(Err(_)) => return None,
                    Err(_) => {
                        return Some((
                            Ok::<_, std::io::Error>(": keep-alive\n\n".to_string()),
                            (rx, last),
                        ));
                    }
                }
            }
            let now = rx.borrow_and_update().clone();
            let text = reload::events(last.as_deref(), &now);
            Some((Ok(text), (rx, Some(now))))
        });
    let mut r = Response::new(Body::from_stream(stream));
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/event-stream"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r.into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_host_names_are_local() {
        let h = |s: &'static str| Some(HeaderValue::from_static(s));
        for ok in [
            "localhost:1111",
            "127.0.0.1:1111",
            "[::1]:1111",
            "LOCALHOST",
            "app.localhost:8",
        ] {
            assert!(local_host(h(ok).as_ref()), "{ok}");
        }
        for bad in [
            "attacker.example:1111",
            "127.0.0.1.evil.example",
            "10.0.0.1:1111",
            "[::2]:1",
        ] {
            assert!(!local_host(h(bad).as_ref()), "{bad}");
        }
        assert!(local_host(None));
    }

    #[test]
    fn hostile_paths_are_refused() {
        for p in [
            "/../site.yaml",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/..%2fsite.yaml",
            "/%5c..%5csite.yaml",
            "/a/%00/b",
            "/./x",
            "/%zz",
        ] {
            assert_eq!(segments(p), Err(Refused::Bad), "{p}");
        }
        assert_eq!(
            segments("//etc/passwd"),
            Ok(vec!["etc".to_string(), "passwd".to_string()])
        );
        assert_eq!(segments("/%252e%252e/x").map(|s| s.len()), Ok(2));
    }
}
