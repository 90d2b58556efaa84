//! One test per rule of the content model, on tiny sites built in temp folders.

mod common;
use common::*;

const ACTOR_Z: &str = "---\nname: Volodymyr Zelenskiy\naliases: [Zelensky, Zelenskyy]\nkind: person\naffiliation: ukraine\n---\nPresident.\n\n## Background\n\nText.\n";
const ACTOR_UA: &str = "---\nname: Ukraine\nkind: state\n---\n";
const ACTOR_B: &str = "---\nname: Jean-Noël Barrot\nkind: person\n---\n";
const PLACE_P: &str =
    "---\nname: Pokrovsk\nkind: city\nwithin: donetsk-oblast\ncoords: [48.28, 37.18]\n---\n";
const PLACE_D: &str = "---\nname: Donetsk Oblast\nkind: region\n---\n";
const TOPIC: &str =
    "---\ntitle: US peace framework\nquestion: Should Kyiv accept the US framework?\n---\n";

fn base_site(extra: &[(&str, &str)]) -> TestSite {
    let mut files = vec![
        ("content/actors/volodymyr-zelenskiy.md", ACTOR_Z),
        ("content/actors/ukraine.md", ACTOR_UA),
        ("content/actors/jean-noel-barrot.md", ACTOR_B),
        ("content/places/pokrovsk.md", PLACE_P),
        ("content/places/donetsk-oblast.md", PLACE_D),
        ("content/topics/us-peace-plan.md", TOPIC),
    ];
    files.extend_from_slice(extra);
    TestSite::new(&files)
}

#[test]
fn references_match_ids_names_and_aliases_ignoring_case_and_diacritics() {
    let site = base_site(&[(
        "content/briefings/2025-11-20-plan.md",
        "---\ntitle: Plan\nactors: [ZELENSKYY, jean-noel barrot, ukraine]\nplaces: [pokrovsk]\ntopics: [US Peace Framework]\n---\nBody.\n",
    )]);
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stderr.contains("stub"), "{}", r.stderr);
    let page = site.page("briefings/plan/index.html");
    for href in [
        "actors/volodymyr-zelenskiy/index.html",
        "actors/jean-noel-barrot/index.html",
        "actors/ukraine/index.html",
        "places/pokrovsk/index.html",
        "topics/us-peace-plan/index.html",
    ] {
        assert!(page.contains(href), "{href}");
    }
    for entity in [
        "actors/volodymyr-zelenskiy",
        "actors/jean-noel-barrot",
        "places/pokrovsk",
        "topics/us-peace-plan",
    ] {
        assert!(
            site.page(&format!("{entity}/index.html"))
                .contains("briefings/plan/index.html"),
            "{entity}"
        );
    }
}

#[test]
fn stance_actors_voices_and_topics_are_named_too() {
    let site = base_site(&[(
        "content/briefings/2025-11-20-plan.md",
        "---\ntitle: Plan\nstances:\n  - actor: Ukraine\n    on: us-peace-plan\n    position: mixed\n    by: Zelensky\n    quote: \"We will work on it.\"\n---\nBody.\n",
    )]);
    assert_eq!(site.build().code, 0);
    let z = site.page("actors/volodymyr-zelenskiy/index.html");
    assert!(z.contains("briefings/plan/index.html"));
    let topic = site.page("topics/us-peace-plan/index.html");
    assert!(topic.contains("actors/ukraine/index.html") && topic.contains("pos-mixed"));
    assert!(topic.contains("Should Kyiv accept the US framework?"));
}

#[test]
fn an_unknown_name_makes_a_stub_with_a_warning_and_body_links_may_use_it() {
    let site = base_site(&[(
        "content/briefings/2025-11-20-plan.md",
        "---\ntitle: Plan\nactors: [Andriy Yermak]\n---\nTalks led by [[Andriy Yermak]].\n",
    )]);
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("content/briefings/2025-11-20-plan.md:3:10: warning:"),
        "{}",
        r.stderr
    );
    let stub = site.page("actors/andriy-yermak/index.html");
    assert!(stub.contains("Andriy Yermak") && stub.contains("briefings/plan/index.html"));
    assert!(
        site.root()
            .join("output/actors/andriy-yermak/atom.xml")
            .is_file()
    );
    assert!(
        site.page("briefings/plan/index.html")
            .contains("href=\"../../actors/andriy-yermak/index.html\" aria-describedby=\"preview-1\">Andriy Yermak</a>")
    );
}

