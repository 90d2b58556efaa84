//! Nothing from front matter or site.yaml reaches a page, feed or JSON file as markup:
//! hostile values in every field are built in memory and each output file is read the way
//! a browser or feed reader would read it.

mod memory;

use memory::{Files, build, config, quote};
use proptest::prelude::*;

/// Payloads that become markup if a value is inserted unescaped anywhere: as an element, as
/// an attribute break, as a closed `<title>` or CDATA section, as a script URL.
const PAYLOADS: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "\" onmouseover=\"alert(3)",
    "' onfocus='alert(4)",
    "</title><xss-5>",
    "]]><xss-6/>",
    "\"><svg onload=alert(7)>",
    "javascript:alert(8)",
    "<!--",
    "&amp;&lt;&#60;",
    "{{ site.title }}{% raw %}",
    "</script><xss-9>",
    "\u{202e}\u{200b}",
];

/// A hostile value: payloads and markup characters around `marker`, which keeps letters in
/// it (a name without any would be an error, not a page) and shows where it landed.
fn hostile(marker: &'static str) -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            proptest::sample::select(PAYLOADS).prop_map(str::to_string),
            "[<>&\"' =/a-z]{1,4}",
        ],
        1..4,
    )
    .prop_map(move |parts| format!("{} {marker} {}", parts.concat(), parts.concat()))
}

#[derive(Debug, Clone)]
struct Hostile {
    site_title: String,
    description: String,
    title: String,
    summary: String,
    actor: String,
    alias: String,
    role: String,
    place: String,
    topic: String,
    question: String,
    tag: String,
    quote: String,
    source_title: String,
    publisher: String,
    url: String,
    stub: String,
}

fn hostile_site() -> impl Strategy<Value = Hostile> {
    (
        (
            hostile("sitemark"),
            hostile("descmark"),
            hostile("titlemark"),
            hostile("summarymark"),
        ),
        (
            hostile("actormark"),
            hostile("aliasmark"),
            hostile("rolemark"),
            hostile("placemark"),
        ),
        (
            hostile("topicmark"),
            hostile("questionmark"),
            hostile("tagmark"),
            hostile("quotemark"),
        ),
        (
            hostile("sourcemark"),
            hostile("publishermark"),
            prop_oneof![
                Just("javascript:alert(10)".to_string()),
                Just(" JaVaScRiPt:alert(11)".to_string()),
                Just("data:text/html,<script>alert(12)</script>".to_string()),
                hostile("urlmark").prop_map(|s| format!("https://example.org/?q={s}")),
            ],
            hostile("stubmark"),
        ),
    )
        .prop_map(
            |((a, b, c, d), (e, f, g, h), (i, j, k, l), (m, n, o, p))| Hostile {
                site_title: a,
                description: b,
                title: c,
                summary: d,
                actor: e,
                alias: f,
                role: g,
                place: h,
                topic: i,
                question: j,
                tag: k,
                quote: l,
                source_title: m,
                publisher: n,
                url: o,
                stub: p,
            },
        )
}

