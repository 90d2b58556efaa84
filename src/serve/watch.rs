//! Watches `site.yaml`, `content/`, `static/` and `themes/` with a short debounce, and hands
//! the changed paths on. Editor swap and backup files are dropped here; a watcher error or
//! overflow asks for a rescan. `--poll` looks at every file's stamp (nanosecond time,
//! length, the bytes' hash while recent) instead: notify's poller keeps whole seconds and
//! no length, and lost a second save within one second.

use crate::confine::Confine;
use crate::diagnostic::Diagnostics;
use crate::incremental::Changes;
use crate::incremental::sources::Stamp;
use crate::source::{self, Skip};
use notify::{RecursiveMode, Watcher};
use notify_debouncer_full::{DebounceEventResult, Debouncer, FileIdCache, new_debouncer_opt};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Duration;

/// How long each event waits before it is handed over: a rebuild starts this long after a
/// save's first event (or up to a `TICK` more), every millisecond of which is one more
/// between a save and its page. It is also how long a save may take and still be read
/// whole by the first rebuild; a slower one is read again at its later events.
const DEBOUNCE: Duration = Duration::from_millis(5);

/// How often the events that have waited `DEBOUNCE` are handed over, together: the events
/// of one save (write, rename, chmod, within a millisecond or two) mostly fall within one
/// tick and make one rebuild. notify's default (a quarter of the debounce) would split
/// more saves into two rebuilds, the second of an unchanged file.
const TICK: Duration = Duration::from_micros(2500);

/// The folders watched recursively, relative to the site root.
pub const FOLDERS: [&str; 3] = ["content", "static", "themes"];

/// How often `--poll` looks at every file.
const POLL_EVERY: Duration = Duration::from_millis(300);

/// A running watcher; dropping it stops watching.
pub struct Watch {
    inner: Box<dyn Rewatch + Send>,
    root: PathBuf,
}

/// The `--poll` thread: it walks the watched folders itself, so there is nothing to add.
struct Poller {
    stop: Arc<AtomicBool>,
}

impl Rewatch for Poller {
    fn watch(&mut self, _: &Path, _: RecursiveMode) -> notify::Result<()> {
        Ok(())
    }
}

