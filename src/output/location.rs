//! An output location: the marker that lets a later build replace it, its absolute path,
//! and why it may be refused.

use std::io;
use std::path::{Path, PathBuf};

/// A marker file in every output folder, so a later build knows it may replace it.
pub const MARKER: &str = ".dossier-output";

/// Why an output folder was refused.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("refusing to write to {0}: it is {1}; choose another --output")]
    Unsafe(PathBuf, String),
    #[error(
        "refusing to replace {0}: it is not empty and was not written by Dossier; remove it or choose another --output"
    )]
    Foreign(PathBuf),
    /// A mount point cannot be renamed, so a build could not be swapped in whole.
    #[error(
        "refusing to write to {0}: it is a mount point (a volume), whose contents cannot be swapped for a new build in one step; build into a subfolder of it instead (--output {sub})",
        sub = .0.join("site").display()
    )]
    MountPoint(PathBuf),
    #[error("cannot write {0}: {1}")]
    Io(PathBuf, io::Error),
    /// The output location failed a build (full, read-only, no permission): reported once,
    /// for the folder, rather than once per file at paths that look like the site's own.
    #[error("cannot write the output folder {0}: {1}; the previous output is unchanged")]
    Write(PathBuf, io::Error),
}

/// Makes `p` absolute and removes `.` and `..` without touching the disk.
pub fn absolute(p: &Path) -> PathBuf {
    let p = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|c| c.join(p))
            .unwrap_or_else(|_| p.to_path_buf())
    };
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}
