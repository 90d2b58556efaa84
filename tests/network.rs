//! The drawn network: an actor page draws the actors most often named with it, linked to
//! their pages; `/network/` draws and lists the most-named actors; an actor named with
//! nobody gets no drawing; and an archive where one actor is named with thousands of
//! others still gives small, bounded drawings.

mod common;
use common::*;

use std::path::Path;

/// The `<figure class="network…">` of a page, if it has one.
fn drawing(html: &str) -> Option<&str> {
    let from = html.find("<figure class=\"network")?;
    let len = html[from..].find("</figure>")?;
    Some(&html[from..from + len])
}

/// The `aria-label`s of the links of a drawing: `Name: named in N briefings`.
fn node_labels(fig: &str) -> Vec<String> {
    fig.split("<a href=\"")
        .skip(1)
        .filter_map(|a| {
            let from = a.find("aria-label=\"")? + "aria-label=\"".len();
            let len = a[from..].find('"')?;
            Some(a[from..from + len].to_string())
        })
        .collect()
}

/// The names of the `<ol class="counted">` list following `heading` on a page.
fn counted_after(html: &str, heading: &str) -> Vec<String> {
    let from = html.find(heading).expect(heading);
    let list = &html[from..];
    let list = &list[list.find("<ol class=\"counted\">").expect("list")..];
    let list = &list[..list.find("</ol>").expect("end")];
    list.split("<li><a href=\"")
        .skip(1)
        .map(|li| {
            let name = &li[li.find("\">").expect(">") + 2..];
            name[..name.find("</a>").expect("</a>")].to_string()
        })
        .collect()
}

fn sample() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let r = build_sample(&out, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    (tmp, out)
}

