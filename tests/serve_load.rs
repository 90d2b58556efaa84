//! `dossier serve` under a bounded loopback load: thousands of requests, 50 at a time over
//! keep-alive connections, while edits land (bodies, titles, actors, YAML broken then
//! fixed). Every response must be whole and the expected one, no page may stay stale after
//! the last rebuild, and the server's memory must stay flat.
//!
//! The suite runs a small load; the full one (20,000 requests, 50 at once, 200 edits) runs
//! with `cargo test --release --test serve_load -- --ignored --nocapture`.

mod common;

use common::serve::Running;
use common::{TestSite, snapshot};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

/// How hard to push.
#[derive(Clone, Copy)]
struct Load {
    briefings: usize,
    requests: usize,
    concurrency: usize,
    edits: usize,
}

const ACTORS: usize = 20;
/// Briefings that edits touch (several edits each, the last one wins).
const EDITED: usize = 24;
/// Requests on one connection before it is closed and another opened.
const PER_CONNECTION: usize = 100;

/// One briefing's front matter and body as an edit leaves it.
#[derive(Clone)]
struct Text {
    title: String,
    body: String,
    second_actor: bool,
}

impl Text {
    fn file(&self, i: usize) -> String {
        let mut actors = format!("Actor {}", i % ACTORS);
        if self.second_actor {
            actors.push_str(&format!(", Actor {}", (i + 1) % ACTORS));
        }
        format!(
            "---\ntitle: {}\ndate: 2025-{:02}-{:02}\nactors: [{actors}]\ntags: [t{}]\n---\n{}\n",
            self.title,
            1 + i % 12,
            1 + i % 28,
            i % 10,
            self.body
        )
    }
}

impl Text {
    /// Whether a served page shows this text, without an error overlay.
    fn shown_in(&self, page: &str) -> bool {
        let words = self.body.split(" names").next().unwrap_or_default();
        page.contains(&format!(">{}</h1>", self.title))
            && page.contains(&format!("{words} names "))
            && !page.contains(OVERLAY)
    }
}

/// The start of the error overlay in a served page.
const OVERLAY: &str = "<div id=\"dossier-overlay\"";

fn first_text(i: usize) -> Text {
    Text {
        title: format!("Briefing {i}"),
        body: format!("Body {i} names [[Actor {}]].", i % ACTORS),
        second_actor: false,
    }
}

fn briefing_path(i: usize) -> String {
    format!("content/briefings/b{i:04}.md")
}

fn site(n: usize) -> TestSite {
    let site = TestSite::new(&[]);
    for a in 0..ACTORS {
        site.write(
            &format!("content/actors/actor-{a}.md"),
            &format!("---\nname: Actor {a}\n---\nProfile {a}.\n"),
        );
    }
    for i in 0..n {
        site.write(&briefing_path(i), &first_text(i).file(i));
    }
    site
}

/// One edit: which briefing, the file's new text, what kind of change it is, and what the
/// briefing's page shows once it is rebuilt (for a broken file: the error overlay instead).
struct Edit {
    briefing: usize,
    text: String,
    kind: &'static str,
    shows: Text,
}

/// The edits, in order, and each edited briefing's text after the last of them. Two of them
/// break the YAML; the edit after each fixes the same file.
fn plan(edits: usize) -> (Vec<Edit>, Vec<Text>) {
    let broken = [edits / 3, 2 * edits / 3];
    let mut state: Vec<Text> = (0..EDITED).map(first_text).collect();
    let mut out: Vec<Edit> = Vec::new();
    for k in 0..edits {
        let j = match out.last() {
            Some(last) if last.kind == "broken YAML" => last.briefing,
            _ => (k * 7) % EDITED,
        };
        if broken.contains(&k) {
            let text = state[j]
                .file(j)
                .replacen("title: ", &format!("title: [broken {k}\n"), 1);
            out.push(Edit {
                briefing: j,
                text,
                kind: "broken YAML",
                shows: state[j].clone(),
            });
            continue;
        }
        // Every edit changes the body too, so that the page shows which edit it has.
        state[j].body = format!("Body {j} after edit {k} names [[Actor {}]].", k % ACTORS);
        let kind = match k % 10 {
            3 => {
                state[j].title = format!("Briefing {j} revision {k}");
                "title"
            }
            7 => {
                state[j].second_actor = !state[j].second_actor;
                "actors"
            }
            _ => "body",
        };
        out.push(Edit {
            briefing: j,
            text: state[j].file(j),
            kind,
            shows: state[j].clone(),
        });
    }
    (out, state)
}

