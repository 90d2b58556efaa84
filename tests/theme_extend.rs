//! A site template can extend a default one (`default/briefing.html`) and replace one block;
//! `#fragment` warnings follow the ids the theme's pages really have, and the table of the
//! default theme's section ids holds on the rendered sample site.

mod common;
use common::*;
use dossier::diagnostic::Diagnostics;
use dossier::markdown::Target;
use dossier::model::{BriefingIdx, EntityIdx};
use dossier::render::theme::{default_ids, has_section_id};
use dossier::sections::{PageKind, Rows, Section, TABLE, When};
use std::collections::{BTreeMap, BTreeSet};

const FIRST: &str = "---\ntitle: First\ndate: 2025-11-20\nactors: [Ukraine]\ntopics: [peace-plan]\nstances:\n  - {actor: Ukraine, on: peace-plan, position: supports, source: 1}\nsources:\n  - title: A wire report\n    url: https://example.com/report\n---\nBody of the first.\n";

const SECOND: &str = "---\ntitle: Second\ndate: 2025-11-21\n---\nSee [the stances](2025-11-20-first.md#stances), [the row](2025-11-20-first.md#stance-1), [the sources](2025-11-20-first.md#sources), [the source](2025-11-20-first.md#source-1) and [the notes](2025-11-20-first.md#notes).\n";

/// A site whose theme `desk` has `briefing.html` as given.
fn desk(briefing: &str) -> TestSite {
    TestSite::new(&[
        (
            "site.yaml",
            "title: Desk\nbase_url: https://example.org/\ntheme: desk\n",
        ),
        ("themes/desk/templates/briefing.html", briefing),
        ("content/briefings/2025-11-20-first.md", FIRST),
        ("content/briefings/2025-11-21-second.md", SECOND),
    ])
}

/// The fragments the build warns about, in the order of the links.
fn missing(r: &Run) -> Vec<String> {
    let mut out: Vec<String> = r
        .diagnostics()
        .iter()
        .filter(|l| l.contains("the target page has no element with that id"))
        .filter_map(|l| Some(l.split('`').nth(1)?.trim_start_matches('#').to_string()))
        .collect();
    out.sort();
    out
}

#[test]
fn a_site_template_extends_the_default_and_replaces_one_block() {
    let site = desk(
        "{% extends \"default/briefing.html\" %}\n{% block sources %}<section id=\"notes\"><h2>Where this comes from</h2><p>{{ briefing.sources | length }} source(s), on file.</p></section>{% endblock sources %}\n",
    );
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let page = site.page("briefings/first/index.html");
    assert!(
        page.contains("<section id=\"notes\"><h2>Where this comes from</h2><p>1 source(s), on file.</p></section>"),
        "{page}"
    );
    assert!(!page.contains("id=\"sources\"") && !page.contains("id=\"source-1\""));
    // The rest is the default page: frame, header, stances, at a glance.
    for kept in [
        "<main id=\"main\" class=\"wrap\">",
        "<h1>First</h1>",
        "<h2 id=\"stances\">Stances</h2>",
        "<tr id=\"stance-1\">",
        "<h2 id=\"at-a-glance\">At a glance</h2>",
        "<footer class=\"site-footer\">",
    ] {
        assert!(page.contains(kept), "{kept} missing from {page}");
    }
    // Other pages keep the default templates.
    assert!(site.page("index.html").contains("<h2 id=\"latest\">"));
    // Warnings follow the page: the sources are gone, the override's own id is there.
    assert_eq!(missing(&r), ["source-1", "sources"], "{}", r.stderr);
}

#[test]
fn an_override_without_a_section_makes_links_to_it_warn() {
    let plain = TestSite::new(&[
        ("content/briefings/2025-11-20-first.md", FIRST),
        ("content/briefings/2025-11-21-second.md", SECOND),
    ]);
    let r = plain.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(missing(&r), ["notes"], "default theme: {}", r.stderr);

    // A page of its own, extending the frame only: no stance table, no source list.
    let own = desk(
        "{% extends \"base.html\" %}{% block content %}<article><h1>{{ briefing.title }}</h1>{{ briefing.body | safe }}<ol>{% for s in briefing.sources %}<li id=\"source-{{ s.number }}\">{{ s.title }}</li>{% endfor %}</ol></article>{% endblock content %}",
    );
    let r = own.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let page = own.page("briefings/first/index.html");
    assert!(page.contains("<li id=\"source-1\">") && !page.contains("id=\"stances\""));
    assert_eq!(
        missing(&r),
        ["notes", "sources", "stance-1", "stances"],
        "{}",
        r.stderr
    );
    // `dossier check` reads the theme the same way.
    let c = own.run(&["check"]);
    assert_eq!(missing(&c), missing(&r), "{}", c.stderr);
}

