//! The CommonMark spec (0.31.2, tests/fixtures/commonmark/) as briefing bodies: every
//! example rendered through the body pipeline (links resolved, ids given, footnotes and
//! HTML written) with the Markdown extensions off, and its HTML compared with the spec's
//! after the spec's own normalisation. Dossier's deliberate differences are undone or
//! listed below with their reason; any other example that differs fails the test.

use super::{LinkContext, render_with};
use crate::diagnostic::Diagnostics;
use crate::markdown::links::{LinkError, LinkResolver};
use pulldown_cmark::{Event, Options, Parser, Tag};
use std::collections::{BTreeMap, HashSet};

/// The examples Dossier renders differently from the spec, on purpose, and why.
const DIFFERENT: &[(u32, &str)] = &[
    (
        62,
        "a body with an <h1> has every heading moved one level down (the page's title is its \
         only <h1>), and an <h6> stays an <h6>: undone for the comparison, `###### foo` comes \
         back as <h5>",
    ),
    (
        484,
        "`[](./target.md)`: a link to a .md file is a link to that page of the site, and one \
         to no page is an error (D018) rendered as its text",
    ),
];

#[derive(serde::Deserialize)]
struct Example {
    markdown: String,
    html: String,
    example: u32,
    section: String,
}

fn examples() -> Vec<Example> {
    let text = include_str!("../../tests/fixtures/commonmark/spec-0.31.2.json");
    serde_json::from_str(text).expect("the spec's examples are JSON")
}

/// The content paths the relative links and images of `markdown` point to, so that a file
/// can be put at each and every link resolves as it would on a site that has them.
fn link_targets(markdown: &str, cx: &LinkContext<'_>) -> HashSet<String> {
    let links = LinkResolver::new(cx, BODY, 0);
    let mut found = HashSet::new();
    for event in Parser::new_ext(markdown, Options::empty()) {
        let dest = match event {
            Event::Start(Tag::Link {
                link_type: pulldown_cmark::LinkType::Email,
                ..
            }) => continue,
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => dest_url,
            _ => continue,
        };
        if let Err(LinkError::NoFile { looked_for, .. }) = links.resolve_href(&dest) {
            found.insert(looked_for);
        }
    }
    found
}

/// The briefing every example is the body of, at the top of `content/` so that its page's
/// links need no `../`.
const BODY: &str = "example.md";

/// One example's HTML as Dossier renders it, and what it reported.
fn render(markdown: &str) -> (String, Vec<String>) {
    let mut diags = Diagnostics::new();
    let site = crate::resolve::resolve(Vec::new(), Vec::new(), false, &mut diags);
    let names = site.link_names();
    let empty = LinkContext::new(&site, &names, HashSet::new(), false);
    let assets = link_targets(markdown, &empty);
    let cx = LinkContext::new(&site, &names, assets, false);
    let body = render_with(
        Options::empty(),
        markdown,
        1,
        "content/example.md",
        BODY,
        0,
        &cx,
        &mut diags,
    );
    let reported = diags.iter().map(|d| d.message.clone()).collect();
    (body.html, reported)
}

