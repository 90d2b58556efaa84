//! The one pipeline that `build` and `check` (and later `serve`) share:
//! discover → parse → resolve → Markdown → index → render → write.

use crate::change_words::Cues;
use crate::config::{self, Config};
use crate::consistency::{self, Findings};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::id_vec::{Id, IdVec};
use crate::index::{self, Index};
use crate::markdown::{self, LinkContext, Target};
use crate::model::{Briefing, BriefingIdx, EntityIdx, Profile, RegistrySource};
use crate::output::{self, OutputError, Staging};
use crate::parallel::{BIG_BODY, big_ones_alone, big_ones_alone_owned};
use crate::parse::{self, Parsed};
use crate::render::template_ids::ThemeIds;
use crate::render::{self, theme};
use crate::resolve::{self, Resolved};
use crate::site::Site;
use crate::source::{self, StaticFile};
use crate::urls;
use rayon::prelude::*;
use std::hash::{Hash, Hasher};
use std::path::PathBuf;
use std::time::Instant;

pub mod stored;

/// What to build and how.
#[derive(Debug, Clone)]
pub struct Options {
    pub root: PathBuf,
    /// Defaults to `<root>/output`.
    pub output: Option<PathBuf>,
    pub base_url: Option<String>,
    pub drafts: bool,
    /// The moment to build for and whether to include embargoed or expired briefings.
    pub schedule: crate::schedule::Schedule,
}

/// How a run ended.
#[derive(Debug)]
pub struct Report {
    /// Every diagnostic, sorted.
    pub diagnostics: Vec<Diagnostic>,
    pub errors: usize,
    pub warnings: usize,
    /// Hints: printed by `check`, counted by `build`.
    pub hints: usize,
    /// Files written (0 for `check`).
    pub written: usize,
    pub pages: usize,
    pub elapsed: std::time::Duration,
    /// Bytes written (0 for `check`).
    pub bytes: u64,
    /// Time spent writing files, summed over the threads that wrote them.
    pub write_time: std::time::Duration,
    /// The next embargo to lift, `2026-12-05 09:00 +01:00: content/briefings/x.md`
    /// (site.yaml's time zone), for `check`.
    pub next_embargo: Option<String>,
    /// Social cards drawn in this run, and taken from the card cache.
    pub cards_drawn: usize,
    pub cards_reused: usize,
    /// Pictures of `image:` made in this run, and those whose files all came from the
    /// picture cache.
    pub images_processed: usize,
    pub images_reused: usize,
}

/// A sink that counts what passes through it and how long writing takes, and tells
/// `progress` of each file.
struct Measured<'a> {
    inner: &'a dyn output::Sink,
    progress: &'a dyn Progress,
    bytes: std::sync::atomic::AtomicU64,
    nanos: std::sync::atomic::AtomicU64,
}

impl<'a> Measured<'a> {
    fn new(inner: &'a dyn output::Sink, progress: &'a dyn Progress) -> Self {
        Measured {
            inner,
            progress,
            bytes: 0.into(),
            nanos: 0.into(),
        }
    }
}

impl output::Sink for Measured<'_> {
    fn write(&self, path: &str, bytes: &[u8]) -> std::io::Result<()> {
        use std::sync::atomic::Ordering::Relaxed;
        let start = Instant::now();
        let r = self.inner.write(path, bytes);
        self.nanos
            .fetch_add(start.elapsed().as_nanos() as u64, Relaxed);
        self.bytes.fetch_add(bytes.len() as u64, Relaxed);
        self.progress.advance();
        r
    }

    fn write_streamed(&self, path: &str, fill: output::Fill<'_>) -> std::io::Result<()> {
        use std::sync::atomic::Ordering::Relaxed;
        let (bytes, nanos) = (&self.bytes, &self.nanos);
        let r = self.inner.write_streamed(
            path,
            Box::new(move |w| {
                let mut counted = Counted {
                    inner: w,
                    bytes: 0,
                    nanos: 0,
                };
                let r = fill(&mut counted);
                bytes.fetch_add(counted.bytes, Relaxed);
                nanos.fetch_add(counted.nanos, Relaxed);
                r
            }),
        );
        self.progress.advance();
        r
    }

    fn link(&self, path: &str, from: &std::path::Path) -> bool {
        use std::sync::atomic::Ordering::Relaxed;
        let start = Instant::now();
        let linked = self.inner.link(path, from);
        if linked {
            self.nanos
                .fetch_add(start.elapsed().as_nanos() as u64, Relaxed);
            let len = std::fs::symlink_metadata(from).map_or(0, |m| m.len());
            self.bytes.fetch_add(len, Relaxed);
            self.progress.advance();
        }
        linked
    }
}

/// A writer that counts the bytes passing through it and the time spent writing them
/// (not the time spent making them).
struct Counted<'a> {
    inner: &'a mut dyn std::io::Write,
    bytes: u64,
    nanos: u64,
}

impl std::io::Write for Counted<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let start = Instant::now();
        let n = self.inner.write(buf)?;
        self.nanos += start.elapsed().as_nanos() as u64;
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let start = Instant::now();
        let r = self.inner.flush();
        self.nanos += start.elapsed().as_nanos() as u64;
        r
    }
}

