//! The default theme speaks the site's language: every shipped language has every English
//! message and each one formats, the templates hold no words of their own, and a French
//! site's pages have no English left around their content.

mod common;

use common::TestSite;
use dossier::i18n::{self, Arg, Catalog};
use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// What each message is formatted with: a number of every plural category of the shipped
/// languages (Arabic's zero, one, two, few, many and other; Russian's and Ukrainian's one,
/// few and many; 21 is `one` there, 11 is `many`).
const NUMBERS: [i64; 8] = [0, 1, 2, 3, 5, 11, 21, 100];

/// One message of a translation file: the variables it uses and its literal words.
#[derive(Default)]
struct Message {
    vars: BTreeSet<String>,
    texts: Vec<String>,
}

/// The messages of one file, by id; a syntax error fails the test naming the file.
fn messages(path: &str, text: &str) -> BTreeMap<String, Message> {
    let resource = match fluent_syntax::parser::parse(text) {
        Ok(r) => r,
        Err((_, errors)) => panic!("{path} is not valid Fluent: {errors:?}"),
    };
    let mut out = BTreeMap::new();
    for entry in &resource.body {
        if let ast::Entry::Message(m) = entry {
            let mut found = Message::default();
            if let Some(p) = &m.value {
                pattern(p, &mut found);
            }
            out.insert(m.id.name.to_string(), found);
        }
    }
    out
}

fn pattern(p: &ast::Pattern<&str>, m: &mut Message) {
    for element in &p.elements {
        match element {
            ast::PatternElement::TextElement { value } => m.texts.push(value.to_string()),
            ast::PatternElement::Placeable { expression } => expression_of(expression, m),
        }
    }
}

fn expression_of(e: &ast::Expression<&str>, m: &mut Message) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline(selector, m);
            for v in variants {
                pattern(&v.value, m);
            }
        }
        ast::Expression::Inline(i) => inline(i, m),
    }
}

fn inline(e: &ast::InlineExpression<&str>, m: &mut Message) {
    match e {
        ast::InlineExpression::VariableReference { id } => {
            m.vars.insert(id.name.to_string());
        }
        ast::InlineExpression::StringLiteral { value } => m.texts.push(value.to_string()),
        ast::InlineExpression::Placeable { expression } => expression_of(expression, m),
        _ => {}
    }
}

