//! The social-card cache: drawn cards kept between builds, by the hash of what they draw,
//! in `<site>/.dossier/cache/cards/<hash>.png` (or `$DOSSIER_CACHE_DIR/cards/`). Only
//! files named as the build names them are read or removed; a card is written to a
//! temporary file and renamed into place, so a killed build leaves no half card under a
//! good name.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// A cached card larger than this is not a card the build drew (those are about 70 KB):
/// it is ignored and drawn again.
const MAX_CARD: u64 = 4 * 1024 * 1024;

use crate::cache_dir::{is_leftover, write_atomically};

/// The first bytes of every PNG file.
const PNG_SIGNATURE: &[u8; 8] = b"\x89PNG\r\n\x1a\n";

/// The cache folder of one site.
pub struct CardCache {
    dir: PathBuf,
}

/// Whether `hash` is a name the build gives: 16 lowercase hex digits.
fn is_card_name(hash: &str) -> bool {
    hash.len() == 16 && hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

impl CardCache {
    /// The cache of the site at `root`: `$DOSSIER_CACHE_DIR/cards` when set, else
    /// `<root>/.dossier/cache/cards`.
    pub fn of_site(root: &Path) -> CardCache {
        CardCache {
            dir: crate::cache_dir::of(root).join("cards"),
        }
    }

    /// The folder the cards are in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The cached card `hash`, if there is one: a regular file (a symlink is not followed)
    /// of at most [`MAX_CARD`] bytes that starts as a PNG does.
    pub fn read(&self, hash: &str) -> Option<Vec<u8>> {
        let path = self.card_file(hash)?;
        let bytes = std::fs::read(&path).ok()?;
        bytes.starts_with(PNG_SIGNATURE).then_some(bytes)
    }

    /// Where the cached card `hash` is, when [`CardCache::read`] would take it, for a sink
    /// to link rather than copy.
    pub fn path_of(&self, hash: &str) -> Option<PathBuf> {
        use std::io::Read;
        let path = self.card_file(hash)?;
        let mut head = [0u8; 8];
        std::fs::File::open(&path)
            .ok()?
            .read_exact(&mut head)
            .ok()?;
        (head == *PNG_SIGNATURE).then_some(path)
    }

    /// The file of card `hash` if it is a regular file (not a symlink) of at most
    /// [`MAX_CARD`] bytes.
    fn card_file(&self, hash: &str) -> Option<PathBuf> {
        if !is_card_name(hash) {
            return None;
        }
        let path = self.dir.join(format!("{hash}.png"));
        let meta = std::fs::symlink_metadata(&path).ok()?;
        (meta.is_file() && meta.len() <= MAX_CARD).then_some(path)
    }

    /// Keeps card `hash`, written to a temporary file and renamed into place. A cache
    /// that cannot be written is no error: the next build draws the card again.
    pub fn store(&self, hash: &str, png: &[u8]) -> bool {
        if !is_card_name(hash) || std::fs::create_dir_all(&self.dir).is_err() {
            return false;
        }
        write_atomically(&self.dir, &format!("{hash}.png"), png)
    }

    /// Removes every cached card not in `keep`, and the temporary files of killed builds
    /// (files of other names are left alone).
    pub fn prune(&self, keep: &BTreeSet<String>) {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            if is_leftover(name) {
                let _ = std::fs::remove_file(entry.path());
                continue;
            }
            let Some(hash) = name.strip_suffix(".png") else {
                continue;
            };
            if is_card_name(hash) && !keep.contains(hash) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\nrest";

    #[test]
    fn keeps_what_it_is_given_and_prunes_only_its_own_names() {
        let tmp = tempfile::tempdir().expect("tmp");
        let cache = CardCache {
            dir: tmp.path().join("cards"),
        };
        let (a, b) = (
            "00000000000000aa".to_string(),
            "00000000000000bb".to_string(),
        );
        assert!(cache.store(&a, PNG) && cache.store(&b, PNG));
        assert!(!cache.store("../x", PNG));
        // Not kept: removed, as is a killed build's half card; a file of another name stays.
        std::fs::write(cache.dir().join("notes.txt"), "mine").expect("write");
        std::fs::write(cache.dir().join(".00000000000000ee.7.tmp"), "half").expect("write");
        cache.prune(&BTreeSet::from([a.clone()]));
        assert_eq!(cache.read(&a).as_deref(), Some(PNG));
        assert_eq!(cache.read(&b), None);
        assert!(cache.dir().join("notes.txt").is_file());
        assert!(!cache.dir().join(".00000000000000ee.7.tmp").exists());
    }

    #[test]
    fn hostile_names_and_files_are_not_read() {
        let tmp = tempfile::tempdir().expect("tmp");
        let cache = CardCache {
            dir: tmp.path().join("cards"),
        };
        std::fs::create_dir_all(cache.dir()).expect("mkdir");
        assert_eq!(cache.read("../../etc/passwd"), None);
        assert_eq!(cache.read("0000000000000000/.."), None);
        // Not a PNG: drawn again rather than served.
        std::fs::write(cache.dir().join("00000000000000cc.png"), "text").expect("write");
        assert_eq!(cache.read("00000000000000cc"), None);
        #[cfg(unix)]
        {
            let secret = tmp.path().join("secret.png");
            std::fs::write(&secret, PNG).expect("write");
            std::os::unix::fs::symlink(&secret, cache.dir().join("00000000000000dd.png"))
                .expect("symlink");
            assert_eq!(cache.read("00000000000000dd"), None);
        }
    }
}
