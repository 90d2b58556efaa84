//! `feed.json`: a JSON Feed 1.1 beside every Atom feed, from the same [`FeedPage`], so
//! that whatever an Atom entry carries, its JSON twin can carry too.

use super::views::FeedPage;
use serde::Serialize;

/// The version URL JSON Feed readers check first.
const VERSION: &str = "https://jsonfeed.org/version/1.1";

#[derive(Serialize)]
struct JsonFeed<'a> {
    version: &'static str,
    title: &'a str,
    home_page_url: &'a str,
    feed_url: String,
    authors: [Author<'a>; 1],
    items: Vec<Item<'a>>,
}

#[derive(Serialize)]
struct Author<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

#[derive(Serialize)]
struct Item<'a> {
    id: &'a str,
    url: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<&'a str>,
    /// JSON Feed requires `content_html` or `content_text`: feeds carry summaries, not bodies.
    content_text: &'a str,
    date_published: &'a str,
    date_modified: &'a str,
    /// Its byline's authors, as its Atom entry's `<author>`s.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    authors: Vec<Author<'a>>,
}

/// The JSON Feed of `feed`, whose author is `site_title`.
pub fn render(feed: &FeedPage, site_title: &str) -> String {
    let doc = JsonFeed {
        version: VERSION,
        title: &feed.title,
        home_page_url: &feed.url,
        feed_url: super::json_twin(&feed.self_url),
        authors: [Author {
            name: site_title,
            url: None,
        }],
        items: feed
            .entries
            .iter()
            .map(|e| Item {
                id: &e.id,
                url: &e.url,
                title: &e.title,
                summary: e.summary.as_deref(),
                content_text: e.summary.as_deref().unwrap_or(&e.title),
                date_published: &e.published,
                date_modified: &e.updated,
                authors: (e.authors.iter())
                    .map(|a| Author {
                        name: &a.name,
                        url: Some(&a.url),
                    })
                    .collect(),
            })
            .collect(),
    };
    // With `<`, `>` and `&` escaped, as every JSON file of the site is: no front-matter
    // text becomes markup wherever a script inserts it carelessly.
    let mut text = String::from_utf8(super::search::json(&doc)).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::views::FeedEntry;

    #[test]
    fn strings_from_front_matter_are_escaped_and_urls_sit_beside_atom() {
        let feed = FeedPage {
            title: "Quotes \" and </script> <b>".into(),
            url: "https://example.org/tags/x/".into(),
            self_url: "https://example.org/tags/x/atom.xml".into(),
            id: "https://example.org/tags/x/atom.xml".into(),
            updated: "2024-01-02T00:00:00Z".into(),
            entries: vec![FeedEntry {
                id: "https://example.org/briefings/a/".into(),
                title: "A \"quoted\"\nline".into(),
                url: "https://example.org/briefings/a/".into(),
                published: "2024-01-01T00:00:00Z".into(),
                updated: "2024-01-02T00:00:00Z".into(),
                summary: None,
                authors: vec![crate::render::views::FeedAuthor {
                    name: "Ann <Lee>".into(),
                    url: "https://example.org/authors/ann/".into(),
                }],
            }],
        };
        let text = render(&feed, "Site");
        let v: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        assert!(!text.contains('<') && !text.contains('&'), "{text}");
        assert_eq!(v["version"], VERSION);
        assert_eq!(v["feed_url"], "https://example.org/tags/x/feed.json");
        assert_eq!(v["title"], "Quotes \" and </script> <b>");
        assert_eq!(v["items"][0]["title"], "A \"quoted\"\nline");
        assert_eq!(v["items"][0]["content_text"], "A \"quoted\"\nline");
        assert_eq!(v["items"][0]["date_modified"], "2024-01-02T00:00:00Z");
        assert!(v["items"][0].get("summary").is_none());
        assert_eq!(v["items"][0]["authors"][0]["name"], "Ann <Lee>");
    }
}
