//! Hostile content: markup payloads in every front-matter field, dangerous URLs in bodies,
//! look-alike and invisible characters in names, raw HTML with and without `safe_html`.
//! Sites are in tests/hostile/<case>/; `PAYLOAD` in them is replaced at test time, once by
//! the attack and once by plain text, so every page can be compared with a clean build.

mod common;
use common::markup::{active_markup, start_tags};
use common::*;

/// Script, event handler, title and CDATA breakouts, and Tera syntax, in one value.
const ATTACK: &str = "<script>alert(1)</script>\"><img src=x onerror=alert(1)></title><script>]]>{{ 7*7 }}{% if true %}TERA{% endif %}";

/// The fixture `case` with `PAYLOAD` replaced by `with` in every file; `safe_html` set.
fn variant(case: &str, with: &str, safe_html: bool) -> TestSite {
    let site = TestSite::new(&[]);
    let from = repo().join("tests/hostile").join(case);
    for (rel, bytes) in snapshot(&from) {
        let text = String::from_utf8(bytes).expect("fixture is UTF-8");
        let mut text = text.replace("PAYLOAD", with);
        if rel == "site.yaml" && !safe_html {
            text = text.replace("safe_html: true", "safe_html: false");
        }
        site.write(&rel, &text);
    }
    // A file name holds what a file system allows of the attack (no `/`).
    let name = if with.is_empty() || with == "plain words" {
        "plain-name".to_string()
    } else {
        "\"><img src=x onerror=alert(1)>".to_string()
    };
    if case == "payloads" {
        site.write(
            &format!("content/briefings/2025-11-18-{name}.md"),
            "---\ntitle: Named by its file\n---\n",
        );
    }
    site
}

fn built(case: &str, with: &str, safe_html: bool) -> TestSite {
    let site = variant(case, with, safe_html);
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    site
}

#[test]
fn front_matter_payloads_add_no_markup_to_any_page() {
    let attacked = built("payloads", ATTACK, true);
    let plain = built("payloads", "plain words", true);
    assert_eq!(
        active_markup(&attacked.out()),
        active_markup(&plain.out()),
        "the attacked site has tags or attributes the clean one does not"
    );
    let pages = |site: &TestSite| {
        snapshot(&site.out())
            .keys()
            .filter(|p| p.ends_with(".html") || p.ends_with(".xml"))
            .count()
    };
    assert_eq!(pages(&attacked), pages(&plain), "same pages and feeds");
    // The payload shows as text, Tera syntax unevaluated.
    let page = attacked.page("briefings/slug-script-alert-1-script-img-src-x-onerror-alert-1-title-script-7-7-if-true-tera-endif/index.html");
    for shown in [
        "Title &lt;script&gt;",
        "Summary &lt;script&gt;",
        "Quote &lt;script&gt;",
        "Publisher &lt;script&gt;",
        "Tag &lt;script&gt;",
        "{{ 7*7 }}{% if true %}TERA{% endif %}",
    ] {
        assert!(page.contains(shown), "{shown} missing");
    }
    // Every format a browser may read as markup; CSV cells are text and hold it as written.
    for (rel, bytes) in snapshot(&attacked.out()) {
        if rel.ends_with(".csv") {
            continue;
        }
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("<script>alert") && !text.contains("<img src=x"),
            "{rel} holds the payload unescaped"
        );
    }
}