/// Told of the pipeline's stages as they run, for progress bars and `--verbose` timings.
/// Every method has a do-nothing default.
pub trait Progress: Sync {
    /// A stage begins; `total` is its number of items, or 0 when it is not counted.
    fn stage(&self, _name: &'static str, _total: usize) {}
    /// One more item of the current stage is done (called from many threads).
    fn advance(&self) {}
}

/// The `Progress` that shows nothing.
pub struct Silent;

impl Progress for Silent {}

/// Fatal problems: the command could not run at all.
#[derive(Debug, thiserror::Error)]
pub enum Fatal {
    #[error(transparent)]
    Output(#[from] OutputError),
    #[error("site root {0} is not a folder")]
    NoRoot(PathBuf),
    #[error("no site.yaml in {0}: is this a Dossier site? (pass its folder with --root)")]
    NotASite(PathBuf),
    #[error("--base-url {0}")]
    BadBaseUrl(#[from] crate::urls::BaseUrlError),
}

/// Loads, parses, resolves, renders Markdown and indexes the site at `opts.root`. Problems
/// go to `diags`; the site is always returned so that one run reports all of them.
pub fn load(opts: &Options, diags: &mut Diagnostics) -> Site {
    load_with(opts, diags, &Silent)
}

/// `load`, telling `progress` of each stage.
pub fn load_with(opts: &Options, diags: &mut Diagnostics, progress: &dyn Progress) -> Site {
    let (config, sources) = read(opts, diags, progress);
    load_sources(config, sources, opts.drafts, diags, progress)
}

/// `load_with`, the site's theme loaded first so that `#fragment` links are checked against
/// the ids its pages have. The theme is `None` when it could not be loaded (reported).
pub fn load_themed(
    opts: &Options,
    diags: &mut Diagnostics,
    progress: &dyn Progress,
) -> (Site, Option<theme::Theme>) {
    let (config, sources) = read(opts, diags, progress);
    progress.stage("loading theme", 0);
    let theme = theme::load_in(&confine(opts), config.theme.as_deref(), diags);
    let ids = theme.as_ref().map_or(theme::default_ids(), |t| &t.ids);
    let site = load_sources_for(ids, config, sources, opts.drafts, diags, progress);
    (site, theme)
}

/// Reads site.yaml, with the run's moment (`opts.schedule`) set in it; `None` when it has
/// errors (reported).
pub fn read_config(opts: &Options, diags: &mut Diagnostics) -> Option<Config> {
    let mut config = config::load(&opts.root, opts.base_url.as_deref(), diags)?;
    config.schedule = opts.schedule;
    Some(config)
}

/// Reads site.yaml and finds the site's files.
fn read(
    opts: &Options,
    diags: &mut Diagnostics,
    progress: &dyn Progress,
) -> (Config, source::Sources) {
    let root = &opts.root;
    progress.stage("reading", 0);
    let config = read_config(opts, diags);
    let sources = source::discover(root, opts.output.as_deref(), diags);
    // With a broken site.yaml (already reported), content is still checked.
    (config.unwrap_or_else(Config::fallback), sources)
}

/// What `load` does once the files are read: parses, resolves, renders Markdown and
/// indexes `sources`, given in any order. Fuzz targets and property tests use it to build
/// sites held in memory.
pub fn load_sources(
    config: Config,
    sources: source::Sources,
    drafts: bool,
    diags: &mut Diagnostics,
    progress: &dyn Progress,
) -> Site {
    let ids = theme::default_ids();
    load_sources_for(ids, config, sources, drafts, diags, progress)
}

/// `load_sources` for a theme whose page templates write `ids`.
fn load_sources_for(
    ids: &ThemeIds,
    config: Config,
    sources: source::Sources,
    drafts: bool,
    diags: &mut Diagnostics,
    progress: &dyn Progress,
) -> Site {
    let source::Sources {
        markdown,
        statics,
        assets,
    } = sources;
    progress.stage("parsing", markdown.len());
    let parsed = parse_all(markdown, progress);
    // Sized once, as these are held to the end of the build: grown by pushes, the
    // briefings' list (over 800 bytes a briefing) was up to half empty.
    let count = |f: fn(&Parsed) -> bool| {
        parsed
            .iter()
            .filter(|(p, _)| p.as_ref().is_some_and(f))
            .count()
    };
    let mut briefings: Vec<Briefing> =
        Vec::with_capacity(count(|p| matches!(p, Parsed::Briefing(_))));
    let mut profiles: Vec<Profile> = Vec::with_capacity(count(|p| matches!(p, Parsed::Profile(_))));
    let mut registry: Vec<RegistrySource> = Vec::new();
    for (p, d) in parsed {
        diags.extend(d);
        match p {
            Some(Parsed::Briefing(b)) => briefings.push(*b),
            Some(Parsed::Profile(p)) => profiles.push(*p),
            Some(Parsed::Source(s)) => registry.push(*s),
            None => {}
        }
    }
    let input = Input {
        config,
        briefings,
        profiles,
        registry,
        statics,
        assets,
        drafts,
    };
    let (site, fragments) = assemble(ids, input, None, progress, diags);
    diags.extend(fragments);
    site
}

/// Parses every Markdown file, in parallel; each result comes with its own diagnostics.
pub fn parse_all(
    markdown: Vec<source::SourceFile>,
    progress: &dyn Progress,
) -> Vec<(Option<Parsed>, Diagnostics)> {
    // Each file's text is freed once parsed: the site's text is never held twice.
    markdown
        .into_par_iter()
        .map(|f| {
            let mut d = Diagnostics::new();
            let p = parse::parse_file(&f, &mut d);
            progress.advance();
            (p, d)
        })
        .collect()
}

/// What the stages after parsing start from.
pub struct Input {
    pub config: Config,
    pub briefings: Vec<Briefing>,
    pub profiles: Vec<Profile>,
    /// The sources of `content/sources/`, in any order.
    pub registry: Vec<RegistrySource>,
    pub statics: Vec<StaticFile>,
    pub assets: Vec<StaticFile>,
    pub drafts: bool,
}

/// Rendered Markdown bodies kept between rebuilds (by `serve` and `build --watch`), keyed by
/// file path. Entries stay valid while what links resolve against besides the briefings
/// stays the same ([`link_env`]); otherwise the whole cache is dropped. Bodies keep through
/// briefings that came, went or changed places in date order: the pages they link to are
/// renumbered ([`BodyCache::renumber`]), and those linking to one gone dropped. So do the
/// bodies whose entity links find the same entities after entities came, went or were
/// renamed ([`entity_link_keys`]); a body linking to one renamed or gone is rendered again.
#[derive(Default)]
pub struct BodyCache {
    env: u64,
    /// Per entity, in order: what its links are found and shown by ([`entity_link_keys`]),
    /// as the bodies of `entries` number them.
    entities: Vec<u64>,
    /// While bodies are rendered after the entities changed: per entity before, its index
    /// now (`None` for one gone or changed), to renumber the bodies kept.
    remap: Option<Vec<Option<EntityIdx>>>,
    /// Per briefing, in order: the hash of its title. Only a link to a briefing shows its
    /// title: a retitled briefing renders again the bodies that link to it, no other.
    titles: Vec<u64>,
    /// Per briefing, in order: its path. Links name briefings by their place in date order,
    /// which a new date changes.
    order: Vec<String>,
    /// Per briefing, in order: its slug, which links name it by and its address is made of.
    slugs: Vec<String>,
    entries: crate::hash::Map<String, CachedBody>,
    /// Picture headers read so far: bodies take their pictures' sizes from it, and the
    /// pictures of `image:` their names.
    pub images: crate::images::probe::Memo,
    /// Related briefings as last found: those of briefings no change reaches are kept.
    related: Option<index::Related>,
    /// The consistency findings of the last check, for an edit to find again only what it
    /// can change.
    findings: Option<Findings>,
    /// The whole site's consistency checks are left out of [`assemble`], for the owner to
    /// run with [`BodyCache::check_due`] once it has done what cannot wait (the preview
    /// serves the pages a browser waits for first: the checks only warn).
    pub defer_consistency: bool,
    /// An [`assemble`] left its checks to [`BodyCache::check_due`].
    consistency_due: bool,
    /// Briefings came or went since the bodies kept were rendered: debug builds render
    /// each again to check it.
    #[cfg(debug_assertions)]
    briefings_changed: bool,
    /// The bodies were read from the file a last run stored them in (`stored`): debug
    /// builds render each kept again to check it, the first time.
    #[cfg(debug_assertions)]
    restored: bool,
    /// Bodies the last [`assemble`] took from the cache rather than rendered.
    reused: std::sync::atomic::AtomicUsize,
}

/// One body in a [`BodyCache`].
#[derive(Clone)]
pub struct CachedBody {
    /// Hash of the Markdown and of where it sits (first line, content path, page depth).
    pub key: u64,
    pub body: markdown::Body,
    pub diags: Diagnostics,
    /// Hash of the rendered HTML, taken once here: incremental rebuilds fingerprint pages
    /// by what the body renders to, which can change while its Markdown does not.
    pub html_hash: u64,
    /// What the HTML says of changes of position, read the first time the consistency
    /// checks ask, as far as a build reads it: enough to answer whatever they ask later,
    /// so an edit elsewhere does not read this body again.
    cues: std::sync::OnceLock<crate::change_words::Cues>,
}

/// The HTML and outline of `cached` for the site's pages, its diagnostics into `diags`:
/// copies when `serve`'s cache keeps it too (`kept`), taken from it otherwise.
fn hand_over(
    cached: &mut CachedBody,
    kept: bool,
    diags: &mut Diagnostics,
) -> (String, markdown::Outline) {
    if kept {
        diags.extend(cached.diags.clone());
        (cached.body.html.clone(), cached.body.outline.clone())
    } else {
        diags.extend(std::mem::take(&mut cached.diags));
        let body = &mut cached.body;
        (
            std::mem::take(&mut body.html),
            std::mem::take(&mut body.outline),
        )
    }
}

impl CachedBody {
    /// This body with the entities it links to renumbered by `to` (per entity before, its
    /// index now), when each of its entity links still finds the same entity in `cx`: not
    /// when it links to an entity gone or changed, nor when it reports anything (a name it
    /// did not find may be known now).
    fn remapped(
        &self,
        to: &[Option<EntityIdx>],
        cx: &LinkContext<'_>,
        content_path: &str,
        depth: usize,
    ) -> Option<CachedBody> {
        if self.diags.iter().next().is_some() {
            return None;
        }
        let map = |e: EntityIdx| to.get(e.index()).copied().flatten();
        let body = &self.body;
        if (body.targets()).any(|t| matches!(t, Target::Entity(e) if map(*e).is_none())) {
            return None;
        }
        if !markdown::finds_again(cx, content_path, depth, &body.found, map) {
            return None;
        }
        let mut out = self.clone();
        let renumber = |t: &mut Target| {
            if let Target::Entity(e) = t {
                *e = map(*e).unwrap_or(*e);
            }
        };
        let body = &mut out.body;
        body.renumber_targets(renumber);
        for f in &mut body.found {
            f.entity = map(f.entity).unwrap_or(f.entity);
        }
        Some(out)
    }

    /// A rendered body and what it was rendered from.
    pub fn new(key: u64, body: markdown::Body, diags: Diagnostics) -> Self {
        let mut h = crate::hash::hasher();
        body.html.hash(&mut h);
        CachedBody {
            key,
            html_hash: h.finish(),
            body,
            diags,
            cues: std::sync::OnceLock::new(),
        }
    }
}

impl BodyCache {
    /// Forgets every body and what they were rendered against; keeps the picture headers
    /// read and how the consistency checks are run.
    pub fn forget(&mut self) {
        *self = BodyCache {
            images: std::mem::take(&mut self.images),
            defer_consistency: self.defer_consistency,
            ..BodyCache::default()
        };
    }

    /// How many bodies the last assembly took from the cache rather than rendered.
    pub fn reused(&self) -> usize {
        self.reused.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// The cached body of the file at `path`, if any.
    pub fn get(&self, path: &str) -> Option<&CachedBody> {
        self.entries.get(path)
    }

    /// Records the body of the file at `path`.
    pub fn insert(&mut self, path: String, body: CachedBody) {
        self.entries.insert(path, body);
    }

    /// The files whose body links to briefing `b` (the link shows its title) or points an
    /// image at it (written with its address), sorted.
    pub fn showing(&self, b: BriefingIdx) -> Vec<String> {
        let target = Target::Briefing(b);
        let mut out: Vec<String> = (self.entries.iter())
            .filter(|(_, c)| c.body.links.contains(&target) || c.body.pictured.contains(&target))
            .map(|(p, _)| p.clone())
            .collect();
        out.sort();
        out
    }

    /// The consistency checks of `site` into `diags`, each body's change cues taken from
    /// its cached body when that is the same HTML (read and kept there the first time),
    /// else read as a build reads them. Their findings are kept for
    /// [`BodyCache::recheck_consistency`].
    pub fn check_consistency(&mut self, site: &Site, diags: &mut Diagnostics) {
        let cues = |b, stop| self.cues(site, b, stop);
        let findings = Findings::of(&consistency::Input::of(site, &cues));
        diags.extend(findings.diagnostics());
        self.findings = Some(findings);
    }

    /// Whether the last [`assemble`] left its consistency checks out (see
    /// [`BodyCache::defer_consistency`]) and they have not run since.
    pub fn has_due(&self) -> bool {
        self.consistency_due
    }

    /// The consistency checks the last [`assemble`] left out into `diags`, if any.
    pub fn check_due(&mut self, site: &Site, diags: &mut Diagnostics) {
        if std::mem::take(&mut self.consistency_due) {
            self.check_consistency(site, diags);
        }
    }

    /// The consistency findings of `site` after an edit of briefing `b` alone, which
    /// resolved to `before` until then and left every body's links and cues as they were:
    /// found again only where the edit can change them, when the findings of the last
    /// check are kept.
    pub fn recheck_consistency(
        &mut self,
        site: &Site,
        b: BriefingIdx,
        before: &crate::resolve::Refs,
    ) -> Diagnostics {
        self.consistency_due = false;
        let Some(mut findings) = self.findings.take() else {
            let mut diags = Diagnostics::new();
            self.check_consistency(site, &mut diags);
            return diags;
        };
        let cues = |b, stop| self.cues(site, b, stop);
        findings.recheck(&consistency::Input::of(site, &cues), b, before);
        let diags = findings.diagnostics();
        self.findings = Some(findings);
        diags
    }

    /// What the body of briefing `b` says of changes (see [`consistency::read_cues`]),
    /// from its cached body when that is the same HTML.
    fn cues(&self, site: &Site, b: BriefingIdx, stop: Cues) -> Cues {
        let html = site.bodies[b].as_str();
        let path = site.resolved.briefings[b].path.as_str();
        let read = || consistency::read_text_cues(html, stop);
        match self.entries.get(path).filter(|c| c.body.html == html) {
            Some(c) => *c.cues.get_or_init(read),
            None => read(),
        }
    }

    /// Follows briefing `moved.from` to its place `moved.to` in date order, now under
    /// `slug`: the links of every body are renumbered, as [`assemble`] would, and the
    /// consistency findings with them (for [`BodyCache::recheck_consistency`] to find the
    /// moved briefing's again). Every body and the findings are dropped when the cache does
    /// not hold the site's briefings.
    pub fn moved(&mut self, moved: index::Move, slug: &str) {
        let n = self.order.len();
        if n <= moved.from.max(moved.to) || self.titles.len() != n || self.slugs.len() != n {
            self.entries.clear();
            self.titles.clear();
            self.findings = None;
            return;
        }
        if moved.from != moved.to {
            self.renumber_links(|t| moved.target(t));
            if let Some(f) = self.findings.as_mut() {
                f.renumber(|b| moved.briefing(b));
            }
            moved.apply(&mut self.order);
            moved.apply(&mut self.titles);
            moved.apply(&mut self.slugs);
        }
        self.slugs[moved.to] = slug.to_string();
    }

    /// Whether the cache follows the briefings of `r` (their order, slugs and titles) as
    /// an [`assemble`] leaves it: for debug checks.
    #[cfg(debug_assertions)]
    pub fn follows(&self, r: &crate::resolve::Resolved) -> bool {
        let b = || r.briefings.iter();
        self.order.iter().eq(b().map(|x| &x.path))
            && self
                .slugs
                .iter()
                .map(String::as_str)
                .eq(b().map(|x| x.slug.as_str()))
            && self
                .titles
                .iter()
                .copied()
                .eq(b().map(|x| crate::hash::of(&x.title)))
    }

    /// Whether every body both caches hold links to the same pages (with the same
    /// fragments and previews): for debug checks.
    #[cfg(debug_assertions)]
    pub fn same_links(&self, other: &BodyCache) -> bool {
        (self.entries.iter()).all(|(p, a)| {
            other.entries.get(p).is_none_or(|b| {
                let (a, b) = (&a.body, &b.body);
                a.links == b.links
                    && format!("{:?}", a.fragments) == format!("{:?}", b.fragments)
                    && a.outline.previews == b.outline.previews
                    && a.pictured == b.pictured
            })
        })
    }

    /// Whether any cached body has a diagnostic (a link to an unknown briefing, with the
    /// slug it may have meant, among them).
    pub fn any_diagnostics(&self) -> bool {
        (self.entries.values()).any(|c| c.diags.iter().next().is_some())
    }

    /// The related briefings as last found, taken out to find them again.
    pub fn take_related(&mut self) -> Option<index::Related> {
        self.related.take()
    }

    /// Keeps `related` as the related briefings last found.
    pub fn keep_related(&mut self, related: index::Related) {
        self.related = Some(related);
    }

    /// Renumbers the briefings every cached body links to, and their titles and slugs, for
    /// the briefings now in `order` (by path). When briefings came or went, the bodies that
    /// link to one gone are dropped, and so is every body with a diagnostic (a link that
    /// found nothing may find a new briefing); the rest link to the same pages as before: a
    /// body's links resolve by path and slug, and the new briefings' slugs are checked by
    /// [`BodyCache::relink`] as new ones (their titles and slugs are left blank here).
    fn renumber(&mut self, order: &[&str]) {
        let n = self.order.len();
        if self.titles.len() != n || self.slugs.len() != n {
            self.entries.clear();
            self.titles.clear();
            self.slugs.clear();
            return;
        }
        let now: crate::hash::Map<&str, BriefingIdx> = (order.iter().enumerate())
            .map(|(i, p)| (*p, BriefingIdx::from_index(i)))
            .collect();
        let moved: Vec<Option<BriefingIdx>> = (self.order.iter())
            .map(|p| now.get(p.as_str()).copied())
            .collect();
        let kept = moved.iter().flatten().count();
        if kept != n || n != order.len() {
            #[cfg(debug_assertions)]
            {
                self.briefings_changed = true;
            }
            let gone = |t: &Target| matches!(t, Target::Briefing(b) if moved[b.index()].is_none());
            let gone_paths: std::collections::HashSet<&str> = (self.order.iter().zip(&moved))
                .filter(|(_, at)| at.is_none())
                .map(|(p, _)| p.as_str())
                .collect();
            self.entries.retain(|path, e| {
                !gone_paths.contains(path.as_str())
                    && e.diags.iter().next().is_none()
                    && !e.body.targets().any(gone)
            });
        }
        self.renumber_links(|t| {
            if let Target::Briefing(b) = t
                && let Some(at) = moved[b.index()]
            {
                *b = at;
            }
        });
        let mut titles = vec![0; order.len()];
        let mut slugs = vec![String::new(); order.len()];
        for (old, at) in moved.iter().enumerate() {
            if let Some(at) = at {
                titles[at.index()] = self.titles[old];
                slugs[at.index()] = std::mem::take(&mut self.slugs[old]);
            }
        }
        self.titles = titles;
        self.slugs = slugs;
    }

    /// Renumbers by `to` the pages every cached body links to, links to a fragment of and
    /// previews.
    fn renumber_links(&mut self, to: impl Fn(&mut Target)) {
        for c in self.entries.values_mut() {
            c.body.renumber_targets(&to);
        }
    }

    /// Drops the bodies that show a briefing whose title changed (now `titles`, by hash) or
    /// that link by a slug that changed (now `slugs`): a body showing a briefing whose slug
    /// was or became one of those, or any body with a diagnostic (an unknown slug may now be
    /// known, and a suggestion for one may change).
    fn relink(&mut self, titles: &[u64], slugs: &[&str]) {
        if self.titles.len() != titles.len() || self.slugs.len() != slugs.len() {
            self.entries.clear();
            return;
        }
        let retitled = (self.titles.iter().zip(titles)).map(|(a, b)| a != b);
        let mut renamed: std::collections::HashSet<&str> = std::collections::HashSet::new();
        for (a, b) in self.slugs.iter().zip(slugs) {
            if a != b {
                renamed.insert(a);
                renamed.insert(b);
            }
        }
        let stale: std::collections::HashSet<BriefingIdx> = (retitled.zip(slugs))
            .enumerate()
            .filter(|(_, (retitled, slug))| *retitled || renamed.contains(*slug))
            .map(|(i, _)| BriefingIdx::from_index(i))
            .collect();
        let shows = |t: &Target| matches!(t, Target::Briefing(b) if stale.contains(b));
        let relinked = !renamed.is_empty();
        self.entries.retain(|_, e| {
            !(e.body.targets().any(shows) || (relinked && e.diags.iter().next().is_some()))
        });
    }

    /// Records that briefing `b` is now titled `title`, the bodies showing it rendered again.
    pub fn retitle(&mut self, b: BriefingIdx, title: &str) {
        if let Some(t) = self.titles.get_mut(b.index()) {
            *t = crate::hash::of(&title);
        }
    }
}

/// The hash a [`CachedBody`] is stored under.
pub fn body_key(b: &BodyRef<'_>, depth: usize) -> u64 {
    let mut h = crate::hash::hasher();
    (b.text, b.first_line, b.removed, b.content_path, depth).hash(&mut h);
    b.estimative
        .map(crate::estimative::Lexicon::key)
        .hash(&mut h);
    h.finish()
}

/// One body to render: its text, where it sits in its file and what was removed from it.
pub struct BodyRef<'a> {
    /// The Markdown, control characters removed.
    pub text: &'a str,
    /// File line of its first line.
    pub first_line: u32,
    /// Where control characters were removed (file line, column of the cleaned text).
    pub removed: &'a [(u32, u32)],
    /// The file, relative to the site root.
    pub path: &'a str,
    /// The file, relative to `content/`.
    pub content_path: &'a str,
    /// The words of likelihood to warn about (a briefing of low confidence), if any.
    pub estimative: Option<&'a crate::estimative::Lexicon>,
}

impl Briefing {
    /// This briefing's body, to render.
    pub fn body_ref(&self) -> BodyRef<'_> {
        BodyRef {
            text: &self.body,
            first_line: self.body_line,
            removed: &self.body_removed,
            path: &self.path,
            content_path: &self.content_path,
            estimative: None,
        }
    }

    /// This briefing's body, checked for words of likelihood its confidence does not bear
    /// under the site's `estimative` settings.
    pub fn checked_body_ref<'a>(&'a self, config: &'a Config) -> BodyRef<'a> {
        BodyRef {
            estimative: config
                .estimative
                .for_body(&config.language, self.confidence),
            ..self.body_ref()
        }
    }
}

impl Briefing {
    /// `text` as this briefing's body (taken out of it), to render.
    pub fn body_ref_to<'a>(&'a self, text: &'a str, config: &'a Config) -> BodyRef<'a> {
        BodyRef {
            text,
            ..self.checked_body_ref(config)
        }
    }
}

