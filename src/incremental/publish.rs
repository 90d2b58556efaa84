//! The end of every rebuild: render the pages that need it, compare bytes, write what
//! changed (the first time through a staging folder swapped in), remove what is gone.

use super::{Engine, Outcome, Scope, count_errors, fingerprint, push, write};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::output::{self, Staging};
use crate::pipeline::Fatal;
use crate::render::{self, Sink, hosting, pages::Views, theme, theme::Theme};
use rayon::prelude::*;
use std::collections::{BTreeSet, HashMap};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;
use std::time::Instant;

impl Engine {
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
    pub(super) fn finish(
        &mut self,
        what: String,
        start: Instant,
        scope: Scope,
    ) -> Result<Outcome, Fatal> {
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
                // The rendered HTML, not the Markdown: a body whose text stayed the same can
                // still render differently when what its links resolve to changed (an alias
                // removed sends `[[Syrskyi]]` to another page).
                let body = |p: &str| bodies.get(p).map_or(0, |c| c.html_hash);
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
