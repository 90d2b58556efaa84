//! The end of every rebuild: render the pages that need it, compare bytes, write what
//! changed (the first time through a staging folder swapped in), remove what is gone.

use super::fingerprint::UNKNOWN;
use super::sources::Stamp;
use super::{Engine, Outcome, Rebuilt, Scope, count_errors, fingerprint, push, write};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::id_vec::Id;
use crate::model::BriefingIdx;
use crate::output::{self, Sink, Staging};
use crate::pipeline::Fatal;
use crate::render::{self, hosting, hosting::Generated, theme, theme::Theme};
use crate::site::Site;
use fingerprint::Targets;
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::{Hash, Hasher};
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

/// Which pages a rebuild renders, and the fingerprints it found them by.
struct Plan {
    /// The pages to render.
    dirty: Vec<render::Page>,
    /// With fingerprints: the place of each page of `dirty` among the targets.
    dirty_at: Vec<usize>,
    /// Every page's and file family's fingerprint; `None` when the scope named the pages.
    fps: Option<fingerprint::Fingerprints>,
    /// What copied files and every generated file depend on (with `fps` only).
    files_fp: u64,
    /// Output paths of `dirty` when the scope named them.
    named: Vec<String>,
    /// Search files the scope updated already.
    patch: super::SearchPatch,
}

/// What a rebuild put in the output folder.
#[derive(Default)]
pub(super) struct Published {
    pub rendered: usize,
    /// Output paths, sorted.
    pub written: Vec<String>,
    pub removed: usize,
}

impl Engine {
    /// The key of the copied files as they now are (output paths, sources, stamps): the
    /// same as last time unless one came, went or changed.
    pub(super) fn stamps(&self, theme: &Theme) -> u64 {
        let site = (self.files.statics.iter().chain(&self.files.assets))
            .map(|f| (f.output_path.clone(), f.source.clone()));
        let now: Vec<(String, std::path::PathBuf, Option<Stamp>)> = (site
            .chain(theme::site_statics(theme)))
        .map(|(p, src)| {
            let stamp = Stamp::of(&src);
            (p, src, stamp)
        })
        .collect();
        let mut last = (self.copied_stamps.lock()).unwrap_or_else(|e| e.into_inner());
        // Compared file by file, not by a hash of the stamps: a file saved a moment ago is
        // stamped with its bytes' hash, which its stamp drops seconds later (`RECENT`), and
        // that is no change (every generated file would be made again for it).
        let same = last.list.len() == now.len()
            && (last.list.iter().zip(&now)).all(|((p, src, a), (q, from, b))| {
                (p, src) == (q, from)
                    && match (a, b) {
                        (Some(a), Some(b)) => a.same_as(b, src),
                        (a, b) => a == b,
                    }
            });
        if !same {
            let mut h = crate::hash::hasher();
            now.hash(&mut h);
            last.key = h.finish();
        }
        last.list = now;
        last.key
    }

    /// The fingerprints of the pages of `targets` and of every file family, as the site in
    /// memory now stands.
    fn fingerprints(
        &self,
        site: &Site,
        theme: &Theme,
        targets: &fingerprint::Targets,
    ) -> fingerprint::Fingerprints {
        let markdown = &self.files.markdown;
        let bodies = &self.bodies;
        // By path, in one table: the files are kept in path order, and looking up ten
        // thousand long paths that share their first folders in that order costs more.
        let texts: crate::hash::Map<&str, u64> = (markdown.iter())
            .map(|(p, e)| (p.as_str(), e.hash))
            .collect();
        let text = |p: &str| texts.get(p).copied().unwrap_or(0);
        // The rendered HTML, not the Markdown: a body whose text stayed the same can still
        // render differently when what its links resolve to changed (an alias removed sends
        // `[[Syrskyi]]` to another page).
        let body = |p: &str| bodies.get(p).map_or(0, |c| c.html_hash);
        let src = fingerprint::Sources {
            text: &text,
            body: &body,
        };
        fingerprint::compute(site, theme, targets, &src, &self.derived)
    }

    /// Every page of the site in memory (output path, template) with the fingerprint the
    /// next rebuild compares it by; `None` unless the last rebuild ended without errors.
    pub fn page_fingerprints(&self) -> Option<Vec<(String, &'static str, u64)>> {
        let site = self.site.as_ref().filter(|_| self.good)?;
        let theme = self.theme.as_ref()?;
        let targets = (self.targets.clone()).unwrap_or_else(|| Arc::new(Targets::new(site)));
        let fps = self.fingerprints(site, theme, &targets);
        let pages = targets.list.iter().zip(fps.pages);
        Some(pages.map(|((_, p, t), fp)| (p.clone(), *t, fp)).collect())
    }

