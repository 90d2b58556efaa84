//! The page budget: no HTML page grows with the archive. A generated site whose busiest
//! actor, place, topic and tag are each named by every briefing, with stances enough to
//! fill every history, matrix and chart, builds to pages of at most 150 KB; its long lists
//! are cut in pages that link to each other, and every link and fragment resolves.

mod common;
use common::*;

/// No HTML page may be larger than this.
const BUDGET: usize = 150_000;
/// Briefings of the generated site: unpaginated, the hub actor's page alone would list
/// them all, several hundred KB.
const BRIEFINGS: usize = 1_500;
/// Actors beside the hub: more than the stance matrix shows, more than one index page.
const ACTORS: usize = 60;
/// Topics beside the hub topic: more than an actor's positions table shows.
const TOPICS: usize = 30;
/// Places within the hub city, each with coordinates and a long name: more than the world
/// map of `/places/` marks, more than a locator shows as dots.
const PLACES: usize = 400;
const POSITIONS: [&str; 5] = ["supports", "opposes", "mixed", "neutral", "unclear"];

/// The site: every briefing names the hub actor, place, topic and tag and links to the hub
/// in its body; one of the other actors takes a stance on the hub topic and the hub on one
/// of the other topics. Three briefings a day, so months run across page breaks.
fn site() -> TestSite {
    let site = TestSite::new(&[]);
    site.write(
        "content/actors/hub.md",
        "---\nname: Hub Council\n---\nThe hub.\n",
    );
    for a in 0..ACTORS {
        site.write(
            &format!("content/actors/actor-{a:02}.md"),
            &format!("---\nname: Actor {a:02}\nrole: Envoy\n---\nActor {a:02}.\n"),
        );
    }
    site.write(
        "content/topics/hub-topic.md",
        "---\ntitle: Hub Topic\nquestion: Will it hold?\n---\n",
    );
    for t in 0..TOPICS {
        site.write(
            &format!("content/topics/topic-{t:02}.md"),
            &format!("---\ntitle: Topic {t:02}\n---\n"),
        );
    }
    site.write(
        "content/places/hub-city.md",
        "---\nname: Hub City\nkind: country\ncoords: [48.5, 31.2]\n---\n",
    );
    for p in 0..PLACES {
        // Spread over the globe, so that the world map draws every part of its outline.
        let (lat, lon) = ((p * 37 % 140) as f64 - 60.0, (p * 73 % 360) as f64 - 180.0);
        site.write(
            &format!("content/places/place-{p:03}.md"),
            &format!(
                "---\nname: Place {p:03} of the Rather Long Name District\nkind: city\n\
                 within: hub-city\ncoords: [{lat}, {lon}]\n---\n"
            ),
        );
    }
    let start = jiff::civil::date(2021, 1, 1);
    for i in 0..BRIEFINGS {
        let date = start
            .checked_add(jiff::Span::new().days((i / 3) as i64))
            .expect("a date");
        let (a, t, p) = (i % ACTORS, i % TOPICS, i % PLACES);
        let text = format!(
            "---\ntitle: Hub Council meets envoy {a:02} on day {i}\ndate: {date}\n\
             summary: The council and envoy {a:02} discuss topic {t:02} and what comes next for the region, at some length.\n\
             actors: [Hub Council, Actor {a:02}]\nplaces: [Hub City, Place {p:03} of the Rather Long Name District]\ntopics: [Hub Topic, Topic {t:02}]\n\
             tags: [hub]\nstances:\n  - actor: Actor {a:02}\n    on: hub-topic\n    position: {}\n\
             \x20 - actor: Hub Council\n    on: topic-{t:02}\n    position: {}\n---\n\
             The [[Hub Council]] met in [[Hub City]].\n",
            POSITIONS[i % 5],
            POSITIONS[i / 7 % 5],
        );
        site.write(&format!("content/briefings/b-{i:04}.md"), &text);
    }
    site
}

/// The `<title>` of a page.
fn title(html: &str) -> &str {
    let from = html.find("<title>").expect("a title") + "<title>".len();
    &html[from..from + html[from..].find("</title>").expect("title ends")]
}