impl Profile {
    /// This profile's body, to render.
    pub fn body_ref(&self) -> BodyRef<'_> {
        BodyRef {
            text: &self.body,
            first_line: self.body_line,
            removed: &self.body_removed,
            path: &self.path,
            content_path: &self.content_path,
            estimative: None,
        }
    }
}

impl BodyRef<'_> {
    /// Renders the body: its HTML and links, and its diagnostics at the file's columns.
    pub fn render(&self, depth: usize, cx: &LinkContext<'_>) -> (markdown::Body, Diagnostics) {
        let mut diags = Diagnostics::new();
        let mut body = markdown::render(
            self.text,
            self.first_line,
            self.path,
            self.content_path,
            depth,
            cx,
            &mut diags,
        );
        if let Some(words) = self.estimative {
            crate::estimative::check_body(self.text, self.first_line, self.path, words, &mut diags);
        }
        if !self.removed.is_empty() {
            diags.to_file_columns(self.removed);
            // Fragment links are checked later, once every page's ids are known.
            for (_, _, span) in &mut body.fragments {
                *span = crate::diagnostic::in_file(self.removed, *span);
            }
        }
        (body, diags)
    }
}

/// Everything a body link can resolve against but the briefings (their paths, titles, slugs
/// and order) and entities: drafts and withheld briefings; files beside the content and the
/// sizes of the pictures among them; and whether raw HTML is sanitized.
pub fn link_env(
    r: &Resolved,
    assets: &[StaticFile],
    sizes: &std::collections::HashMap<String, (u32, u32)>,
    safe_html: bool,
) -> u64 {
    let mut h = crate::hash::hasher();
    safe_html.hash(&mut h);
    // Not the briefings: a briefing that came, went or moved renumbers the links to the
    // others ([`BodyCache::renumber`]), and renders again only the bodies that linked to
    // one gone or reported anything. Nor slugs: a new slug renders again the bodies it
    // concerns ([`BodyCache::relink`]).
    let mut drafts: Vec<_> = r.drafts.iter().collect();
    drafts.sort();
    drafts.hash(&mut h);
    let mut withheld: Vec<_> = r.withheld.iter().map(|(p, (s, _, w))| (p, s, w)).collect();
    withheld.sort();
    withheld.hash(&mut h);
    for a in assets {
        (&a.output_path, sizes.get(&a.output_path)).hash(&mut h);
    }
    h.finish()
}

