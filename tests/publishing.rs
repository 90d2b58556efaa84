//! The newsroom workflow as a desk sees it: embargoed and expired briefings that appear in
//! no output file until their time, corrections that move `updated` everywhere, and renamed
//! pages whose old addresses redirect while their feed entries keep their ids.

mod common;

use common::serve::Running;
use common::{Run, TestSite};
use std::time::{Duration, Instant};

/// The moment every build of these tests is made at (see `DOSSIER_NOW`).
const NOW: &str = "2026-12-03T12:00:00+01:00";

/// `dossier ARGS --root SITE` at [`NOW`].
fn at_now(site: &TestSite, args: &[&str]) -> Run {
    let out = assert_cmd::Command::cargo_bin("dossier")
        .expect("binary")
        .args(args)
        .arg("--root")
        .arg(site.root())
        .env("DOSSIER_NOW", NOW)
        .current_dir(site.root())
        .output()
        .expect("run");
    Run::from(out)
}

const PUBLISHED: &str = "---\ntitle: Ministers meet in Vienna\ndate: 2026-12-01\nactors: [Vienna Envoy]\ntags: [talks]\n---\nThe ministers met.\n";

/// A briefing held until 5 December, 09:00 in Paris (after [`NOW`]), naming an actor and a
/// tag nothing else names, so that no stub or tag page can give it away.
const EMBARGOED: &str = "---\ntitle: Quarzite accord signed\ndate: 2026-12-02\npublish_at: 2026-12-05T09:00\nsummary: Zephyrine terms.\nactors: [Ottoline Quarzite]\ntags: [quarzite-deal]\nstances:\n  - {actor: Vienna Envoy, on: gas-cap, position: supports}\n---\nThe Quarzite text.\n";

fn site() -> TestSite {
    TestSite::new(&[
        (
            "site.yaml",
            "title: Test Desk\nbase_url: https://example.org/\ntimezone: Europe/Paris\n",
        ),
        (
            "content/actors/vienna-envoy.md",
            "---\nname: Vienna Envoy\n---\n",
        ),
        (
            "content/topics/gas-cap.md",
            "---\ntitle: Gas price cap\n---\n",
        ),
        ("content/briefings/2026-12-01-vienna.md", PUBLISHED),
        ("content/briefings/2026-12-02-quarzite-accord.md", EMBARGOED),
        (
            "content/briefings/2026-11-01-old-offer.md",
            "---\ntitle: Old offer on the table\ndate: 2026-11-01\nexpires: 2026-12-01\n---\nA time-limited offer.\n",
        ),
    ])
}

/// Every output file whose bytes hold `needle` (case ignored).
fn files_holding(out: &std::path::Path, needle: &str) -> Vec<String> {
    let needle = needle.to_lowercase();
    walkdir::WalkDir::new(out)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| {
            let bytes = std::fs::read(e.path()).expect("read output");
            String::from_utf8_lossy(&bytes)
                .to_lowercase()
                .contains(&needle)
        })
        .map(|e| {
            e.path()
                .strip_prefix(out)
                .expect("in out")
                .display()
                .to_string()
        })
        .collect()
}