/// What a URL must answer.
#[derive(Clone, Copy, PartialEq)]
enum Expect {
    Html,
    Briefing,
    Missing,
    Json,
    Atom,
    Css,
}

fn urls(briefings: usize) -> Vec<(String, Expect)> {
    let mut out = vec![
        ("/".to_string(), Expect::Html),
        ("/timeline/".to_string(), Expect::Html),
        ("/actors/".to_string(), Expect::Html),
        ("/tags/".to_string(), Expect::Html),
        ("/no/such/page/".to_string(), Expect::Missing),
        ("/search-index.json".to_string(), Expect::Json),
        ("/atom.xml".to_string(), Expect::Atom),
        ("/style.css".to_string(), Expect::Css),
    ];
    for a in 0..ACTORS {
        out.push((format!("/actors/actor-{a}/"), Expect::Html));
    }
    let step = (briefings / 40).max(1);
    for i in (0..EDITED).chain((EDITED..briefings).step_by(step)) {
        out.push((format!("/briefings/b{i:04}/"), Expect::Briefing));
    }
    out
}

/// A whole response, or why there was none.
struct Response {
    status: u16,
    body: Vec<u8>,
    close: bool,
}

/// One HTTP/1.1 GET on `conn` (opened first if there is none); the body is read to exactly
/// its `Content-Length`, so a truncated one is an error.
async fn get(
    conn: &mut Option<BufReader<TcpStream>>,
    addr: &str,
    path: &str,
) -> Result<Response, String> {
    let mut s = match conn.take() {
        Some(s) => s,
        None => BufReader::new(
            TcpStream::connect(addr)
                .await
                .map_err(|e| format!("connect: {e}"))?,
        ),
    };
    let req = format!("GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n");
    s.get_mut()
        .write_all(req.as_bytes())
        .await
        .map_err(|e| format!("send: {e}"))?;
    let mut line = String::new();
    let n = s
        .read_line(&mut line)
        .await
        .map_err(|e| format!("status line: {e}"))?;
    if n == 0 {
        return Err("connection closed before the status line".into());
    }
    let status: u16 = line
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .ok_or_else(|| format!("bad status line {line:?}"))?;
    let (mut length, mut close) = (None, false);
    loop {
        line.clear();
        s.read_line(&mut line)
            .await
            .map_err(|e| format!("headers: {e}"))?;
        let header = line.trim_end();
        if header.is_empty() {
            break;
        }
        let (name, value) = header.split_once(':').unwrap_or((header, ""));
        let (name, value) = (name.to_ascii_lowercase(), value.trim());
        if name == "content-length" {
            length = value.parse::<usize>().ok();
        } else if name == "connection" && value.eq_ignore_ascii_case("close") {
            close = true;
        }
    }
    let length = length.ok_or("no Content-Length")?;
    let mut body = vec![0; length];
    s.read_exact(&mut body)
        .await
        .map_err(|e| format!("body cut short ({length} bytes announced): {e}"))?;
    if !close {
        *conn = Some(s);
    }
    Ok(Response {
        status,
        body,
        close,
    })
}

/// Whether a response is whole and what `expect` asks for.
fn check(r: &Response, expect: Expect) -> Result<(), String> {
    let want = if expect == Expect::Missing { 404 } else { 200 };
    if r.status != want {
        return Err(format!("status {} instead of {want}", r.status));
    }
    let text = String::from_utf8_lossy(&r.body);
    let whole = match expect {
        Expect::Html | Expect::Missing => text.trim_end().ends_with("</html>"),
        Expect::Briefing => text.trim_end().ends_with("</html>") && text.contains("<h1"),
        Expect::Json => serde_json::from_slice::<serde_json::Value>(&r.body).is_ok(),
        Expect::Atom => text.trim_end().ends_with("</feed>"),
        Expect::Css => !r.body.is_empty(),
    };
    if whole {
        Ok(())
    } else {
        Err(format!("incomplete body ({} bytes)", r.body.len()))
    }
}

/// The resident memory of a process, in KiB.
fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or(0)
}

/// A blocking GET of one page's body, with a fresh connection (for probes outside the load).
fn probe(rt: &tokio::runtime::Handle, addr: &str, path: &str) -> String {
    let mut conn = None;
    rt.block_on(get(&mut conn, addr, path))
        .map(|r| String::from_utf8_lossy(&r.body).to_string())
        .unwrap_or_default()
}

