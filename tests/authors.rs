//! Authors: profiles under content/authors/, `authors:` and `reviewed_by:` on briefings,
//! site.yaml's `default_author`, and what readers see of them: the byline, the author's
//! page, Atom `<author>` and JSON-LD.

mod common;

use common::{TestSite, broken_links, main_of};

const SITE: &str =
    "title: Test Desk\nbase_url: https://example.org/\ndefault_author: Desk Editor\n";

fn desk(extra: &[(&'static str, &'static str)]) -> TestSite {
    let mut files: Vec<(&str, &str)> = vec![
        ("site.yaml", SITE),
        (
            "content/authors/desk-editor.md",
            "---\nname: Desk Editor\nrole: Runs the desk\n---\nSigns what nobody else does.\n",
        ),
        (
            "content/authors/ines-calder.md",
            "---\nname: Inès Calder\naliases: [I. Calder]\nrole: Diplomatic correspondent\nbio: Covers the talks.\nlinks: [https://example.org/ines, \"javascript:alert(1)\"]\nemail: ines@example.org\n---\nTracks the drafts.\n",
        ),
        (
            "content/authors/tomasz-wren.md",
            "---\nname: Tomasz Wren\n---\nReads maps.\n",
        ),
        ("content/actors/kyiv-team.md", "---\nname: Kyiv Team\n---\n"),
        (
            "content/briefings/2025-11-20-talks.md",
            "---\ntitle: Talks resume\nauthors: [ines calder]\nreviewed_by: [Tomasz Wren]\nactors: [Kyiv Team]\n---\nBody.\n",
        ),
        (
            "content/briefings/2025-11-21-front.md",
            "---\ntitle: Front line moves\nauthors: [tomasz-wren, I. Calder]\nactors: [Kyiv Team]\n---\nBody.\n",
        ),
        (
            "content/briefings/2025-11-22-unsigned.md",
            "---\ntitle: Unsigned note\nreviewed_by: [Desk Editor, Inès Calder]\n---\nMaps checked with [[author:Tomasz Wren]].\n",
        ),
    ];
    files.extend_from_slice(extra);
    TestSite::new(&files)
}

/// The warning for the `javascript:` link of Inès's profile, left out of her page.
const HOSTILE_LINK: &str = "content/authors/ines-calder.md:6:35: warning: author link `javascript:alert(1)` has the scheme `javascript:`: not shown; use http(s)";

fn byline(html: &str) -> &str {
    let start = html.find("<p class=\"byline\">").expect("a byline");
    let end = html[start..].find("</p>").expect("closed") + start;
    &html[start..end + 4]
}

#[test]
fn the_byline_links_authors_and_reviewers_and_falls_back_to_the_default_author() {
    let site = desk(&[]);
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    // The only warning: the hostile link left out of Inès's profile.
    assert_eq!(r.diagnostics(), [HOSTILE_LINK], "{}", r.stderr);
    let talks = site.page("briefings/talks/index.html");
    assert_eq!(
        byline(&talks),
        "<p class=\"byline\">By <a href=\"../../authors/ines-calder/index.html\" rel=\"author\">Inès Calder</a><span class=\"reviewed-by\"> · reviewed by <a href=\"../../authors/tomasz-wren/index.html\">Tomasz Wren</a></span></p>"
    );
    let front = site.page("briefings/front/index.html");
    assert!(
        byline(&front).starts_with(
            "<p class=\"byline\">By <a href=\"../../authors/tomasz-wren/index.html\" rel=\"author\">Tomasz Wren</a> and <a href=\"../../authors/ines-calder/index.html\" rel=\"author\">Inès Calder</a></p>"
        ),
        "{}",
        byline(&front)
    );
    // No `authors:`: the default author signs it, and is not also shown as a reviewer.
    let unsigned = site.page("briefings/unsigned/index.html");
    assert_eq!(
        byline(&unsigned),
        "<p class=\"byline\">By <a href=\"../../authors/desk-editor/index.html\" rel=\"author\">Desk Editor</a><span class=\"reviewed-by\"> · reviewed by <a href=\"../../authors/ines-calder/index.html\">Inès Calder</a></span></p>"
    );
    // Authors are no facts of what a briefing is about.
    assert!(!unsigned.contains("id=\"at-a-glance\""), "{unsigned}");
    assert_eq!(broken_links(&site.out(), "/"), Vec::<String>::new());
}