fn hostile_files(h: &Hostile) -> Files {
    let q = quote;
    let briefing = format!(
        "---\ntitle: {}\ndate: 2025-11-20\nsummary: {}\nactors: [{}, {}]\nplaces: [{}]\n\
         topics: [{}]\ntags: [{}]\nstances:\n  - actor: {}\n    on: {}\n    position: supports\n\
         \x20   quote: {}\n    by: {}\n    source: 1\nsources:\n  - title: {}\n    url: {}\n\
         \x20   publisher: {}\nextra: {{note: {}}}\n---\n\
         Plain body: [[actor:hostile-actor]], [[place:hostile-place]], [[topic:hostile-topic]],\n\
         [the profile](../actors/hostile-actor.md) and [[briefing:other]].\n",
        q(&h.title),
        q(&h.summary),
        q(&h.alias),
        q(&h.stub),
        q(&h.place),
        q(&h.topic),
        q(&h.tag),
        q(&h.actor),
        q(&h.topic),
        q(&h.quote),
        q(&h.stub),
        q(&h.source_title),
        q(&h.url),
        q(&h.publisher),
        q(&h.quote),
    );
    let other = format!(
        "---\ntitle: {}\ndate: 2025-11-21\nslug: other\nsummary: {}\ntags: [{}]\n---\n[[briefing:hostile]]\n",
        q(&h.summary),
        q(&h.title),
        q(&h.tag),
    );
    let actor = format!(
        "---\nname: {}\naliases: [{}]\nkind: person\nrole: {}\naffiliation: {}\n---\nProfile.\n",
        q(&h.actor),
        q(&h.alias),
        q(&h.role),
        q(&h.stub),
    );
    let place = format!(
        // An unknown kind is a warning, not an error: the value must be safe wherever it goes.
        "---\nname: {}\nkind: {}\nwithin: {}\ncoords: [50.1, 30.2]\n---\n",
        q(&h.place),
        q(&h.role),
        q(&h.stub),
    );
    let topic = format!(
        "---\ntitle: {}\nquestion: {}\n---\n",
        q(&h.topic),
        q(&h.question)
    );
    [
        ("content/briefings/2025-11-20-hostile.md", briefing),
        ("content/briefings/2025-11-21-other.md", other),
        ("content/actors/hostile-actor.md", actor),
        ("content/places/hostile-place.md", place),
        ("content/topics/hostile-topic.md", topic),
    ]
    .into_iter()
    .map(|(p, t)| (p.to_string(), t.into_bytes()))
    .collect()
}

/// One start tag of an HTML page: its name and attributes, as an HTML parser reads them.
struct StartTag {
    name: String,
    attrs: Vec<(String, String)>,
    /// Byte offset just past the tag's `>`.
    end: usize,
}

/// Reads the start tag at `at` (just past `<`), following the HTML tokenizer's rules for
/// names and quoted and unquoted attribute values.
fn start_tag(html: &str, at: usize) -> Option<StartTag> {
    let b = html.as_bytes();
    let mut i = at;
    let word = |i: &mut usize, stop: &dyn Fn(u8) -> bool| {
        let s = *i;
        while *i < b.len() && !stop(b[*i]) {
            *i += 1;
        }
        html[s..*i].to_ascii_lowercase()
    };
    let space = |c: u8| c.is_ascii_whitespace();
    let name = word(&mut i, &|c| space(c) || c == b'/' || c == b'>');
    let mut attrs = Vec::new();
    loop {
        while i < b.len() && (space(b[i]) || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() {
            return None;
        }
        if b[i] == b'>' {
            return Some(StartTag {
                name,
                attrs,
                end: i + 1,
            });
        }
        let attr = word(&mut i, &|c| space(c) || c == b'/' || c == b'>' || c == b'=');
        let mut value = String::new();
        if i < b.len() && b[i] == b'=' {
            i += 1;
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                i += 1;
                let s = i;
                while i < b.len() && b[i] != q {
                    i += 1;
                }
                value = html[s..i.min(b.len())].to_string();
                i += 1;
            } else {
                value = word(&mut i, &|c| space(c) || c == b'>');
            }
        }
        attrs.push((attr, value));
    }
}

