//! The output folders a build refuses, before it writes anything: a node that is not a
//! folder, a folder that is (or holds, or lies inside) one of the site's sources however it
//! is reached, a mount point, and a folder of someone else's files.

use super::location::{MARKER, OutputError, absolute};
use std::fs;
use std::path::{Path, PathBuf};

/// Resolves symlinks where the path exists, so `output -> content` is caught too.
pub fn real(p: &Path) -> PathBuf {
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

/// What a file type is, in words, for a node that is not a folder.
fn kind(t: fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
    }
    if t.is_file() {
        "a file"
    } else {
        "not a folder"
    }
}

/// Says what the node at `p` is when it exists and is neither a folder nor a symlink to one:
/// a build replaces the node at the output path, and only a folder may be replaced (renaming
/// over `/dev/null` would swap the device out of its place).
pub(super) fn not_a_folder(p: &Path) -> Option<String> {
    let own = fs::symlink_metadata(p).ok()?;
    if own.is_dir() {
        return None;
    }
    if !own.file_type().is_symlink() {
        return Some(kind(own.file_type()).to_string());
    }
    match fs::metadata(p) {
        Ok(m) if m.is_dir() => None,
        Ok(m) => Some(format!("a symlink to {}", kind(m.file_type()))),
        Err(_) => Some(match fs::read_link(p) {
            Ok(to) => format!("a symlink to nothing ({})", to.display()),
            Err(_) => "a symlink to nothing".to_string(),
        }),
    }
}

/// One folder's identity however it is reached: device and inode on Unix (so a bind mount,
/// which no link resolution sees through, is the same folder), the real path elsewhere.
#[cfg(unix)]
type Id = (u64, u64);
#[cfg(not(unix))]
type Id = PathBuf;

#[cfg(unix)]
fn id(p: &Path) -> Option<Id> {
    use std::os::unix::fs::MetadataExt;
    fs::metadata(p).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn id(p: &Path) -> Option<Id> {
    p.canonicalize().ok()
}

/// The identities of `p` (when it exists) and of every folder above it.
fn chain(p: &Path) -> Vec<Id> {
    real(p).ancestors().filter_map(id).collect()
}

/// A source of the site: the output may neither be it, lie inside it, nor hold it.
struct Source {
    path: PathBuf,
    name: String,
    /// The site root holds the default output, so only being it or holding it is refused.
    is_root: bool,
}

/// The site's sources: the root, `site.yaml`, `content/`, `static/`, `themes/` and each
/// theme folder (a theme may be a link to a folder elsewhere).
fn sources(root: &Path) -> Vec<Source> {
    let source = |path: PathBuf, name: &str, is_root| Source {
        path,
        name: name.to_string(),
        is_root,
    };
    let mut all = vec![
        source(root.to_path_buf(), "the site root", true),
        source(root.join("site.yaml"), "the site's site.yaml", false),
        source(root.join("content"), "the content folder", false),
        source(root.join("static"), "the static folder", false),
        source(root.join("themes"), "the themes folder", false),
    ];
    if let Ok(themes) = fs::read_dir(root.join("themes")) {
        let mut entries: Vec<PathBuf> = themes.filter_map(Result::ok).map(|e| e.path()).collect();
        entries.sort();
        for theme in entries.into_iter().filter(|p| p.is_dir()) {
            all.push(source(theme, "the themes folder", false));
        }
    }
    all
}

/// Checks that replacing `output` cannot lose any of the site's files, nor anything that is
/// not a folder, and that it can be replaced at all (not a mount point).
pub fn check_safe(root: &Path, output: &Path) -> Result<(), OutputError> {
    let refuse = |what: String| Err(OutputError::Unsafe(output.to_path_buf(), what));
    let lexical = absolute(output);
    if let Some(what) = not_a_folder(&lexical) {
        return refuse(format!("{what}, not a folder"));
    }
    let out = real(output);
    // A folder that does not exist yet is made under its deepest existing ancestor: that
    // must be a folder too.
    if let Some(above) = out
        .ancestors()
        .skip(1)
        .find(|a| fs::symlink_metadata(a).is_ok())
        && !above.is_dir()
    {
        let what = not_a_folder(above).unwrap_or_else(|| "not a folder".into());
        return refuse(format!("inside {}, which is {what}", above.display()));
    }
    let out_chain = chain(output);
    let out_id = id(&out);
    for s in sources(&real(root)) {
        let Some(s_id) = id(&s.path) else {
            continue;
        };
        let name = &s.name;
        if out_id.as_ref() == Some(&s_id) {
            return refuse(name.clone());
        }
        if out_id.as_ref().is_some_and(|o| chain(&s.path).contains(o)) {
            return refuse(format!("an ancestor of {name}"));
        }
        if !s.is_root && out_chain.contains(&s_id) {
            return refuse(format!("inside {name}"));
        }
    }
    if out.join("site.yaml").exists() || out.join(".git").exists() {
        return refuse("a site or repository folder".into());
    }
    // The node at the output path itself, not a link's target (a link is replaced, and what
    // it points to left alone).
    if fs::symlink_metadata(&lexical).is_ok_and(|m| m.is_dir()) && is_mount_point(&out) {
        return Err(OutputError::MountPoint(output.to_path_buf()));
    }
    Ok(())
}

/// Whether the folder `dir` (a real path) is where a file system is mounted (a bind mount
/// included). A mount point cannot be renamed, so it cannot be swapped for a new build.
fn is_mount_point(dir: &Path) -> bool {
    let Some(parent) = dir.parent() else {
        return true;
    };
    // The mount table knows bind mounts of the same device, and does not mistake a btrfs
    // subvolume (a device of its own, but renamable) for a mount.
    if let Some(listed) = listed_as_mount_point(dir) {
        return listed;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(a), Ok(b)) = (fs::metadata(dir), fs::metadata(parent)) {
            return a.dev() != b.dev();
        }
    }
    #[cfg(not(unix))]
    let _ = parent;
    false
}