    /// Renders the pages whose fingerprint changed and writes the files whose bytes did.
    pub(super) fn finish(
        &mut self,
        what: Rebuilt,
        start: Instant,
        scope: Scope,
    ) -> Result<Outcome, Fatal> {
        self.laps.begin("diagnostics");
        let mut diagnostics = self.diagnostics();
        let good = count_errors(&diagnostics) == 0 && self.config.is_some();
        let rendered = good && self.site.is_some() && self.theme.is_some();
        // Checks an assembly left out wait for the pages asked for, when some may be
        // written ahead of the rest (they only warn: they cannot stop the rebuild).
        let asked_first = rendered && matches!(scope, Scope::All) && self.demand.is_some();
        if !asked_first
            && let Some(site) = self.site.as_ref()
            && run_due(&mut self.bodies, &mut self.consistency, site, &self.laps)
        {
            diagnostics = self.diagnostics();
        }
        let ready = (self.site.as_ref().zip(self.theme.as_ref())).filter(|_| rendered);
        let Some((site, theme)) = ready else {
            self.good = false;
            return Ok(self.outcome(what, start, diagnostics, Published::default()));
        };
        self.laps.begin("fingerprints");
        let scope_all = matches!(scope, Scope::All);
        // Pages a browser asked for are written ahead of the rest (serve only).
        let mut early = super::early::Early::new();
        let (mut plan, targets) = match scope {
            Scope::Pages(dirty, patch) => {
                let plan = Plan {
                    named: dirty.iter().map(|p| render::target(site, *p).0).collect(),
                    dirty,
                    dirty_at: Vec::new(),
                    fps: None,
                    files_fp: 0,
                    patch,
                };
                (plan, None)
            }
            Scope::All => {
                let targets =
                    (self.targets.clone()).unwrap_or_else(|| Arc::new(Targets::new(site)));
                self.targets = Some(targets.clone());
                // Before the fingerprints: a page rendered alone needs none (it is written
                // when its bytes differ from what is on disk).
                if let Some(demand) = self.demand.as_deref() {
                    self.laps.begin("pages asked for");
                    let derived = &self.derived;
                    let now = |p: &[render::Page], s: &dyn Sink, d: &mut Diagnostics| {
                        render::render_pages_with(site, theme, p, s, d, derived)
                    };
                    self.serve_wanted((theme, &targets), demand, &now, &mut early);
                }
                if run_due(&mut self.bodies, &mut self.consistency, site, &self.laps) {
                    diagnostics = self.diagnostics();
                }
                self.laps.begin("fingerprints");
                (self.plan(site, theme, targets.clone()), Some(targets))
            }
        };
        self.laps.begin("render pages");
        let sink = write::Memory::default();
        let mut d = Diagnostics::new();
        let check = (targets.as_deref().zip(plan.fps.as_ref()))
            .map(|(t, fps)| self.view_check(t, fps, &plan));
        // The files besides pages are made beside the pages, as a build makes them: the
        // data exports and the search files are each long work on one thread, which the
        // pages' rendering fills the other threads around. Making them reads `made` but
        // the caches it takes.
        let caches = plan.fps.as_ref().map(|_| self.made.take_caches());
        // Timed on their own clock, ended when they are made (not when the pages are).
        let beside = super::Laps::default();
        let render = || match &targets {
            Some(t) => {
                let of = (site, theme, &**t);
                let how = (&mut early, check.as_ref());
                self.render_in_chunks(of, &plan.dirty, &sink, &mut d, how)
            }
            None => {
                let derived = &self.derived;
                render::render_pages_with(site, theme, &plan.dirty, &sink, &mut d, derived)
            }
        };
        // A scope that named its pages made its files itself.
        let make = || {
            let mut d = Diagnostics::new();
            let made = (plan.fps.as_ref().zip(caches)).map(|(fps, caches)| {
                let files = &self.files;
                let read = |p: &Path| files.read(p);
                let disk = Disk {
                    read: &read,
                    laps: &beside,
                    cards: crate::card_cache::CardCache::of_site(&self.opts.root),
                    images: crate::image_cache::ImageCache::of_site(&self.opts.root),
                    derived: &self.derived,
                };
                let last = (&self.made, caches);
                make_files(site, theme, fps, last, plan.files_fp, &disk, &mut d)
            });
            (made, d, beside.take())
        };
        let (mut rendered, (made, made_d, laps)) = rayon::join(render, make);
        d.extend(made_d);
        self.laps.add_beside(laps);
        // The files besides pages made before and no longer: found once, for the pages
        // they uncover and for the files to remove (`None` when nothing was made).
        let no_longer: Option<Vec<String>> =
            (made.as_ref()).map(|(now, _)| self.made.gone_in(now).into_iter().cloned().collect());
        if let Some(no_longer) = &no_longer {
            rendered += self.render_uncovered(site, theme, no_longer, &plan.dirty, &sink, &mut d);
        }
        // The other languages' trees are rendered whole at each general rebuild (see
        // docs/content-model.md, Languages): their files join the comparison as generated
        // files do. An edit made in place (named pages) touches the first tree only.
        let trees = match scope_all {
            true => Some(self.other_trees(site, theme, &mut d)),
            false => None,
        };
        self.record_early(&early);
        if d.has_errors() {
            // The caches are by fingerprint: what was made stays good for the next pass.
            // The word lists are of files not written: made again when next needed.
            if let Some((now, _)) = made {
                self.made.search_entries = now.search_entries;
            }
            self.made.postings = None;
            let mut all = Diagnostics::new();
            for x in diagnostics {
                push(&mut all, x);
            }
            all.extend(d);
            self.good = false;
            return Ok(self.outcome(what, start, all.sorted(), Published::default()));
        }
        let mut out = self.adopt(sink, made);
        out.extend(std::mem::take(&mut plan.patch.files));
        let mut old_trees = BTreeSet::new();
        if let Some(trees) = trees {
            old_trees = std::mem::take(&mut self.tree_paths);
            self.tree_paths = trees.keys().cloned().collect();
            rendered += trees.len();
            out.extend(trees);
        }
        self.laps.begin("compare");
        let changed = self.changed(&out);
        let mut removed = self.gone(&plan, no_longer.as_deref(), &old_trees);
        removed.extend(plan.patch.paths.gone.iter().cloned());
        self.laps.begin("write");
        self.write(&out, &changed, &removed)?;
        self.has_output = true;
        let mut written = self.record(changed, &removed);
        if let Some(check) = check {
            self.note_views(check, &plan, &out);
        }
        if !early.is_empty() {
            written.extend(early.into_iter().map(|(p, _)| p));
            written.sort();
            written.dedup();
        }
        self.made.repath(Generated::SearchText, &plan.patch.paths);
        self.remember(plan);
        self.good = true;
        let published = Published {
            rendered,
            written,
            removed: removed.len(),
        };
        Ok(self.outcome(what, start, diagnostics, published))
    }

    /// Every file of a multilingual site's other trees, by output path (`fr/…`).
    fn other_trees(
        &self,
        site: &Site,
        theme: &Theme,
        d: &mut Diagnostics,
    ) -> crate::hash::Map<String, Vec<u8>> {
        let sink = write::Memory::default();
        for other in &site.others {
            let dir = format!("{}/", other.config.language.to_ascii_lowercase());
            let under = render::translations::Under {
                inner: &sink,
                dir: &dir,
            };
            render::render_site(other, theme, &under, d);
            let cards = crate::card_cache::CardCache::of_site(&self.opts.root);
            crate::pipeline::write_cards(other, &cards, &under, d);
            let images = crate::image_cache::ImageCache::of_site(&self.opts.root);
            crate::pipeline::write_images(other, &images, &under, d);
        }
        sink.files
            .into_inner()
            .unwrap_or_else(|e| e.into_inner())
            .into_iter()
            .collect()
    }

    /// What a rebuild that started at `start` did.
    pub(super) fn outcome(
        &self,
        what: Rebuilt,
        start: Instant,
        diagnostics: Vec<Diagnostic>,
        published: Published,
    ) -> Outcome {
        Outcome {
            what,
            errors: count_errors(&diagnostics),
            diagnostics,
            rendered: published.rendered,
            written: published.written,
            removed: published.removed,
            elapsed: start.elapsed(),
            stages: self.laps.take(),
        }
    }