/// Checks one HTML page: the theme's scripts only (JSON-LD that parses, or a `src`), no
/// event-handler attribute, no element a payload brings, no script URL, one `<title>`.
fn check_page(path: &str, html: &str) -> Result<(), TestCaseError> {
    let mut i = 0;
    let mut titles = 0;
    while let Some(off) = html[i..].find('<') {
        let at = i + off + 1;
        i = at;
        if html[at..].starts_with("!--") {
            let end = html[at..].find("-->");
            prop_assert!(end.is_some(), "{path}: unclosed comment");
            i = at + end.unwrap_or(0) + 3;
            continue;
        }
        if !html.as_bytes().get(at).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let tag = start_tag(html, at);
        prop_assert!(tag.is_some(), "{path}: unclosed tag at byte {at}");
        let Some(tag) = tag else { continue };
        i = tag.end;
        let attr = |n: &str| {
            tag.attrs
                .iter()
                .find(|(a, _)| a == n)
                .map(|(_, v)| v.as_str())
        };
        for (a, v) in &tag.attrs {
            prop_assert!(!a.starts_with("on"), "{path}: <{} {a}={v:?}>", tag.name);
            if ["href", "src", "action", "formaction", "xlink:href"].contains(&a.as_str()) {
                let scheme = v.trim().to_ascii_lowercase();
                prop_assert!(
                    !["javascript:", "data:", "vbscript:"]
                        .iter()
                        .any(|s| scheme.starts_with(s)),
                    "{path}: <{} {a}={v:?}>",
                    tag.name
                );
            }
        }
        prop_assert!(
            !tag.name.starts_with("xss")
                && !["img", "iframe", "object", "embed"].contains(&tag.name.as_str()),
            "{path}: <{}> in the page",
            tag.name
        );
        match tag.name.as_str() {
            "title" => titles += 1,
            "script" => {
                let end = html[i..].find("</script");
                prop_assert!(end.is_some(), "{path}: unclosed script");
                let body = &html[i..i + end.unwrap_or(0)];
                if attr("type") == Some("application/ld+json") {
                    prop_assert!(
                        serde_json::from_str::<serde_json::Value>(body).is_ok(),
                        "{path}: JSON-LD does not parse:\n{body}"
                    );
                } else {
                    prop_assert!(
                        attr("src")
                            .is_some_and(|s| s.ends_with("search.js") || s.ends_with("preview.js"))
                            && body.is_empty(),
                        "{path}: a script the theme does not have"
                    );
                }
                i += end.unwrap_or(0);
            }
            _ => {}
        }
    }
    prop_assert_eq!(titles, 1, "{}: <title> elements", path);
    Ok(())
}

/// Checks a feed or sitemap: it parses, and holds only its own vocabulary.
fn check_xml(path: &str, text: &str) -> Result<(), TestCaseError> {
    const ATOM: &[&str] = &[
        "feed",
        "title",
        "id",
        "link",
        "updated",
        "author",
        "name",
        "entry",
        "published",
        "summary",
        "subtitle",
        "content",
        "category",
    ];
    const SITEMAP: &[&str] = &["urlset", "url", "loc", "lastmod", "changefreq", "priority"];
    let doc = roxmltree::Document::parse(text);
    prop_assert!(doc.is_ok(), "{path} is not XML: {:?}\n{text}", doc.err());
    let Ok(doc) = doc else { return Ok(()) };
    for n in doc.descendants().filter(|n| n.is_element()) {
        let name = n.tag_name().name();
        prop_assert!(
            ATOM.contains(&name) || SITEMAP.contains(&name),
            "{path}: <{name}>"
        );
        for a in n.attributes() {
            prop_assert!(!a.name().starts_with("on"), "{path}: <{name} {}>", a.name());
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn front_matter_never_reaches_a_page_as_markup(h in hostile_site()) {
        let built = build(config(&h.site_title, Some(&h.description)), &hostile_files(&h));
        prop_assert!(!built.errors, "{:#?}", built.diagnostics);
        let page = |p: &str| built.files.get(p).map(|b| String::from_utf8_lossy(b).to_string()).unwrap_or_default();
        // The values are on the pages, as text.
        let briefing = page("briefings/hostile/index.html");
        for marker in ["sitemark", "titlemark", "summarymark", "actormark", "placemark", "topicmark", "tagmark", "quotemark", "sourcemark", "publishermark", "stubmark"] {
            prop_assert!(briefing.contains(marker), "{marker} missing from the briefing page");
        }
        prop_assert!(page("actors/hostile-actor/index.html").contains("rolemark"));
        prop_assert!(page("topics/hostile-topic/index.html").contains("questionmark"));
        for (path, bytes) in &built.files {
            let text = String::from_utf8_lossy(bytes);
            if path.ends_with(".html") {
                check_page(path, &text)?;
            } else if path.ends_with(".xml") {
                check_xml(path, &text)?;
            } else if path.ends_with(".json") {
                prop_assert!(serde_json::from_slice::<serde_json::Value>(bytes).is_ok(), "{path}");
            }
        }
    }
}