fn read(out: &Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn an_actor_page_draws_its_strongest_ties_linked_to_their_pages() {
    let (_tmp, out) = sample();
    let page = "actors/ukraine/index.html";
    let html = read(&out, page);
    let fig = drawing(&html).expect("a drawing on Ukraine's page");
    // Inside the "Named alongside" section, before its list: not above the profile.
    let (at, named) = (
        html.find(fig).unwrap(),
        html.find("id=\"co-actors\"").unwrap(),
    );
    assert!(named < at && at < html.find("<ol class=\"counted\">").unwrap());
    assert!(fig.contains("role=\"group\" aria-label=\"Ukraine and the 12 actors"));
    let co_actors = counted_after(&html, "id=\"co-actors\"");
    assert!(co_actors.len() >= 12, "{co_actors:?}");
    let labels = node_labels(fig);
    // The centre is drawn but not linked: twelve links, the first twelve of the list.
    assert_eq!(labels.len(), 12, "{labels:?}");
    for name in &co_actors[..12] {
        assert!(
            labels
                .iter()
                .any(|l| l.starts_with(&format!("{name}: named in "))),
            "{name} missing from {labels:?}"
        );
    }
    assert!(!labels.iter().any(|l| l.starts_with("Ukraine:")));
    // Every node links to an actor page that exists, and the caption to the site graph.
    let hrefs = links(fig);
    assert_eq!(hrefs.len(), 13, "{hrefs:?}");
    for href in &hrefs {
        let target = out.join("actors/ukraine").join(href);
        assert!(target.is_file(), "{href} does not resolve");
        let landed = std::fs::canonicalize(&target).unwrap();
        let rel = landed
            .strip_prefix(std::fs::canonicalize(&out).unwrap())
            .unwrap();
        let rel = rel.to_string_lossy();
        assert!(
            rel == "network/index.html"
                || (rel.starts_with("actors/") && rel.matches('/').count() == 2),
            "{href} lands on {rel}"
        );
    }
    // Lines between neighbours too, not only spokes from the centre.
    let lines = fig.matches("<line ").count();
    assert!(lines > 12, "only {lines} lines");
    // Coordinates stay in the viewBox.
    let vb = &fig[fig.find("viewBox=\"0 0 ").unwrap() + 13..];
    let vb: Vec<f64> = vb[..vb.find('"').unwrap()]
        .split(' ')
        .map(|v| v.parse().unwrap())
        .collect();
    for part in fig.split(" cx=\"").skip(1) {
        let x: f64 = part[..part.find('"').unwrap()].parse().unwrap();
        assert!((0.0..=vb[0]).contains(&x), "{x} outside {vb:?}");
    }
}

#[test]
fn the_network_page_draws_and_lists_the_most_named_actors() {
    let (_tmp, out) = sample();
    let html = read(&out, "network/index.html");
    let top = counted_after(&read(&out, "index.html"), "id=\"top-actors\"");
    assert_eq!(top.len(), 10, "{top:?}");
    let listed = counted_after(&html, "Most-named actors</h2>");
    assert_eq!(&listed[..10], &top[..], "the same order as the home page");
    let fig = drawing(&html).expect("a drawing");
    let labels = node_labels(fig);
    assert_eq!(labels.len(), listed.len());
    for name in &top {
        assert!(labels.iter().any(|l| l.starts_with(&format!("{name}: "))));
    }
    // The pairs table: "A and B", most often named together first.
    let table = &html[html.find("<table class=\"pairs\">").expect("pairs")..];
    let counts: Vec<u32> = table
        .split("<td class=\"count\">")
        .skip(1)
        .map(|c| c[..c.find('<').unwrap()].parse().unwrap())
        .collect();
    assert!(!counts.is_empty() && counts.len() <= 80);
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    // Reached from the actors index and the home page; listed in the sitemap.
    for page in ["actors/index.html", "index.html"] {
        assert!(
            read(&out, page).contains("href=\"../network/index.html\"")
                || read(&out, page).contains("href=\"network/index.html\""),
            "{page}"
        );
    }
    assert!(read(&out, "sitemap.xml").contains("/network/</loc>"));
}

#[test]
fn an_actor_named_with_nobody_gets_no_drawing() {
    let site = TestSite::new(&[
        (
            "content/briefings/2025-11-20-pair.md",
            "---\ntitle: Pair\nactors: [Ana, Ben]\n---\nText.\n",
        ),
        (
            "content/briefings/2025-11-21-alone.md",
            "---\ntitle: Alone\nactors: [Cy]\n---\nText.\n",
        ),
    ]);
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let cy = site.page("actors/cy/index.html");
    assert!(drawing(&cy).is_none());
    assert!(!cy.contains("Named alongside"));
    let ana = site.page("actors/ana/index.html");
    let fig = drawing(&ana).expect("Ana is named with Ben");
    assert_eq!(node_labels(fig), vec!["Ben: named in 1 briefing"]);
    // The site graph has all three; the only pair is Ana and Ben.
    let network = site.page("network/index.html");
    assert_eq!(node_labels(drawing(&network).expect("drawing")).len(), 3);
    assert_eq!(network.matches("<td class=\"count\">").count(), 1);
    // A site without actors has the page, saying so, without a drawing.
    let empty = TestSite::new(&[(
        "content/briefings/2025-11-20-none.md",
        "---\ntitle: None\n---\nText.\n",
    )]);
    assert_eq!(empty.build().code, 0);
    let page = empty.page("network/index.html");
    assert!(drawing(&page).is_none());
    assert!(page.contains("No briefing names an actor yet."));
}

#[test]
fn an_actor_named_with_thousands_of_others_gets_a_bounded_drawing() {
    // A roster briefing naming 5,000 actors at once, and 50 briefings each naming the hub
    // with 99 others of them: the hub is named with 4,950 actors, each once or twice.
    let names: Vec<String> = (0..5_000).map(|i| format!("m{i}")).collect();
    let mut files: Vec<(String, String)> = names
        .iter()
        .map(|n| {
            (
                format!("content/actors/{n}.md"),
                format!("---\nname: {n}\n---\n"),
            )
        })
        .collect();
    files.push((
        "content/actors/hub.md".into(),
        "---\nname: Hub\n---\n".into(),
    ));
    files.push((
        "content/briefings/2025-11-01-roster.md".into(),
        format!(
            "---\ntitle: Roster\nactors: [Hub, {}]\n---\nText.\n",
            names.join(", ")
        ),
    ));
    for (k, chunk) in names[..4_950].chunks(99).enumerate() {
        files.push((
            format!("content/briefings/2025-11-02-b{k}.md"),
            format!(
                "---\ntitle: B{k}\nactors: [Hub, {}]\n---\nText.\n",
                chunk.join(", ")
            ),
        ));
    }
    // 10,000 pages: in memory where the system offers it (a disk takes a minute).
    let shm = Path::new("/dev/shm");
    let site = match tempfile::tempdir_in(shm) {
        Ok(dir) if shm.is_dir() => TestSite { dir },
        _ => TestSite::new(&[]),
    };
    site.write(
        "site.yaml",
        "title: Test Desk\nbase_url: https://example.org/\n",
    );
    for (path, text) in &files {
        site.write(path, text);
    }
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let hub = site.page("actors/hub/index.html");
    let fig = drawing(&hub).expect("a drawing");
    assert_eq!(node_labels(fig).len(), 12);
    // Twelve spokes and at most every pair of neighbours.
    assert!(fig.matches("<line ").count() <= 12 + 12 * 11 / 2);
    assert!(fig.len() < 16_000, "{} bytes", fig.len());
    let network = site.page("network/index.html");
    let fig = drawing(&network).expect("a drawing");
    assert_eq!(node_labels(fig).len(), 40);
    assert!(fig.matches("<line ").count() <= 80);
    assert!(network.matches("<td class=\"count\">").count() <= 80);
    assert!(network.len() < 60_000, "{} bytes", network.len());
}
