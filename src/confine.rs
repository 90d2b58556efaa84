//! What the build may read: symlinks are followed only to files of the site that are
//! meant to be published (never out of the site, into `.git/` or another dotfile, into an
//! output folder, or to a Markdown file's raw text), and files are opened so that one
//! swapped for a symlink after discovery is not read through it.

use std::ffi::OsStr;
use std::fs::File;
use std::io;
use std::path::{Component, Path, PathBuf};

/// Symlinks followed in a row before giving up (the limit Linux itself uses).
const MAX_HOPS: usize = 40;

/// Why a symlink (or a file reached through one) is not followed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// The target is not inside the site root.
    Outside,
    /// The target is in a version-control folder (`.git`).
    VersionControl(String),
    /// The target is, or is inside, a dotfile or dot-folder (`.env`).
    Hidden(String),
    /// The target is an output folder, inside one, or a folder holding one.
    Output,
    /// The target is a Markdown file of `content/` (or a leftover of one) reached under a
    /// name that is copied verbatim: its raw text, draft or not, would be published.
    Markdown,
    /// The chain of links never ends.
    Loop,
    /// The target cannot be reached (a broken link, a permission).
    Broken(String),
}

impl Refused {
    /// Where the link leads, for the warning: `outside the site`, `into … (.git)`.
    pub fn why(&self) -> String {
        match self {
            Refused::Outside => "outside the site".into(),
            Refused::VersionControl(n) => format!("into a version-control folder (`{n}`)"),
            Refused::Hidden(n) => format!("to a hidden file or folder (`{n}`)"),
            Refused::Output => "to the output folder or a folder holding it".into(),
            Refused::Markdown => {
                "to a Markdown file of content/ (its text is published only as its page)".into()
            }
            Refused::Loop => "round in a loop".into(),
            Refused::Broken(e) => format!("to nothing readable ({e})"),
        }
    }
}

/// What a walk is collecting, which decides where a link may lead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Use {
    /// A Markdown page of `content/`: may be a link to any Markdown file of the site.
    Page,
    /// A file copied byte for byte into the output (static files, content assets, theme
    /// files): never a link to a Markdown file of `content/`.
    Verbatim,
}

/// The site's bounds: its canonical root and the output folders links must not reach.
#[derive(Debug, Clone)]
pub struct Confine {
    /// The root as given (made absolute), which diagnostics are relative to.
    pub root: PathBuf,
    /// The root with every symlink resolved: every path this module returns starts with it.
    pub canon_root: PathBuf,
    content: PathBuf,
    outputs: Vec<PathBuf>,
}

impl Confine {
    /// The bounds of the site at `root`, whose output goes to `output` (default
    /// `<root>/output`; `<root>/output` is refused as a target either way, as generated).
    pub fn new(root: &Path, output: Option<&Path>) -> Confine {
        let root = crate::output::absolute(root);
        let canon_root = root.canonicalize().unwrap_or_else(|_| root.clone());
        let mut outputs = vec![crate::output::real(&root.join("output"))];
        if let Some(o) = output {
            outputs.push(crate::output::real(o));
        }
        Confine {
            content: canon_root.join("content"),
            root,
            canon_root,
            outputs,
        }
    }

    /// `p` (under the root, logical or canonical) relative to the root, `/`-separated.
    pub fn shown(&self, p: &Path) -> String {
        let p = &crate::output::absolute(p);
        let rel = p
            .strip_prefix(&self.root)
            .or_else(|_| p.strip_prefix(&self.canon_root))
            .unwrap_or(p);
        crate::diagnostic::display_path(rel)
    }