#[test]
fn an_author_page_lists_what_they_wrote_and_reviewed_with_their_links() {
    let site = desk(&[]);
    assert_eq!(site.build().code, 0);
    let page = site.page("authors/ines-calder/index.html");
    let main = main_of(&page);
    assert!(main.contains("<h1>Inès Calder</h1>"), "{main}");
    assert!(main.contains("Diplomatic correspondent"));
    assert!(main.contains("<p class=\"lede\">Covers the talks.</p>"));
    assert!(main.contains("<a href=\"https://example.org/ines\" rel=\"me\">"));
    assert!(main.contains("<a href=\"mailto:ines@example.org\">"));
    assert!(!page.contains("javascript:"), "hostile link dropped");
    let section = |id: &str| {
        let at = main
            .find(&format!("<h2 id=\"{id}\">"))
            .unwrap_or_else(|| panic!("no #{id}"));
        let end = main[at..].find("</section>").unwrap() + at;
        main[at..end].to_string()
    };
    let wrote = section("briefings");
    assert!(wrote.contains("Front line moves") && wrote.contains("Talks resume"));
    assert!(!wrote.contains("Unsigned note"));
    // Newest first.
    assert!(wrote.find("Front line moves") < wrote.find("Talks resume"));
    let reviewed = section("reviewed");
    assert!(reviewed.contains("Unsigned note"), "{reviewed}");
    assert!(!reviewed.contains("Talks resume"));
    // The index of authors, in the navigation of every page.
    let index = site.page("authors/index.html");
    for name in ["Desk Editor", "Inès Calder", "Tomasz Wren"] {
        assert!(index.contains(name), "{name}");
    }
    assert!(page.contains("href=\"../../authors/index.html\""));
    // An author who reviewed nothing has no "reviewed" section.
    let desk = site.page("authors/desk-editor/index.html");
    assert!(!desk.contains("id=\"reviewed\""));
    assert!(desk.contains("Unsigned note"));
    // `[[author:…]]` links to an author's page, which lists the briefing as linking there.
    let unsigned = site.page("briefings/unsigned/index.html");
    assert!(unsigned.contains("<a href=\"../../authors/tomasz-wren/index.html\""));
    let tomasz = site.page("authors/tomasz-wren/index.html");
    let linked = &tomasz[tomasz.find("id=\"backlinks\"").expect("linked from")..];
    assert!(linked.contains("Unsigned note"));
}

#[test]
fn feeds_and_json_ld_name_the_authors() {
    let site = desk(&[]);
    assert_eq!(site.build().code, 0);
    let atom = site.page("atom.xml");
    let entry = |title: &str| {
        let at = atom.find(&format!("<title>{title}</title>")).unwrap();
        let end = atom[at..].find("</entry>").unwrap() + at;
        atom[at..end].to_string()
    };
    assert!(entry("Talks resume").contains(
        "<author><name>Inès Calder</name><uri>https://example.org/authors/ines-calder/</uri></author>"
    ));
    assert!(
        !entry("Talks resume").contains("Tomasz"),
        "reviewers are no authors"
    );
    let front = entry("Front line moves");
    assert!(front.find("<name>Tomasz Wren</name>") < front.find("<name>Inès Calder</name>"));
    assert!(entry("Unsigned note").contains("<name>Desk Editor</name>"));
    // The author's own feed.
    assert!(
        site.page("authors/ines-calder/atom.xml")
            .contains("<title>Talks resume</title>")
    );

    let ld = json_ld(&site.page("briefings/talks/index.html"));
    assert_eq!(
        ld["author"],
        serde_json::json!([{"@type": "Person", "name": "Inès Calder", "url": "https://example.org/authors/ines-calder/"}])
    );
    assert_eq!(
        ld["editor"],
        serde_json::json!([{"@type": "Person", "name": "Tomasz Wren", "url": "https://example.org/authors/tomasz-wren/"}])
    );
    let mentioned = ld["mentions"].to_string();
    assert!(!mentioned.contains("authors/"), "{mentioned}");
    let person = json_ld(&site.page("authors/ines-calder/index.html"));
    assert_eq!(person["@type"], "Person");
    assert_eq!(person["jobTitle"], "Diplomatic correspondent");
    assert_eq!(
        person["sameAs"],
        serde_json::json!(["https://example.org/ines"])
    );
    assert_eq!(person["email"], "ines@example.org");
}

#[test]
fn without_authors_or_default_a_briefing_has_no_byline_and_the_site_is_its_author() {
    let site = TestSite::new(&[(
        "content/briefings/2025-11-20-a.md",
        "---\ntitle: A\n---\nBody.\n",
    )]);
    assert_eq!(site.build().code, 0);
    let page = site.page("briefings/a/index.html");
    assert!(!page.contains("class=\"byline\""));
    assert_eq!(json_ld(&page)["author"]["name"], "Test Desk");
    assert!(!site.page("atom.xml").contains("<uri>"));
}

#[test]
fn sharing_an_author_does_not_make_briefings_related() {
    let site = desk(&[(
        "content/briefings/2025-11-23-other.md",
        "---\ntitle: Other desk work\nauthors: [Inès Calder]\nactors: [Someone Else]\n---\nBody.\n",
    )]);
    assert_eq!(site.build().code, 0);
    let other = site.page("briefings/other/index.html");
    assert!(!other.contains("id=\"related\""), "{}", main_of(&other));
    // Briefings about the same actor still are.
    let talks = site.page("briefings/talks/index.html");
    let related = &talks[talks.find("id=\"related\"").expect("related")..];
    assert!(related.contains("Front line moves"));
    assert!(!related.contains("Other desk work"));
}