    /// Fingerprints every page of `targets`, and picks those that differ from what the
    /// output folder holds.
    fn plan(&self, site: &Site, theme: &Theme, targets: Arc<fingerprint::Targets>) -> Plan {
        let fps = self.fingerprints(site, theme, &targets);
        let files_fp = files_fp(fps.files, self.stamps(theme));
        // Fingerprints of the same pages are compared in place, others by path (through
        // the last pages' own index: no map of them is made for one edit).
        let same = (self.last_targets.as_ref()).is_some_and(|t| Arc::ptr_eq(t, &targets));
        let old = |path: &str| {
            let last = self.last_targets.as_ref()?;
            self.page_fps.get(*last.index.get(path)?)
        };
        let (dirty, dirty_at): (Vec<render::Page>, Vec<usize>) =
            (targets.list.iter().zip(&fps.pages))
                .enumerate()
                .filter(|(i, ((_, path, _), fp))| match same {
                    true => self.page_fps.get(*i) != Some(*fp),
                    false => old(path) != Some(*fp),
                })
                .map(|(i, ((page, _, _), _))| (*page, i))
                .unzip();
        Plan {
            dirty,
            dirty_at,
            fps: Some(fps),
            files_fp,
            named: Vec::new(),
            patch: Default::default(),
        }
    }

    /// What the render of `plan`'s pages checks their views against: the hash of each
    /// one's view when the bytes its file holds were rendered, in the frame it has now. A
    /// page a copied file stood in for has no bytes of its own on disk: it is rendered.
    /// A page whose frame changed (a template edit changes every page's) is rendered
    /// without a look at its view: it could not be skipped, and hashing ten thousand
    /// views would slow the edit that renders them all.
    fn view_check(
        &self,
        targets: &Targets,
        fps: &fingerprint::Fingerprints,
        plan: &Plan,
    ) -> render::ViewCheck {
        // A page nothing is known of is looked at to learn its view: at the first build,
        // and in rebuilds of a few pages. A rebuild of many (the one after a template edit
        // is undone) renders them unlooked at, as hashing every view would slow it; the
        // edits after it learn them again.
        let learn = !self.has_output || plan.dirty.len() <= LEARN_AT_MOST;
        let expect = (plan.dirty.iter().zip(&plan.dirty_at))
            .filter_map(|(&page, &i)| {
                let path = &targets.list[i].1;
                let frame = fps.frames.get(i).copied();
                let Some(seen) = self.views_seen.get(path) else {
                    return learn.then_some((page, None));
                };
                if Some(seen.frame) != frame {
                    return None;
                }
                let holds = self.on_disk.get(path) == Some(&seen.bytes) && !self.made.has(path);
                Some((page, holds.then_some(seen.view)))
            })
            .collect();
        render::ViewCheck::new(expect)
    }

    /// Keeps what `check` saw of `plan`'s pages, now that their files are on disk: each
    /// one's view and bytes, in its frame. A page skipped keeps what was known; a page
    /// rendered unseen, or left out (a copied file stands in for it), is forgotten.
    fn note_views(
        &mut self,
        check: render::ViewCheck,
        plan: &Plan,
        out: &crate::hash::Map<String, Vec<u8>>,
    ) {
        let (Some(fps), Some(targets)) = (&plan.fps, &self.targets) else {
            return;
        };
        let seen: crate::hash::Map<render::Page, (u64, bool)> = (check.seen().into_iter())
            .map(|(page, view, skipped)| (page, (view, skipped)))
            .collect();
        for (page, &i) in plan.dirty.iter().zip(&plan.dirty_at) {
            let (Some(&frame), Some((_, path, _))) = (fps.frames.get(i), targets.list.get(i))
            else {
                continue;
            };
            match (seen.get(page), self.on_disk.get(path)) {
                (Some(&(_, true)), _) => {}
                (Some(&(view, false)), Some(&bytes)) if out.contains_key(path) => {
                    let seen = super::Seen { frame, view, bytes };
                    self.views_seen.insert(path.clone(), seen);
                }
                _ => {
                    self.views_seen.remove(path);
                }
            }
        }
    }

    /// Renders the pages that copied files stood in for and no longer do (a site's own
    /// `static/404.html` removed): they show again, though nothing they read changed.
    fn render_uncovered(
        &self,
        site: &Site,
        theme: &Theme,
        no_longer: &[String],
        dirty: &[render::Page],
        sink: &dyn Sink,
        d: &mut Diagnostics,
    ) -> usize {
        let Some(t) = &self.targets else {
            return 0;
        };
        // A path may be both a copied file and a generated one (the site's own over it).
        let mut once = std::collections::HashSet::new();
        let uncovered: Vec<render::Page> = (no_longer.iter())
            .filter_map(|p| t.index.get(p).map(|&i| t.list[i].0))
            .filter(|p| !dirty.contains(p) && once.insert(*p))
            .collect();
        render::render_pages_with(site, theme, &uncovered, sink, d, &self.derived)
    }

    /// Keeps `made` as what the output holds besides pages; returns every file rendered or
    /// made (pages a copied or generated file stands in for left out).
    fn adopt(
        &mut self,
        sink: write::Memory,
        made: Option<(Made, BTreeMap<String, Vec<u8>>)>,
    ) -> crate::hash::Map<String, Vec<u8>> {
        let pages = sink.files.into_inner().unwrap_or_else(|e| e.into_inner());
        let generated = made.map(|(now, generated)| {
            self.made = now;
            generated
        });
        let mut out: crate::hash::Map<String, Vec<u8>> = (pages.into_iter())
            .filter(|(p, _)| !self.made.has(p))
            .collect();
        out.extend(generated.into_iter().flatten());
        out
    }

    /// The files of `out` whose bytes differ from what is on disk, with their new hash.
    pub(super) fn changed(&self, out: &crate::hash::Map<String, Vec<u8>>) -> Vec<(String, u64)> {
        let hashes: Vec<(String, u64)> = out
            .par_iter()
            .map(|(p, b)| (p.clone(), write::bytes_hash(b)))
            .collect();
        hashes
            .into_iter()
            .filter(|(p, h)| self.on_disk.get(p) != Some(h))
            .collect()
    }

