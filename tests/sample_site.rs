//! The sample site at the repository root: builds cleanly, every link resolves, every
//! entity lists the briefings that name it, and two builds are byte-identical.

mod common;
use common::*;

#[test]
fn sample_site_builds_with_one_summary_line() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let r = build_sample(&out, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "{}", r.stdout);
    assert!(
        lines[0].starts_with("built ") && lines[0].contains("pages") && lines[0].contains(" s"),
        "{}",
        lines[0]
    );
    assert!(!r.stderr.contains("error"), "{}", r.stderr);
    for f in [
        "index.html",
        "404.html",
        "atom.xml",
        "sitemap.xml",
        "robots.txt",
        "search-index.json",
        "timeline/index.html",
        "tags/index.html",
        "actors/index.html",
        "places/index.html",
        "topics/index.html",
    ] {
        assert!(out.join(f).is_file(), "missing {f}");
    }
}

#[test]
fn every_internal_link_of_the_sample_site_resolves() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    assert_eq!(build_sample(&out, &[]).code, 0);
    let broken = broken_links(&out, "/");
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
    // The check itself must see links: the sample has hundreds.
    let total: usize = snapshot(&out)
        .iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(_, b)| links(&String::from_utf8_lossy(b)).len())
        .sum();
    assert!(total > 500, "only {total} links seen");
}

#[test]
fn every_entity_a_briefing_names_lists_it_back() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    assert_eq!(build_sample(&out, &[]).code, 0);
    let mut checked = 0;
    for (rel, bytes) in snapshot(&out.join("briefings")) {
        // `<slug>/index.html`; the list of every briefing is `index.html` and `page/N/`.
        if !rel.ends_with("/index.html") || rel.matches('/').count() != 1 {
            continue;
        }
        let slug = rel.trim_end_matches("/index.html");
        let html = String::from_utf8(bytes).unwrap();
        // An old address of a renamed briefing (`moved_from:`) holds a redirect page.
        if html.contains("http-equiv=\"refresh\"") {
            continue;
        }
        let chips = &html[html.find("id=\"at-a-glance\"").expect("at a glance")..];
        let chips = &chips[..chips.find("</dl>").unwrap()];
        for link in links(chips) {
            let target = out.join("briefings").join(slug).join(&link);
            let entity = std::fs::read_to_string(&target).unwrap_or_else(|_| panic!("{link}"));
            assert!(
                entity.contains(&format!("briefings/{slug}/index.html")),
                "{link} does not list briefing {slug}"
            );
            checked += 1;
        }
    }
    assert!(checked > 40, "only {checked} entity links checked");
}

#[test]
fn two_builds_are_byte_identical() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    assert_eq!(build_sample(&a, &[]).code, 0);
    assert_eq!(build_sample(&b, &[]).code, 0);
    let (sa, sb) = (snapshot(&a), snapshot(&b));
    assert!(sa.len() > 50);
    assert_eq!(sa.keys().collect::<Vec<_>>(), sb.keys().collect::<Vec<_>>());
    for (k, v) in &sa {
        assert!(sb[k] == *v, "{k} differs between builds");
    }
}

#[test]
fn sample_site_has_the_contracted_shape() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let r = build_sample(&out, &[]);
    assert_eq!(r.code, 0);
    let count = |dir: &str| {
        std::fs::read_dir(out.join(dir))
            .unwrap()
            .filter(|e| e.as_ref().unwrap().path().is_dir())
            .count()
    };
    assert!(count("briefings") >= 6);
    assert!(count("actors") >= 12);
    assert!(count("places") >= 8);
    assert!(count("topics") >= 3);
    // One stub (warned about), one draft (absent).
    assert!(
        r.stderr.contains("warning: no actor profile matches"),
        "{}",
        r.stderr
    );
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    let drafts: Vec<_> = walkdir::WalkDir::new(repo().join("content"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| std::fs::read_to_string(e.path()).is_ok_and(|t| t.contains("\ndraft: true")))
        .collect();
    assert_eq!(drafts.len(), 1, "the sample site has one draft");
    let stem = drafts[0]
        .path()
        .file_stem()
        .unwrap()
        .to_string_lossy()
        .to_string();
    let slug = &stem[11..];
    assert!(!out.join("briefings").join(slug).exists());
    assert!(!sitemap.contains(slug));
    // Every page: one <title>, one <h1>, a viewport, lang: French under fr/, English
    // everywhere else.
    for (rel, bytes) in snapshot(&out) {
        if rel.ends_with(".html") {
            let html = String::from_utf8(bytes).unwrap();
            assert_eq!(html.matches("<title>").count(), 1, "{rel}");
            assert_eq!(html.matches("<h1").count(), 1, "{rel}");
            assert!(html.contains("name=\"viewport\""), "{rel}");
            let lang = if rel.starts_with("fr/") { "fr" } else { "en" };
            assert!(
                html.contains(&format!("<html lang=\"{lang}\" dir=\"ltr\">")),
                "{rel}"
            );
        }
    }
}

