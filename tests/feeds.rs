//! Every feed of a built site parses: Atom in feedparser (the library most feed readers'
//! tests lean on) with its entries' titles, links and dates, JSON Feed by the rules of
//! JSON Feed 1.1 (released feedparser does not read it; `tests/feeds/parse_feeds.py` uses
//! feedparser for it too once it does); tag feeds exist and pages link to both formats.

mod common;
use common::*;
use std::process::Command;

fn site() -> TestSite {
    TestSite::new(&[
        (
            "content/actors/ana.md",
            "---\nname: Ana <Quotes> & \"Co\"\n---\nAna.\n",
        ),
        (
            "content/briefings/one.md",
            "---\ntitle: \"One & <two> \\\"three\\\"\"\ndate: 2024-03-01\nsummary: A <b>summary</b> & more\nactors: [ana]\ntags: [Grain & Oil]\n---\nBody.\n",
        ),
        (
            "content/briefings/two.md",
            "---\ntitle: Two\ndate: 2024-03-02\ntags: [grain & oil, ports]\n---\nBody.\n",
        ),
    ])
}

/// Every `atom.xml` and `feed.json` under `out`, sorted.
fn feeds(out: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut all: Vec<_> = walkdir::WalkDir::new(out)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.ends_with("atom.xml") || p.ends_with("feed.json"))
        .collect();
    all.sort();
    all
}

#[test]
fn every_feed_parses_in_feedparser() {
    let site = site();
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = site.out();
    let files = feeds(&out);
    // Site, one actor, two tags: an Atom feed and a JSON twin each.
    assert_eq!(files.len(), 8, "{files:?}");
    let script =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/feeds/parse_feeds.py");
    let run = Command::new("python3").arg(&script).args(&files).output();
    let run = match run {
        Ok(r) if r.status.code() == Some(3) => {
            eprintln!("SKIPPED: python3 has no feedparser (pip install feedparser)");
            return;
        }
        Ok(r) => r,
        Err(e) => {
            eprintln!("SKIPPED: no python3 ({e})");
            return;
        }
    };
    let text = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), files.len(), "{text}");
    assert!(lines.iter().all(|l| l.starts_with("ok ")), "{text}");
    // The site feed has both briefings in both formats; json1 is feedparser's JSON Feed.
    let site_lines: Vec<&&str> = lines
        .iter()
        .filter(|l| l.contains("/output/atom.xml ") || l.contains("/output/feed.json "))
        .collect();
    assert_eq!(site_lines.len(), 2, "{text}");
    assert!(site_lines.iter().all(|l| l.contains(" 2 ")), "{text}");
    assert!(site_lines.iter().any(|l| l.ends_with(" json11")), "{text}");
}

#[test]
fn tag_pages_link_their_feeds_and_json_twins_escape_front_matter() {
    let site = site();
    assert_eq!(site.build().code, 0);
    let tag = site.page("tags/grain-oil/index.html");
    assert!(tag.contains(r#"type="application/atom+xml""#), "{tag}");
    assert!(
        tag.contains(r#"<link rel="alternate" type="application/feed+json" title="Tagged “Grain &amp; Oil” (JSON Feed)" href="../../tags/grain-oil/feed.json">"#),
        "{tag}"
    );
    let atom = site.page("tags/grain-oil/atom.xml");
    assert!(atom.contains("<title>One &amp; &lt;two&gt;"), "{atom}");
    assert_eq!(atom.matches("<entry>").count(), 2, "{atom}");
    let json: serde_json::Value =
        serde_json::from_str(&site.page("tags/grain-oil/feed.json")).expect("JSON");
    assert_eq!(
        json["feed_url"],
        "https://example.org/tags/grain-oil/feed.json"
    );
    assert_eq!(json["items"][1]["title"], "One & <two> \"three\"");
    assert_eq!(json["items"][1]["summary"], "A <b>summary</b> & more");
    let home = site.page("index.html");
    assert!(home.contains(r#"href="feed.json""#), "{home}");
}