    /// The files on disk that are neither a page nor a file of this rebuild (`no_longer`:
    /// the files besides pages made before and not now; `old_trees`: the other languages'
    /// files before).
    fn gone(
        &self,
        plan: &Plan,
        no_longer: Option<&[String]>,
        old_trees: &BTreeSet<String>,
    ) -> Vec<String> {
        let (Some(_), Some(t), Some(no_longer)) = (&plan.fps, &self.targets, no_longer) else {
            return Vec::new();
        };
        let unclaimed = |p: &String| {
            !t.index.contains_key(p) && !self.made.has(p) && !self.tree_paths.contains(p)
        };
        let last = self.last_targets.as_ref();
        let same_pages = last.is_some_and(|b| Arc::ptr_eq(t, b));
        // The last pages with the tags' listed again: those are the pages that went.
        let retagged = last.and_then(|b| t.gone_since(b));
        if !same_pages && retagged.is_none() {
            return self
                .on_disk
                .keys()
                .filter(|p| unclaimed(p))
                .cloned()
                .collect();
        }
        // Everything on disk was a page or a file of the last rebuild: with the same pages,
        // what goes is among the files no longer made (a family made again is compared
        // with its paths before, not every file on disk with every path); with the last
        // pages retagged, also among the tag pages the new list lacks.
        let mut gone: Vec<String> = (no_longer.iter())
            .chain(old_trees.difference(&self.tree_paths))
            .chain(retagged.unwrap_or_default())
            .filter(|p| unclaimed(p) && self.on_disk.contains_key(*p))
            .cloned()
            .collect();
        gone.sort();
        gone.dedup();
        gone
    }

    /// Writes the `changed` files of `out` and removes the `removed` ones; the first time,
    /// through a staging folder swapped in for the output.
    pub(super) fn write(
        &self,
        out: &crate::hash::Map<String, Vec<u8>>,
        changed: &[(String, u64)],
        removed: &[String],
    ) -> Result<(), Fatal> {
        let dir = &self.out;
        if self.has_output {
            changed
                .par_iter()
                .try_for_each(|(p, _)| write::replace(dir, p, &out[p]))
                .map_err(|e| Fatal::Output(output::OutputError::Io(dir.clone(), e)))?;
            for p in removed {
                write::remove(dir, p)
                    .map_err(|e| Fatal::Output(output::OutputError::Io(dir.join(p), e)))?;
            }
            return Ok(());
        }
        output::check_replaceable(&self.opts.root, dir)?;
        let staging = Staging::new(dir)?;
        changed
            .par_iter()
            .try_for_each(|(p, _)| staging.write(p, &out[p]))
            .map_err(|e| {
                let e = staging
                    .failure()
                    .unwrap_or(output::OutputError::Write(dir.clone(), e));
                Fatal::Output(e)
            })?;
        staging.commit()?;
        Ok(())
    }

    /// Records what is now on disk: the hashes and stamps of the files written, the removed
    /// ones forgotten. Returns the paths written, sorted.
    pub(super) fn record(
        &mut self,
        changed: Vec<(String, u64)>,
        removed: &[String],
    ) -> Vec<String> {
        for p in removed {
            self.on_disk.remove(p);
        }
        super::output_check::stamp_written(
            &self.out,
            &mut self.written,
            changed.par_iter().map(|(p, _)| p),
            removed,
        );
        let mut written: Vec<String> = changed.iter().map(|(p, _)| p.clone()).collect();
        written.sort();
        self.on_disk.extend(changed);
        written
    }

    /// Keeps the fingerprints the output now matches.
    fn remember(&mut self, plan: Plan) {
        match plan.fps {
            Some(fps) => {
                self.page_fps = fps.pages;
                self.last_targets = self.targets.clone();
            }
            None => {
                // Pages rendered outside the fingerprint pass: the next pass renders them
                // again rather than trust a fingerprint computed without them.

                for path in &plan.named {
                    let at = self.last_targets.as_ref().and_then(|t| t.index.get(path));
                    if let Some(fp) = at.and_then(|&i| self.page_fps.get_mut(i)) {
                        *fp = UNKNOWN;
                    }
                }
            }
        }
    }
}

/// How many pages a rebuild may render for its views to be learnt (see
/// `Engine::view_check`); the first build learns every page's.
const LEARN_AT_MOST: usize = 1_000;

/// What copied files and every generated file depend on: `part` (what the fingerprints
/// say of them) and the copied files' `stamps`.
fn files_fp(part: u64, stamps: u64) -> u64 {
    let mut h = crate::hash::hasher();
    (part, stamps).hash(&mut h);
    h.finish()
}

/// The copied files (output path, source, stamp) as last looked at, and the key generated
/// files depend on: it changes when a copied file comes, goes or changes.
#[derive(Default)]
pub(super) struct CopiedStamps {
    /// Each copied file: output path, source and stamp, as last looked at.
    list: Vec<(String, std::path::PathBuf, Option<Stamp>)>,
    /// The hash of `list` when a stamp last really changed.
    key: u64,
}

/// The files besides pages as last made: what they were made from and their paths.
#[derive(Default)]
pub(super) struct Made {
    /// Configuration, theme and the stamps of copied files; `None` before the first build.
    files_fp: Option<u64>,
    /// The fingerprints' part of `files_fp`.
    files_part: Option<u64>,
    generated: BTreeMap<Generated, u64>,
    /// Paths of copied files (static files, assets, the theme's).
    copied: BTreeSet<String>,
    /// Paths of the site's own `static/` files, which replace generated ones.
    above: BTreeSet<String>,
    /// Paths of each generated family; a family made again with the same paths keeps the
    /// same set, so that rebuilds compare them by pointer (10,000 card paths at 10,000
    /// briefings).
    families: BTreeMap<Generated, Arc<BTreeSet<String>>>,
    /// Entries of `search-index.json` by fingerprint: on a large site, serialising every
    /// entry again takes longer than the rest of a front-matter edit.
    search_entries: HashMap<u64, Vec<u8>>,
    /// The full-text index's word lists, as its files on disk hold them: an edit of a few
    /// briefings updates them in place (`None`: made again with the family first).
    pub(super) postings: Option<render::search::fulltext::Postings>,
    /// What `postings` were made from: [`fingerprint::Fingerprints::search_texts`] (a
    /// briefing whose body was since updated in place may differ, and is updated again)
    /// and `search_frame`.
    texts: (Vec<u64>, Option<u64>),
    /// Rows of the CSV exports by briefing: each file is tens of megabytes on a large site,
    /// and a date or stances edit changes the rows of a few briefings.
    csv_rows: CsvRows,
    /// The name of each card in place, by what it draws
    /// ([`fingerprint::Fingerprints::cards`]): making every card to learn its name took
    /// most of the generated files of a title edit.
    card_names: HashMap<u64, String>,
}

