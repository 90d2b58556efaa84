//! The site's cache folder, `<site>/.dossier/cache/` (or `$DOSSIER_CACHE_DIR`): what every
//! cache kept there shares. Files are written to a temporary file and renamed into place,
//! so that a killed build leaves no half file under a good name, and read only when they
//! are regular files (never through a symlink) of a bounded size.

use std::path::{Path, PathBuf};

/// A temporary file older than this is what a killed run left, not one being written.
const LEFTOVER_AGE: std::time::Duration = std::time::Duration::from_secs(600);

/// The cache folder of the site at `root`: `$DOSSIER_CACHE_DIR` when set, else
/// `<root>/.dossier/cache`.
pub fn of(root: &Path) -> PathBuf {
    match std::env::var_os("DOSSIER_CACHE_DIR") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => root.join(".dossier").join("cache"),
    }
}

/// Writes `bytes` as `dir/name` by a temporary file renamed into place, so that a killed
/// build leaves no half file under a good name; whether it was written.
pub fn write_atomically(dir: &Path, name: &str, bytes: &[u8]) -> bool {
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let done = std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, dir.join(name)));
    if done.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    done.is_ok()
}

/// Writes `bytes` as `file`, its folder made first (see [`write_atomically`]). A cache that
/// cannot be written is no error: what it would have kept is made again next time.
pub fn write(file: &Path, bytes: &[u8]) -> bool {
    let (Some(dir), Some(name)) = (file.parent(), file.file_name().and_then(|n| n.to_str())) else {
        return false;
    };
    if std::fs::create_dir_all(dir).is_err() {
        return false;
    }
    // What a killed run was writing under this name (each run's has its own number): not
    // one written in the last minutes, which another run may be writing still.
    if let Ok(entries) = std::fs::read_dir(dir) {
        let stem = format!(".{name}.");
        let old = |e: &std::fs::DirEntry| {
            let made = e.metadata().and_then(|m| m.modified());
            made.is_ok_and(|t| t.elapsed().is_ok_and(|age| age > LEFTOVER_AGE))
        };
        for entry in entries.filter_map(Result::ok) {
            let n = entry.file_name();
            let ours = n
                .to_str()
                .is_some_and(|n| n.starts_with(&stem) && is_leftover(n));
            if ours && old(&entry) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
    write_atomically(dir, name, bytes)
}

/// `file` opened for reading, with its size, when it is a regular file (not a symlink, nor
/// one swapped in between the look and the opening) of at most `max` bytes.
pub fn open(file: &Path, max: u64) -> Option<(std::fs::File, u64)> {
    let looked = std::fs::symlink_metadata(file).ok()?;
    if !looked.is_file() {
        return None;
    }
    let mut how = std::fs::OpenOptions::new();
    how.read(true);
    // Neither through a symlink nor waiting on a FIFO swapped in since the look.
    #[cfg(target_os = "linux")]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut how, libc::O_NOFOLLOW | libc::O_NONBLOCK);
    let opened = how.open(file).ok()?;
    let meta = opened.metadata().ok()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if (meta.dev(), meta.ino()) != (looked.dev(), looked.ino()) {
            return None;
        }
    }
    (meta.is_file() && meta.len() <= max).then_some((opened, meta.len()))
}

/// Whether a cache file named `name` is what a killed build was writing.
pub fn is_leftover(name: &str) -> bool {
    name.starts_with('.') && name.ends_with(".tmp")
}

/// Which build of the program wrote a file kept between runs of `serve`: what is kept is
/// only as good as the code that made it, and hashed with the program's own hasher
/// (`crate::hash`), so such a file is read only by the same executable (its version, size
/// and time of writing).
pub fn program() -> Option<String> {
    let exe = std::env::current_exe().ok()?;
    let meta = std::fs::metadata(exe).ok()?;
    let made = meta.modified().ok()?;
    let made = made.duration_since(std::time::UNIX_EPOCH).ok()?.as_nanos();
    Some(format!(
        "{} {} {made}",
        env!("CARGO_PKG_VERSION"),
        meta.len()
    ))
}