#[test]
fn body_links_of_every_form_resolve_and_make_backlinks() {
    let site = base_site(&[
        (
            "content/briefings/2025-11-19-first.md",
            "---\ntitle: First\n---\nEarlier.\n",
        ),
        (
            "content/briefings/2025-11-20-plan.md",
            "---\ntitle: Plan\n---\n[[Zelensky]], [[Pokrovsk|the railway hub]], [[topic:us-peace-plan]], [[briefing:first]], [earlier](2025-11-19-first.md), [bio](../actors/volodymyr-zelenskiy.md#background), [[place:pokrovsk]] and [root](/tags/).\n",
        ),
    ]);
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let page = site.page("briefings/plan/index.html");
    for want in [
        // Each page linked has one preview, numbered in the order first linked.
        "<a href=\"../../actors/volodymyr-zelenskiy/index.html\" aria-describedby=\"preview-1\">Zelensky</a>",
        "<a href=\"../../places/pokrovsk/index.html\" aria-describedby=\"preview-2\">the railway hub</a>",
        "<a href=\"../../topics/us-peace-plan/index.html\" aria-describedby=\"preview-3\">US peace framework</a>",
        "<a href=\"../../briefings/first/index.html\" aria-describedby=\"preview-4\">First</a>",
        "<a href=\"../../briefings/first/index.html\" aria-describedby=\"preview-4\">earlier</a>",
        "<a href=\"../../actors/volodymyr-zelenskiy/index.html#background\" aria-describedby=\"preview-1\">bio</a>",
        "<a href=\"/tags/\">root</a>",
    ] {
        assert!(page.contains(want), "missing {want}");
    }
    // Body links show up as backlinks, not as "briefings that name it".
    // A briefing page lists them once, among related briefings, saying why.
    let first = site.page("briefings/first/index.html");
    let related = first.split("id=\"related\"").nth(1).unwrap_or_default();
    assert!(related.contains("briefings/plan/index.html"), "{related}");
    assert!(related.contains("links here"), "{related}");
    assert!(!first.contains("Linked from"));
    let z = site.page("actors/volodymyr-zelenskiy/index.html");
    assert!(z.contains("id=\"backlinks\""));
    assert!(
        broken_links(&site.out(), "/")
            .iter()
            .all(|l| l.contains("/tags/")),
        "{:?}",
        broken_links(&site.out(), "/")
    );
}

#[test]
fn an_actor_and_a_place_may_share_a_name() {
    let site = TestSite::new(&[
        ("content/actors/mali.md", "---\nname: Mali\n---\n"),
        ("content/places/mali.md", "---\nname: Mali\n---\n"),
        (
            "content/briefings/2025-01-01-x.md",
            "---\ntitle: X\nactors: [Mali]\nplaces: [Mali]\n---\n[[actor:Mali]] in [[place:Mali]].\n",
        ),
    ]);
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let page = site.page("briefings/x/index.html");
    assert!(page.contains("actors/mali/index.html") && page.contains("places/mali/index.html"));
}

#[test]
fn drafts_are_absent_unless_asked_for() {
    let site = base_site(&[
        (
            "content/briefings/2025-11-20-public.md",
            "---\ntitle: Public\ntags: [open]\n---\nSee [the draft](2025-11-21-secret.md).\n",
        ),
        (
            "content/briefings/2025-11-21-secret.md",
            "---\ntitle: Secret Draft\ndraft: true\nactors: [Draft Only Person]\ntags: [hidden]\n---\nDraft.\n",
        ),
    ]);
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("draft"),
        "a link to a draft warns: {}",
        r.stderr
    );
    assert!(!site.out().join("briefings/secret").exists());
    assert!(!site.out().join("actors/draft-only-person").exists());
    assert!(!site.out().join("tags/hidden").exists());
    for f in [
        "index.html",
        "timeline/index.html",
        "atom.xml",
        "sitemap.xml",
        "search-index.json",
        "tags/index.html",
        "actors/index.html",
    ] {
        assert!(
            !site.page(f).contains("Secret") && !site.page(f).contains("secret"),
            "{f} mentions the draft"
        );
    }
    assert!(
        site.page("briefings/public/index.html")
            .contains("See the draft."),
        "rendered as text"
    );
    let r = site.run(&["build", "--drafts"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        site.page("briefings/secret/index.html")
            .contains("Secret Draft")
    );
    assert!(site.page("timeline/index.html").contains("Secret Draft"));
}