/// A briefing without stances or sources, linked to at both.
const BARE: &str = "---\ntitle: Bare\ndate: 2025-11-19\n---\nNothing named.\n";
const TO_BARE: &str = "---\ntitle: Third\ndate: 2025-11-22\n---\n[s](2025-11-19-bare.md#stances) [r](2025-11-19-bare.md#sources) [f](2025-11-20-first.md#stances)\n";

#[test]
fn a_copied_default_template_keeps_the_tables_conditions() {
    // Copying a default template was how a theme changed one before `default/<name>`:
    // its section ids are the table's, there only when the page has the section.
    let copied = include_str!("../themes/default/templates/briefing.html");
    let site = desk(copied);
    site.write("content/briefings/2025-11-19-bare.md", BARE);
    site.write("content/briefings/2025-11-22-third.md", TO_BARE);
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let plain = TestSite::new(&[
        ("content/briefings/2025-11-19-bare.md", BARE),
        ("content/briefings/2025-11-20-first.md", FIRST),
        ("content/briefings/2025-11-21-second.md", SECOND),
        ("content/briefings/2025-11-22-third.md", TO_BARE),
    ]);
    let d = plain.build();
    assert_eq!(
        missing(&r),
        missing(&d),
        "copied: {}\ndefault: {}",
        r.stderr,
        d.stderr
    );
    assert_eq!(missing(&r), ["notes", "sources", "stances"], "{}", r.stderr);
}

#[test]
fn ids_written_in_capitals_or_with_spaces_count() {
    let site = desk(
        "{% extends \"default/briefing.html\" %}\
         {% block sources %}<h2 ID = \"sources\">Sources</h2>{% endblock sources %}",
    );
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        site.page("briefings/first/index.html")
            .contains("<h2 ID = \"sources\">")
    );
    // The override writes `sources` as it stands, so the link to it is fine; like the
    // default section, it vouches for its rows (`source-1`), which a reading of the text
    // cannot count.
    assert_eq!(missing(&r), ["notes"], "{}", r.stderr);
}

#[test]
fn a_site_base_without_main_makes_skip_links_warn() {
    let site = TestSite::new(&[
        (
            "site.yaml",
            "title: Desk\nbase_url: https://example.org/\ntheme: desk\n",
        ),
        (
            "themes/desk/templates/base.html",
            "<!DOCTYPE html><html><head><title>{{ page.title }}</title>{% block head %}{% endblock head %}</head><body><div id=\"page\">{% block breadcrumbs %}{% endblock breadcrumbs %}{% block content %}{% endblock content %}</div>{% block scripts %}{% endblock scripts %}</body></html>",
        ),
        ("content/briefings/2025-11-20-first.md", FIRST),
        (
            "content/briefings/2025-11-21-second.md",
            "---\ntitle: Second\ndate: 2025-11-21\n---\n[top](2025-11-20-first.md#main), [page](2025-11-20-first.md#page) and [stances](2025-11-20-first.md#stances).\n",
        ),
    ]);
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        !site
            .page("briefings/first/index.html")
            .contains("id=\"main\"")
    );
    assert_eq!(missing(&r), ["main"], "{}", r.stderr);
}

/// The pages of the sample site, by output path.
fn sample() -> (tempfile::TempDir, BTreeMap<String, String>) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let r = build_sample(&out, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let pages = snapshot(&out)
        .into_iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(p, b)| {
            (
                p.replace('\\', "/"),
                String::from_utf8_lossy(&b).to_string(),
            )
        })
        .collect();
    (tmp, pages)
}