/// What making files moves out of [`Made`] into what it makes: its caches by fingerprint.
/// Taken before the files are made beside the pages, which read the rest of `Made`.
#[derive(Default)]
pub(super) struct Caches {
    search_entries: HashMap<u64, Vec<u8>>,
    postings_kept: Option<render::search::fulltext::Postings>,
    csv_rows: CsvRows,
    card_names: HashMap<u64, String>,
}

/// The rows of `data/stances.csv` and `data/changes.csv` of each briefing, by what they
/// show ([`fingerprint::Fingerprints::stance_rows`]; for changes, with the position before
/// each).
#[derive(Default)]
struct CsvRows {
    stances: HashMap<u64, String>,
    changes: HashMap<u64, String>,
}

impl Made {
    /// Moves its caches out, for files to be made from them.
    fn take_caches(&mut self) -> Caches {
        Caches {
            search_entries: std::mem::take(&mut self.search_entries),
            postings_kept: self.postings.take(),
            csv_rows: std::mem::take(&mut self.csv_rows),
            card_names: std::mem::take(&mut self.card_names),
        }
    }

    /// Records that the full-text files were written by an update in place, not made with
    /// the family: the next general rebuild makes them again whatever its fingerprint.
    pub(super) fn patched_search_text(&mut self) {
        self.generated.remove(&Generated::SearchText);
    }

    /// Makes the next pass make every file besides pages again (the caches stay).
    pub(super) fn forget(&mut self) {
        self.files_fp = None;
    }

    /// The fingerprints' part of what the files were made from; `None` before a first build.
    pub(super) fn files_part(&self) -> Option<u64> {
        self.files_part.filter(|_| self.files_fp.is_some())
    }

    /// Records that the copied files now have `stamps`, their bytes written (the files
    /// made from the same `part` otherwise).
    pub(super) fn restamp(&mut self, part: u64, stamps: u64) {
        self.files_fp = Some(files_fp(part, stamps));
    }

    /// Records that the files of family `g` now include `paths.came`, not `paths.gone`.
    fn repath(&mut self, g: Generated, paths: &render::search::fulltext::Paths) {
        // Nothing came or went (every general rebuild): the set stays shared, not copied.
        if paths.came.is_empty() && paths.gone.is_empty() {
            return;
        }
        if let Some(family) = self.families.get_mut(&g) {
            let family = Arc::make_mut(family);
            family.extend(paths.came.iter().cloned());
            for p in &paths.gone {
                family.remove(p);
            }
        }
    }

    /// Whether a copied file of the theme at `path` is hidden by a file above it: the
    /// site's own static file or a generated one.
    pub(super) fn covers(&self, path: &str) -> bool {
        self.above.contains(path) || self.families.values().any(|f| f.contains(path))
    }

    /// Whether a file that is not a page has `path`.
    pub(super) fn has(&self, path: &str) -> bool {
        self.copied.contains(path) || self.families.values().any(|f| f.contains(path))
    }

    /// The paths of files besides pages made here that `now` does not make. A family
    /// `now` shares is skipped; one made again is compared with its paths in `now` first.
    fn gone_in<'a>(&'a self, now: &Made) -> Vec<&'a String> {
        let mut gone: Vec<&String> = (self.copied.iter()).filter(|p| !now.has(p)).collect();
        for (g, paths) in &self.families {
            let after = now.families.get(g);
            if after.is_some_and(|a| Arc::ptr_eq(a, paths)) {
                continue;
            }
            let left = (paths.iter()).filter(|p| !after.is_some_and(|a| a.contains(*p)));
            // A path may have moved to another family, or to the copied files.
            gone.extend(left.filter(|p| !now.has(p)));
        }
        gone
    }
}

/// What making files reads from disk (copied files, the card and picture caches), and the
/// clock its stages are timed by.
struct Disk<'a> {
    read: &'a (dyn Fn(&Path) -> std::io::Result<Vec<u8>> + Sync),
    laps: &'a super::Laps,
    cards: crate::card_cache::CardCache,
    images: crate::image_cache::ImageCache,
    /// What the pages read of the whole site, made for the fingerprints.
    derived: &'a render::pages::Derived,
}

