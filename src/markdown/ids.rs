//! Element ids a body defines: heading ids made unique on their page, footnote ids, and
//! the ids written in raw HTML.

use super::is_theme_id;
use std::collections::{HashMap, HashSet};

/// Ids given on one page so far, and per base the next suffix to try, so that many
/// headings with one text cost one step each rather than a rescan of `base-1`, `base-2`….
#[derive(Default)]
pub struct UsedIds {
    used: HashSet<String>,
    next: HashMap<String, usize>,
}

impl UsedIds {
    /// `base`, or `base-1`, `base-2`… : never an id already on the page or one the theme uses.
    pub fn unique(&mut self, base: String) -> String {
        let mut n = self.next.get(&base).copied().unwrap_or(0);
        let name = |n: usize| {
            if n == 0 {
                base.clone()
            } else {
                format!("{base}-{n}")
            }
        };
        let mut candidate = name(n);
        while self.used.contains(&candidate) || is_theme_id(&candidate) {
            #[cfg(test)]
            PROBES.with(|p| p.set(p.get() + 1));
            n += 1;
            candidate = name(n);
        }
        self.used.insert(candidate.clone());
        self.next.insert(base, n + 1);
        candidate
    }
}

/// The id a heading without one of its own is given before it is made unique: its text
/// slugified, or `section` when nothing of it is left.
pub fn heading_base(text: &str) -> String {
    let base = crate::slug::slugify(text);
    if base.is_empty() {
        "section".to_string()
    } else {
        base
    }
}

/// The part of a footnote's ids after `fn-` and `fnref-`: its label slugified, or `note`.
pub fn footnote_slug(label: &str) -> String {
    let slug = crate::slug::slugify(label);
    if slug.is_empty() {
        "note".to_string()
    } else {
        slug
    }
}

/// Values of ` id="…"` attributes in a piece of raw HTML.
pub fn html_ids(raw: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = raw;
    while let Some(i) = rest.find("id=") {
        let before = rest[..i].chars().last();
        let after = &rest[i + 3..];
        rest = after;
        if !before.is_some_and(char::is_whitespace) {
            continue;
        }
        let Some(q) = after.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            continue;
        };
        if let Some(end) = after[1..].find(q) {
            out.push(after[1..1 + end].to_string());
        }
    }
    out
}

/// Keeps the `ids` that are still on an element of sanitized `html`: an id on an element
/// the sanitizer dropped (`<form id=x>`) is no target any more.
pub fn keep_present(ids: &mut Vec<String>, html: &str) {
    // One pass over the HTML, not one search per id: a body may have 20,000 headings.
    let kept: HashSet<&str> = html
        .match_indices("id=\"")
        .filter_map(|(at, _)| {
            let value = &html[at + 4..];
            value.find('"').map(|end| &value[..end])
        })
        .collect();
    ids.retain(|id| {
        let attr = id.replace('&', "&amp;").replace('"', "&quot;");
        kept.contains(attr.as_str())
    });
}

#[cfg(test)]
thread_local! {
    /// Ids tried and found taken by `UsedIds::unique`, on this thread.
    static PROBES: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_headings_get_numbered_ids_without_rescanning() {
        let mut used = UsedIds::default();
        PROBES.with(|p| p.set(0));
        let ids: Vec<String> = (0..2_000)
            .map(|_| used.unique("same".to_string()))
            .collect();
        assert_eq!(ids[0], "same");
        assert_eq!(ids[1], "same-1");
        assert_eq!(ids[1_999], "same-1999");
        // `same-1` written out as a heading's own id, then taken by no later `same`.
        let mut used = UsedIds::default();
        let a = used.unique("same-1".to_string());
        let b = used.unique("same".to_string());
        let c = used.unique("same".to_string());
        assert_eq!(
            (a.as_str(), b.as_str(), c.as_str()),
            ("same-1", "same", "same-2")
        );
        // A theme id is never given: `related` becomes `related-1`.
        assert_eq!(used.unique("related".to_string()), "related-1");
        let probes = PROBES.with(std::cell::Cell::get);
        assert!(probes <= 4_100, "{probes} ids tried for 2,003 headings");
    }

    #[test]
    fn theme_section_ids_and_numbered_theme_ids_are_skipped() {
        let mut used = UsedIds::default();
        assert_eq!(used.unique("stances".to_string()), "stances-1");
        // `stance-3` is the theme's id of a stance; `stance-x` is not.
        assert_eq!(used.unique("stance-3".to_string()), "stance-3-1");
        assert_eq!(used.unique("stance-x".to_string()), "stance-x");
    }

    #[test]
    fn empty_texts_and_labels_fall_back_to_a_word() {
        assert_eq!(heading_base("Why it matters!"), "why-it-matters");
        assert_eq!(heading_base("?!"), "section");
        assert_eq!(footnote_slug("Long Note"), "long-note");
        assert_eq!(footnote_slug("*"), "note");
    }

    #[test]
    fn raw_html_ids_only_as_attributes() {
        let raw = r#"<a id="one" data-id="no"><span class='x' id='two'>grid=3</span>"#;
        assert_eq!(html_ids(raw), ["one", "two"]);
    }

    #[test]
    fn ids_the_sanitizer_dropped_are_no_targets() {
        let mut ids = vec!["kept".to_string(), "gone".to_string(), "a&b".to_string()];
        keep_present(&mut ids, "<h2 id=\"kept\">K</h2><p id=\"a&amp;b\">form</p>");
        assert_eq!(ids, ["kept", "a&b"]);
    }
}
