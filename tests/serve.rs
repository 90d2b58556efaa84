//! `dossier serve` and `dossier build --watch`, as a curator sees them: pages over HTTP that
//! follow every save, an error overlay that comes and goes, and a server that hands out
//! nothing but the built site.

mod common;

use common::TestSite;
use common::serve::Running;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// A raw HTTP/1.1 GET (no client library normalizes the path on our behalf).
fn get(addr: &str, path: &[u8]) -> (u16, String) {
    get_as(addr, path, "localhost")
}

/// [`get`] with the `Host` header given.
fn get_as(addr: &str, path: &[u8], host: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    let mut req = b"GET ".to_vec();
    req.extend_from_slice(path);
    req.extend_from_slice(
        format!(" HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").as_bytes(),
    );
    s.write_all(&req).expect("send");
    let mut buf = Vec::new();
    let _ = s.read_to_end(&mut buf);
    let text = String::from_utf8_lossy(&buf).to_string();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    (status, text)
}

/// Polls `path` until its response satisfies `ok` (a rebuild takes a moment).
fn until(addr: &str, path: &str, what: &str, ok: impl Fn(u16, &str) -> bool) -> (u16, String) {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let (status, body) = get(addr, path.as_bytes());
        if ok(status, &body) {
            return (status, body);
        }
        assert!(
            Instant::now() < deadline,
            "{what}: last response {status}\n{body}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

const BRIEFING: &str = "---\ntitle: Talks resume\ndate: 2025-11-20\nactors: [Jean-Noël Barrot]\n---\nThe first text.\n";

fn small_site() -> TestSite {
    TestSite::new(&[
        ("content/briefings/talks.md", BRIEFING),
        (
            "content/actors/jean-noel-barrot.md",
            "---\nname: Jean-Noël Barrot\n---\nFrench foreign minister.\n",
        ),
    ])
}

#[test]
fn serve_follows_edits_shows_errors_in_the_page_and_recovers() {
    let site = small_site();
    let (_r, addr, _) = Running::serve(&site);
    let (status, body) = get(&addr, b"/briefings/talks/");
    assert_eq!(status, 200);
    assert!(body.contains("The first text."));
    assert!(
        body.contains("/__dossier/events"),
        "live-reload script injected"
    );

    site.write(
        "content/briefings/talks.md",
        &BRIEFING.replace("The first text.", "A second text."),
    );
    until(&addr, "/briefings/talks/", "the edit shows", |s, b| {
        s == 200 && b.contains("A second text.")
    });

    site.write(
        "content/briefings/talks.md",
        &BRIEFING.replace("title: Talks resume", "title: [Talks resume"),
    );
    let (_, body) = until(&addr, "/briefings/talks/", "the overlay shows", |s, b| {
        s == 200 && b.contains("invalid YAML")
    });
    assert!(body.contains("content/briefings/talks.md:"), "{body}");
    assert!(body.contains(": error: invalid YAML"), "{body}");
    assert!(body.contains("A second text."), "the last good page stays");
    let (status, _) = get(&addr, b"/actors/jean-noel-barrot/");
    assert_eq!(status, 200, "the server still answers");

    site.write(
        "content/briefings/talks.md",
        &BRIEFING.replace("The first text.", "A third text."),
    );
    // As in serve_starts_on_a_broken_site_and_shows_why: the page lands just before the
    // errors are cleared.
    until(&addr, "/briefings/talks/", "the overlay goes", |s, b| {
        s == 200 && b.contains("A third text.") && !b.contains("invalid YAML")
    });
}

/// Two errors, each with a help; a warning the overlay leaves to the terminal; `<b>&</b>`
/// in the source line, which the overlay must show as text.
const TWO_ERRORS: &str = "---\ntitle: Talks resume\ndate: 2025-11-20\nactors: [Jean-Noël Barrot]\ntopics: [peace]\nstances:\n  - {actor: Jean-Noël Barrot, on: peace, position: suports}\n---\nSee [[Jean-Noel Barot]] <b>&</b>.\n";

/// The overlay's `<div>` in a served page.
fn overlay_of(body: &str) -> &str {
    let start = body
        .find("<div id=\"dossier-overlay\"")
        .expect("an overlay");
    let end = body[start..].find("</ol></div>").expect("its end") + start;
    &body[start..end]
}

#[test]
fn the_overlay_lists_every_error_with_its_source_line_caret_and_help() {
    let site = small_site();
    let (_r, addr, _) = Running::serve(&site);
    let mut events = TcpStream::connect(&addr).expect("connect");
    events
        .write_all(b"GET /__dossier/events HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .expect("send");
    events
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("timeout");
    site.write("content/briefings/talks.md", TWO_ERRORS);
    let (_, body) = until(&addr, "/briefings/talks/", "the overlay shows", |s, b| {
        s == 200 && b.contains("<div id=\"dossier-overlay\"")
    });
    let overlay = overlay_of(&body);
    let items: Vec<&str> = overlay.split("<li>").skip(1).collect();
    assert_eq!(
        items.len(),
        2,
        "one item per error, the warning left out: {overlay}"
    );
    assert!(
        items[0].contains(
            "content/briefings/talks.md:7:52: error: unknown position `suports`: use supports, opposes, mixed, neutral or unclear\n   |\n 7 |   - {actor: Jean-Noël Barrot, on: peace, position: suports}\n   |                                                    ^^^^^^^\n   = help: did you mean `supports`?\n   = code: D011 (dossier explain D011)</pre>"
        ),
        "{overlay}"
    );
    assert!(
        items[1].contains(
            "content/briefings/talks.md:9:5: error: [[Jean-Noel Barot]] matches no actor, place, topic or author (by id, name or alias)\n   |\n 9 | See [[Jean-Noel Barot]] &lt;b&gt;&amp;&lt;/b&gt;.\n   |     ^^^^^^^^^^^^^^^^^^^\n   = help: did you mean `Jean-Noël Barrot`?"
        ),
        "{overlay}"
    );
    assert!(
        !overlay.contains("<b>"),
        "source text is escaped: {overlay}"
    );
    assert!(
        overlay.contains("id=\"dossier-overlay-close\""),
        "a close button"
    );
    assert!(body.contains("e.key===\"Escape\""), "Escape closes it");

    // The event stream carries the same blocks to open tabs.
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut seen = String::new();
    let mut buf = [0u8; 8192];
    let data = loop {
        if let Some(at) = seen.find("event: errors\ndata: ")
            && let Some(end) = seen[at..].find("\n\n")
        {
            break seen[at + "event: errors\ndata: ".len()..at + end].to_string();
        }
        assert!(Instant::now() < deadline, "no errors event: {seen}");
        match events.read(&mut buf) {
            Ok(0) => panic!("the event stream was closed: {seen}"),
            Ok(n) => seen.push_str(&String::from_utf8_lossy(&buf[..n])),
            Err(e) => panic!("the event stream broke: {e}: {seen}"),
        }
    };
    let errors: Vec<String> = serde_json::from_str(&data).expect("a JSON list");
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors[1].contains(" 9 | See [[Jean-Noel Barot]] <b>&</b>.\n"),
        "{errors:?}"
    );
    assert!(
        errors[1].contains("= help: did you mean `Jean-Noël Barrot`?"),
        "{errors:?}"
    );
}

#[test]
fn serve_hands_out_nothing_outside_the_build() {
    let site = small_site();
    site.write("secret.txt", "TOP-SECRET-CONTENT\n");
    let (_r, addr, dir) = Running::serve(&site);
    std::os::unix::fs::symlink(site.root().join("secret.txt"), dir.join("leak.txt"))
        .expect("symlink");
    std::os::unix::fs::symlink(site.root(), dir.join("leakdir")).expect("symlink");
    let long = format!("/{}", "a/".repeat(3000));
    let hostile: Vec<&[u8]> = vec![
        b"/../site.yaml",
        b"/%2e%2e/%2e%2e/etc/passwd",
        b"/..%2fsite.yaml",
        b"/..\\site.yaml",
        b"/%5c..%5csite.yaml",
        b"/%252e%252e/%252e%252e/secret.txt",
        b"//etc/passwd",
        b"/leak.txt",
        b"/leakdir/secret.txt",
        b"/index.html%00.txt",
        b"/a\0b",
        long.as_bytes(),
    ];
    for path in hostile {
        let (status, body) = get(&addr, path);
        let shown = String::from_utf8_lossy(&path[..path.len().min(40)]).to_string();
        assert!(
            [400, 404].contains(&status),
            "{shown}: status {status}\n{body}"
        );
        assert!(!body.contains("TOP-SECRET"), "{shown} leaked the secret");
        assert!(!body.contains("root:x:"), "{shown} leaked /etc/passwd");
        assert!(
            !body.contains("title: Test Desk"),
            "{shown} leaked site.yaml"
        );
    }
    // Missing pages get the site's 404 page; folders redirect to their slash form.
    let (status, body) = get(&addr, b"/no/such/page/");
    assert_eq!(status, 404);
    assert!(body.contains("<h1") && body.contains("content-type: text/html"));
    let (status, body) = get(&addr, b"/actors");
    assert_eq!(status, 308);
    assert!(
        body.to_ascii_lowercase().contains("location: /actors/"),
        "{body}"
    );
    let (status, body) = get(&addr, b"/atom.xml");
    assert_eq!(status, 200);
    assert!(body.contains("content-type: application/atom+xml"));
    assert!(
        !body.contains("/__dossier/events"),
        "no script outside HTML"
    );
}

#[test]
fn build_watch_rewrites_the_output_folder() {
    let site = small_site();
    let r = Running::start(&site, &["build", "--watch"]);
    r.line("watching");
    assert!(
        site.page("briefings/talks/index.html")
            .contains("The first text.")
    );
    assert!(
        !site
            .page("briefings/talks/index.html")
            .contains("__dossier")
    );
    site.write(
        "content/briefings/talks.md",
        &BRIEFING.replace("The first text.", "Watched text."),
    );
    r.line("talks.md (body)");
    let page = site.page("briefings/talks/index.html");
    assert!(page.contains("Watched text.") && !page.contains("__dossier"));
}

#[test]
fn build_watch_timings_print_each_stage_of_a_rebuild() {
    let site = small_site();
    let r = Running::start(&site, &["build", "--watch", "--timings"]);
    r.line("watching");
    site.write(
        "content/briefings/talks.md",
        &BRIEFING.replace("The first text.", "Timed text."),
    );
    r.line("talks.md (body)");
    let stages = r.line(" ms, ");
    assert!(stages.starts_with("  "), "{stages}");
    assert!(
        stages.contains("render pages") && stages.contains("write"),
        "{stages}"
    );
}

#[test]
fn a_busy_port_moves_on_and_says_so() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = taken.local_addr().expect("addr").port().to_string();
    let site = small_site();
    let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["serve", "--port", &port, "--root"])
        .arg(site.root())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start");
    let err = child.stderr.take().expect("stderr");
    let first = BufReader::new(err).lines().map_while(Result::ok).next();
    let _ = Command::new("kill").arg(child.id().to_string()).status();
    let _ = child.wait();
    let first = first.unwrap_or_default();
    assert!(
        first.contains(&format!("port {port} is in use; using")),
        "{first}"
    );
}