#[test]
fn theme_stays_in_budget_css_under_30_kb_and_scripts_only_search_and_previews() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    assert_eq!(build_sample(&out, &[]).code, 0);
    // Each language's tree carries its own copy of the theme: the budget is per tree.
    let (mut css, mut css_fr) = (0, 0);
    let mut pages = 0;
    let mut with_previews = 0;
    for (rel, bytes) in snapshot(&out) {
        if rel.ends_with(".css") {
            if rel.starts_with("fr/") {
                css_fr += bytes.len();
            } else {
                css += bytes.len();
            }
        }
        if rel.ends_with(".html") {
            pages += 1;
            let html = String::from_utf8(bytes).unwrap();
            // JSON-LD is data, not script.
            let scripts = html.matches("<script").count()
                - html
                    .matches("<script type=\"application/ld+json\">")
                    .count();
            // Each language's tree has its own search page.
            if rel == "search/index.html" || rel == "fr/search/index.html" {
                assert_eq!(scripts, 1, "{rel}");
            } else if html.contains("popover=\"hint\"") {
                // The preview helper, on pages with link previews.
                assert_eq!(scripts, 1, "{rel}");
                assert!(html.contains("preview.js\" defer></script>"), "{rel}");
                with_previews += 1;
            } else {
                assert_eq!(scripts, 0, "{rel} has a script");
                assert!(!html.contains(" onclick="), "{rel}");
            }
        }
    }
    assert!(pages > 50);
    assert!(with_previews > 5, "{with_previews} pages with previews");
    assert!(css > 0 && css <= 30 * 1024, "CSS is {css} bytes");
    assert!(
        css_fr > 0 && css_fr <= 30 * 1024,
        "the French tree's CSS is {css_fr} bytes"
    );
    let helper = std::fs::read(out.join("preview.js")).unwrap();
    assert!(
        helper.len() <= 3 * 1024,
        "preview.js is {} bytes",
        helper.len()
    );
}

#[test]
fn topic_and_entity_pages_carry_their_charts_and_positions_carry_words() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    assert_eq!(build_sample(&out, &[]).code, 0);
    let read = |p: &str| std::fs::read_to_string(out.join(p)).unwrap();
    let topic = read("topics/us-peace-plan/index.html");
    // One chart drawn twice: for wide screens and for phones, where the latest marks and
    // the names must be in view without scrolling.
    let narrow = &topic[topic
        .find("<svg class=\"stance-chart narrow\" viewBox=\"0 0 350.0 ")
        .expect("a stance chart for phones")..];
    assert!(narrow[..narrow.find("</svg>").unwrap()].contains(">Ukraine</text>"));
    let chart = &topic[topic
        .find("<svg class=\"stance-chart wide\"")
        .expect("a stance chart")..];
    let chart = &chart[..chart.find("</svg>").unwrap()];
    assert!(chart.contains("role=\"img\""));
    assert!(
        chart.contains("aria-label=\"Stance history chart: "),
        "{chart}"
    );
    // Ukraine moved from unclear to mixed: both shapes sit on its row.
    let ukraine = &chart[chart.find(">Ukraine</text>").unwrap()..];
    let ukraine = &ukraine[..ukraine.find("</g>\n</g>").unwrap_or(ukraine.len())];
    assert!(
        ukraine.contains("pos-unclear") && ukraine.contains("pos-mixed"),
        "{ukraine}"
    );
    // Every badge says its position in words, not only in colour.
    for p in ["supports", "opposes", "mixed", "neutral", "unclear"] {
        let badge = format!("<span class=\"badge glyph pos-{p}\">{p}</span>");
        assert!(topic.contains(&badge), "no {p} badge with its word");
    }
    // The sample spans nine days: a sparkline of them would be a barcode, so there is none.
    let actor = read("actors/volodymyr-zelenskiy/index.html");
    assert!(!actor.contains("<figure class=\"sparkline\">"));
    let place = read("places/pokrovsk/index.html");
    assert!(!place.contains("<figure class=\"sparkline\">"));
    assert!(place.contains("openstreetmap.org"));
}

/// Lists of other briefings on briefing, entity and tag pages show date and title; the home
/// page and the timeline, where a reader picks what to open, show the summary too.
#[test]
fn briefing_entity_and_tag_pages_list_other_briefings_by_date_and_title() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    assert_eq!(build_sample(&out, &[]).code, 0);
    let title = "Kyiv and Washington agree to rework the draft";
    let summary = "After Ukraine sets out its core principles";
    let page = |rel: &str| std::fs::read_to_string(out.join(rel)).unwrap();
    for rel in [
        "briefings/us-framework/index.html",
        "actors/donald-trump/index.html",
        "places/brussels/index.html",
        "topics/us-peace-plan/index.html",
        "tags/diplomacy/index.html",
    ] {
        let main = page(rel);
        let main = main_of(&main);
        // Link previews (popovers, shown on hover) may hold the summary; the list does not.
        let main = &main[..main.find("<div class=\"preview ").unwrap_or(main.len())];
        assert!(main.contains(title), "{rel} does not list the briefing");
        assert!(!main.contains(summary), "{rel} shows its summary");
    }
    for rel in ["index.html", "timeline/index.html"] {
        let main = page(rel);
        let main = main_of(&main);
        assert!(main.contains(title) && main.contains(summary), "{rel}");
    }
}