#[test]
fn json_ld_feeds_sitemap_search_and_exports_parse_and_keep_the_payload_as_text() {
    let site = built("payloads", ATTACK, true);
    let title = format!("Title {ATTACK}");
    let mut json_ld_titles = 0;
    let mut search_titles = 0;
    for (rel, bytes) in snapshot(&site.out()) {
        // Social cards are pictures: the payload is drawn, escaped, as text in them.
        if rel.ends_with(".png") {
            continue;
        }
        let text = String::from_utf8(bytes).expect("UTF-8 output");
        if rel.ends_with(".html") {
            // Each JSON-LD block ends at the first `</script` a browser would see.
            let open = "<script type=\"application/ld+json\">";
            let mut rest = text.as_str();
            while let Some(i) = rest.find(open) {
                let after = &rest[i + open.len()..];
                let end = after.to_ascii_lowercase().find("</script").expect("closed");
                let v: serde_json::Value = serde_json::from_str(&after[..end])
                    .unwrap_or_else(|e| panic!("{rel}: JSON-LD broken open: {e}"));
                json_ld_titles += usize::from(v.to_string().contains("Title <script>alert(1)"));
                rest = &after[end..];
            }
        } else if rel.ends_with(".xml") {
            let doc = roxmltree::Document::parse(&text)
                .unwrap_or_else(|e| panic!("{rel} is not XML: {e}"));
            if rel == "atom.xml" {
                let titles: Vec<&str> = doc
                    .descendants()
                    .filter(|n| n.has_tag_name("title"))
                    .filter_map(|n| n.text())
                    .collect();
                assert!(titles.contains(&title.as_str()), "{titles:?}");
            }
        } else if rel.ends_with(".json") {
            let v: serde_json::Value =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{rel}: {e}"));
            assert!(!text.contains('<'), "{rel} holds a raw `<`");
            if rel == "search-index.json" {
                assert!(v.to_string().contains("Title <script>alert(1)</script>"));
            }
        } else if rel.starts_with("search/") && rel.ends_with(".js") {
            // Each file of the split index is one call with a JSON literal, and no text in it
            // can end the script or open markup.
            let name = rel.trim_start_matches("search/").trim_end_matches(".js");
            let literal = text
                .strip_prefix(&format!("dossierSearch(\"{name}\","))
                .and_then(|t| t.strip_suffix(");\n"))
                .unwrap_or_else(|| panic!("{rel} is not one dossierSearch call: {text}"));
            let v: serde_json::Value =
                serde_json::from_str(literal).unwrap_or_else(|e| panic!("{rel}: {e}"));
            assert!(
                !text.contains(['<', '>', '&']),
                "{rel} holds a raw markup character"
            );
            search_titles += usize::from(v.to_string().contains("Title <script>alert(1)</script>"));
        } else if rel.ends_with(".csv") {
            let mut rows = csv::Reader::from_reader(text.as_bytes());
            let quotes: Vec<String> = rows
                .records()
                .map(|r| r.expect("CSV row").iter().collect::<Vec<_>>().join("|"))
                .collect();
            assert!(
                quotes
                    .iter()
                    .any(|r| r.contains(&format!("Quote {ATTACK}"))),
                "{quotes:?}"
            );
        }
    }
    assert!(json_ld_titles > 0, "the briefing's JSON-LD names its title");
    assert!(
        search_titles > 0,
        "the search index holds the title as text"
    );
}

#[test]
fn script_urls_in_body_links_images_autolinks_and_references_render_as_text() {
    let site = built("body-urls", "", false);
    let r = site.build();
    let warned: Vec<&str> = r
        .diagnostics()
        .into_iter()
        .filter(|d| d.contains("URL not linked"))
        .collect();
    // Lines 5 to 15 each hold one disguised script URL; the reference one is used on 13.
    let expected: Vec<String> = (5..=15)
        .map(|line| format!("content/briefings/links.md:{line}:1: warning: "))
        .collect();
    assert_eq!(warned.len(), expected.len(), "{}", r.stderr);
    for (w, e) in warned.iter().zip(&expected) {
        assert!(w.starts_with(e.as_str()), "{w} should start with {e}");
    }
    for scheme in ["javascript", "vbscript", "data"] {
        assert!(
            r.stderr.contains(&format!("`{scheme}:` URL not linked")),
            "{}",
            r.stderr
        );
    }
    assert!(r.stderr.contains("code: D027"), "{}", r.stderr);
    let page = main_of(&site.page("briefings/links/index.html")).to_string();
    for text in ["plain", "case", "entity", "image alt", "reference", "tab"] {
        assert!(
            page.contains(&format!("{text}\n")) && !page.contains(&format!(">{text}</a>")),
            "{text} is not shown as text: {page}"
        );
    }
    assert!(page.contains("<a href=\"https://example.com/\">web</a>"));
    assert!(page.contains("<a href=\"mailto:desk@example.org\">mail</a>"));
    assert!(page.contains("<a href=\"tel:+15551234\">phone</a>"));
    let census = active_markup(&site.out());
    assert!(
        !census
            .values()
            .flatten()
            .any(|(k, _)| k.contains("script URL")),
        "{census:?}"
    );
}