#[test]
fn serve_starts_on_a_broken_site_and_shows_why() {
    let site = TestSite::new(&[(
        "content/briefings/talks.md",
        &BRIEFING.replace("title: Talks resume", "title: [Talks resume"),
    )]);
    let (_r, addr, _) = Running::serve(&site);
    let (status, body) = get(&addr, b"/");
    assert_eq!(status, 404);
    assert!(body.contains("invalid YAML") && body.contains("/__dossier/events"));
    site.write("content/briefings/talks.md", BRIEFING);
    // The fixed page is written a moment before the overlay's errors are cleared (the next
    // event clears an open tab's overlay), so wait for both rather than for the page alone.
    until(&addr, "/briefings/talks/", "the fixed site", |s, b| {
        s == 200 && b.contains("The first text.") && !b.contains("invalid YAML")
    });
}

#[test]
fn serve_prints_diagnostics_with_their_source_line_and_help() {
    let site = TestSite::new(&[
        (
            "content/actors/european-commission.md",
            "---\nname: European Commission\nkind: organization\n---\n",
        ),
        (
            "content/briefings/2025-11-20-gas.md",
            "---\ntitle: Gas\nactors: [European Comission]\n---\nBody.\n",
        ),
        // A topic stale on the preview's day: a hint, which `check` prints and serve not.
        (
            "content/topics/gas-price-cap.md",
            "---\ntitle: Gas price cap\n---\n",
        ),
        (
            "content/briefings/2025-11-19-cap.md",
            "---\ntitle: Cap\nstances: [{actor: European Commission, on: gas-price-cap, position: supports}]\n---\nBody.\n",
        ),
    ]);
    let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["serve", "--port", "0", "--root"])
        .arg(site.root())
        .env("DOSSIER_NOW", "2026-12-01T00:00:00Z")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start");
    let err = child.stderr.take().expect("stderr");
    // Read on a thread: serve keeps stderr open, and a missing line must fail, not hang.
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(err).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut lines: Vec<String> = Vec::new();
    while let Ok(line) = rx.recv_timeout(Duration::from_secs(20)) {
        let done = line.contains("= code:");
        lines.push(line);
        if done {
            break;
        }
    }
    // Whatever else the first build prints comes at once.
    while let Ok(line) = rx.recv_timeout(Duration::from_secs(2)) {
        lines.push(line);
    }
    let _ = Command::new("kill").arg(child.id().to_string()).status();
    let _ = child.wait();
    let text = lines.join("\n");
    assert!(
        lines[0].starts_with("content/briefings/2025-11-20-gas.md:3:10: error: "),
        "{text}"
    );
    assert!(!text.contains(": hint: "), "{text}");
    let check = site.run(&["check"]);
    assert!(
        check
            .stdout
            .contains("content/topics/gas-price-cap.md:2:8: hint: "),
        "{}",
        check.stdout
    );
    assert!(
        text.contains("   = help: did you mean `European Commission`?"),
        "{text}"
    );
}