/// Makes again the files besides pages whose inputs changed since `last`: all of them
/// when the configuration, theme or a copied file changed, otherwise only the generated
/// families whose fingerprint changed. Returns what is now made, and the files to compare
/// with what is on disk.
fn make_files(
    site: &crate::site::Site,
    theme: &Theme,
    fps: &fingerprint::Fingerprints,
    (last, caches): (&Made, Caches),
    files_fp: u64,
    disk: &Disk<'_>,
    d: &mut Diagnostics,
) -> (Made, BTreeMap<String, Vec<u8>>) {
    let Caches {
        search_entries: cached,
        mut postings_kept,
        csv_rows,
        card_names,
    } = caches;
    disk.laps.begin("generated files");
    let read = disk.read;
    let stale: Vec<Generated> = Generated::ALL
        .into_iter()
        .filter(|g| last.generated.get(g) != fps.generated.get(g))
        .collect();
    let everything = last.files_fp != Some(files_fp);
    // The caches move into what is made now (on an error they are simply made again).
    let entries = if everything || stale.contains(&Generated::SearchIndex) {
        by_fingerprint(&fps.search_entries, cached, |i| {
            search_entry(site, BriefingIdx::from_index(i))
        })
    } else {
        cached
    };
    let failed_images = std::sync::Mutex::new(Vec::new());
    let postings = std::sync::Mutex::new(None);
    let csv_rows = std::sync::Mutex::new(csv_rows);
    // The full-text files of a few briefings edited are updated in place: made whole, they
    // take longer than the rest of a front-matter edit.
    let patched = match everything || !stale.contains(&Generated::SearchText) {
        true => None,
        false => {
            disk.laps.begin("search files in place");
            let patch = patch_text(site, fps, last, &mut postings_kept);
            if patch.is_none() {
                // Said in `--timings`: the time is then the generated files'.
                disk.laps.begin("search files to be made whole");
            }
            disk.laps.begin("generated files");
            patch
        }
    };
    let stale: Vec<Generated> = (stale.into_iter())
        .filter(|g| !(patched.is_some() && *g == Generated::SearchText))
        .collect();
    let last_cards = last.families.get(&Generated::Cards).cloned();
    let last_cards = last_cards.unwrap_or_default();
    let card_names = std::sync::Mutex::new(card_names);
    // `all`: every file of the family is handed back, none left in place.
    let made_family = |g: Generated, all: bool| {
        let files = match g {
            Generated::SearchIndex => vec![("search-index.json".to_string(), {
                let all: Vec<Cow<'_, [u8]>> = (fps.search_entries.iter().enumerate())
                    .map(|(i, fp)| match entries.get(fp) {
                        Some(e) => Cow::Borrowed(e.as_slice()),
                        None => Cow::Owned(search_entry(site, BriefingIdx::from_index(i))),
                    })
                    .collect();
                hosting::search_index_of(all.iter().map(|e| &**e))
            })],
            // Cards come from the card cache when there; those drawn are kept in it.
            // Cards are named by what they draw: one already in place is left there.
            Generated::Cards => {
                let cache = &disk.cards;
                let out = std::sync::Mutex::new(Vec::new());
                // By name, looked up once per briefing: not a path made for each.
                let in_place: std::collections::HashSet<&str, ahash::RandomState> = match all {
                    true => Default::default(),
                    false => (last_cards.iter())
                        .filter_map(|p| p.strip_prefix("cards/")?.strip_suffix(".png"))
                        .collect(),
                };
                let placed = |h: &str| in_place.contains(h);
                let mut names = card_names.lock().unwrap_or_else(|e| e.into_inner());
                let emit = |hash: &str, png: &[u8], drawn: bool| {
                    if drawn {
                        cache.store(hash, png);
                    }
                    let file = (format!("cards/{hash}.png"), png.to_vec());
                    out.lock().unwrap_or_else(|e| e.into_inner()).push(file);
                };
                let cached = |h: &str| cache.read(h).map(render::cards::Cached::Bytes);
                if !all
                    && let Some(paths) =
                        patch_cards(site, fps, &mut names, &last_cards, &cached, &emit)
                {
                    let files = out.into_inner().unwrap_or_else(|e| e.into_inner());
                    return (g, paths, files);
                }
                let known = |b: BriefingIdx| {
                    let name = names.get(&fps.cards[b.index()])?;
                    placed(name).then(|| name.clone())
                };
                let done = render::cards::each_known(
                    site,
                    &known,
                    &|h| match placed(h) {
                        true => Some(render::cards::Cached::Placed),
                        false => cached(h),
                    },
                    &emit,
                );
                let files = out.into_inner().unwrap_or_else(|e| e.into_inner());
                *names = (done.names.into_iter())
                    .map(|(b, name)| (fps.cards[b.index()], name))
                    .collect();
                let paths = (done.hashes.iter()).map(|h| format!("cards/{h}.png"));
                return (g, paths.collect(), files);
            }
            // Pictures too, from the picture cache; a picture that does not decode is an
            // error, as in a build.
            Generated::Images => {
                let cache = &disk.images;
                let out = std::sync::Mutex::new(Vec::new());
                let done = crate::images::made::each(
                    &site.images,
                    &|p| cache.read(p).map(crate::images::made::Cached::Bytes),
                    &|path, bytes, made| {
                        if made {
                            cache.store(path, bytes);
                        }
                        let file = (path.to_string(), bytes.to_vec());
                        out.lock().unwrap_or_else(|e| e.into_inner()).push(file);
                    },
                );
                failed_images
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .extend(done.failed);
                out.into_inner().unwrap_or_else(|e| e.into_inner())
            }
            // The word lists are kept for body edits to update in place.
            Generated::SearchText => {
                let out = std::sync::Mutex::new(Vec::new());
                let kept = render::search::text_files_keeping(site, &|p, b| {
                    out.lock().unwrap_or_else(|e| e.into_inner()).push((p, b));
                });
                *postings.lock().unwrap_or_else(|e| e.into_inner()) = Some(kept);
                out.into_inner().unwrap_or_else(|e| e.into_inner())
            }
            Generated::StancesCsv => {
                let mut cache = csv_rows.lock().unwrap_or_else(|e| e.into_inner());
                let all = render::changes::all_of(site, disk.derived.changes(site));
                let (files, kept) =
                    csv_files(site, &all, &fps.stance_rows, std::mem::take(&mut cache));
                *cache = kept;
                files
            }
            // `search-index.json`, which quotes excerpts, is made from the cache above.
            _ => g.make(site, &[]),
        };
        let paths: BTreeSet<String> = files.iter().map(|(p, _)| p.clone()).collect();
        (g, paths, files)
    };
    if !everything {
        let mut fresh: Vec<_> = stale.par_iter().map(|&g| made_family(g, false)).collect();
        if let Some((kept, paths, files)) = patched {
            let mut family =
                (last.families.get(&Generated::SearchText)).map(|f| BTreeSet::clone(f));
            if let Some(f) = &mut family {
                f.extend(paths.came);
                for p in &paths.gone {
                    f.remove(p);
                }
            }
            *postings.lock().unwrap_or_else(|e| e.into_inner()) = Some(kept);
            fresh.push((Generated::SearchText, family.unwrap_or_default(), files));
        }
        // A family whose files came or went at the path of a copied file uncovers or hides
        // it: that is sorted out by making everything.
        let uncovers = |g: &Generated, paths: &BTreeSet<String>| {
            let before = last.families.get(g);
            let before =
                before.map_or_else(|| Cow::Owned(BTreeSet::new()), |b| Cow::Borrowed(&**b));
            (paths.symmetric_difference(&before)).any(|p| last.copied.contains(p))
        };
        if !fresh.iter().any(|(g, paths, _)| uncovers(g, paths)) {
            let mut families = last.families.clone();
            let mut files = BTreeMap::new();
            for (g, paths, list) in fresh {
                files.extend(list.into_iter().filter(|(p, _)| !last.above.contains(p)));
                // The same paths: the same set, which the next rebuild compares by pointer.
                if families.get(&g).is_none_or(|f| **f != paths) {
                    families.insert(g, Arc::new(paths));
                }
            }
            let fresh_postings = postings.into_inner().unwrap_or_else(|e| e.into_inner());
            let made = Made {
                files_fp: last.files_fp,
                files_part: last.files_part,
                generated: fps.generated.clone(),
                copied: last.copied.clone(),
                above: last.above.clone(),
                families,
                search_entries: entries,
                postings: fresh_postings.or(postings_kept),
                texts: (fps.search_texts.clone(), Some(fps.search_frame)),
                csv_rows: csv_rows.into_inner().unwrap_or_else(|e| e.into_inner()),
                card_names: card_names.into_inner().unwrap_or_else(|e| e.into_inner()),
            };
            image_errors(failed_images, d);
            return (made, files);
        }
    }
    let hosting::Copied { below, above } = hosting::copied(site, theme, read, d);
    let fresh: Vec<_> = (Generated::ALL.par_iter())
        .map(|&g| made_family(g, true))
        .collect();
    let mut made = Made {
        files_fp: Some(files_fp),
        files_part: Some(fps.files),
        generated: fps.generated.clone(),
        copied: below.keys().chain(above.keys()).cloned().collect(),
        above: above.keys().cloned().collect(),
        families: BTreeMap::new(),
        search_entries: HashMap::new(),
        postings: None,
        texts: (fps.search_texts.clone(), Some(fps.search_frame)),
        csv_rows: csv_rows.into_inner().unwrap_or_else(|e| e.into_inner()),
        card_names: card_names.into_inner().unwrap_or_else(|e| e.into_inner()),
    };
    let mut files = below;
    for (g, paths, list) in fresh {
        made.families.insert(g, Arc::new(paths));
        files.extend(list);
    }
    files.extend(above);
    made.search_entries = entries;
    made.postings = postings.into_inner().unwrap_or_else(|e| e.into_inner());
    image_errors(failed_images, d);
    (made, files)
}

