//! Writes the output folder atomically: build into a temporary sibling, then swap it in.
//! Refuses output folders whose replacement would lose the site's own files.

mod location;
mod refusals;

pub use location::{MARKER, OutputError, absolute};
pub use refusals::{check_replaceable, check_safe, real};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Writes a whole file into the writer it is given, once.
pub type Fill<'a> = Box<dyn FnOnce(&mut dyn std::io::Write) -> std::io::Result<()> + Send + 'a>;

/// Where rendered files go: a folder, or nowhere (for `check`).
pub trait Sink: Sync {
    /// Writes `bytes` at `path` (relative to the output root, `/`-separated).
    fn write(&self, path: &str, bytes: &[u8]) -> std::io::Result<()>;

    /// Writes at `path` what `fill` writes, without holding the whole file in memory where
    /// the sink can (a build's staging folder); others hold it and [`Sink::write`] it.
    fn write_streamed(&self, path: &str, fill: Fill<'_>) -> std::io::Result<()> {
        let mut bytes = Vec::new();
        fill(&mut bytes)?;
        self.write(path, &bytes)
    }

    /// Puts the file `from` (a cache's, outside the output) at `path` without copying its
    /// bytes, when this sink can (a hard link on the same file system). `false`: it cannot,
    /// and the caller writes the bytes.
    fn link(&self, _path: &str, _from: &Path) -> bool {
        false
    }
}

/// A sink that discards everything: `check` renders to find template errors only.
pub struct Discard;

impl Sink for Discard {
    fn write(&self, _: &str, _: &[u8]) -> std::io::Result<()> {
        Ok(())
    }
}

/// A fresh temporary folder beside `output`, where a build writes before the swap.
pub struct Staging {
    pub dir: PathBuf,
    output: PathBuf,
    /// The first error of the output location itself (full, read-only): the build stops
    /// writing and reports it once, for the folder.
    failed: Mutex<Option<io::Error>>,
    /// Folders made in it so far (relative paths): the folder is fresh, so any other one
    /// is missing, and is made before its first file rather than after a failed write.
    made: Mutex<std::collections::HashSet<String>>,
}

impl Staging {
    /// Creates the temporary sibling of `output`.
    pub fn new(output: &Path) -> Result<Staging, OutputError> {
        let output = absolute(output);
        let parent = output
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("/"));
        let name = output
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_else(|| "output".into());
        let failed = |e| OutputError::Write(output.clone(), e);
        fs::create_dir_all(&parent).map_err(failed)?;
        let dir = parent.join(format!(".{name}.dossier-tmp-{}", std::process::id()));
        if dir.exists() {
            let _ = fs::remove_dir_all(&dir);
        }
        fs::create_dir(&dir).map_err(failed)?;
        let staging = Staging {
            dir,
            output: output.clone(),
            failed: Mutex::new(None),
            made: Mutex::new(std::collections::HashSet::new()),
        };
        // Dropping `staging` on an error removes the half-made folder.
        fs::write(staging.dir.join(MARKER), b"").map_err(failed)?;
        Ok(staging)
    }

    /// The error that stopped writing into the staging folder, if the output location
    /// failed (the per-file errors it caused say nothing more and are not reported).
    pub fn failure(&self) -> Option<OutputError> {
        let e = self
            .failed
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take()?;
        Some(OutputError::Write(self.output.clone(), e))
    }

    /// Replaces the output with the staged folder. Where the system can, the two folders
    /// trade places in one step, so `output` always holds a whole build; elsewhere the old
    /// output is moved aside first and removed only once the new one is in place (a kill
    /// between the two renames leaves it aside, and the next build's [`recover`] puts it back).
    pub fn commit(self) -> Result<(), OutputError> {
        if let Some(e) = self.failure() {
            return Err(e);
        }
        // Checked again at the last moment: whatever took the output's place during the
        // build would otherwise be swapped out (a device, a FIFO), not replaced.
        if let Some(what) = refusals::not_a_folder(&self.output) {
            let what = format!("{what}, not a folder");
            return Err(OutputError::Unsafe(self.output.clone(), what));
        }
        let failed = |e| OutputError::Write(self.output.clone(), e);
        let had_old = fs::symlink_metadata(&self.output).is_ok();
        if had_old {
            // The old output is about to be removed under one of our temporary names; with
            // the marker, a removal cut short by a kill is finished by the next `recover`.
            let marker = self.output.join(MARKER);
            let real_dir = fs::symlink_metadata(&self.output).is_ok_and(|m| m.is_dir());
            if real_dir && !marker.exists() {
                fs::write(&marker, b"").map_err(failed)?;
            }
            if exchange(&self.dir, &self.output).is_ok() {
                // `self.dir` now holds the previous output; dropping `self` removes it.
                return Ok(());
            }
        }
        let old = self.dir.with_file_name(format!(
            ".{}.dossier-old-{}",
            self.output
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default(),
            std::process::id()
        ));
        if had_old {
            fs::rename(&self.output, &old).map_err(failed)?;
        }
        if let Err(e) = fs::rename(&self.dir, &self.output) {
            if had_old {
                let _ = fs::rename(&old, &self.output);
            }
            return Err(failed(e));
        }
        if had_old {
            remove_ours(&old);
        }
        std::mem::forget(self);
        Ok(())
    }
}

