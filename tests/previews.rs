//! Link previews and tables of contents, as a reader's browser gets them: one popover per
//! page linked, named by the links' `aria-describedby`, escaped, links that still go where
//! they went; a table of contents from three sections on.

mod common;
use common::*;

/// Every start tag of `<a …>` in `html` that names `id` in `aria-describedby`.
fn links_to_preview<'a>(html: &'a str, id: &str) -> Vec<&'a str> {
    let want = format!("aria-describedby=\"{id}\"");
    html.match_indices("<a ")
        .map(|(i, _)| &html[i..i + html[i..].find('>').unwrap_or(0) + 1])
        .filter(|tag| tag.contains(&want))
        .collect()
}

/// The popover with element id `id`, whole.
fn popover<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("id=\"{id}\" popover=\"hint\""))
        .unwrap_or_else(|| panic!("no popover {id}"));
    let start = html[..start].rfind("<div").unwrap();
    &html[start..start + html[start..].find("</div>").unwrap() + 6]
}

fn site() -> TestSite {
    TestSite::new(&[
        (
            "content/actors/ana-kovac.md",
            "---\nname: \"Ana <script>alert(1)</script> Kovač\"\nkind: person\nrole: \"Envoy & <b>negotiator</b>\"\n---\nAna Kovač has led the delegation to every round of the talks since the spring. She was a judge before.\n\n## Career\n\nText.\n\n## Talks\n\nText.\n\n### Geneva\n\nText.\n\n## Views\n\nText.\n",
        ),
        (
            "content/places/geneva.md",
            "---\nname: Geneva\nkind: city\n---\nA city by a lake, host to many rounds of talks over the years.\n",
        ),
        (
            "content/briefings/2025-11-19-first.md",
            "---\ntitle: \"First <round>\"\nsummary: \"The first round opens & closes.\"\nactors: [ana-kovac]\n---\n## One\n\nText.\n\n## Two\n\nText.\n",
        ),
        (
            "content/briefings/2025-11-20-second.md",
            "---\ntitle: Second round\nsummary: The second round.\nactors: [ana-kovac]\nplaces: [Geneva]\ntopics: [Ceasefire]\nstances:\n  - actor: ana-kovac\n    on: Ceasefire\n    position: supports\n    source: 1\nsources:\n  - title: \"Talks <resume>\"\n    url: https://www.example.com/a/b\n    publisher: Example News\n    date: 2025-11-20\n---\n## Background\n\nSee [[ana-kovac|the envoy]] and [the first](2025-11-19-first.md), \nthen [[Ana <script>alert(1)</script> Kovač#talks]] again, [[Geneva]].\n\n## Talks\n\nText.\n\n### Detail\n\nText.\n\n## Outlook\n\nText.\n",
        ),
    ])
}

#[test]
fn one_popover_per_page_linked_named_by_every_link_to_it_and_escaped() {
    let s = site();
    let r = s.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let html = s.page("briefings/second/index.html");

    // The body's first page linked is preview 1: both body links to the actor and its chip
    // name it, and the links go where they went.
    let ana = links_to_preview(&html, "preview-1");
    assert_eq!(ana.len(), 3, "{ana:#?}");
    assert!(ana[0].starts_with("<a href=\"../../actors/ana-kovac/index.html\""));
    assert!(ana[1].starts_with("<a href=\"../../actors/ana-kovac/index.html#talks\""));
    assert!(ana[2].starts_with("<a href=\"../../actors/ana-kovac/index.html\""));
    assert_eq!(html.matches("id=\"preview-1\"").count(), 1);
    let p = popover(&html, "preview-1");
    assert!(p.contains("role=\"tooltip\""), "{p}");
    assert!(
        p.contains("<strong>Ana &lt;script&gt;alert(1)&lt;/script&gt; Kovač</strong>"),
        "{p}"
    );
    assert!(
        p.contains("Actor · person · Envoy &amp; &lt;b&gt;negotiator&lt;/b&gt;"),
        "{p}"
    );
    // The profile's first sentence, not the second.
    assert!(
        p.contains(
            "Ana Kovač has led the delegation to every round of the talks since the spring.</span>"
        ),
        "{p}"
    );
    assert!(!html.contains("<script>alert"), "unescaped name");

    // The briefing linked, from the body and the related briefings: title, date, summary.
    let first = links_to_preview(&html, "preview-2");
    assert_eq!(first.len(), 2);
    assert!(first[0].starts_with("<a href=\"../../briefings/first/index.html\""));
    assert!(first[1].starts_with("<a href=\"../../briefings/first/index.html\""));
    let p = popover(&html, "preview-2");
    assert!(
        p.contains("First &lt;round&gt;") && p.contains("19 Nov 2025"),
        "{p}"
    );
    assert!(p.contains("The first round opens &amp; closes."), "{p}");

    // Geneva from the body; the chips reuse the body's previews and add none (the stub
    // topic, named only in the front matter, gets no popover).
    assert!(popover(&html, "preview-3").contains("Place · city"));
    assert!(!html.contains("<strong>Ceasefire</strong>"));
    // The source marker's preview: title, publisher, date, host.
    let marker = links_to_preview(&html, "preview-4");
    assert_eq!(marker.len(), 1);
    assert!(marker[0].contains("href=\"#source-1\""), "{marker:?}");
    let p = popover(&html, "preview-4");
    assert!(
        p.contains("Talks &lt;resume&gt;")
            && p.contains("Example News · 20 Nov 2025 · example.com"),
        "{p}"
    );
    // Related briefings: the first is previewed already.
    assert_eq!(html.matches("popover=\"hint\"").count(), 4);
    assert!(html.contains("<script src=\"../../preview.js\" defer></script>"));
    assert!(broken_links(&s.out(), "/").is_empty());
}

#[test]
fn pages_without_previews_carry_no_script_and_profiles_preview_their_links() {
    let s = site();
    assert_eq!(s.build().code, 0);
    for rel in ["index.html", "timeline/index.html", "actors/index.html"] {
        let html = s.page(rel);
        assert!(!html.contains("popover"), "{rel}");
        assert!(!html.contains("preview.js"), "{rel}");
    }
    // A profile with no links has no previews.
    let geneva = s.page("places/geneva/index.html");
    assert!(!geneva.contains("popover") && !geneva.contains("<script src"));
}

#[test]
fn a_table_of_contents_from_three_sections_with_the_subsections_under_them() {
    let s = site();
    assert_eq!(s.build().code, 0);
    let html = s.page("briefings/second/index.html");
    let toc = &html[html
        .find("<nav class=\"toc\"")
        .expect("a table of contents")..];
    let toc = &toc[..toc.find("</nav>").unwrap()];
    assert!(toc.contains("aria-label=\"Contents\""));
    assert!(toc.contains(
        "<li><a href=\"#talks\">Talks</a><ol><li><a href=\"#detail\">Detail</a></li></ol></li>"
    ));
    assert!(toc.contains("<a href=\"#background\">Background</a>"));
    assert!(toc.contains("<a href=\"#outlook\">Outlook</a>"));
    // It comes before the body's first section.
    assert!(html.find("<nav class=\"toc\"") < html.find("<h2 id=\"background\""));
    // Two sections: none.
    assert!(
        !s.page("briefings/first/index.html")
            .contains("class=\"toc\"")
    );
    // A profile with three: its page 1 has one.
    let actor = s.page("actors/ana-kovac/index.html");
    assert!(
        actor.contains("<a href=\"#career\">Career</a>"),
        "no profile toc"
    );
    assert!(broken_links(&s.out(), "/").is_empty());
}