#[test]
fn every_spec_example_renders_as_the_spec_says_but_the_listed_ones() {
    let mut matched = 0;
    let mut differ: BTreeMap<u32, String> = BTreeMap::new();
    let examples = examples();
    assert_eq!(examples.len(), 652, "all of the spec's examples");
    for ex in &examples {
        let (html, reported) = render(&ex.markdown);
        let want = normalize(&ex.html);
        let got = normalize(&undo_page_structure(&html, &ex.html));
        if got == want && reported.is_empty() {
            matched += 1;
        } else {
            differ.insert(
                ex.example,
                format!(
                    "example {} ({}):\n  markdown: {:?}\n  expected: {want:?}\n  rendered: {got:?}\n  reported: {reported:?}",
                    ex.example, ex.section, ex.markdown
                ),
            );
        }
    }
    let listed: BTreeMap<u32, &str> = DIFFERENT.iter().copied().collect();
    let new: Vec<&String> = (differ.iter())
        .filter(|(n, _)| !listed.contains_key(n))
        .map(|(_, why)| why)
        .collect();
    let fixed: Vec<&u32> = listed.keys().filter(|n| !differ.contains_key(n)).collect();
    assert!(
        new.is_empty(),
        "{} examples differ from the spec and are not listed in DIFFERENT ({matched} match):\n{}",
        new.len(),
        new.iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(
        fixed.is_empty(),
        "listed in DIFFERENT but now rendered as the spec says: {fixed:?}"
    );
    assert_eq!(matched, examples.len() - DIFFERENT.len());
}

/// Undoes what Dossier does to a body's headings for the page around it: each gets an id
/// (for the table of contents and links to sections), and when the body has an `<h1>`
/// (the page's title is its only one) every heading moves one level down. Images lose the
/// `loading` and `decoding` every body image gets.
fn undo_page_structure(html: &str, expected: &str) -> String {
    let html = html.replace(r#" loading="lazy" decoding="async">"#, ">");
    let mut out = strip_heading_ids(&html);
    if expected.contains("<h1") && !out.contains("<h1") {
        for level in 2..=6 {
            for (from, to) in [("<h", "<h"), ("</h", "</h")] {
                out = out.replace(&format!("{from}{level}>"), &format!("{to}{}>", level - 1));
            }
        }
    }
    out
}

/// `<h2 id="x">` → `<h2>`.
fn strip_heading_ids(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find("<h") {
        out.push_str(&rest[..i]);
        let tag = &rest[i..];
        let is_heading = tag
            .as_bytes()
            .get(2)
            .is_some_and(|b| (b'1'..=b'6').contains(b))
            && tag[3..].starts_with(" id=\"");
        if is_heading && let Some(end) = tag[8..].find('"') {
            out.push_str(&tag[..3]);
            rest = &tag[8 + end + 1..];
        } else {
            out.push_str("<h");
            rest = &tag[2..];
        }
    }
    out.push_str(rest);
    out
}

/// The spec's normaliser (commonmark-spec test/normalize.py), for the HTML its examples
/// and CommonMark renderers write: whitespace runs collapsed outside `<pre>` and dropped
/// around block tags, attributes sorted, character references decoded and only `<`, `>`,
/// `&` and `"` escaped, a `/` before `>` dropped, tags lower case.
fn normalize(html: &str) -> String {
    let mut n = Normalizer::default();
    let b = html.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'<'
            && let Some(len) = n.markup(&html[i..])
        {
            i += len;
            continue;
        }
        // Text up to the next `<`; a `<` that opens no markup is text too.
        let skip = usize::from(b[i] == b'<');
        let end = html[i + skip..]
            .find('<')
            .map_or(html.len(), |e| i + skip + e);
        n.data(&html[i..end]);
        i = end;
    }
    n.out
}

#[derive(Default, PartialEq, Clone, Copy)]
enum Last {
    #[default]
    StartTag,
    EndTag,
    Data,
    Other,
}

#[derive(Default)]
struct Normalizer {
    out: String,
    last: Last,
    last_tag: String,
    in_pre: bool,
}

const BLOCK_TAGS: &[&str] = &[
    "article",
    "header",
    "aside",
    "hgroup",
    "blockquote",
    "hr",
    "iframe",
    "body",
    "li",
    "map",
    "button",
    "object",
    "canvas",
    "ol",
    "caption",
    "output",
    "col",
    "p",
    "colgroup",
    "pre",
    "dd",
    "progress",
    "div",
    "section",
    "dl",
    "table",
    "td",
    "dt",
    "tbody",
    "embed",
    "textarea",
    "fieldset",
    "tfoot",
    "figcaption",
    "th",
    "figure",
    "thead",
    "footer",
    "tr",
    "form",
    "ul",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "video",
    "script",
    "style",
];

impl Normalizer {
    /// Takes the markup at the start of `s` (a tag, comment, declaration or processing
    /// instruction) and returns its length; `None` if `<` opens none (it is text).
    fn markup(&mut self, s: &str) -> Option<usize> {
        for (open, close) in [
            ("<!--", "-->"),
            ("<?", ">"),
            ("<![CDATA[", "]]>"),
            ("<!", ">"),
        ] {
            if let Some(body) = s.strip_prefix(open) {
                let end = body.find(close)?;
                self.out.push_str(&s[..open.len() + end + close.len()]);
                self.last = Last::Other;
                return Some(open.len() + end + close.len());
            }
        }
        let (closing, body) = match s.strip_prefix("</") {
            Some(b) => (true, b),
            None => (false, &s[1..]),
        };
        if !body.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return None;
        }
        let name_len = body
            .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
            .unwrap_or(body.len());
        let name = body[..name_len].to_ascii_lowercase();
        let (attrs, self_closing, len) = attributes(&body[name_len..])?;
        let total = s.len() - body.len() + name_len + len;
        if closing {
            if name == "pre" {
                self.in_pre = false;
            } else if BLOCK_TAGS.contains(&name.as_str()) {
                self.trim_end();
            }
            self.out.push_str(&format!("</{name}>"));
            self.last = Last::EndTag;
        } else {
            if name == "pre" {
                self.in_pre = true;
            }
            if BLOCK_TAGS.contains(&name.as_str()) {
                self.trim_end();
            }
            self.out.push('<');
            self.out.push_str(&name);
            for (k, v) in attrs {
                self.out.push(' ');
                self.out.push_str(&k);
                if let Some(v) = v {
                    self.out.push_str("=\"");
                    self.out.push_str(&escape(&decode(&v), true));
                    self.out.push('"');
                }
            }
            self.out.push('>');
            self.last = if self_closing {
                Last::EndTag
            } else {
                Last::StartTag
            };
        }
        self.last_tag = name;
        Some(total)
    }

    fn trim_end(&mut self) {
        let kept = self.out.trim_end().len();
        self.out.truncate(kept);
    }

    fn data(&mut self, data: &str) {
        let after_tag = matches!(self.last, Last::StartTag | Last::EndTag);
        let after_block = after_tag && BLOCK_TAGS.contains(&self.last_tag.as_str());
        let mut data = data.to_string();
        if after_tag && self.last_tag == "br" {
            data = data.trim_start_matches('\n').to_string();
        }
        if !self.in_pre {
            data = collapse_whitespace(&data);
        }
        if after_block && !self.in_pre {
            data = match self.last {
                Last::StartTag => data.trim_start().to_string(),
                _ => data.trim().to_string(),
            };
        }
        self.out.push_str(&escape(&decode(&data), false));
        self.last = Last::Data;
    }
}