#[test]
fn slugs_never_leave_their_folder() {
    let site = TestSite::new(&[
        (
            "content/briefings/2025-11-20-escape.md",
            "---\ntitle: A\nslug: ../../x\n---\n",
        ),
        (
            "content/briefings/2025-11-21-etc.md",
            "---\ntitle: B\nslug: /etc/x\n---\n",
        ),
        (
            "content/briefings/deep/2025-11-22-Ünïcode Title!.md",
            "---\ntitle: C\n---\n",
        ),
    ]);
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(site.out().join("briefings/x/index.html").is_file());
    assert!(site.out().join("briefings/etc-x/index.html").is_file());
    assert!(
        site.out()
            .join("briefings/unicode-title/index.html")
            .is_file()
    );
    assert!(!site.root().join("x").exists() && !site.out().join("x").exists());
}

#[test]
fn tags_are_slugified_and_shown_as_first_written() {
    let site = TestSite::new(&[
        (
            "content/briefings/2025-11-20-a.md",
            "---\ntitle: A\ntags: [Ukraine War]\n---\n",
        ),
        (
            "content/briefings/2025-11-21-b.md",
            "---\ntitle: B\ntags: [ukraine-war]\n---\n",
        ),
    ]);
    assert_eq!(site.build().code, 0);
    let tag = site.page("tags/ukraine-war/index.html");
    assert!(
        tag.contains("Ukraine War") && tag.contains("briefings/a/") && tag.contains("briefings/b/")
    );
}

#[test]
fn base_url_with_a_path_and_the_override() {
    let site = base_site(&[(
        "content/briefings/2025-11-20-plan.md",
        "---\ntitle: Plan\nactors: [Zelensky]\n---\n[root link](/actors/)\n",
    )]);
    site.write(
        "site.yaml",
        "title: Desk\nbase_url: https://example.org/desk/\nlanguage: en-GB\n",
    );
    assert_eq!(site.build().code, 0);
    let page = site.page("briefings/plan/index.html");
    assert!(
        page.contains("<link rel=\"canonical\" href=\"https://example.org/desk/briefings/plan/\">")
    );
    assert!(page.contains("<html lang=\"en-GB\" dir=\"ltr\">"));
    assert!(page.contains("href=\"/desk/actors/\""));
    let nf = site.page("404.html");
    for l in links(&nf) {
        assert!(
            l.starts_with("/desk/") || l.contains("://") || l.starts_with('#'),
            "404 link {l} is not root-relative"
        );
    }
    assert!(
        site.page("atom.xml")
            .contains("https://example.org/desk/briefings/plan/")
    );
    assert!(
        site.page("sitemap.xml")
            .contains("<loc>https://example.org/desk/briefings/plan/</loc>")
    );
    assert!(
        broken_links(&site.out(), "/desk/").is_empty(),
        "{:?}",
        broken_links(&site.out(), "/desk/")
    );
    let r = site.run(&["build", "--base-url", "https://preview.example.net/pr-7/"]);
    assert_eq!(r.code, 0);
    assert!(
        site.page("briefings/plan/index.html")
            .contains("href=\"https://preview.example.net/pr-7/briefings/plan/\"")
    );
    assert!(site.page("404.html").contains("href=\"/pr-7/index.html\""));
}

#[test]
fn front_matter_is_escaped_everywhere() {
    let site = TestSite::new(&[(
        "content/briefings/2025-11-20-x.md",
        "---\ntitle: \"<script>alert(1)</script>\"\nsummary: \"<img src=x onerror=alert(1)>\"\nactors: [\"<b>Bold</b>\"]\ntags: [\"<i>t</i>\"]\nsources:\n  - {title: Bad, url: \"javascript:alert(1)\"}\n  - \"JavaScript:alert(2)\"\n---\nBody.\n",
    )]);
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains(":8:") && r.stderr.contains("scheme `javascript:`"),
        "{}",
        r.stderr
    );
    assert!(
        !site
            .page("briefings/x/index.html")
            .to_lowercase()
            .contains("href=\"javascript")
    );
    for f in [
        "briefings/x/index.html",
        "index.html",
        "timeline/index.html",
        "atom.xml",
        "actors/b-bold-b/index.html",
        "search-index.json",
        "tags/i-t-i/index.html",
    ] {
        let text = site.page(f);
        assert!(!text.contains("<script>alert"), "{f}");
        assert!(!text.contains("<img src=x"), "{f}");
        assert!(!text.contains("<b>Bold"), "{f}");
    }
}

#[test]
fn bom_crlf_and_yaml_1_2_words() {
    let site = TestSite::new(&[
        ("content/topics/on.md", "---\ntitle: \"on\"\n---\n"),
        (
            "content/briefings/2025-11-20-x.md",
            "\u{feff}---\r\ntitle: Windows file\r\ntopics: [on]\r\nstances:\r\n  - actor: yes\r\n    on: on\r\n    position: supports\r\n---\r\nBody.\r\n",
        ),
    ]);
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(site.page("briefings/x/index.html").contains("Windows file"));
    assert!(
        site.out().join("actors/yes/index.html").is_file(),
        "`yes` is a name, not a boolean"
    );
}

