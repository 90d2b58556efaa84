//! Files for hosts and search: sitemap.xml, robots.txt, search-index.json, static assets.

use super::exports;
use super::search;
use super::theme::Theme;
use crate::diagnostic::{Code, Diagnostics, Span};
use crate::id_vec::Id;
use crate::model::{BriefingIdx, Kind};
use crate::site::Site;
use crate::urls;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;

/// A file, or a family of files, generated from the site rather than copied or rendered
/// through a template. Each is made on its own, so that a live preview makes again only
/// those whose inputs changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Generated {
    /// `sitemap.xml` (and its parts on a big site) and `robots.txt`.
    Sitemap,
    /// `search-index.json`, the whole index in one file.
    SearchIndex,
    /// `search/meta.js` and the filter lists `search/e/<kind>/`, `search/g/`.
    SearchMeta,
    /// The full-text index: `search/text.js`, `search/w/`, `search/p/`, `search/t/`.
    SearchText,
    /// `data/stances.csv` and `data/changes.csv`, made from the same stances.
    StancesCsv,
    /// `data/entities.json`.
    EntitiesJson,
    /// `data/graph.json`.
    GraphJson,
    /// A page at each old address of `moved_from:`, `_redirects` and `redirects.nginx.map`.
    Redirects,
    /// `cards/<hash>.png`, the social cards. A build writes them itself, through the card
    /// cache ([`write_files`] leaves them out); a live preview makes them as a family.
    Cards,
    /// `images/<hash>-<size>.<ext>`, the files made of the pictures of `image:`: as the
    /// cards, written by a build through the picture cache, made as a family by a preview.
    Images,
}

impl Generated {
    /// Every generated file family.
    pub const ALL: [Generated; 10] = [
        Generated::Sitemap,
        Generated::SearchIndex,
        Generated::SearchMeta,
        Generated::SearchText,
        Generated::StancesCsv,
        Generated::EntitiesJson,
        Generated::GraphJson,
        Generated::Redirects,
        Generated::Cards,
        Generated::Images,
    ];

    /// Its files: (output path, bytes). `excerpts` are [`excerpts`] of the site, read only
    /// by `search-index.json`.
    pub fn make(self, site: &Site, excerpts: &[String]) -> Vec<(String, Vec<u8>)> {
        let out = std::sync::Mutex::new(Vec::new());
        self.each(site, excerpts, &|path: String, bytes: Vec<u8>| {
            out.lock()
                .unwrap_or_else(|e| e.into_inner())
                .push((path, bytes));
        });
        out.into_inner().unwrap_or_else(|e| e.into_inner())
    }

    /// Hands each of its files to `emit` as soon as it is made, in no particular order: a
    /// build writes them out at once instead of holding a family (the full-text index is
    /// the size of the bodies' text) in memory, and the largest single files (the CSV
    /// exports, `search-index.json`) as they are made.
    pub fn each(self, site: &Site, excerpts: &[String], emit: &dyn Emit) {
        let many = |files: Vec<(String, Vec<u8>)>| {
            for (path, bytes) in files {
                emit.file(path, bytes);
            }
        };
        let one = |path: &str, bytes: Vec<u8>| emit.file(path.to_string(), bytes);
        let file = |path: String, bytes: Vec<u8>| emit.file(path, bytes);
        match self {
            Generated::Sitemap => {
                let mut files = sitemaps(site);
                // A multilingual site's robots.txt names every language's sitemap.
                let mut robots = format!(
                    "User-agent: *\nAllow: /\n\nSitemap: {}sitemap.xml\n",
                    site.config.base_url
                );
                if let Some(trees) = &site.trees {
                    for l in trees.langs.iter().skip(1) {
                        robots.push_str(&format!("Sitemap: {}sitemap.xml\n", l.base_url));
                    }
                }
                files.push(("robots.txt".into(), robots.into_bytes()));
                many(files)
            }
            Generated::SearchIndex => emit.streamed(
                "search-index.json".into(),
                Box::new(|w| search_index_into(site, excerpts, w)),
            ),
            Generated::SearchMeta => many(search::meta_files(site)),
            Generated::SearchText => search::text_files(site, &file),
            Generated::StancesCsv => {
                rayon::join(
                    || {
                        emit.streamed(
                            "data/stances.csv".into(),
                            Box::new(|w| exports::stances_csv_into(site, w)),
                        )
                    },
                    || {
                        emit.streamed(
                            "data/changes.csv".into(),
                            Box::new(|w| exports::changes_csv_into(site, w)),
                        )
                    },
                );
            }
            Generated::EntitiesJson => one("data/entities.json", exports::entities_json(site)),
            Generated::GraphJson => emit.streamed(
                "data/graph.json".into(),
                Box::new(|w| exports::graph_json_into(site, w)),
            ),
            Generated::Redirects => many(super::redirects::files(site)),
            Generated::Cards => {
                super::cards::each(site, &|_| None, &|hash, png, _| {
                    emit.file(format!("cards/{hash}.png"), png.to_vec())
                });
            }
            Generated::Images => {
                crate::images::made::each(&site.images, &|_| None, &|path, bytes, _| {
                    emit.file(path.to_string(), bytes.to_vec())
                });
            }
        }
    }
}