/// Each run of whitespace as one space (Python's `\s+`: any Unicode whitespace).
fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    out
}

/// An attribute's name (lower case) and value as written, if it has one.
type Attribute = (String, Option<String>);

/// The attributes of a tag after its name, sorted, whether it closes itself, and the
/// length through its `>`; `None` when no `>` ends it.
fn attributes(s: &str) -> Option<(Vec<Attribute>, bool, usize)> {
    let b = s.as_bytes();
    let mut i = 0;
    let mut attrs = Vec::new();
    let mut self_closing = false;
    loop {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        match b.get(i)? {
            b'>' => break,
            b'/' if b.get(i + 1) == Some(&b'>') => {
                self_closing = true;
                i += 1;
                break;
            }
            _ => {}
        }
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !b"=>/".contains(&b[i]) {
            i += 1;
        }
        if i == start {
            i += 1;
            continue;
        }
        let name = s[start..i].to_ascii_lowercase();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if b.get(i) != Some(&b'=') {
            attrs.push((name, None));
            continue;
        }
        i += 1;
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let value = match b.get(i)? {
            q @ (b'"' | b'\'') => {
                let end = s[i + 1..].find(*q as char)? + i + 1;
                let v = &s[i + 1..end];
                i = end + 1;
                v
            }
            _ => {
                let start = i;
                while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                    i += 1;
                }
                &s[start..i]
            }
        };
        attrs.push((name, Some(value.to_string())));
    }
    attrs.sort();
    Some((attrs, self_closing, i + 1))
}

/// Character references decoded: numeric ones and the named ones renderers write.
fn decode(s: &str) -> String {
    crate::char_refs::decode(s, |name| match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some('\u{a0}'),
        _ => None,
    })
}

fn escape(s: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' if attribute => out.push_str("&#x27;"),
            c => out.push(c),
        }
    }
    out
}

#[test]
fn the_normaliser_does_what_the_spec_s_does() {
    assert_eq!(normalize("<p>a  \t\nb</p>"), "<p>a b</p>");
    assert_eq!(normalize("\n\t<p>\n\t\ta  b\t\t</p>\n\t"), "<p>a b</p>");
    assert_eq!(normalize("<i>a  b</i> "), "<i>a b</i> ");
    assert_eq!(normalize("<br />"), "<br>");
    assert_eq!(
        normalize("<a title=\"bar\" HREF=\"foo\">x</a>"),
        "<a href=\"foo\" title=\"bar\">x</a>"
    );
    assert_eq!(
        normalize("&#233;&amp;&gt;&lt;&quot;"),
        "é&amp;&gt;&lt;&quot;"
    );
    assert_eq!(normalize("<pre>a  \n b</pre>"), "<pre>a  \n b</pre>");
    assert_ne!(normalize("<p>a</p>"), normalize("<p>b</p>"));
}
