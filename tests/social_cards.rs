//! Social cards: every page names a 1200×630 PNG in `og:image` (absolute under base_url),
//! a briefing its own and every other page the site's; a second build with no change
//! draws no card (they come from the cache); a changed title gives a new card and the old
//! one leaves the cache; `social_cards: false` turns it all off.

mod common;
use common::*;
use std::path::Path;

const BRIEFING: &str = "---\ntitle: Talks <resume> & stall\ndate: 2024-03-01\nactors: [Ana]\ntopics: [Ceasefire]\nstances:\n  - actor: Ana\n    on: Ceasefire\n    position: supports\n---\nBody.\n";

fn site() -> TestSite {
    TestSite::new(&[
        ("content/briefings/talks.md", BRIEFING),
        (
            "content/briefings/other.md",
            "---\ntitle: Other\ndate: 2024-03-02\n---\nBody.\n",
        ),
    ])
}

/// `dossier build --timings` of `site`, its card cache in `cache` (None: the default).
fn build(site: &TestSite, cache: Option<&Path>) -> Run {
    let mut cmd = assert_cmd::Command::cargo_bin("dossier").expect("binary");
    cmd.args(["build", "--timings", "--root"]).arg(site.root());
    match cache {
        Some(dir) => cmd.env("DOSSIER_CACHE_DIR", dir),
        None => cmd.env_remove("DOSSIER_CACHE_DIR"),
    };
    Run::from(cmd.output().expect("run"))
}

/// The `og:image` of a page.
fn og_image(page: &str) -> String {
    let at = page
        .find("<meta property=\"og:image\" content=\"")
        .expect("og:image");
    let rest = &page[at + 35..];
    rest[..rest.find('"').expect("closed")].to_string()
}

fn cached(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn pages_name_their_cards_and_a_second_build_draws_none() {
    let site = site();
    let first = build(&site, None);
    assert_eq!(first.code, 0, "{}", first.stderr);
    // Two briefings and the site: three cards, all drawn.
    assert!(
        first
            .stderr
            .contains("social cards: 3 drawn, 0 from the cache"),
        "{}",
        first.stderr
    );
    let page = site.page("briefings/talks/index.html");
    let url = og_image(&page);
    assert!(
        url.starts_with("https://example.org/cards/") && url.ends_with(".png"),
        "{url}"
    );
    for meta in [
        r#"<meta property="og:image:width" content="1200">"#,
        r#"<meta property="og:image:height" content="630">"#,
        r#"<meta name="twitter:card" content="summary_large_image">"#,
        r#"<meta property="og:image:alt" content="Talks &lt;resume&gt; &amp; stall — Test Desk, 1 Mar 2024">"#,
    ] {
        assert!(page.contains(meta), "{meta} missing");
    }
    let rel = url.trim_start_matches("https://example.org/");
    let png = std::fs::read(site.out().join(rel)).expect("the card is in the output");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
    // Lists and entity pages show the site's card, not a briefing's.
    let home = og_image(&site.page("index.html"));
    assert_ne!(home, url);
    assert_eq!(og_image(&site.page("actors/ana/index.html")), home);
    // The cache holds the three; the output is the same byte for byte without drawing.
    let cache = site.root().join(".dossier/cache/cards");
    assert_eq!(cached(&cache).len(), 3);
    let before = snapshot(&site.out());
    let second = build(&site, None);
    assert!(
        second
            .stderr
            .contains("social cards: 0 drawn, 3 from the cache"),
        "{}",
        second.stderr
    );
    assert!(
        before == snapshot(&site.out()),
        "the second build's output differs"
    );
    // Cards taken from the cache stay whole in the output when the cache goes.
    std::fs::remove_dir_all(site.root().join(".dossier")).expect("cache removed");
    assert!(
        before == snapshot(&site.out()),
        "removing the cache changed the output"
    );
}

#[test]
fn a_changed_title_draws_one_card_and_the_old_one_leaves_the_cache() {
    let site = site();
    let cache = tempfile::tempdir().expect("tmp");
    assert_eq!(build(&site, Some(cache.path())).code, 0);
    let old = og_image(&site.page("briefings/talks/index.html"));
    let old_name = old.rsplit('/').next().expect("name").to_string();
    assert!(cached(&cache.path().join("cards")).contains(&old_name));
    site.write(
        "content/briefings/talks.md",
        &BRIEFING.replace("Talks <resume>", "Talks end"),
    );
    let r = build(&site, Some(cache.path()));
    assert!(
        r.stderr.contains("social cards: 1 drawn, 2 from the cache"),
        "{}",
        r.stderr
    );
    let new = og_image(&site.page("briefings/talks/index.html"));
    assert_ne!(new, old);
    let names = cached(&cache.path().join("cards"));
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(!names.contains(&old_name), "{names:?}");
    assert!(
        !site
            .out()
            .join(old.trim_start_matches("https://example.org/"))
            .exists()
    );
    // Nothing was written beside the site when the cache is elsewhere.
    assert!(!site.root().join(".dossier").exists());
}

#[test]
fn social_cards_false_names_and_draws_none() {
    let site = site();
    site.write(
        "site.yaml",
        "title: Test Desk\nbase_url: https://example.org/\nsocial_cards: false\n",
    );
    let r = build(&site, None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stderr.contains("social cards:"), "{}", r.stderr);
    assert!(!site.page("briefings/talks/index.html").contains("og:image"));
    assert!(!site.out().join("cards").exists());
    assert!(!site.root().join(".dossier").exists());
}