#[test]
fn unknown_keys_warn_with_their_line() {
    let site = TestSite::new(&[(
        "content/briefings/2025-11-20-x.md",
        "---\ntitle: X\nwriter: Someone\n---\n",
    )]);
    let r = site.build();
    assert_eq!(r.code, 0);
    assert!(
        r.stderr
            .contains("content/briefings/2025-11-20-x.md:3:1: warning: unknown key `writer`"),
        "{}",
        r.stderr
    );
}

#[test]
fn date_from_file_name_and_rfc3339() {
    let site = TestSite::new(&[
        ("content/briefings/2025-11-20-a.md", "---\ntitle: A\n---\n"),
        (
            "content/briefings/b.md",
            "---\ntitle: B\ndate: 2025-11-21T08:30:00+02:00\nupdated: 2025-11-22\n---\n",
        ),
    ]);
    assert_eq!(site.build().code, 0);
    let tl = site.page("timeline/index.html");
    let (a, b) = (
        tl.find("briefings/a/").unwrap(),
        tl.find("briefings/b/").unwrap(),
    );
    assert!(b < a, "newest first");
    assert!(
        site.page("briefings/b/index.html")
            .contains("datetime=\"2025-11-21T06:30:00Z\"")
    );
}

#[test]
fn a_site_theme_overrides_one_template() {
    let site = TestSite::new(&[
        ("site.yaml", "title: T\ntheme: mine\n"),
        (
            "themes/mine/templates/tag.html",
            "{% extends \"base.html\" %}{% block content %}<h1>CUSTOM {{ tag.name }}</h1>{% endblock content %}",
        ),
        ("themes/mine/static/extra.css", "body{}"),
        ("static/files/report.txt", "hello"),
        (
            "content/briefings/2025-11-20-x.md",
            "---\ntitle: X\ntags: [alpha]\n---\n",
        ),
    ]);
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        site.page("tags/alpha/index.html")
            .contains("<h1>CUSTOM alpha</h1>")
    );
    assert!(
        site.page("briefings/x/index.html")
            .contains("class=\"briefing\""),
        "other templates stay default"
    );
    assert_eq!(site.page("extra.css"), "body{}");
    assert_eq!(site.page("files/report.txt"), "hello");
}

#[test]
fn a_template_error_names_the_template_file_and_line() {
    let site = TestSite::new(&[
        ("site.yaml", "title: T\ntheme: broken\n"),
        (
            "themes/broken/templates/tag.html",
            "{% extends \"base.html\" %}\n{% block content %}\n{{ tag.name | nosuchfilter }}\n{% endblock content %}",
        ),
        (
            "content/briefings/2025-11-20-x.md",
            "---\ntitle: X\ntags: [alpha]\n---\n",
        ),
    ]);
    let r = site.build();
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("themes/broken/templates/tag.html:3:"),
        "{}",
        r.stderr
    );
}

#[test]
fn profiles_link_their_affiliation_and_places_their_parents() {
    let site = base_site(&[(
        "content/briefings/2025-11-20-x.md",
        "---\ntitle: X\nactors: [Zelensky]\nplaces: [Pokrovsk]\n---\n",
    )]);
    assert_eq!(site.build().code, 0);
    assert!(
        site.page("actors/volodymyr-zelenskiy/index.html")
            .contains("href=\"../../actors/ukraine/index.html\"")
    );
    let p = site.page("places/pokrovsk/index.html");
    assert!(
        p.contains("href=\"../../places/donetsk-oblast/index.html\"")
            && p.contains("openstreetmap.org")
    );
    assert!(
        site.page("places/donetsk-oblast/index.html")
            .contains("places/pokrovsk/index.html"),
        "sub-place listed"
    );
    let co = site.page("places/pokrovsk/index.html");
    assert!(
        co.contains("actors/volodymyr-zelenskiy/index.html"),
        "actors active there"
    );
}

