//! The site's files as last seen: parsed Markdown keyed by path with the stamp (modified
//! time and length) it was read at, the lists of static files and assets, and the bytes of
//! static files already read. A file is read again only when it changed.

use crate::confine::Confine;
use crate::diagnostic::{Diagnostics, display_path};
use crate::parse::{self, Parsed};
use crate::source::{self, Found, Skip, StaticFile};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::SystemTime;

/// When a file was last modified and how long it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp(Option<SystemTime>, u64);

impl Stamp {
    /// The stamp of the file at `path`, `None` when it is gone.
    pub fn of(path: &Path) -> Option<Stamp> {
        let m = std::fs::metadata(path).ok()?;
        Some(Stamp(m.modified().ok(), m.len()))
    }
}

/// One Markdown file, parsed.
#[derive(Clone)]
pub struct Entry {
    pub stamp: Option<Stamp>,
    /// Hash of the front matter as read (what page fingerprints build on; bodies are
    /// covered by the rendered-body cache key).
    pub hash: u64,
    /// `None` when the file has errors (in `diags`).
    pub parsed: Option<Parsed>,
    pub diags: Diagnostics,
}

/// Reads and parses one Markdown file under `root`.
pub fn read_entry(root: &Path, file: &Found) -> Entry {
    let stamp = Stamp::of(&file.path);
    let mut diags = Diagnostics::new();
    let (hash, parsed) = match source::load_markdown(root, file, &mut diags) {
        Some(f) => {
            let parsed = parse::parse_file(&f, &mut diags);
            let body_line = match &parsed {
                Some(Parsed::Briefing(b)) => b.body_line,
                Some(Parsed::Profile(p)) => p.body_line,
                None => u32::MAX,
            };
            // Everything before the body: the front matter and its fences.
            let front: String = f
                .text
                .split_inclusive('\n')
                .take(body_line.saturating_sub(1) as usize)
                .collect();
            let mut h = crate::hash::hasher();
            (front, f.path).hash(&mut h);
            (h.finish(), parsed)
        }
        None => (0, None),
    };
    Entry {
        stamp,
        hash,
        parsed,
        diags,
    }
}

/// Every file of the site the build reads.
pub struct Tracked {
    root: PathBuf,
    /// Where symlinks may lead: the rules of a clean build.
    pub confine: Confine,
    /// Markdown under `content/`, by path relative to the root.
    pub markdown: BTreeMap<String, Entry>,
    pub assets: Vec<StaticFile>,
    pub statics: Vec<StaticFile>,
    /// Warnings of the last walk of `content/` (symlinks) and of `static/`.
    pub content_walk: Diagnostics,
    pub static_walk: Diagnostics,
    bytes: Mutex<HashMap<PathBuf, (Stamp, Vec<u8>)>>,
}

impl Tracked {
    /// Nothing read yet, for the site at `root` built into `out`.
    pub fn new(root: &Path, out: &Path) -> Tracked {
        Tracked {
            root: root.to_path_buf(),
            confine: Confine::new(root, Some(out)),
            markdown: BTreeMap::new(),
            assets: Vec::new(),
            statics: Vec::new(),
            content_walk: Diagnostics::new(),
            static_walk: Diagnostics::new(),
            bytes: Mutex::new(HashMap::new()),
        }
    }

    /// Walks `content/` again: new files and files in `force` (or whose stamp changed) are
    /// read; files that are gone are dropped. Returns the paths read.
    pub fn rescan_content(&mut self, force: &BTreeSet<String>) -> Vec<String> {
        let mut diags = Diagnostics::new();
        let content = self.root.join("content");
        let found = source::walk(&self.confine, &content, Skip::Hidden, &mut diags);
        let (md, assets) = source::split_content(&self.confine, found, &mut diags);
        self.content_walk = diags;
        self.assets = assets;
        let rels: Vec<(String, Found)> = md
            .into_iter()
            .map(|f| {
                (
                    display_path(f.path.strip_prefix(&self.root).unwrap_or(&f.path)),
                    f,
                )
            })
            .collect();
        let keep: BTreeSet<&String> = rels.iter().map(|(r, _)| r).collect();
        self.markdown.retain(|k, _| keep.contains(k));
        let stale: Vec<&(String, Found)> = rels
            .iter()
            .filter(|(rel, f)| {
                force.contains(rel)
                    || self
                        .markdown
                        .get(rel)
                        .is_none_or(|e| e.stamp.is_none() || e.stamp != Stamp::of(&f.path))
            })
            .collect();
        let root = &self.root;
        let read: Vec<(String, Entry)> = stale
            .par_iter()
            .map(|(rel, f)| (rel.clone(), read_entry(root, f)))
            .collect();
        let paths = read.iter().map(|(r, _)| r.clone()).collect();
        self.markdown.extend(read);
        paths
    }

    /// The Markdown file `rel` (relative to the root) as a walk finds it, when no symlink
    /// is on its way (a file behind a link is looked at by walking `content/` again).
    pub fn unlinked(&self, rel: &str) -> Option<Found> {
        let path = self.root.join(rel);
        let target = self.confine.canon_root.join(rel);
        let direct = self
            .confine
            .resolve(&path, crate::confine::Use::Page)
            .is_ok_and(|t| t.as_ref() == Some(&target));
        direct.then_some(Found { path, target })
    }

    /// Reads the one Markdown file `rel` again, or drops it when it is gone. `rel` has no
    /// symlink on its way ([`Tracked::unlinked`]).
    pub fn refresh_markdown(&mut self, rel: &str) {
        let found = self.unlinked(rel);
        if let Some(found) = found.filter(|f| f.target.is_file()) {
            let entry = read_entry(&self.root, &found);
            self.markdown.insert(rel.to_string(), entry);
        } else {
            self.markdown.remove(rel);
        }
    }

    /// Walks `static/` again (names only; bytes are read when needed).
    pub fn rescan_static(&mut self) {
        let mut diags = Diagnostics::new();
        let dir = self.root.join("static");
        self.statics = source::statics(&self.confine, &dir, &mut diags);
        self.static_walk = diags;
    }

    /// The bytes of a static file, read again only when its stamp changed.
    pub fn read(&self, path: &Path) -> std::io::Result<Vec<u8>> {
        let stamp = Stamp::of(path);
        let mut cache = self.bytes.lock().unwrap_or_else(|e| e.into_inner());
        if let (Some(s), Some((old, bytes))) = (stamp, cache.get(path))
            && *old == s
        {
            return Ok(bytes.clone());
        }
        let bytes = crate::confine::read(path)?;
        if let Some(s) = stamp {
            cache.insert(path.to_path_buf(), (s, bytes.clone()));
        }
        Ok(bytes)
    }
}
