//! The output folder is the engine's to keep: a file removed or changed there behind its
//! back (a `rm -rf output`, a clean-up script, an editor saving into it) is written again.
//! Each file the engine writes is stamped; [`Engine::check_output_unless`] compares the
//! stamps.

use super::fingerprint::UNKNOWN;
use super::{Engine, Outcome, Rebuilt, Scope};
use crate::output;
use crate::pipeline::Fatal;
use rayon::prelude::*;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering::Relaxed};
use std::time::{Instant, SystemTime};

/// What a file the engine wrote looked like just after: modified time, length and inode
/// (a file replaced by a rename has another).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Written(Option<SystemTime>, u64, u64);

impl Written {
    /// The stamp of the file at `path`, `None` when it is gone or not a file.
    pub(super) fn of(path: &Path) -> Option<Written> {
        let m = std::fs::symlink_metadata(path).ok()?;
        if !m.is_file() {
            return None;
        }
        #[cfg(unix)]
        let ino = std::os::unix::fs::MetadataExt::ino(&m);
        #[cfg(not(unix))]
        let ino = 0;
        Some(Written(m.modified().ok(), m.len(), ino))
    }
}

/// Stamps the files just written in `out` (output paths) into `stamps`, and forgets those
/// removed.
pub(super) fn stamp_written<'a>(
    out: &Path,
    stamps: &mut crate::hash::Map<String, Written>,
    written: impl IntoParallelIterator<Item = &'a String>,
    removed: &[String],
) {
    let fresh: Vec<(String, Written)> = written
        .into_par_iter()
        .filter_map(|p| Written::of(&out.join(p)).map(|w| (p.clone(), w)))
        .collect();
    stamps.extend(fresh);
    for p in removed {
        stamps.remove(p);
    }
}

impl Engine {
    /// Writes again what was removed or changed in the output folder since the engine wrote
    /// it: the files concerned, or everything when the folder itself (its marker) is gone.
    /// `None` when nothing was touched, and when given up because `stop` said so: a save
    /// waiting for its rebuild goes first (one `stat` per file written, 30,000 of them at
    /// 10,000 briefings, takes tens of milliseconds).
    pub fn check_output_unless(
        &mut self,
        stop: &(dyn Fn() -> bool + Sync),
    ) -> Result<Option<Outcome>, Fatal> {
        if !self.has_output {
            return Ok(None);
        }
        let start = Instant::now();
        let folder_gone = !self.out.join(output::MARKER).is_file();
        let out = &self.out;
        let stopped = AtomicBool::new(false);
        let mut touched: Vec<String> = if folder_gone {
            Vec::new()
        } else {
            self.written
                .par_iter()
                .filter(|(p, w)| {
                    if stopped.load(Relaxed) || stop() {
                        stopped.store(true, Relaxed);
                        return false;
                    }
                    Written::of(&out.join(p)).as_ref() != Some(*w)
                })
                .map(|(p, _)| p.clone())
                .collect()
        };
        if stopped.into_inner() || (!folder_gone && touched.is_empty()) {
            return Ok(None);
        }
        touched.sort();
        self.laps.start("read");
        let what = if folder_gone {
            // Written again from nothing, through a staging folder swapped in.
            self.has_output = false;
            self.on_disk.clear();
            self.written.clear();
            self.page_fps.iter_mut().for_each(|fp| *fp = UNKNOWN);
            self.made.forget();
            Rebuilt::OutputRemoved(self.out.clone())
        } else {
            for p in &touched {
                self.on_disk.remove(p);
                self.written.remove(p);
                let page = self.last_targets.as_ref().and_then(|t| t.index.get(p));
                match page.and_then(|&i| self.page_fps.get_mut(i)) {
                    Some(fp) => *fp = UNKNOWN,
                    // Not a page: generated and copied files are made again (only those whose
                    // bytes differ from what is on disk are written).
                    None => self.made.forget(),
                }
            }
            Rebuilt::OutputTouched(touched)
        };
        self.finish(what, start, Scope::All).map(Some)
    }
}