#[test]
fn stance_history_and_latest_position() {
    let site = base_site(&[
        (
            "content/briefings/2025-11-20-a.md",
            "---\ntitle: A\nstances:\n  - {actor: Ukraine, on: us-peace-plan, position: opposes}\n---\n",
        ),
        (
            "content/briefings/2025-11-22-b.md",
            "---\ntitle: B\nstances:\n  - {actor: Ukraine, on: us-peace-plan, position: mixed}\n---\n",
        ),
    ]);
    assert_eq!(site.build().code, 0);
    let t = site.page("topics/us-peace-plan/index.html");
    let row = &t[t.find("<tbody>").unwrap()..t.find("</tbody>").unwrap()];
    let (o, m) = (
        row.find("pos-opposes").unwrap(),
        row.rfind("pos-mixed").unwrap(),
    );
    assert!(o < m, "history oldest first");
    assert!(
        row.contains("changed on <time datetime=\"2025-11-22\">22 Nov 2025</time>"),
        "{row}"
    );
    assert!(row.contains("was opposes"), "{row}");
    assert!(
        site.page("actors/ukraine/index.html")
            .contains("badge glyph pos-mixed\">mixed<")
    );
    assert!(site.page("index.html").contains("Positions that moved"));
}

#[test]
fn body_headings_get_ids_and_never_a_second_h1() {
    let site = TestSite::new(&[(
        "content/briefings/2025-11-20-x.md",
        "---\ntitle: X\n---\n# Big heading\n\n## Sources\n\n## Sources\n\nSee [below](#sources-1), [nowhere](#nope) and [up](#big-heading).\n",
    )]);
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let page = site.page("briefings/x/index.html");
    assert_eq!(page.matches("<h1").count(), 1);
    assert!(page.contains("<h2 id=\"big-heading\">Big heading</h2>"));
    assert!(
        page.contains("<h3 id=\"sources-1\">Sources</h3>")
            && page.contains("<h3 id=\"sources-2\">"),
        "theme ids are reserved"
    );
    assert!(
        r.stderr.contains("content/briefings/2025-11-20-x.md:10:") && r.stderr.contains("`#nope`"),
        "{}",
        r.stderr
    );
    assert!(
        !r.diagnostics().iter().any(|l| l.contains("sources-1")),
        "{}",
        r.stderr
    );
}

#[test]
fn root_relative_urls_in_themes_and_raw_html_follow_the_base_path() {
    let site = TestSite::new(&[
        (
            "site.yaml",
            "title: T\nbase_url: https://example.org/desk/\ntheme: t\n",
        ),
        (
            "themes/t/templates/tags.html",
            "{% extends \"base.html\" %}{% block content %}<h1>Tags</h1><a href=\"/about/\">About</a>{% endblock content %}",
        ),
        (
            "static/about/index.html",
            "<!DOCTYPE html><title>About</title>",
        ),
        (
            "content/briefings/2025-11-20-x.md",
            "---\ntitle: X\n---\n<a href=\"/about/\">raw</a> and ![chart](/about/chart.png)\n",
        ),
    ]);
    assert_eq!(site.build().code, 0);
    assert!(
        site.page("tags/index.html")
            .contains("href=\"/desk/about/\"")
    );
    let page = site.page("briefings/x/index.html");
    assert!(
        page.contains("href=\"/desk/about/\"") && page.contains("src=\"/desk/about/chart.png\""),
        "{page}"
    );
}

#[test]
fn static_files_layer_default_theme_then_site_theme_then_site() {
    let site = TestSite::new(&[
        ("site.yaml", "title: T\ntheme: t\n"),
        ("themes/t/static/style.css", "/* theme css */"),
        ("static/robots.txt", "User-agent: *\nDisallow: /\n"),
        ("static/.nojekyll", ""),
        (
            "static/.well-known/security.txt",
            "Contact: mailto:desk@example.org\n",
        ),
        ("content/briefings/2025-11-20-x.md", "---\ntitle: X\n---\n"),
    ]);
    assert_eq!(site.build().code, 0);
    assert!(
        site.out().join(".nojekyll").is_file(),
        "static dotfiles are copied verbatim"
    );
    assert!(
        site.page(".well-known/security.txt")
            .starts_with("Contact:")
    );
    assert_eq!(site.page("style.css"), "/* theme css */");
    assert_eq!(site.page("robots.txt"), "User-agent: *\nDisallow: /\n");
    assert!(
        site.out().join("favicon.svg").is_file(),
        "default theme files stay"
    );
}

#[test]
fn stub_and_tag_names_are_as_first_written_by_date_then_path() {
    let site = TestSite::new(&[
        (
            "content/briefings/b/2025-11-20-zz.md",
            "---\ntitle: Z\nactors: [andriy yermak]\ntags: [late spelling]\n---\n",
        ),
        (
            "content/briefings/a/2025-11-20-zz-other.md",
            "---\ntitle: A\nactors: [Andriy Yermak]\ntags: [Late Spelling]\n---\n",
        ),
    ]);
    assert_eq!(site.build().code, 0);
    assert!(
        site.page("actors/andriy-yermak/index.html")
            .contains("<h1>Andriy Yermak</h1>")
    );
    assert!(
        site.page("tags/late-spelling/index.html")
            .contains("Late Spelling")
    );
}

