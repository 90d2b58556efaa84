//! The site's files as last seen: parsed Markdown keyed by path with the stamp (modified
//! time, length, and the bytes' hash while the time is recent) it was read at, the lists of static files and assets, and the bytes of
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
use std::time::{Duration, SystemTime};

/// When a file was last modified, how long it was, and, while that time is recent, a hash
/// of its bytes. File systems keep modified times to a tick (a few milliseconds, a second or
/// two on some network and FAT file systems): a save of the same length within one tick
/// leaves time and length as they were, so only the bytes tell it apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Stamp {
    modified: Option<SystemTime>,
    len: u64,
    /// The bytes' hash while the file is [`RECENT`]; `None` after, or over [`HASHED_UP_TO`].
    recent: Option<u64>,
}

/// How long after its modified time a file's bytes are hashed into its stamp: past the
/// coarsest tick (FAT: 2 s) and a little clock skew of a network file system.
pub const RECENT: Duration = Duration::from_secs(3);

/// Larger files are told apart by time and length alone (a video being copied in is read
/// when the copy ends, not hashed on every look).
pub const HASHED_UP_TO: u64 = crate::source::MAX_FILE_BYTES;

impl Stamp {
    /// When the file was last modified, as far as the file system says.
    pub fn modified(&self) -> Option<SystemTime> {
        self.modified
    }

    /// The stamp of the file at `path`, `None` when it is gone.
    pub fn of(path: &Path) -> Option<Stamp> {
        let m = std::fs::metadata(path).ok()?;
        let modified = m.modified().ok();
        // A time in the future (clock skew) is recent too.
        let recent = modified.is_none_or(|t| {
            SystemTime::now()
                .duration_since(t)
                .is_ok_and(|age| age < RECENT)
                || t > SystemTime::now()
        });
        let hash = if recent && m.is_file() && m.len() <= HASHED_UP_TO {
            bytes_hash(path)
        } else {
            None
        };
        Some(Stamp {
            modified,
            len: m.len(),
            recent: hash,
        })
    }

    /// Whether `now`, a later stamp of the same `path`, shows the file unchanged. A file that
    /// stopped being recent in between is hashed once more, to compare with its last hash.
    pub fn same_as(&self, now: &Stamp, path: &Path) -> bool {
        if self.modified != now.modified || self.len != now.len {
            return false;
        }
        match (self.recent, now.recent) {
            (Some(a), Some(b)) => a == b,
            (Some(a), None) => bytes_hash(path) == Some(a),
            (None, _) => true,
        }
    }
}

fn bytes_hash(path: &Path) -> Option<u64> {
    std::fs::read(path)
        .ok()
        .map(|b| super::write::bytes_hash(&b))
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
                // A source file's description shows on pages as its front matter does.
                Some(Parsed::Source(_)) | None => u32::MAX,
            };
            // Everything before the body: the front matter and its fences (a slice, not a
            // copy: this runs for every file of the site).
            let lines = body_line.saturating_sub(1) as usize;
            let end = match lines {
                0 => 0,
                n => (f.text.bytes().enumerate())
                    .filter(|&(_, b)| b == b'\n')
                    .nth(n - 1)
                    .map_or(f.text.len(), |(i, _)| i + 1),
            };
            let mut h = crate::hash::hasher();
            (&f.text[..end], f.path).hash(&mut h);
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
        let stale: Vec<&(String, Found)> =
            rels.iter()
                .filter(|(rel, f)| {
                    force.contains(rel)
                        || self.markdown.get(rel).is_none_or(|e| {
                            match (e.stamp, Stamp::of(&f.path)) {
                                (Some(old), Some(now)) => !old.same_as(&now, &f.path),
                                _ => true,
                            }
                        })
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
        if let (Some(s), Some((old, bytes))) = (stamp, cache.get_mut(path))
            && old.same_as(&s, path)
        {
            // Settled: later looks compare time and length only.
            *old = s;
            return Ok(bytes.clone());
        }
        let bytes = crate::confine::read(path)?;
        if let Some(s) = stamp {
            cache.insert(path.to_path_buf(), (s, bytes.clone()));
        }
        Ok(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_same_length_rewrite_within_one_tick_changes_the_stamp() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.md");
        std::fs::write(&path, "first text").expect("write");
        let when = std::fs::metadata(&path)
            .and_then(|m| m.modified())
            .expect("modified");
        let before = Stamp::of(&path).expect("stamp");
        // The same length, and the time a coarse file system would have kept.
        std::fs::write(&path, "other text").expect("write");
        std::fs::File::options()
            .write(true)
            .open(&path)
            .and_then(|f| f.set_modified(when))
            .expect("set time");
        let after = Stamp::of(&path).expect("stamp");
        assert!(!before.same_as(&after, &path));
        assert!(after.same_as(&Stamp::of(&path).expect("stamp"), &path));
    }
}
