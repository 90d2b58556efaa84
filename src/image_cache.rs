//! The picture cache: files made of `image:` pictures kept between builds, under the names
//! the output gives them (`<hash>-800.jpg`, `<hash>-1200x630.png`), in
//! `<site>/.dossier/cache/images/` (or `$DOSSIER_CACHE_DIR/images/`). As with the card
//! cache, only names the build gives are read or removed, and a file is written to a
//! temporary name and renamed into place.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// A cached file larger than this is not one the build made (a 1600-pixel-wide PNG of the
/// tallest picture allowed is under it): it is ignored and made again.
const MAX_FILE: u64 = 64 * 1024 * 1024;

/// The cache folder of one site.
pub struct ImageCache {
    dir: PathBuf,
}

/// Whether `name` is a name the build gives: 16 lowercase hex digits, `-`, a width or
/// `<w>x<h>`, and `.png` or `.jpg`.
fn is_image_name(name: &str) -> bool {
    let Some((stem, ext)) = name.rsplit_once('.') else {
        return false;
    };
    let Some((hash, size)) = stem.split_once('-') else {
        return false;
    };
    let digits = |s: &str| !s.is_empty() && s.len() <= 5 && s.bytes().all(|b| b.is_ascii_digit());
    let size_ok = match size.split_once('x') {
        Some((w, h)) => digits(w) && digits(h),
        None => digits(size),
    };
    matches!(ext, "png" | "jpg")
        && hash.len() == 16
        && hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
        && size_ok
}

/// Whether `bytes` start as the format `name` says.
fn looks_like(name: &str, bytes: &[u8]) -> bool {
    match name.rsplit_once('.').map(|(_, e)| e) {
        Some("png") => bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
        Some("jpg") => bytes.starts_with(&[0xff, 0xd8, 0xff]),
        _ => false,
    }
}

impl ImageCache {
    /// The cache of the site at `root`: `$DOSSIER_CACHE_DIR/images` when set, else
    /// `<root>/.dossier/cache/images`.
    pub fn of_site(root: &Path) -> ImageCache {
        ImageCache {
            dir: crate::cache_dir::of(root).join("images"),
        }
    }

    /// The folder the files are in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The cached file of output path `images/<name>`, if there is one: a regular file
    /// (a symlink is not followed) of at most [`MAX_FILE`] bytes that starts as its format
    /// does.
    pub fn read(&self, path: &str) -> Option<Vec<u8>> {
        let (name, file) = self.file_of(path)?;
        let bytes = std::fs::read(file).ok()?;
        looks_like(name, &bytes).then_some(bytes)
    }

    /// Where the cached file of output path `images/<name>` is, when [`ImageCache::read`]
    /// would take it, for a sink to link rather than copy.
    pub fn path_of(&self, path: &str) -> Option<PathBuf> {
        use std::io::Read;
        let (name, file) = self.file_of(path)?;
        let mut head = [0u8; 8];
        let n = std::fs::File::open(&file).ok()?.read(&mut head).ok()?;
        looks_like(name, &head[..n]).then_some(file)
    }

    /// The name and file of output path `images/<name>` when it is a name the build gives
    /// and a regular file of at most [`MAX_FILE`] bytes.
    fn file_of<'p>(&self, path: &'p str) -> Option<(&'p str, PathBuf)> {
        let name = path.strip_prefix("images/").filter(|n| is_image_name(n))?;
        let file = self.dir.join(name);
        let meta = std::fs::symlink_metadata(&file).ok()?;
        (meta.is_file() && meta.len() <= MAX_FILE).then_some((name, file))
    }

    /// Keeps the file of output path `images/<name>`. A cache that cannot be written is no
    /// error: the next build makes the file again.
    pub fn store(&self, path: &str, bytes: &[u8]) -> bool {
        let Some(name) = path.strip_prefix("images/").filter(|n| is_image_name(n)) else {
            return false;
        };
        if std::fs::create_dir_all(&self.dir).is_err() {
            return false;
        }
        crate::cache_dir::write_atomically(&self.dir, name, bytes)
    }

    /// Removes every cached file whose output path is not in `keep`, and the temporary
    /// files of killed builds (files of other names are left alone).
    pub fn prune(&self, keep: &BTreeSet<String>) {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            if crate::cache_dir::is_leftover(name) {
                let _ = std::fs::remove_file(entry.path());
                continue;
            }
            if is_image_name(name) && !keep.contains(&format!("images/{name}")) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\nrest";

    fn cache(dir: &Path) -> ImageCache {
        ImageCache {
            dir: dir.join("images"),
        }
    }

    #[test]
    fn names_are_the_builds_own() {
        for good in ["0123456789abcdef-800.jpg", "0123456789abcdef-1200x630.png"] {
            assert!(is_image_name(good), "{good}");
        }
        for bad in [
            "0123456789abcdef-800.webp",
            "0123456789ABCDEF-800.jpg",
            "0123456789abcdef.jpg",
            "0123456789abcdef-.jpg",
            "0123456789abcdef-8x.jpg",
            "../0123456789abcdef-800.jpg",
            "0123456789abcdef-800.jpg/..",
        ] {
            assert!(!is_image_name(bad), "{bad}");
        }
    }

    #[test]
    fn keeps_what_it_is_given_and_prunes_only_its_own_names() {
        let tmp = tempfile::tempdir().expect("tmp");
        let c = cache(tmp.path());
        let (a, b) = (
            "images/00000000000000aa-800.png",
            "images/00000000000000bb-800.png",
        );
        assert!(c.store(a, PNG) && c.store(b, PNG));
        assert!(!c.store("images/../x.png", PNG));
        assert!(!c.store("cards/00000000000000aa.png", PNG));
        std::fs::write(c.dir().join("notes.txt"), "mine").expect("write");
        std::fs::write(c.dir().join(".00000000000000ee-800.png.7.tmp"), "half").expect("write");
        c.prune(&BTreeSet::from([a.to_string()]));
        assert_eq!(c.read(a).as_deref(), Some(PNG));
        assert_eq!(c.read(b), None);
        assert!(c.dir().join("notes.txt").is_file());
        assert!(!c.dir().join(".00000000000000ee-800.png.7.tmp").exists());
    }

    #[test]
    fn hostile_names_and_files_are_not_read() {
        let tmp = tempfile::tempdir().expect("tmp");
        let c = cache(tmp.path());
        std::fs::create_dir_all(c.dir()).expect("mkdir");
        assert_eq!(c.read("images/../../etc/passwd"), None);
        // Not what its name says: made again rather than served.
        std::fs::write(c.dir().join("00000000000000cc-800.jpg"), PNG).expect("write");
        assert_eq!(c.read("images/00000000000000cc-800.jpg"), None);
        #[cfg(unix)]
        {
            let secret = tmp.path().join("secret.png");
            std::fs::write(&secret, PNG).expect("write");
            std::os::unix::fs::symlink(&secret, c.dir().join("00000000000000dd-800.png"))
                .expect("symlink");
            assert_eq!(c.read("images/00000000000000dd-800.png"), None);
        }
    }
}
