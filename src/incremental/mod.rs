//! Incremental rebuilds for `serve` and `build --watch`. The parsed site stays in memory;
//! each change re-reads only the files it names, runs the cheap global stages again
//! (resolve, index) with cached Markdown bodies, and renders only the pages whose
//! fingerprint changed. A body-only edit of a briefing skips resolve and index entirely.
//! Only files whose bytes changed are written. A clean build is the reference: the
//! property test in `tests/incremental.rs` checks that both always agree byte for byte.

mod body_edit;
mod copy_edit;
pub mod demand;
mod early;
pub mod fingerprint;
mod front_matter_edit;
mod outcome;
mod output_check;
mod profile_edit;
mod publish;
mod reorder;
pub mod sources;
pub mod write;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Diagnostics, Severity};
use crate::markdown::{self, LinkContext, Target};
use crate::model::{Briefing, BriefingIdx};
use crate::names::Names;
use crate::output;
use crate::parse::Parsed;
use crate::pipeline::{self, BodyCache, CachedBody, Fatal, Input, Options};
use crate::render::{self, theme, theme::Theme};
use crate::site::Site;
use crate::urls;
pub use outcome::{Change, FileChange, Outcome, Rebuilt};
use sources::Tracked;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Files that changed on disk since the last rebuild.
#[derive(Debug, Default, Clone)]
pub struct Changes {
    /// Absolute paths (or relative to the site root).
    pub paths: BTreeSet<PathBuf>,
    /// The watcher lost track (overflow, rescan): everything is looked at again.
    pub rescan: bool,
}

/// The file rendered bodies are kept in between runs, and a digest of what it holds.
struct Stored {
    file: PathBuf,
    /// Of the bodies as last written or taken up.
    digest: Option<u64>,
    /// Not taken up yet.
    due: bool,
    /// How many bodies were taken up.
    taken_up: usize,
}

/// A site kept in memory between rebuilds, and the output folder it keeps up to date.
pub struct Engine {
    opts: Options,
    /// The files of a multilingual site's other trees in the output, as last written.
    tree_paths: BTreeSet<String>,
    /// The copied files' stamps as last looked at, and the key generated files were made
    /// by ([`Engine::stamps`]).
    copied_stamps: std::sync::Mutex<publish::CopiedStamps>,
    /// The site root with symlinks resolved, as file watchers may report paths.
    canon_root: PathBuf,
    out: PathBuf,
    files: Tracked,
    config: Option<Config>,
    config_diags: Diagnostics,
    theme: Option<Theme>,
    theme_diags: Diagnostics,
    bodies: BodyCache,
    site: Option<Site>,
    names: Option<Names>,
    /// The link context's lookups, kept for the body-only path (built with `names`).
    link_paths: HashMap<String, Target>,
    link_assets: std::collections::HashSet<String>,
    link_sizes: HashMap<String, (u32, u32)>,
    /// Diagnostics of resolve and Markdown, and fragment warnings, of the last assembly.
    assembled: Diagnostics,
    fragments: Diagnostics,
    /// The consistency checks' findings, made again whenever the index changes.
    consistency: Diagnostics,
    /// Whether the last rebuild ended without errors (the body-only path builds on it).
    good: bool,
    /// What is in the output folder: page fingerprints and byte hashes, by output path.
    page_fps: Vec<u64>,
    /// Per output path of a page rendered with a check: the frame it was rendered in, the
    /// hash of its view (see [`render::ViewCheck`]) and the hash of the bytes that made.
    /// An entry holds while the file on disk still has those bytes: whatever else writes
    /// or removes the file (a page asked for, a copied file, a body edit) voids it.
    views_seen: crate::hash::Map<String, Seen>,
    /// The pages of the site in memory, while it keeps the same pages (`None`: not known).
    targets: Option<Arc<fingerprint::Targets>>,
    /// The pages `page_fps` are of, in order.
    last_targets: Option<Arc<fingerprint::Targets>>,
    /// The files besides pages in the output, and what they were made from.
    made: publish::Made,
    on_disk: crate::hash::Map<String, u64>,
    /// How each file written looked just after, to see changes made behind our back.
    written: crate::hash::Map<String, output_check::Written>,
    has_output: bool,
    /// Stages of the rebuild under way, and when the last one ended.
    laps: Laps,
    /// What pages read of the whole site's stances and judgments, for the site in memory:
    /// kept by a body edit, which changes none of them.
    derived: render::pages::Derived,
    /// Pages asked for over HTTP during a rebuild, written ahead of the rest (`serve`).
    demand: Option<Arc<demand::Demand>>,
    /// Where the rendered bodies are kept between runs (`serve` only), and how they stood
    /// when last kept.
    stored: Option<Stored>,
}

