//! Properties the fuzz targets (fuzz/) also hunt for, on the stable toolchain: the whole
//! pipeline survives arbitrary bytes, slugs stay URL-safe in any script, and the output
//! does not depend on the order files are found in. Sites are built in memory.

mod memory;

use dossier::front_matter;
use dossier::slug::slugify;
use dossier::source::is_forbidden_char;
use memory::{Built, Files, build, config, quote};
use proptest::prelude::*;

// ---------------------------------------------------------------------------------------
// (a) No panic on arbitrary bytes.

/// Pieces of front matter and Markdown, so that random files get past the fences often.
const TOKENS: &[&str] = &[
    "---\n",
    "\n",
    "  ",
    "- ",
    ": ",
    "title: ",
    "date: 2025-01-02",
    "actors: ",
    "places: ",
    "topics: ",
    "stances:\n  - actor: ",
    "on: ",
    "position: supports",
    "tags: ",
    "sources:\n  - ",
    "url: ",
    "slug: ",
    "name: ",
    "aliases: ",
    "within: ",
    "coords: [1, 2]",
    "draft: true",
    "extra: ",
    "[",
    "]",
    "{",
    "}",
    ",",
    "&a ",
    "*a",
    "!!str ",
    "|\n",
    ">\n",
    "\"",
    "'",
    "#",
    "[[",
    "]]",
    "|",
    "](",
    ".md",
    "../",
    "actor:",
    "briefing:",
    "[^1]",
    "<div id=x>",
    "\t",
    "\u{feff}",
    "\r\n",
    "é",
    "З",
    "\u{200b}",
    "\u{202e}",
    "\u{0}",
    "\u{7}",
    "2025-13-40",
];

/// Markdown pieces for bodies of well-formed files.
const MARKDOWN: &[&str] = &[
    "\n",
    "\n\n",
    "# ",
    "## ",
    "text ",
    "*",
    "_",
    "`",
    "```\n",
    "> ",
    "- ",
    "1. ",
    "~~",
    "- [x] ",
    "|a|b|\n|-|-|\n|c|d|\n",
    "[^1]",
    "\n[^1]: note\n",
    "<div id=\"y\">",
    "</div>",
    "<!-- ",
    " -->",
    "&amp;",
    "<",
    ">",
    "[e](https://example.org)",
    "[[x]]",
    "[[actor:x|X]]",
    "[r](/tags/)",
    "[f](#x)",
    "{#x}",
    "é",
    "\u{202e}",
    "\u{7}",
    "Зеленський",
];

/// A file with well-formed front matter around random values, and a random body: these
/// get past parsing into resolution, Markdown and rendering.
fn well_formed_file() -> impl Strategy<Value = Vec<u8>> {
    let value = || "\\PC{0,12}a".prop_map(|s| quote(&s));
    (
        (value(), value(), value(), value()),
        (value(), value(), value(), value()),
        proptest::collection::vec(proptest::sample::select(MARKDOWN), 0..40),
    )
        .prop_map(
            |((title, summary, actor, tag), (quote_, source, url, name), body)| {
                format!(
                    "---\ntitle: {title}\nname: {name}\ndate: 2025-01-02\nsummary: {summary}\n\
                 actors: [{actor}, x]\nplaces: [x]\ntopics: [x]\ntags: [{tag}]\nstances:\n\
                 \x20 - actor: x\n    on: x\n    position: mixed\n    quote: {quote_}\n\
                 sources:\n  - title: {source}\n    url: {url}\n---\n{}",
                    body.concat()
                )
                .into_bytes()
            },
        )
}

fn arbitrary_file() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        2 => well_formed_file(),
        1 => proptest::collection::vec(any::<u8>(), 0..300),
        1 => proptest::collection::vec(proptest::sample::select(TOKENS), 0..60).prop_map(|t| format!(
            "---\n{}",
            t.concat()
        )
        .into_bytes()),
        1 => (
            proptest::collection::vec(proptest::sample::select(TOKENS), 0..30),
            proptest::collection::vec(proptest::sample::select(TOKENS), 0..30),
            any::<u8>(),
            any::<prop::sample::Index>(),
        )
            .prop_map(|(yaml, body, byte, at)| {
                let mut b = format!("---\ntitle: x\n{}\n---\n{}", yaml.concat(), body.concat())
                    .into_bytes();
                let i = at.index(b.len());
                b[i] = byte;
                b
            }),
    ]
}

/// A briefing that names the actor, place and topic `x`, so profiles at those paths get
/// pages of their own.
const NAMES_X: &str = "---\ntitle: Names x\ndate: 2025-01-01\nactors: [x]\nplaces: [x]\ntopics: [x]\n---\n[[actor:x]]\n";