#[test]
fn disguised_script_urls_in_sources_are_not_linked() {
    let urls = [
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\\tscript:alert(1)",
        "java&#x09;script:alert(1)",
        "&#106;avascript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html,<script>alert(1)</script>",
    ];
    let sources: String = urls
        .iter()
        .enumerate()
        .map(|(i, u)| format!("  - {{title: Source {i}, url: \"{u}\"}}\n"))
        .collect();
    let site = TestSite::new(&[(
        "content/briefings/2025-11-20-s.md",
        &format!("---\ntitle: S\nsources:\n{sources}---\nText.\n"),
    )]);
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let warned: Vec<&str> = r
        .diagnostics()
        .into_iter()
        .filter(|d| d.contains("source URL with scheme"))
        .collect();
    assert_eq!(warned.len(), urls.len(), "{}", r.stderr);
    for (i, w) in warned.iter().enumerate() {
        let at = format!("content/briefings/2025-11-20-s.md:{}:", i + 4);
        assert!(w.starts_with(&at), "{w}");
    }
    let page = site.page("briefings/s/index.html");
    for i in 0..urls.len() {
        assert!(page.contains(&format!("Source {i}")), "source {i} is shown");
    }
    let census = active_markup(&site.out());
    assert!(
        !census
            .values()
            .flatten()
            .any(|(k, _)| k.contains("script URL")),
        "{census:?}"
    );
}

const RAW_HTML: &str = "---\ntitle: Raw\n---\n\
# Background\n\n\
<script>alert(1)</script>\n\n\
<p onclick=\"alert(1)\" style=\"color:red\">Clickable</p>\n\n\
<iframe src=\"https://evil.example/\"></iframe>\n\n\
<a href=\"javascript:alert(1)\">raw link</a> <img src=\"https://example.org/x.png\" onerror=alert(1) alt=\"raw image\">\n\n\
<details><summary>More</summary><p>Hidden <abbr title=\"North Atlantic Treaty Organization\">NATO</abbr> x<sup>2</sup> H<sub>2</sub>O</p></details>\n\n\
<figure><figcaption>Caption</figcaption></figure>\n\n\
| Left | Centre |\n|:--|:-:|\n| a | b |\n\n\
- [x] done\n\n\
A note[^1] and [the background](#background) and [[Someone]].\n\n\
[^1]: The note.\n";

fn raw_html_site(safe_html: bool) -> TestSite {
    let site = TestSite::new(&[
        (
            "site.yaml",
            &format!("title: Desk\nbase_url: https://example.org/\nsafe_html: {safe_html}\n"),
        ),
        ("content/briefings/2025-11-20-raw.md", RAW_HTML),
        ("content/actors/someone.md", "---\nname: Someone\n---\n"),
    ]);
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stderr.contains("warning"), "{}", r.stderr);
    site
}

#[test]
fn safe_html_ids_of_dropped_elements_are_no_link_targets() {
    let body = "---\ntitle: Forms\n---\n<form id=\"gone\"><p>x</p></form>\n\n<p id=\"kept\">y</p>\n\n[a](#gone) [b](#kept)\n";
    for (safe, warned) in [(true, true), (false, false)] {
        let site = TestSite::new(&[
            ("site.yaml", &format!("title: Desk\nsafe_html: {safe}\n")),
            ("content/briefings/2025-11-20-forms.md", body),
        ]);
        let r = site.build();
        assert_eq!(r.code, 0, "{}", r.stderr);
        let missing = r.stderr.contains("link to `#gone`");
        assert_eq!(missing, warned, "safe_html {safe}: {}", r.stderr);
        assert!(!r.stderr.contains("`#kept`"), "{}", r.stderr);
    }
}

#[test]
fn raw_html_in_bodies_is_kept_by_default_as_commonmark_does() {
    let site = raw_html_site(false);
    let body = main_of(&site.page("briefings/raw/index.html")).to_string();
    for kept in [
        "<script>alert(1)</script>",
        "onclick=\"alert(1)\"",
        "<iframe",
        "href=\"javascript:alert(1)\"",
    ] {
        assert!(body.contains(kept), "{kept} missing from {body}");
    }
}

