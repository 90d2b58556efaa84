//! Files for hosts and search: sitemap.xml, robots.txt, search-index.json, static assets.

use super::exports;
use super::pages::Views;
use super::search;
use super::theme::Theme;
use crate::diagnostic::{Code, Diagnostics, Span, display_path};
use crate::model::Kind;
use crate::pipeline::Site;
use crate::urls;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;

/// Every non-template file of the output: (path, bytes), in a stable order.
/// Later entries replace earlier ones: default theme, site theme, generated files, then
/// the site's own `static/`, so a site can replace anything, robots.txt included.
pub fn files(
    site: &Site,
    theme: &Theme,
    views: &Views<'_>,
    diags: &mut Diagnostics,
) -> BTreeMap<String, Vec<u8>> {
    files_with(site, theme, views, &|p| std::fs::read(p), diags)
}

/// [`files`], reading static files with `read` (a live preview keeps unchanged ones in memory).
pub fn files_with(
    site: &Site,
    theme: &Theme,
    views: &Views<'_>,
    read_file: &(dyn Fn(&std::path::Path) -> std::io::Result<Vec<u8>> + Sync),
    diags: &mut Diagnostics,
) -> BTreeMap<String, Vec<u8>> {
    let mut out: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let read = |path: &std::path::Path, diags: &mut Diagnostics| match read_file(path) {
        Ok(bytes) => Some(bytes),
        Err(e) => {
            diags.error(
                Code::Output,
                &display_path(path),
                Span::FILE,
                format!("cannot read static file: {e}"),
            );
            None
        }
    };
    for (path, bytes) in super::theme::default_statics() {
        out.insert(path, bytes.to_vec());
    }
    for f in &site.assets {
        if let Some(bytes) = read(&f.source, diags) {
            out.insert(f.output_path.clone(), bytes);
        }
    }
    for (path, src) in super::theme::site_statics(theme) {
        if let Some(bytes) = read(&src, diags) {
            out.insert(path, bytes);
        }
    }
    // The generated files are independent of one another: built side by side.
    let ((sitemap, (index, split)), (stances, (entities, graph))) = rayon::join(
        || {
            rayon::join(
                || sitemap(site),
                || {
                    let excerpts: Vec<String> =
                        site.bodies.par_iter().map(|b| search::excerpt(b)).collect();
                    (
                        search_index(site, views, &excerpts),
                        search::files(site, &excerpts),
                    )
                },
            )
        },
        || {
            rayon::join(
                || exports::stances_csv(site),
                || {
                    rayon::join(
                        || exports::entities_json(site),
                        || exports::graph_json(site),
                    )
                },
            )
        },
    );
    out.insert("sitemap.xml".into(), sitemap.into_bytes());
    out.insert(
        "robots.txt".into(),
        format!(
            "User-agent: *\nAllow: /\n\nSitemap: {}sitemap.xml\n",
            site.config.base_url
        )
        .into_bytes(),
    );
    out.insert("search-index.json".into(), index);
    out.extend(split);
    out.insert("data/stances.csv".into(), stances);
    out.insert("data/entities.json".into(), entities);
    out.insert("data/graph.json".into(), graph);
    for f in &site.statics {
        if let Some(bytes) = read(&f.source, diags) {
            out.insert(f.output_path.clone(), bytes);
        }
    }
    out
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

fn sitemap(site: &Site) -> String {
    let base = &site.config.base_url;
    let r = &site.resolved;
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut url = |dir: &str, lastmod: Option<String>| {
        s.push_str("  <url><loc>");
        s.push_str(&xml_escape(&format!("{base}{dir}")));
        s.push_str("</loc>");
        if let Some(m) = lastmod {
            s.push_str("<lastmod>");
            s.push_str(&m);
            s.push_str("</lastmod>");
        }
        s.push_str("</url>\n");
    };
    url("", None);
    for d in ["timeline/", "tags/", "search/"] {
        url(d, None);
    }
    for k in Kind::ALL {
        url(&urls::kind_index(k), None);
    }
    for b in &r.briefings {
        url(
            &urls::briefing(&b.slug),
            Some(b.updated.as_ref().unwrap_or(&b.date).ymd()),
        );
    }
    for e in &r.entities {
        url(&urls::entity(&e.id), None);
    }
    for t in &r.tags {
        url(&urls::tag(&t.slug), None);
    }
    s.push_str("</urlset>\n");
    s
}

#[derive(Serialize)]
struct SearchEntry<'a> {
    title: &'a str,
    url: String,
    date: String,
    summary: Option<&'a str>,
    /// Names and aliases of every entity the briefing names.
    names: Vec<&'a str>,
    tags: Vec<&'a str>,
    /// The first words of the body, as plain text.
    excerpt: &'a str,
}

fn search_index(site: &Site, _views: &Views<'_>, excerpts: &[String]) -> Vec<u8> {
    let r = &site.resolved;
    let entries: Vec<SearchEntry<'_>> = r
        .briefings
        .iter()
        .zip(&r.refs)
        .zip(excerpts)
        .rev()
        .map(|((b, refs), excerpt)| {
            let mut names = Vec::new();
            for e in refs.entities() {
                let en = r.entity(e);
                names.push(en.name.as_str());
                names.extend(en.aliases.iter().map(String::as_str));
            }
            SearchEntry {
                title: &b.title,
                url: urls::href("", &urls::briefing(&b.slug)),
                date: b.date.ymd(),
                summary: b.summary.as_deref(),
                names,
                tags: refs.tags.iter().map(|&t| r.tags[t].name.as_str()).collect(),
                excerpt,
            }
        })
        .collect();
    search::json(&entries)
}