/// What [`Engine::views_seen`] knows of one page's file.
#[derive(Clone, Copy)]
struct Seen {
    frame: u64,
    view: u64,
    bytes: u64,
}

/// Stage times of one rebuild. Also a pipeline [`pipeline::Progress`], so that the shared
/// stages (resolve, Markdown, index) are timed under their own names.
#[derive(Default)]
pub(crate) struct Laps(std::sync::Mutex<LapsInner>);

#[derive(Default)]
struct LapsInner {
    done: Vec<(&'static str, Duration)>,
    current: Option<(&'static str, Instant)>,
}

impl Laps {
    /// Forgets the last rebuild; the stage `name` begins.
    fn start(&mut self, name: &'static str) {
        let inner = self.0.get_mut().unwrap_or_else(|e| e.into_inner());
        inner.done.clear();
        inner.current = Some((name, Instant::now()));
    }

    /// The current stage ends and `name` begins.
    fn begin(&self, name: &'static str) {
        let mut inner = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        if let Some((n, since)) = inner.current.take() {
            inner.done.push((n, now - since));
        }
        inner.current = Some((name, now));
    }

    /// Adds `beside`, stages that ran beside the current one (their times overlap it), as
    /// done before it.
    fn add_beside(&self, beside: Vec<(&'static str, Duration)>) {
        let mut inner = self.0.lock().unwrap_or_else(|e| e.into_inner());
        inner
            .done
            .extend(beside.into_iter().filter(|(n, _)| !n.is_empty()));
    }

    /// Every stage so far, the current one ended now.
    fn take(&self) -> Vec<(&'static str, Duration)> {
        self.begin("");
        let mut inner = self.0.lock().unwrap_or_else(|e| e.into_inner());
        inner.current = None;
        std::mem::take(&mut inner.done)
    }
}

/// Which pages a rebuild looks at.
enum Scope {
    /// Every page, by fingerprint; generated files too when their inputs changed.
    All,
    /// Just these pages, and the search files updated already: a body-only edit knows
    /// exactly what it touched.
    Pages(Vec<render::Page>, SearchPatch),
}

/// Full-text files updated in place: written (output path, bytes), and the paths of the
/// family that came and went.
#[derive(Default)]
struct SearchPatch {
    files: Vec<(String, Vec<u8>)>,
    paths: render::search::fulltext::Paths,
}

/// What a changed path is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Class {
    Config,
    Markdown(String),
    ContentTree,
    Static,
    Theme,
}

impl pipeline::Progress for Laps {
    fn stage(&self, name: &'static str, _total: usize) {
        self.begin(name);
    }
}

impl Engine {
    /// Checks that `out` may be written (as `build` does) and prepares an empty engine.
    pub fn new(opts: &Options, out: &Path) -> Result<Engine, Fatal> {
        if !opts.root.is_dir() {
            return Err(Fatal::NoRoot(opts.root.clone()));
        }
        if !opts.root.join("site.yaml").is_file() {
            return Err(Fatal::NotASite(opts.root.clone()));
        }
        if let Some(b) = &opts.base_url {
            urls::check_base(b).map_err(Fatal::BadBaseUrl)?;
        }
        output::check_safe(&opts.root, out)?;
        output::recover(out);
        let root = output::absolute(&opts.root);
        let files = Tracked::new(&root, out);
        Ok(Engine {
            canon_root: root.canonicalize().unwrap_or_else(|_| root.clone()),
            opts: Options {
                root,
                ..opts.clone()
            },
            out: output::absolute(out),
            files,
            config: None,
            config_diags: Diagnostics::new(),
            theme: None,
            theme_diags: Diagnostics::new(),
            bodies: BodyCache::default(),
            site: None,
            names: None,
            link_paths: HashMap::new(),
            link_assets: Default::default(),
            link_sizes: HashMap::new(),
            assembled: Diagnostics::new(),
            fragments: Diagnostics::new(),
            consistency: Diagnostics::new(),
            good: false,
            page_fps: Vec::new(),
            views_seen: Default::default(),
            targets: None,
            last_targets: None,
            made: publish::Made::default(),
            on_disk: Default::default(),
            written: Default::default(),
            has_output: false,
            tree_paths: BTreeSet::new(),
            copied_stamps: Default::default(),
            laps: Laps::default(),
            derived: Default::default(),
            demand: None,
            stored: None,
        })
    }

    /// Pages asked for during a rebuild are to be written ahead of the rest: `serve`
    /// registers them in `demand`.
    pub fn serve_demand(&mut self, demand: Arc<demand::Demand>) {
        self.demand = Some(demand);
        // The consistency checks only warn: they wait until the pages asked for are out.
        self.bodies.defer_consistency = true;
    }

    /// Keeps the rendered bodies between runs, in the cache folder of the site at `root`
    /// (`serve`): the first build takes up those a last run kept there
    /// (`pipeline::stored`), and [`Engine::store_bodies`] keeps them there again.
    pub fn keep_bodies_between_runs(&mut self, root: &Path) {
        self.stored = Some(Stored {
            file: pipeline::stored::file_of(root),
            digest: None,
            due: true,
            taken_up: 0,
        });
    }

    /// How many bodies the first build read from what a last run kept.
    pub fn bodies_taken_up(&self) -> usize {
        self.stored.as_ref().map_or(0, |s| s.taken_up)
    }

    /// How many bodies the last rebuild of the whole site took from its cache (after a
    /// start, from what a last run kept) rather than rendered.
    pub fn bodies_reused(&self) -> usize {
        self.bodies.reused()
    }

    /// Takes up the bodies a last run kept, the first time.
    fn take_up_stored_bodies(&mut self) {
        let Some(stored) = self.stored.as_mut().filter(|s| s.due) else {
            return;
        };
        self.laps.begin("stored bodies");
        stored.due = false;
        stored.taken_up = pipeline::stored::load(&mut self.bodies, &stored.file);
        if stored.taken_up > 0 {
            stored.digest = Some(pipeline::stored::digest(&self.bodies));
        }
    }

    /// Writes the rendered bodies to the file of [`Engine::keep_bodies_between_runs`],
    /// unless they are as they were when last written or taken up; whether it wrote them.
    pub fn store_bodies(&mut self) -> bool {
        let Some(stored) = self.stored.as_mut() else {
            return false;
        };
        let now = pipeline::stored::digest(&self.bodies);
        if stored.digest == Some(now) {
            return false;
        }
        let done = pipeline::stored::save(&self.bodies, &stored.file);
        if done {
            stored.digest = Some(now);
        }
        done
    }

    /// Forgets every rendered body (a rebuild that failed midway may have left the cache
    /// half updated): the next rebuild renders them all, and they are written again.
    pub fn forget_bodies(&mut self) {
        self.bodies.forget();
        if let Some(stored) = self.stored.as_mut() {
            stored.digest = None;
        }
    }

    /// The Markdown files the site in memory was read from (absolute paths), each with the
    /// stamp it had just before it was read.
    pub fn markdown_stamps(&self) -> HashMap<PathBuf, Option<sources::Stamp>> {
        (self.files.markdown.iter())
            .map(|(rel, e)| (self.opts.root.join(rel), e.stamp))
            .collect()
    }

    /// The output folder this engine writes.
    pub fn output(&self) -> &Path {
        &self.out
    }

    /// Reads and builds everything (the first build, and after a config change or rescan).
    pub fn build_all(&mut self) -> Result<Outcome, Fatal> {
        let start = Instant::now();
        self.laps.start("read");
        self.reload_all(&BTreeSet::new());
        self.take_up_stored_bodies();
        self.general(Rebuilt::Full, start)
    }

    fn reload_all(&mut self, force: &BTreeSet<String>) {
        self.load_config();
        self.laps.begin("theme");
        self.load_theme();
        self.laps.begin("read content");
        self.files.rescan_content(force);
        self.laps.begin("read static");
        self.files.rescan_static();
    }

    fn load_config(&mut self) {
        let mut d = Diagnostics::new();
        self.config = pipeline::read_config(&self.opts, &mut d);
        self.config_diags = d;
    }

    fn load_theme(&mut self) {
        let mut d = Diagnostics::new();
        let name = self.config.as_ref().and_then(|c| c.theme.clone());
        self.theme = theme::load_in(&self.files.confine, name.as_deref(), &mut d);
        self.theme_diags = d;
    }

    fn classify(&self, path: &Path) -> Option<Class> {
        let root = &self.opts.root;
        let rel = if path.is_relative() {
            path.to_path_buf()
        } else {
            path.strip_prefix(root)
                .or_else(|_| path.strip_prefix(&self.canon_root))
                .ok()?
                .to_path_buf()
        };
        let parts: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().to_string())
            .collect();
        if parts.iter().any(|p| source_temp(p)) {
            return None;
        }
        match parts.first().map(String::as_str) {
            Some("site.yaml") if parts.len() == 1 => Some(Class::Config),
            // The site's translation files are read with site.yaml.
            Some("i18n") => Some(Class::Config),
            Some("content") => {
                let hidden = parts[1..].iter().any(|p| p.starts_with('.'));
                let md = parts.len() > 1 && rel.file_name().is_some_and(crate::source::is_markdown);
                let shown = crate::diagnostic::display_path(&rel);
                // A file with a symlink on its way, or that is one, is looked at by walking
                // content/ again, under the rules of a clean build.
                let direct = md
                    && match self.files.unlinked(&shown) {
                        Some(f) => !f.target.is_dir(),
                        None => std::fs::symlink_metadata(root.join(&rel)).is_err(),
                    };
                if hidden {
                    None
                } else if direct {
                    Some(Class::Markdown(shown))
                } else {
                    Some(Class::ContentTree)
                }
            }
            Some("static") => Some(Class::Static),
            Some("themes") => Some(Class::Theme),
            _ => None,
        }
    }

    /// Rebuilds after `changes`: only what they touch.
    pub fn rebuild(&mut self, changes: &Changes) -> Result<Outcome, Fatal> {
        let start = Instant::now();
        self.laps.start("read");
        let classes: BTreeSet<Class> = changes
            .paths
            .iter()
            .filter_map(|p| self.classify(p))
            .collect();
        let md: BTreeSet<String> = classes
            .iter()
            .filter_map(|c| match c {
                Class::Markdown(p) => Some(p.clone()),
                _ => None,
            })
            .collect();
        if changes.rescan || classes.contains(&Class::Config) {
            let what = if changes.rescan {
                Rebuilt::Rescan
            } else {
                Rebuilt::Config
            };
            self.reload_all(&md);
            return self.general(what, start);
        }
        if let Some(out) = self.try_copy_edit(changes, &classes, start)? {
            return Ok(out);
        }
        match (classes.len(), classes.first()) {
            (0, _) => Ok(self.unchanged(start)),
            (1, Some(Class::Markdown(rel))) => self.rebuild_file(rel.clone(), start),
            _ => self.rebuild_parts(&classes, &md, start),
        }
    }

    /// Rebuilds after a change of the one Markdown file `rel`: in place when only its body
    /// or what the index can absorb changed, through the general path otherwise.
    fn rebuild_file(&mut self, rel: String, start: Instant) -> Result<Outcome, Fatal> {
        let entry = self
            .files
            .unlinked(&rel)
            .map(|found| sources::read_entry(&self.opts.root, &found))
            .filter(|e| e.stamp.is_some());
        let gone = entry.is_none();
        // A multilingual site's trees are assembled together: only the body of a briefing
        // in the site's language, which no other tree shows, is edited in place.
        let multilingual = (self.config.as_ref())
            .filter(|c| c.multilingual())
            .map(|c| c.language.clone());
        let first_tree = |e: &sources::Entry| match (&e.parsed, &multilingual) {
            (_, None) => true,
            (Some(Parsed::Briefing(b)), Some(lang)) => (b.translation.lang.as_ref())
                .is_none_or(|l| l.value.trim().eq_ignore_ascii_case(lang)),
            _ => false,
        };
        if let Some(entry) = entry.filter(first_tree) {
            if let Some(out) = self.try_body_edit(&rel, entry.clone(), start)? {
                return Ok(out);
            }
            if multilingual.is_none()
                && let Some(out) = self.try_front_matter_edit(&rel, &entry, start)?
            {
                return Ok(out);
            }
            if multilingual.is_none()
                && let Some(out) = self.try_profile_body_edit(&rel, &entry, start)?
            {
                return Ok(out);
            }
        }
        let known = self.files.markdown.contains_key(&rel);
        self.files.refresh_markdown(&rel);
        let change = match (gone, known) {
            (true, _) => FileChange::Removed,
            (false, false) => FileChange::Added,
            (false, true) if is_profile(&rel) => FileChange::Profile,
            (false, true) => FileChange::FrontMatter { in_place: false },
        };
        self.general(Rebuilt::File(rel, change), start)
    }

    /// Rebuilds after changes of several kinds (`classes`, the Markdown files among them
    /// `md`): each is read again, then the site is assembled again.
    fn rebuild_parts(
        &mut self,
        classes: &BTreeSet<Class>,
        md: &BTreeSet<String>,
        start: Instant,
    ) -> Result<Outcome, Fatal> {
        let mut what = Vec::new();
        if classes.contains(&Class::Theme) {
            let ids = |t: &Option<Theme>| t.as_ref().map(|t| t.ids.clone());
            let before = ids(&self.theme);
            self.load_theme();
            // The section ids `#fragment` links are checked against come from the theme:
            // checked again only when a template edit changed them.
            if ids(&self.theme) != before {
                self.recheck_fragments(None);
            }
            what.push(Change::Theme);
        }
        if classes.contains(&Class::Static) {
            self.files.rescan_static();
            what.push(Change::Static);
        }
        if classes.contains(&Class::ContentTree) {
            let read = self.files.rescan_content(md);
            what.push(Change::ContentTree { read: read.len() });
        } else {
            for rel in md {
                self.files.refresh_markdown(rel);
            }
        }
        if !md.is_empty() {
            what.push(match md.len() {
                1 => Change::Markdown(md.iter().next().cloned().unwrap_or_default()),
                n => Change::MarkdownFiles(n),
            });
        }
        // Nothing the site is assembled from is in a theme but the section ids, checked
        // again above: a template edit renders again the pages it shows in, and that is all.
        if what == [Change::Theme] && self.site.is_some() {
            return self.finish(Rebuilt::Changes(what), start, Scope::All);
        }
        self.general(Rebuilt::Changes(what), start)
    }

    fn unchanged(&self, start: Instant) -> Outcome {
        let diagnostics = self.diagnostics();
        let errors = count_errors(&diagnostics);
        Outcome {
            what: Rebuilt::Nothing,
            diagnostics,
            errors,
            rendered: 0,
            written: Vec::new(),
            removed: 0,
            elapsed: start.elapsed(),
            stages: Vec::new(),
        }
    }

    /// Resolves, renders Markdown (cached) and indexes the whole site again.
    fn general(&mut self, what: Rebuilt, start: Instant) -> Result<Outcome, Fatal> {
        self.laps.begin("copy parsed files");
        let input = self.input();
        // Freeing the last site (every page body) takes a while at 10,000 briefings: not on
        // the way to the browser.
        if let Some(old) = self.site.take() {
            std::thread::spawn(move || drop(old));
        }
        let mut d = Diagnostics::new();
        let ids = self.theme.as_ref().map_or(theme::default_ids(), |t| &t.ids);
        let (site, fragments) =
            pipeline::assemble(ids, input, Some(&mut self.bodies), &self.laps, &mut d);
        self.laps.begin("link context");
        let names = site.resolved.link_names();
        let assets = site.assets.iter().map(|a| a.output_path.clone()).collect();
        let cx = LinkContext::new(&site.resolved, &names, assets, site.config.safe_html)
            .with_sizes(site.images.sizes.clone());
        (self.link_paths, self.link_assets, self.link_sizes) = (cx.paths, cx.assets, cx.sizes);
        self.names = Some(names);
        self.site = Some(site);
        self.derived = Default::default();
        self.targets = None;
        let (consistency, others): (Vec<_>, Vec<_>) =
            (d.sorted().into_iter()).partition(|x| crate::consistency::CODES.contains(&x.code));
        self.assembled = Diagnostics::new();
        others.into_iter().for_each(|x| self.assembled.add(x));
        self.consistency = Diagnostics::new();
        consistency
            .into_iter()
            .for_each(|x| self.consistency.add(x));
        self.fragments = fragments;
        self.finish(what, start, Scope::All)
    }

    /// What the site is assembled from: the parsed files as they now are.
    fn input(&self) -> Input {
        let mut briefings: Vec<Briefing> = Vec::new();
        let mut profiles = Vec::new();
        let mut registry = Vec::new();
        // Copied on every core: at 10,000 briefings, copying them one by one took 60 ms of
        // every general rebuild and of the time to the first page.
        let entries: Vec<&sources::Entry> = self.files.markdown.values().collect();
        let parsed: Vec<Option<Parsed>> = {
            use rayon::prelude::*;
            entries.par_iter().map(|e| e.parsed.clone()).collect()
        };
        for p in parsed {
            match p {
                Some(Parsed::Briefing(b)) => briefings.push(*b),
                Some(Parsed::Profile(p)) => profiles.push(*p),
                Some(Parsed::Source(s)) => registry.push(*s),
                None => {}
            }
        }
        Input {
            config: self.config.clone().unwrap_or_else(Config::fallback),
            briefings,
            profiles,
            registry,
            statics: self.files.statics.clone(),
            assets: self.files.assets.clone(),
            drafts: self.opts.drafts,
        }
    }

    /// Every diagnostic of the site as it now is, sorted.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        let mut all = Diagnostics::new();
        all.extend(self.config_diags.clone());
        all.extend(self.theme_diags.clone());
        all.extend(self.files.content_walk.clone());
        all.extend(self.files.static_walk.clone());
        for e in self.files.markdown.values() {
            all.extend(e.diags.clone());
        }
        all.extend(self.assembled.clone());
        all.extend(self.fragments.clone());
        all.extend(self.consistency.clone());
        all.sorted()
    }
}