#[test]
fn a_misspelled_author_is_a_near_miss_error_at_its_place() {
    let site = desk(&[(
        "content/briefings/2025-11-24-typo.md",
        "---\ntitle: Typo\nauthors: [Ines Caldr]\nreviewed_by: [Tomas Wren]\n---\nBody.\n",
    )]);
    let before = site.build();
    assert_eq!(before.code, 1, "{}", before.stderr);
    assert_eq!(
        before.diagnostics(),
        [
            HOSTILE_LINK,
            "content/briefings/2025-11-24-typo.md:3:11: error: no author profile matches `Ines Caldr`, a near miss of `Inès Calder`",
            "content/briefings/2025-11-24-typo.md:4:15: error: no author profile matches `Tomas Wren`, a near miss of `Tomasz Wren`",
        ],
    );
    assert!(
        before.stderr.contains("did you mean `Inès Calder`?"),
        "{}",
        before.stderr
    );
}

#[test]
fn an_invalid_default_author_is_an_error_at_its_place_in_site_yaml() {
    let site = desk(&[(
        "site.yaml",
        "title: Test Desk\nbase_url: https://example.org/\ndefault_author: Desk Editr\n",
    )]);
    site.write("output/keep.txt", "previous build");
    let r = site.build();
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.diagnostics().contains(
            &"site.yaml:3:17: error: `default_author: Desk Editr` names no author profile"
        ),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("did you mean `Desk Editor`?"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("code: D060"));
    // The previous output is left as it was.
    assert_eq!(site.page("keep.txt"), "previous build");

    site.write(
        "site.yaml",
        "title: Test Desk\ndefault_author: Nobody Known At All\n",
    );
    let r = site.run(&["check"]);
    assert_eq!(r.code, 1);
    assert!(
        r.diagnostics().contains(
            &"site.yaml:2:17: error: `default_author: Nobody Known At All` names no author profile"
        ),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("content/authors/nobody-known-at-all.md"));
}

#[test]
fn more_than_twenty_links_is_an_error_at_the_first_past_the_limit() {
    let links: Vec<String> = (0..21)
        .map(|i| format!("https://example.org/{i}"))
        .collect();
    let text = format!(
        "---\nname: Tomasz Wren\nlinks:\n{}---\nReads maps.\n",
        (links.iter())
            .map(|l| format!("  - {l}\n"))
            .collect::<String>()
    );
    let site = desk(&[]);
    site.write("content/authors/tomasz-wren.md", &text);
    let r = site.build();
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.diagnostics().contains(
            &"content/authors/tomasz-wren.md:24:5: error: 21 links: an author profile may have at most 20"
        ),
        "{}",
        r.stderr
    );
}

#[test]
fn a_bad_email_is_a_warning_and_left_out() {
    let site = desk(&[(
        "content/authors/tomasz-wren.md",
        "---\nname: Tomasz Wren\nemail: \"tomasz@example.org?bcc=all@example.org\"\n---\nReads maps.\n",
    )]);
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.diagnostics().contains(&"content/authors/tomasz-wren.md:3:8: warning: `tomasz@example.org?bcc=all@example.org` is not an email address (name@example.org): not shown"),
        "{}",
        r.stderr
    );
    assert!(
        !site
            .page("authors/tomasz-wren/index.html")
            .contains("mailto:")
    );
}

#[test]
fn a_hostile_author_name_is_escaped_in_page_feed_and_json_ld() {
    let site = TestSite::new(&[
        (
            "content/authors/mallory.md",
            "---\nname: \"<script>alert('x')</script> & Co\"\n---\nHi.\n",
        ),
        (
            "content/briefings/2025-11-20-a.md",
            "---\ntitle: A\nauthors: [mallory]\n---\nBody.\n",
        ),
    ]);
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let page = site.page("briefings/a/index.html");
    assert!(!page.contains("<script>alert"), "{page}");
    assert!(
        byline(&page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co"),
        "{}",
        byline(&page)
    );
    // In JSON-LD, `<` is escaped so that nothing closes the script element.
    let ld_text = page
        .split("<script type=\"application/ld+json\">")
        .nth(1)
        .unwrap();
    let ld_text = &ld_text[..ld_text.find("</script>").unwrap()];
    assert!(!ld_text.contains('<'), "{ld_text}");
    assert_eq!(
        json_ld(&page)["author"][0]["name"],
        "<script>alert('x')</script> & Co"
    );
    let atom = site.page("atom.xml");
    assert!(atom.contains("<author><name>&lt;script&gt;"), "{atom}");
    assert!(!atom.contains("<script>"));
    let author = site.page("authors/mallory/index.html");
    assert!(!author.contains("<script>alert"));
}

fn json_ld(html: &str) -> serde_json::Value {
    let start = html
        .find("<script type=\"application/ld+json\">")
        .expect("JSON-LD")
        + "<script type=\"application/ld+json\">".len();
    let end = html[start..].find("</script>").unwrap() + start;
    serde_json::from_str(&html[start..end]).expect("valid JSON-LD")
}