/// Checks what a user would notice of a build: every diagnostic points at a line and
/// column inside its file, and, when the build succeeds, feeds and sitemap parse as XML and
/// JSON files as JSON.
fn check_build(built: &Built, files: &[(String, Vec<u8>)]) -> Result<(), TestCaseError> {
    for d in &built.diagnostics {
        let mut parts = d.splitn(4, ':');
        let (path, line, col) = (
            parts.next().unwrap_or_default(),
            parts
                .next()
                .and_then(|l| l.parse::<usize>().ok())
                .unwrap_or(0),
            parts
                .next()
                .and_then(|c| c.parse::<usize>().ok())
                .unwrap_or(0),
        );
        let file = files.iter().find(|(p, _)| p == path);
        prop_assert!(file.is_some(), "{d}: not one of the files");
        let Some((_, bytes)) = file else { continue };
        // As an editor shows the file: a BOM is not a character of line 1, CRLF one break.
        let text = String::from_utf8_lossy(bytes);
        let text = text
            .strip_prefix('\u{feff}')
            .unwrap_or(&text)
            .replace("\r\n", "\n");
        let line_text = line.checked_sub(1).and_then(|i| text.split('\n').nth(i));
        prop_assert!(line_text.is_some(), "{d}: the file has no line {line}");
        let width = line_text.map_or(0, |l| l.chars().count());
        prop_assert!(
            col >= 1 && col <= width + 1,
            "{d}: line {line} has {width} characters"
        );
    }
    if built.errors {
        return Ok(());
    }
    for (path, bytes) in &built.files {
        if path.ends_with(".xml") {
            let text =
                std::str::from_utf8(bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert!(roxmltree::Document::parse(text).is_ok(), "{path}:\n{text}");
        } else if path.ends_with(".json") {
            prop_assert!(
                serde_json::from_slice::<serde_json::Value>(bytes).is_ok(),
                "{path}"
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn pipeline_survives_arbitrary_bytes_as_a_briefing(bytes in arbitrary_file()) {
        let files = [("content/briefings/2025-01-01-x.md".to_string(), bytes)];
        check_build(&build(config("T", None), &files), &files)?;
    }

    #[test]
    fn pipeline_survives_arbitrary_bytes_as_a_profile(
        bytes in arbitrary_file(),
        kind in proptest::sample::select(&["actors", "places", "topics"][..]),
    ) {
        let files = [
            ("content/briefings/names.md".to_string(), NAMES_X.as_bytes().to_vec()),
            (format!("content/{kind}/x.md"), bytes),
        ];
        check_build(&build(config("T", None), &files), &files)?;
    }

    #[test]
    fn front_matter_parser_survives_arbitrary_bytes(bytes in arbitrary_file()) {
        let text = String::from_utf8_lossy(&bytes);
        if let Ok(split) = front_matter::split(&text) {
            let _ = front_matter::parse(split.yaml, split.yaml_line);
        }
        let _ = front_matter::parse_document(&text);
    }
}

// ---------------------------------------------------------------------------------------
// (b) Slugs in any script.

/// Characters that trip up naive slug code: combining marks, right-to-left letters and
/// marks, zero-width and bidi controls, look-alikes, ligatures, other digits, case oddities.
const TRICKY: &[char] = &[
    '\u{301}', '\u{308}', '\u{20dd}', 'ש', 'ל', 'م', 'ر', '\u{200b}', '\u{200c}', '\u{200d}',
    '\u{200e}', '\u{200f}', '\u{202a}', '\u{202e}', '\u{2066}', '\u{2069}', '\u{feff}', 'а', 'е',
    'ο', 'Α', 'Ａ', 'ｚ', 'ﬁ', 'ß', 'ẞ', 'İ', 'ı', 'ǅ', '٣', '۷', '𝐀', '𝟘', 'Ⅻ', '½', '😀', '🇺',
    '-', ' ', '_', '.', '/', 'a', 'Z', '0', '\u{0}', '\u{85}', '\u{2028}',
];

fn tricky_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![proptest::sample::select(TRICKY), any::<char>()],
        0..24,
    )
    .prop_map(|c| c.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn slugs_of_any_script_are_url_safe_and_idempotent(s in tricky_text()) {
        let slug = slugify(&s);
        prop_assert!(slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'), "{s:?} → {slug:?}");
        prop_assert!(!slug.starts_with('-') && !slug.ends_with('-') && !slug.contains("--"), "{s:?} → {slug:?}");
        prop_assert_eq!(slugify(&slug), slug.clone(), "{:?}", s);
        if s.chars().any(|c| c.is_ascii_alphanumeric()) {
            prop_assert!(!slug.is_empty(), "{s:?}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_slug_gives_its_page_a_url_or_an_error(s in tricky_text()) {
        let text = format!("---\ntitle: T\nslug: {}\n---\n", quote(&s));
        let files = [("content/briefings/2025-01-01-x.md".to_string(), text.into_bytes())];
        let built = build(config("T", None), &files);
        // Characters no page can hold are dropped from YAML values, escaped or not.
        let expected = slugify(&s.replace(is_forbidden_char, ""));
        if expected.is_empty() {
            prop_assert!(
                built.diagnostics.iter().any(|d| d.starts_with("content/briefings/2025-01-01-x.md:3:7: error: slug")),
                "{s:?}: {:?}", built.diagnostics
            );
        } else {
            prop_assert!(!built.errors, "{s:?}: {:?}", built.diagnostics);
            let page = format!("briefings/{expected}/index.html");
            prop_assert!(built.files.contains_key(&page), "{s:?}: no {page}");
        }
    }
}

/// The slugify fuzz target's first find: `\0` escapes in a YAML value decode to characters
/// no page can hold, which are dropped before the slug is made (not turned into `-`).
#[test]
fn an_escaped_nul_in_a_slug_is_dropped() {
    let text = "---\ntitle: T\nslug: \"fJ\\0\\0a\"\n---\n";
    let files = [(
        "content/briefings/2025-01-01-x.md".to_string(),
        text.as_bytes().to_vec(),
    )];
    let built = build(config("T", None), &files);
    assert!(!built.errors, "{:?}", built.diagnostics);
    assert!(
        built.files.contains_key("briefings/fja/index.html"),
        "{:?}",
        built.files.keys()
    );
}

// ---------------------------------------------------------------------------------------
// (d) The output does not depend on the order files are found in.

/// Spellings that fold to one key or one slug, so that "as written the first time", stub
/// names, duplicate slugs and ambiguous names all hinge on which file comes first.
const SPELLINGS: &[&str] = &[
    "Zelensky",
    "zelensky",
    "ZELENSKY",
    "Zelénsky",
    "New Person",
    "new person",
    "Mali",
    "mali",
];
const TAGS: &[&str] = &[
    "Ukraine War",
    "ukraine-war",
    "UKRAINE WAR",
    "Diplomacy",
    "diplomacy",
];
const SLUGS: &[&str] = &["talks", "plan", "talks", "Plan"];

fn briefing_file() -> impl Strategy<Value = String> {
    (
        1..4u8,
        proptest::option::of(proptest::sample::select(SLUGS)),
        proptest::collection::vec(proptest::sample::select(SPELLINGS), 0..3),
        proptest::collection::vec(proptest::sample::select(TAGS), 0..3),
        proptest::sample::select(SPELLINGS),
        proptest::sample::select(&["supports", "opposes", "mixed"][..]),
        proptest::sample::select(&["", "[[Zelensky]] and [[briefing:talks]]", "[[mali]]", "[x](other.md)"][..]),
    )
        .prop_map(|(day, slug, actors, tags, stance, position, body)| {
            let slug = slug.map_or(String::new(), |s| format!("slug: {s}\n"));
            format!(
                "---\ntitle: Day {day}\ndate: 2025-01-0{day}\n{slug}actors: [{}]\nplaces: [{}]\n\
                 tags: [{}]\nstances:\n  - actor: {stance}\n    on: {}\n    position: {position}\n---\n{body}\n",
                actors.join(", "),
                actors.last().copied().unwrap_or("Kyiv"),
                tags.join(", "),
                tags.first().copied().unwrap_or("the-plan"),
            )
        })
}

fn profile_file() -> impl Strategy<Value = (String, String)> {
    (
        proptest::sample::select(&["actors", "places", "topics"][..]),
        proptest::sample::select(&["Mali", "mali", "zelensky", "Jean Noël", "jean-noel"][..]),
        proptest::sample::select(SPELLINGS),
        proptest::sample::select(SPELLINGS),
    )
        .prop_map(|(kind, stem, name, alias)| {
            (
                format!("content/{kind}/{stem}.md"),
                format!("---\nname: {name}\naliases: [{alias}]\n---\nAbout [[{alias}]].\n"),
            )
        })
}

fn shuffled_site() -> impl Strategy<Value = (Files, Files)> {
    (
        proptest::collection::vec(briefing_file(), 1..7),
        proptest::collection::vec(profile_file(), 0..4),
    )
        .prop_flat_map(|(briefings, profiles)| {
            let mut files: Files = Vec::new();
            for (i, text) in briefings.into_iter().enumerate() {
                let path = match i % 3 {
                    0 => format!("content/briefings/2025-01-0{}-b{i}.md", i % 4 + 1),
                    1 => format!("content/b{i}.md"),
                    _ => format!("content/desk/deep/b{i}.md"),
                };
                files.push((path, text.into_bytes()));
            }
            for (path, text) in profiles {
                if !files.iter().any(|(p, _)| *p == path) {
                    files.push((path, text.into_bytes()));
                }
            }
            files.push((
                "content/other.md".into(),
                b"---\ntitle: Other\ndate: 2025-01-02\n---\n".to_vec(),
            ));
            let shuffled = Just(files.clone()).prop_shuffle();
            (Just(files), shuffled)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn output_does_not_depend_on_file_order((files, shuffled) in shuffled_site()) {
        let a = build(config("Desk", None), &files);
        let b = build(config("Desk", None), &shuffled);
        prop_assert_eq!(&a.diagnostics, &b.diagnostics);
        prop_assert_eq!(
            a.files.keys().collect::<Vec<_>>(),
            b.files.keys().collect::<Vec<_>>()
        );
        for (path, bytes) in &a.files {
            prop_assert!(b.files.get(path) == Some(bytes), "{path} differs");
        }
    }
}