/// Per entity, what links to it are found and shown by: its id, name and aliases, its
/// profile's path and the ids it had before.
fn entity_link_keys(r: &Resolved) -> Vec<u64> {
    (r.entities.iter())
        .map(|e| {
            let mut h = crate::hash::hasher();
            (&e.id, &e.name, &e.aliases).hash(&mut h);
            e.profile.as_ref().map(|p| &p.content_path).hash(&mut h);
            (e.profile.iter().flat_map(|p| p.old_ids())).for_each(|o| o.hash(&mut h));
            h.finish()
        })
        .collect()
}

/// Per entity of `before` (by [`entity_link_keys`]), its index in `now`, if it is there.
fn remap(before: &[u64], now: &[u64]) -> Vec<Option<EntityIdx>> {
    let at: crate::hash::Map<u64, EntityIdx> = (now.iter().enumerate())
        .map(|(i, k)| (*k, EntityIdx::from_index(i)))
        .collect();
    before.iter().map(|k| at.get(k).copied()).collect()
}

/// Debug builds: checks that `kept`, a body kept across `change`, is what rendering it
/// again makes (its HTML and every page it names or previews).
#[cfg(debug_assertions)]
fn check_kept(
    b: &BodyRef<'_>,
    depth: usize,
    cx: &LinkContext<'_>,
    kept: &CachedBody,
    change: &str,
) {
    let (fresh, _) = b.render(depth, cx);
    let kept = &kept.body;
    debug_assert!(
        fresh.html == kept.html
            && fresh.links == kept.links
            && fresh.outline.previews == kept.outline.previews
            && fresh.found == kept.found
            && fresh.pictured == kept.pictured,
        "{}: a body kept across {change} differs from its render",
        b.path
    );
}