#[test]
fn topic_matrix_reads_as_a_curator_expects() {
    let site = base_site(&[
        (
            "content/briefings/2025-11-20-a.md",
            "---\ntitle: A\nstances:\n  - {actor: Ukraine, on: us-peace-plan, position: unclear, by: Zelensky}\n  - {actor: Jean-Noël Barrot, on: us-peace-plan, position: opposes, quote: \"Peace cannot be a capitulation.\"}\n---\n",
        ),
        (
            "content/briefings/2025-11-22-b.md",
            "---\ntitle: B\nstances:\n  - {actor: Ukraine, on: us-peace-plan, position: mixed}\n---\n",
        ),
    ]);
    assert_eq!(site.build().code, 0);
    let page = site.page("topics/us-peace-plan/index.html");
    let start = page.find("<section aria-labelledby=\"matrix\">").unwrap();
    let end = start + page[start..].find("</section>").unwrap() + 10;
    insta::assert_snapshot!(&page[start..end]);
}

#[test]
fn footnotes_get_valid_ids_and_link_both_ways() {
    let site = TestSite::new(&[(
        "content/briefings/2025-11-20-x.md",
        "---\ntitle: X\n---\n## 1\n\nClaim one[^my note] and two[^2].\n\n[^2]: Second.\n[^my note]: First, with a space in its label.\n",
    )]);
    assert_eq!(site.build().code, 0);
    let page = site.page("briefings/x/index.html");
    assert!(page.contains("<sup class=\"footnote-reference\" id=\"fnref-my-note\"><a href=\"#fn-my-note\">1</a></sup>"), "{page}");
    assert!(page.contains("id=\"fn-2\"><sup class=\"footnote-definition-label\">2</sup>"));
    assert!(page.contains("href=\"#fnref-2\""));
    assert!(
        broken_links(&site.out(), "/").is_empty(),
        "{:?}",
        broken_links(&site.out(), "/")
    );
}

#[test]
fn bom_and_crlf_change_nothing_in_the_output() {
    let text = "---\ntitle: Same\nactors: [Someone]\n---\n# Heading\n\nA paragraph\nover two lines.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
    let lf = TestSite::new(&[("content/briefings/2025-11-20-x.md", text)]);
    let crlf = TestSite::new(&[(
        "content/briefings/2025-11-20-x.md",
        &format!("\u{feff}{}", text.replace('\n', "\r\n")),
    )]);
    let (a, b) = (lf.build(), crlf.build());
    assert_eq!((a.code, b.code), (0, 0));
    assert_eq!(
        a.stderr.replace(' ', ""),
        b.stderr.replace(' ', ""),
        "same diagnostics, same lines"
    );
    assert_eq!(snapshot(&lf.out()), snapshot(&crlf.out()));
}

#[test]
fn a_briefing_naming_only_a_topic_links_to_it() {
    let site = TestSite::new(&[(
        "content/briefings/2025-11-20-x.md",
        "---\ntitle: X\ntopics: [Energy]\n---\n",
    )]);
    assert_eq!(site.build().code, 0);
    assert!(
        site.page("briefings/x/index.html")
            .contains("href=\"../../topics/energy/index.html\"")
    );
}

#[test]
fn a_base_url_must_be_absolute_and_clean() {
    let site = TestSite::new(&[
        (
            "site.yaml",
            "title: T\nbase_url: 'https://example.org/\"><script>x</script>'\n",
        ),
        ("content/briefings/2025-11-20-x.md", "---\ntitle: X\n---\n"),
    ]);
    let r = site.build();
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("site.yaml:2:11: error: `base_url`"),
        "{}",
        r.stderr
    );
    site.write("site.yaml", "title: T\n");
    let r = site.run(&["build", "--base-url", "example.org/desk"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("--base-url"), "{}", r.stderr);
    assert_eq!(site.run(&["build", "--base-url", "/desk/"]).code, 0);
    assert!(site.page("404.html").contains("href=\"/desk/index.html\""));
}