impl Engine {
    /// For an edit of briefing file `rel` that the in-place paths may take (the last build
    /// was good, the file was and is a briefing without errors, `same(old, new)` holds):
    /// its index in the site, its old and its new parse.
    fn edited_briefing<'a>(
        &'a self,
        rel: &str,
        entry: &'a sources::Entry,
        same: impl Fn(&Briefing, &Briefing) -> bool,
    ) -> Option<(BriefingIdx, &'a Briefing, &'a Briefing)> {
        let site = self.site.as_ref().filter(|_| self.good)?;
        let old = self.files.markdown.get(rel)?.parsed.as_ref();
        let (Some(Parsed::Briefing(old)), Some(Parsed::Briefing(new))) =
            (old, entry.parsed.as_ref())
        else {
            return None;
        };
        if entry.diags.has_errors() || !same(old, new) {
            return None;
        }
        let (b, _) = (site.resolved.briefings.iter_ids()).find(|(_, x)| x.path == rel)?;
        Some((b, old, new))
    }

    /// Renders the body of `of` (file `rel`) against the site in memory, as the in-place
    /// paths need it. `None` before a first good build.
    fn render_in_place(&mut self, rel: &str, of: Own<'_>) -> Option<CachedBody> {
        let (site, names) = (self.site.as_ref()?, self.names.as_ref()?);
        let (page, body_ref) = match of {
            Own::Briefing(b) => (urls::briefing(&b.slug), b.checked_body_ref(&site.config)),
            Own::Profile(p, e) => (urls::entity(&site.resolved.entity(e).id), p.body_ref()),
        };
        let body_ref = pipeline::BodyRef {
            path: rel,
            ..body_ref
        };
        let depth = urls::depth(&page);
        let cx = LinkContext {
            site: &site.resolved,
            names,
            paths: std::mem::take(&mut self.link_paths),
            assets: std::mem::take(&mut self.link_assets),
            safe_html: site.config.safe_html,
            sizes: std::mem::take(&mut self.link_sizes),
            words: pipeline::body_words(&site.config),
        };
        let (body, d) = body_ref.render(depth, &cx);
        self.link_paths = cx.paths;
        self.link_assets = cx.assets;
        self.link_sizes = cx.sizes;
        let key = pipeline::body_key(&body_ref, depth);
        Some(CachedBody::new(key, body, d))
    }

    /// Keeps `new` as the body of `rel`, its Markdown diagnostics in place of the old ones.
    fn replace_body(&mut self, rel: &str, new: CachedBody) {
        let mut assembled: Vec<Diagnostic> = self.assembled.clone().sorted();
        if let Some(old) = self.bodies.get(rel) {
            for gone in old.diags.iter() {
                if let Some(i) = assembled.iter().position(|x| x == gone) {
                    assembled.remove(i);
                }
            }
        }
        let mut next = Diagnostics::new();
        for x in assembled {
            push(&mut next, x);
        }
        next.extend(new.diags.clone());
        self.assembled = next;
        self.bodies.insert(rel.to_string(), new);
    }

    /// Checks `#fragment` links again: in every body, or only in briefing `only` (file
    /// `rel`), the other bodies' verdicts kept.
    fn recheck_fragments(&mut self, only: Option<(BriefingIdx, &str)>) {
        let Some(site) = self.site.as_ref() else {
            return;
        };
        let mut fragments = Diagnostics::new();
        if let Some((_, rel)) = only {
            for x in self.fragments.clone().sorted() {
                if x.path != rel {
                    push(&mut fragments, x);
                }
            }
        }
        let empty = markdown::Body::default();
        let bodies = &self.bodies;
        let r = &site.resolved;
        let body_of = |path: &str| bodies.get(path).map_or(&empty, |c| &c.body);
        let ids = self.theme.as_ref().map_or(theme::default_ids(), |t| &t.ids);
        pipeline::check_fragments(
            ids,
            r,
            &site.index,
            |i| body_of(&r.briefings[i].path),
            |i| {
                r.entities[i]
                    .profile
                    .as_ref()
                    .map_or(&empty, |p| body_of(&p.path))
            },
            only.map(|(i, _)| i),
            &mut fragments,
        );
        self.fragments = fragments;
    }
}