#[test]
fn safe_html_strips_scripts_handlers_styles_frames_and_script_urls_and_keeps_content() {
    let site = raw_html_site(true);
    let page = site.page("briefings/raw/index.html");
    let body = main_of(&page).to_string();
    for gone in ["alert(1)", "onclick", "color:red", "<iframe", "onerror"] {
        assert!(!body.contains(gone), "{gone} survived: {body}");
    }
    for kept in [
        "Clickable</p>",
        "raw link",
        "alt=\"raw image\"",
        "<details><summary>More</summary>",
        "<abbr title=\"North Atlantic Treaty Organization\">NATO</abbr>",
        "<sup>2</sup>",
        "<sub>2</sub>",
        "<figure><figcaption>Caption</figcaption></figure>",
        "style=\"text-align:center\"",
        // The sanitizer sets `disabled` on every input, after its other attributes.
        "<input type=\"checkbox\" checked=\"\" aria-label=\"done\" disabled=\"\">",
        "id=\"background\"",
        "href=\"#background\"",
        "href=\"../../actors/someone/index.html\"",
        "class=\"footnote-reference\"",
        "id=\"fn-1\"",
    ] {
        assert!(body.contains(kept), "{kept} missing from {body}");
    }
    // The theme's own scripts are untouched: only the body is cleaned.
    let plain = raw_html_site(false);
    let theme_scripts = |s: &TestSite| {
        start_tags(&s.page("index.html"))
            .into_iter()
            .filter(|t| t.name == "script")
            .count()
    };
    assert_eq!(theme_scripts(&site), theme_scripts(&plain));
    let broken = broken_links(&site.out(), "/");
    assert!(broken.is_empty(), "{broken:?}");
}

#[test]
fn safe_html_must_be_true_or_false() {
    let site = TestSite::new(&[
        ("site.yaml", "title: Desk\nsafe_html: sometimes\n"),
        ("content/briefings/2025-11-20-a.md", "---\ntitle: A\n---\n"),
    ]);
    let r = site.build();
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.diagnostics()
            .iter()
            .any(|d| d.starts_with("site.yaml:2:12: error: `safe_html` must be true or false")),
        "{}",
        r.stderr
    );
}

#[test]
fn page_size_must_be_a_whole_number_from_1_to_1000() {
    for (value, message) in [
        ("0", "`page_size: 0` must be a whole number from 1 to 1000"),
        (
            "1001",
            "`page_size: 1001` must be a whole number from 1 to 1000",
        ),
        (
            "-3",
            "`page_size: -3` must be a whole number from 1 to 1000",
        ),
        (
            "2.5",
            "`page_size: 2.5` must be a whole number from 1 to 1000",
        ),
        // Past what YAML integers hold: the YAML reader refuses it first, at the value.
        ("99999999999999999999999999", "invalid YAML: "),
        (
            "\"50\"",
            "`page_size` must be a whole number from 1 to 1000, not a string",
        ),
        (
            "[5]",
            "`page_size` must be a whole number from 1 to 1000, not a list",
        ),
        (
            "true",
            "`page_size` must be a whole number from 1 to 1000, not a boolean",
        ),
    ] {
        let site = TestSite::new(&[
            ("site.yaml", &format!("title: Desk\npage_size: {value}\n")),
            ("content/briefings/2025-11-20-a.md", "---\ntitle: A\n---\n"),
        ]);
        let r = site.build();
        assert_eq!(r.code, 1, "{value}: {}", r.stderr);
        let want = format!("site.yaml:2:12: error: {message}");
        assert!(
            r.diagnostics().iter().any(|d| d.starts_with(&want)),
            "{value}: want {want}\n{}",
            r.stderr
        );
        assert!(!site.out().exists(), "{value}: nothing is written");
    }
    // At the bounds and when null, the site builds.
    for value in ["1", "1000", "~", "+7"] {
        let site = TestSite::new(&[
            ("site.yaml", &format!("title: Desk\npage_size: {value}\n")),
            ("content/briefings/2025-11-20-a.md", "---\ntitle: A\n---\n"),
        ]);
        let r = site.build();
        assert_eq!(r.code, 0, "{value}: {}", r.stderr);
    }
}

/// Profiles whose names differ only by look-alike letters or invisible characters.
fn look_alike_site(briefing_actors: &str) -> TestSite {
    TestSite::new(&[
        ("content/actors/alice.md", "---\nname: Alice\n---\n"),
        ("content/actors/bob.md", "---\nname: Bob\n---\n"),
        (
            "content/actors/mallory.md",
            // A Cyrillic А (U+0410), and a zero-width space inside "Bob".
            "---\nname: Mallory\naliases: [\"\u{0410}lice\", \"Bo\u{200B}b\", Mal]\n---\n",
        ),
        (
            "content/actors/eve.md",
            // A right-to-left override would show "ecilA" as "Alice".
            "---\nname: \"\u{202E}ecilA\"\n---\n",
        ),
        (
            "content/briefings/2025-11-20-a.md",
            &format!("---\ntitle: A\nactors: [{briefing_actors}]\n---\n"),
        ),
    ])
}

