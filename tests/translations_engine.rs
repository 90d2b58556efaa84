//! The words the engine writes into pages and feeds (`engine.ftl`) and the dates it shows
//! (ICU4X), on a site whose `language:` is French: page titles, breadcrumbs, a chart's
//! caption, a feed's title, a change told as a sentence; and a site's own translation with
//! markup in it, which pages escape like any other text.

mod common;
use common::*;

const NBSP: char = '\u{a0}';

fn french_site(extra: &[(&str, &str)]) -> TestSite {
    let mut files: Vec<(&str, &str)> = vec![
        (
            "site.yaml",
            "title: Test Desk\nbase_url: https://example.org/\nlanguage: fr\n",
        ),
        (
            "content/actors/northland.md",
            "---\nname: Northland\nkind: state\n---\nA state.\n",
        ),
        (
            "content/actors/southland.md",
            "---\nname: Southland\nkind: state\n---\nAnother state.\n",
        ),
        (
            "content/topics/talks.md",
            "---\ntitle: Talks\nquestion: Should talks go ahead?\n---\nThe talks.\n",
        ),
        (
            "content/places/harbour.md",
            "---\nname: Harbour Town\nkind: city\ncoords: [50.45, -30.5234]\n---\nA port.\n",
        ),
        (
            "content/briefings/2025-11-20-first.md",
            "---\ntitle: Talks proposed\ndate: 2025-11-20\nactors: [Northland, Southland]\nplaces: [Harbour Town]\nstances:\n  - actor: Northland\n    on: talks\n    position: supports\n  - actor: Southland\n    on: talks\n    position: opposes\n---\nBody.\n",
        ),
        (
            "content/briefings/2025-11-24-turn.md",
            "---\ntitle: Northland turns\ndate: 2025-11-24\nmoved_from: [northland-turned]\nactors: [Northland]\nstances:\n  - actor: Northland\n    on: talks\n    position: opposes\n    source: 1\nsources:\n  - title: Harbour Gazette\n---\nBody.\n",
        ),
    ];
    files.extend_from_slice(extra);
    TestSite::new(&files)
}

/// The `<title>` of a page.
fn title(html: &str) -> &str {
    let start = html.find("<title>").expect("a title") + "<title>".len();
    let end = html[start..].find("</title>").expect("closed") + start;
    &html[start..end]
}

#[test]
fn a_french_site_gets_french_titles_dates_chart_captions_and_feeds() {
    let s = french_site(&[]);
    let r = s.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    // No message of the engine is missing in French (D120 would list it).
    assert!(!r.stderr.contains("engine"), "{}", r.stderr);

    let briefing = s.page("briefings/turn/index.html");
    assert!(briefing.contains(">24 nov. 2025</time>"), "{briefing}");
    let crumbs = &briefing[briefing.find("breadcrumb").expect("crumbs")..];
    assert!(crumbs.contains(">Chronologie</a>"), "{crumbs}");
    assert!(crumbs.contains(">novembre 2025</a>"), "{crumbs}");

    let timeline = s.page("timeline/index.html");
    assert!(
        title(&timeline).starts_with("Chronologie"),
        "{}",
        title(&timeline)
    );
    assert!(timeline.contains(">novembre 2025"), "{timeline}");
    assert!(title(&s.page("briefings/index.html")).starts_with("Toutes les notes"));

    let topic = s.page("topics/talks/index.html");
    assert!(topic.contains(">Sujets</a>"), "the kind's crumb");
    assert!(
        topic.contains(&format!(
            "aria-label=\"Historique des positions{NBSP}: 2 acteurs, 3 prises de position du 20 nov. 2025 au 24 nov. 2025. Le tableau donne les mêmes positions sous forme de texte.\""
        )),
        "{topic}"
    );
    // The tally agrees with its count: two actors now against the talks.
    assert!(topic.contains("</span> 2 contre</span>"), "{topic}");
    // Axis labels are French days.
    assert!(topic.contains(">20 nov.</text>"), "{topic}");

    let as_of = s.page("topics/talks/as-of/2025-11-24/index.html");
    assert!(
        title(&as_of).starts_with("Talks au 24 nov. 2025"),
        "{}",
        title(&as_of)
    );

    let place = s.page("places/harbour/index.html");
    assert!(place.contains("50,4500° N, 30,5234° O"), "{place}");

    let feed = s.page("topics/talks/changes.xml");
    assert!(
        feed.contains(&format!(
            "<title>Talks{NBSP}: changements de position — Test Desk</title>"
        )),
        "{feed}"
    );
    assert!(
        feed.contains(&format!(
            "<title>Northland{NBSP}: pour → contre (Talks), 24 nov. 2025 [Harbour Gazette]</title>"
        )),
        "{feed}"
    );
    assert!(
        feed.contains(&format!(
            "<title>Southland{NBSP}: prend position{NBSP}: contre (Talks), 20 nov. 2025</title>"
        )),
        "{feed}"
    );
    let site_feed = s.page("changes.xml");
    assert!(
        site_feed.contains("<title>Changements de position — Test Desk</title>"),
        "{site_feed}"
    );

    let moved = s.page("briefings/northland-turned/index.html");
    assert!(moved.contains("<h1>Page déplacée</h1>"), "{moved}");
    assert!(
        moved.contains("Cette page se trouve désormais à l’adresse <a href=\"https://example.org/briefings/turn/\">Northland turns</a>."),
        "{moved}"
    );
}

#[test]
fn a_site_translation_with_markup_is_escaped_like_any_text() {
    let s = french_site(&[(
        "i18n/fr.ftl",
        "page_title_timeline = <script>alert(1)</script> Frise\nredirect_text = <b>Voir</b> { $link } & suite\nchange_first = <i>entre</i> : { $to }\n",
    )]);
    let r = s.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let timeline = s.page("timeline/index.html");
    assert!(!timeline.contains("<script>alert(1)"), "{timeline}");
    assert!(
        title(&timeline).starts_with("&lt;script&gt;alert(1)&lt;/script&gt; Frise"),
        "{timeline}"
    );
    let moved = s.page("briefings/northland-turned/index.html");
    assert!(
        moved.contains("<p>&lt;b&gt;Voir&lt;/b&gt; <a href=\"https://example.org/briefings/turn/\">Northland turns</a> &amp; suite</p>"),
        "{moved}"
    );
    let feed = s.page("topics/talks/changes.xml");
    assert!(!feed.contains("<i>entre"), "{feed}");
    assert!(feed.contains("&lt;i&gt;entre&lt;/i&gt;"), "{feed}");
}

#[test]
fn an_english_site_reads_as_it_always_has() {
    let s = french_site(&[(
        "site.yaml",
        "title: Test Desk\nbase_url: https://example.org/\n",
    )]);
    let r = s.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let topic = s.page("topics/talks/index.html");
    assert!(
        topic.contains("aria-label=\"Stance history chart: 2 actors, 3 stances from 20 Nov 2025 to 24 Nov 2025. The table gives the same stances as text.\""),
        "{topic}"
    );
    let feed = s.page("topics/talks/changes.xml");
    assert!(
        feed.contains(
            "<title>Northland: supports → opposes on Talks, 24 Nov 2025 [Harbour Gazette]</title>"
        ),
        "{feed}"
    );
    assert!(
        s.page("places/harbour/index.html")
            .contains("50.4500° N, 30.5234° W")
    );
}
