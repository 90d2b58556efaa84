//! As-of pages: for every day on which a position on a topic (or of an actor) changed, the
//! page `<kind>/<id>/as-of/<day>/` shows the matrix as it stood at the end of that day. The
//! expected matrices are computed here from `data/stances.csv` alone (every published stance,
//! by date, slug and order in the briefing), never from the code that renders the pages.

mod common;
use common::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// One stance of `stances.csv`.
#[derive(Debug, Clone)]
struct Stance {
    date: String,
    actor: String,
    topic: String,
    position: String,
}

fn stances(out: &Path) -> Vec<Stance> {
    let mut rd = csv::Reader::from_path(out.join("data/stances.csv")).expect("stances.csv");
    let head = rd.headers().expect("headers").clone();
    let col = |name: &str| head.iter().position(|h| h == name).expect(name);
    let (d, a, t, p) = (
        col("date"),
        col("actor_id"),
        col("topic_id"),
        col("position"),
    );
    rd.records()
        .map(|r| {
            let r = r.expect("row");
            Stance {
                date: r[d].to_string(),
                actor: r[a].to_string(),
                topic: r[t].to_string(),
                position: r[p].to_string(),
            }
        })
        .collect()
}

/// Who stood where on `topic` at the end of `day`: each actor's last stance among those
/// dated on or before it, in the file's order (by date, then slug, then place).
fn matrix_on(all: &[Stance], topic: &str, day: &str) -> BTreeMap<String, String> {
    let mut m = BTreeMap::new();
    for s in all
        .iter()
        .filter(|s| s.topic == topic && s.date.as_str() <= day)
    {
        m.insert(s.actor.clone(), s.position.clone());
    }
    m
}

/// The same for an actor's positions by topic.
fn positions_on(all: &[Stance], actor: &str, day: &str) -> BTreeMap<String, String> {
    let mut m = BTreeMap::new();
    for s in all
        .iter()
        .filter(|s| s.actor == actor && s.date.as_str() <= day)
    {
        m.insert(s.topic.clone(), s.position.clone());
    }
    m
}

/// How many as-of pages a topic or actor gets: its latest change days (docs/content-model.md).
const AS_OF_PAGES: usize = 12;

/// The days on which a position changed (a first stance counts), per topic and per actor:
/// the latest [`AS_OF_PAGES`] of them, which have a page.
fn change_days(
    all: &[Stance],
) -> (
    BTreeMap<String, BTreeSet<String>>,
    BTreeMap<String, BTreeSet<String>>,
) {
    let mut last: BTreeMap<(String, String), String> = BTreeMap::new();
    let (mut topics, mut actors): (BTreeMap<_, BTreeSet<_>>, BTreeMap<_, BTreeSet<_>>) =
        Default::default();
    for s in all {
        let key = (s.actor.clone(), s.topic.clone());
        if last.get(&key) != Some(&s.position) {
            topics
                .entry(s.topic.clone())
                .or_default()
                .insert(s.date.clone());
            actors
                .entry(s.actor.clone())
                .or_default()
                .insert(s.date.clone());
        }
        last.insert(key, s.position.clone());
    }
    for days in topics.values_mut().chain(actors.values_mut()) {
        while days.len() > AS_OF_PAGES {
            days.pop_first();
        }
    }
    (topics, actors)
}

/// The matrix of a rendered page: each row's entity id (from its link) and position badge.
fn rows_of(html: &str, kind: &str) -> BTreeMap<String, String> {
    let table = html
        .split("<table class=\"matrix\">")
        .nth(1)
        .and_then(|t| t.split("</table>").next())
        .unwrap_or("");
    let mut m = BTreeMap::new();
    for row in table.split("<th scope=\"row\">").skip(1) {
        let link = format!("{kind}/");
        let id = row
            .split(&link)
            .nth(1)
            .and_then(|r| r.split('/').next())
            .expect("row link");
        let pos = row
            .split("class=\"badge glyph pos-")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .expect("badge");
        m.insert(id.to_string(), pos.to_string());
    }
    m
}

