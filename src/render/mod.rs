//! Renders every page, feed and file of the site through the theme into an [`Sink`].

pub mod alignment;
mod alignment_page;
mod as_of_page;
mod author_page;
pub mod baked;
pub mod cards;
pub mod change_feeds;
pub mod changes;
pub mod charts;
mod dates;
pub mod direction;
mod evidence;
pub mod exports;
pub mod hosting;
pub mod json_feed;
pub mod judgments;
pub mod lists;
pub mod maps;
pub mod network;
pub mod pages;
pub mod paging;
pub mod pictures;
pub mod previews;
pub mod redirects;
mod row_words;
pub mod search;
pub mod sources_page;
pub mod structured;
pub mod template_ids;
pub mod theme;
pub mod translations;
mod view_hash;
pub mod views;
mod words;

use crate::diagnostic::{Code, Diagnostics};
use crate::model::{BriefingIdx, EntityIdx, Kind};
use crate::output::Sink;
use crate::site::Site;
use crate::urls;
use pages::Views;
use paging::PageNo;
use serde::Serialize;
use std::sync::Mutex;
use theme::Theme;

/// One page or feed of the output, rendered through a template. Paginated lists have a
/// page number: page 1 at the list's folder, page N ≥ 2 at `<folder>page/N/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Page {
    Home,
    Briefings(PageNo),
    Briefing(BriefingIdx),
    Entity(EntityIdx, PageNo),
    EntityFeed(EntityIdx),
    Entities(Kind, PageNo),
    Tags(PageNo),
    Tag(usize, PageNo),
    Timeline(PageNo),
    Search,
    NotFound,
    SiteFeed,
    /// `network/`: the site's most-named actors, drawn.
    Network,
    /// `corrections/`: the site's latest corrections (when it has any).
    Corrections,
    /// `corrections/atom.xml`.
    CorrectionsFeed,
    /// `tags/<tag>/atom.xml`: the latest briefings with a tag.
    TagFeed(usize),
    /// `feed.json` (JSON Feed 1.1) beside an Atom feed, from the same entries.
    JsonFeed(Feed),
    /// `<kind>/<id>/as-of/<day>/`: a topic's matrix or an actor's positions as they stood
    /// at the end of a day on which one of its positions changed.
    AsOf(EntityIdx, jiff::civil::Date),
    /// `changes.xml` (site-wide, `None`) and `<kind>/<id>/changes.xml`: one entry per
    /// change of position.
    ChangesFeed(Option<EntityIdx>),
    /// `sources/`: how the site's claims are sourced.
    Sources,
    /// `sources/<id>/`: a source of `content/sources/` (its index in `site.registry`).
    Source(usize),
    /// `track-record/`: how the desk's judgments on resolved questions fared (when one is
    /// scored).
    TrackRecord,
    /// `alignment/` (now, `None`) and `alignment/<YYYY-MM>/`: who agrees with whom.
    Alignment(Option<alignment::Month>),
    /// `compare/<a>/<b>/`: two actors topic by topic (`a` first by id).
    Compare(EntityIdx, EntityIdx),
}

/// Whether any briefing of `site` has a correction: the corrections page and feed exist
/// only then.
pub fn has_corrections(site: &Site) -> bool {
    site.resolved
        .briefings
        .iter()
        .any(|b| !b.corrections.is_empty())
}

/// Whether a judgment of `site` is scored (on a resolved topic, made by the day it was
/// settled): the track record page exists, and is linked, only then.
pub fn has_track_record(site: &Site) -> bool {
    crate::track_record::Record::of(&site.resolved).has_scores()
}

/// A feed's list, for its JSON twin: every Atom feed has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Feed {
    Site,
    Entity(EntityIdx),
    Tag(usize),
    Corrections,
    /// The changes of position of the site (`None`), a topic or an actor.
    Changes(Option<EntityIdx>),
}

impl Feed {
    /// The Atom page of the same list.
    pub fn atom(self) -> Page {
        match self {
            Feed::Site => Page::SiteFeed,
            Feed::Entity(e) => Page::EntityFeed(e),
            Feed::Tag(t) => Page::TagFeed(t),
            Feed::Corrections => Page::CorrectionsFeed,
            Feed::Changes(e) => Page::ChangesFeed(e),
        }
    }
}

impl Page {
    /// Whether it is a feed (Atom or JSON), not an HTML page.
    pub fn is_feed(self) -> bool {
        matches!(
            self,
            Page::EntityFeed(_)
                | Page::SiteFeed
                | Page::TagFeed(_)
                | Page::CorrectionsFeed
                | Page::JsonFeed(_)
                | Page::ChangesFeed(_)
        )
    }

