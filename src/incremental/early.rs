//! A long render (a template edit, the first build of `serve`) done in chunks: before each
//! chunk, the pages a browser asked for meanwhile ([`super::demand`]) are rendered and
//! written at once, ahead of the rest. The rest is written at the end as always; what was
//! written early is the same bytes, recorded as on disk.

use super::demand::Demand;
use super::fingerprint::{Targets, UNKNOWN};
use super::{Engine, write};
use crate::diagnostic::Diagnostics;
use crate::output::Sink;
use crate::render::{self, theme, theme::Theme};
use crate::site::Site;
use std::time::Duration;

/// Pages rendered between two looks at what was asked for: about 25 ms of rendering at
/// 10,000 briefings on a 2-core machine, the longest a request waits for its turn.
const CHUNK: usize = 256;

/// Files written ahead of the rest during a rebuild: output path and bytes hash.
pub(super) type Early = Vec<(String, u64)>;

/// A pause after each chunk, for tests that ask for a page while a rebuild is under way.
fn pause() -> Option<Duration> {
    static PAUSE: std::sync::OnceLock<Option<Duration>> = std::sync::OnceLock::new();
    *PAUSE.get_or_init(|| {
        let ms = std::env::var("DOSSIER_SERVE_CHUNK_PAUSE_MS").ok()?;
        ms.parse().ok().map(Duration::from_millis)
    })
}

impl Engine {
    /// Renders `pages` into `sink`, in chunks when a browser may be waiting for some of them
    /// (see the module's comment). Returns how many pages were rendered.
    pub(super) fn render_in_chunks(
        &self,
        (site, theme, targets): (&Site, &Theme, &Targets),
        pages: &[render::Page],
        sink: &dyn Sink,
        d: &mut Diagnostics,
        (early, check): (&mut Early, Option<&render::ViewCheck>),
    ) -> usize {
        let derived = &self.derived;
        let Some(demand) = self.demand.as_deref() else {
            return match check {
                Some(c) => render::render_pages_checked((site, theme, derived), pages, sink, d, c),
                None => render::render_pages_with(site, theme, pages, sink, d, derived),
            };
        };
        if pages.len() > CHUNK && self.has_output {
            demand.many();
        }
        let mut between = |now: &render::RenderNow<'_>| {
            self.serve_wanted((theme, targets), demand, now, early);
            if let Some(p) = pause() {
                std::thread::sleep(p);
            }
        };
        let between = render::Between {
            chunk: CHUNK,
            run: &mut between,
        };
        render::render_pages_in_chunks((site, theme, derived), pages, sink, d, (between, check))
    }

    /// Writes the files asked for that can be made alone: pages of `targets` and the copied
    /// files a page loads. A page whose render has errors is left for the end (the rebuild
    /// will keep the last good pages). Each one written or already fresh is served.
    pub(super) fn serve_wanted(
        &self,
        (theme, targets): (&Theme, &Targets),
        demand: &Demand,
        render: &render::RenderNow<'_>,
        early: &mut Early,
    ) {
        let wanted = demand.wanted();
        if wanted.is_empty() {
            return;
        }
        let mut pages = Vec::new();
        let mut files: Vec<(String, Vec<u8>)> = Vec::new();
        for path in &wanted {
            match targets.index.get(path) {
                // A page the site's own static file, or a generated one, stands in for is
                // written with them at the end.
                Some(&i) if !self.made.has(path) && !self.is_site_static(path) => {
                    pages.push(targets.list[i].0);
                }
                Some(_) => {}
                None => files.extend(self.copied_file(theme, path).map(|b| (path.clone(), b))),
            }
        }
        let sink = write::Memory::default();
        let mut d = Diagnostics::new();
        render(&pages, &sink, &mut d);
        if !d.has_errors() {
            files.extend(sink.files.into_inner().unwrap_or_else(|e| e.into_inner()));
        }
        if files.is_empty() || !self.may_write_early(early) {
            return;
        }
        let mut served = Vec::new();
        for (path, bytes) in files {
            let h = write::bytes_hash(&bytes);
            let before = early.iter().rev().find(|(p, _)| *p == path).map(|(_, h)| h);
            let fresh = before.or_else(|| self.on_disk.get(&path)) == Some(&h);
            if !fresh {
                if write::replace(&self.out, &path, &bytes).is_err() {
                    continue;
                }
                early.push((path.clone(), h));
            }
            served.push(path);
        }
        demand.served(&served);
    }

    /// Whether files may be written into the output folder ahead of the rest. Before the
    /// first write the folder must be empty or one of ours, and is marked as ours.
    fn may_write_early(&self, early: &Early) -> bool {
        if self.has_output || !early.is_empty() {
            return true;
        }
        if crate::output::check_replaceable(&self.opts.root, &self.out).is_err() {
            return false;
        }
        std::fs::create_dir_all(&self.out).is_ok()
            && std::fs::write(self.out.join(crate::output::MARKER), b"").is_ok()
    }

    fn is_site_static(&self, path: &str) -> bool {
        self.files.statics.iter().any(|f| f.output_path == path)
    }

    /// The bytes of the copied file at output `path`: the site's own static file, or the
    /// theme's style sheets, scripts, fonts and icons (which pages and generated files
    /// would hide: none of them has such a name outside `search/`).
    fn copied_file(&self, theme: &Theme, path: &str) -> Option<Vec<u8>> {
        if let Some(f) = self.files.statics.iter().find(|f| f.output_path == path) {
            return self.files.read(&f.source).ok();
        }
        let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
        let loaded = matches!(
            ext.as_deref(),
            Some("css" | "js" | "mjs" | "woff" | "woff2" | "svg" | "ico")
        );
        if !loaded || path.starts_with("search/") || self.made.covers(path) {
            return None;
        }
        if let Some((_, src)) = theme::site_statics(theme)
            .into_iter()
            .find(|(p, _)| p == path)
        {
            return self.files.read(&src).ok();
        }
        (theme::default_statics().into_iter())
            .find(|(p, _)| p == path)
            .map(|(_, b)| b.to_vec())
    }

    /// Records the files written early as on disk: the end of the rebuild does not write
    /// them again, and a rebuild that fails after them does not leave them unaccounted for
    /// (their pages are rendered again next time). Before the first build is in place the
    /// folder is swapped whole at the end, so nothing is recorded.
    pub(super) fn record_early(&mut self, early: &Early) {
        if early.is_empty() || !self.has_output {
            return;
        }
        super::output_check::stamp_written(
            &self.out,
            &mut self.written,
            early.iter().map(|(p, _)| p).collect::<Vec<_>>(),
            &[],
        );
        for (path, h) in early {
            self.on_disk.insert(path.clone(), *h);
            let at = self.last_targets.as_ref().and_then(|t| t.index.get(path));
            if let Some(fp) = at.and_then(|&i| self.page_fps.get_mut(i)) {
                *fp = UNKNOWN;
            }
        }
    }
}
