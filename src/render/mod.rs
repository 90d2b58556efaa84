//! Renders every page, feed and file of the site through the theme into an [`Sink`].

pub mod charts;
mod dates;
pub mod exports;
pub mod hosting;
pub mod lists;
pub mod pages;
pub mod search;
pub mod structured;
pub mod template_ids;
pub mod theme;
pub mod views;

use crate::diagnostic::{Code, Diagnostics};
use crate::model::{BriefingIdx, EntityIdx, Kind};
use crate::output::Sink;
use crate::site::Site;
use crate::urls;
use pages::Views;
use serde::Serialize;
use std::sync::Mutex;
use theme::Theme;

/// One page or feed of the output, rendered through a template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Page {
    Home,
    Briefing(BriefingIdx),
    Entity(EntityIdx),
    EntityFeed(EntityIdx),
    Entities(Kind),
    Tags,
    Tag(usize),
    Timeline,
    Search,
    NotFound,
    SiteFeed,
}

/// Every page and feed the site has.
pub fn plan(site: &Site) -> Vec<Page> {
    let r = &site.resolved;
    let mut pages = vec![
        Page::Home,
        Page::Tags,
        Page::Timeline,
        Page::Search,
        Page::NotFound,
        Page::SiteFeed,
    ];
    pages.extend(Kind::ALL.into_iter().map(Page::Entities));
    pages.extend((0..r.briefings.len()).map(|i| Page::Briefing(BriefingIdx(i as u32))));
    for i in 0..r.entities.len() {
        pages.push(Page::Entity(EntityIdx(i as u32)));
        pages.push(Page::EntityFeed(EntityIdx(i as u32)));
    }
    pages.extend((0..r.tags.len()).map(Page::Tag));
    pages
}

/// How many HTML pages the site has (feeds and other files not counted).
pub fn page_count(site: &Site) -> usize {
    plan(site)
        .iter()
        .filter(|p| !matches!(p, Page::EntityFeed(_) | Page::SiteFeed))
        .count()
}

/// How many files the templates render (pages and feeds; other files not counted).
pub fn file_count(site: &Site) -> usize {
    plan(site).len()
}

/// Renders the whole site into `sink`; returns the number of files written.
pub fn render_site(site: &Site, theme: &Theme, sink: &dyn Sink, diags: &mut Diagnostics) -> usize {
    let written = render_pages(site, theme, &plan(site), sink, diags);
    let mut d = Diagnostics::new();
    let extra = hosting::write_files(site, theme, sink, &mut d);
    diags.extend(d);
    written + extra
}