/// Most briefings a card family is patched for; more are made with the rest of the family.
const CARDS_PATCHED_AT_MOST: usize = 1024;

/// The paths of the card family after an edit that changed a few cards: the last family's
/// (`last`), without the cards no briefing draws any more, with the new ones, which are
/// handed to `emit` (from `cached` or drawn). `names` (each card fingerprint's card name)
/// is updated to match. `None`, with `names` as it was, when nothing was made before or
/// too many cards changed: the family is then made whole.
///
/// Each name `names` holds is in the family it was made with, and the family holds the
/// site's card besides: a card whose fingerprint is known is in place.
fn patch_cards(
    site: &Site,
    fps: &fingerprint::Fingerprints,
    names: &mut HashMap<u64, String>,
    last: &BTreeSet<String>,
    cached: &(dyn Fn(&str) -> Option<render::cards::Cached> + Sync),
    emit: &(dyn Fn(&str, &[u8], bool) + Sync),
) -> Option<BTreeSet<String>> {
    if names.is_empty() || last.is_empty() {
        return None;
    }
    let mut new: Vec<usize> = Vec::new();
    let mut used: std::collections::HashSet<u64, ahash::RandomState> = Default::default();
    for (b, image) in site.images.briefings.iter_ids() {
        // A briefing with a picture of its own (`image:`) shows that instead of a card.
        if image.is_some() {
            continue;
        }
        let fp = fps.cards[b.index()];
        if !names.contains_key(&fp) {
            new.push(b.index());
            if new.len() > CARDS_PATCHED_AT_MOST {
                return None;
            }
        }
        used.insert(fp);
    }
    let mut gone: std::collections::HashSet<String, ahash::RandomState> = Default::default();
    names.retain(|fp, name| {
        let keep = used.contains(fp);
        if !keep {
            gone.insert(std::mem::take(name));
        }
        keep
    });
    let mut cards = Vec::new();
    for i in new {
        // Two new briefings may have one fingerprint: its card is made once.
        if let std::collections::hash_map::Entry::Vacant(slot) = names.entry(fps.cards[i]) {
            let b = BriefingIdx::from_index(i);
            let card = render::cards::briefing_card(site, &site.config.i18n, b);
            slot.insert(card.hash.clone());
            cards.push(card);
        }
    }
    let site_card = render::cards::site_card(site);
    // Two briefings may draw the same card: a card gone from one stays for the other.
    if !gone.is_empty() {
        for name in names.values() {
            gone.remove(name);
        }
        gone.remove(&site_card.hash);
    }
    let mut paths = last.clone();
    for name in gone {
        paths.remove(&format!("cards/{name}.png"));
    }
    cards.push(site_card);
    cards.retain(|c| paths.insert(format!("cards/{}.png", c.hash)));
    render::cards::make(&cards, cached, emit, &mut Default::default());
    Some(paths)
}

/// The full-text index updated in place: the word lists, the paths that came and went,
/// the files written.
type TextPatch = (
    render::search::fulltext::Postings,
    render::search::fulltext::Paths,
    Vec<(String, Vec<u8>)>,
);

/// Most briefings whose full-text entries are updated in place rather than made again
/// with the rest (each is read again whole).
const PATCH_MOST: usize = 64;

/// The full-text files updated in place for the briefings whose entries changed since
/// `last` made them, and for those that only moved in date order (renumbered: their word
/// lists are renumbered and their text files written again, nothing read again): the word
/// lists, the paths that came and went, the files. `None` when they are to be made whole:
/// no word lists kept, briefings added or removed, too many briefings changed (an entity
/// renamed changes the entries of the briefings naming it), or more than half the
/// briefings moved (and more than [`PATCH_MOST`]): their text files are then most of the
/// files, and making them all costs no more. The word lists are `postings`, taken once the
/// update can start.
fn patch_text(
    site: &Site,
    fps: &fingerprint::Fingerprints,
    last: &Made,
    postings: &mut Option<render::search::fulltext::Postings>,
) -> Option<TextPatch> {
    let (before, frame) = &last.texts;
    let now = &fps.search_texts;
    if *frame != Some(fps.search_frame) || before.len() != now.len() {
        return None;
    }
    let (to, changed) = renumbering(before, now)?;
    let moved = to.as_ref().map_or(0, |to| {
        (to.iter().enumerate())
            .filter(|&(n, &m)| n != m as usize)
            .count()
    });
    if changed.len() > PATCH_MOST || (moved > PATCH_MOST && moved > now.len() / 2) {
        return None;
    }
    let postings = postings.take()?;
    // Lists of another count of briefings could not be renumbered.
    let mut postings = Some(postings).filter(|p| p.count() == now.len())?;
    let files = std::sync::Mutex::new(Vec::new());
    let emit = |p: String, bytes: Vec<u8>| {
        (files.lock().unwrap_or_else(|e| e.into_inner())).push((p, bytes));
    };
    let paths =
        render::search::update_text_files(site, &mut postings, to.as_deref(), &changed, &emit);
    let files = files.into_inner().unwrap_or_else(|e| e.into_inner());
    Some((postings, paths, files))
}