fn render_body(
    cache: Option<&BodyCache>,
    b: BodyRef<'_>,
    depth: usize,
    cx: &LinkContext<'_>,
) -> CachedBody {
    let key = body_key(&b, depth);
    if let Some((hit, c)) = cache
        .and_then(|c| Some((c.entries.get(b.path)?, c)))
        .filter(|(hit, _)| hit.key == key)
    {
        let Some(to) = &c.remap else {
            #[cfg(debug_assertions)]
            if c.briefings_changed {
                check_kept(&b, depth, cx, hit, "briefings that came or went");
            } else if c.restored {
                check_kept(&b, depth, cx, hit, "a restart");
            }
            c.reused.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            return hit.clone();
        };
        if let Some(kept) = hit.remapped(to, cx, b.content_path, depth) {
            #[cfg(debug_assertions)]
            check_kept(&b, depth, cx, &kept, "new entities");
            c.reused.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            return kept;
        }
    }
    let (body, diags) = b.render(depth, cx);
    CachedBody::new(key, body, diags)
}

/// Resolves, renders Markdown and indexes parsed files into a site. Returns the site and
/// the fragment warnings (kept apart so that an incremental rebuild can replace them),
/// checked against the section ids the theme's page templates write (`ids`).
/// With a cache, bodies whose text and link environment did not change are not rendered
/// again, and the cache is refreshed.
pub fn assemble(
    ids: &ThemeIds,
    mut input: Input,
    cache: Option<&mut BodyCache>,
    progress: &dyn Progress,
    diags: &mut Diagnostics,
) -> (Site, Diagnostics) {
    if !input.config.multilingual() {
        crate::languages::check_single(
            &input.config,
            &mut input.briefings,
            &mut input.profiles,
            diags,
        );
        return assemble_one(ids, input, cache, progress, diags);
    }
    assemble_languages(ids, input, cache, progress, diags)
}

/// [`assemble`] for a multilingual site: one site per language, the first (the site's
/// language) holding the others. Files every tree shares (profiles, sources) are reported
/// once, from the first tree.
fn assemble_languages(
    ids: &ThemeIds,
    input: Input,
    mut cache: Option<&mut BodyCache>,
    progress: &dyn Progress,
    diags: &mut Diagnostics,
) -> (Site, Diagnostics) {
    let Input {
        config,
        briefings,
        profiles,
        registry,
        statics,
        assets,
        drafts,
    } = input;
    let (parts, groups) = crate::languages::split(&config, briefings, profiles, diags);
    let mut sites: Vec<Site> = Vec::new();
    let mut fragments = Diagnostics::new();
    for (i, part) in parts.into_iter().enumerate() {
        let config = if i == 0 {
            config.clone()
        } else {
            config.for_language(&part.lang, diags)
        };
        let input = Input {
            config,
            briefings: part.briefings,
            profiles: part.profiles,
            registry: registry.clone(),
            statics: statics.clone(),
            assets: assets.clone(),
            drafts,
        };
        let mut d = Diagnostics::new();
        // Bodies of one tree are kept between rebuilds: the trees' link environments
        // differ, and sharing the cache would empty it at every tree.
        let c = if i == 0 { cache.as_deref_mut() } else { None };
        let (site, f) = assemble_one(ids, input, c, progress, &mut d);
        if i == 0 {
            diags.extend(d);
            fragments.extend(f);
        } else {
            let own = |d: &crate::diagnostic::Diagnostic| part.own_files.contains(&d.path);
            let (mut d, mut f) = (d, f);
            d.retain(own);
            f.retain(own);
            diags.extend(d);
            fragments.extend(f);
        }
        sites.push(site);
    }
    let trees = std::sync::Arc::new(render::translations::trees(&sites, &groups));
    let mut first = sites.remove(0);
    for (i, s) in sites.iter_mut().enumerate() {
        s.tree = i + 1;
        s.trees = Some(trees.clone());
    }
    first.trees = Some(trees);
    first.others = sites;
    (first, fragments)
}