/// Renders `pages` into `sink`, in parallel; returns the number of files written.
pub fn render_pages(
    site: &Site,
    theme: &Theme,
    pages: &[Page],
    sink: &dyn Sink,
    diags: &mut Diagnostics,
) -> usize {
    let views = Views { site };
    let mut tera_global = tera::Context::new();
    tera_global.insert(
        "site",
        &views::SiteView {
            title: site.config.title.clone(),
            description: site.config.description.clone(),
            language: site.config.language.clone(),
            base_url: site.config.base_url.clone(),
            base_path: site.config.base_path.clone(),
        },
    );
    let found = Mutex::new(Diagnostics::new());
    // One report per template is enough: the same error would repeat on every page.
    let reported = Mutex::new(std::collections::BTreeSet::<String>::new());
    // A page holds several copies of its body (view, context, output) while it renders.
    let big = |page: &Page| {
        let body = match *page {
            Page::Briefing(b) => site.bodies[b].len(),
            Page::Entity(e) => site.profile_bodies[e].len(),
            _ => 0,
        };
        body > crate::parallel::BIG_BODY
    };
    let written: usize = crate::parallel::big_ones_alone(pages, big, |&page| {
        let (path, template) = target(site, page);
        let ctx = match context(&views, page, &tera_global) {
            Ok(c) => c,
            Err(e) => {
                lock(&found).error(
                    Code::Output,
                    &path,
                    crate::diagnostic::Span::FILE,
                    format!("cannot build page context: {e}"),
                );
                return 0;
            }
        };
        let html = match theme.tera.render(template, &ctx) {
            Ok(html) if template.ends_with(".html") => {
                urls::under_base(html, &site.config.base_path)
            }
            Ok(xml) => xml,
            Err(e) => {
                if lock(&reported).insert(template.to_string()) {
                    theme.report(template, &e, &mut lock(&found));
                }
                return 0;
            }
        };
        match sink.write(&path, html.as_bytes()) {
            Ok(()) => 1,
            Err(e) => {
                lock(&found).error(
                    Code::Output,
                    &path,
                    crate::diagnostic::Span::FILE,
                    format!("cannot write output: {e}"),
                );
                0
            }
        }
    })
    .into_iter()
    .sum();
    diags.extend(found.into_inner().unwrap_or_else(|e| e.into_inner()));
    written
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

fn ctx_of<T: Serialize>(global: &tera::Context, view: &T) -> Result<tera::Context, tera::Error> {
    let mut c = tera::Context::from_serialize(view)?;
    c.extend(global.clone());
    Ok(c)
}

/// The templates that render pages of their own, as [`target`] names them; every other
/// template (base, partials) is shared by all pages.
pub static PAGE_TEMPLATES: std::sync::LazyLock<Vec<&'static str>> =
    std::sync::LazyLock::new(|| {
        let kinds = Kind::ALL.map(Kind::template);
        [HOME, BRIEFING]
            .into_iter()
            .chain(kinds)
            .chain([FEED, ENTITIES, TAGS, TAG, TIMELINE, SEARCH, NOT_FOUND])
            .collect()
    });
const HOME: &str = "index.html";
const BRIEFING: &str = "briefing.html";
const FEED: &str = "atom.xml";
const ENTITIES: &str = "entities.html";
const TAGS: &str = "tags.html";
const TAG: &str = "tag.html";
const TIMELINE: &str = "timeline.html";
const SEARCH: &str = "search.html";
const NOT_FOUND: &str = "404.html";

/// The output path of `page` and the template (one of [`PAGE_TEMPLATES`]) that renders it.
pub fn target(site: &Site, page: Page) -> (String, &'static str) {
    let r = &site.resolved;
    match page {
        Page::Home => ("index.html".into(), HOME),
        Page::Briefing(b) => (
            format!("{}index.html", urls::briefing(&r.briefing(b).slug)),
            BRIEFING,
        ),
        Page::Entity(e) => {
            let id = &r.entity(e).id;
            (
                format!("{}index.html", urls::entity(id)),
                id.kind.template(),
            )
        }
        Page::EntityFeed(e) => (format!("{}atom.xml", urls::entity(&r.entity(e).id)), FEED),
        Page::Entities(kind) => (format!("{}index.html", urls::kind_index(kind)), ENTITIES),
        Page::Tags => ("tags/index.html".into(), TAGS),
        Page::Tag(t) => (format!("{}index.html", urls::tag(&r.tags[t].slug)), TAG),
        Page::Timeline => ("timeline/index.html".into(), TIMELINE),
        Page::Search => ("search/index.html".into(), SEARCH),
        Page::NotFound => ("404.html".into(), NOT_FOUND),
        Page::SiteFeed => ("atom.xml".into(), FEED),
    }
}

fn context(
    views: &Views<'_>,
    page: Page,
    global: &tera::Context,
) -> Result<tera::Context, tera::Error> {
    match page {
        Page::Home => ctx_of(global, &views.home_page()),
        Page::Briefing(b) => ctx_of(global, &views.briefing_page(b)),
        Page::Entity(e) => ctx_of(global, &views.entity_page(e)),
        Page::EntityFeed(e) => ctx_of(global, &views.entity_feed(e)),
        Page::Entities(kind) => ctx_of(global, &views.entities_page(kind)),
        Page::Tags => ctx_of(global, &views.tags_page()),
        Page::Tag(t) => ctx_of(global, &views.tag_page(t)),
        Page::Timeline => ctx_of(global, &views.timeline_page()),
        Page::Search => ctx_of(global, &views.search_page()),
        Page::NotFound => ctx_of(global, &views.not_found_page()),
        Page::SiteFeed => ctx_of(global, &views.site_feed()),
    }
}