#[test]
fn a_loopback_preview_refuses_other_host_names() {
    let site = small_site();
    let (_r, addr, _dir) = Running::serve(&site);
    let port = addr.rsplit(':').next().unwrap_or_default().to_string();
    for host in ["attacker.example", "127.0.0.1.nip.example"] {
        let (status, body) = get_as(&addr, b"/", &format!("{host}:{port}"));
        assert_eq!(status, 403, "{host}: {body}");
        let (status, _) = get_as(&addr, b"/__dossier/events", host);
        assert_eq!(status, 403, "{host}: events");
    }
    for host in [format!("localhost:{port}"), format!("127.0.0.1:{port}")] {
        let (status, body) = get_as(&addr, b"/", &host);
        assert_eq!(status, 200, "{host}: {body}");
    }
}

/// The status line and headers of a response, lower-cased, without waiting for its body
/// (the event stream never ends).
fn head_of(addr: &str, path: &str, host: &str) -> String {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    let req = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
    s.write_all(req.as_bytes()).expect("send");
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") && s.read(&mut byte).is_ok_and(|n| n == 1) {
        head.push(byte[0]);
    }
    String::from_utf8_lossy(&head).to_ascii_lowercase()
}

#[test]
fn no_response_of_the_preview_can_be_framed() {
    let site = small_site();
    site.write("static/notes.txt", "plain text\n");
    let (_r, addr, _dir) = Running::serve(&site);
    for (path, host) in [
        ("/", "localhost"),
        ("/briefings/talks/", "localhost"),
        ("/briefings/talks", "localhost"),
        ("/notes.txt", "localhost"),
        ("/no/such/page/", "localhost"),
        ("/%2e%2e/site.yaml", "localhost"),
        ("/__dossier/events", "localhost"),
        ("/", "attacker.example"),
    ] {
        let head = head_of(&addr, path, host);
        assert!(head.starts_with("http/1.1 "), "{path}: {head}");
        assert!(
            head.contains("\r\nx-frame-options: deny\r\n"),
            "{path}: {head}"
        );
        assert!(
            head.contains("\r\ncontent-security-policy: frame-ancestors 'none'\r\n"),
            "{path}: {head}"
        );
    }
}