/// Whether `/proc/self/mountinfo` lists `dir` as a mount point; `None` where it cannot be
/// read (another system, no `/proc`).
#[cfg(target_os = "linux")]
fn listed_as_mount_point(dir: &Path) -> Option<bool> {
    let table = fs::read_to_string("/proc/self/mountinfo").ok()?;
    Some(
        table
            .lines()
            .filter_map(|line| line.split(' ').nth(4))
            .any(|at| Path::new(&unescape_mountinfo(at)) == dir),
    )
}

#[cfg(not(target_os = "linux"))]
fn listed_as_mount_point(_: &Path) -> Option<bool> {
    None
}

/// `/proc/self/mountinfo` writes space, tab, newline and backslash in paths as `\ooo`.
#[cfg(target_os = "linux")]
fn unescape_mountinfo(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let octal = b
            .get(i + 1..i + 4)
            .filter(|d| d.iter().all(|c| (b'0'..=b'7').contains(c)));
        match octal {
            Some(d) if b[i] == b'\\' => {
                out.push(d.iter().fold(0u8, |n, c| n.wrapping_mul(8) + (c - b'0')));
                i += 4;
            }
            _ => {
                out.push(b[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Checks, just before replacing it, that a folder named with `--output` holds nothing
/// Dossier did not write: pointing `--output` at a folder of documents must not wipe it.
/// The site's own `output/` is generated by definition and always replaced.
pub fn check_replaceable(root: &Path, output: &Path) -> Result<(), OutputError> {
    let out = real(output);
    if out == real(&root.join("output")) || !out.is_dir() || out.join(MARKER).exists() {
        return Ok(());
    }
    let empty = fs::read_dir(&out)
        .map(|mut d| d.next().is_none())
        .unwrap_or(false);
    if empty {
        Ok(())
    } else {
        Err(OutputError::Foreign(output.to_path_buf()))
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    #[test]
    fn mountinfo_paths_are_unescaped() {
        assert_eq!(super::unescape_mountinfo(r"/mnt/my\040vol"), "/mnt/my vol");
        assert_eq!(super::unescape_mountinfo(r"/a\134b"), r"/a\b");
        assert_eq!(super::unescape_mountinfo(r"/plain\09"), r"/plain\09");
    }
}