/// Swaps two folders in one step (`renameat2` with `RENAME_EXCHANGE`); an error (an older
/// kernel, a file system without it) changes nothing, and the caller falls back to renames.
#[cfg(any(target_os = "linux", target_os = "android"))]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
}

#[cfg(not(any(target_os = "linux", target_os = "android")))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

/// Removes a folder this tool made, its marker last: a removal cut short by a kill leaves a
/// folder that still says it is ours (or an empty one), which the next [`recover`] removes.
fn remove_ours(dir: &Path) {
    // An output that was a symlink: remove the link, never what it points to.
    if fs::symlink_metadata(dir).is_ok_and(|m| m.file_type().is_symlink()) {
        let _ = fs::remove_file(dir);
        return;
    }
    let all_gone = match fs::read_dir(dir) {
        Ok(entries) => {
            let entries: Vec<fs::DirEntry> = entries
                .filter_map(Result::ok)
                .filter(|e| e.file_name() != MARKER)
                .collect();
            remove_entries(&entries)
        }
        Err(_) => true,
    };
    // The marker goes last and only when all else went: a folder left half removed keeps
    // it, so that a later build knows the folder is ours and finishes the job.
    if all_gone {
        let _ = fs::remove_file(dir.join(MARKER));
        let _ = fs::remove_dir(dir);
    }
}

/// Removes `entries` and everything under them, folders in parallel (a previous output
/// of 10,000 briefings is tens of thousands of files, a tenth of a build to remove one by
/// one); whether all went.
fn remove_entries(entries: &[fs::DirEntry]) -> bool {
    use rayon::prelude::*;
    entries
        .par_iter()
        .map(|e| match e.file_type() {
            // The entry's own type: a symlink is removed, never followed.
            Ok(t) if t.is_dir() => {
                let path = e.path();
                let inner: Vec<fs::DirEntry> = fs::read_dir(&path)
                    .map(|d| d.filter_map(Result::ok).collect())
                    .unwrap_or_default();
                remove_entries(&inner) && fs::remove_dir(&path).is_ok()
            }
            _ => fs::remove_file(e.path()).is_ok(),
        })
        .reduce(|| true, |a, b| a && b)
}

