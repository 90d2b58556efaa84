//! Writes rebuilt files into a live output folder: each file through a temporary sibling and
//! a rename, so a browser reading the folder never sees half a page.

use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Hash of a file's bytes, to tell which files a rebuild really changed.
pub fn bytes_hash(bytes: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = crate::hash::hasher();
    bytes.hash(&mut h);
    h.finish()
}

/// Rejects output paths that could leave the output folder.
pub fn check_path(path: &str) -> io::Result<()> {
    if path.is_empty()
        || path.starts_with('/')
        || path
            .split('/')
            .any(|s| s == ".." || s == "." || s.is_empty())
        || path.contains('\\')
    {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("unsafe output path {path}"),
        ));
    }
    Ok(())
}

/// Writes `bytes` at `dir/path` by way of a temporary file and a rename.
pub fn replace(dir: &Path, path: &str, bytes: &[u8]) -> io::Result<()> {
    check_path(path)?;
    let full = dir.join(path);
    if let Some(parent) = full.parent() {
        fs::create_dir_all(parent)?;
    }
    let name = full
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let tmp = full.with_file_name(format!(".{name}.dossier-part"));
    fs::write(&tmp, bytes)?;
    fs::rename(&tmp, &full).inspect_err(|_| {
        let _ = fs::remove_file(&tmp);
    })
}

/// Removes `dir/path` and then any folders it leaves empty, up to `dir`.
pub fn remove(dir: &Path, path: &str) -> io::Result<()> {
    check_path(path)?;
    let full = dir.join(path);
    match fs::remove_file(&full) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    let mut cur: Option<PathBuf> = full.parent().map(Path::to_path_buf);
    while let Some(d) = cur {
        if d == dir || !d.starts_with(dir) || fs::remove_dir(&d).is_err() {
            break;
        }
        cur = d.parent().map(Path::to_path_buf);
    }
    Ok(())
}

/// A sink that keeps rendered files in memory, to be compared and written afterwards.
#[derive(Default)]
pub struct Memory {
    pub files: Mutex<HashMap<String, Vec<u8>>>,
}

impl crate::output::Sink for Memory {
    fn write(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        check_path(path)?;
        self.files
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path.to_string(), bytes.to_vec());
        Ok(())
    }
}