#[test]
fn extra_reaches_templates_in_a_stable_order() {
    let site = TestSite::new(&[
        ("site.yaml", "title: T\ntheme: t\n"),
        (
            "themes/t/templates/briefing.html",
            "{% extends \"base.html\" %}{% block content %}<h1>{{ briefing.title }}</h1>{% for k, v in briefing.extra %}[{{ k }}={{ v }}]{% endfor %}{% endblock content %}",
        ),
        (
            "content/briefings/2025-11-20-x.md",
            "---\ntitle: X\nextra: {zulu: 1, alpha: 2, mike: \"<b>3</b>\", echo: 4, kilo: 5, bravo: 6}\n---\n",
        ),
    ]);
    assert_eq!(site.build().code, 0);
    let page = site.page("briefings/x/index.html");
    assert!(
        page.contains("[alpha=2][bravo=6][echo=4][kilo=5][mike=&lt;b&gt;3&lt;&#x2F;b&gt;][zulu=1]")
            || page
                .contains("[alpha=2][bravo=6][echo=4][kilo=5][mike=&lt;b&gt;3&lt;/b&gt;][zulu=1]"),
        "{page}"
    );
    for _ in 0..3 {
        assert_eq!(site.build().code, 0);
        assert_eq!(site.page("briefings/x/index.html"), page);
    }
}

#[test]
fn control_characters_never_reach_pages_or_feeds() {
    let site = TestSite::new(&[
        (
            "content/actors/solo.md",
            "---\nname: \"Solo\\u0007\"\n---\n",
        ),
        (
            "content/briefings/2025-11-20-x.md",
            "---\ntitle: \"Form\\ffeed\"\nsummary: \"bell \\a and nul \\u0000\"\nactors: [Solo]\n---\nRaw \u{1} byte.\n",
        ),
    ]);
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("content/briefings/2025-11-20-x.md:6:5: warning: control character U+0001"),
        "{}",
        r.stderr
    );
    // Social cards are pictures, not text: their bytes hold anything.
    for (path, bytes) in snapshot(&site.out())
        .into_iter()
        .filter(|(p, _)| !p.ends_with(".png"))
    {
        let text = String::from_utf8_lossy(&bytes);
        // CSV records end in CRLF, as RFC 4180 asks.
        let crlf = path.ends_with(".csv");
        assert!(
            !text
                .chars()
                .any(|c| c < ' ' && c != '\n' && c != '\t' && !(crlf && c == '\r')),
            "{path} holds a control character"
        );
    }
    assert!(site.page("atom.xml").contains("<title>Formfeed</title>"));
}

#[test]
fn files_beside_the_content_are_copied_and_linked() {
    let site = TestSite::new(&[
        ("content/briefings/2025/img/map.png", "PNG"),
        ("content/briefings/2025/report file.pdf", "PDF"),
        (
            "content/briefings/2025/2025-11-19-a.md",
            "---\ntitle: A\n---\n",
        ),
        (
            "content/briefings/2025/2025-11-20-b.md",
            "---\ntitle: B\n---\n![map](img/map.png) [report](report%20file.pdf#page=2) [again](2025-11-19-a.md?utm=x#top)\n",
        ),
    ]);
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(site.page("briefings/2025/img/map.png"), "PNG");
    let page = site.page("briefings/b/index.html");
    assert!(
        page.contains("src=\"../../briefings/2025/img/map.png\""),
        "{page}"
    );
    assert!(
        page.contains("href=\"../../briefings/2025/report%20file.pdf#page=2\""),
        "{page}"
    );
    assert!(
        page.contains("href=\"../../briefings/a/index.html#top\""),
        "{page}"
    );
    site.write(
        "content/briefings/2025/2025-11-21-c.md",
        "---\ntitle: C\n---\n![gone](img/missing.png) and [dir](../2024/)\n",
    );
    let r = site.build();
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("content/briefings/2025/2025-11-21-c.md:4:1: error: link `img/missing.png` matches no file"), "{}", r.stderr);
    assert!(
        r.stderr
            .contains("2025-11-21-c.md:4:30: error: link `../2024/`"),
        "{}",
        r.stderr
    );
}

#[test]
fn wiki_link_variants() {
    let site = base_site(&[(
        "content/briefings/2025-11-20-x.md",
        "---\ntitle: X\n---\n[[Zelensky#background]], [[Actor:Zelensky|the president]], [[Pokrovsk|]], [[ TOPIC:us-peace-plan ]]\n",
    )]);
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let page = site.page("briefings/x/index.html");
    for want in [
        "<a href=\"../../actors/volodymyr-zelenskiy/index.html#background\" aria-describedby=\"preview-1\">Zelensky</a>",
        "<a href=\"../../actors/volodymyr-zelenskiy/index.html\" aria-describedby=\"preview-1\">the president</a>",
        "<a href=\"../../places/pokrovsk/index.html\" aria-describedby=\"preview-2\">Pokrovsk</a>",
        "<a href=\"../../topics/us-peace-plan/index.html\" aria-describedby=\"preview-3\">US peace framework</a>",
    ] {
        assert!(page.contains(want), "missing {want} in {}", main_of(&page));
    }
}