/// The `href` of the first `<a rel="NAME"` in `html`.
fn rel_link(html: &str, rel: &str) -> Option<String> {
    let start = format!("<a rel=\"{rel}\" href=\"");
    let rest = &html[html.find(&start)? + start.len()..];
    Some(rest[..rest.find('"')?].to_string())
}

/// Checks every as-of page of the site built into `out` against `stances.csv`; returns how
/// many pages it checked.
fn check_site(out: &Path) -> usize {
    let all = stances(out);
    let (topics, actors) = change_days(&all);
    let mut checked = 0;
    for (kind, days_of, expect) in [
        (
            "topics",
            &topics,
            matrix_on as fn(&[Stance], &str, &str) -> _,
        ),
        (
            "actors",
            &actors,
            positions_on as fn(&[Stance], &str, &str) -> _,
        ),
    ] {
        let other = if kind == "topics" { "actors" } else { "topics" };
        for (id, days) in days_of {
            let days: Vec<&String> = days.iter().collect();
            for (i, day) in days.iter().enumerate() {
                let rel = format!("{kind}/{id}/as-of/{day}/index.html");
                let path = out.join(&rel);
                let html = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{rel}: {e}"));
                assert_eq!(rows_of(&html, other), expect(&all, id, day), "{rel}");
                let canonical = format!(
                    "<link rel=\"canonical\" href=\"https://example.org/{kind}/{id}/as-of/{day}/\">"
                );
                assert!(html.contains(&canonical), "{rel}: canonical");
                // Previous and next chain through every day, in order.
                let prev = rel_link(&html, "prev");
                let next = rel_link(&html, "next");
                let want_prev = i.checked_sub(1).map(|j| format!("../{}/", days[j]));
                let want_next = days.get(i + 1).map(|d| format!("../{d}/"));
                assert_eq!(
                    prev.as_deref().map(tail),
                    want_prev.as_deref().map(tail),
                    "{rel}: prev"
                );
                assert_eq!(
                    next.as_deref().map(tail),
                    want_next.as_deref().map(tail),
                    "{rel}: next"
                );
                for l in [prev, next].into_iter().flatten() {
                    let target = file_of(path.parent().expect("dir"), &l);
                    assert!(target.exists(), "{rel}: {l} leads nowhere");
                }
                // A link back to the live page.
                assert!(html.contains("See it as it stands now"), "{rel}");
                checked += 1;
            }
            // No as-of page for a day without a change.
            let dir = out.join(format!("{kind}/{id}/as-of"));
            let made: BTreeSet<String> = std::fs::read_dir(&dir)
                .expect("as-of folder")
                .map(|e| e.expect("entry").file_name().to_string_lossy().to_string())
                .collect();
            let want: BTreeSet<String> = days.iter().map(|d| d.to_string()).collect();
            assert_eq!(made, want, "{kind}/{id}");
        }
    }
    checked
}

/// The last folder of a relative link (`<day>` of `../<day>/` or `…/as-of/<day>/index.html`).
fn tail(link: &str) -> String {
    let dir = link.strip_suffix("index.html").unwrap_or(link);
    dir.trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or("")
        .to_string()
}

/// The file a relative link from the folder `dir` leads to.
fn file_of(dir: &Path, href: &str) -> std::path::PathBuf {
    let path = dir.join(href);
    match href.ends_with('/') {
        true => path.join("index.html"),
        false => path,
    }
}