impl Drop for Poller {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

impl Poller {
    fn start(root: &Path, tx: mpsc::Sender<Changes>) -> std::io::Result<Poller> {
        let stop = Arc::new(AtomicBool::new(false));
        let (root, flag) = (root.to_path_buf(), stop.clone());
        // The first look is taken before the first build, so no save is missed between.
        let first = stamps(&root);
        std::thread::Builder::new()
            .name("dossier-poll".into())
            .spawn(move || poll(&root, first, &tx, &flag))?;
        Ok(Poller { stop })
    }
}

/// Compares every file's stamp with the last look's, until told to stop or nobody listens.
fn poll(
    root: &Path,
    mut last: HashMap<PathBuf, Stamp>,
    tx: &mpsc::Sender<Changes>,
    stop: &AtomicBool,
) {
    while !stop.load(Ordering::Relaxed) {
        std::thread::sleep(POLL_EVERY);
        let now = stamps(root);
        let mut changes = Changes::default();
        for (path, stamp) in &now {
            if !last.get(path).is_some_and(|old| old.same_as(stamp, path)) {
                changes.paths.insert(path.clone());
            }
        }
        changes
            .paths
            .extend(last.keys().filter(|p| !now.contains_key(*p)).cloned());
        if !changes.paths.is_empty() && tx.send(changes).is_err() {
            return;
        }
        last = now;
    }
}

/// The stamp of `site.yaml` and of every file under the watched folders.
/// What the site's files outside `content/` look like (site.yaml, static/, themes/): few
/// files, looked at before the first build so that a save made while it runs is found.
pub fn outside_content(root: &Path) -> HashMap<PathBuf, Stamp> {
    stamps_in(root, &FOLDERS[1..])
}

/// The files of the site that changed while the first build ran, before the watcher was
/// started: Markdown files whose stamp differs from the one the build read them with
/// (`read`), files outside `content/` that differ from `before`, other files of
/// `content/` modified since `since`, and whatever of these is gone or new.
pub fn changed_during(
    root: &Path,
    read: &HashMap<PathBuf, Option<Stamp>>,
    before: &HashMap<PathBuf, Stamp>,
    since: std::time::SystemTime,
) -> std::collections::BTreeSet<PathBuf> {
    let now = stamps(root);
    let content = root.join("content");
    let mut out = std::collections::BTreeSet::new();
    for (path, stamp) in &now {
        let changed = match (read.get(path), before.get(path)) {
            (Some(old), _) => !old.is_some_and(|o| o.same_as(stamp, path)),
            (None, Some(old)) => !old.same_as(stamp, path),
            // A file of content/ that is not Markdown (a picture): its time tells.
            (None, None)
                if path.starts_with(&content)
                    && !path.file_name().is_some_and(crate::source::is_markdown) =>
            {
                stamp.modified().is_none_or(|m| m >= since)
            }
            (None, None) => true,
        };
        if changed {
            out.insert(path.clone());
        }
    }
    let gone = read
        .keys()
        .chain(before.keys())
        .filter(|p| !now.contains_key(*p));
    out.extend(gone.cloned());
    out
}

fn stamps(root: &Path) -> HashMap<PathBuf, Stamp> {
    stamps_in(root, &FOLDERS)
}

/// The stamps of site.yaml and of the files under `folders` of `root`.
fn stamps_in(root: &Path, folders: &[&str]) -> HashMap<PathBuf, Stamp> {
    let mut all = HashMap::new();
    let config = root.join("site.yaml");
    if let Some(s) = Stamp::of(&config) {
        all.insert(config, s);
    }
    // Symlinks are followed only where the build follows them (never out of the site, into
    // `.git` or the output), so a `content/x -> /` link is not walked every tick; what the
    // walk refuses, the build warns about.
    let confine = Confine::new(root, None);
    let mut refused = Diagnostics::new();
    for &f in folders {
        let skip = if f == "content" {
            Skip::Hidden
        } else {
            Skip::VersionControl
        };
        for found in source::walk(&confine, &root.join(f), skip, &mut refused) {
            if !is_editor_temp(&found.path)
                && let Some(s) = Stamp::of(&found.path)
            {
                all.insert(found.path, s);
            }
        }
    }
    all
}

trait Rewatch {
    fn watch(&mut self, path: &Path, mode: RecursiveMode) -> notify::Result<()>;
}

impl<T: Watcher, C: FileIdCache> Rewatch for Debouncer<T, C> {
    fn watch(&mut self, path: &Path, mode: RecursiveMode) -> notify::Result<()> {
        Debouncer::watch(self, path, mode)
    }
}

impl Watch {
    /// Starts watching the site at `root`; `poll` uses polling (network and container file
    /// systems, where change events do not arrive).
    pub fn start(root: &Path, poll: bool, tx: mpsc::Sender<Changes>) -> notify::Result<Watch> {
        let tx_poll = tx.clone();
        let handler = move |r: DebounceEventResult| {
            let mut changes = Changes::default();
            match r {
                Ok(events) => {
                    for e in events {
                        // Reading a file is an event too (inotify reports opens and
                        // closes): only writes, creations, removals and renames count.
                        if matches!(e.kind, notify::EventKind::Access(_)) {
                            continue;
                        }
                        if e.need_rescan() {
                            changes.rescan = true;
                        }
                        for p in &e.paths {
                            if !is_editor_temp(p) {
                                changes.paths.insert(p.clone());
                            }
                        }
                    }
                }
                Err(_) => changes.rescan = true,
            }
            if changes.rescan || !changes.paths.is_empty() {
                let _ = tx.send(changes);
            }
        };
        let inner: Box<dyn Rewatch + Send> = if poll {
            Box::new(Poller::start(root, tx_poll).map_err(notify::Error::io)?)
        } else {
            Box::new(new_debouncer_opt::<_, notify::RecommendedWatcher, _>(
                DEBOUNCE,
                Some(TICK),
                handler,
                notify_debouncer_full::NoCache,
                notify::Config::default(),
            )?)
        };
        let mut w = Watch {
            inner,
            root: root.to_path_buf(),
        };
        w.inner.watch(root, RecursiveMode::NonRecursive)?;
        w.watch_folders();
        Ok(w)
    }

    /// Watches the site's folders that exist (again after one is created).
    pub fn watch_folders(&mut self) {
        for f in FOLDERS {
            let dir = self.root.join(f);
            if dir.is_dir() {
                let _ = self.inner.watch(&dir, RecursiveMode::Recursive);
            }
        }
    }
}

fn is_editor_temp(p: &Path) -> bool {
    p.file_name().is_some_and(crate::source::is_editor_temp)
}