#[test]
fn the_table_of_sections_holds_on_the_rendered_sample_site() {
    let (_tmp, pages) = sample();
    let opts = dossier::pipeline::Options {
        root: repo(),
        output: None,
        base_url: None,
        drafts: false,
        schedule: common::schedule(),
    };
    let mut diags = Diagnostics::new();
    let site = dossier::pipeline::load(&opts, &mut diags);
    let (r, ix) = (&site.resolved, &site.index);
    let mut targets: Vec<(Target, String)> = Vec::new();
    for (i, b) in r.briefings.iter().enumerate() {
        targets.push((
            Target::Briefing(BriefingIdx(i as u32)),
            format!("{}index.html", dossier::urls::briefing(&b.slug)),
        ));
    }
    for (i, e) in r.entities.iter().enumerate() {
        targets.push((
            Target::Entity(EntityIdx(i as u32)),
            format!("{}index.html", dossier::urls::entity(&e.id)),
        ));
    }
    // Per section: on how many pages it was there, and missing where the table allows it.
    let mut there: BTreeMap<Section, (usize, usize)> = BTreeMap::new();
    let mut rows = 0;
    for (t, path) in &targets {
        let html = pages.get(path).unwrap_or_else(|| panic!("no page {path}"));
        let found: BTreeSet<String> = ids(html).into_iter().collect();
        for s in Section::ALL {
            let said = has_section_id(default_ids(), r, ix, *t, s.id());
            assert_eq!(
                found.contains(s.id()),
                said,
                "{path}: the table says `{}` is {}there",
                s.id(),
                if said { "" } else { "not " }
            );
            let n = there.entry(s).or_default();
            if said {
                n.0 += 1;
            } else {
                n.1 += 1;
            }
        }
        for kind in Rows::ALL {
            let on_page = found.iter().filter(|id| kind.number(id).is_some()).count();
            for n in 1..=on_page + 1 {
                let id = format!("{}{n}", kind.prefix());
                assert_eq!(
                    found.contains(&id),
                    has_section_id(default_ids(), r, ix, *t, &id),
                    "{path}: {id}"
                );
            }
            rows += on_page;
        }
    }
    assert!(
        targets.len() > 40 && rows > 20,
        "{} pages, {rows} rows",
        targets.len()
    );
    // Every section of a linkable page was seen there, and every conditional one missing.
    for row in TABLE.iter().filter(|r| r.page != PageKind::Home) {
        let (yes, no) = there[&row.section];
        assert!(yes > 0, "`{}` never on a sample page", row.section.id());
        if row.when != When::Always {
            assert!(no > 0, "`{}` on every sample page", row.section.id());
        }
    }
    // The home page has every section of its own, on the sample site.
    let home: BTreeSet<String> = ids(&pages["index.html"]).into_iter().collect();
    for row in TABLE
        .iter()
        .filter(|r| matches!(r.page, PageKind::Home | PageKind::Every))
    {
        assert!(
            home.contains(row.section.id()),
            "home lacks `{}`",
            row.section.id()
        );
    }
}

#[test]
fn the_extending_example_of_the_docs_builds_as_it_says() {
    let doc = std::fs::read_to_string(repo().join("docs/themes.md")).unwrap();
    let start = doc
        .find("{# themes/desk/templates/briefing.html #}\n{% extends")
        .expect("the example in docs/themes.md");
    let example = &doc[start..start + doc[start..].find("```").unwrap()];
    let site = desk(example);
    let third = "---\ntitle: Third\ndate: 2025-11-22\nactors: [Ukraine]\n---\nSee [first](2025-11-20-first.md).\n";
    site.write("content/briefings/2025-11-22-third.md", third);
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let page = site.page("briefings/first/index.html");
    assert!(
        page.contains("</header>\n<p class=\"desk-note\">Internal: not for forwarding.</p>\n"),
        "{page}"
    );
    assert!(page.contains("<h2 id=\"sources\">Sources</h2>"));
    // The default would list the third briefing as related and linking here.
    assert!(!page.contains("id=\"related\""));
    let default = TestSite::new(&[
        ("content/briefings/2025-11-20-first.md", FIRST),
        ("content/briefings/2025-11-22-third.md", third),
    ]);
    assert_eq!(default.build().code, 0);
    let plain = default.page("briefings/first/index.html");
    let related = plain.split("id=\"related\"").nth(1).unwrap_or_default();
    assert!(related.contains("links here"), "{plain}");
}