/// A page's own text an in-place path renders again.
enum Own<'a> {
    Briefing(&'a Briefing),
    /// A profile, and the entity it is of.
    Profile(&'a crate::model::Profile, crate::model::EntityIdx),
}

/// How many pages each of `entities` has, and its as-of pages and change feeds (one per
/// day a position changed): an in-place edit that changes one changes the site's list of
/// pages.
fn entity_pages(
    site: &Site,
    entities: &[crate::model::EntityIdx],
) -> Vec<(u32, Vec<render::Page>)> {
    (entities.iter())
        .map(|&e| (render::entity_pages(site, e), render::as_of_pages(site, e)))
        .collect()
}

/// Names that editors write beside a file while saving it.
fn source_temp(name: &str) -> bool {
    crate::source::is_editor_temp(std::ffi::OsStr::new(name))
}

fn push(d: &mut Diagnostics, x: Diagnostic) {
    d.add(x);
}

/// Whether the content file `rel` is a profile (under `content/actors/` and the like).
fn is_profile(rel: &str) -> bool {
    let mut parts = rel.split('/').skip(1);
    let dir = parts.next().and_then(crate::model::Kind::from_dir);
    dir.is_some() && parts.next().is_some()
}

fn count_errors(d: &[Diagnostic]) -> usize {
    d.iter().filter(|x| x.severity == Severity::Error).count()
}