#[test]
fn an_embargoed_briefing_is_in_no_output_file_until_future_is_asked() {
    let site = site();
    let r = at_now(&site, &["build"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = site.out();
    assert!(out.join("briefings/vienna/index.html").is_file());
    for needle in ["Quarzite", "quarzite-accord", "Zephyrine", "Ottoline"] {
        assert_eq!(
            files_holding(&out, needle),
            Vec::<String>::new(),
            "{needle}"
        );
    }
    // The expired one is gone too.
    assert_eq!(files_holding(&out, "Old offer"), Vec::<String>::new());
    // The topic's stance matrix cannot show the embargoed stance.
    assert!(
        !site
            .page("topics/gas-cap/index.html")
            .contains("Vienna Envoy")
    );

    let r = at_now(&site, &["build", "--future"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let page = site.page("briefings/quarzite-accord/index.html");
    assert!(
        page.contains("Embargoed until 2026-12-05 09:00 +01:00"),
        "the banner gives the time in the site's zone"
    );
    assert!(site.page("atom.xml").contains("Quarzite accord signed"));
    assert!(!site.out().join("briefings/old-offer/index.html").exists());
    assert!(
        !site
            .page("briefings/vienna/index.html")
            .contains("Embargoed")
    );

    let r = at_now(&site, &["build", "--expired"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        site.page("briefings/old-offer/index.html")
            .contains("Expired on 2026-12-01 00:00 +01:00")
    );
    assert!(
        !site
            .out()
            .join("briefings/quarzite-accord/index.html")
            .exists()
    );
}

#[test]
fn check_names_the_next_embargo_to_lift() {
    let site = site();
    site.write(
        "content/briefings/2026-12-02-later.md",
        "---\ntitle: Later\npublish_at: 2026-12-09T08:00:00Z\n---\nLater.\n",
    );
    let r = at_now(&site, &["check"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains(
            "next embargo lifts 2026-12-05 09:00 +01:00: content/briefings/2026-12-02-quarzite-accord.md"
        ),
        "{}",
        r.stdout
    );
    // Past the moment, the briefing is published and the next one is the later one.
    let out = assert_cmd::Command::cargo_bin("dossier")
        .expect("binary")
        .args(["check", "--root"])
        .arg(site.root())
        .env("DOSSIER_NOW", "2026-12-05T09:00:00+01:00")
        .output()
        .expect("run");
    let r = Run::from(out);
    assert!(
        r.stdout.contains(
            "next embargo lifts 2026-12-09 09:00 +01:00: content/briefings/2026-12-02-later.md"
        ),
        "{}",
        r.stdout
    );
}

#[test]
fn a_link_to_an_embargoed_briefing_is_an_error_at_its_place() {
    let site = site();
    site.write(
        "content/briefings/2026-12-01-vienna.md",
        &format!("{PUBLISHED}\nSee [the accord](2026-12-02-quarzite-accord.md).\nAnd [[briefing:quarzite-accord]].\n"),
    );
    std::fs::create_dir_all(site.out()).expect("mkdir");
    std::fs::write(site.out().join("keep.txt"), "old").expect("write");
    let r = at_now(&site, &["build"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(
        r.diagnostics(),
        [
            "content/briefings/2026-12-01-vienna.md:9:5: error: link `2026-12-02-quarzite-accord.md` goes to a briefing embargoed until 2026-12-05 09:00 +01:00: publishing the link would leak it",
            "content/briefings/2026-12-01-vienna.md:10:5: error: link `[[briefing:quarzite-accord]]` goes to a briefing embargoed until 2026-12-05 09:00 +01:00: publishing the link would leak it",
        ]
    );
    assert!(r.stderr.contains("D070"));
    assert!(
        site.out().join("keep.txt").is_file(),
        "the old output stays"
    );
    // With the embargoed briefing in the build, the link is fine.
    assert_eq!(at_now(&site, &["build", "--future"]).code, 0);
}

#[test]
fn a_bad_moment_or_time_zone_is_reported() {
    let site = site();
    site.write(
        "content/briefings/2026-12-02-quarzite-accord.md",
        "---\ntitle: Q\npublish_at: next tuesday\n---\n",
    );
    site.write("site.yaml", "title: T\ntimezone: Europe/Atlantis\n");
    let r = at_now(&site, &["check"]);
    assert_eq!(r.code, 1);
    let d = r.diagnostics();
    assert!(
        d.iter().any(|l| l.starts_with(
            "site.yaml:2:11: error: `timezone: Europe/Atlantis` is no IANA time zone name"
        )),
        "{d:?}"
    );
    assert!(
        d.iter().any(|l| l.starts_with("content/briefings/2026-12-02-quarzite-accord.md:3:13: error: `publish_at`: `next tuesday` is not a date and time")),
        "{d:?}"
    );
    let out = assert_cmd::Command::cargo_bin("dossier")
        .expect("binary")
        .args(["check", "--root"])
        .arg(site.root())
        .env("DOSSIER_NOW", "yesterday")
        .output()
        .expect("run");
    let r = Run::from(out);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("DOSSIER_NOW"), "{}", r.stderr);
}

#[test]
fn a_correction_moves_updated_in_the_page_the_feed_and_json_ld() {
    let site = site();
    site.write(
        "content/briefings/2026-12-01-vienna.md",
        "---\ntitle: Ministers meet in Vienna\ndate: 2026-12-01\nupdated: 2026-12-01T10:00:00Z\ncorrections:\n  - {date: 2026-12-02T15:00:00Z, text: \"An earlier version named the wrong <b>hotel</b>.\"}\n---\nThe ministers met.\n",
    );
    let r = at_now(&site, &["build"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let page = site.page("briefings/vienna/index.html");
    assert!(
        page.contains(r#"<meta property="article:modified_time" content="2026-12-02T15:00:00Z">"#)
    );
    assert!(page.contains(
        r#"<span class="updated">updated <time datetime="2026-12-02T15:00:00Z">2 Dec 2026</time>"#
    ));
    assert!(page.contains(r#""dateModified":"2026-12-02T15:00:00Z""#));
    assert!(page.contains(
        r#""correction":[{"@type":"CorrectionComment","datePublished":"2026-12-02T15:00:00Z""#
    ));
    // The text is escaped, at the top and in the log at the bottom.
    let escaped = "An earlier version named the wrong &lt;b&gt;hotel&lt;/b&gt;.";
    assert_eq!(page.matches(escaped).count(), 2, "{page}");
    assert!(!page.contains("<b>hotel"));
    let feed = site.page("atom.xml");
    let entry = feed
        .split("<entry>")
        .find(|e| e.contains("Vienna"))
        .expect("entry");
    assert!(
        entry.contains("<updated>2026-12-02T15:00:00Z</updated>"),
        "{entry}"
    );
    // The site-wide page and its feed.
    let all = site.page("corrections/index.html");
    assert!(all.contains(escaped) && all.contains("briefings/vienna/"));
    let cfeed = site.page("corrections/atom.xml");
    assert!(cfeed.contains("<id>https://example.org/briefings/vienna/</id>"));
    assert!(
        site.page("sitemap.xml")
            .contains("https://example.org/corrections/")
    );
}

#[test]
fn a_renamed_briefing_redirects_and_keeps_its_feed_id() {
    let site = site();
    let r = at_now(&site, &["build"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let before = site.page("atom.xml");
    assert!(before.contains("<id>https://example.org/briefings/vienna/</id>"));
    // Renamed: a new file name (slug) and the old one under moved_from.
    std::fs::remove_file(site.root().join("content/briefings/2026-12-01-vienna.md")).expect("rm");
    site.write(
        "content/briefings/2026-12-01-vienna-talks.md",
        &PUBLISHED.replace("tags: [talks]", "tags: [talks]\nmoved_from: [vienna]"),
    );
    let r = at_now(&site, &["build"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let old = site.page("briefings/vienna/index.html");
    for want in [
        r#"<meta http-equiv="refresh" content="0; url=https://example.org/briefings/vienna-talks/">"#,
        r#"<link rel="canonical" href="https://example.org/briefings/vienna-talks/">"#,
        r#"<meta name="robots" content="noindex">"#,
        r#"<a href="https://example.org/briefings/vienna-talks/">Ministers meet in Vienna</a>"#,
    ] {
        assert!(old.contains(want), "{want}\n{old}");
    }
    assert_eq!(
        site.page("_redirects"),
        "/briefings/vienna/ /briefings/vienna-talks/ 301\n"
    );
    assert_eq!(
        site.page("redirects.nginx.map"),
        "/briefings/vienna/ /briefings/vienna-talks/;\n"
    );
    let after = site.page("atom.xml");
    let entry = after
        .split("<entry>")
        .find(|e| e.contains("Vienna"))
        .expect("entry");
    assert!(
        entry.contains("<id>https://example.org/briefings/vienna/</id>"),
        "{entry}"
    );
    assert!(entry.contains(r#"href="https://example.org/briefings/vienna-talks/""#));
    // Redirect pages are not in the sitemap.
    assert!(!site.page("sitemap.xml").contains("briefings/vienna/<"));
}

#[test]
fn a_renamed_profile_redirects_and_its_old_id_still_names_it() {
    let site = site();
    std::fs::remove_file(site.root().join("content/actors/vienna-envoy.md")).expect("rm");
    site.write(
        "content/actors/vienna-envoy-office.md",
        "---\nname: Envoy Office\nmoved_from: [vienna-envoy]\n---\n",
    );
    let r = at_now(&site, &["build"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stderr.contains("D015"), "no stub: {}", r.stderr);
    assert!(
        site.page("briefings/vienna/index.html")
            .contains("actors/vienna-envoy-office/")
    );
    assert!(
        site.page("actors/vienna-envoy/index.html")
            .contains("url=https://example.org/actors/vienna-envoy-office/")
    );
}

#[test]
fn redirects_that_collide_loop_or_leave_the_site_are_errors() {
    let site = TestSite::new(&[
        (
            "content/briefings/2026-12-01-a.md",
            "---\ntitle: A\nmoved_from: [b, tags, ../../etc, /briefings/a/]\n---\n",
        ),
        (
            "content/briefings/2026-12-01-b.md",
            "---\ntitle: B\nmoved_from: [a]\n---\n",
        ),
        (
            "content/briefings/2026-12-01-c.md",
            "---\ntitle: C\nmoved_from: [gone]\n---\n",
        ),
        (
            "content/briefings/2026-12-01-d.md",
            "---\ntitle: D\nmoved_from: [gone, \"https://evil.example/x\"]\n---\n",
        ),
    ]);
    let r = site.run(&["check"]);
    assert_eq!(r.code, 1);
    let d = r.diagnostics().join("\n");
    for want in [
        "content/briefings/2026-12-01-a.md:3:14: error: redirect loop: /briefings/b/ is content/briefings/2026-12-01-b.md's page, which redirects /briefings/a/ back here",
        "content/briefings/2026-12-01-b.md:3:14: error: redirect loop: /briefings/a/ is content/briefings/2026-12-01-a.md's page, which redirects /briefings/b/ back here",
        "content/briefings/2026-12-01-a.md:3:23: error: `moved_from: ../../etc` is no site path",
        "content/briefings/2026-12-01-a.md:3:34: error: `moved_from` names /briefings/a/, this page's own address: it would redirect to itself",
        "content/briefings/2026-12-01-d.md:3:14: error: `moved_from` /briefings/gone/ is claimed by content/briefings/2026-12-01-c.md too",
        "content/briefings/2026-12-01-d.md:3:20: error: `moved_from: https://evil.example/x` is an address elsewhere",
    ] {
        assert!(d.contains(want), "missing {want}\n{d}");
    }
    assert!(r.stderr.contains("D072") && r.stderr.contains("D073") && r.stderr.contains("D074"));
    // A path naming a page of the site's own lists, or a file it writes, collides.
    site.write(
        "content/briefings/2026-12-01-a.md",
        "---\ntitle: A\nmoved_from: [/tags/, /atom.xml, /data/graph.json/]\n---\n",
    );
    site.write("content/briefings/2026-12-01-b.md", "---\ntitle: B\n---\n");
    site.write("content/briefings/2026-12-01-d.md", "---\ntitle: D\n---\n");
    let r = site.run(&["check"]);
    assert_eq!(
        r.diagnostics(),
        [
            "content/briefings/2026-12-01-a.md:3:14: error: `moved_from` /tags/ is the address of a page or file of the site: a redirect there would hide it",
            "content/briefings/2026-12-01-a.md:3:22: error: `moved_from` /atom.xml/ is the address of a page or file of the site: a redirect there would hide it",
            "content/briefings/2026-12-01-a.md:3:33: error: `moved_from` /data/graph.json/ is the address of a page or file of the site: a redirect there would hide it",
        ]
    );
}

#[test]
fn two_builds_at_one_moment_are_byte_identical() {
    let site = site();
    site.write(
        "content/briefings/2026-12-01-vienna.md",
        &PUBLISHED.replace("tags: [talks]", "tags: [talks]\nmoved_from: [old-vienna, /2026/vienna/]\ncorrections:\n  - {date: 2026-12-02, text: Fixed.}"),
    );
    assert_eq!(at_now(&site, &["build", "--future"]).code, 0);
    let first = common::snapshot(&site.out());
    assert_eq!(at_now(&site, &["build", "--future"]).code, 0);
    assert_eq!(first, common::snapshot(&site.out()));
    assert!(first.contains_key("2026/vienna/index.html"));
}

#[test]
fn serve_shows_embargoed_briefings_under_a_banner() {
    let site = site();
    let (_running, addr, _dir) = Running::serve_with(&site, &[], &[("DOSSIER_NOW", NOW)]);
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let body = reqwest_free_get(&addr, "/briefings/quarzite-accord/");
        if body.contains("Embargoed until 2026-12-05 09:00 +01:00") {
            break;
        }
        assert!(Instant::now() < deadline, "no banner: {body}");
        std::thread::sleep(Duration::from_millis(100));
    }
    let expired = reqwest_free_get(&addr, "/briefings/old-offer/");
    assert!(
        expired.contains("Expired on 2026-12-01 00:00 +01:00"),
        "{expired}"
    );
}

/// A plain HTTP GET of `path` from `addr`: the response, headers and body.
fn reqwest_free_get(addr: &str, path: &str) -> String {
    use std::io::{Read, Write};
    let Ok(mut s) = std::net::TcpStream::connect(addr) else {
        return String::new();
    };
    let _ = s.set_read_timeout(Some(Duration::from_secs(10)));
    let req = format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    if s.write_all(req.as_bytes()).is_err() {
        return String::new();
    }
    let mut buf = Vec::new();
    let _ = s.read_to_end(&mut buf);
    String::from_utf8_lossy(&buf).to_string()
}

#[test]
fn a_flood_of_old_addresses_is_cut_at_the_limit_with_an_error() {
    let olds: Vec<String> = (0..150).map(|i| format!("old-{i}")).collect();
    let site = TestSite::new(&[(
        "content/briefings/2026-12-01-a.md",
        &format!("---\ntitle: A\nmoved_from: [{}]\n---\n", olds.join(", ")),
    )]);
    let r = site.run(&["check"]);
    assert_eq!(r.code, 1);
    let d = r.diagnostics();
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(
        d[0].starts_with("content/briefings/2026-12-01-a.md:3:")
            && d[0]
                .ends_with("error: 150 old addresses in `moved_from`: a file may list at most 100"),
        "{d:?}"
    );
}

/// Every output path (relative, `/`-separated) that holds `needle` (case ignored).
fn paths_holding(out: &std::path::Path, needle: &str) -> Vec<String> {
    let needle = needle.to_lowercase();
    walkdir::WalkDir::new(out)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| {
            let rel = e.path().strip_prefix(out).expect("in out");
            rel.to_string_lossy().replace('\\', "/")
        })
        .filter(|p| p.to_lowercase().contains(&needle))
        .collect()
}

#[test]
fn files_only_an_embargoed_briefing_uses_wait_with_it() {
    let site = site();
    site.write(
        "content/briefings/2026-12-02-quarzite-accord.md",
        &format!(
            "{EMBARGOED}\n![The signing table](quarzite-seating.png)\n\nThe [full text](docs/quarzite%20text.pdf#p2), and the [map](shared-map.png).\n"
        ),
    );
    site.write(
        "content/briefings/2026-12-01-vienna.md",
        &format!("{PUBLISHED}\n![Where they met](shared-map.png)\n"),
    );
    site.write("content/briefings/quarzite-seating.png", "png bytes");
    site.write("content/briefings/docs/quarzite text.pdf", "pdf bytes");
    site.write("content/briefings/shared-map.png", "map bytes");
    site.write("content/briefings/unlinked.png", "nobody links me");
    let r = at_now(&site, &["build"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = site.out();
    assert_eq!(paths_holding(&out, "quarzite"), Vec::<String>::new());
    // A file a published page shows too stays; one nothing links to is copied as before.
    assert!(out.join("briefings/shared-map.png").is_file());
    assert!(out.join("briefings/unlinked.png").is_file());

    let r = at_now(&site, &["build", "--future"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(out.join("briefings/quarzite-seating.png").is_file());
    assert!(out.join("briefings/docs/quarzite text.pdf").is_file());
    assert!(
        site.page("briefings/quarzite-accord/index.html")
            .contains("src=\"../../briefings/quarzite-seating.png\"")
    );
}