/// Every history mark of the live page `rel` that links to an as-of page: they all exist.
fn marks_lead_to_as_of_pages(out: &Path, rel: &str) -> usize {
    let html = std::fs::read_to_string(out.join(rel)).expect(rel);
    let dir = out.join(rel).parent().expect("dir").to_path_buf();
    let mut n = 0;
    for mark in html.split("<a class=\"mark glyph").skip(1) {
        let href = mark
            .split("href=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .expect("href");
        assert!(href.contains("/as-of/"), "{rel}: a mark links to {href}");
        assert!(file_of(&dir, href).exists(), "{rel}: {href} is missing");
        n += 1;
    }
    n
}

#[test]
fn every_as_of_page_of_the_sample_site_equals_its_stances_up_to_that_day() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("out");
    let r = build_sample(&out, &["--base-url", "https://example.org/"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let checked = check_site(&out);
    assert!(checked >= 10, "only {checked} as-of pages");
    let marks = marks_lead_to_as_of_pages(&out, "topics/us-peace-plan/index.html");
    assert!(marks > 0);
    marks_lead_to_as_of_pages(&out, "actors/european-union/index.html");
}

/// A desk whose stances come out of file order: `a-late.md` is dated after `z-early.md`,
/// two briefings of one day change the same actor twice, one briefing holds two stances of
/// one actor, and a draft and an embargoed briefing hold stances that must not count.
fn fixture() -> TestSite {
    let b = |date: &str, extra: &str, stances: &[(&str, &str, &str)]| {
        let mut s = format!("---\ntitle: On {date}\ndate: {date}\n{extra}stances:\n");
        for (a, t, p) in stances {
            s.push_str(&format!("  - actor: {a}\n    on: {t}\n    position: {p}\n"));
        }
        s.push_str("---\nText.\n");
        s
    };
    TestSite::new(&[
        ("content/actors/alpha.md", "---\nname: Alpha\n---\nA.\n"),
        ("content/actors/beta.md", "---\nname: Beta\n---\nB.\n"),
        ("content/actors/gamma.md", "---\nname: Gamma\n---\nC.\n"),
        (
            "content/topics/truce.md",
            "---\nname: Truce\nquestion: Should they stop?\n---\nT.\n",
        ),
        ("content/topics/tolls.md", "---\nname: Tolls\n---\nT.\n"),
        (
            "content/briefings/z-early.md",
            &b(
                "2025-01-05",
                "",
                &[("alpha", "truce", "supports"), ("beta", "truce", "opposes")],
            ),
        ),
        (
            "content/briefings/a-late.md",
            &b(
                "2025-01-20",
                "",
                &[
                    ("alpha", "truce", "opposes"),
                    ("gamma", "tolls", "supports"),
                ],
            ),
        ),
        (
            "content/briefings/m-mid.md",
            &b(
                "2025-01-10",
                "",
                &[("beta", "truce", "opposes"), ("gamma", "truce", "neutral")],
            ),
        ),
        (
            "content/briefings/same-day-1.md",
            &b(
                "2025-01-15",
                "",
                &[("alpha", "truce", "mixed"), ("alpha", "tolls", "opposes")],
            ),
        ),
        (
            "content/briefings/same-day-2.md",
            &b(
                "2025-01-15",
                "",
                &[
                    ("alpha", "truce", "neutral"),
                    ("alpha", "truce", "supports"),
                    ("beta", "truce", "opposes"),
                ],
            ),
        ),
        (
            "content/briefings/draft.md",
            &b(
                "2025-01-12",
                "draft: true\n",
                &[("gamma", "truce", "opposes")],
            ),
        ),
        (
            "content/briefings/embargoed.md",
            &b(
                "2025-01-13",
                "publish_at: 2999-01-01T00:00:00Z\n",
                &[("beta", "truce", "supports")],
            ),
        ),
    ])
}

#[test]
fn a_hand_made_desk_shows_each_day_as_it_stood() {
    let site = fixture();
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = site.out();
    // The draft's and the embargoed briefing's days have no page; the 10th (Beta repeats
    // itself, Gamma's first stance) has one.
    assert_eq!(check_site(&out), 4 + 2 + 3 + 1 + 2);
    let days: Vec<String> = std::fs::read_dir(out.join("topics/truce/as-of"))
        .expect("as-of")
        .map(|e| e.expect("entry").file_name().to_string_lossy().to_string())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    assert_eq!(
        days,
        ["2025-01-05", "2025-01-10", "2025-01-15", "2025-01-20"]
    );
    // Alpha went supports → mixed → neutral → supports on the 15th: supports at the end of it.
    let html = site.page("topics/truce/as-of/2025-01-15/index.html");
    let rows = rows_of(&html, "actors");
    assert_eq!(rows["alpha"], "supports");
    assert_eq!(rows["beta"], "opposes");
    assert_eq!(rows["gamma"], "neutral");
    // The day's changes are listed, the question shown, and the history marks of the
    // live page lead to as-of pages.
    let main = main_of(&html);
    assert!(main.contains("Should they stop?"), "{main}");
    assert_eq!(main.matches(">Alpha</a>: ").count(), 3, "{main}");
    assert_eq!(
        marks_lead_to_as_of_pages(&out, "topics/truce/index.html"),
        9
    );
    marks_lead_to_as_of_pages(&out, "actors/alpha/index.html");
    // The 5th is the first page, the 20th the last.
    let first = site.page("topics/truce/as-of/2025-01-05/index.html");
    assert!(first.contains("First change") && rel_link(&first, "prev").is_none());
    assert!(
        site.page("topics/truce/as-of/2025-01-20/index.html")
            .contains("Latest change")
    );
    // The live page links its change feeds.
    let live = site.page("topics/truce/index.html");
    assert!(live.contains("topics/truce/changes.xml\">"), "{live}");
}

#[test]
fn as_of_pages_are_not_in_the_sitemap() {
    let site = fixture();
    assert_eq!(site.build().code, 0);
    let map = site.page("sitemap.xml");
    assert!(map.contains("topics/truce/"), "{map}");
    assert!(!map.contains("as-of"), "{map}");
}

/// A topic whose position flips every day for 15 days: only the latest 12 days get a page,
/// the first of them says how many earlier days have none, and the marks of older stances
/// lead to their briefings.
#[test]
fn only_the_latest_change_days_get_a_page() {
    let mut files = vec![
        (
            "content/actors/alpha.md".to_string(),
            "---\nname: Alpha\n---\nA.\n".to_string(),
        ),
        (
            "content/topics/truce.md".to_string(),
            "---\nname: Truce\n---\nT.\n".to_string(),
        ),
    ];
    for day in 1..=15 {
        let p = if day % 2 == 0 { "supports" } else { "opposes" };
        files.push((
            format!("content/briefings/d{day:02}.md"),
            format!(
                "---\ntitle: Day {day}\ndate: 2025-03-{day:02}\nstances:\n  - actor: alpha\n    on: truce\n    position: {p}\n---\nText.\n"
            ),
        ));
    }
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let site = TestSite::new(&refs);
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = site.out();
    // Twelve pages for the topic, twelve for the actor, each as it stood.
    assert_eq!(check_site(&out), 24);
    let first = site.page("topics/truce/as-of/2025-03-04/index.html");
    assert!(
        first.contains("3 earlier change days"),
        "{}",
        main_of(&first)
    );
    assert!(!out.join("topics/truce/as-of/2025-03-03").exists());
    // The live strip shows the latest six stances, all of them within the paged days.
    assert_eq!(
        marks_lead_to_as_of_pages(&out, "topics/truce/index.html"),
        6
    );
}

/// Briefings sort by the instant they were written; their days are the days written. Far
/// apart offsets make the two orders cross: a matrix as of a day counts the stances of that
/// day and before, whatever their place in the history.
#[test]
fn days_written_with_far_apart_offsets_are_counted_by_the_day_written() {
    let site = TestSite::new(&[
        ("content/topics/truce.md", "---\ntitle: Truce\n---\n"),
        // 21 Nov at +14:00 is 20 Nov 11:00 UTC, earlier than the next one.
        (
            "content/briefings/2025-11-21-east.md",
            "---\ntitle: East\ndate: 2025-11-21T01:00:00+14:00\ntopics: [truce]\nstances:\n  - {actor: Kyiv, on: truce, position: supports}\n---\nBody.\n",
        ),
        // 20 Nov at -10:00 is 21 Nov 06:00 UTC.
        (
            "content/briefings/2025-11-20-west.md",
            "---\ntitle: West\ndate: 2025-11-20T20:00:00-10:00\ntopics: [truce]\nstances:\n  - {actor: Kyiv, on: truce, position: opposes}\n---\nBody.\n",
        ),
    ]);
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    // At the end of 20 Nov only West's stance was written.
    let html = site.page("topics/truce/as-of/2025-11-20/index.html");
    assert_eq!(
        rows_of(&html, "actors"),
        BTreeMap::from([("kyiv".to_string(), "opposes".to_string())]),
        "{html}"
    );
    let html = site.page("topics/truce/as-of/2025-11-21/index.html");
    assert_eq!(rows_of(&html, "actors").len(), 1, "{html}");
}