#[test]
fn idle_and_half_sent_connections_are_closed_and_lock_no_one_out() {
    let site = small_site();
    let (_r, addr, _dir) =
        Running::serve_with(&site, &[], &[("DOSSIER_SERVE_HEADER_TIMEOUT_MS", "1500")]);
    // Bounded and on loopback: 300 sockets, half silent, half stopping mid-request.
    let mut idle = Vec::new();
    for i in 0..300 {
        let mut s = TcpStream::connect(&addr).expect("connect");
        if i % 2 == 1 {
            s.write_all(b"GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
                .expect("send half");
        }
        idle.push(s);
    }
    let (status, body) = get(&addr, b"/briefings/talks/");
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("The first text."));
    // Every idle socket is closed by the server: a read ends (0 bytes or a reset) instead
    // of waiting out its own timeout.
    for (i, mut s) in idle.into_iter().enumerate() {
        s.set_read_timeout(Some(Duration::from_secs(20)))
            .expect("timeout");
        let mut buf = [0u8; 256];
        let r = loop {
            match s.read(&mut buf) {
                Ok(0) => break Ok(()),
                // A 408 or a similar last word may come before the close.
                Ok(_) => continue,
                Err(e) => break Err(e),
            }
        };
        if let Err(e) = r {
            assert!(
                !matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ),
                "connection {i} was never closed: {e}"
            );
        }
    }
    let (status, _) = get(&addr, b"/");
    assert_eq!(status, 200);
}