/// How the briefings' full-text entries `now` (by briefing index, oldest first) came from
/// `before`: the full-text number now of each number before when any briefing moved (an
/// entry found at another place is the same briefing, moved), and the briefings whose
/// entries changed (each given the place of an entry that went). `None` when more than
/// [`PATCH_MOST`] changed.
fn renumbering(before: &[u64], now: &[u64]) -> Option<(Option<Vec<u32>>, Vec<BriefingIdx>)> {
    let total = now.len();
    let mut from: Vec<Option<usize>> = vec![None; total];
    let mut taken = vec![false; total];
    let mut differ = Vec::new();
    for (i, (a, b)) in before.iter().zip(now).enumerate() {
        if a == b {
            from[i] = Some(i);
            taken[i] = true;
        } else {
            differ.push(i);
        }
    }
    if differ.is_empty() {
        return Some((None, Vec::new()));
    }
    let at: HashMap<u64, usize> = differ.iter().map(|&i| (before[i], i)).collect();
    for &i in &differ {
        if let Some(&j) = at.get(&now[i]).filter(|&&j| !taken[j]) {
            from[i] = Some(j);
            taken[j] = true;
        }
    }
    // What is left changed: each takes the place of an entry that went, in order.
    let mut went = (0..total).filter(|&j| !taken[j]);
    let mut changed = Vec::new();
    for (i, from) in from.iter_mut().enumerate() {
        if from.is_none() {
            *from = went.next();
            changed.push(BriefingIdx::from_index(i));
            if changed.len() > PATCH_MOST {
                return None;
            }
        }
    }
    // Numbers count from the newest briefing.
    let number = |i: usize| (total - 1 - i) as u32;
    let mut to = vec![0u32; total];
    let mut moved = false;
    for (i, j) in from.iter().enumerate() {
        let j = (*j)?;
        to[number(j) as usize] = number(i);
        moved |= i != j;
    }
    Some((moved.then_some(to), changed))
}

/// The pictures that did not decode, as errors (as a build reports them).
fn image_errors(
    failed: std::sync::Mutex<Vec<(crate::images::Local, String)>>,
    d: &mut Diagnostics,
) {
    let failed = failed.into_inner().unwrap_or_else(|e| e.into_inner());
    crate::images::made::report(&failed, d);
}

/// One value per briefing, by its fingerprint in `fps`: taken from `last` when there,
/// made by `make(briefing index)` otherwise.
fn by_fingerprint<T: Send>(
    fps: &[u64],
    mut last: HashMap<u64, T>,
    make: impl Fn(usize) -> T + Sync,
) -> HashMap<u64, T> {
    let fresh: Vec<(u64, Option<T>)> = fps.iter().map(|fp| (*fp, last.remove(fp))).collect();
    fresh
        .into_par_iter()
        .enumerate()
        .map(|(i, (fp, old))| (fp, old.unwrap_or_else(|| make(i))))
        .collect()
}

/// `data/stances.csv` and `data/changes.csv` (of `all`, the site's changes oldest first),
/// the rows of each briefing taken from `last` when what they show is there (by `rows`,
/// per briefing), made otherwise; and the rows now, to keep.
fn csv_files(
    site: &Site,
    all: &[render::changes::Change],
    rows: &[u64],
    last: CsvRows,
) -> (Vec<(String, Vec<u8>)>, CsvRows) {
    use render::exports::{CHANGE_COLUMNS, STANCE_COLUMNS, header};
    let stances = by_fingerprint(rows, last.stances, |i| {
        let mut out = String::new();
        render::exports::stance_rows(site, BriefingIdx::from_index(i), &mut out);
        out
    });
    // A briefing's changes follow each other (by date, then briefing), and show its rows
    // and the position before each.
    let runs: Vec<&[render::changes::Change]> = all
        .chunk_by(|a, b| a.at.briefing == b.at.briefing)
        .collect();
    let keys: Vec<u64> = (runs.iter())
        .map(|run| {
            let mut hs = crate::hash::hasher();
            rows[run[0].at.briefing.index()].hash(&mut hs);
            for c in *run {
                (c.at.stance, c.from).hash(&mut hs);
            }
            hs.finish()
        })
        .collect();
    let changes = by_fingerprint(&keys, last.changes, |i| {
        let mut out = String::new();
        render::exports::change_rows(site, runs[i], &mut out);
        out
    });
    let file = |header: String, map: &HashMap<u64, String>, keys: &[u64]| {
        let parts: Vec<&str> = (keys.iter())
            .map(|k| map.get(k).map_or("", String::as_str))
            .collect();
        let mut out =
            Vec::with_capacity(header.len() + parts.iter().map(|p| p.len()).sum::<usize>());
        out.extend_from_slice(header.as_bytes());
        for p in parts {
            out.extend_from_slice(p.as_bytes());
        }
        out
    };
    let files = vec![
        (
            "data/stances.csv".to_string(),
            file(header(&STANCE_COLUMNS), &stances, rows),
        ),
        (
            "data/changes.csv".to_string(),
            file(header(&CHANGE_COLUMNS), &changes, &keys),
        ),
    ];
    (files, CsvRows { stances, changes })
}

/// The `search-index.json` entry of briefing `i`.
fn search_entry(site: &crate::site::Site, i: BriefingIdx) -> Vec<u8> {
    let excerpt = render::search::excerpt(&site.bodies[i]);
    hosting::search_entry(site, i, &excerpt)
}

/// Runs into `consistency` the checks an assembly of `site` left to `bodies`, if any;
/// whether there were.
fn run_due(
    bodies: &mut crate::pipeline::BodyCache,
    consistency: &mut Diagnostics,
    site: &Site,
    laps: &super::Laps,
) -> bool {
    if !bodies.has_due() {
        return false;
    }
    laps.begin("consistency");
    let mut found = Diagnostics::new();
    bodies.check_due(site, &mut found);
    consistency.extend(found);
    true
}
