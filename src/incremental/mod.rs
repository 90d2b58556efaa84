//! Incremental rebuilds for `serve` and `build --watch`. The parsed site stays in memory;
//! each change re-reads only the files it names, runs the cheap global stages again
//! (resolve, index) with cached Markdown bodies, and renders only the pages whose
//! fingerprint changed. A body-only edit of a briefing skips resolve and index entirely.
//! Only files whose bytes changed are written. A clean build is the reference: the
//! property test in `tests/incremental.rs` checks that both always agree byte for byte.

pub mod fingerprint;
pub mod sources;
pub mod write;

use crate::config::{self, Config};
use crate::diagnostic::{Diagnostic, Diagnostics, Severity};
use crate::markdown::{self, LinkContext, Target};
use crate::model::{Briefing, BriefingIdx};
use crate::names::Names;
use crate::output::{self, Staging};
use crate::parse::Parsed;
use crate::pipeline::{self, BodyCache, CachedBody, Fatal, Input, Options, Site};
use crate::render::{self, Sink, hosting, pages::Views, theme, theme::Theme};
use crate::urls;
use rayon::prelude::*;
use sources::Tracked;
use std::collections::{BTreeSet, HashMap};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Files that changed on disk since the last rebuild.
#[derive(Debug, Default, Clone)]
pub struct Changes {
    /// Absolute paths (or relative to the site root).
    pub paths: BTreeSet<PathBuf>,
    /// The watcher lost track (overflow, rescan): everything is looked at again.
    pub rescan: bool,
}

/// What one rebuild did.
#[derive(Debug)]
pub struct Outcome {
    /// What changed, for the terminal line (`content/x.md: body`).
    pub what: String,
    /// Every diagnostic of the site as it now is, sorted.
    pub diagnostics: Vec<Diagnostic>,
    pub errors: usize,
    /// Pages rendered again.
    pub rendered: usize,
    /// Files written (or rewritten), by output path.
    pub written: Vec<String>,
    /// Files removed from the output.
    pub removed: usize,
    pub elapsed: Duration,
}

impl Outcome {
    /// True when every file written is a stylesheet (the browser can swap it in place).
    pub fn css_only(&self) -> bool {
        !self.written.is_empty() && self.written.iter().all(|p| p.ends_with(".css"))
    }
}

/// A site kept in memory between rebuilds, and the output folder it keeps up to date.
pub struct Engine {
    opts: Options,
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
    /// Diagnostics of resolve and Markdown, and fragment warnings, of the last assembly.
    assembled: Diagnostics,
    fragments: Diagnostics,
    /// Whether the last rebuild ended without errors (the body-only path builds on it).
    good: bool,
    /// What is in the output folder: page fingerprints and byte hashes, by output path.
    page_fps: HashMap<String, u64>,
    files_fp: Option<u64>,
    file_paths: BTreeSet<String>,
    on_disk: HashMap<String, u64>,
    has_output: bool,
}