#[test]
fn the_event_stream_outlives_the_header_timeout() {
    let site = small_site();
    let (_r, addr, _dir) =
        Running::serve_with(&site, &[], &[("DOSSIER_SERVE_HEADER_TIMEOUT_MS", "1000")]);
    let mut events = TcpStream::connect(&addr).expect("connect");
    events
        .write_all(b"GET /__dossier/events HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .expect("send");
    events
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    let mut buf = [0u8; 4096];
    let n = events.read(&mut buf).expect("event stream head");
    assert!(String::from_utf8_lossy(&buf[..n]).contains("200 OK"));
    // Longer than the header timeout, then an edit: the stream still carries the reload.
    std::thread::sleep(Duration::from_millis(2500));
    site.write(
        "content/briefings/talks.md",
        &BRIEFING.replace("The first text.", "Streamed text."),
    );
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut seen = String::new();
    while !seen.contains("event: reload") && Instant::now() < deadline {
        match events.read(&mut buf) {
            Ok(0) => panic!("the event stream was closed: {seen}"),
            Ok(n) => seen.push_str(&String::from_utf8_lossy(&buf[..n])),
            Err(e) => panic!("the event stream broke: {e}: {seen}"),
        }
    }
    assert!(seen.contains("event: reload"), "{seen}");
}

/// Waits for the start of the next wall-clock second, so that two saves 100 ms apart fall
/// within one second (file systems and watchers that keep whole seconds see one time).
fn start_of_a_second() {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    std::thread::sleep(Duration::from_nanos(
        u64::from(1_000_000_000 - nanos) + 20_000_000,
    ));
}

/// Two saves of the same length within one second, the second as soon as the first is
/// seen (`page` reads the page as served): both must land. A round whose first save took
/// too long to show is tried again, since the second save would fall in the next second.
fn two_saves_in_one_second_both_land(site: &TestSite, page: impl Fn() -> String) {
    let texts = ["Alpha text one.", "Bravo text two.", "Charl text six."];
    for round in 0..6 {
        let [first, second] = [texts[round % 3], texts[(round + 1) % 3]];
        start_of_a_second();
        let saved = Instant::now();
        site.write(
            "content/briefings/talks.md",
            &BRIEFING.replace("The first text.", first),
        );
        let deadline = saved + Duration::from_secs(15);
        while !page().contains(first) {
            assert!(Instant::now() < deadline, "the first save never landed");
            std::thread::sleep(Duration::from_millis(10));
        }
        if saved.elapsed() > Duration::from_millis(800) {
            continue;
        }
        std::thread::sleep(Duration::from_millis(100));
        site.write(
            "content/briefings/talks.md",
            &BRIEFING.replace("The first text.", second),
        );
        let deadline = Instant::now() + Duration::from_secs(15);
        while !page().contains(second) {
            assert!(
                Instant::now() < deadline,
                "a second save of the same length in the same second never landed"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
        return;
    }
    panic!("no first save showed within 800 ms in six rounds");
}

#[test]
fn build_watch_poll_sees_a_second_save_within_the_same_second() {
    let site = small_site();
    let r = Running::start(&site, &["build", "--watch", "--poll"]);
    r.line("watching");
    two_saves_in_one_second_both_land(&site, || {
        std::fs::read_to_string(site.out().join("briefings/talks/index.html")).unwrap_or_default()
    });
}

#[test]
fn serve_poll_sees_a_second_save_within_the_same_second() {
    let site = small_site();
    let (_r, addr, _dir) = Running::serve_with(&site, &["--poll"], &[]);
    two_saves_in_one_second_both_land(&site, || get(&addr, b"/briefings/talks/").1);
}

/// Waits until `path` holds `text` again.
fn comes_back(path: &std::path::Path, text: &str, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !std::fs::read_to_string(path).is_ok_and(|t| t.contains(text)) {
        assert!(
            Instant::now() < deadline,
            "{what}: {} was never rebuilt",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn build_watch_rebuilds_what_is_removed_or_changed_in_its_output_folder() {
    for mode in [&["build", "--watch"][..], &["build", "--watch", "--poll"]] {
        let site = small_site();
        let r = Running::start(&site, mode);
        r.line("watching");
        let out = site.out();
        let page = out.join("briefings/talks/index.html");
        let sitemap = out.join("sitemap.xml");
        let actor = out.join("actors/jean-noel-barrot/index.html");
        assert!(std::fs::read_to_string(&page).is_ok_and(|t| t.contains("The first text.")));
        let expected_sitemap = std::fs::read_to_string(&sitemap).expect("sitemap");

        std::fs::remove_file(&page).expect("remove a page");
        comes_back(&page, "The first text.", "a removed page");

        std::fs::write(&actor, "defaced").expect("change a page");
        comes_back(&actor, "French foreign minister.", "a changed page");

        std::fs::remove_file(&sitemap).expect("remove the sitemap");
        comes_back(&sitemap, &expected_sitemap, "a removed sitemap");

        std::fs::remove_dir_all(site.out().join("briefings")).expect("remove a folder");
        comes_back(&page, "The first text.", "a removed folder of pages");

        std::fs::remove_dir_all(&out).expect("remove output/");
        comes_back(&page, "The first text.", "a removed output folder");
        comes_back(
            &actor,
            "French foreign minister.",
            "a removed output folder",
        );

        // And it goes on following edits.
        site.write(
            "content/briefings/talks.md",
            &BRIEFING.replace("The first text.", "After the removal."),
        );
        comes_back(
            &page,
            "After the removal.",
            "an edit after the output was removed",
        );
        drop(r);
    }
}

#[test]
fn serve_rebuilds_its_preview_folder_when_it_is_removed() {
    let site = small_site();
    let (_r, addr, dir) = Running::serve(&site);
    until(&addr, "/briefings/talks/", "first build", |s, b| {
        s == 200 && b.contains("The first text.")
    });
    std::fs::remove_file(dir.join("briefings/talks/index.html")).expect("remove a page");
    until(&addr, "/briefings/talks/", "the removed page", |s, b| {
        s == 200 && b.contains("The first text.")
    });
    std::fs::remove_dir_all(&dir).expect("remove the preview folder");
    until(&addr, "/briefings/talks/", "the removed preview", |s, b| {
        s == 200 && b.contains("The first text.")
    });
}

#[test]
#[cfg(unix)]
fn serve_survives_thousands_of_problems_on_one_long_line() {
    let site = small_site();
    // 1 GiB of address space, as `check` gets in tests/errors.rs: the whole line under
    // each problem would need 7 GB.
    let child = Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 1048576 && exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_dossier"))
        .args(["serve", "--port", "0", "--root"])
        .arg(site.root())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start");
    let r = Running::from_child(child);
    let addr = common::serve::address(&r.line("serving http://"));
    let long: String = (0..20_000).map(|i| format!("[[Gh{i:05}]] ")).collect();
    site.write(
        "content/briefings/2025-11-20-long.md",
        &format!("---\ntitle: Long\n---\n{long}\n"),
    );
    r.line("20000 errors, the last good pages are kept");
    let (_, body) = until(&addr, "/briefings/talks/", "the overlay shows", |s, b| {
        s == 200 && b.contains("<div id=\"dossier-overlay\"")
    });
    assert!(body.contains("The first text."), "the last good page stays");
    assert!(
        body.contains("2025-11-20-long.md:4:1: error: [[Gh00000]]"),
        "{body}"
    );
    // The overlay lists problems as the terminal does: a thousand of one code per file.
    assert!(body.len() < 300_000, "{} bytes", body.len());
    assert!(
        body.contains(
            "19000 more D018 problems in content/briefings/2025-11-20-long.md are not shown"
        ),
        "{}",
        &body[body.len() - 2000..]
    );
}

#[test]
fn the_terminal_line_shows_a_hostile_file_name_escaped() {
    let site = small_site();
    let (r, _addr, _) = Running::serve(&site);
    site.write(
        "content/briefings/x\n12:00:00 forged.md (added): 0 pages rendered\u{1b}[2J.md",
        BRIEFING,
    );
    let line = r.line("forged.md (added)");
    assert!(
        line.contains(" content/briefings/x\\n12:00:00 forged.md (added): 0 pages rendered\\u{1b}[2J.md (added): "),
        "{line:?}"
    );
    assert!(!line.contains('\u{1b}'), "{line:?}");
}

/// A site of `n` briefings (each its own page) and a theme of its own whose briefing
/// template the test edits: a template edit renders `n` pages.
fn site_of_many(n: usize) -> TestSite {
    let mut files: Vec<(String, String)> = vec![
        (
            "site.yaml".into(),
            "title: Test Desk\nbase_url: https://example.org/\ntheme: desk\n".into(),
        ),
        (
            "content/actors/jean-noel-barrot.md".into(),
            "---\nname: Jean-Noël Barrot\n---\nFrench foreign minister.\n".into(),
        ),
        (
            "themes/desk/templates/briefing.html".into(),
            std::fs::read_to_string(common::repo().join("themes/default/templates/briefing.html"))
                .expect("default template"),
        ),
    ];
    for i in 0..n {
        files.push((
            format!("content/briefings/b{i:03}.md"),
            format!(
                "---\ntitle: Talks round {i}\ndate: 2025-{:02}-{:02}\nactors: [Jean-Noël Barrot]\n---\nRound {i} of the talks.\n",
                i % 12 + 1,
                i % 28 + 1
            ),
        ));
    }
    let refs: Vec<(&str, &str)> = files.iter().map(|(p, t)| (&**p, &**t)).collect();
    TestSite::new(&refs)
}

/// The line with `needle` that `r` printed by now, without waiting.
fn printed(r: &Running, needle: &str) -> Option<String> {
    r.lines.try_iter().find(|l| l.contains(needle))
}

/// What serve's preview holds is what a clean build of the same site at the same address
/// writes.
fn assert_preview_is_a_clean_build(site: &TestSite, addr: &str, preview: &std::path::Path) {
    let out = common::scratch("clean");
    let base = format!("http://{addr}/");
    let dir = out.path().join("site");
    let dir_arg = dir.to_string_lossy().to_string();
    let r = site.run(&["build", "--output", &dir_arg, "--base-url", &base]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let clean = common::snapshot(&dir);
    let live = common::snapshot(preview);
    let differ: Vec<&String> = (clean.keys().chain(live.keys()))
        .filter(|p| clean.get(*p) != live.get(*p))
        .take(5)
        .collect();
    assert!(
        differ.is_empty(),
        "the preview differs from a clean build in {differ:?}"
    );
}

#[test]
fn a_page_asked_for_during_a_long_rebuild_is_served_fresh_before_the_rebuild_ends() {
    let site = site_of_many(300);
    // Each chunk of pages is followed by a pause: the rebuild of a template edit takes
    // seconds, and a page served before its end was written ahead of the rest.
    let env = [("DOSSIER_SERVE_CHUNK_PAUSE_MS", "1500")];
    let (r, addr, preview) = Running::serve_with(&site, &[], &env);
    let mut events = TcpStream::connect(&addr).expect("connect");
    events
        .write_all(b"GET /__dossier/events HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .expect("send");
    events
        .set_read_timeout(Some(Duration::from_millis(100)))
        .expect("timeout");
    let mut buf = [0u8; 8192];
    let mut seen = String::new();
    let mut read_events = |seen: &mut String| {
        while let Ok(n) = events.read(&mut buf) {
            if n == 0 {
                break;
            }
            seen.push_str(&String::from_utf8_lossy(&buf[..n]));
        }
    };
    read_events(&mut seen);
    let before = seen.matches("event: reload").count();
    let template = "themes/desk/templates/briefing.html";
    let text = std::fs::read_to_string(site.root().join(template)).expect("template");
    let edited = text.replacen(
        r#"<article class="briefing">"#,
        r#"<article class="briefing desk">"#,
        1,
    );
    assert_ne!(text, edited, "the edit applies");
    site.write(template, &edited);
    // The last briefing's page comes in the last chunk of the render.
    let (status, body) = until(&addr, "/briefings/b299/", "the page", |s, b| {
        s == 200 && b.contains("briefing desk")
    });
    assert_eq!(status, 200);
    let done = printed(&r, "300 pages rendered");
    assert!(
        done.is_none(),
        "the page was served only once the whole rebuild was done: {done:?}"
    );
    // Open tabs were told to load their page again as the rebuild began.
    read_events(&mut seen);
    assert_eq!(seen.matches("event: reload").count(), before + 1, "{seen}");
    r.line("300 pages rendered");
    // Only pages were written, and each tab loaded its own fresh: no second reload.
    std::thread::sleep(Duration::from_millis(300));
    read_events(&mut seen);
    assert_eq!(seen.matches("event: reload").count(), before + 1, "{seen}");
    assert!(body.contains("Round 299 of the talks."), "{body}");
    assert_preview_is_a_clean_build(&site, &addr, &preview);
}

#[test]
fn the_first_pages_are_served_before_the_first_build_ends() {
    let site = site_of_many(300);
    let env = [("DOSSIER_SERVE_CHUNK_PAUSE_MS", "1000")];
    let r = Running::start_with(&site, &["serve", "--port", "0"], &env);
    let addr = common::serve::address(&r.line("building the preview at http://"));
    let (status, body) = get(&addr, b"/briefings/b150/");
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("Round 150 of the talks."), "{body}");
    // The style sheet a page loads comes with it.
    let (status, css) = get(&addr, b"/style.css");
    assert_eq!(status, 200, "{css}");
    assert!(css.contains("text/css"), "{css}");
    let done = printed(&r, "serving http://");
    assert!(
        done.is_none(),
        "the page was served only once the whole preview was built: {done:?}"
    );
    let line = r.line("serving http://");
    let preview = line
        .split(" from ")
        .nth(1)
        .and_then(|s| s.split(" (").next())
        .expect("folder");
    assert_preview_is_a_clean_build(&site, &addr, std::path::Path::new(preview));
}

#[test]
fn a_save_made_while_the_first_build_runs_is_not_lost() {
    let site = site_of_many(300);
    let env = [("DOSSIER_SERVE_CHUNK_PAUSE_MS", "500")];
    let r = Running::start_with(&site, &["serve", "--port", "0"], &env);
    let addr = common::serve::address(&r.line("building the preview at http://"));
    let text =
        std::fs::read_to_string(site.root().join("content/briefings/b007.md")).expect("read");
    site.write(
        "content/briefings/b007.md",
        &text.replace("Round 7 of the talks.", "Saved during the first build."),
    );
    let done = printed(&r, "serving http://");
    assert!(
        done.is_none(),
        "the save came after the first build: {done:?}"
    );
    r.line("serving http://");
    until(&addr, "/briefings/b007/", "the save", |s, b| {
        s == 200 && b.contains("Saved during the first build.")
    });
}

/// Stopped in the middle of a rebuild, serve lets the rebuild end before it removes its
/// preview folder: nothing is written into the folder as it goes, and nothing of it is left.
#[test]
fn a_preview_stopped_during_a_rebuild_leaves_no_folder_behind() {
    let site = site_of_many(300);
    let tmp = common::scratch("tmp");
    let tmp_dir = tmp.path().to_string_lossy().to_string();
    let env = [
        ("DOSSIER_SERVE_CHUNK_PAUSE_MS", "700"),
        ("TMPDIR", tmp_dir.as_str()),
    ];
    let (mut r, _addr, preview) = Running::serve_with(&site, &[], &env);
    assert!(preview.starts_with(tmp.path()), "{}", preview.display());
    let template = "themes/desk/templates/briefing.html";
    let text = std::fs::read_to_string(site.root().join(template)).expect("template");
    site.write(
        template,
        &text.replacen("<article", "<article data-round=\"2\"", 1),
    );
    // The rebuild of 300 pages has begun: its first chunk is rendered, then it pauses.
    std::thread::sleep(Duration::from_millis(400));
    let _ = Command::new("kill").arg(r.child.id().to_string()).status();
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut ended = false;
    while Instant::now() < deadline && !ended {
        ended = matches!(r.child.try_wait(), Ok(Some(_)));
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(ended, "serve did not stop");
    let left: Vec<_> = std::fs::read_dir(tmp.path())
        .expect("tmp")
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

/// A preview folder left half removed (no marker) by a serve that has ended is removed by
/// the next one when it was made as serve makes its own (readable by its owner alone);
/// a folder that only has the name, or belongs to a serve still running, is kept.
#[cfg(unix)]
#[test]
fn a_half_removed_preview_folder_is_cleaned_by_the_next_serve() {
    use std::os::unix::fs::PermissionsExt;
    let site = small_site();
    let tmp = common::scratch("tmp");
    let dead = {
        let mut child = Command::new("true").spawn().expect("true");
        child.wait().expect("wait");
        child.id()
    };
    let folder = |name: String, mode: u32| {
        let dir = tmp.path().join(name);
        std::fs::create_dir_all(dir.join("site/briefings/talks")).expect("folder");
        std::fs::write(dir.join("site/briefings/talks/index.html"), "<p>half").expect("file");
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(mode)).expect("mode");
        dir
    };
    let half = folder(format!("dossier-serve-{dead}-000000001"), 0o700);
    let foreign = folder(format!("dossier-serve-{dead}-000000002"), 0o755);
    let running = folder(
        format!("dossier-serve-{}-000000003", std::process::id()),
        0o700,
    );
    let tmp_dir = tmp.path().to_string_lossy().to_string();
    let (_r, _addr, _preview) = Running::serve_with(&site, &[], &[("TMPDIR", tmp_dir.as_str())]);
    assert!(!half.exists(), "the half-removed folder is left");
    assert!(foreign.exists() && running.exists());
}

#[test]
fn a_preview_started_again_takes_up_the_bodies_it_kept_and_what_changed_meanwhile() {
    let profile = "---\nname: Jean-Noël Barrot\n---\nFrench foreign minister.\n";
    let linking = "---\ntitle: Talks go on\ndate: 2025-11-21\n---\n\
                   After [the first round](talks.md), [[Jean-Noël Barrot]] spoke.\n";
    let site = TestSite::new(&[
        ("content/briefings/talks.md", BRIEFING),
        ("content/briefings/more.md", linking),
        ("content/actors/jean-noel-barrot.md", profile),
    ]);
    let stored = site.root().join(".dossier/cache/bodies");
    {
        let (_r, addr, preview) = Running::serve(&site);
        assert_preview_is_a_clean_build(&site, &addr, &preview);
    }
    assert!(
        stored.is_file(),
        "the rendered bodies are kept for the next run"
    );
    // While it is stopped: the briefing linked to is retitled, the actor renamed, a body
    // rewritten and a briefing added before the others (every briefing moves by one).
    site.write(
        "content/briefings/talks.md",
        &BRIEFING.replace("Talks resume", "Talks begin again"),
    );
    site.write(
        "content/actors/jean-noel-barrot.md",
        &profile.replace(
            "name: Jean-Noël Barrot",
            "name: Jean-Noël Barrot\naliases: [JNB]",
        ),
    );
    site.write(
        "content/briefings/first.md",
        "---\ntitle: Before it all\ndate: 2025-11-01\n---\nAn opening word.\n",
    );
    let (_r, addr, preview) = Running::serve(&site);
    let page = std::fs::read_to_string(preview.join("briefings/more/index.html")).expect("page");
    assert!(
        page.contains(">the first round</a>") && page.contains("Talks begin again"),
        "the body linking to the retitled briefing previews its new title"
    );
    assert_preview_is_a_clean_build(&site, &addr, &preview);
    // A file written by another program (or cut, or not one at all) is no error.
    std::fs::write(&stored, "not the bodies\n").expect("write");
    drop(_r);
    let (_r, addr, preview) = Running::serve(&site);
    assert_preview_is_a_clean_build(&site, &addr, &preview);
}