/// Cleans up after a build that was killed: a half-written staging folder, or a previous
/// output whose removal was cut short, is removed, and an output that was moved aside but
/// never replaced is moved back.
pub fn recover(output: &Path) {
    let output = absolute(output);
    let (Some(parent), Some(name)) = (output.parent(), output.file_name()) else {
        return;
    };
    let name = name.to_string_lossy();
    let output = output.as_path();
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let (tmp, old) = (
        format!(".{name}.dossier-tmp-"),
        format!(".{name}.dossier-old-"),
    );
    let mut found: Vec<(String, PathBuf)> = entries
        .filter_map(Result::ok)
        .map(|e| (e.file_name().to_string_lossy().to_string(), e.path()))
        .filter(|(n, _)| n.starts_with(&tmp) || n.starts_with(&old))
        .collect();
    found.sort();
    for (n, path) in found {
        // Only folders this tool made (they carry the marker), of builds no longer running.
        let pid = n.rsplit('-').next().unwrap_or("");
        let running =
            pid != std::process::id().to_string() && Path::new("/proc").join(pid).exists();
        if running {
            continue;
        }
        if !path.join(MARKER).exists() {
            // Killed between creating the folder and marking it, or between removing the
            // marker and the folder: empty. Anything else under the name is not ours to touch.
            let _ = fs::remove_dir(&path);
            continue;
        }
        if n.starts_with(&old) && !output.exists() {
            let _ = fs::rename(&path, output);
        } else {
            remove_ours(&path);
        }
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        remove_ours(&self.dir);
    }
}

/// Whether `path` could climb out of the output: paths come from slugs and static files.
fn unsafe_path(path: &str) -> bool {
    path.split('/').any(|s| s == ".." || s.is_empty()) || path.starts_with('/')
}

impl Staging {
    /// Makes the file at `path` with `make` (which writes the whole file at the path it is
    /// given), the folders above it first; an error of the location itself stops later
    /// writes.
    fn put(&self, path: &str, make: &dyn Fn(&Path) -> io::Result<()>) -> io::Result<()> {
        if unsafe_path(path) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("unsafe output path {path}"),
            ));
        }
        let mut failed = self.failed.lock().unwrap_or_else(|e| e.into_inner());
        if failed.is_some() {
            return Err(io::Error::other("the output location failed"));
        }
        drop(failed);
        let full = self.dir.join(path);
        // Most pages are the first file of their folder: make it first (one system call)
        // rather than fail to open the file, make it, and open again.
        if let Some((dir, _)) = path.rsplit_once('/') {
            let made = |d: &str| {
                self.made
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .contains(d)
            };
            if !made(dir)
                && let Some(parent) = full.parent()
                && fs::create_dir_all(parent).is_ok()
            {
                let mut set = self.made.lock().unwrap_or_else(|e| e.into_inner());
                let mut d = dir;
                while set.insert(d.to_string()) {
                    match d.rsplit_once('/') {
                        Some((up, _)) => d = up,
                        None => break,
                    }
                }
            }
        }
        // A folder that could not be made, or was removed since: the write says why.
        let written = match make(&full) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => match full.parent() {
                Some(parent) => fs::create_dir_all(parent).and_then(|()| make(&full)),
                None => Err(e),
            },
            other => other,
        };
        if let Err(e) = &written
            && of_the_location(e)
        {
            failed = self.failed.lock().unwrap_or_else(|e| e.into_inner());
            failed.get_or_insert_with(|| match e.raw_os_error() {
                Some(code) => io::Error::from_raw_os_error(code),
                None => io::Error::new(e.kind(), e.to_string()),
            });
        }
        written
    }
}

impl crate::output::Sink for Staging {
    fn write(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        self.put(path, &|full| fs::write(full, bytes))
    }

    fn write_streamed(&self, path: &str, fill: Fill<'_>) -> io::Result<()> {
        // `put` makes the file again when its folder was missing; the filler is taken only
        // once the file is open, so that retry still has it. A filler that fails (even
        // with "not found") is not run twice: its error is the write's.
        let fill = std::cell::Cell::new(Some(fill));
        let failed: std::cell::Cell<Option<(io::ErrorKind, String)>> = std::cell::Cell::new(None);
        self.put(path, &|full| {
            let mut file = io::BufWriter::with_capacity(1 << 18, fs::File::create(full)?);
            let Some(fill) = fill.take() else {
                let (kind, why) = failed
                    .take()
                    .unwrap_or((io::ErrorKind::Other, String::new()));
                return Err(io::Error::new(kind, why));
            };
            if let Err(e) = fill(&mut file) {
                failed.set(Some((e.kind(), e.to_string())));
                return Err(e);
            }
            io::Write::flush(&mut file)
        })
    }

