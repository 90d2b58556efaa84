//! The copy-only path: the bytes of files that are copied as they are (a style sheet, a
//! script) changed, and nothing else did. No page and no generated file reads them, so
//! only those files are written again, where the output shows them.

use super::{Changes, Class, Engine, Outcome, Rebuilt, outcome::Change};
use crate::pipeline::Fatal;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Kinds of copied file that nothing else reads: pictures are read for their sizes and
/// made into other files, so an edit of one takes the general path.
const COPIED_ONLY: [&str; 14] = [
    "css",
    "js",
    "mjs",
    "map",
    "json",
    "txt",
    "xml",
    "html",
    "htm",
    "woff",
    "woff2",
    "ttf",
    "otf",
    "webmanifest",
];

impl Engine {
    /// Writes again the copied files `changes` names, when each is an existing file of
    /// `static/` or of the site theme's `static/` whose kind nothing else reads, and the
    /// last rebuild ended without errors. `None` when the edit is not of that kind.
    pub(super) fn try_copy_edit(
        &mut self,
        changes: &Changes,
        classes: &BTreeSet<Class>,
        start: Instant,
    ) -> Result<Option<Outcome>, Fatal> {
        let only_copied = !classes.is_empty()
            && (classes.iter()).all(|c| matches!(c, Class::Static | Class::Theme));
        if !only_copied || !self.good || !self.has_output {
            return Ok(None);
        }
        let (Some(theme), Some(part)) = (self.theme.as_ref(), self.made.files_part()) else {
            return Ok(None);
        };
        let mut files: Vec<(String, PathBuf, bool)> = Vec::new();
        // Paths the engine ignores (an editor's temporary files) are left out.
        for p in changes.paths.iter().filter(|p| self.classify(p).is_some()) {
            let Some(rel) = self.relative(p) else {
                return Ok(None);
            };
            let abs = self.opts.root.join(&rel);
            if !copied_only(&abs) || !self.unlinked_file(&abs, &rel) {
                return Ok(None);
            }
            // The file must be one the last walk found, under the same output path: a new
            // or removed file changes which files the output holds.
            let site =
                (self.files.statics.iter()).find(|f| self.relative(&f.source) == Some(rel.clone()));
            let found = match site {
                Some(f) => Some((f.output_path.clone(), true)),
                None => (crate::render::theme::site_statics(theme).into_iter())
                    .find(|(_, src)| self.relative(src) == Some(rel.clone()))
                    .map(|(out, _)| (out, false)),
            };
            let Some((out, above)) = found else {
                return Ok(None);
            };
            files.push((out, abs, above));
        }
        let mut out: crate::hash::Map<String, Vec<u8>> = Default::default();
        for (path, abs, above) in files {
            let Ok(bytes) = self.files.read(&abs) else {
                return Ok(None);
            };
            // A theme's file shows unless the site's own `static/` or a generated file has
            // the same path (the layering of a clean build).
            if above || !self.made.covers(&path) {
                out.insert(path, bytes);
            }
        }
        self.laps.begin("compare");
        let changed = self.changed(&out);
        self.laps.begin("write");
        self.write(&out, &changed, &[])?;
        // What generated files depend on includes the copied files' stamps: kept current,
        // so that the next general rebuild does not make every file again.
        let stamps = self.stamps(theme);
        let written = self.record(changed, &[]);
        self.made.restamp(part, stamps);
        let diagnostics = self.diagnostics();
        let published = super::publish::Published {
            rendered: 0,
            written,
            removed: 0,
        };
        let what = Rebuilt::Changes(changed_kinds(classes));
        Ok(Some(self.outcome(what, start, diagnostics, published)))
    }

    /// `p` relative to the site root, `/`-separated; `None` outside it.
    fn relative(&self, p: &Path) -> Option<PathBuf> {
        if p.is_relative() {
            return Some(p.to_path_buf());
        }
        (p.strip_prefix(&self.opts.root).ok())
            .or_else(|| p.strip_prefix(&self.canon_root).ok())
            .map(Path::to_path_buf)
    }

    /// Whether `abs` (`rel` in the site) is a regular file reached without a symlink: a
    /// link, or one on the way, is looked at again under the rules of a clean build.
    fn unlinked_file(&self, abs: &Path, rel: &Path) -> bool {
        let regular = std::fs::symlink_metadata(abs).is_ok_and(|m| m.file_type().is_file());
        regular
            && abs
                .canonicalize()
                .is_ok_and(|c| c == self.canon_root.join(rel))
    }
}

/// Whether the file at `p` is of a kind only copied.
fn copied_only(p: &Path) -> bool {
    let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
    COPIED_ONLY.iter().any(|k| ext.eq_ignore_ascii_case(k))
}

fn changed_kinds(classes: &BTreeSet<Class>) -> Vec<Change> {
    let mut what = Vec::new();
    if classes.contains(&Class::Theme) {
        what.push(Change::Theme);
    }
    if classes.contains(&Class::Static) {
        what.push(Change::Static);
    }
    what
}