/// Where [`Generated::each`] hands the files it makes.
pub trait Emit: Sync {
    /// A file made whole.
    fn file(&self, path: String, bytes: Vec<u8>);

    /// A file written as it is made, by `fill`; by default gathered and handed to
    /// [`Emit::file`].
    fn streamed(&self, path: String, fill: crate::output::Fill<'_>) {
        let mut bytes = Vec::new();
        // Writing into memory cannot fail.
        let _ = fill(&mut bytes);
        self.file(path, bytes);
    }
}

impl<F: Fn(String, Vec<u8>) + Sync> Emit for F {
    fn file(&self, path: String, bytes: Vec<u8>) {
        self(path, bytes)
    }
}

/// Generated files written into a build's sink as they come, but for those the site's
/// own `static/` files replace; every path is noted.
struct Written<'a> {
    sink: &'a dyn crate::output::Sink,
    above: &'a BTreeMap<String, Vec<u8>>,
    done: &'a (dyn Fn(&str, std::io::Result<()>) + Sync),
    paths: std::sync::Mutex<Vec<String>>,
}

impl Emit for Written<'_> {
    fn file(&self, path: String, bytes: Vec<u8>) {
        if !self.above.contains_key(&path) {
            (self.done)(&path, self.sink.write(&path, &bytes));
        }
        self.paths
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(path);
    }

    fn streamed(&self, path: String, fill: crate::output::Fill<'_>) {
        if !self.above.contains_key(&path) {
            (self.done)(&path, self.sink.write_streamed(&path, fill));
        }
        self.paths
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(path);
    }
}

/// The start of every briefing's body as plain text, by briefing index.
pub fn excerpts(site: &Site) -> Vec<String> {
    site.bodies.par_iter().map(|b| search::excerpt(b)).collect()
}

/// Copied files: those generated files replace (`below`: the default theme's, the
/// content folder's and the site theme's), and those that replace generated files
/// (`above`: the site's own `static/`).
pub struct Copied {
    pub below: BTreeMap<String, Vec<u8>>,
    pub above: BTreeMap<String, Vec<u8>>,
}

/// The copied files, read with `read` (a live preview keeps unchanged ones in memory).
pub fn copied(
    site: &Site,
    theme: &Theme,
    read_file: &(dyn Fn(&std::path::Path) -> std::io::Result<Vec<u8>> + Sync),
    diags: &mut Diagnostics,
) -> Copied {
    let mut below: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let mut above: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    // `shown`: where the file is in the site, for the error.
    let read =
        |path: &std::path::Path, shown: String, diags: &mut Diagnostics| match read_file(path) {
            Ok(bytes) => Some(bytes),
            Err(e) => {
                diags.error(
                    Code::Output,
                    &shown,
                    Span::FILE,
                    format!("cannot read static file: {e}"),
                );
                None
            }
        };
    let theme_dir = theme.dir.as_deref().map(|d| {
        let name = d
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        format!("themes/{name}/static")
    });
    for (path, bytes) in super::theme::default_statics() {
        below.insert(path, bytes.to_vec());
    }
    for f in &site.assets {
        if let Some(bytes) = read(&f.source, format!("content/{}", f.output_path), diags) {
            below.insert(f.output_path.clone(), bytes);
        }
    }
    for (path, src) in super::theme::site_statics(theme) {
        let shown = format!("{}/{path}", theme_dir.as_deref().unwrap_or("themes"));
        if let Some(bytes) = read(&src, shown, diags) {
            below.insert(path, bytes);
        }
    }
    for f in &site.statics {
        if let Some(bytes) = read(&f.source, format!("static/{}", f.output_path), diags) {
            above.insert(f.output_path.clone(), bytes);
        }
    }
    Copied { below, above }
}

/// Briefings past which generated families are made one after another (see [`write_files`]).
const FAMILIES_ONE_AT_A_TIME: usize = 20_000;

/// Writes every non-template file into `sink` (layered as [`Copied`] says), generated files as
/// soon as each is made, so that they are never all in memory at once. Returns how many
/// were written; a file that cannot be written is an error in `diags`.
pub fn write_files(
    site: &Site,
    theme: &Theme,
    sink: &dyn crate::output::Sink,
    diags: &mut Diagnostics,
) -> usize {
    write_files_beside(site, theme, sink, diags, || ()).0
}