#[test]
fn no_page_passes_the_budget_and_long_lists_are_paged() {
    let site = site();
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = site.out();
    let files = snapshot(&out);
    let pages: Vec<(&String, usize)> = (files.iter())
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(p, b)| (p, b.len()))
        .collect();
    let over: Vec<&(&String, usize)> = pages.iter().filter(|(_, n)| *n > BUDGET).collect();
    assert!(over.is_empty(), "pages over {BUDGET} bytes: {over:?}");
    // Not vacuous: the hub's lists together weigh more than one page may.
    let hub: usize = (pages.iter())
        .filter(|(p, _)| p.starts_with("actors/hub/"))
        .map(|(_, n)| n)
        .sum();
    assert!(
        hub > 2 * BUDGET,
        "the hub actor's pages weigh only {hub} bytes"
    );

    // 1,500 briefings in pages of 50.
    for (list, pages) in [
        ("timeline/", 30),
        ("briefings/", 30),
        ("actors/hub/", 30),
        ("places/hub-city/", 30),
        ("topics/hub-topic/", 30),
        ("tags/hub/", 30),
        ("actors/", 2),
    ] {
        let last = format!("{list}page/{pages}/index.html");
        assert!(files.contains_key(&last), "{last}");
        let past = format!("{list}page/{}/index.html", pages + 1);
        assert!(!files.contains_key(&past), "{past}");
        let second = site.page(&format!("{list}page/2/index.html"));
        assert!(
            title(&second).contains(&format!(", page 2 of {pages} · ")),
            "{list}: {}",
            title(&second)
        );
        let up = "../".repeat(list.matches('/').count() + 2);
        let first = format!("{up}{list}index.html");
        let third = format!("{up}{list}page/3/index.html");
        let (prev, next) = (
            format!("<link rel=\"prev\" href=\"{first}\">"),
            format!("<link rel=\"next\" href=\"{third}\">"),
        );
        assert!(second.contains(&prev), "{list}: no {prev}");
        assert_eq!(second.contains(&next), pages > 2, "{list}: {next}");
        assert!(second.contains("<nav class=\"pager\" aria-label=\"Pagination\">"));
        assert!(second.contains("<span aria-current=\"page\">2</span>"));
        let one = site.page(&format!("{list}index.html"));
        assert!(!title(&one).contains("page 1"), "{}", title(&one));
        assert!(one.contains("rel=\"next\"") && !one.contains("rel=\"prev\""));
    }
    // The maps are at their caps: 300 markers on the world map, at most 40 dots (those in
    // view) on the locator of a place with 400 places within it.
    let places = site.page("places/index.html");
    assert_eq!(places.matches("<circle class=\"marker\"").count(), 300);
    let hub_city = site.page("places/hub-city/index.html");
    let dots = hub_city.matches("<circle class=\"dot\"").count();
    assert!((1..=40).contains(&dots), "{dots}");
    assert!(places.len() > 60_000, "{}", places.len());

    // The head of an entity is on its page 1 only.
    let hub_one = site.page("actors/hub/index.html");
    let hub_two = site.page("actors/hub/page/2/index.html");
    assert!(hub_one.contains("id=\"positions\"") && !hub_two.contains("id=\"positions\""));
    assert!(
        hub_two.contains("<h1><a href=\"../../../../actors/hub/index.html\">Hub Council</a></h1>")
    );
    let topic = site.page("topics/hub-topic/index.html");
    assert!(
        topic.contains("The 16 actors with the most stances, of 60."),
        "matrix note"
    );
    assert!(
        topic.contains("earlier</li>"),
        "history strips count earlier stances"
    );

    // The agreement matrix at its cap: the 60 actors all take stances on the hub topic, the
    // 12 whose are all `unclear` (actor k gets position k mod 5) aside; 40 of the 48 are
    // shown, 780 cells.
    let alignment = site.page("alignment/index.html");
    assert!(
        alignment.contains("The 40 actors with a position on the most topics, of 48 who share"),
        "alignment note"
    );
    assert_eq!(alignment.matches("<td class=\"ag").count(), 40 * 39 / 2);

    let broken = broken_links(&out, "/");
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn a_briefing_slugged_page_and_the_second_page_of_the_list_do_not_meet() {
    let mut files: Vec<(String, String)> = vec![(
        "site.yaml".into(),
        "title: Test Desk\nbase_url: https://example.org/\npage_size: 2\n".into(),
    )];
    for (i, slug) in ["page", "two", "three", "four", "five"].iter().enumerate() {
        files.push((
            format!("content/briefings/{slug}.md"),
            format!(
                "---\ntitle: Briefing {slug}\ndate: 2025-11-{:02}\nslug: {slug}\ntags: [page]\n---\nText.\n",
                i + 1
            ),
        ));
    }
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let site = TestSite::new(&files);
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let briefing = site.page("briefings/page/index.html");
    assert!(briefing.contains("<h1>Briefing page</h1>"), "{briefing}");
    let list = site.page("briefings/page/2/index.html");
    assert!(list.contains("All briefings, page 2 of 3"), "{list}");
    assert!(
        site.page("briefings/page/3/index.html")
            .contains("Briefing page")
    );
    let tag = site.page("tags/page/index.html");
    assert!(tag.contains("Tagged “page”"));
    assert!(
        site.page("tags/page/page/2/index.html")
            .contains("page 2 of 3")
    );
    let broken = broken_links(&site.out(), "/");
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}
