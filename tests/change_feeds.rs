//! Feeds of position changes: `changes.xml` for the site and each topic and actor with a
//! stance, a JSON Feed twin beside each, one entry per change, told in the data's words,
//! with ids that survive a rename; `data/changes.csv` one row per change.

mod common;
use common::*;
use std::process::Command;

fn site() -> TestSite {
    TestSite::new(&[
        (
            "content/actors/eu.md",
            "---\nname: European Union & Co\n---\nEU.\n",
        ),
        (
            "content/actors/barrot.md",
            "---\nname: Jean-Noël Barrot\n---\nJNB.\n",
        ),
        (
            "content/topics/plan.md",
            "---\nname: US peace framework\n---\nPlan.\n",
        ),
        (
            "content/briefings/first.md",
            "---\ntitle: First\ndate: 2025-11-19\nstances:\n  - actor: eu\n    on: plan\n    position: supports\n---\nText.\n",
        ),
        (
            "content/briefings/second.md",
            "---\ntitle: Second <b>\ndate: 2025-11-20\nstances:\n  - actor: eu\n    on: plan\n    position: supports\n  - actor: eu\n    on: plan\n    position: opposes\n    by: barrot\n    quote: Not this one\n    source: 1\nsources:\n  - title: \"Le Monde, 20 Nov\"\n    url: https://example.com/lm\n---\nText.\n",
        ),
    ])
}

fn entries(xml: &str) -> Vec<(String, String)> {
    let doc = roxmltree::Document::parse(xml).expect("XML");
    doc.descendants()
        .filter(|n| n.has_tag_name("entry"))
        .map(|e| {
            let text = |name: &str| {
                (e.children().find(|c| c.has_tag_name(name)))
                    .and_then(|c| c.text())
                    .unwrap_or("")
                    .to_string()
            };
            (text("title"), text("id"))
        })
        .collect()
}