/// Whether `site` is big enough that its generated files are made one family at a time,
/// after its pages, to keep the build's peak memory down.
pub fn one_at_a_time(site: &Site) -> bool {
    site.resolved.briefings.len() > FAMILIES_ONE_AT_A_TIME
}

/// [`write_files`], running `beside` (the pages' rendering, which writes other paths) at the
/// same time as the generated files are made: the search index and the exports have long
/// stretches on one thread that the pages fill. On a big site ([`one_at_a_time`]) `beside`
/// runs first. `diags` gets this function's diagnostics only; `beside` returns its own.
pub fn write_files_beside<R: Send>(
    site: &Site,
    theme: &Theme,
    sink: &dyn crate::output::Sink,
    diags: &mut Diagnostics,
    beside: impl FnOnce() -> R + Send,
) -> (usize, R) {
    let Copied { below, above } = copied(site, theme, &crate::confine::read, diags);
    let excerpts = excerpts(site);
    let failed = std::sync::Mutex::new(Vec::new());
    let written = std::sync::atomic::AtomicUsize::new(0);
    let done = |path: &str, result: std::io::Result<()>| match result {
        Ok(()) => {
            written.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        Err(e) => failed
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((path.to_string(), e)),
    };
    let write = |path: &str, bytes: &[u8]| done(path, sink.write(path, bytes));
    // Generated files replace the copied ones below them; the site's own `static/` files
    // replace generated ones, so those are not written at all.
    let family = |g: &Generated| {
        let out = Written {
            sink,
            above: &above,
            done: &done,
            paths: std::sync::Mutex::new(Vec::new()),
        };
        g.each(site, &excerpts, &out);
        out.paths.into_inner().unwrap_or_else(|e| e.into_inner())
    };
    // Families are made side by side, except on a big site, where two of the largest
    // (hundreds of megabytes each at 100,000 briefings) at once would set the build's peak
    // memory; the search index, the largest, still spreads over every core inside.
    // Cards and pictures are the pipeline's to write, from its caches.
    let families: Vec<Generated> = (Generated::ALL.into_iter())
        .filter(|g| !matches!(g, Generated::Cards | Generated::Images))
        .collect();
    let (made, beside): (Vec<String>, R) = if one_at_a_time(site) {
        let beside = beside();
        (families.iter().flat_map(family).collect(), beside)
    } else {
        rayon::join(
            || families.par_iter().flat_map_iter(family).collect(),
            beside,
        )
    };
    let made: std::collections::BTreeSet<String> = made.into_iter().collect();
    for (path, bytes) in below.iter().filter(|(p, _)| !made.contains(*p)) {
        if !above.contains_key(path) {
            write(path, bytes);
        }
    }
    for (path, bytes) in &above {
        write(path, bytes);
    }
    for (path, e) in failed.into_inner().unwrap_or_else(|e| e.into_inner()) {
        diags.error(
            Code::Output,
            &path,
            Span::FILE,
            format!("cannot write output: {e}"),
        );
    }
    (written.into_inner(), beside)
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

/// URLs per sitemap file: the sitemaps protocol's limit. A site with more gets a sitemap
/// index at `sitemap.xml` naming `sitemap-1.xml`, `sitemap-2.xml`, … in order.
pub const SITEMAP_URLS: usize = 50_000;

/// `sitemap.xml`, and its numbered parts when the site has more than [`SITEMAP_URLS`] URLs.
fn sitemaps(site: &Site) -> Vec<(String, Vec<u8>)> {
    let base = &site.config.base_url;
    let r = &site.resolved;
    let mut urls: Vec<(String, Option<String>)> = Vec::new();
    let mut url = |dir: &str, lastmod: Option<String>| urls.push((format!("{base}{dir}"), lastmod));
    url("", None);
    for d in ["briefings/", "timeline/", "tags/", "search/", "network/"] {
        url(d, None);
    }
    if super::has_corrections(site) {
        url("corrections/", None);
    }
    if super::has_track_record(site) {
        url(super::judgments::TRACK_RECORD_DIR, None);
    }
    url("sources/", None);
    let alignment = super::alignment::overview(site);
    if alignment.exists() {
        url(&super::alignment::dir(None), None);
        for &m in &alignment.months {
            url(&super::alignment::dir(Some(m)), None);
        }
        for &(a, b) in &alignment.pairs {
            url(&super::alignment::compare_dir(site, a, b), None);
        }
    }
    for x in &site.registry {
        url(&format!("sources/{}/", x.id), None);
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
    split_sitemaps(base, &urls, SITEMAP_URLS)
}

/// `sitemap.xml` for `urls`, an index of numbered parts of `per` URLs when they are more.
fn split_sitemaps(
    base: &str,
    urls: &[(String, Option<String>)],
    per: usize,
) -> Vec<(String, Vec<u8>)> {
    if urls.len() <= per {
        return vec![("sitemap.xml".into(), urlset(urls).into_bytes())];
    }
    let parts: Vec<&[(String, Option<String>)]> = urls.chunks(per).collect();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut files = Vec::with_capacity(parts.len() + 1);
    for (i, part) in parts.into_iter().enumerate() {
        let name = format!("sitemap-{}.xml", i + 1);
        index.push_str("  <sitemap><loc>");
        index.push_str(&xml_escape(&format!("{base}{name}")));
        index.push_str("</loc></sitemap>\n");
        files.push((name, urlset(part).into_bytes()));
    }
    index.push_str("</sitemapindex>\n");
    files.insert(0, ("sitemap.xml".into(), index.into_bytes()));
    files
}

/// One sitemap file: `(location, last modified)` per URL.
fn urlset(urls: &[(String, Option<String>)]) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (loc, lastmod) in urls {
        s.push_str("  <url><loc>");
        s.push_str(&xml_escape(loc));
        s.push_str("</loc>");
        if let Some(m) = lastmod {
            s.push_str("<lastmod>");
            s.push_str(m);
            s.push_str("</lastmod>");
        }
        s.push_str("</url>\n");
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

/// `search-index.json`, written into `w` entry by entry rather than joined in memory.
fn search_index_into(
    site: &Site,
    excerpts: &[String],
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let entries: Vec<Vec<u8>> = (0..site.resolved.briefings.len())
        .into_par_iter()
        .map(|i| search_entry(site, BriefingIdx::from_index(i), &excerpts[i]))
        .collect();
    let mut w = std::io::BufWriter::with_capacity(1 << 16, w);
    search_index_each(entries.iter().map(Vec::as_slice), &mut w)
}

/// The `search-index.json` entry of briefing `i`, whose body starts with `excerpt`.
pub fn search_entry(site: &Site, i: BriefingIdx, excerpt: &str) -> Vec<u8> {
    let r = &site.resolved;
    let (b, refs) = (&r.briefings[i], &r.refs[i]);
    let mut names = Vec::new();
    for e in refs.entities() {
        let en = r.entity(e);
        names.push(en.name.as_str());
        names.extend(en.aliases.iter().map(String::as_str));
    }
    search::json(&SearchEntry {
        title: &b.title,
        url: urls::href("", &urls::briefing(&b.slug)),
        date: b.date.ymd(),
        summary: b.summary.as_deref(),
        names,
        tags: refs.tags.iter().map(|&t| r.tags[t].name.as_str()).collect(),
        excerpt,
    })
}

/// `search-index.json` from the entries of every briefing, oldest first (the file lists
/// the newest first).
pub fn search_index_of<'a>(entries: impl DoubleEndedIterator<Item = &'a [u8]>) -> Vec<u8> {
    let entries: Vec<&[u8]> = entries.collect();
    // Sized at once: at 10,000 briefings the file is megabytes, and growing it step by
    // step copied it several times over.
    let size = entries.iter().map(|e| e.len() + 1).sum::<usize>() + 2;
    let mut out = Vec::with_capacity(size);
    // Writing into memory cannot fail.
    let _ = search_index_each(entries.into_iter(), &mut out);
    out
}

/// [`search_index_of`] written into `w`, which should buffer (it is handed each entry).
fn search_index_each<'a>(
    entries: impl DoubleEndedIterator<Item = &'a [u8]>,
    w: &mut impl std::io::Write,
) -> std::io::Result<()> {
    w.write_all(b"[")?;
    for (n, e) in entries.rev().enumerate() {
        if n > 0 {
            w.write_all(b",")?;
        }
        w.write_all(e)?;
    }
    w.write_all(b"]")?;
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_past_the_protocols_limit_gets_a_sitemap_index_of_parts() {
        let urls: Vec<(String, Option<String>)> = (0..5)
            .map(|i| (format!("https://x.org/b{i}/"), None))
            .collect();
        let small = split_sitemaps("https://x.org/", &urls, 5);
        assert_eq!(small.len(), 1);
        assert!(String::from_utf8_lossy(&small[0].1).contains("<urlset"));

        let big = split_sitemaps("https://x.org/", &urls, 2);
        let names: Vec<&str> = big.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "sitemap.xml",
                "sitemap-1.xml",
                "sitemap-2.xml",
                "sitemap-3.xml"
            ]
        );
        let index = String::from_utf8_lossy(&big[0].1);
        assert!(index.contains("<sitemapindex"));
        assert!(index.contains("<loc>https://x.org/sitemap-3.xml</loc>"));
        let last = String::from_utf8_lossy(&big[3].1);
        assert_eq!(last.matches("<url>").count(), 1);
        assert!(last.contains("https://x.org/b4/"));
    }
}