    /// Whether it is one of a tag's pages ([`tag_section`]): its list or feeds, not the
    /// index of tags.
    pub fn is_of_tag(self) -> bool {
        matches!(
            self,
            Page::Tag(..) | Page::TagFeed(_) | Page::JsonFeed(Feed::Tag(_))
        )
    }
}

/// How many pages each paginated list of `site` has.
pub struct PageCounts {
    /// `briefings/` and `timeline/`, which page every briefing alike.
    pub briefings: u32,
    pub entities: crate::model::PerKind<u32>,
    pub tags: u32,
}

impl PageCounts {
    /// The page counts of `site`'s lists that are not about one entity or tag.
    pub fn of(site: &Site) -> PageCounts {
        let r = &site.resolved;
        let size = site.config.page_size;
        PageCounts {
            briefings: paging::count(r.briefings.len(), size),
            entities: crate::model::PerKind::from_fn(|k| paging::count(r.of_kind(k).count(), size)),
            tags: paging::count(r.tags.len(), size),
        }
    }
}

/// How many pages entity `e` has.
pub fn entity_pages(site: &Site, e: EntityIdx) -> u32 {
    paging::count(pages::entity_items(site, e), site.config.page_size)
}

/// How many pages tag `t` has.
pub fn tag_pages(site: &Site, t: usize) -> u32 {
    paging::count(site.index.tag_briefings[t].len(), site.config.page_size)
}

/// Every page and feed the site has.
pub fn plan(site: &Site) -> Vec<Page> {
    let r = &site.resolved;
    let counts = PageCounts::of(site);
    let mut pages = vec![
        Page::Home,
        Page::Search,
        Page::NotFound,
        Page::SiteFeed,
        Page::JsonFeed(Feed::Site),
        Page::Network,
        Page::ChangesFeed(None),
        Page::JsonFeed(Feed::Changes(None)),
        Page::Sources,
    ];
    pages.extend((0..site.registry.len()).map(Page::Source));
    pages.extend(alignment_pages(&alignment::overview(site)));
    if has_corrections(site) {
        pages.extend([
            Page::Corrections,
            Page::CorrectionsFeed,
            Page::JsonFeed(Feed::Corrections),
        ]);
    }
    if has_track_record(site) {
        pages.push(Page::TrackRecord);
    }
    pages.extend(PageNo::all(counts.tags).map(Page::Tags));
    pages.extend(PageNo::all(counts.briefings).map(Page::Timeline));
    pages.extend(PageNo::all(counts.briefings).map(Page::Briefings));
    for kind in Kind::ALL {
        pages.extend(PageNo::all(counts.entities[kind]).map(|n| Page::Entities(kind, n)));
    }
    pages.extend((0..r.briefings.len()).map(|i| Page::Briefing(BriefingIdx(i as u32))));
    for i in 0..r.entities.len() {
        let e = EntityIdx(i as u32);
        pages.extend(PageNo::all(entity_pages(site, e)).map(|n| Page::Entity(e, n)));
        pages.push(Page::EntityFeed(e));
        pages.push(Page::JsonFeed(Feed::Entity(e)));
        pages.extend(as_of_pages(site, e));
    }
    pages.extend(tag_section(site));
    pages
}

/// The pages of each tag, its list and feeds: the end of [`plan`], after every other page,
/// so that a tag edit remakes it alone.
pub fn tag_section(site: &Site) -> impl Iterator<Item = Page> + '_ {
    (0..site.resolved.tags.len()).flat_map(|t| {
        (PageNo::all(tag_pages(site, t)).map(move |n| Page::Tag(t, n)))
            .chain([Page::TagFeed(t), Page::JsonFeed(Feed::Tag(t))])
    })
}

/// The as-of pages and change feeds of entity `e`: a topic's or actor's with a stance.
pub fn as_of_pages(site: &Site, e: EntityIdx) -> Vec<Page> {
    if changes::histories(site, e).is_empty() {
        return Vec::new();
    }
    let mut pages = vec![
        Page::ChangesFeed(Some(e)),
        Page::JsonFeed(Feed::Changes(Some(e))),
    ];
    pages.extend((changes::as_of_days(site, e).into_iter()).map(|d| Page::AsOf(e, d)));
    pages
}

