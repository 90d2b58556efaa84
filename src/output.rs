//! Writes the output folder atomically: build into a temporary sibling, then swap it in.
//! Refuses output folders whose replacement would lose the site's own files.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// A marker file in every output folder, so a later build knows it may replace it.
pub const MARKER: &str = ".dossier-output";

/// Why an output folder was refused.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("refusing to write to {0}: it is {1}; choose another --output")]
    Unsafe(PathBuf, &'static str),
    #[error(
        "refusing to replace {0}: it is not empty and was not written by Dossier; remove it or choose another --output"
    )]
    Foreign(PathBuf),
    #[error("cannot write {0}: {1}")]
    Io(PathBuf, io::Error),
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

/// Resolves symlinks where the path exists, so `output -> content` is caught too.
fn real(p: &Path) -> PathBuf {
    let abs = absolute(p);
    if let Ok(c) = abs.canonicalize() {
        return c;
    }
    // Canonicalize the deepest existing ancestor and append the rest.
    let mut existing = abs.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (
            existing.file_name().map(|n| n.to_os_string()),
            existing.parent(),
        ) {
            (Some(name), Some(parent)) => {
                rest.push(name);
                existing = parent.to_path_buf();
            }
            _ => return abs,
        }
    }
    let mut out = existing.canonicalize().unwrap_or(existing);
    for n in rest.into_iter().rev() {
        out.push(n);
    }
    out
}

/// Checks that replacing `output` cannot lose any of the site's files.
pub fn check_safe(root: &Path, output: &Path) -> Result<(), OutputError> {
    let root = real(root);
    let out = real(output);
    let refuse = |what| Err(OutputError::Unsafe(output.to_path_buf(), what));
    if out == root {
        return refuse("the site root");
    }
    if root.starts_with(&out) {
        return refuse("an ancestor of the site root");
    }
    for (dir, what) in [
        ("content", "the content folder"),
        ("static", "the static folder"),
        ("themes", "the themes folder"),
    ] {
        let d = root.join(dir);
        if out == d || out.starts_with(&d) {
            return refuse(what);
        }
    }
    if out.join("site.yaml").exists() || out.join(".git").exists() {
        return refuse("a site or repository folder");
    }
    if out.is_file() {
        return refuse("a file");
    }
    if out.is_dir() && !out.join(MARKER).exists() {
        let empty = fs::read_dir(&out)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !empty {
            return Err(OutputError::Foreign(output.to_path_buf()));
        }
    }
    Ok(())
}

/// A fresh temporary folder beside `output`, where a build writes before the swap.
pub struct Staging {
    pub dir: PathBuf,
    output: PathBuf,
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
        fs::create_dir_all(&parent).map_err(|e| OutputError::Io(parent.clone(), e))?;
        let dir = parent.join(format!(".{name}.dossier-tmp-{}", std::process::id()));
        if dir.exists() {
            let _ = fs::remove_dir_all(&dir);
        }
        fs::create_dir(&dir).map_err(|e| OutputError::Io(dir.clone(), e))?;
        fs::write(dir.join(MARKER), b"").map_err(|e| OutputError::Io(dir.clone(), e))?;
        Ok(Staging { dir, output })
    }

    /// Replaces the output with the staged folder. The old output is moved aside first and
    /// removed only once the new one is in place.
    pub fn commit(self) -> Result<(), OutputError> {
        let old = self.dir.with_file_name(format!(
            ".{}.dossier-old-{}",
            self.output
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default(),
            std::process::id()
        ));
        let had_old = self.output.exists();
        if had_old {
            fs::rename(&self.output, &old).map_err(|e| OutputError::Io(self.output.clone(), e))?;
        }
        if let Err(e) = fs::rename(&self.dir, &self.output) {
            if had_old {
                let _ = fs::rename(&old, &self.output);
            }
            return Err(OutputError::Io(self.output.clone(), e));
        }
        if had_old {
            let _ = fs::remove_dir_all(&old);
        }
        std::mem::forget(self);
        Ok(())
    }
}

/// Cleans up after a build that was killed: a half-written staging folder is removed, and
/// an output that was moved aside but never replaced is moved back.
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
        if !path.join(MARKER).exists() || running {
            continue;
        }
        if n.starts_with(&old) && !output.exists() {
            let _ = fs::rename(&path, output);
        } else {
            let _ = fs::remove_dir_all(&path);
        }
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

impl crate::render::Sink for Staging {
    fn write(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        // Paths come from slugs and static files; refuse anything that could climb out.
        if path.split('/').any(|s| s == ".." || s.is_empty()) || path.starts_with('/') {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("unsafe output path {path}"),
            ));
        }
        let full = self.dir.join(path);
        if let Some(parent) = full.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(full, bytes)
    }
}