/// [`assemble`] for one language.
fn assemble_one(
    ids: &ThemeIds,
    input: Input,
    mut cache: Option<&mut BodyCache>,
    progress: &dyn Progress,
    diags: &mut Diagnostics,
) -> (Site, Diagnostics) {
    let Input {
        config,
        mut briefings,
        profiles,
        mut registry,
        statics,
        mut assets,
        drafts,
    } = input;
    progress.stage("resolving", 0);
    registry.sort_by(|a, b| a.id.cmp(&b.id));
    crate::evidence::apply(&mut briefings, &mut registry, &config.grades, diags);
    let clock = resolve::Clock {
        schedule: config.schedule,
        zone: config.zone(),
    };
    let settings = resolve::Settings {
        accepted: Some(&config.stubs),
        default_author: config.default_author.as_ref(),
    };
    let mut resolved = resolve::resolve_with(briefings, profiles, drafts, &clock, &settings, diags);
    crate::dated::check_voices(
        &resolved.briefings,
        &resolved.refs,
        &resolved.entities,
        diags,
    );
    if config.estimative.check {
        for b in &resolved.briefings {
            crate::estimative::check_judgments(&b.judgments, b.confidence, &b.path, diags);
        }
    }
    progress.stage("picture headers", 0);
    let fresh = crate::images::probe::Memo::default();
    let memo = cache.as_deref().map_or(&fresh, |c| &c.images);
    let files = crate::images::Files {
        statics: &statics,
        assets: &assets,
    };
    let images = crate::images::find(&resolved, &files, memo, diags);
    // Rendered bodies replace the Markdown sources from here on; each is freed once
    // rendered, so the site's text is never held twice.
    let texts: Vec<(usize, std::sync::Arc<str>)> = resolved
        .briefings
        .iter_mut()
        .map(|b| std::mem::take(&mut b.body))
        .enumerate()
        .collect();
    let names = resolved.link_names();
    let asset_paths = assets.iter().map(|a| a.output_path.clone()).collect();
    let cx = LinkContext::new(&resolved, &names, asset_paths, config.safe_html)
        .with_sizes(images.sizes.clone())
        .with_words(body_words(&config));
    let mut entities_now = None;
    if let Some(c) = cache.as_deref_mut() {
        let env = link_env(&resolved, &assets, &images.sizes, config.safe_html)
            ^ crate::hash::of(&cx.words);
        let titles: Vec<u64> = resolved
            .briefings
            .iter()
            .map(|b| crate::hash::of(&b.title))
            .collect();
        let slugs: Vec<&str> = resolved.briefings.iter().map(|b| b.slug.as_str()).collect();
        let order: Vec<&str> = resolved.briefings.iter().map(|b| b.path.as_str()).collect();
        let reordered = c.order != order;
        let entities = entity_link_keys(&resolved);
        c.remap = None;
        #[cfg(debug_assertions)]
        {
            c.briefings_changed = false;
        }
        let same = c.env == env;
        if !same {
            c.entries.clear();
            c.env = env;
        } else if c.entities != entities {
            // Entities came, went or changed: the bodies kept are renumbered as rendered.
            c.remap = Some(remap(&c.entities, &entities));
        }
        // Recorded once the bodies are renumbered, below: a rebuild that stopped before
        // (a panic the preview survives) finds the entities changed again.
        entities_now = Some(entities);
        if same && reordered {
            // Other briefings, or the same in another order.
            c.renumber(&order);
        }
        let renamed = c.slugs != slugs;
        if renamed || c.titles != titles {
            c.relink(&titles, &slugs);
        }
        c.titles = titles;
        if renamed {
            c.slugs = slugs.into_iter().map(str::to_string).collect();
        }
        if reordered {
            c.order = order.into_iter().map(str::to_string).collect();
        }
    }
    if let Some(c) = cache.as_deref_mut() {
        *c.reused.get_mut() = 0;
    }
    let reuse = cache.as_deref();
    progress.stage(
        "rendering Markdown",
        resolved.briefings.len() + resolved.entities.len(),
    );
    let bodies: IdVec<BriefingIdx, CachedBody> = IdVec::from_vec(big_ones_alone_owned(
        texts,
        |(_, text)| text.len() > BIG_BODY,
        |(i, text)| {
            let b = &resolved.briefings[BriefingIdx::from_index(i)];
            let depth = urls::depth(&urls::briefing(&b.slug));
            let body = render_body(reuse, b.body_ref_to(&text, &config), depth, &cx);
            progress.advance();
            body
        },
    ));
    let profile_bodies: IdVec<EntityIdx, CachedBody> = IdVec::from_vec(big_ones_alone(
        resolved.entities.as_slice(),
        |e| e.profile.as_ref().is_some_and(|p| p.body.len() > BIG_BODY),
        |e| match &e.profile {
            Some(p) => {
                let depth = urls::depth(&urls::entity(&e.id));
                render_body(reuse, p.body_ref(), depth, &cx)
            }
            None => CachedBody::new(0, markdown::Body::default(), Diagnostics::new()),
        },
    ));
    // A chart beside an embargoed briefing would give it away: files only withheld
    // briefings use are left out with them.
    let held: std::collections::BTreeSet<String> = (resolved.held_files.iter().cloned())
        .chain(
            (resolved.held_bodies.iter()).flat_map(|(at, body)| markdown::files_linked(body, at)),
        )
        .collect();
    if !held.is_empty() {
        let pictures =
            (images.locals().into_iter()).filter_map(|l| l.shown.strip_prefix("content/"));
        let used: std::collections::HashSet<&str> = (bodies.iter().map(|b| &b.body))
            .chain(profile_bodies.iter().map(|b| &b.body))
            .flat_map(|b| b.files.iter().map(String::as_str))
            .chain(pictures)
            .collect();
        assets.retain(|a| !held.contains(&a.output_path) || used.contains(a.output_path.as_str()));
    }
    let links: Vec<&[Target]> = bodies.iter().map(|b| b.body.links.as_slice()).collect();
    progress.stage("indexing", 0);
    let index = match cache.as_deref_mut() {
        Some(c) => {
            #[cfg(debug_assertions)]
            {
                c.restored = false;
            }
            let index = index::build_reusing(&resolved, &links, c.related.take());
            c.related = Some(index::Related::of(&resolved, &index));
            index
        }
        None => index::build(&resolved, &links),
    };
    let mut fragments = Diagnostics::new();
    check_fragments(
        ids,
        &resolved,
        &index,
        |i| &bodies[i].body,
        |i| &profile_bodies[i].body,
        None,
        &mut fragments,
    );
    drop(cx);
    // The bodies are handed over on every core (with a cache, each is copied: the site and
    // the cache both keep it), their diagnostics and the cache filled in order after.
    let kept = cache.is_some();
    let mut bodies = bodies;
    let handed: Vec<(String, markdown::Outline, Diagnostics)> = (bodies.as_mut_slice())
        .par_iter_mut()
        .map(|cached| {
            let mut d = Diagnostics::new();
            let (html, outline) = hand_over(cached, kept, &mut d);
            (html, outline, d)
        })
        .collect();
    let mut body_html = Vec::with_capacity(bodies.len());
    let mut outlines = Vec::with_capacity(bodies.len());
    for (html, outline, d) in handed {
        diags.extend(d);
        body_html.push(html);
        outlines.push(outline);
    }
    if let Some(c) = cache.as_deref_mut() {
        if c.remap.take().is_some() {
            // Bodies of files gone (a profile deleted) are in the numbering of before.
            let now: std::collections::HashSet<&str> = (resolved.briefings.iter())
                .map(|b| b.path.as_str())
                .chain(
                    (resolved.entities.iter())
                        .filter_map(|e| Some(e.profile.as_ref()?.path.as_str())),
                )
                .collect();
            c.entries.retain(|p, _| now.contains(p.as_str()));
        }
        for (b, cached) in resolved.briefings.iter().zip(bodies) {
            c.entries.insert(b.path.clone(), cached);
        }
    }
    let mut profile_html = Vec::with_capacity(profile_bodies.len());
    let mut profile_outlines = Vec::with_capacity(profile_bodies.len());
    for (e, mut cached) in resolved.entities.iter().zip(profile_bodies) {
        let keep = cache.as_deref_mut().zip(e.profile.as_ref());
        let (html, outline) = hand_over(&mut cached, keep.is_some(), diags);
        profile_html.push(html);
        profile_outlines.push(outline);
        if let Some((c, p)) = keep {
            c.entries.insert(p.path.clone(), cached);
        }
    }
    if let (Some(c), Some(entities)) = (cache.as_deref_mut(), entities_now) {
        c.entities = entities;
    }
    let site = Site {
        config,
        resolved,
        bodies: IdVec::from_vec(body_html),
        profile_bodies: IdVec::from_vec(profile_html),
        outlines: IdVec::from_vec(outlines),
        profile_outlines: IdVec::from_vec(profile_outlines),
        index,
        statics,
        assets,
        images,
        registry,
        tree: 0,
        trees: None,
        others: Vec::new(),
    };
    // Old addresses are checked against every page the site has, so once it is whole.
    diags.extend(render::redirects::table(&site).1);
    match cache {
        Some(c) if c.defer_consistency => {
            // Findings of another site would be rechecked as this one's.
            c.findings = None;
            c.consistency_due = true;
        }
        Some(c) => {
            progress.stage("consistency", 0);
            c.check_consistency(&site, diags);
        }
        None => {
            progress.stage("consistency", 0);
            consistency::check_site(&site, diags);
        }
    }
    (site, fragments)
}