    /// Resolves `logical` (a path under the root) one component at a time, following each
    /// symlink on the way only where [`Confine::follow`] allows. `Ok(None)` when it does not
    /// exist; `Err((link, why))` names the first link refused.
    pub fn resolve(
        &self,
        logical: &Path,
        usage: Use,
    ) -> Result<Option<PathBuf>, (PathBuf, Refused)> {
        // `--root .` gives relative paths: `./site.yaml`.
        let logical = &crate::output::absolute(logical);
        let rel = logical
            .strip_prefix(&self.root)
            .or_else(|_| logical.strip_prefix(&self.canon_root))
            .unwrap_or(logical);
        let mut cur = self.canon_root.clone();
        let mut shown = self.root.clone();
        for c in rel.components() {
            let Component::Normal(name) = c else {
                return Err((logical.to_path_buf(), Refused::Outside));
            };
            cur.push(name);
            shown.push(name);
            match std::fs::symlink_metadata(&cur) {
                Err(_) => return Ok(None),
                Ok(m) if m.file_type().is_symlink() => {
                    cur = self
                        .follow(&cur, usage)
                        .map_err(|why| (shown.clone(), why))?;
                }
                Ok(_) => {}
            }
        }
        Ok(Some(cur))
    }

    /// Follows the symlink at `link` (a path whose parent is canonical) link by link; every
    /// place the chain passes through must be allowed ([`Confine::check`]). Returns the
    /// canonical path it ends at.
    pub fn follow(&self, link: &Path, usage: Use) -> Result<PathBuf, Refused> {
        let broken = |e: io::Error| Refused::Broken(e.to_string());
        let mut cur = link.to_path_buf();
        for _ in 0..MAX_HOPS {
            let to = std::fs::read_link(&cur).map_err(broken)?;
            let joined = match cur.parent() {
                Some(dir) if to.is_relative() => dir.join(&to),
                _ => to,
            };
            // The folder is resolved (links on the way included); the last name is looked
            // at on its own, so that a link to a link is seen hop by hop.
            let next = match (joined.parent(), joined.file_name()) {
                (Some(dir), Some(name)) => dir.canonicalize().map_err(broken)?.join(name),
                _ => joined.canonicalize().map_err(broken)?,
            };
            self.check(&next, usage)?;
            match std::fs::symlink_metadata(&next) {
                Ok(m) if m.file_type().is_symlink() => cur = next,
                Ok(_) => return Ok(next),
                Err(e) => return Err(broken(e)),
            }
        }
        Err(Refused::Loop)
    }

    /// Whether the canonical path `p`, a symlink's target, may be read: [`Confine::check_path`],
    /// and no folder on its way was written by a build.
    pub fn check(&self, p: &Path, usage: Use) -> Result<(), Refused> {
        self.check_path(p, usage)?;
        let marked = p
            .ancestors()
            .take_while(|a| a.starts_with(&self.canon_root))
            .any(is_marked);
        if marked {
            return Err(Refused::Output);
        }
        Ok(())
    }

    /// Whether the canonical path `p`, reached through a symlink, may be read, by its name
    /// alone (no file system access): inside the root, no dotfile or VCS folder on its way,
    /// no output folder, and no Markdown file of content/ under a verbatim name.
    pub fn check_path(&self, p: &Path, usage: Use) -> Result<(), Refused> {
        let Ok(rel) = p.strip_prefix(&self.canon_root) else {
            return Err(Refused::Outside);
        };
        for c in rel.components() {
            let name = c.as_os_str();
            if is_vcs(name) {
                return Err(Refused::VersionControl(name.to_string_lossy().into()));
            }
            if name.to_string_lossy().starts_with('.') {
                return Err(Refused::Hidden(crate::diagnostic::display_path(rel)));
            }
        }
        self.check_output(p)?;
        // Only links reach here: a Markdown file of content/ is published only through
        // the pipeline (drafts left out), never as bytes.
        if usage == Use::Verbatim
            && p.starts_with(&self.content)
            && p.file_name().is_some_and(crate::confine::is_markdownish)
        {
            return Err(Refused::Markdown);
        }
        Ok(())
    }

    /// Refuses a known output folder, anything inside one, and any folder holding one, by
    /// name (folders a build marked are seen by [`is_marked`]).
    pub fn check_output(&self, p: &Path) -> Result<(), Refused> {
        if self
            .outputs
            .iter()
            .any(|o| o.starts_with(p) || p.starts_with(o))
        {
            return Err(Refused::Output);
        }
        Ok(())
    }
}

/// Whether `dir` is a folder a build wrote (it holds the `.dossier-output` marker): an
/// output folder of this site under another name (`serve`'s, an earlier `--output`).
pub fn is_marked(dir: &Path) -> bool {
    dir.join(crate::output::MARKER).exists()
}

