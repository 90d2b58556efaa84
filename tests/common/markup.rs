//! What a browser would treat as active markup in built pages: start tags as its tokenizer
//! finds them, and a census of script-capable tags, attributes and URLs.

use super::snapshot;
use std::collections::BTreeMap;
use std::path::Path;

/// A start tag: its lower-cased name and attributes (values as written, quotes removed).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Tag {
    pub name: String,
    pub attrs: Vec<(String, String)>,
}

/// The start tags of an HTML text, as a browser's tokenizer finds them: text, comments and
/// the contents of `<script>`/`<style>` are skipped, quoted attribute values respected.
pub fn start_tags(html: &str) -> Vec<Tag> {
    let b = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        if html[i..].starts_with("<!--") {
            i = html[i..].find("-->").map_or(b.len(), |e| i + e + 3);
            continue;
        }
        if !b.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' && b[j] != b'/' {
            j += 1;
        }
        let name = html[i + 1..j].to_ascii_lowercase();
        let mut attrs = Vec::new();
        loop {
            while j < b.len() && (b[j].is_ascii_whitespace() || b[j] == b'/') {
                j += 1;
            }
            if j >= b.len() || b[j] == b'>' {
                break;
            }
            let start = j;
            while j < b.len() && !b[j].is_ascii_whitespace() && !b"=>/".contains(&b[j]) {
                j += 1;
            }
            let attr = html[start..j].to_ascii_lowercase();
            let mut value = String::new();
            if b.get(j) == Some(&b'=') {
                j += 1;
                let from = j;
                match b.get(j) {
                    Some(&q) if q == b'"' || q == b'\'' => {
                        let end = html[j + 1..].find(q as char).map_or(b.len(), |e| j + 1 + e);
                        value = html[from + 1..end].to_string();
                        j = end + 1;
                    }
                    _ => {
                        while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' {
                            j += 1;
                        }
                        value = html[from..j].to_string();
                    }
                }
            }
            attrs.push((attr, value));
        }
        i = j + 1;
        if name == "script" || name == "style" {
            let close = format!("</{name}");
            i = html[i.min(b.len())..]
                .to_ascii_lowercase()
                .find(&close)
                .map_or(b.len(), |e| i + e);
        }
        out.push(Tag { name, attrs });
    }
    out
}

/// Per output folder (`briefings`, `actors`, … or the file name at the root): how many
/// tags that run or embed code (`<script>`, `<iframe>`, `<object>` …), which `on*`,
/// `style` and `srcdoc` attributes, and how many script URLs (`javascript:` …) its pages have.
pub fn active_markup(out: &Path) -> BTreeMap<String, BTreeMap<String, usize>> {
    let mut census: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for (rel, bytes) in snapshot(out) {
        if !rel.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).expect("UTF-8 page");
        let folder = rel.split('/').next().unwrap_or_default().to_string();
        let counts = census.entry(folder).or_default();
        for tag in start_tags(&html) {
            let risky = [
                "script", "iframe", "frame", "object", "embed", "style", "base", "form", "meta",
                "link", "svg", "math",
            ];
            if risky.contains(&tag.name.as_str()) {
                *counts.entry(format!("<{}>", tag.name)).or_default() += 1;
            }
            for (a, value) in tag.attrs {
                if a.starts_with("on") || a == "style" || a == "srcdoc" || a == "formaction" {
                    *counts.entry(format!("{} {a}=", tag.name)).or_default() += 1;
                }
                if ["href", "src", "action", "data", "xlink:href"].contains(&a.as_str())
                    && dossier::urls::script_scheme(&value).is_some()
                {
                    *counts
                        .entry(format!("{} {a}=script URL", tag.name))
                        .or_default() += 1;
                }
            }
        }
    }
    census
}