/// The alignment pages of a site with `overview`: none unless two actors share a topic.
pub fn alignment_pages(overview: &alignment::Overview) -> Vec<Page> {
    if !overview.exists() {
        return Vec::new();
    }
    let mut pages = vec![Page::Alignment(None)];
    pages.extend(overview.months.iter().map(|&m| Page::Alignment(Some(m))));
    pages.extend(overview.pairs.iter().map(|&(a, b)| Page::Compare(a, b)));
    pages
}

/// How many HTML pages the site has (feeds and other files not counted).
pub fn page_count(site: &Site) -> usize {
    plan(site).iter().filter(|p| !p.is_feed()).count()
}

/// How many files the templates render (pages and feeds; other files not counted).
pub fn file_count(site: &Site) -> usize {
    plan(site).len()
}

/// Renders the whole site into `sink`; returns the number of files written.
pub fn render_site(site: &Site, theme: &Theme, sink: &dyn Sink, diags: &mut Diagnostics) -> usize {
    let written = render_pages(site, theme, &plan(site), sink, diags);
    written + hosting::write_files(site, theme, sink, diags)
}

/// Renders `pages` into `sink`, in parallel; returns the number of files written.
pub fn render_pages(
    site: &Site,
    theme: &Theme,
    pages: &[Page],
    sink: &dyn Sink,
    diags: &mut Diagnostics,
) -> usize {
    render_views(&Views::new(site), theme, pages, sink, diags)
}

/// [`render_pages`], reading `derived`, which must have been made for the site as it now
/// is (or be empty).
pub fn render_pages_with(
    site: &Site,
    theme: &Theme,
    pages: &[Page],
    sink: &dyn Sink,
    diags: &mut Diagnostics,
    derived: &pages::Derived,
) -> usize {
    render_views(&Views::lent(site, derived), theme, pages, sink, diags)
}

/// What a live preview knows of the pages it renders again: per page, the view its bytes
/// on disk were rendered from, as a hash. A page whose view hashes the same, rendered
/// through the same templates and configuration (its frame), would be the same bytes, and
/// is skipped. Fingerprints say which pages may have changed; this says which did.
pub struct ViewCheck {
    /// Per page to render: the view hash of its bytes on disk when they were rendered in
    /// the frame it has now (`None`: unknown, the page is rendered).
    expect: crate::hash::Map<Page, Option<u64>>,
    /// Each page of `expect` looked at, with the hash of its view now (skipped or not).
    seen: Mutex<Vec<(Page, u64)>>,
}

impl ViewCheck {
    /// A check of the pages of `expect`.
    pub fn new(expect: crate::hash::Map<Page, Option<u64>>) -> ViewCheck {
        ViewCheck {
            expect,
            seen: Mutex::default(),
        }
    }

    /// Every page looked at, with the hash of its view and whether it was skipped.
    pub fn seen(self) -> Vec<(Page, u64, bool)> {
        let seen = self.seen.into_inner().unwrap_or_else(|e| e.into_inner());
        let expect = self.expect;
        (seen.into_iter())
            .map(|(p, v)| (p, v, expect.get(&p) == Some(&Some(v))))
            .collect()
    }

    /// Whether `page` is to be rendered, its view being `view`; its hash is noted.
    fn wanted<T: Serialize>(&self, page: Page, view: &T) -> bool {
        let Some(&expect) = self.expect.get(&page) else {
            return true;
        };
        let Some(now) = view_hash::of(view) else {
            return true;
        };
        lock(&self.seen).push((page, now));
        expect != Some(now)
    }
}

/// [`render_pages_with`], skipping the pages `check` finds unchanged; the pages it looks
/// at are noted in it.
pub fn render_pages_checked(
    (site, theme, derived): (&Site, &Theme, &pages::Derived),
    pages: &[Page],
    sink: &dyn Sink,
    diags: &mut Diagnostics,
    check: &ViewCheck,
) -> usize {
    let views = Views::lent(site, derived);
    Renderer::new(&views, theme).render_checked(pages, sink, diags, Some(check))
}

/// Renders pages into a sink at once, with the views of a render under way.
pub type RenderNow<'a> = dyn Fn(&[Page], &dyn Sink, &mut Diagnostics) -> usize + 'a;

/// What [`render_pages_in_chunks`] does between chunks: `run` is given a way to render
/// other pages at once, into a sink of its own, with the views of the render under way.
pub struct Between<'a> {
    /// Pages rendered between two calls of `run`.
    pub chunk: usize,
    pub run: &'a mut dyn FnMut(&RenderNow<'_>),
}