/// The built-in files by area (`theme.ftl`, …) and language.
fn areas() -> BTreeMap<String, BTreeMap<String, (String, &'static str)>> {
    let mut out: BTreeMap<String, BTreeMap<String, (String, &'static str)>> = BTreeMap::new();
    for (lang, path, text) in i18n::builtin() {
        let area = path.rsplit('/').next().unwrap_or(path).to_string();
        out.entry(area)
            .or_default()
            .insert(lang.clone(), (path.clone(), *text));
    }
    out
}

#[test]
fn every_language_has_every_english_message_and_each_formats() {
    let shipped = i18n::shipped();
    for lang in ["en", "fr", "de", "es", "uk", "ru", "ar"] {
        assert!(
            shipped.contains(&lang),
            "{lang} is not shipped: {shipped:?}"
        );
    }
    let mut problems = Vec::new();
    let mut counted = BTreeMap::new();
    for (area, files) in areas() {
        let Some((en_path, en_text)) = files.get("en") else {
            problems.push(format!("{area}: no English file"));
            continue;
        };
        let english = messages(en_path, en_text);
        for lang in &shipped {
            let Some((path, text)) = files.get(*lang) else {
                problems.push(format!("{lang} has no {area}"));
                continue;
            };
            let own = messages(path, text);
            *counted.entry(*lang).or_insert(0) += own.len();
            for id in english.keys().filter(|id| !own.contains_key(*id)) {
                problems.push(format!("{path}: `{id}` is missing"));
            }
            for id in own.keys().filter(|id| !english.contains_key(*id)) {
                problems.push(format!("{path}: `{id}` is not an English message"));
            }
            let catalog = Catalog::builtin(lang);
            for (id, m) in &own {
                let Some(en) = english.get(id) else { continue };
                for v in m.vars.difference(&en.vars) {
                    problems.push(format!(
                        "{path}: `{id}` uses ${v}, which the templates do not give it"
                    ));
                }
                for n in NUMBERS {
                    let args: Vec<(&str, Arg<'_>)> = en
                        .vars
                        .iter()
                        .map(|v| (v.as_str(), Arg::Number(n)))
                        .collect();
                    match catalog.format(id, &args) {
                        Some(text) if !text.trim().is_empty() => {}
                        _ => problems.push(format!("{path}: `{id}` does not format for {n}")),
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // Every language has as many messages as English.
    let en = counted.get("en").copied().unwrap_or(0);
    assert!(en > 250, "English has {en} messages");
    assert!(counted.values().all(|&c| c == en), "{counted:?}");
}

#[test]
fn plurals_follow_each_language_s_rules() {
    let cases: [(&str, i64, &str); 10] = [
        ("en", 1, "1 briefing"),
        ("en", 21, "21 briefings"),
        ("fr", 0, "0 note"),
        ("fr", 2, "2 notes"),
        ("ru", 21, "21 справка"),
        ("ru", 3, "3 справки"),
        ("ru", 11, "11 справок"),
        ("uk", 22, "22 довідки"),
        ("ar", 2, "إحاطتان"),
        ("ar", 11, "11 إحاطةً"),
    ];
    for (lang, n, want) in cases {
        let got = Catalog::builtin(lang).fmt("briefing_count", &[("n", Arg::Number(n))]);
        assert_eq!(got, want, "{lang}, {n}");
    }
}

/// Cuts the Tera syntax, comments, scripts and `<code>` out of a template and returns its
/// words: the text between tags and the values of the attributes people read.
fn template_words(text: &str) -> Vec<String> {
    let mut s = text.to_string();
    for (open, close) in [
        ("{#", "#}"),
        ("{{", "}}"),
        ("{%", "%}"),
        ("<script", "</script>"),
        ("<code>", "</code>"),
    ] {
        while let Some(a) = s.find(open) {
            let Some(b) = s[a..].find(close) else { break };
            s.replace_range(a..a + b + close.len(), " ");
        }
    }
    let mut words = Vec::new();
    for tag in common::markup::start_tags(&s) {
        for (name, value) in tag.attrs {
            if READ_ATTRIBUTES.contains(&name.as_str()) {
                words.extend(letters(&value));
            }
        }
    }
    let mut outside = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                outside.push(' ');
            }
            _ if !in_tag => outside.push(c),
            _ => {}
        }
    }
    let outside = outside
        .split('&')
        .map(|part| part.split_once(';').map_or(part, |(_, rest)| rest))
        .collect::<Vec<_>>()
        .join(" ");
    words.extend(letters(&outside));
    words
}

/// The attributes whose values a reader hears or sees.
const READ_ATTRIBUTES: [&str; 5] = ["aria-label", "title", "alt", "placeholder", "data-label"];

/// Runs of two letters or more.
fn letters(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_string)
        .collect()
}

/// The parts of search.html that search.ftl translates (the search helper's branch): its
/// form, the notice for readers without JavaScript and the result list's label.
fn without_search_ui(text: &str) -> String {
    let mut s = text.to_string();
    for (open, close) in [
        ("<form", "</form>"),
        ("<noscript>", "</noscript>"),
        ("<ul id=\"search-entities\"", "</ul>"),
        ("<button", "</button>"),
    ] {
        while let Some(a) = s.find(open) {
            let Some(b) = s[a..].find(close) else { break };
            s.replace_range(a..a + b + close.len(), " ");
        }
    }
    s
}

#[test]
fn the_templates_hold_no_words_of_their_own() {
    let dir = common::repo().join("themes/default/templates");
    let mut found = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("templates")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    files.sort();
    assert!(files.len() > 40, "{files:?}");
    for path in files {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("?");
        let mut text = std::fs::read_to_string(&path).expect("template");
        if name == "search.html" {
            text = without_search_ui(&text);
        }
        let words = template_words(&text);
        if !words.is_empty() {
            found.push(format!("{name}: {}", words.join(" ")));
        }
    }
    assert!(
        found.is_empty(),
        "words written in templates instead of i18n/en/*.ftl:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scanner_finds_words_in_text_and_read_attributes_only() {
    let words = template_words(
        "<a href=\"x.html\" class=\"chip\" aria-label=\"Page {{ n }}\">{{ tr.next }}</a> <b>Next</b> {# note #}<code>dossier new</code>&nbsp;",
    );
    assert_eq!(words, ["Page", "Next"]);
}

// ---------------------------------------------------------------------------------------
// A French site's pages.

/// The text nodes of a page and the values of its read attributes, entities decoded and
/// white space collapsed.
fn page_strings(html: &str) -> Vec<String> {
    let mut s = html.to_string();
    for (open, close) in [
        ("<script", "</script>"),
        ("<style", "</style>"),
        ("<!--", "-->"),
    ] {
        while let Some(a) = s.find(open) {
            let Some(b) = s[a..].find(close) else { break };
            s.replace_range(a..a + b + close.len(), " ");
        }
    }
    let mut out = Vec::new();
    for tag in common::markup::start_tags(&s) {
        for (name, value) in tag.attrs {
            if READ_ATTRIBUTES.contains(&name.as_str()) {
                out.push(normal(&decode(&value)));
            }
        }
    }
    let mut node = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(normal(&decode(&node)));
                node.clear();
            }
            '>' => in_tag = false,
            _ if !in_tag => node.push(c),
            _ => {}
        }
    }
    out.push(normal(&decode(&node)));
    out.retain(|t| t.chars().any(char::is_alphabetic));
    out
}

fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let Some(end) = after.find(';').filter(|&e| e <= 8) else {
            out.push('&');
            rest = after;
            continue;
        };
        let name = &after[..end];
        let c = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "nbsp" => Some(' '),
            _ => name
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match c {
            Some(c) => out.push(c),
            None => {
                out.push('&');
                out.push_str(name);
                out.push(';');
            }
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// White space collapsed and typographic apostrophes and quotes made plain, so that a
/// page's text and the content files compare.
fn normal(s: &str) -> String {
    s.replace(['\u{a0}', '\u{202f}'], " ")
        .replace(['’', '‘'], "'")
        .replace(['“', '”'], "\"")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Words of an English interface that no French page should show outside content.
const ENGLISH_WORDS: [&str; 24] = [
    "the",
    "and",
    "of",
    "with",
    "by",
    "briefing",
    "briefings",
    "stance",
    "stances",
    "supports",
    "opposes",
    "since",
    "changed",
    "named",
    "latest",
    "earlier",
    "more",
    "here",
    "this",
    "not",
    "is",
    "are",
    "was",
    "on",
];

/// What the English catalog says that the French one does not: whole messages, and the
/// literal words of messages with arguments (each at least two words, or a whole message).
struct English {
    whole: BTreeSet<String>,
    phrases: BTreeSet<String>,
}

fn english_catalog() -> English {
    let mut whole = BTreeSet::new();
    let mut phrases = BTreeSet::new();
    let en = Catalog::builtin("en");
    let fr = Catalog::builtin("fr");
    for (area, files) in areas() {
        let (Some((en_path, en_text)), Some((fr_path, fr_text))) =
            (files.get("en"), files.get("fr"))
        else {
            panic!("{area} has no English or no French file");
        };
        let english = messages(en_path, en_text);
        let french = messages(fr_path, fr_text);
        for (id, m) in &english {
            let fr_words: String = french
                .get(id)
                .map(|f| normal(&f.texts.join(" ")))
                .unwrap_or_default();
            if let Some(text) = en.statics().get(id) {
                let text = normal(text);
                if fr.statics().get(id).map(|f| normal(f)) != Some(text.clone()) {
                    whole.insert(text);
                }
            }
            for piece in &m.texts {
                let piece = normal(piece.trim_matches(|c: char| !c.is_alphanumeric()));
                if piece.split(' ').count() >= 2 && !fr_words.contains(&piece) {
                    phrases.insert(piece);
                }
            }
        }
    }
    English { whole, phrases }
}

/// What a site's content says: its files' text, and the values of their front matter
/// and of site.yaml (names, titles, aliases, quotes), longest first.
struct Content {
    corpus: String,
    values: Vec<String>,
}

impl Content {
    /// `s` without the content values it holds: the words the interface put around them.
    fn residue(&self, s: &str) -> String {
        let mut rest = s.to_string();
        for v in &self.values {
            if rest.contains(v.as_str()) {
                rest = rest.replace(v.as_str(), " ");
            }
        }
        rest
    }
}

/// The English interface strings on the pages under `out`, by page, leaving out the
/// content.
fn english_on_pages(out: &Path, content: &Content) -> BTreeMap<String, BTreeSet<String>> {
    let english = english_catalog();
    let mut found: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for entry in walkdir::WalkDir::new(out) {
        let entry = entry.expect("walk");
        if entry.path().extension().and_then(|e| e.to_str()) != Some("html") {
            continue;
        }
        let page = entry
            .path()
            .strip_prefix(out)
            .expect("prefix")
            .to_string_lossy()
            .to_string();
        let html = std::fs::read_to_string(entry.path()).expect("page");
        for s in page_strings(&html) {
            // The print-only address of the page.
            if s.starts_with("https://") || s.starts_with("http://") {
                continue;
            }
            let bare = s.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
            let whole = english.whole.contains(&s) || english.whole.contains(&bare);
            let flagged = if content.corpus.contains(&s) {
                // A word of the content that happens to be an interface word (a table cell
                // saying "supports") is content; a whole English sentence is not.
                whole && bare.contains(' ')
            } else {
                let rest = content.residue(&s);
                whole
                    || english.phrases.iter().any(|p| rest.contains(p.as_str()))
                    || rest
                        .split(|c: char| !c.is_alphabetic())
                        .any(|w| ENGLISH_WORDS.contains(&w.to_lowercase().as_str()))
            };
            if flagged {
                found.entry(page.clone()).or_default().insert(s);
            }
        }
    }
    found
}

/// The sample site in a temp folder, in French, with a draft, an embargoed and an expired
/// briefing (written in French) and lists short enough to be paginated.
fn french_sample() -> TestSite {
    let site = TestSite::new(&[]);
    common::copy_dir(
        &common::repo().join("content"),
        &site.root().join("content"),
    );
    // The whole sample in one language: its French translations (their own tree on the
    // bilingual sample) would name every entity twice here.
    for f in walkdir::WalkDir::new(site.root().join("content")) {
        let f = f.expect("walk");
        let text = std::fs::read_to_string(f.path()).unwrap_or_default();
        if f.file_type().is_file() && text.contains("\nlang: fr\n") {
            std::fs::remove_file(f.path()).expect("rm");
        }
    }
    let yaml = std::fs::read_to_string(common::repo().join("site.yaml")).expect("site.yaml");
    assert!(yaml.contains("language: en\n"), "{yaml}");
    let mut lines = Vec::new();
    let mut in_languages = false;
    for l in yaml.lines() {
        in_languages = l.starts_with("languages:") || (in_languages && l.starts_with(' '));
        if !in_languages {
            lines.push(l);
        }
    }
    let yaml = lines.join("\n") + "\n";
    site.write(
        "site.yaml",
        &format!(
            "{}page_size: 4\n",
            yaml.replace("language: en\n", "language: fr\n")
        ),
    );
    let extra = [
        (
            "content/briefings/2025-11-22-brouillon.md",
            "---\ntitle: Brouillon sur les pourparlers\ndate: 2025-11-22\ndraft: true\nactors: [Ukraine]\ntopics: [us-peace-plan]\n---\nUn texte que la rédaction relit encore.\n",
        ),
        (
            "content/briefings/2025-11-23-sous-embargo.md",
            "---\ntitle: Annonce attendue à Genève\ndate: 2025-11-23\npublish_at: 2099-01-05T09:00\nactors: [Ukraine]\ntopics: [us-peace-plan]\n---\nUne annonce que la rédaction publiera plus tard.\n",
        ),
        (
            "content/briefings/2025-11-18-perime.md",
            "---\ntitle: Programme de la semaine passée\ndate: 2025-11-18\nexpires: 2025-11-25T00:00\nactors: [Ukraine]\ntopics: [us-peace-plan]\n---\nLe programme, désormais dépassé.\n",
        ),
    ];
    for (path, text) in extra {
        site.write(path, text);
    }
    site
}

/// The content of the site at `root`: every text file under content/ and site.yaml.
fn content_of(root: &Path) -> Content {
    let mut corpus = String::new();
    let mut values = BTreeSet::new();
    let mut files = vec![root.join("site.yaml")];
    for entry in walkdir::WalkDir::new(root.join("content")) {
        files.push(entry.expect("walk").into_path());
    }
    for path in files {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        corpus.push_str(&normal(&text));
        corpus.push('\n');
        let yaml = if path.extension().is_some_and(|e| e == "md") {
            text.strip_prefix("---\n")
                .and_then(|t| t.split_once("\n---"))
                .map_or("", |(front, _)| front)
        } else {
            text.as_str()
        };
        for line in yaml.lines() {
            let line = line.trim_start().trim_start_matches("- ");
            let value = line.split_once(": ").map_or(line, |(_, v)| v).trim();
            let items: Vec<&str> = match value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
                Some(list) => list.split(',').collect(),
                None => vec![value],
            };
            for item in items {
                let item = item.trim();
                let item = match item.strip_prefix('"').and_then(|v| v.strip_suffix('"')) {
                    Some(quoted) => quoted.replace("\\\"", "\""),
                    None => item.trim_matches('\'').to_string(),
                };
                let item = normal(&item);
                if item.chars().filter(|c| c.is_alphabetic()).count() >= 3 {
                    values.insert(item);
                }
            }
        }
    }
    let mut values: Vec<String> = values.into_iter().collect();
    values.sort_by_key(|v| std::cmp::Reverse(v.len()));
    Content { corpus, values }
}

#[test]
fn no_english_left_on_a_french_page() {
    let site = french_sample();
    let run = site.run(&["build", "--drafts", "--future", "--expired"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        !run.stderr.contains("D120"),
        "a built-in message is missing in French: {}",
        run.stderr
    );
    let out = site.out();
    // The fixture reaches every kind of page.
    for page in [
        "index.html",
        "404.html",
        "briefings/index.html",
        "briefings/page/2/index.html",
        "timeline/index.html",
        "actors/index.html",
        "actors/ukraine/index.html",
        "actors/ukraine/page/2/index.html",
        "places/pokrovsk/index.html",
        "topics/us-peace-plan/index.html",
        "authors/mira-okafor/index.html",
        "tags/index.html",
        "tags/battlefield/index.html",
        "sources/index.html",
        "track-record/index.html",
        "alignment/index.html",
        "network/index.html",
        "corrections/index.html",
        "search/index.html",
    ] {
        assert!(out.join(page).is_file(), "{page} was not built");
    }
    let html = site.page("index.html");
    assert!(html.contains("<html lang=\"fr\""), "{html}");
    let found = english_on_pages(&out, &content_of(site.root()));
    let listed: Vec<String> = found
        .iter()
        .map(|(page, strings)| {
            let s: Vec<String> = strings.iter().map(|s| format!("  {s:?}")).collect();
            format!("{page}:\n{}", s.join("\n"))
        })
        .collect();
    assert!(
        found.is_empty(),
        "English on French pages ({} pages):\n{}",
        found.len(),
        listed.join("\n")
    );
}

#[test]
fn the_english_detector_finds_english_and_leaves_content_alone() {
    let dir = tempfile::tempdir().expect("temp");
    std::fs::write(
        dir.path().join("a.html"),
        "<html><head><title>Les notes · Bureau</title></head><body><h2>Linked from</h2><p>Tous les <a href=\"x\" title=\"briefings naming both\">chiffres</a></p><p>The latest news from Kyiv</p><p>Bureau de Kyiv</p></body></html>",
    )
    .expect("write");
    let content = Content {
        corpus: "The latest news from Kyiv".to_string(),
        values: vec!["Bureau de Kyiv".to_string()],
    };
    let found = english_on_pages(dir.path(), &content);
    let strings: Vec<&String> = found.values().flatten().collect();
    assert_eq!(
        strings,
        ["Linked from", "briefings naming both"],
        "{found:?}"
    );
}