#[test]
fn each_change_is_an_entry_in_the_words_of_the_data() {
    let site = site();
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let want = [
        (
            "European Union & Co: supports → opposes on US peace framework, 20 Nov 2025, per Jean-Noël Barrot [Le Monde, 20 Nov]",
            "https://example.org/briefings/second/#stance-2",
        ),
        (
            "European Union & Co: takes position: supports on US peace framework, 19 Nov 2025",
            "https://example.org/briefings/first/#stance-1",
        ),
    ];
    for feed in [
        "changes.xml",
        "topics/plan/changes.xml",
        "actors/eu/changes.xml",
    ] {
        let got = entries(&site.page(feed));
        let got: Vec<(&str, &str)> = got.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        assert_eq!(got, want, "{feed}");
    }
    // Barrot voiced a stance but took none: no feed of his own.
    assert!(!site.out().join("actors/barrot/changes.xml").exists());
    // Linked from the topic's page, in both formats.
    let topic = site.page("topics/plan/index.html");
    assert!(topic.contains(r#"<link rel="alternate" type="application/atom+xml" title="Changes of position (Atom)" href="../../topics/plan/changes.xml">"#), "{topic}");
    assert!(topic.contains(r#"type="application/feed+json" title="Changes of position (JSON Feed)" href="../../topics/plan/changes.json">"#), "{topic}");
    let json: serde_json::Value =
        serde_json::from_str(&site.page("topics/plan/changes.json")).expect("JSON");
    assert_eq!(
        json["feed_url"],
        "https://example.org/topics/plan/changes.json"
    );
    assert_eq!(json["items"][0]["title"], want[0].0);
    assert_eq!(json["items"][0]["summary"], "“Not this one” — Second <b>");
}

#[test]
fn a_renamed_briefing_keeps_its_change_ids() {
    let site = site();
    assert_eq!(site.build().code, 0);
    let before = entries(&site.page("changes.xml"));
    let text =
        std::fs::read_to_string(site.root().join("content/briefings/second.md")).expect("read");
    std::fs::remove_file(site.root().join("content/briefings/second.md")).expect("rm");
    site.write(
        "content/briefings/renamed.md",
        &text.replace(
            "date: 2025-11-20\n",
            "date: 2025-11-20\nmoved_from: [/briefings/second/]\n",
        ),
    );
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let after = entries(&site.page("changes.xml"));
    assert_eq!(
        before.iter().map(|e| &e.1).collect::<Vec<_>>(),
        after.iter().map(|e| &e.1).collect::<Vec<_>>()
    );
}

#[test]
fn change_feeds_parse_in_feedparser() {
    let site = site();
    assert_eq!(site.build().code, 0);
    let out = site.out();
    let files: Vec<_> = [
        "changes.xml",
        "changes.json",
        "topics/plan/changes.xml",
        "topics/plan/changes.json",
        "actors/eu/changes.xml",
        "actors/eu/changes.json",
    ]
    .iter()
    .map(|f| out.join(f))
    .collect();
    let script =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/feeds/parse_feeds.py");
    let run = match Command::new("python3").arg(&script).args(&files).output() {
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
    assert!(run.status.success(), "{text}");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 6, "{text}");
    assert!(
        lines
            .iter()
            .all(|l| l.starts_with("ok ") && l.contains(" 2 ")),
        "{text}"
    );
}

#[test]
fn changes_csv_has_a_row_per_change() {
    let site = site();
    assert_eq!(site.build().code, 0);
    let csv = site.page("data/changes.csv");
    assert_eq!(
        csv,
        "date,actor_id,actor_name,topic_id,topic_name,from,to,quote,briefing_slug,briefing_url,voiced_by_id,voiced_by_name,source_title,source_url\r\n\
         2025-11-19,eu,European Union & Co,plan,US peace framework,,supports,,first,https://example.org/briefings/first/,,,,\r\n\
         2025-11-20,eu,European Union & Co,plan,US peace framework,supports,opposes,Not this one,second,https://example.org/briefings/second/,barrot,Jean-Noël Barrot,\"Le Monde, 20 Nov\",https://example.com/lm\r\n"
    );
}

/// The site's feed holds the latest changes of every topic, one entry each: more changes
/// than a feed holds, on three topics, each actor's position flipping at every briefing.
#[test]
fn the_site_feed_is_the_latest_changes_of_every_topic() {
    let mut files: Vec<(String, String)> = Vec::new();
    for t in ["t0", "t1", "t2"] {
        files.push((
            format!("content/topics/{t}.md"),
            format!("---\nname: Topic {t}\n---\nT.\n"),
        ));
    }
    for a in ["a0", "a1"] {
        files.push((
            format!("content/actors/{a}.md"),
            format!("---\nname: Actor {a}\n---\nA.\n"),
        ));
    }
    for i in 0..50 {
        let position = ["supports", "opposes"][(i / 6) % 2];
        files.push((
            format!("content/briefings/b{i:02}.md"),
            format!(
                "---\ntitle: B{i}\ndate: 2025-{:02}-{:02}\nstances:\n  - actor: a{}\n    on: t{}\n    position: {position}\n---\nText.\n",
                1 + i / 28,
                1 + i % 28,
                i % 2,
                i % 3
            ),
        ));
    }
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let site = TestSite::new(&files);
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    // Every change, oldest first, by its briefing's address.
    let csv = site.page("data/changes.csv");
    let all: Vec<String> = (csv.lines().skip(1))
        .map(|l| format!("{}#stance-1", l.split(',').nth(9).expect("briefing_url")))
        .collect();
    assert!(all.len() > 30, "{} changes", all.len());
    let want: Vec<String> = all.iter().rev().take(30).cloned().collect();
    let got: Vec<String> = entries(&site.page("changes.xml"))
        .into_iter()
        .map(|e| e.1)
        .collect();
    assert_eq!(got, want);
}