/// Version-control folders (and the Finder's `.DS_Store`): never content, never copied.
pub fn is_vcs(name: &OsStr) -> bool {
    matches!(
        name.to_str(),
        Some(".git" | ".hg" | ".svn" | ".bzr" | ".jj" | ".pijul" | "_darcs" | "CVS" | ".DS_Store")
    )
}

/// The message of a file that became a symlink after the folder was listed.
fn swapped() -> io::Error {
    io::Error::other("it became a symlink after its folder was listed: not followed")
}

/// Opens the file at the canonical path `path` for reading without following any symlink
/// on the way, so that a file (or folder) replaced by a link since discovery is refused
/// instead of read through the link. Only regular files are opened; returns the file and
/// its length.
pub fn open(path: &Path) -> io::Result<(File, u64)> {
    let file = open_nofollow(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(io::Error::other("not a regular file"));
    }
    Ok((file, meta.len()))
}

#[cfg(any(target_os = "linux", target_os = "android"))]
fn open_nofollow(path: &Path) -> io::Result<File> {
    use rustix::fs::{Mode, OFlags, ResolveFlags};
    use rustix::io::Errno;
    // Non-blocking: a FIFO put in a file's place must not hang the build.
    let flags = OFlags::RDONLY | OFlags::CLOEXEC | OFlags::NOCTTY | OFlags::NONBLOCK;
    match rustix::fs::openat2(
        rustix::fs::CWD,
        path,
        flags,
        Mode::empty(),
        ResolveFlags::NO_SYMLINKS | ResolveFlags::NO_MAGICLINKS,
    ) {
        Ok(fd) => return Ok(File::from(fd)),
        Err(Errno::LOOP | Errno::XDEV) => return Err(swapped()),
        // Kernels before 5.6, or a sandbox that forbids the call: the last name is opened
        // without following a link, the folders on the way are checked after.
        Err(Errno::NOSYS | Errno::PERM | Errno::INVAL) => {}
        Err(e) => return Err(e.into()),
    }
    match rustix::fs::open(path, flags | OFlags::NOFOLLOW, Mode::empty()) {
        Ok(fd) => verified(File::from(fd), path),
        Err(Errno::LOOP) => Err(swapped()),
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(any(target_os = "linux", target_os = "android")))]
fn open_nofollow(path: &Path) -> io::Result<File> {
    if std::fs::symlink_metadata(path)?.file_type().is_symlink() {
        return Err(swapped());
    }
    verified(File::open(path)?, path)
}

/// `file`, opened at `path`, if `path` still holds no symlink after opening.
fn verified(file: File, path: &Path) -> io::Result<File> {
    if path.canonicalize()? != path {
        return Err(swapped());
    }
    Ok(file)
}

/// The bytes of the file at the canonical path `path`, opened with [`open`].
pub fn read(path: &Path) -> io::Result<Vec<u8>> {
    use std::io::Read;
    let (file, len) = open(path)?;
    let mut bytes = Vec::with_capacity(len as usize);
    // Through `Take`: `File::read_to_end` would ask the length again (one more system call
    // per file, and sites copy tens of thousands).
    file.take(u64::MAX).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Extensions of Markdown files, other than `.md`, that Dossier does not read (any case).
pub(crate) const OTHER_MARKDOWN: [&str; 8] = [
    "markdown", "mdown", "mkdn", "mkd", "mdwn", "mdtxt", "mdtext", "mdx",
];

/// A Markdown file, or what an editor, merge or package tool leaves beside one: any name
/// with a Markdown extension after its first part (`x.md`, `x.MD.orig`, `x.md~`,
/// `#x.md#`, `.x.md.swp`, `x.markdown.bak`).
pub fn is_markdownish(name: &OsStr) -> bool {
    let n = name.to_string_lossy();
    let n = n.trim_matches(|c| c == '#' || c == '~');
    n.split('.').skip(1).any(|part| {
        part.eq_ignore_ascii_case("md")
            || OTHER_MARKDOWN.iter().any(|m| m.eq_ignore_ascii_case(part))
    })
}