/// The words bodies write of their own in the site's language.
pub fn body_words(config: &Config) -> markdown::BodyWords {
    let t = |id| config.i18n.text(id);
    markdown::BodyWords::new(
        t("body_footnote_back"),
        t("body_task_done"),
        t("body_task_not_done"),
    )
}

/// Warns about `#fragment` links to ids their page lacks, in every briefing and profile
/// body (`briefing(i)` and `profile(i)` give the rendered bodies by index), or only in
/// briefing `only`; pages as the theme whose page templates write `theme_ids` renders them.
pub fn check_fragments<'b>(
    theme_ids: &ThemeIds,
    resolved: &Resolved,
    index: &Index,
    briefing: impl Fn(BriefingIdx) -> &'b markdown::Body,
    profile: impl Fn(EntityIdx) -> &'b markdown::Body,
    only: Option<BriefingIdx>,
    diags: &mut Diagnostics,
) {
    let has = |t: Target, frag: &str| {
        let ids = match t {
            Target::Briefing(b) => &briefing(b).ids,
            Target::Entity(e) => &profile(e).ids,
        };
        ids.iter().any(|i| i == frag) || theme::has_section_id(theme_ids, resolved, index, t, frag)
    };
    if let Some(b) = only {
        let this = Target::Briefing(b);
        markdown::check_fragments(briefing(b), this, &resolved.briefings[b].path, has, diags);
        return;
    }
    for (b, briefing_) in resolved.briefings.iter_ids() {
        let this = Target::Briefing(b);
        markdown::check_fragments(briefing(b), this, &briefing_.path, has, diags);
    }
    for (i, e) in resolved.entities.iter_ids() {
        if let Some(p) = &e.profile {
            let this = Target::Entity(i);
            markdown::check_fragments(profile(i), this, &p.path, has, diags);
        }
    }
}

/// The number of HTML pages the site has.
fn page_count(site: &Site) -> usize {
    render::page_count(site)
}

fn finish(diags: Diagnostics, written: usize, pages: usize, start: Instant) -> Report {
    let diagnostics = diags.sorted();
    let count = |s| diagnostics.iter().filter(|d| d.severity == s).count();
    use crate::diagnostic::Severity;
    let (errors, warnings, hints) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Hint),
    );
    Report {
        diagnostics,
        errors,
        warnings,
        hints,
        written,
        pages,
        elapsed: start.elapsed(),
        bytes: 0,
        write_time: std::time::Duration::ZERO,
        next_embargo: None,
        cards_drawn: 0,
        cards_reused: 0,
        images_processed: 0,
        images_reused: 0,
    }
}

/// The bounds of the site `opts` builds: where symlinks may lead.
pub fn confine(opts: &Options) -> crate::confine::Confine {
    crate::confine::Confine::new(&opts.root, opts.output.as_deref())
}

/// The output folder `opts` asks for.
pub fn output_dir(opts: &Options) -> PathBuf {
    opts.output
        .clone()
        .unwrap_or_else(|| opts.root.join("output"))
}

/// Refuses to run on a root that is not a Dossier site, or with a bad `--base-url`.
pub fn preflight(opts: &Options) -> Result<(), Fatal> {
    if !opts.root.is_dir() {
        return Err(Fatal::NoRoot(opts.root.clone()));
    }
    if !opts.root.join("site.yaml").is_file() {
        return Err(Fatal::NotASite(opts.root.clone()));
    }
    if let Some(b) = &opts.base_url {
        crate::urls::check_base(b).map_err(Fatal::BadBaseUrl)?;
    }
    Ok(())
}

/// `dossier build`: everything, written atomically; the old output stays on any error.
pub fn build(opts: &Options) -> Result<Report, Fatal> {
    build_with(opts, &Silent)
}

