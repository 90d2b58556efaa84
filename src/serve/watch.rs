//! Watches `site.yaml`, `content/`, `static/` and `themes/` with a short debounce, and hands
//! the changed paths on. Editor swap and backup files are dropped here; a watcher error or
//! overflow asks for a rescan.

use crate::incremental::Changes;
use notify::{RecursiveMode, Watcher};
use notify_debouncer_full::{DebounceEventResult, Debouncer, FileIdCache, new_debouncer_opt};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

/// How long a burst of events may last before a rebuild starts. Editors save with a few
/// events (write, rename, chmod) within a millisecond or two.
const DEBOUNCE: Duration = Duration::from_millis(10);

/// The folders watched recursively, relative to the site root.
pub const FOLDERS: [&str; 3] = ["content", "static", "themes"];

/// A running watcher; dropping it stops watching.
pub struct Watch {
    inner: Box<dyn Rewatch + Send>,
    root: PathBuf,
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
            let config = notify::Config::default().with_poll_interval(Duration::from_millis(300));
            Box::new(new_debouncer_opt::<_, notify::PollWatcher, _>(
                DEBOUNCE,
                None,
                handler,
                notify_debouncer_full::NoCache,
                config,
            )?)
        } else {
            Box::new(new_debouncer_opt::<_, notify::RecommendedWatcher, _>(
                DEBOUNCE,
                None,
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