/// Renders `pages` as [`render_pages_with`] does, in chunks; before each chunk (and after
/// the last) `between.run` is called. The views are shared by every chunk: what they work
/// out once (links to every briefing, the calendar) is not worked out again for each.
pub fn render_pages_in_chunks(
    (site, theme, derived): (&Site, &Theme, &pages::Derived),
    pages: &[Page],
    sink: &dyn Sink,
    diags: &mut Diagnostics,
    (between, check): (Between<'_>, Option<&ViewCheck>),
) -> usize {
    let views = Views::lent(site, derived);
    let r = Renderer::new(&views, theme);
    // Pages asked for are rendered whole, unchecked: they are written if their bytes differ.
    let now = |p: &[Page], s: &dyn Sink, d: &mut Diagnostics| r.render(p, s, d);
    let mut written = 0;
    for part in pages.chunks(between.chunk.max(1)) {
        (between.run)(&now);
        written += r.render_checked(part, sink, diags, check);
    }
    (between.run)(&now);
    written
}

fn render_views(
    views: &Views<'_>,
    theme: &Theme,
    pages: &[Page],
    sink: &dyn Sink,
    diags: &mut Diagnostics,
) -> usize {
    Renderer::new(views, theme).render(pages, sink, diags)
}

/// What every page of one render shares: the views, the theme with its words baked in,
/// and the context every template sees.
struct Renderer<'v, 'a> {
    views: &'v Views<'a>,
    theme: &'v Theme,
    baked: std::sync::Arc<tera::Tera>,
    tera_global: tera::Context,
}

impl<'v, 'a> Renderer<'v, 'a> {
    fn new(views: &'v Views<'a>, theme: &'v Theme) -> Self {
        let site = views.site;
        views.derived.fill(site);
        let mut tera_global = tera::Context::new();
        tera_global.insert(
            "site",
            &views::SiteView {
                title: site.config.title.clone(),
                description: site.config.description.clone(),
                language: site.config.language.clone(),
                dir: views.dir.as_str(),
                base_url: site.config.base_url.clone(),
                base_path: site.config.base_path.clone(),
                track_record: views.record().has_scores(),
                alignment: views.alignment().exists(),
            },
        );
        let i18n = &site.config.i18n;
        let baked = theme.baked_for(i18n);
        tera_global.insert("tr", i18n.statics());
        tera_global.insert(crate::i18n::template_fns::KEY_VAR, &i18n.key());
        tera_global.insert("translations", &Vec::<crate::languages::Alternate>::new());
        Renderer {
            views,
            theme,
            baked,
            tera_global,
        }
    }

    /// Renders `pages` into `sink`, in parallel; returns the number of files written.
    fn render(&self, pages: &[Page], sink: &dyn Sink, diags: &mut Diagnostics) -> usize {
        self.render_checked(pages, sink, diags, None)
    }

    /// [`Renderer::render`], skipping the pages `check` finds unchanged.
    fn render_checked(
        &self,
        pages: &[Page],
        sink: &dyn Sink,
        diags: &mut Diagnostics,
        check: Option<&ViewCheck>,
    ) -> usize {
        let (views, theme, baked, tera_global) =
            (self.views, self.theme, &self.baked, &self.tera_global);
        let site = views.site;
        let found = Mutex::new(Diagnostics::new());
        // One report per template is enough: the same error would repeat on every page.
        let reported = Mutex::new(std::collections::BTreeSet::<String>::new());
        // A page holds several copies of its body (view, context, output) while it renders.
        let big = |page: &Page| body_len(site, *page) > crate::parallel::BIG_BODY;
        let written: usize = crate::parallel::big_ones_alone(pages, big, |&page| {
            let (path, template) = target(site, page);
            let ctx = match context(views, page, tera_global, check) {
                Ok(None) => return 0,
                Ok(Some(mut c)) => {
                    if let Some(trees) = &site.trees
                        && path.ends_with(".html")
                    {
                        c.insert("translations", &trees.alternates(site.tree, &path));
                    }
                    c
                }
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
            // Rendered into bytes sized for the page: the engine's own `render` starts small and
            // checks the whole page is UTF-8 again, which its output always is.
            let mut out = Vec::with_capacity(page_size_hint(site, page));
            let rendered = match page {
                Page::JsonFeed(f) => {
                    out = json_feed::render(&views.feed_of(f), &site.config.title).into_bytes();
                    Ok(())
                }
                _ => baked.render_to(template, &ctx, &mut out),
            };
            if let Err(e) = rendered {
                if lock(&reported).insert(template.to_string()) {
                    // The same error from the templates as written, for its position.
                    let e = theme.tera.render(template, &ctx).err().unwrap_or(e);
                    theme.report(template, &e, &mut lock(&found));
                }
                return 0;
            }
            let html = if template.ends_with(".html") && site.config.base_path != "/" {
                match String::from_utf8(out) {
                    Ok(html) => urls::under_base(html, &site.config.base_path).into_bytes(),
                    Err(e) => e.into_bytes(),
                }
            } else {
                out
            };
            match sink.write(&path, &html) {
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
}

/// The bytes of the rendered Markdown body `page` shows, if any.
fn body_len(site: &Site, page: Page) -> usize {
    match page {
        Page::Briefing(b) => site.bodies[b].len(),
        Page::Entity(e, n) if n.is_first() => site.profile_bodies[e].len(),
        _ => 0,
    }
}

/// About how many bytes `page` renders to: its body and the theme's frame around it.
fn page_size_hint(site: &Site, page: Page) -> usize {
    const FRAME: usize = 24 * 1024;
    FRAME + body_len(site, page)
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
        [HOME, BRIEFINGS, BRIEFING]
            .into_iter()
            .chain(kinds)
            .chain([
                FEED,
                ENTITIES,
                TAGS,
                TAG,
                TIMELINE,
                SEARCH,
                NOT_FOUND,
                NETWORK,
                CORRECTIONS,
                AS_OF,
                SOURCES,
                SOURCE,
                TRACK_RECORD,
                ALIGNMENT,
                COMPARE,
            ])
            .collect()
    });
const HOME: &str = "index.html";
const BRIEFINGS: &str = "briefings.html";
const BRIEFING: &str = "briefing.html";
const FEED: &str = "atom.xml";
const ENTITIES: &str = "entities.html";
const TAGS: &str = "tags.html";
const TAG: &str = "tag.html";
const TIMELINE: &str = "timeline.html";
const SEARCH: &str = "search.html";
const NOT_FOUND: &str = "404.html";
const NETWORK: &str = "network.html";
const CORRECTIONS: &str = "corrections.html";
const AS_OF: &str = "as_of.html";
const SOURCES: &str = "sources.html";
const SOURCE: &str = "source.html";
const TRACK_RECORD: &str = "track_record.html";
const ALIGNMENT: &str = "alignment.html";
const COMPARE: &str = "compare.html";

/// The output path of `page` and the template (one of [`PAGE_TEMPLATES`]) that renders it.
pub fn target(site: &Site, page: Page) -> (String, &'static str) {
    let r = &site.resolved;
    match page {
        Page::Home => ("index.html".into(), HOME),
        Page::Briefings(n) => (paging::url("briefings/", n), BRIEFINGS),
        Page::Briefing(b) => (
            format!("{}index.html", urls::briefing(&r.briefing(b).slug)),
            BRIEFING,
        ),
        Page::Entity(e, n) => {
            let id = &r.entity(e).id;
            (paging::url(&urls::entity(id), n), id.kind.template())
        }
        Page::EntityFeed(e) => (format!("{}atom.xml", urls::entity(&r.entity(e).id)), FEED),
        Page::Entities(kind, n) => (paging::url(&urls::kind_index(kind), n), ENTITIES),
        Page::Tags(n) => (paging::url("tags/", n), TAGS),
        Page::Tag(t, n) => (paging::url(&urls::tag(&r.tags[t].slug), n), TAG),
        Page::Timeline(n) => (paging::url("timeline/", n), TIMELINE),
        Page::Search => ("search/index.html".into(), SEARCH),
        Page::NotFound => ("404.html".into(), NOT_FOUND),
        Page::SiteFeed => ("atom.xml".into(), FEED),
        Page::Network => ("network/index.html".into(), NETWORK),
        Page::Corrections => ("corrections/index.html".into(), CORRECTIONS),
        Page::CorrectionsFeed => ("corrections/atom.xml".into(), FEED),
        Page::TagFeed(t) => (format!("{}atom.xml", urls::tag(&r.tags[t].slug)), FEED),
        Page::JsonFeed(f) => (json_twin(&target(site, f.atom()).0), FEED),
        Page::AsOf(e, d) => (
            format!("{}index.html", as_of_page::as_of_dir(&r.entity(e).id, d)),
            AS_OF,
        ),
        Page::ChangesFeed(e) => (
            format!(
                "{}changes.xml",
                e.map_or(String::new(), |e| urls::entity(&r.entity(e).id))
            ),
            FEED,
        ),
        Page::Sources => ("sources/index.html".into(), SOURCES),
        Page::Source(i) => (
            format!("sources/{}/index.html", site.registry[i].id),
            SOURCE,
        ),
        Page::TrackRecord => (
            format!("{}index.html", judgments::TRACK_RECORD_DIR),
            TRACK_RECORD,
        ),
        Page::Alignment(m) => (format!("{}index.html", alignment::dir(m)), ALIGNMENT),
        Page::Compare(a, b) => (
            format!("{}index.html", alignment::compare_dir(site, a, b)),
            COMPARE,
        ),
    }
}

/// The JSON Feed beside Atom feed `atom`: `feed.json` beside `atom.xml`, `changes.json`
/// beside `changes.xml`.
pub fn json_twin(atom: &str) -> String {
    match atom.strip_suffix("atom.xml") {
        Some(dir) => format!("{dir}feed.json"),
        None => format!("{}.json", atom.strip_suffix(".xml").unwrap_or(atom)),
    }
}

/// Something done with the view of a page, whatever the view's type.
trait WithView {
    type Out;
    fn view<T: Serialize>(self, view: &T) -> Self::Out;
}

/// Builds the view of `page` and hands it to `with`.
fn with_view<W: WithView>(views: &Views<'_>, page: Page, with: W) -> W::Out {
    match page {
        Page::Home => with.view(&views.home_page()),
        Page::Briefings(n) => with.view(&views.briefings_page(n)),
        Page::Briefing(b) => with.view(&views.briefing_page(b)),
        Page::Entity(e, n) => with.view(&views.entity_page(e, n)),
        Page::EntityFeed(e) => with.view(&views.entity_feed(e)),
        Page::Entities(kind, n) => with.view(&views.entities_page(kind, n)),
        Page::Tags(n) => with.view(&views.tags_page(n)),
        Page::Tag(t, n) => with.view(&views.tag_page(t, n)),
        Page::Timeline(n) => with.view(&views.timeline_page(n)),
        Page::Search => with.view(&views.search_page()),
        Page::NotFound => with.view(&views.not_found_page()),
        Page::SiteFeed => with.view(&views.site_feed()),
        Page::Network => with.view(&views.network_page()),
        Page::Corrections => with.view(&views.corrections_page()),
        Page::CorrectionsFeed => with.view(&views.corrections_feed()),
        Page::TagFeed(t) => with.view(&views.tag_feed(t)),
        Page::AsOf(e, d) => with.view(&views.as_of_page(e, d)),
        Page::ChangesFeed(e) => with.view(&views.changes_feed(e)),
        Page::Sources => with.view(&views.sources_page()),
        Page::Source(i) => with.view(&views.source_page(i)),
        Page::TrackRecord => with.view(&views.track_record_page()),
        Page::Alignment(m) => with.view(&views.alignment_page(m)),
        Page::Compare(a, b) => with.view(&views.compare_page(a, b)),
        // Rendered by `json_feed`, from the same view as its Atom twin.
        Page::JsonFeed(f) => with.view(&views.feed_of(f)),
    }
}

/// The template context of a page, unless `check` finds its view unchanged (`None`).
struct Contexted<'c> {
    page: Page,
    global: &'c tera::Context,
    check: Option<&'c ViewCheck>,
}

impl WithView for Contexted<'_> {
    type Out = Result<Option<tera::Context>, tera::Error>;
    fn view<T: Serialize>(self, view: &T) -> Self::Out {
        if let Some(check) = self.check
            && !check.wanted(self.page, view)
        {
            return Ok(None);
        }
        match self.page {
            // Its view is read again by `json_feed`: no template reads a context.
            Page::JsonFeed(_) => Ok(Some(tera::Context::new())),
            _ => ctx_of(self.global, view).map(Some),
        }
    }
}

/// The context `page` renders with, or `None` when `check` finds it unchanged.
fn context(
    views: &Views<'_>,
    page: Page,
    global: &tera::Context,
    check: Option<&ViewCheck>,
) -> Result<Option<tera::Context>, tera::Error> {
    // A JSON feed's view is built by `json_feed`'s caller; only a check needs it here.
    if let (Page::JsonFeed(_), None) = (page, check) {
        return Ok(Some(tera::Context::new()));
    }
    with_view(
        views,
        page,
        Contexted {
            page,
            global,
            check,
        },
    )
}