/// `build`, telling `progress` of each stage.
pub fn build_with(opts: &Options, progress: &dyn Progress) -> Result<Report, Fatal> {
    let start = Instant::now();
    preflight(opts)?;
    let out = output_dir(opts);
    output::check_safe(&opts.root, &out)?;
    output::recover(&out);
    let mut diags = Diagnostics::new();
    let (mut site, theme) = load_themed(opts, &mut diags, progress);
    let Some(theme) = theme else {
        return Ok(finish(diags, 0, 0, start));
    };
    if diags.has_errors() {
        // Render anyway to report template errors with the content errors, but write nothing.
        render::render_site(&site, &theme, &output::Discard, &mut diags);
        for other in &site.others {
            render::render_site(other, &theme, &output::Discard, &mut diags);
        }
        return Ok(finish(diags, 0, 0, start));
    }
    output::check_replaceable(&opts.root, &out)?;
    let staging = Staging::new(&out)?;
    // Planned once: counting and rendering read the same list.
    progress.stage("planning pages", 0);
    let plan = render::plan(&site);
    let pages = plan.iter().filter(|p| !p.is_feed()).count();
    progress.stage("rendering and writing", plan.len());
    let sink = Measured::new(&staging, progress);
    let written = if render::hosting::one_at_a_time(&site) {
        let written = render::render_pages(&site, &theme, &plan, &sink, &mut diags);
        drop(plan);
        // Pages are written: their outlines (tables of contents, previews) are not read
        // again, and freeing them lowers the peak of the generated files that follow.
        site.outlines = IdVec::default();
        site.profile_outlines = IdVec::default();
        written + render::hosting::write_files(&site, &theme, &sink, &mut diags)
    } else {
        let mut files_diags = Diagnostics::new();
        let (files, (pages_written, pages_diags)) =
            render::hosting::write_files_beside(&site, &theme, &sink, &mut files_diags, || {
                let mut d = Diagnostics::new();
                (render::render_pages(&site, &theme, &plan, &sink, &mut d), d)
            });
        // In the order a build that renders the pages first reports them.
        diags.extend(pages_diags);
        diags.extend(files_diags);
        pages_written + files
    };
    let cache = crate::card_cache::CardCache::of_site(&opts.root);
    progress.stage("social cards", 0);
    let mut cards = write_cards(&site, &cache, &sink, &mut diags);
    let written = written + cards.drawn + cards.reused;
    let image_cache = crate::image_cache::ImageCache::of_site(&opts.root);
    progress.stage("pictures", 0);
    let mut images = write_images(&site, &image_cache, &sink, &mut diags);
    let mut written = written + images.paths.len();
    let mut pages = pages;
    // Each other language's tree is a whole site of its own under `/<lang>/`.
    for other in &site.others {
        let dir = format!("{}/", other.config.language.to_ascii_lowercase());
        progress.stage("another language", 0);
        let under = render::translations::Under {
            inner: &sink,
            dir: &dir,
        };
        let plan = render::plan(other);
        pages += plan.iter().filter(|p| !p.is_feed()).count();
        written += render::render_pages(other, &theme, &plan, &under, &mut diags);
        written += render::hosting::write_files(other, &theme, &under, &mut diags);
        let c = write_cards(other, &cache, &under, &mut diags);
        written += c.drawn + c.reused;
        (cards.drawn, cards.reused) = (cards.drawn + c.drawn, cards.reused + c.reused);
        cards.hashes.extend(c.hashes);
        let i = write_images(other, &image_cache, &under, &mut diags);
        written += i.paths.len();
        (images.processed, images.reused) =
            (images.processed + i.processed, images.reused + i.reused);
        images.paths.extend(i.paths);
    }
    let (bytes, nanos) = (sink.bytes.into_inner(), sink.nanos.into_inner());
    // A full or read-only output location: one error for the folder, not one per file.
    if let Some(e) = staging.failure() {
        return Err(e.into());
    }
    if diags.has_errors() {
        drop(staging);
        return Ok(finish(diags, 0, 0, start));
    }
    progress.stage("committing", 0);
    staging.commit()?;
    // Only a good build forgets the cards it no longer uses.
    if site.config.social_cards {
        cache.prune(&cards.hashes);
    }
    image_cache.prune(&images.paths);
    let mut report = finish(diags, written, pages, start);
    report.cards_drawn = cards.drawn;
    report.cards_reused = cards.reused;
    report.images_processed = images.processed;
    report.images_reused = images.reused;
    report.bytes = bytes;
    report.write_time = std::time::Duration::from_nanos(nanos);
    Ok(report)
}

/// Writes the site's social cards into `sink`, each from `cache` or drawn (and then kept
/// in `cache` at once: a card is named by what it draws, so it is good whatever the rest
/// of the build does). A cached card is linked into the output where the sink can, so a
/// build that redraws nothing does not copy hundreds of megabytes.
pub fn write_cards(
    site: &Site,
    cache: &crate::card_cache::CardCache,
    sink: &dyn output::Sink,
    diags: &mut Diagnostics,
) -> render::cards::Drawn {
    let failed = std::sync::Mutex::new(Vec::new());
    let cached = |hash: &str| {
        let linked = cache
            .path_of(hash)
            .is_some_and(|from| sink.link(&format!("cards/{hash}.png"), &from));
        if linked {
            Some(render::cards::Cached::Placed)
        } else {
            cache.read(hash).map(render::cards::Cached::Bytes)
        }
    };
    let done = render::cards::each(site, &cached, &|hash, bytes, drawn| {
        let path = format!("cards/{hash}.png");
        if let Err(e) = sink.write(&path, bytes) {
            failed
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push((path, format!("cannot write output: {e}")));
        }
        if drawn {
            cache.store(hash, bytes);
        }
    });
    for (path, e) in failed.into_inner().unwrap_or_else(|e| e.into_inner()) {
        diags.error(Code::Output, &path, crate::diagnostic::Span::FILE, e);
    }
    for (hash, why) in &done.failed {
        let path = format!("cards/{hash}.png");
        diags.error(
            Code::CardNotDrawn,
            &path,
            crate::diagnostic::Span::FILE,
            format!("social card cannot be drawn: {why}"),
        );
    }
    done
}

/// Writes the files of the site's pictures into `sink`, each picture's from `cache` (linked
/// where the sink can) or made (and then kept in `cache` at once: files are named by the
/// picture's bytes, so they are good whatever the rest of the build does). A picture that
/// does not decode is an error at the `image:` that names it.
pub fn write_images(
    site: &Site,
    cache: &crate::image_cache::ImageCache,
    sink: &dyn output::Sink,
    diags: &mut Diagnostics,
) -> crate::images::made::Made {
    use crate::images::made::Cached;
    let failed = std::sync::Mutex::new(Vec::new());
    // As cards are: linked from the cache where the sink can, read and written otherwise.
    let cached = |path: &str| match cache.path_of(path) {
        Some(from) if sink.link(path, &from) => Some(Cached::Placed),
        _ => cache.read(path).map(Cached::Bytes),
    };
    let done = crate::images::made::each(&site.images, &cached, &|path, bytes, made| {
        if let Err(e) = sink.write(path, bytes) {
            failed
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push((path.to_string(), format!("cannot write output: {e}")));
        }
        if made {
            cache.store(path, bytes);
        }
    });
    for (path, e) in failed.into_inner().unwrap_or_else(|e| e.into_inner()) {
        diags.error(Code::Output, &path, crate::diagnostic::Span::FILE, e);
    }
    crate::images::made::report(&done.failed, diags);
    done
}

/// `dossier check`: the same pipeline, rendering to nowhere.
pub fn check(opts: &Options) -> Result<Report, Fatal> {
    check_with(opts, &Silent)
}

/// `check`, telling `progress` of each stage.
pub fn check_with(opts: &Options, progress: &dyn Progress) -> Result<Report, Fatal> {
    let start = Instant::now();
    preflight(opts)?;
    let mut diags = Diagnostics::new();
    let (site, theme) = load_themed(opts, &mut diags, progress);
    let pages = page_count(&site);
    if let Some(theme) = theme {
        progress.stage("rendering", render::file_count(&site));
        let sink = Measured::new(&output::Discard, progress);
        render::render_site(&site, &theme, &sink, &mut diags);
        for other in &site.others {
            render::render_site(other, &theme, &output::Discard, &mut diags);
        }
    }
    let pages = pages + site.others.iter().map(page_count).sum::<usize>();
    let mut report = finish(diags, 0, pages, start);
    report.next_embargo = site.resolved.next_embargo.as_ref().map(|(t, path)| {
        let shown = crate::schedule::shown(*t, &site.config.zone());
        format!("{shown}: {}", crate::printable::escape(path))
    });
    Ok(report)
}