    fn link(&self, path: &str, from: &Path) -> bool {
        if unsafe_path(path) {
            return false;
        }
        let full = self.dir.join(path);
        // A link across file systems, or where links are not allowed, fails: the caller
        // then writes the bytes, and any error of the location shows there.
        match fs::hard_link(from, &full) {
            Ok(()) => true,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                full.parent()
                    .is_some_and(|parent| fs::create_dir_all(parent).is_ok())
                    && fs::hard_link(from, &full).is_ok()
            }
            Err(_) => false,
        }
    }
}

/// Whether a write error belongs to the output location rather than to the one file: no
/// space, no quota, read-only, no permission, an I/O error. Others (a page whose path a
/// static file already holds) stay errors of their file.
fn of_the_location(e: &io::Error) -> bool {
    use io::ErrorKind as K;
    const EIO: i32 = 5;
    matches!(
        e.kind(),
        K::StorageFull
            | K::QuotaExceeded
            | K::ReadOnlyFilesystem
            | K::PermissionDenied
            | K::FileTooLarge
            | K::OutOfMemory
    ) || (cfg!(unix) && e.raw_os_error() == Some(EIO))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::FileTypeExt;

    /// Whatever takes the output's place while a build runs is checked again at the swap:
    /// exchanging would move a FIFO or a device out of its place.
    #[test]
    fn commit_refuses_a_non_folder_that_took_the_outputs_place() {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join("public");
        let staging = Staging::new(&out).expect("staging");
        let made = std::process::Command::new("mkfifo").arg(&out).status();
        assert!(made.is_ok_and(|s| s.success()));
        let err = staging.commit().expect_err("a FIFO is not replaced");
        assert!(err.to_string().contains("a FIFO, not a folder"), "{err}");
        let t = fs::symlink_metadata(&out).expect("still there").file_type();
        assert!(t.is_fifo());
        let names: Vec<_> = fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, ["public"], "the staging folder is removed");
    }

    /// A streamed file lands whole where a written one would, its folders made (again,
    /// when removed since); a path that climbs out is refused before anything is made, and
    /// a filler's error is the write's.
    #[test]
    fn a_streamed_file_is_written_whole_and_confined() {
        use crate::output::Sink;
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join("public");
        let staging = Staging::new(&out).expect("staging");
        let fill = |parts: &'static [&'static str]| -> Fill<'static> {
            Box::new(move |w| parts.iter().try_for_each(|p| w.write_all(p.as_bytes())))
        };
        (staging.write_streamed("data/deep/x.csv", fill(&["a,b\r\n", "1,2\r\n"])))
            .expect("written");
        let got = fs::read_to_string(staging.dir.join("data/deep/x.csv")).expect("read");
        assert_eq!(got, "a,b\r\n1,2\r\n");
        let err = staging.write_streamed("../escaped.csv", fill(&["no"]));
        assert!(err.is_err_and(|e| e.kind() == io::ErrorKind::InvalidInput));
        assert!(!dir.path().join("escaped.csv").exists());
        // Its folder removed after it was made: made again, the file still whole.
        fs::remove_dir_all(staging.dir.join("data")).expect("removed");
        (staging.write_streamed("data/deep/z.csv", fill(&["z\r\n"]))).expect("written again");
        let got = fs::read_to_string(staging.dir.join("data/deep/z.csv")).expect("read");
        assert_eq!(got, "z\r\n");
        let failing: Fill<'static> = Box::new(|_| Err(io::Error::other("made nothing")));
        let err = staging
            .write_streamed("data/y.csv", failing)
            .expect_err("fails");
        assert_eq!(err.to_string(), "made nothing");
    }
}