#[test]
fn task_list_checkboxes_say_whether_they_are_done() {
    let site = TestSite::new(&[(
        "content/briefings/2025-11-20-x.md",
        "---\ntitle: X\n---\n- [x] Draft received\n- [ ] Reply sent\n",
    )]);
    assert_eq!(site.build().code, 0);
    let page = site.page("briefings/x/index.html");
    assert!(
        page.contains(
            "<input type=\"checkbox\" disabled checked aria-label=\"done\"> Draft received"
        ),
        "{page}"
    );
    assert!(page.contains("<input type=\"checkbox\" disabled aria-label=\"not done\"> Reply sent"));
}

#[test]
fn body_headings_named_like_theme_sections_get_other_ids() {
    let site = base_site(&[(
        "content/briefings/2025-11-20-x.md",
        "---\ntitle: X\nactors: [Zelensky]\n---\n## At a glance\n\nSee [the facts](#at-a-glance).\n",
    )]);
    assert_eq!(site.build().code, 0);
    let page = site.page("briefings/x/index.html");
    assert_eq!(page.matches("id=\"at-a-glance\"").count(), 1, "{page}");
    assert!(page.contains("id=\"at-a-glance-1\""));
}

#[test]
fn base_url_values_are_accepted_or_refused_by_what_a_url_is() {
    let site = TestSite::new(&[("content/briefings/2025-11-20-x.md", "---\ntitle: X\n---\n")]);
    // Accepted, and how canonical URLs then begin.
    for (value, canonical) in [
        ("https://example.org/desk/", "https://example.org/desk/"),
        ("https://example.org/desk", "https://example.org/desk/"),
        ("HTTPS://Example.ORG/desk/", "https://example.org/desk/"),
        ("Http://example.org", "http://example.org/"),
        (
            "https://example.org:8443/a/b/",
            "https://example.org:8443/a/b/",
        ),
        (
            "https://example.org/d%C3%A9sk/",
            "https://example.org/d%C3%A9sk/",
        ),
        ("/desk/", "/desk/"),
        ("/desk", "/desk/"),
    ] {
        site.write("site.yaml", &format!("title: T\nbase_url: '{value}'\n"));
        let r = site.build();
        assert_eq!(r.code, 0, "site.yaml {value}: {}", r.stderr);
        let page = site.page("briefings/x/index.html");
        assert!(
            page.contains(&format!("href=\"{canonical}briefings/x/\"")),
            "site.yaml {value}: no canonical under {canonical}"
        );
        site.write("site.yaml", "title: T\n");
        let r = site.run(&["build", "--base-url", value]);
        assert_eq!(r.code, 0, "--base-url {value}: {}", r.stderr);
        let page = site.page("briefings/x/index.html");
        assert!(
            page.contains(&format!("href=\"{canonical}briefings/x/\"")),
            "--base-url {value}: no canonical under {canonical}"
        );
    }
    // Refused: in site.yaml a D023 at the value (exit 1), as a flag a usage error (exit 2).
    for value in [
        "//example.org/desk/",
        "example.org/desk",
        "example.org",
        "https://example.org/?x=1",
        "https://example.org/desk?",
        "https://example.org/#top",
        "/desk/?x",
        "/desk/#x",
        "https:///desk/",
        "https://",
        "http://:8080/",
        "https://user:pw@example.org/",
        "https://user@example.org/",
        "https://exa mple.org/",
        "https://example.org/my desk/",
        "https://example.org/a%zz/",
        "https://example.org/a%2",
        "https://[::1/",
        "https://example.org:99999/",
        "ftp://example.org/",
        "javascript:alert(1)",
        "mailto:desk@example.org",
        "https:example.org",
    ] {
        site.write("site.yaml", &format!("title: T\nbase_url: '{value}'\n"));
        let r = site.build();
        assert_eq!(r.code, 1, "site.yaml {value} was accepted: {}", r.stdout);
        assert!(
            r.stderr.contains("site.yaml:2:11: error: `base_url`") && r.stderr.contains("D023"),
            "site.yaml {value}: {}",
            r.stderr
        );
        site.write("site.yaml", "title: T\n");
        let r = site.run(&["build", "--base-url", value]);
        assert_eq!(r.code, 2, "--base-url {value} was accepted: {}", r.stdout);
        assert!(r.stderr.contains("--base-url"), "{value}: {}", r.stderr);
    }
}