#[test]
fn look_alike_aliases_are_warned_about_naming_both_files_and_never_merge_actors() {
    let site = look_alike_site("alice, bob, mallory, eve, Mal");
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let d = r.diagnostics();
    assert!(
        d.iter().any(|l| l.starts_with("content/actors/mallory.md:3:")
            && l.contains("warning: alias `\u{0410}lice` looks like the name `Alice` of content/actors/alice.md")
            && l.contains("U+0410")),
        "{}",
        r.stderr
    );
    assert!(
        d.iter()
            .any(|l| l.starts_with("content/actors/mallory.md:3:")
                && l.contains(
                    "alias `Bo\u{200B}b` looks like the name `Bob` of content/actors/bob.md"
                )
                && l.contains("U+200B")),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("code: D028"), "{}", r.stderr);
    assert!(
        d.iter().any(|l| l.starts_with("content/actors/eve.md:2:")
            && l.contains("bidirectional control character U+202E removed")),
        "{}",
        r.stderr
    );
    // Four actors, each with its own page, each linked from the briefing by its id.
    let page = site.page("briefings/a/index.html");
    for id in ["alice", "bob", "mallory", "eve"] {
        assert!(
            site.out().join(format!("actors/{id}/index.html")).is_file(),
            "{id}"
        );
        assert!(page.contains(&format!("actors/{id}/index.html")), "{id}");
    }
    assert!(!page.contains('\u{202E}'));
    assert!(
        site.page("actors/eve/index.html")
            .contains("<h1>ecilA</h1>")
    );
}

#[test]
fn a_look_alike_name_is_ambiguous_not_silently_another_actor() {
    let site = look_alike_site("Alice");
    let r = site.build();
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.diagnostics().iter().any(|l| l
            .starts_with("content/briefings/2025-11-20-a.md:3:10: error: `Alice` is ambiguous")
            && l.contains("content/actors/alice.md")
            && l.contains("content/actors/mallory.md")),
        "{}",
        r.stderr
    );
}

#[test]
fn invisible_characters_neither_split_one_name_nor_join_two() {
    let site = TestSite::new(&[(
        "content/briefings/2025-11-20-a.md",
        "---\ntitle: A\nactors: [Alice, \"Ali\u{200B}ce\", \"\u{FEFF}Alice\", Alicia, \"Alic\u{200D}ia\"]\n---\n",
    )]);
    let r = site.build();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let actors: Vec<String> = std::fs::read_dir(site.out().join("actors"))
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    assert_eq!(actors, ["alice", "alicia"]);
}

mod disguises {
    use proptest::prelude::*;

    /// `javascript:alert(1)` written as an attacker might: each letter in either case or as
    /// a character reference, tabs and newlines between letters, controls and spaces before.
    fn disguised() -> impl Strategy<Value = String> {
        let letters: Vec<BoxedStrategy<String>> = "javascript:"
            .chars()
            .map(|c| {
                let upper = c.to_ascii_uppercase();
                prop_oneof![
                    Just(c.to_string()),
                    Just(upper.to_string()),
                    Just(format!("&#x{:x};", c as u32)),
                    Just(format!("&#{};", c as u32)),
                    Just(format!("&#X{:02X};", upper as u32)),
                ]
                .prop_flat_map(|l| {
                    proptest::sample::select(vec!["", "", "\t", "\n", "\r", "&Tab;", "&NewLine;"])
                        .prop_map(move |gap| format!("{gap}{l}"))
                })
                .boxed()
            })
            .collect();
        (
            proptest::sample::select(vec!["", " ", "\u{1}", "\u{0} ", "\t\n "]),
            letters,
        )
            .prop_map(|(lead, parts)| format!("{lead}{}alert(1)", parts.concat()))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn a_disguised_javascript_url_is_still_javascript(url in disguised()) {
            let scheme = dossier::urls::script_scheme(&url);
            prop_assert_eq!(scheme.as_deref(), Some("javascript"));
        }

        #[test]
        fn safe_html_leaves_no_disguised_javascript_link(url in disguised()) {
            let html = dossier::sanitize::body(&format!("<a href=\"{url}\">x</a><img src=\"{url}\">"));
            // What is left is read as a browser reads it (a NUL becomes U+FFFD, which
            // makes the URL relative).
            for tag in super::start_tags(&html) {
                for (name, value) in tag.attrs {
                    let value = value.replace("&amp;", "&");
                    prop_assert!(dossier::urls::script_scheme(&value).is_none(), "{} in {}", name, html);
                }
            }
        }
    }
}