/// Which pages a rebuild looks at.
enum Scope {
    /// Every page, by fingerprint; generated files too when their inputs changed.
    All,
    /// Just these pages: a body-only edit knows exactly what it touched.
    Pages(Vec<render::Page>),
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
        let files = Tracked::new(&root);
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
            assembled: Diagnostics::new(),
            fragments: Diagnostics::new(),
            good: false,
            page_fps: HashMap::new(),
            files_fp: None,
            file_paths: BTreeSet::new(),
            on_disk: HashMap::new(),
            has_output: false,
        })
    }

    /// The output folder this engine writes.
    pub fn output(&self) -> &Path {
        &self.out
    }

    /// Reads and builds everything (the first build, and after a config change or rescan).
    pub fn build_all(&mut self) -> Result<Outcome, Fatal> {
        let start = Instant::now();
        self.reload_all(&BTreeSet::new());
        self.general("full build".into(), start)
    }

    fn reload_all(&mut self, force: &BTreeSet<String>) {
        self.load_config();
        self.load_theme();
        self.files.rescan_content(force);
        self.files.rescan_static();
    }

    fn load_config(&mut self) {
        let mut d = Diagnostics::new();
        self.config = config::load(&self.opts.root, self.opts.base_url.as_deref(), &mut d);
        self.config_diags = d;
    }

    fn load_theme(&mut self) {
        let mut d = Diagnostics::new();
        let name = self.config.as_ref().and_then(|c| c.theme.clone());
        self.theme = theme::load(&self.opts.root, name.as_deref(), &mut d);
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
            Some("content") => {
                let hidden = parts[1..].iter().any(|p| p.starts_with('.'));
                let full = root.join(&rel);
                let md = parts.len() > 1 && rel.extension().is_some_and(|e| e == "md");
                if hidden {
                    None
                } else if md && !full.is_dir() && !full.is_symlink() {
                    Some(Class::Markdown(crate::diagnostic::display_path(&rel)))
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
                "rescan"
            } else {
                "site.yaml"
            };
            self.reload_all(&md);
            return self.general(what.into(), start);
        }
        if classes.is_empty() {
            return Ok(self.unchanged(start));
        }
        let mut what = Vec::new();
        if classes.contains(&Class::Theme) {
            self.load_theme();
            what.push("theme".to_string());
        }
        if classes.contains(&Class::Static) {
            self.files.rescan_static();
            what.push("static".to_string());
        }
        if classes.contains(&Class::ContentTree) {
            let read = self.files.rescan_content(&md);
            what.push(format!("content ({} read)", read.len()));
        } else if md.len() == 1 && classes.len() == 1 {
            let rel = md.iter().next().cloned().unwrap_or_default();
            let entry = sources::read_entry(&self.opts.root, &self.opts.root.join(&rel));
            let gone = entry.stamp.is_none();
            if !gone && let Some(out) = self.try_body_edit(&rel, entry, start)? {
                return Ok(out);
            }
            let known = self.files.markdown.contains_key(&rel);
            self.files.refresh_markdown(&rel);
            let kind = match (gone, known) {
                (true, _) => "removed",
                (false, false) => "added",
                (false, true) => "front matter",
            };
            return self.general(format!("{rel} ({kind})"), start);
        } else {
            for rel in &md {
                self.files.refresh_markdown(rel);
            }
        }
        if !md.is_empty() {
            what.push(match md.len() {
                1 => md.iter().next().cloned().unwrap_or_default(),
                n => format!("{n} Markdown files"),
            });
        }
        self.general(what.join(", "), start)
    }

    fn unchanged(&self, start: Instant) -> Outcome {
        let diagnostics = self.diagnostics();
        let errors = count_errors(&diagnostics);
        Outcome {
            what: "nothing".into(),
            diagnostics,
            errors,
            rendered: 0,
            written: Vec::new(),
            removed: 0,
            elapsed: start.elapsed(),
        }
    }

    /// A briefing whose front matter is unchanged: render its body again, move its
    /// backlinks, and leave resolution and the index as they are. `None` when the edit is
    /// not of that kind (the entry is then not recorded).
    fn try_body_edit(
        &mut self,
        rel: &str,
        entry: sources::Entry,
        start: Instant,
    ) -> Result<Option<Outcome>, Fatal> {
        let (Some(site), Some(names), true) = (self.site.as_mut(), self.names.as_ref(), self.good)
        else {
            return Ok(None);
        };
        let old = self.files.markdown.get(rel);
        let (Some(Parsed::Briefing(old_b)), Some(Parsed::Briefing(new_b))) =
            (old.and_then(|e| e.parsed.as_ref()), entry.parsed.as_ref())
        else {
            return Ok(None);
        };
        if entry.diags.has_errors() || !same_front_matter(old_b, new_b) {
            return Ok(None);
        }
        let Some(b) = site.resolved.briefings.iter().position(|x| x.path == rel) else {
            return Ok(None);
        };
        let cx = LinkContext {
            site: &site.resolved,
            names,
            paths: std::mem::take(&mut self.link_paths),
            assets: std::mem::take(&mut self.link_assets),
        };
        let depth = urls::depth(&urls::briefing(&new_b.slug));
        let mut d = Diagnostics::new();
        let body = markdown::render(
            &new_b.body,
            new_b.body_line,
            rel,
            &new_b.content_path,
            depth,
            &cx,
            &mut d,
        );
        self.link_paths = cx.paths;
        self.link_assets = cx.assets;
        if d.has_errors() {
            return Ok(None);
        }
        let key = pipeline::body_key(&new_b.body, new_b.body_line, &new_b.content_path, depth);
        let new = CachedBody {
            key,
            body,
            diags: d,
        };
        let old_cached = self.bodies.get(rel).cloned();
        let old_links = old_cached
            .as_ref()
            .map(|c| c.body.links.clone())
            .unwrap_or_default();
        let me = BriefingIdx(b as u32);
        let links_changed = old_links != new.body.links;
        let ids_changed = old_cached
            .as_ref()
            .is_none_or(|c| c.body.ids != new.body.ids);
        for t in old_links.iter().filter(|t| !new.body.links.contains(t)) {
            if let Some(list) = backlinks(&mut site.index, *t, me) {
                list.retain(|&x| x != me);
            }
        }
        for t in new.body.links.iter().filter(|t| !old_links.contains(t)) {
            if let Some(list) = backlinks(&mut site.index, *t, me)
                && let Err(at) = list.binary_search(&me)
            {
                list.insert(at, me);
            }
        }
        site.bodies[b] = new.body.html.clone();
        let mut assembled: Vec<Diagnostic> = self.assembled.clone().sorted();
        if let Some(c) = &old_cached {
            for gone in c.diags.iter() {
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
        self.files.markdown.insert(rel.to_string(), entry);
        // Other bodies' fragment links only change their verdict when this page's ids or
        // backlinks changed; otherwise only this body's own links are checked again.
        let only = (!links_changed && !ids_changed).then_some(b);
        let mut fragments = Diagnostics::new();
        if only.is_some() {
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
        pipeline::check_fragments(
            r,
            &site.index,
            |i| body_of(&r.briefings[i].path),
            |i| {
                r.entities[i]
                    .profile
                    .as_ref()
                    .map_or(&empty, |p| body_of(&p.path))
            },
            only,
            &mut fragments,
        );
        self.fragments = fragments;
        let scope = if links_changed {
            Scope::All
        } else {
            Scope::Pages(vec![render::Page::Briefing(me)])
        };
        self.finish(format!("{rel} (body)"), start, scope).map(Some)
    }

    /// Resolves, renders Markdown (cached) and indexes the whole site again.
    fn general(&mut self, what: String, start: Instant) -> Result<Outcome, Fatal> {
        let mut briefings: Vec<Briefing> = Vec::new();
        let mut profiles = Vec::new();
        for e in self.files.markdown.values() {
            match &e.parsed {
                Some(Parsed::Briefing(b)) => briefings.push((**b).clone()),
                Some(Parsed::Profile(p)) => profiles.push((**p).clone()),
                None => {}
            }
        }
        let input = Input {
            config: self.config.clone().unwrap_or_else(Config::fallback),
            briefings,
            profiles,
            statics: self.files.statics.clone(),
            assets: self.files.assets.clone(),
            drafts: self.opts.drafts,
        };
        let mut d = Diagnostics::new();
        let (site, fragments) = pipeline::assemble(input, Some(&mut self.bodies), &mut d);
        let names = Names::new(&site.resolved);
        let assets = site.assets.iter().map(|a| a.output_path.clone()).collect();
        let cx = LinkContext::new(&site.resolved, &names, assets);
        (self.link_paths, self.link_assets) = (cx.paths, cx.assets);
        self.names = Some(names);
        self.site = Some(site);
        self.assembled = d;
        self.fragments = fragments;
        self.finish(what, start, Scope::All)
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
        all.sorted()
    }

    fn stamps(&self, theme: &Theme) -> u64 {
        let mut h = DefaultHasher::new();
        for f in self.files.statics.iter().chain(&self.files.assets) {
            (&f.output_path, stamp_key(&f.source)).hash(&mut h);
        }
        for (p, src) in theme::site_statics(theme) {
            (p, stamp_key(&src)).hash(&mut h);
        }
        h.finish()
    }

    /// Renders the pages whose fingerprint changed and writes the files whose bytes did.
    fn finish(&mut self, what: String, start: Instant, scope: Scope) -> Result<Outcome, Fatal> {
        let mut diagnostics = self.diagnostics();
        let done = |diagnostics: Vec<Diagnostic>, rendered, written, removed| {
            let errors = count_errors(&diagnostics);
            Ok(Outcome {
                what: what.clone(),
                diagnostics,
                errors,
                rendered,
                written,
                removed,
                elapsed: start.elapsed(),
            })
        };
        let (Some(site), Some(theme)) = (self.site.as_ref(), self.theme.as_ref()) else {
            self.good = false;
            return done(diagnostics, 0, Vec::new(), 0);
        };
        if count_errors(&diagnostics) > 0 || self.config.is_none() {
            self.good = false;
            return done(diagnostics, 0, Vec::new(), 0);
        }
        let (dirty, fps, files_fp) = match scope {
            Scope::Pages(pages) => (pages, None, self.files_fp),
            Scope::All => {
                let markdown = &self.files.markdown;
                let bodies = &self.bodies;
                let text = |p: &str| markdown.get(p).map_or(0, |e| e.hash);
                let body = |p: &str| bodies.get(p).map_or(0, |c| c.key);
                let fps = fingerprint::compute(
                    site,
                    theme,
                    &fingerprint::Sources {
                        text: &text,
                        body: &body,
                    },
                );
                let files_fp = {
                    let mut h = DefaultHasher::new();
                    (fps.files, self.stamps(theme)).hash(&mut h);
                    h.finish()
                };
                let dirty: Vec<render::Page> = fps
                    .pages
                    .iter()
                    .filter(|(path, (_, fp))| self.page_fps.get(*path) != Some(fp))
                    .map(|(_, (page, _))| *page)
                    .collect();
                (dirty, Some(fps), Some(files_fp))
            }
        };
        let sink = write::Memory::default();
        let mut d = Diagnostics::new();
        let rendered = render::render_pages(site, theme, &dirty, &sink, &mut d);
        let mut generated = None;
        if self.files_fp != files_fp {
            let views = Views { site };
            let files = &self.files;
            generated = Some(hosting::files_with(
                site,
                theme,
                &views,
                &|p| files.read(p),
                &mut d,
            ));
        }
        if d.has_errors() {
            let mut all = Diagnostics::new();
            for x in diagnostics.drain(..) {
                push(&mut all, x);
            }
            all.extend(d);
            self.good = false;
            return done(all.sorted(), 0, Vec::new(), 0);
        }
        let file_paths: BTreeSet<String> = match &generated {
            Some(g) => g.keys().cloned().collect(),
            None => self.file_paths.clone(),
        };
        let mut out: HashMap<String, Vec<u8>> = sink
            .files
            .into_inner()
            .unwrap_or_else(|e| e.into_inner())
            .into_iter()
            .filter(|(p, _)| !file_paths.contains(p))
            .collect();
        out.extend(generated.into_iter().flatten());
        let hashes: Vec<(String, u64)> = out
            .par_iter()
            .map(|(p, b)| (p.clone(), write::bytes_hash(b)))
            .collect();
        let changed: Vec<(String, u64)> = hashes
            .into_iter()
            .filter(|(p, h)| self.on_disk.get(p) != Some(h))
            .collect();
        let removed: Vec<String> = match &fps {
            Some(fps) => self
                .on_disk
                .keys()
                .filter(|p| !fps.pages.contains_key(*p) && !file_paths.contains(*p))
                .cloned()
                .collect(),
            None => Vec::new(),
        };
        if self.has_output {
            let dir = &self.out;
            changed
                .par_iter()
                .try_for_each(|(p, _)| write::replace(dir, p, &out[p]))
                .map_err(|e| Fatal::Output(output::OutputError::Io(dir.clone(), e)))?;
            for p in &removed {
                write::remove(dir, p)
                    .map_err(|e| Fatal::Output(output::OutputError::Io(dir.join(p), e)))?;
            }
        } else {
            output::check_replaceable(&self.opts.root, &self.out)?;
            let staging = Staging::new(&self.out)?;
            changed
                .par_iter()
                .try_for_each(|(p, _)| staging.write(p, &out[p]))
                .map_err(|e| Fatal::Output(output::OutputError::Io(staging.dir.clone(), e)))?;
            staging.commit()?;
            self.has_output = true;
        }
        for p in &removed {
            self.on_disk.remove(p);
        }
        let mut written: Vec<String> = changed.iter().map(|(p, _)| p.clone()).collect();
        written.sort();
        self.on_disk.extend(changed);
        match fps {
            Some(fps) => {
                self.page_fps = fps.pages.into_iter().map(|(p, (_, fp))| (p, fp)).collect();
            }
            None => {
                // Pages rendered outside the fingerprint pass: the next pass renders them
                // again rather than trust a fingerprint computed without them.
                for page in &dirty {
                    self.page_fps.remove(&render::target(site, *page).0);
                }
            }
        }
        self.files_fp = files_fp;
        self.file_paths = file_paths;
        self.good = true;
        done(diagnostics, rendered, written, removed.len())
    }
}

fn stamp_key(p: &Path) -> Option<(Option<u128>, u64)> {
    let m = std::fs::metadata(p).ok()?;
    let t = m
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| d.as_nanos());
    Some((t, m.len()))
}

/// Names that editors write beside a file while saving it.
fn source_temp(name: &str) -> bool {
    crate::source::is_editor_temp(std::ffi::OsStr::new(name))
}

fn same_front_matter(a: &Briefing, b: &Briefing) -> bool {
    a.body_line == b.body_line
        && Briefing {
            body: String::new(),
            ..a.clone()
        } == Briefing {
            body: String::new(),
            ..b.clone()
        }
}

fn backlinks(
    ix: &mut crate::index::Index,
    t: Target,
    from: BriefingIdx,
) -> Option<&mut Vec<BriefingIdx>> {
    match t {
        Target::Briefing(x) if x == from => None,
        Target::Briefing(x) => ix.briefing_backlinks.get_mut(x.0 as usize),
        Target::Entity(e) => ix.entity_backlinks.get_mut(e.0 as usize),
    }
}

fn push(d: &mut Diagnostics, x: Diagnostic) {
    match x.severity {
        Severity::Error => d.error(&x.path, x.span, x.message),
        Severity::Warning => d.warning(&x.path, x.span, x.message),
    }
}

fn count_errors(d: &[Diagnostic]) -> usize {
    d.iter().filter(|x| x.severity == Severity::Error).count()
}
