//! Footnotes rendered with ids that are valid and cannot collide with headings
//! (`fn-<label>`, `fnref-<label>`), numbered in order of first reference, each definition
//! linking back to its first reference.

use super::ids::footnote_slug;
use pulldown_cmark::{Event, Tag, TagEnd};
use std::collections::{HashMap, HashSet};

/// Replaces the footnote references and definitions of `events` with their HTML, and adds
/// the ids that HTML defines to `ids`.
pub fn render(events: &mut [Event<'_>], ids: &mut Vec<String>, back: &str) {
    let mut numbers: HashMap<String, usize> = HashMap::new();
    let mut referenced: HashSet<String> = HashSet::new();
    for e in events.iter() {
        if let Event::FootnoteReference(label) = e {
            let n = numbers.len() + 1;
            numbers.entry(footnote_slug(label)).or_insert(n);
        }
    }
    for e in events.iter() {
        if let Event::Start(Tag::FootnoteDefinition(label)) = e {
            let n = numbers.len() + 1;
            numbers.entry(footnote_slug(label)).or_insert(n);
        }
    }
    let mut open: Vec<String> = Vec::new();
    for e in events.iter_mut() {
        let html = match e {
            Event::FootnoteReference(label) => {
                let slug = footnote_slug(label);
                let n = numbers.get(&slug).copied().unwrap_or(0);
                // Only the first reference carries the id the back link points to.
                let anchor = if referenced.insert(slug.clone()) {
                    ids.push(format!("fnref-{slug}"));
                    format!(" id=\"fnref-{slug}\"")
                } else {
                    String::new()
                };
                format!(
                    "<sup class=\"footnote-reference\"{anchor}><a href=\"#fn-{slug}\">{n}</a></sup>"
                )
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                let slug = footnote_slug(label);
                let n = numbers.get(&slug).copied().unwrap_or(0);
                ids.push(format!("fn-{slug}"));
                open.push(slug.clone());
                format!(
                    "<div class=\"footnote-definition\" id=\"fn-{slug}\"><sup class=\"footnote-definition-label\">{n}</sup>"
                )
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                let slug = open.pop().unwrap_or_default();
                if referenced.contains(&slug) {
                    format!(
                        "<a class=\"footnote-backref\" href=\"#fnref-{slug}\" aria-label=\"{back}\">↩</a></div>\n"
                    )
                } else {
                    "</div>\n".to_string()
                }
            }
            _ => continue,
        };
        *e = Event::Html(html.into());
    }
}
