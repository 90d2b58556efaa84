//! What one rebuild did: the change it was for, its diagnostics and the files it wrote.

use crate::diagnostic::Diagnostic;
use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

/// What one rebuild did.
#[derive(Debug)]
pub struct Outcome {
    /// What changed; its `Display` is the terminal line's (`content/x.md (body)`).
    pub what: Rebuilt,
    /// Every diagnostic of the site as it now is, sorted.
    pub diagnostics: Vec<Diagnostic>,
    pub errors: usize,
    /// Pages rendered again.
    pub rendered: usize,
    /// Files written (or rewritten), by output path.
    pub written: Vec<String>,
    /// Files removed from the output.
    pub removed: usize,
    pub elapsed: Duration,
    /// Where the time went, stage by stage (for `--timings`).
    pub stages: Vec<(&'static str, Duration)>,
}

impl Outcome {
    /// True when every file written is a stylesheet (the browser can swap it in place).
    pub fn css_only(&self) -> bool {
        !self.written.is_empty() && self.written.iter().all(|p| p.ends_with(".css"))
    }
}

/// What a rebuild was for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rebuilt {
    /// The first build (`full build`).
    Full,
    /// The watcher lost track; everything was read again (`rescan`).
    Rescan,
    /// `site.yaml` changed; everything was read again (`site.yaml`).
    Config,
    /// No file the site is made of changed (`nothing`).
    Nothing,
    /// One Markdown file (its path as diagnostics show it) and what changed in it.
    File(String, FileChange),
    /// Anything else: several files, a theme, static files (`theme, static, content/x.md`).
    Changes(Vec<Change>),
    /// The output folder (this path) was removed behind the engine's back.
    OutputRemoved(PathBuf),
    /// Files of the output (these paths) were changed or removed behind its back.
    OutputTouched(Vec<String>),
}

/// What changed in the one Markdown file of a rebuild, and so which way it took.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileChange {
    /// A briefing's body only: its page rendered again, nothing resolved or indexed.
    Body,
    /// A briefing's front matter; `in_place`: absorbed by the index without resolving the
    /// site again.
    FrontMatter {
        in_place: bool,
    },
    /// A profile changed.
    Profile,
    Added,
    Removed,
}

/// One part of a [`Rebuilt::Changes`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A file of the site's theme.
    Theme,
    /// A file under `static/`.
    Static,
    /// `content/` walked again; this many Markdown files read.
    ContentTree { read: usize },
    /// One Markdown file, by its path as diagnostics show it.
    Markdown(String),
    /// This many Markdown files.
    MarkdownFiles(usize),
}

impl fmt::Display for Rebuilt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rebuilt::Full => f.write_str("full build"),
            Rebuilt::Rescan => f.write_str("rescan"),
            Rebuilt::Config => f.write_str("site.yaml"),
            Rebuilt::Nothing => f.write_str("nothing"),
            Rebuilt::File(path, change) => write!(f, "{path} ({change})"),
            Rebuilt::Changes(parts) => {
                for (i, part) in parts.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{part}")?;
                }
                Ok(())
            }
            Rebuilt::OutputRemoved(dir) => write!(f, "{} removed", dir.display()),
            Rebuilt::OutputTouched(paths) => match paths.as_slice() {
                [one] => write!(f, "output {one} changed or removed"),
                many => write!(f, "output: {} files changed or removed", many.len()),
            },
        }
    }
}

impl fmt::Display for FileChange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FileChange::Body => "body",
            FileChange::FrontMatter { .. } => "front matter",
            FileChange::Profile => "profile",
            FileChange::Added => "added",
            FileChange::Removed => "removed",
        })
    }
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Change::Theme => f.write_str("theme"),
            Change::Static => f.write_str("static"),
            Change::ContentTree { read } => write!(f, "content ({read} read)"),
            Change::Markdown(path) => f.write_str(path),
            Change::MarkdownFiles(n) => write!(f, "{n} Markdown files"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_rebuild_prints_as_the_terminal_line_always_did() {
        let file = |c| Rebuilt::File("content/briefings/x.md".into(), c);
        for (what, line) in [
            (Rebuilt::Full, "full build"),
            (Rebuilt::Rescan, "rescan"),
            (Rebuilt::Config, "site.yaml"),
            (Rebuilt::Nothing, "nothing"),
            (file(FileChange::Body), "content/briefings/x.md (body)"),
            (
                file(FileChange::FrontMatter { in_place: true }),
                "content/briefings/x.md (front matter)",
            ),
            (
                file(FileChange::FrontMatter { in_place: false }),
                "content/briefings/x.md (front matter)",
            ),
            (
                file(FileChange::Profile),
                "content/briefings/x.md (profile)",
            ),
            (file(FileChange::Added), "content/briefings/x.md (added)"),
            (
                file(FileChange::Removed),
                "content/briefings/x.md (removed)",
            ),
            (
                Rebuilt::Changes(vec![
                    Change::Theme,
                    Change::Static,
                    Change::ContentTree { read: 2 },
                    Change::MarkdownFiles(3),
                ]),
                "theme, static, content (2 read), 3 Markdown files",
            ),
            (
                Rebuilt::Changes(vec![
                    Change::Static,
                    Change::Markdown("content/a.md".into()),
                ]),
                "static, content/a.md",
            ),
            (
                Rebuilt::OutputRemoved("/tmp/out".into()),
                "/tmp/out removed",
            ),
            (
                Rebuilt::OutputTouched(vec!["a/index.html".into()]),
                "output a/index.html changed or removed",
            ),
            (
                Rebuilt::OutputTouched(vec!["a".into(), "b".into()]),
                "output: 2 files changed or removed",
            ),
        ] {
            assert_eq!(what.to_string(), line);
        }
    }
}