/// Polls until `ok` holds, for at most a minute: a rebuild takes a moment, and a page that
/// never catches up is the failure this looks for.
fn until(what: &str, mut ok: impl FnMut() -> bool) -> Result<(), String> {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !ok() {
        if Instant::now() > deadline {
            return Err(what.to_string());
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    Ok(())
}

/// What the load's tasks and threads share.
#[derive(Default)]
struct Progress {
    /// Requests handed out (a task takes the next number).
    issued: AtomicUsize,
    /// Requests answered, well or not.
    done: AtomicUsize,
    /// Edits that show on their page.
    edited: AtomicUsize,
    /// Set while edits are still landing: the requests go on until the last one shows.
    editing: AtomicBool,
    failures: Mutex<Vec<String>>,
}

/// One of the concurrent clients: keep-alive requests until the load is over.
async fn client(
    progress: Arc<Progress>,
    urls: Arc<Vec<(String, Expect)>>,
    addr: String,
    total: usize,
) {
    let (mut conn, mut on_conn) = (None, 0);
    loop {
        let i = progress.issued.fetch_add(1, Ordering::Relaxed);
        if i >= total && !progress.editing.load(Ordering::Relaxed) {
            break;
        }
        let (url, expect) = &urls[(i * 7919) % urls.len()];
        if on_conn == PER_CONNECTION {
            (conn, on_conn) = (None, 0);
        }
        let result = tokio::time::timeout(Duration::from_secs(30), get(&mut conn, &addr, url))
            .await
            .map_err(|_| "no answer within 30 s".to_string())
            .and_then(|r| r)
            .and_then(|r| check(&r, *expect).map(|()| r));
        match result {
            Ok(r) if !r.close => on_conn += 1,
            Ok(_) => on_conn = 0,
            Err(e) => {
                (conn, on_conn) = (None, 0);
                if let Ok(mut f) = progress.failures.lock() {
                    f.push(format!("{url}: {e}"));
                }
            }
        }
        progress.done.fetch_add(1, Ordering::Relaxed);
    }
}

/// Makes the edits while the requests run: each after its share of them, and only once the
/// page shows the one before (or its error overlay), so that every edit has its own rebuild
/// under load. Returns how many probe requests that took.
fn edit_all(
    progress: &Progress,
    root: &Path,
    rt: &tokio::runtime::Handle,
    addr: &str,
    edits: &[Edit],
    total: usize,
) -> Result<usize, String> {
    let mut probes = 0;
    for (k, edit) in edits.iter().enumerate() {
        while progress.done.load(Ordering::Relaxed) < (k + 1) * total / (edits.len() + 1) {
            std::thread::sleep(Duration::from_millis(1));
        }
        std::fs::write(root.join(briefing_path(edit.briefing)), &edit.text)
            .map_err(|e| format!("edit {k}: {e}"))?;
        let page = format!("/briefings/b{:04}/", edit.briefing);
        until(&format!("edit {k} ({}) never showed", edit.kind), || {
            probes += 1;
            let body = probe(rt, addr, &page);
            if edit.kind == "broken YAML" {
                body.contains(OVERLAY)
            } else {
                edit.shows.shown_in(&body)
            }
        })?;
        progress.edited.fetch_add(1, Ordering::Relaxed);
    }
    Ok(probes)
}

/// The server's resident memory after warm-up (a tenth of the requests) and halfway through
/// the edits, and its peak, sampled every few milliseconds until `stop`.
fn sample(pid: u32, progress: &Progress, load: &Load, stop: &AtomicBool) -> (Vec<u64>, u64) {
    let (mut rss, mut peak) = (Vec::new(), 0);
    while !stop.load(Ordering::Relaxed) {
        let now = rss_kib(pid);
        peak = peak.max(now);
        let due = match rss.len() {
            0 => progress.done.load(Ordering::Relaxed) >= load.requests / 10,
            1 => progress.edited.load(Ordering::Relaxed) >= load.edits / 2,
            _ => false,
        };
        if due {
            rss.push(now);
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    (rss, peak)
}

fn run(load: Load) {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let site = site(load.briefings);
    let (server, addr, preview) = Running::serve(&site);
    let pid = server.child.id();
    let rss_start = rss_kib(pid);
    let urls = Arc::new(urls(load.briefings));
    let (edits, finals) = plan(load.edits);
    let progress = Arc::new(Progress::default());
    progress.editing.store(true, Ordering::Relaxed);
    let stop = Arc::new(AtomicBool::new(false));

    let started = Instant::now();
    let sampler = {
        let (progress, stop) = (progress.clone(), stop.clone());
        std::thread::spawn(move || sample(pid, &progress, &load, &stop))
    };
    let editor = {
        let (progress, root, addr) = (progress.clone(), site.root().to_path_buf(), addr.clone());
        let handle = rt.handle().clone();
        std::thread::spawn(move || {
            let r = edit_all(&progress, &root, &handle, &addr, &edits, load.requests);
            progress.editing.store(false, Ordering::Relaxed);
            r
        })
    };
    let clients: Vec<_> = (0..load.concurrency)
        .map(|_| {
            rt.spawn(client(
                progress.clone(),
                urls.clone(),
                addr.clone(),
                load.requests,
            ))
        })
        .collect();
    for c in clients {
        rt.block_on(c).expect("client");
    }
    let elapsed = started.elapsed();
    let probes = editor.join().expect("editor");
    stop.store(true, Ordering::Relaxed);
    let (rss, peak) = sampler.join().expect("sampler");
    let probes = probes.unwrap_or_else(|e| panic!("{e}"));

    // Once the last edit settles, every edited page shows its last text, and the whole
    // preview equals a clean build of the same files.
    let handle = rt.handle().clone();
    for (j, text) in finals.iter().enumerate() {
        let page = format!("/briefings/b{j:04}/");
        let shown = until(&format!("{page} never showed its last edit"), || {
            text.shown_in(&probe(&handle, &addr, &page))
        });
        assert_eq!(shown, Ok(()));
    }
    let clean = tempfile::tempdir().expect("temp dir");
    let r = site.run(&[
        "build",
        "-q",
        "--output",
        &clean.path().to_string_lossy(),
        "--base-url",
        &format!("http://{addr}/"),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let clean = snapshot(clean.path());
    let mut stale = Vec::new();
    let settled = until("the preview never matched a clean build", || {
        stale = differences(&preview, &clean);
        stale.is_empty()
    });
    assert_eq!(settled, Ok(()), "stale files: {stale:?}");
    let rss_end = rss_kib(pid);
    let rebuilds = server
        .lines
        .try_iter()
        .filter(|l| l.contains(" in "))
        .count();

    let failures = progress
        .failures
        .lock()
        .map(|f| f.clone())
        .unwrap_or_default();
    println!(
        "serve load: {} requests served, {} at once, {} failed; {} edits ({}), {} rebuild lines, {} probes; RSS start {} / after warm-up {} / middle {} / end {} MiB (peak {} MiB); {:.1} s",
        progress.done.load(Ordering::Relaxed),
        load.concurrency,
        failures.len(),
        load.edits,
        kinds(load.edits),
        rebuilds,
        probes,
        rss_start / 1024,
        rss.first().copied().unwrap_or(0) / 1024,
        rss.get(1).copied().unwrap_or(0) / 1024,
        rss_end / 1024,
        peak / 1024,
        elapsed.as_secs_f64(),
    );
    assert!(
        failures.is_empty(),
        "{} failed requests, the first: {:#?}",
        failures.len(),
        &failures[..failures.len().min(20)]
    );
    let warm = rss.first().copied().unwrap_or(0);
    assert!(
        warm > 0 && rss_end <= 2 * warm,
        "memory grew: {warm} KiB after warm-up, {rss_end} KiB at the end"
    );
}

fn kinds(edits: usize) -> String {
    let (plan, _) = plan(edits);
    let mut counts = std::collections::BTreeMap::new();
    for e in &plan {
        *counts.entry(e.kind).or_insert(0) += 1;
    }
    counts
        .iter()
        .map(|(k, n)| format!("{n} {k}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Files that differ between the preview folder and a clean build.
fn differences(preview: &Path, clean: &std::collections::BTreeMap<String, Vec<u8>>) -> Vec<String> {
    let now = snapshot(preview);
    let mut out: Vec<String> = clean
        .iter()
        .filter(|(p, b)| now.get(*p) != Some(b))
        .map(|(p, _)| p.clone())
        .collect();
    out.extend(now.keys().filter(|p| !clean.contains_key(*p)).cloned());
    out
}

#[test]
fn serve_answers_every_request_while_edits_land() {
    run(Load {
        briefings: 150,
        requests: 5_000,
        concurrency: 50,
        edits: 50,
    });
}

#[test]
#[ignore = "the full-size run: cargo test --release --test serve_load -- --ignored --nocapture"]
fn serve_answers_20000_requests_while_200_edits_land() {
    // DOSSIER_SERVE_LOAD=briefings,requests,concurrency,edits sizes another run.
    let sizes: Vec<usize> = std::env::var("DOSSIER_SERVE_LOAD")
        .unwrap_or_default()
        .split(',')
        .filter_map(|n| n.trim().parse().ok())
        .collect();
    let size = |i: usize, default: usize| sizes.get(i).copied().unwrap_or(default);
    run(Load {
        briefings: size(0, 1_000),
        requests: size(1, 20_000),
        concurrency: size(2, 50),
        edits: size(3, 200),
    });
}