/// The sample publishes in English and French: the French tree holds the translated
/// briefings and no other, each linked both ways with its English original (hreflang and
/// the switcher), and entity pages there show the French profile.
#[test]
fn the_french_tree_holds_the_translations_linked_both_ways_with_their_originals() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let r = build_sample(&out, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let read = |rel: &str| {
        std::fs::read_to_string(out.join(rel)).unwrap_or_else(|_| panic!("{rel} missing"))
    };
    let pairs = [
        ("us-framework", "cadre-americain", "Washington presse Kyiv"),
        (
            "kremlin-response",
            "reponse-du-kremlin",
            "Le Kremlin face au projet",
        ),
        (
            "european-objections",
            "objections-europeennes",
            "Les ministres européens refusent",
        ),
        (
            "refining-the-plan",
            "revision-du-plan",
            "Kyiv et Washington conviennent",
        ),
    ];
    let fr_list = read("fr/briefings/index.html");
    let fr_list = main_of(&fr_list);
    for (en, fr, title) in pairs {
        let en_rel = format!("briefings/{en}/index.html");
        let fr_rel = format!("fr/briefings/{fr}/index.html");
        let (en_page, fr_page) = (read(&en_rel), read(&fr_rel));
        assert!(fr_page.contains("<html lang=\"fr\""), "{fr_rel}");
        assert!(
            fr_page.contains(&format!("<h1>{}", title.replace('\'', "&#39;"))),
            "{fr_rel}: {}",
            main_of(&fr_page)
        );
        assert!(
            fr_list.contains(&format!("briefings/{fr}/index.html")),
            "{fr}"
        );
        // hreflang, both ways, with absolute addresses.
        let en_url = format!("https://example.org/briefings/{en}/");
        let fr_url = format!("https://example.org/fr/briefings/{fr}/");
        for page in [&en_page, &fr_page] {
            for (lang, url) in [("en", &en_url), ("fr", &fr_url), ("x-default", &en_url)] {
                let link = format!("<link rel=\"alternate\" hreflang=\"{lang}\" href=\"{url}\">");
                assert!(page.contains(&link), "no {link} in {en} / {fr}");
            }
        }
        // The switcher's link to the other version opens it.
        for (rel, page, other_lang, other_rel) in [
            (&en_rel, &en_page, "fr", &fr_rel),
            (&fr_rel, &fr_page, "en", &en_rel),
        ] {
            let marker = format!("\" lang=\"{other_lang}\" hreflang=\"{other_lang}\"");
            let at = page
                .find(&marker)
                .unwrap_or_else(|| panic!("{rel}: no switcher"));
            let href = &page[page[..at].rfind("href=\"").unwrap() + 6..at];
            let dir = std::path::Path::new(rel.as_str()).parent().unwrap();
            let target = std::fs::canonicalize(out.join(dir).join(href).join("index.html"))
                .unwrap_or_else(|_| panic!("{rel}: switcher link {href} goes nowhere"));
            assert_eq!(target, std::fs::canonicalize(out.join(other_rel)).unwrap());
        }
    }
    // Only the translated briefings are in the French tree; the others have no version
    // there and link none.
    let briefings = std::fs::read_dir(out.join("fr/briefings"))
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().join("index.html").is_file())
        .count();
    assert_eq!(briefings, pairs.len());
    assert!(!fr_list.contains("Washington presses Kyiv"));
    assert!(!out.join("fr/briefings/pokrovsk-fighting").exists());
    assert!(!read("briefings/pokrovsk-fighting/index.html").contains("hreflang"));
    // The entity under its French name, role and profile in the French tree, and under its
    // English ones at the root.
    let us = read("fr/actors/united-states/index.html");
    let main = main_of(&us);
    assert!(main.contains("<h1>États-Unis</h1>"), "{main}");
    assert!(main.contains("Promoteur du cadre de paix"), "{main}");
    assert!(
        main.contains("Les États-Unis sont le premier soutien militaire de l’Ukraine"),
        "{main}"
    );
    assert!(main.contains("Washington presse Kyiv"), "{main}");
    assert!(!main.contains("largest single military backer"), "{main}");
    let us_en = read("actors/united-states/index.html");
    let main = main_of(&us_en);
    assert!(main.contains("<h1>United States</h1>"), "{main}");
    assert!(main.contains("largest single military backer"), "{main}");
    assert!(!main.contains("premier soutien militaire"), "{main}");
    // A French briefing naming the entity in French links its page in the French tree.
    let fr_page = read("fr/briefings/cadre-americain/index.html");
    assert!(fr_page.contains("<a href=\"../../actors/united-states/index.html\">États-Unis</a>"));
}
